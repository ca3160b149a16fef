/** JTL timestamps: epoch milliseconds, or a formatted date when jmeter.save.saveservice.timestamp_format is set. */

export interface ParsedTimestamp {
  readonly value: number | null
  /** Said once per file: what the reader could not do exactly. */
  readonly warning?: string
}

// yyyy/MM/dd HH:mm:ss[.SSS] and yyyy-MM-dd[T ]HH:mm:ss[.SSS], JMeter's usual formatted timestamps.
const DATE = /^(\d{4})[/-](\d{2})[/-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,3}))?$/

export function parseTimestamp(text: string): ParsedTimestamp {
  if (/^\d{1,15}$/.test(text)) return { value: Number(text) }
  const m = DATE.exec(text.trim())
  if (!m) {
    return {
      value: null,
      warning: `timeStamp ${JSON.stringify(text.slice(0, 40))} is not understood: no throughput`
    }
  }
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number
  ]
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0
  // The zone is unknown; read as UTC, which keeps differences right (throughput needs only those).
  const value = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  if (Number.isNaN(value))
    return { value: null, warning: `timeStamp ${JSON.stringify(text)} is not a date: no throughput` }
  if (m[7]) return { value }
  return { value, warning: 'timeStamps are dates with 1 s resolution: throughput is approximate' }
}
