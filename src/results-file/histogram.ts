/**
 * Response-time statistics in bounded memory with exact nearest-rank percentiles. JMeter's `elapsed` is
 * whole milliseconds, so one bucket per millisecond below 65.5 s is exact without keeping the samples.
 *
 * Above 65.5 s (rare: timeouts, hung requests) the values are kept exactly in a map while there are at
 * most `exactCap` distinct ones (the usual case: a few timeout values). Past that the map is dropped for
 * log-linear buckets (2^8 per power of two, a fixed 70 KB) and a percentile whose rank falls among them is
 * found by further passes over the data (see `resolve`): each pass counts only the values inside the one
 * bucket that holds the rank, in up to 65,536 sub-buckets, until a sub-bucket is 1 ms wide. Why: an exact
 * percentile of arbitrary distinct values needs either memory that grows with the samples (5,000,000
 * distinct values above 65.5 s took 631 MB in the map) or another look at the data; the file is still
 * there, and a second read costs about one more read of the file only in that rare case. Memory is then
 * bounded whatever the values.
 */

/** Values below this go to the dense array (65.5 s); larger ones to the overflow structures. */
const DENSE_LIMIT = 65536
const DENSE_BITS = 16
const INITIAL_DENSE = 1024
/** `elapsed` has at most 15 digits: below 2^50. */
const TOP_BITS = 50
/** Log-linear buckets above DENSE_LIMIT: this many bits of sub-bucket per power of two. */
const SUB_BITS = 8
export const DEFAULT_EXACT_CAP = 16384

/** One rank to find inside [lo, hi), as the `within`-th value (1-based) of the `expected` values there. */
export interface Target {
  readonly rank: number
  lo: number
  hi: number
  within: number
  expected: number
  /** Counts of the current pass, sub-buckets of `step` ms from lo. */
  step: number
  counts: Float64Array
}

/**
 * Finds the targets' values by further passes over the data: for each pass, set `refining` on the
 * histogram that stands for this one in a fresh read, read everything, then call `narrow`.
 */
export type Resolver = (hist: Histogram, targets: Target[]) => void

export class Histogram {
  count = 0
  sum = 0
  min = Infinity
  max = -Infinity
  /** Set by a reader that can read the data again; needed only once the exact map is dropped. */
  resolver: Resolver | null = null
  /** During a refining pass: the targets whose ranges this histogram's overflow values are counted into. */
  refining: Target[] | null = null
  private dense: Uint32Array
  /** Whether `dense` is a scanner's (see adopt): the scanner counts into it while it is. */
  private borrowed = false
  private exact: Map<number, number> | null = new Map()
  private coarse: Float64Array | null = null
  /** Ranks already resolved by further passes. */
  private readonly resolved = new Map<number, number>()

  constructor(
    initial = INITIAL_DENSE,
    private readonly exactCap = DEFAULT_EXACT_CAP
  ) {
    this.dense = new Uint32Array(Math.min(Math.max(initial, 16), DENSE_LIMIT))
  }

  /** Adds one whole-millisecond value (callers pass non-negative integers). */
  add(ms: number): void {
    this.count++
    this.sum += ms
    if (ms < this.min) this.min = ms
    if (ms > this.max) this.max = ms
    if (ms < this.dense.length) this.dense[ms]++
    else this.addSlow(ms)
  }

  /** Whether every percentile can be answered without another pass over the data. */
  get isExact(): boolean {
    return this.exact !== null
  }

