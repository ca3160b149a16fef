/** The quality gate: results (or given values) + SLO (or thresholds) + history → Evaluation. */
import { InputError } from '../contracts/errors.js'
import { ResultsFileError } from '../contracts/errors.js'
import type {
  Comparison,
  Evaluation,
  HistoryRun,
  Indicator,
  SliSource,
  Slo
} from '../contracts/evaluation.js'
import { readJtls, type FileRead } from '../results-file/jtl-read.js'
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
import type { PrometheusInput, QueriedSli } from './prometheus-slis.js'
import { total, scoreObjective } from './score.js'
import { parseThresholds } from './thresholds.js'

export { explain } from './explain.js'
export type * from '../contracts/evaluation.js'
export type { PrometheusInput } from './prometheus-slis.js'

export interface EvaluateInput {
  /** A JTL file (CSV or XML) written by JMeter. */
  readonly resultsFile?: string
  /** Several results files (load generators) judged as one test: the SLIs of their union. */
  readonly resultsFiles?: readonly string[]
  /** SLI values from elsewhere: name → number, or null for "no value". */
  readonly values?: Readonly<Record<string, number | null>>
  /** An SLO already parsed, or the path of a slo.yaml, or the compact thresholds form. */
  readonly slo?: Slo
  readonly sloFile?: string
  readonly thresholds?: string
  /** Earlier evaluations of the same project/stage/service, newest first. */
  readonly history?: readonly HistoryRun[] | Promise<readonly HistoryRun[]>
  /** Also compute every label's SLIs for the output (objectives naming a label turn this on). */
  readonly labels?: boolean
  readonly labelCap?: number
  /** SLIs from Prometheus: an sli.yaml beside the results (scored by the SLO), or a pitometer gate. */
  readonly prometheus?: PrometheusInput
}

const NO_SLO: Slo = {
  comparison: DEFAULT_COMPARISON,
  objectives: [],
  totalScore: { pass: 90, warning: null },
  notes: []
}

/** Throws InputError/ConfigFileError for unusable input; everything else becomes a result. */
export async function evaluateResults(input: EvaluateInput): Promise<Evaluation> {
  const prometheus = input.prometheus
  const files = input.resultsFiles ?? (input.resultsFile === undefined ? undefined : [input.resultsFile])
  if (files?.length === 0) throw new InputError('results', 'at least one results file')
  if (files !== undefined && input.values !== undefined) {
    throw new InputError('results', 'at most one of a results file or SLI values')
  }
  const sloGiven = [input.slo, input.sloFile, input.thresholds].filter(x => x !== undefined).length
  if (sloGiven > 1) throw new InputError('slo', 'at most one of an SLO file or thresholds')
  if (prometheus && prometheus.gate.kind !== 'sli') {
    if (sloGiven > 0)
      throw new InputError('slo', `no SLO or thresholds beside a pitometer gate (${prometheus.gate.kind})`)
    // Imported here, not at the top: see prometheus-slis.ts.
    const { pitometerGate } = await import('./prometheus-slis.js')
    const started = performance.now()
    const graded = await pitometerGate(prometheus, prometheus.gate)
    return { ...graded, prometheus: queried(prometheus, elapsedSince(started)) }
  }
  if (files === undefined && input.values === undefined && !prometheus) {
    throw new InputError('results', 'a results file, SLI values or Prometheus SLIs')
  }
  const slo =
    input.slo ??
    (input.sloFile
      ? // Loaded only when needed: the YAML parser is most of the code `evaluate --thresholds` would load.
        (await import('./slo.js')).loadSlo(input.sloFile)
      : input.thresholds !== undefined
        ? parseThresholds(input.thresholds)
        : null)
  const local =
    files !== undefined
      ? await measure(files, slo ?? NO_SLO, input)
      : given(input.values ?? {}, input.values === undefined ? 'none' : 'values')
  const started = performance.now()
  let measured = local
  if (prometheus?.gate.kind === 'sli') {
    const { sliQueries } = await import('./prometheus-slis.js')
    measured = withPrometheus(local, await sliQueries(prometheus, prometheus.gate.file, slo?.filters))
  }
  const waited = elapsedSince(started)
  // A promised history (read from the config branch) arrives while the queries ran.
  const evaluation = judge(
    slo,
    measured,
    (await input.history) ?? [],
    files?.length === 1 ? files[0] : undefined
  )
  return prometheus ? { ...evaluation, prometheus: queried(prometheus, waited) } : evaluation
}

