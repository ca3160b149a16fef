/** Raw Prometheus settings (action inputs or CLI options) checked into what the evaluation needs. */
import { InputError } from '../contracts/errors.js'

/** How long one query may take: Prometheus's own default query timeout is 2 minutes; a gate waits less. */
export const QUERY_TIMEOUT_MS = 30_000

/** RFC 3339 or unix seconds, as Keptn accepted them, to epoch ms. */
export function parseTime(input: string, value: string): number {
  const text = value.trim()
  const ms = /^\d+(\.\d+)?$/.test(text)
    ? Number(text) * 1000
    : /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.test(text)
      ? Date.parse(text)
      : NaN
  if (!Number.isFinite(ms))
    throw new InputError(input, 'RFC 3339 (2026-12-03T10:00:00Z) or unix seconds', value)
  return ms
}

/** The test window: start before end. */
export function checkWindow(start: number, end: number): { start: number; end: number } {
  if (!(start < end)) throw new InputError('--start/--end', 'a start before the end')
  return { start, end }
}
