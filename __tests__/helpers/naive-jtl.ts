/**
 * Independent, deliberately simple computations for checking the streaming reader: whole-file
 * parsing, sorting for percentiles. Slow and memory-hungry, fine for test-sized files.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
export const FIXTURES = path.resolve(here, '../fixtures/jtl')

export interface NaiveSample {
  ts: number
  elapsed: number
  ok: boolean
  label: string
}

/** RFC 4180 by a character state machine over the whole text; an unterminated last row is dropped. */
export function naiveCsvRows(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n') {
      row.push(field.endsWith('\r') ? field.slice(0, -1) : field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  return rows
}

const DATE = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

function naiveTs(text: string): number {
  const m = DATE.exec(text)
  if (m) return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)
  return Number(text)
}

export function naiveCsvSamples(file: string, header: boolean): NaiveSample[] {
  const rows = naiveCsvRows(readFileSync(file, 'utf8')).filter(r => !(r.length === 1 && r[0] === ''))
  const names = header ? rows.shift()! : []
  const col = (name: string, fallback: number) => (header ? names.indexOf(name) : fallback)
  const [ts, el, ok, lb] = [col('timeStamp', 0), col('elapsed', 1), col('success', 7), col('label', 2)]
  return rows.map(r => ({ ts: naiveTs(r[ts]!), elapsed: Number(r[el]), ok: r[ok] === 'true', label: r[lb]! }))
}

/** JMeter writes top-level samples at column 0 and nests sub-samples with indentation. */
export function naiveXmlSamples(file: string): NaiveSample[] {
  const text = readFileSync(file, 'utf8')
  const out: NaiveSample[] = []
  for (const m of text.matchAll(/^<(httpSample|sample) ([^>]*)>/gm)) {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[2]!)?.[1] ?? ''
    out.push({
      ts: Number(attr('ts')),
      elapsed: Number(attr('t')),
      ok: attr('s') === 'true',
      label: attr('lb')
    })
  }
  return out
}

export function nearestRank(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length - 1e-9))
  return sorted[rank - 1]!
}

export function naiveSlis(samples: readonly NaiveSample[]): Record<string, number> {
  const sorted = samples.map(s => s.elapsed).sort((a, b) => a - b)
  const timed = samples.filter(s => s.ts > 0)
  const start = Math.min(...timed.map(s => s.ts))
  const end = Math.max(...timed.map(s => s.ts + s.elapsed))
  return {
    request_count: samples.length,
    error_rate: (100 * samples.filter(s => !s.ok).length) / samples.length,
    throughput: timed.length / ((end - start) / 1000),
    response_time_avg: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    response_time_min: sorted[0]!,
    response_time_max: sorted[sorted.length - 1]!,
    response_time_p50: nearestRank(sorted, 50),
    response_time_p90: nearestRank(sorted, 90),
    response_time_p95: nearestRank(sorted, 95),
    response_time_p99: nearestRank(sorted, 99)
  }
}