const elapsedSince = (started: number) => Math.round(performance.now() - started) / 1000

function queried({ endpoint, context }: PrometheusInput, seconds: number): Evaluation['prometheus'] {
  return { url: endpoint.url, ...(context.window ? { window: context.window } : {}), seconds }
}

/** The SLIs of the sli.yaml are Prometheus's; the others stay the results file's (or the given values'). */
function withPrometheus(local: Measured, queried: ReadonlyMap<string, QueriedSli>): Measured {
  return {
    ...local,
    lookup: sli => queried.get(sli)?.value ?? local.lookup(sli),
    sourceOf: sli => {
      const q = queried.get(sli)
      return q ? { kind: 'prometheus', query: q.query } : local.sourceOf(sli)
    },
    slis: { ...local.slis, ...Object.fromEntries([...queried].map(([name, q]) => [name, q.value.value])) }
  }
}

interface Measured {
  readonly lookup: (sli: string) => SliValue
  readonly sourceOf: (sli: string) => SliSource | undefined
  readonly slis: Record<string, number | null>
  readonly samples?: number
  /** Per file, when several were read. */
  readonly files?: readonly { readonly file: string; readonly samples: number }[]
  readonly warnings: string[]
  readonly unusable?: string
}

async function measure(files: readonly string[], slo: Slo, input: EvaluateInput): Promise<Measured> {
  const perLabel = input.labels === true || slo.objectives.some(o => parseSliName(o.sli)?.label !== undefined)
  const sink = new SampleSink(perLabel, input.labelCap ?? DEFAULT_LABEL_CAP)
  let reads: FileRead[] = []
  try {
    reads = await readJtls(files, sink)
    // Percentiles that need another pass over the files (many distinct values above 65.5 s) are found here,
    // all at once, where a file that changed in between is reported like any unusable file.
    const asked = slo.objectives.map(o => percentileOf(o.sli)).filter(p => p > 0 && p <= 100)
    sink.prefetch([...new Set([...STANDARD_PERCENTILES, ...asked])])
  } catch (error) {
    if (!(error instanceof ResultsFileError)) throw error
    const reason = `results file unusable: ${error.message}`
    // The objectives say only that there is no value: the file and line are in the first reason, once.
    const none = { value: null, reason: 'the results file is unusable (see the reasons)' }
    return { lookup: () => none, sourceOf: RESULTS_FILE, slis: {}, warnings: sink.warnings, unusable: reason }
  }
  const samples = sink.total.count
  const unusable = samples === 0 ? `the results file ${files.join(', ')} has no samples` : undefined
  return {
    lookup: sli => lookupSli(sink, sli),
    sourceOf: RESULTS_FILE,
    slis: standardSlis(sink),
    samples,
    ...(files.length > 1 ? { files: reads.map(({ file, samples: n }) => ({ file, samples: n })) } : {}),
    warnings: sink.warnings,
    ...(unusable ? { unusable } : {})
  }
}

const RESULTS_FILE = (): SliSource => ({ kind: 'results-file' })

function given(values: Readonly<Record<string, number | null>>, from: 'values' | 'none'): Measured {
  return {
    sourceOf: () => (from === 'values' ? { kind: 'values' } : undefined),
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
    const source = measured.sourceOf(objective.sli)
    const scored = scoreObjective({
      objective,
      value,
      ...(reason ? { missing: reason } : {}),
      earlier: earlierValues(runs, objective.sli),
      aggregateFunction: used.comparison.aggregateFunction,
      ...(used.file ? { sloFile: used.file } : {})
    })
    return source ? { ...scored, source } : scored
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
    ...(measured.files ? { resultsFiles: measured.files } : {}),
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
