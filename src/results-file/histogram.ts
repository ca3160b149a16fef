/**
 * Response-time statistics in fixed memory. JMeter's `elapsed` is whole milliseconds, so one bucket
 * per millisecond gives exact nearest-rank percentiles without keeping the samples.
 */

/** Values below this go to the dense array (65.5 s); larger ones to a map keyed by value. */
const DENSE_LIMIT = 65536
const INITIAL_DENSE = 1024

export class Histogram {
  count = 0
  sum = 0
  min = Infinity
  max = -Infinity
  private dense: Uint32Array
  private readonly overflow = new Map<number, number>()

  constructor(initial = INITIAL_DENSE) {
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

  private addSlow(ms: number): void {
    if (ms < DENSE_LIMIT) {
      let size = this.dense.length
      while (size <= ms) size *= 2
      const grown = new Uint32Array(Math.min(size, DENSE_LIMIT))
      grown.set(this.dense)
      this.dense = grown
      this.dense[ms]++
    } else {
      this.overflow.set(ms, (this.overflow.get(ms) ?? 0) + 1)
    }
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
    if (target.length !== DENSE_LIMIT) return false
    target.fill(0)
    target.set(this.dense)
    this.dense = target
    return true
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

  /** Several percentiles in one pass over the buckets, in the order asked. */
  percentiles(ps: readonly number[]): (number | null)[] {
    if (this.count === 0) return ps.map(() => null)
    const ranks = ps.map(p => rankOf(p, this.count))
    const order = ranks.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]!)
    const out: (number | null)[] = ps.map(() => null)
    let next = 0
    let seen = 0
    const dense = this.dense
    for (let v = 0; v < dense.length && next < order.length; v++) {
      if (dense[v] === 0) continue
      seen += dense[v]!
      while (next < order.length && ranks[order[next]!]! <= seen) out[order[next++]!] = v
    }
    if (next < order.length) {
      for (const v of [...this.overflow.keys()].sort((a, b) => a - b)) {
        seen += this.overflow.get(v)!
        while (next < order.length && ranks[order[next]!]! <= seen) out[order[next++]!] = v
        if (next >= order.length) break
      }
    }
    return out
  }
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
