/**
 * Built-in SLIs computed from samples: request_count, error_rate, throughput, response_time_*.
 * The exact definitions are in docs/sli.md; per-label SLIs are named `<sli>{label="<label>"}`.
 */
import type { FailureCause } from '../contracts/run.js'
import { Histogram, type Target } from './histogram.js'

export const DEFAULT_LABEL_CAP = 200
/** Distinct values above 65.5 s kept exactly per label (the total keeps more): 200 labels stay small. */
const LABEL_EXACT_CAP = 1024
export const STANDARD_PERCENTILES = [50, 90, 95, 99] as const

/** Counters of one group of samples (all, or one label). */
export class Stats {
  count = 0
  failed = 0
  /** Samples with a usable timestamp (> 0), and their window. */
  timed = 0
  minTs = Infinity
  maxEnd = -Infinity
  readonly hist: Histogram

  constructor(initialBuckets?: number, exactCap?: number) {
    this.hist = new Histogram(initialBuckets, exactCap)
  }

  add(ts: number, elapsed: number, ok: boolean): void {
    this.count++
    if (!ok) this.failed++
    if (elapsed >= 0) this.hist.add(elapsed)
    // A timeStamp of 0 marks a sample that failed before it started: no place in the time window.
    if (ts > 0) {
      this.timed++
      if (ts < this.minTs) this.minTs = ts
      const end = ts + (elapsed > 0 ? elapsed : 0)
      if (end > this.maxEnd) this.maxEnd = end
    }
  }
}

/** Which columns the results file had: an SLI needing a missing one has no value. */
export interface Columns {
  timestamp: boolean
  elapsed: boolean
  success: boolean
  label: boolean
}

/** Distinct causes kept (more are counted as one "other" line): a file of random messages stays small. */
const CAUSE_CAP = 100
const CAUSE_LENGTH = 200

/** The failure causes of a results file: response code and message (or assertion message), counted. */
export class FailureCauses {
  private readonly counts = new Map<string, number>()
  private other = 0

  add(code: string, message: string): void {
    const text = [code.trim(), firstLine(message)].filter(Boolean).join(': ') || '(no code, no message)'
    const cause = text.length > CAUSE_LENGTH ? `${text.slice(0, CAUSE_LENGTH - 1)}…` : text
    const count = this.counts.get(cause)
    if (count !== undefined) this.counts.set(cause, count + 1)
    else if (this.counts.size < CAUSE_CAP) this.counts.set(cause, 1)
    else this.other++
  }

  /** The `n` most frequent, most frequent first (ties in the order first seen). */
  top(n: number): FailureCause[] {
    const all = [...this.counts].map(([cause, count]) => ({ cause, count }))
    if (this.other > 0) all.push({ cause: `(${CAUSE_CAP}+ other causes)`, count: this.other })
    return all.sort((a, b) => b.count - a.count).slice(0, n)
  }
}

/**
 * The message that says why: for a sample that got no HTTP response (JMeter's "Non HTTP response code"),
 * the response message (the exception's); otherwise an assertion's failure message when there is one.
 */
export function causeMessage(code: string, responseMessage: string, failureMessage: string): string {
  if (code.startsWith('Non HTTP response code')) return responseMessage || failureMessage
  return failureMessage || responseMessage
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/)[0] ?? ''
}

/** Receives every sample from a reader. */
export class SampleSink {
  readonly total = new Stats(65536)
  /**
   * Set by the reader: finds by further passes over the file the percentiles that histograms holding many
   * distinct values above 65.5 s cannot tell alone (histogram.ts).
   */
  refine: ((wanted: Map<Histogram, Target[]>) => void) | null = null
  readonly labels = new Map<string, Stats>()
  /** Distinct labels seen beyond the cap (not tracked per label). */
  readonly untracked = new Set<string>()
  columns: Columns = { timestamp: true, elapsed: true, success: true, label: true }
  readonly warnings: string[] = []
  /** Set before reading to collect why samples failed (the readers then read failed rows whole). */
  causes: FailureCauses | null = null

  constructor(
    readonly trackLabels = false,
    readonly labelCap = DEFAULT_LABEL_CAP
  ) {}

  /** Resolves these percentiles of every group at once: one set of passes, not one per group and percentile. */
  prefetch(ps: readonly number[]): void {
    const wanted = new Map<Histogram, Target[]>()
    for (const stats of [this.total, ...this.labels.values()]) {
      const targets = stats.hist.pendingTargets(ps)
      if (targets.length > 0) wanted.set(stats.hist, targets)
    }
    if (wanted.size > 0 && this.refine) this.refine(wanted)
  }

  add(ts: number, elapsed: number, ok: boolean, label?: string): void {
    this.total.add(ts, elapsed, ok)
    if (label !== undefined) this.addLabel(label, ts, elapsed, ok)
  }

