/** The quality gate: results (or given values) + SLO (or thresholds) + history → Evaluation. */
import { InputError } from '../contracts/errors.js'
import { ResultsFileError } from '../contracts/errors.js'
import type { Comparison, Evaluation, HistoryRun, Indicator, Slo } from '../contracts/evaluation.js'
import { readJtl } from '../results-file/jtl-read.js'
import {
  DEFAULT_LABEL_CAP,
  lookupSli,
  parseSliName,
  percentileOf,
  SampleSink,
  standardSlis,
  STANDARD_PERCENTILES,
  type SliValue
} from '../results-file/sli.js'
import { DEFAULT_COMPARISON, earlierValues, selectRuns } from './history.js'
import { total, scoreObjective } from './score.js'
import { parseThresholds } from './thresholds.js'

export { explain } from './explain.js'
export type * from '../contracts/evaluation.js'

export interface EvaluateInput {
  /** A JTL file (CSV or XML) written by JMeter. */
  readonly resultsFile?: string
  /** SLI values from elsewhere: name → number, or null for "no value". */
  readonly values?: Readonly<Record<string, number | null>>
  /** An SLO already parsed, or the path of a slo.yaml, or the compact thresholds form. */
  readonly slo?: Slo
  readonly sloFile?: string
  readonly thresholds?: string
  /** Earlier evaluations of the same project/stage/service, newest first. */
  readonly history?: readonly HistoryRun[]
  /** Also compute every label's SLIs for the output (objectives naming a label turn this on). */
  readonly labels?: boolean
  readonly labelCap?: number
}

const NO_SLO: Slo = {
  comparison: DEFAULT_COMPARISON,
  objectives: [],
  totalScore: { pass: 90, warning: null },
  notes: []
}

/** Throws InputError/ConfigFileError for unusable input; everything else becomes a result. */
export async function evaluateResults(input: EvaluateInput): Promise<Evaluation> {
  if ((input.resultsFile === undefined) === (input.values === undefined)) {
    throw new InputError('results', 'exactly one of a results file or SLI values')
  }
  if ([input.slo, input.sloFile, input.thresholds].filter(x => x !== undefined).length > 1) {
    throw new InputError('slo', 'at most one of an SLO file or thresholds')
  }
  const slo =
    input.slo ??
    (input.sloFile
      ? // Loaded only when needed: the YAML parser is most of the code `evaluate --thresholds` would load.
        (await import('./slo.js')).loadSlo(input.sloFile)
      : input.thresholds !== undefined
        ? parseThresholds(input.thresholds)
        : null)
  const measured =
    input.resultsFile !== undefined ? measure(input.resultsFile, slo ?? NO_SLO, input) : given(input.values!)
  return judge(slo, measured, input.history ?? [], input.resultsFile)
}

interface Measured {
  readonly lookup: (sli: string) => SliValue
  readonly slis: Record<string, number | null>
  readonly samples?: number
  readonly warnings: string[]
  readonly unusable?: string
}

function measure(file: string, slo: Slo, input: EvaluateInput): Measured {
  const perLabel = input.labels === true || slo.objectives.some(o => parseSliName(o.sli)?.label !== undefined)
  const sink = new SampleSink(perLabel, input.labelCap ?? DEFAULT_LABEL_CAP)
  try {
    // Synchronous reading is the faster here: on two cores a thread-pool read competes with the scan.
    readJtl(file, sink)
    // Percentiles that need another pass over the file (many distinct values above 65.5 s) are found here,
    // all at once, where a file that changed in between is reported like any unusable file.
    const asked = slo.objectives.map(o => percentileOf(o.sli)).filter(p => p > 0 && p <= 100)
    sink.prefetch([...new Set([...STANDARD_PERCENTILES, ...asked])])
  } catch (error) {
    if (!(error instanceof ResultsFileError)) throw error
    const reason = `results file unusable: ${error.message}`
    // The objectives say only that there is no value: the file and line are in the first reason, once.
    const none = { value: null, reason: 'the results file is unusable (see the reasons)' }
    return { lookup: () => none, slis: {}, warnings: sink.warnings, unusable: reason }
  }
  const samples = sink.total.count
  const unusable = samples === 0 ? `the results file ${file} has no samples` : undefined
  return {
    lookup: sli => lookupSli(sink, sli),
    slis: standardSlis(sink),
    samples,
    warnings: sink.warnings,
    ...(unusable ? { unusable } : {})
  }
}

function given(values: Readonly<Record<string, number | null>>): Measured {
  return {
    lookup: sli => {
      const value = Object.hasOwn(values, sli) ? values[sli] : undefined
      if (typeof value === 'number' && Number.isFinite(value)) return { value }
      return {
        value: null,
        reason: value === undefined ? `${sli} is not among the given values` : 'given as null'
      }
    },
    slis: { ...values },
    warnings: []
  }
}

function judge(
  slo: Slo | null,
  measured: Measured,
  history: readonly HistoryRun[],
  resultsFile?: string
): Evaluation {
  const used = slo ?? NO_SLO
  const runs = selectRuns(history, used.comparison)
  const indicators: Indicator[] = used.objectives.map(objective => {
    const { value, reason } = measured.lookup(objective.sli)
    return scoreObjective({
      objective,
      value,
      ...(reason ? { missing: reason } : {}),
      earlier: earlierValues(runs, objective.sli),
      aggregateFunction: used.comparison.aggregateFunction,
      ...(used.file ? { sloFile: used.file } : {})
    })
  })
  const outcome = total(indicators, used.totalScore)
  const reasons = [...failClosed(slo, measured), ...outcome.reasons]
  const failed = reasons.length > outcome.reasons.length
  const warnings = [
    ...measured.warnings,
    ...used.notes,
    ...baselineWarnings(indicators, runs.length, used.comparison)
  ]
  return {
    result: failed ? 'fail' : outcome.result,
    score: outcome.score,
    indicators,
    totalScore: used.totalScore,
    comparison: { ...used.comparison, baseline: runs.length === 0 ? 'none' : runs.length },
    reasons,
    warnings,
    ...(measured.samples === undefined ? {} : { samples: measured.samples }),
    ...(resultsFile ? { resultsFile } : {}),
    ...(used.file ? { sloFile: used.file } : {}),
    slis: measured.slis
  }
}

/** Reasons that fail the gate whatever the score: never pass on no data or no objectives. */
function failClosed(slo: Slo | null, measured: Measured): string[] {
  const reasons: string[] = []
  if (measured.unusable) reasons.push(measured.unusable)
  if (!slo) reasons.push('no SLO: nothing to gate on (give an slo.yaml or thresholds)')
  else if (slo.objectives.length === 0) reasons.push(`${slo.file ?? 'the SLO'} has no objectives`)
  return reasons
}

function baselineWarnings(indicators: readonly Indicator[], runs: number, comparison: Comparison): string[] {
  const relative = indicators.some(i => [...i.passTargets, ...i.warningTargets].some(t => t.relative))
  if (!relative || runs > 0) return []
  return [
    `no baseline: no earlier evaluation with a result included by include_result_with_score=${comparison.includeResultWithScore}; relative criteria held by default`
  ]
}