  private addSlow(ms: number): void {
    if (ms < DENSE_LIMIT) {
      let size = this.dense.length
      while (size <= ms) size *= 2
      const grown = new Uint32Array(Math.min(size, DENSE_LIMIT))
      grown.set(this.dense)
      this.dense = grown
      this.dense[ms]++
      return
    }
    if (this.refining) {
      for (const t of this.refining) {
        if (ms >= t.lo && ms < t.hi) t.counts[Math.floor((ms - t.lo) / t.step)]++
      }
      return
    }
    const exact = this.exact
    if (exact) {
      const n = exact.get(ms)
      if (n !== undefined) return void exact.set(ms, n + 1)
      if (exact.size < this.exactCap) return void exact.set(ms, 1)
      // Too many distinct large values to keep: counts per log-linear bucket from now on.
      this.coarse = new Float64Array((TOP_BITS - DENSE_BITS) << SUB_BITS)
      for (const [v, k] of exact) this.coarse[coarseIndex(v)]! += k
      this.exact = null
    }
    this.coarse![coarseIndex(ms)]!++
  }

  /** The 1 ms buckets below 65.5 s, for a caller counting many values in one loop (see addCounted). */
  buckets(): Uint32Array {
    return this.dense
  }

  /**
   * Moves the buckets into `target` (a full-size array, e.g. in WebAssembly memory where a scanner
   * counts into it directly); returns false, changing nothing, if `target` is not full-size.
   */
  adopt(target: Uint32Array): boolean {
    if (target === this.dense) return true // a further file read with the same scanner
    if (target.length !== DENSE_LIMIT) return false
    target.fill(0)
    target.set(this.dense)
    this.dense = target
    this.borrowed = true
    return true
  }

  /** Copies adopted buckets into an array of its own, so their scanner may count other data. */
  keepBuckets(): void {
    if (!this.borrowed) return
    this.dense = this.dense.slice()
    this.borrowed = false
  }

  /** Records values the caller already put into buckets(): their number, sum, min and max. */
  addCounted(count: number, sum: number, min: number, max: number): void {
    if (count === 0) return
    this.count += count
    this.sum += sum
    if (min < this.min) this.min = min
    if (max > this.max) this.max = max
  }

  /**
   * Nearest rank: the smallest value v such that at least p% of the values are <= v.
   * Returns null when empty. `p` is in (0, 100].
   */
  percentile(p: number): number | null {
    return this.percentiles([p])[0] ?? null
  }

  /** Several percentiles in one pass over the buckets (and at most one set of further passes), in the order asked. */
  percentiles(ps: readonly number[]): (number | null)[] {
    if (this.count === 0) return ps.map(() => null)
    const ranks = ps.map(p => rankOf(p, this.count))
    const found = this.byRank(ranks)
    const open = found.filter((v): v is Target => typeof v === 'object')
    if (open.length > 0) {
      if (!this.resolver) throw new Error('exact percentiles above 65.5 s need another pass over the data')
      this.resolver(this, open)
      for (const t of open) {
        if (t.hi - t.lo !== 1) throw new Error('a percentile was not resolved')
        this.resolved.set(t.rank, t.lo)
      }
    }
    return found.map(v => (typeof v === 'number' ? v : v.lo))
  }

  /** The ranks that further passes must resolve (none while the map is exact), for batching them. */
  pendingTargets(ps: readonly number[]): Target[] {
    if (this.count === 0 || this.exact) return []
    return this.byRank(ps.map(p => rankOf(p, this.count))).filter((v): v is Target => typeof v === 'object')
  }

  /** Records the targets resolved by a batch of passes (see pendingTargets). */
  settle(targets: readonly Target[]): void {
    for (const t of targets) if (t.hi - t.lo === 1) this.resolved.set(t.rank, t.lo)
  }

