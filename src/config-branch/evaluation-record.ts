/** What the config branch keeps of each evaluation: enough for relative criteria and the trend chart. */
import type { Evaluation, EvaluationRecord, Result } from '../contracts/evaluation.js'

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
