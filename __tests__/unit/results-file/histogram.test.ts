/** Exact nearest-rank percentiles in fixed memory, checked against sorting (property tests). */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { Histogram, narrow, prepare, rankOf } from '../../../src/results-file/histogram.js'
import { aggregate, interpolatedPercentile } from '../../../src/scoring/aggregate.js'
import { nearestRank } from '../../helpers/naive-jtl.js'

const elapsed = fc.oneof(
  fc.integer({ min: 0, max: 2000 }),
  fc.integer({ min: 0, max: 70000 }),
  fc.integer({ min: 0, max: 2 ** 40 })
)

describe('Histogram', () => {
  it('percentiles equal the sort-based nearest rank', () => {
    fc.assert(
      fc.property(
        fc.array(elapsed, { minLength: 1, maxLength: 400 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
        (values, ps) => {
          const h = new Histogram(16)
          for (const v of values) h.add(v)
          const sorted = [...values].sort((a, b) => a - b)
          expect(h.percentiles(ps)).toEqual(ps.map(p => nearestRank(sorted, p)))
          expect([h.count, h.min, h.max, h.sum]).toEqual([
            values.length,
            sorted[0],
            sorted.at(-1),
            values.reduce((a, b) => a + b, 0)
          ])
        }
      ),
      { seed: 4242, numRuns: 300 }
    )
  })

  it('past the exact map (few distinct large values kept): exact by further passes over the values', () => {
    fc.assert(
      fc.property(
        fc.array(elapsed, { minLength: 1, maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
        (values, ps) => {
          const h = new Histogram(16, 3)
          for (const v of values) h.add(v)
          let passes = 0
          // The passes a reader makes over its file, here over the values.
          h.resolver = (_, targets) => {
            while (targets.some(t => t.hi - t.lo > 1)) {
              prepare(targets)
              const twin = new Histogram(16, 3)
              twin.refining = targets.filter(t => t.hi - t.lo > 1)
              for (const v of values) twin.add(v)
              expect(narrow(targets)).toBe(true)
              passes++
            }
          }
          const sorted = [...values].sort((a, b) => a - b)
          expect(h.percentiles(ps)).toEqual(ps.map(p => nearestRank(sorted, p)))
          expect(passes).toBeLessThanOrEqual(3)
        }
      ),
      { seed: 4243, numRuns: 300 }
    )
  })

  it('fractional percentiles (p99.9) use the exact rank', () => {
    const h = new Histogram()
    for (let v = 1; v <= 1000; v++) h.add(v)
    expect(h.percentile(99.9)).toBe(999)
    expect(h.percentile(0.1)).toBe(1)
    expect(h.percentile(100)).toBe(1000)
  })

  it('rank is ceil(p·n/100) computed exactly', () => {
    expect(rankOf(95, 20)).toBe(19)
    expect(rankOf(95, 21)).toBe(20)
    expect(rankOf(50, 1)).toBe(1)
    expect(rankOf(99, 5_000_000)).toBe(4_950_000)
    expect(rankOf(0.000001, 3)).toBe(1)
  })

  it('an empty histogram has no percentiles', () => {
    expect(new Histogram().percentile(50)).toBeNull()
  })

  it('memory stays fixed for many samples: only the dense array and distinct large values', () => {
    const h = new Histogram()
    for (let i = 0; i < 1_000_000; i++) h.add(i % 5000)
    expect(h.percentile(50)).toBe(2499)
  })
})

describe('aggregate of earlier values', () => {
  it('p·(n+1) interpolation, clamped', () => {
    expect(interpolatedPercentile([10], 0.5)).toBe(10)
    expect(interpolatedPercentile([10, 20], 0.5)).toBe(15)
    expect(interpolatedPercentile([10, 20, 30, 40], 0.9)).toBe(40)
    expect(interpolatedPercentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBeCloseTo(99, 9)
    expect(interpolatedPercentile([3, 1, 2], 0.1)).toBe(1)
  })
  it('avg; none without values', () => {
    expect(aggregate([1, 2, 6], 'avg')).toBe(3)
    expect(aggregate([], 'p95')).toBeNull()
  })
  it('interpolated percentiles lie between min and max and are monotone in p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        values => {
          const [p50, p90, p95] = [0.5, 0.9, 0.95].map(p => interpolatedPercentile(values, p))
          expect(p50).toBeGreaterThanOrEqual(Math.min(...values))
          expect(p95).toBeLessThanOrEqual(Math.max(...values))
          expect(p50! <= p90! + 1e-9 && p90! <= p95! + 1e-9).toBe(true)
        }
      ),
      { seed: 7, numRuns: 200 }
    )
  })
})
