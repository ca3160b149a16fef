/** Earlier evaluations used as the baseline of relative criteria. */
import { ConfigFileError } from '../contracts/errors.js'
import type { Comparison, HistoryRun, IncludeResult, Result } from '../contracts/evaluation.js'
import { check, type MiniSchema } from '../files/mini-schema.js'
import { readUserJson } from '../files/user-file.js'

/** Keptn's comparison when slo.yaml has none: the one result before, whatever its score, averaged. */
export const DEFAULT_COMPARISON: Comparison = {
  compareWith: 'single_result',
  includeResultWithScore: 'all',
  numberOfComparisonResults: 1,
  aggregateFunction: 'avg'
}

const SCHEMA: MiniSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['result', 'indicators'],
    properties: {
      result: { type: 'string', enum: ['pass', 'warning', 'fail'] },
      indicators: {
        type: 'array',
        items: {
          type: 'object',
          required: ['sli', 'value'],
          properties: { sli: { type: 'string' }, value: { type: 'number', nullable: true } }
        }
      }
    }
  }
}

/** Reads a JSON array of earlier `evaluate --json` outputs, newest first. */
export function loadHistory(file: string): HistoryRun[] {
  return checkHistory(readUserJson(file), file)
}

export function checkHistory(value: unknown, file = 'history'): HistoryRun[] {
  const error = check(SCHEMA, value)
  if (!error) return value as HistoryRun[]
  const where = error.path.length ? error.path.join('.') : 'document'
  throw new ConfigFileError(
    file,
    undefined,
    `${where}: ${error.message} (expected an array of earlier evaluate --json outputs, newest first)`
  )
}

const INCLUDED: Record<IncludeResult, readonly Result[]> = {
  pass: ['pass'],
  pass_or_warn: ['pass', 'warning'],
  all: ['pass', 'warning', 'fail']
}

/**
 * The runs to compare with: those whose overall result is included, then the newest N of them
 * (lighthouse filters its event query by result and limits it to N).
 */
export function selectRuns(history: readonly HistoryRun[], comparison: Comparison): HistoryRun[] {
  const included = INCLUDED[comparison.includeResultWithScore]
  return history.filter(run => included.includes(run.result)).slice(0, comparison.numberOfComparisonResults)
}

/**
 * The SLI's earlier values, newest first; a run where it had no value is left out. A run's `slis`
 * map is used when no objective of that run named the SLI (an objective added since).
 */
export function earlierValues(runs: readonly HistoryRun[], sli: string): number[] {
  const values: number[] = []
  for (const run of runs) {
    const value = run.indicators.find(i => i.sli === sli)?.value ?? run.slis?.[sli]
    if (typeof value === 'number' && Number.isFinite(value)) values.push(value)
  }
  return values
}
