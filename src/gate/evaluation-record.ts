/** What the config branch keeps of each evaluation: enough for relative criteria and the trend chart. */
import type { Evaluation, HistoryRun, Result } from '../evaluation/types.js'

export interface EvaluationRecord extends HistoryRun {
  readonly tag: string
  readonly score: number
  /** ISO 8601. */
  readonly time: string
  readonly runUrl?: string
}

export function evaluationRecord(
  evaluation: Evaluation,
  tag: string,
  time: Date,
  runUrl?: string
): EvaluationRecord {
  return {
    result: evaluation.result,
    score: evaluation.score,
    tag,
    time: time.toISOString(),
    ...(runUrl ? { runUrl } : {}),
    indicators: evaluation.indicators.map(i => ({ sli: i.sli, value: i.value, status: i.status }))
  }
}

const RESULTS: readonly Result[] = ['pass', 'warning', 'fail']

/** Entries read back from the branch: anything not of this shape (hand edits, old formats) is skipped. */
export function readEvaluationRecords(items: readonly unknown[]): EvaluationRecord[] {
  return items.filter((item): item is EvaluationRecord => {
    const e = item as Partial<EvaluationRecord>
    return RESULTS.includes(e.result as Result) && typeof e.score === 'number' && Array.isArray(e.indicators)
  })
}