  private addLabel(label: string, ts: number, elapsed: number, ok: boolean): void {
    let stats = this.labels.get(label)
    if (!stats) {
      if (this.labels.size >= this.labelCap) {
        if (this.untracked.size < 1000) this.untracked.add(label)
        return
      }
      stats = new Stats(undefined, LABEL_EXACT_CAP)
      this.labels.set(label, stats)
    }
    stats.add(ts, elapsed, ok)
  }
}

/** A value, or null with the reason there is none. */
export interface SliValue {
  readonly value: number | null
  readonly reason?: string
}

/** Parses `name` or `name{label="..."}` (backslash escapes \" \\ \n inside the quotes). */
export function parseSliName(name: string): { base: string; label?: string } | null {
  const m = /^([A-Za-z_][A-Za-z0-9_.]*)(?:\{label="((?:[^"\\]|\\.)*)"\})?$/s.exec(name.trim())
  if (!m) return null
  const base = m[1]!
  if (m[2] === undefined) return { base }
  return { base, label: m[2].replace(/\\(.)/gs, (_, c: string) => (c === 'n' ? '\n' : c)) }
}

/** The canonical name of a per-label SLI. */
export function labelSliName(base: string, label: string): string {
  const escaped = label.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
  return `${base}{label="${escaped}"}`
}

const PERCENTILE = /^response_time_p(\d{1,3}(?:\.\d{1,6})?)$/

/** Every base SLI name this module knows (percentiles other than the standard ones also work). */
export const BASE_SLIS = [
  'request_count',
  'error_rate',
  'throughput',
  'response_time_avg',
  'response_time_min',
  'response_time_max',
  ...STANDARD_PERCENTILES.map(p => `response_time_p${p}`)
]

/** The value of one base SLI over a group of samples. */
export function sliOf(base: string, stats: Stats, columns: Columns): SliValue {
  const n = stats.count
  if (base === 'request_count') return { value: n }
  if (n === 0) return { value: null, reason: 'no samples' }
  if (base === 'error_rate') {
    return columns.success ? { value: (100 * stats.failed) / n } : missing('success')
  }
  if (base === 'throughput') return throughput(stats, columns)
  if (!columns.elapsed) return missing('elapsed')
  const h = stats.hist
  if (base === 'response_time_avg') return { value: h.sum / h.count }
  if (base === 'response_time_min') return { value: h.min }
  if (base === 'response_time_max') return { value: h.max }
  const p = percentileOf(base)
  if (p > 0 && p <= 100) return { value: h.percentile(p) }
  return {
    value: null,
    reason: `unknown SLI '${base}' (a results file gives request_count, error_rate, throughput, response_time_*)`
  }
}

/** The p of a `response_time_p<P>` SLI (global or per label), else NaN. */
export function percentileOf(sli: string): number {
  const m = PERCENTILE.exec(parseSliName(sli)?.base ?? '')
  return m ? Number(m[1]) : NaN
}

function throughput(stats: Stats, columns: Columns): SliValue {
  if (!columns.timestamp) return missing('timeStamp')
  if (stats.timed === 0) return { value: null, reason: 'no sample has a timestamp' }
  const seconds = (stats.maxEnd - stats.minTs) / 1000
  if (!(seconds > 0)) return { value: null, reason: 'the samples span no time (window of 0 ms)' }
  return { value: stats.timed / seconds }
}

function missing(column: string): SliValue {
  return { value: null, reason: `the results file has no '${column}' column` }
}

/** Looks up any SLI name (global or per label) against what a reader collected. */
export function lookupSli(sink: SampleSink, name: string): SliValue {
  const parsed = parseSliName(name)
  if (!parsed) return { value: null, reason: `'${name}' is not an SLI name` }
  if (parsed.label === undefined) return sliOf(parsed.base, sink.total, sink.columns)
  const stats = sink.labels.get(parsed.label)
  if (stats) return sliOf(parsed.base, stats, sink.columns)
  if (!sink.trackLabels) return { value: null, reason: 'per-label SLIs were not collected' }
  if (!sink.columns.label) return missing('label')
  if (sink.untracked.has(parsed.label) || sink.untracked.size >= 1000) {
    return { value: null, reason: `more than ${sink.labelCap} distinct labels; this label was not tracked` }
  }
  return { value: null, reason: `no sample has the label ${JSON.stringify(parsed.label)}` }
}

/** The standard SLIs, globally and (when collected) for each label. */
export function standardSlis(sink: SampleSink): Record<string, number | null> {
  sink.prefetch(STANDARD_PERCENTILES)
  const out: Record<string, number | null> = {}
  const put = (stats: Stats, name: (base: string) => string) => {
    for (const base of BASE_SLIS) out[name(base)] = sliOf(base, stats, sink.columns).value
  }
  put(sink.total, base => base)
  for (const [label, stats] of sink.labels) put(stats, base => labelSliName(base, label))
  return out
}
