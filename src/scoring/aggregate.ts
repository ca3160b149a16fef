/** Aggregates of earlier values for relative criteria: avg, or p50/p90/p95 as lighthouse computes them. */
import type { AggregateFunction } from '../contracts/evaluation.js'

export function aggregate(values: readonly number[], fn: AggregateFunction): number | null {
  if (values.length === 0) return null
  if (fn === 'avg') return values.reduce((a, b) => a + b, 0) / values.length
  return interpolatedPercentile(values, Number(fn.slice(1)) / 100)
}

/**
 * Position p·(n+1) on the sorted values (1-based), linear interpolation between neighbours, clamped
 * to the first and last value.
 */
export function interpolatedPercentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  const pos = p * (n + 1)
  if (pos <= 1) return sorted[0]!
  if (pos >= n) return sorted[n - 1]!
  const k = Math.floor(pos)
  const lower = sorted[k - 1]!
  return lower + (pos - k) * (sorted[k]! - lower)
}