  /** For each rank: its value, or the target (bucket range) that holds it when only further passes can tell. */
  private byRank(ranks: readonly number[]): (number | Target)[] {
    const order = ranks.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]!)
    const out: (number | Target)[] = ranks.map(() => 0)
    let next = 0
    let seen = 0
    const dense = this.dense
    for (let v = 0; v < dense.length && next < order.length; v++) {
      if (dense[v] === 0) continue
      seen += dense[v]!
      while (next < order.length && ranks[order[next]!]! <= seen) out[order[next++]!] = v
    }
    if (next < order.length && this.exact) {
      for (const v of [...this.exact.keys()].sort((a, b) => a - b)) {
        seen += this.exact.get(v)!
        while (next < order.length && ranks[order[next]!]! <= seen) out[order[next++]!] = v
        if (next >= order.length) break
      }
    }
    const coarse = this.coarse
    if (next < order.length && coarse) {
      for (let i = 0; i < coarse.length && next < order.length; i++) {
        const k = coarse[i]!
        if (k === 0) continue
        while (next < order.length && ranks[order[next]!]! <= seen + k) {
          const rank = ranks[order[next]!]!
          const known = this.resolved.get(rank)
          if (known !== undefined) out[order[next++]!] = known
          else {
            const [lo, hi] = coarseRange(i)
            out[order[next++]!] = target(rank, lo, hi, rank - seen, k)
          }
        }
        seen += k
      }
    }
    return out
  }
}

/** The log-linear bucket of a value >= DENSE_LIMIT. */
function coarseIndex(v: number): number {
  // Integer arithmetic below 2^31 (24 days), the case that matters for speed.
  if (v < 0x80000000) {
    const e = 31 - Math.clz32(v)
    return ((e - DENSE_BITS) << SUB_BITS) + (v >>> (e - SUB_BITS)) - (1 << SUB_BITS)
  }
  const e = v < 2 ** 32 ? 31 - Math.clz32(v) : 63 - Math.clz32(Math.floor(v / 2 ** 32))
  const sub = Math.floor(v / 2 ** (e - SUB_BITS)) - (1 << SUB_BITS)
  return ((e - DENSE_BITS) << SUB_BITS) + sub
}

function coarseRange(i: number): [number, number] {
  const e = (i >> SUB_BITS) + DENSE_BITS
  const width = 2 ** (e - SUB_BITS)
  const lo = 2 ** e + (i & ((1 << SUB_BITS) - 1)) * width
  return [lo, lo + width]
}

/** Sub-buckets per target and pass: 65,536 for one, fewer when many ranks are looked for at once. */
const PASS_BYTES = 4 << 20

function target(rank: number, lo: number, hi: number, within: number, expected: number): Target {
  return { rank, lo, hi, within, expected, step: 1, counts: new Float64Array(0) }
}

/** Prepares the targets' counts for the next pass (targets already 1 ms wide are left alone). */
export function prepare(targets: readonly Target[]): void {
  const open = targets.filter(t => t.hi - t.lo > 1)
  const slots = Math.max(256, Math.min(65536, Math.floor(PASS_BYTES / 8 / Math.max(1, open.length))))
  for (const t of open) {
    t.step = Math.ceil((t.hi - t.lo) / slots)
    t.counts = new Float64Array(Math.ceil((t.hi - t.lo) / t.step))
  }
}

/**
 * After a pass: narrows each target to the sub-bucket that holds its rank. Returns false if a pass did not
 * count the values the previous one did (the data changed between passes).
 */
export function narrow(targets: readonly Target[]): boolean {
  for (const t of targets) {
    if (t.hi - t.lo <= 1) continue
    let total = 0
    for (const k of t.counts) total += k
    if (total !== t.expected) return false
    let seen = 0
    for (let j = 0; j < t.counts.length; j++) {
      const k = t.counts[j]!
      if (seen + k >= t.within) {
        t.within -= seen
        t.expected = k
        t.lo += j * t.step
        t.hi = Math.min(t.hi, t.lo + t.step)
        break
      }
      seen += k
    }
    t.counts = new Float64Array(0)
  }
  return true
}

/**
 * The 1-based rank ceil(p·n/100), computed on integers so 95% of 20 is exactly 19. `p` may have up
 * to 6 decimals (p99.9).
 */
export function rankOf(p: number, n: number): number {
  const scale = 1e6
  const scaled = Math.round(p * scale)
  // BigInt avoids rounding for huge n; it runs a few times per evaluation, not per sample.
  const num = BigInt(scaled) * BigInt(n)
  const den = BigInt(100 * scale)
  const rank = Number((num + den - 1n) / den)
  return Math.min(Math.max(rank, 1), n)
}
