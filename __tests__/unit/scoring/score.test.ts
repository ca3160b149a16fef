/** Lighthouse scoring: the worked example of the reference, weights, info objectives, the key-SLI veto. */
import { describe, expect, it } from '@jest/globals'
import type { Indicator, Slo } from '../../../src/contracts/evaluation.js'
import { scoreObjective, total } from '../../../src/scoring/score.js'
import { parseSlo } from '../../../src/scoring/slo.js'

const CARTS = `
spec_version: "1.0"
comparison:
  aggregate_function: "avg"
  compare_with: "single_result"
  include_result_with_score: "pass"
  number_of_comparison_results: 1
objectives:
  - sli: "response_time_p95"
    displayName: "Response time P95"
    key_sli: false
    pass:
      - criteria:
          - "<=+10%"
          - "<600"
    warning:
      - criteria:
          - "<=800"
    weight: 1
total_score:
  pass: "90%"
  warning: "75%"
`

function run(slo: Slo, values: Record<string, number | null>, earlier: Record<string, number[]> = {}) {
  const indicators = slo.objectives.map(objective =>
    scoreObjective({
      objective,
      value: values[objective.sli] ?? null,
      earlier: earlier[objective.sli] ?? [],
      aggregateFunction: slo.comparison.aggregateFunction
    })
  )
  return { indicators, ...total(indicators, slo.totalScore) }
}

describe('the worked example (keptn-model §5.8, the carts SLO, earlier p95 = 500 ms)', () => {
  const slo = parseSlo(CARTS, 'slo.yaml')
  const earlier = { response_time_p95: [500] }

  it('p95 = 540 → pass, 100%', () => {
    const r = run(slo, { response_time_p95: 540 }, earlier)
    expect(r).toMatchObject({ result: 'pass', score: 100 })
    expect(r.indicators[0]).toMatchObject({ status: 'pass', score: 1, comparedValue: 500 })
    expect(r.indicators[0]!.passTargets.map(t => t.target)).toEqual(
      [550.0000000000001, 600].map(n => expect.closeTo(n, 9))
    )
  })

  it('p95 = 700 → warning objective, 50% < 75% → overall fail', () => {
    const r = run(slo, { response_time_p95: 700 }, earlier)
    expect(r).toMatchObject({ result: 'fail', score: 50 })
    expect(r.indicators[0]).toMatchObject({ status: 'warning', score: 0.5 })
    expect(r.indicators[0]!.passTargets.filter(t => t.violated).map(t => t.criterion)).toEqual([
      '<=+10%',
      '<600'
    ])
  })

  it('p95 = 900 → fail', () => {
    const r = run(slo, { response_time_p95: 900 }, earlier)
    expect(r).toMatchObject({ result: 'fail', score: 0 })
    expect(r.indicators[0]!.status).toBe('fail')
  })

  it('p95 = 560 violates only the relative criterion (target 550)', () => {
    const r = run(slo, { response_time_p95: 560 }, earlier)
    expect(r.indicators[0]!.status).toBe('warning')
    expect(r.indicators[0]!.reason).toMatch(/violated "<=\+10%" \(target 550\)/)
  })

  it('without earlier values the relative criterion holds: 560 passes, and it says so', () => {
    const r = run(slo, { response_time_p95: 560 })
    expect(r.result).toBe('pass')
    expect(r.indicators[0]!.reason).toMatch(/no baseline/)
    expect(r.indicators[0]!.comparedValue).toBeNull()
  })
})

const MIXED = `
objectives:
  - sli: a
    weight: 2
    pass: [{ criteria: ["<10"] }]
    warning: [{ criteria: ["<20"] }]
  - sli: b
    pass: [{ criteria: ["<10"] }, { criteria: [">100"] }]
  - sli: c
  - sli: k
    key_sli: true
    pass: [{ criteria: ["<10"] }]
    warning: [{ criteria: ["<20"] }]
total_score: { pass: "90%", warning: "50%" }
`

describe('scoring rules', () => {
  const slo = parseSlo(MIXED, 'mixed.yaml')
  const all = { a: 1, b: 1, c: 1, k: 1 }

  it('weights, OR across criteria lists, info objectives excluded from the maximum', () => {
    const r = run(slo, { ...all, b: 200 })
    expect(r.indicators.map(i => i.status)).toEqual(['pass', 'pass', 'info', 'pass'])
    expect(r).toMatchObject({ result: 'pass', score: 100 })
  })

  it('warning scores half the weight', () => {
    const r = run(slo, { ...all, a: 15 })
    // (1 + 1 + 1) / (2 + 1 + 1) = 75%
    expect(r).toMatchObject({ result: 'warning', score: 75 })
    expect(r.indicators[0]!.score).toBe(1)
  })

  it('a failed key SLI vetoes even a passing score', () => {
    const slo4 = parseSlo(MIXED.replace('"90%"', '"50%"'), 'x.yaml')
    const r = run(slo4, { ...all, k: 50 })
    expect(r.score).toBe(75)
    expect(r.result).toBe('fail')
    expect(r.reasons[0]).toMatch(/key SLI k failed/)
  })

  it('a key SLI at warning does not veto', () => {
    const r = run(slo, { ...all, k: 15 })
    expect(r.indicators[3]!.status).toBe('warning')
    // (2 + 1 + 0.5) / 4 = 87.5%: warning by score, not vetoed
    expect(r).toMatchObject({ result: 'warning', score: 87.5 })
  })

  it('a key SLI without value fails and vetoes', () => {
    const r = run(slo, { ...all, k: null })
    expect(r.indicators[3]).toMatchObject({ status: 'fail', value: null })
    expect(r.result).toBe('fail')
  })

  it('an SLI without value fails its objective; an info objective without value stays info', () => {
    const r = run(slo, { ...all, a: null, c: null })
    expect(r.indicators.map(i => i.status)).toEqual(['fail', 'pass', 'info', 'pass'])
    expect(r.score).toBe(50)
  })

  it('all objectives informational → pass with 100%', () => {
    const info = parseSlo('objectives:\n  - sli: x\n  - sli: y\n', 'info.yaml')
    expect(run(info, { x: 1, y: 2 })).toMatchObject({ result: 'pass', score: 100 })
  })

  it('no warning threshold: below pass is fail', () => {
    const noWarn = parseSlo(
      'objectives:\n  - sli: a\n    pass: [{criteria: ["<1"]}]\n    warning: [{criteria: ["<2"]}]\n  - sli: b\n    pass: [{criteria: ["<1"]}]\ntotal_score: {pass: "90%"}\n',
      'w.yaml'
    )
    expect(run(noWarn, { a: 1.5, b: 0 })).toMatchObject({ result: 'fail', score: 75 })
  })

  it('a malformed criterion fails the objective with a message naming it', () => {
    const bad = parseSlo('objectives:\n  - sli: a\n    pass: [{criteria: ["!=5"]}]\n', 'bad.yaml')
    const r = run(bad, { a: 1 })
    expect(r.indicators[0]).toMatchObject({ status: 'fail', score: 0 })
    expect(r.indicators[0]!.reason).toContain('"!=5"')
    expect(r.result).toBe('fail')
  })

  it('an empty criteria list fails closed', () => {
    const empty = parseSlo('objectives:\n  - sli: a\n    pass:\n      - criteria:\n', 'e.yaml')
    expect(run(empty, { a: 1 }).indicators[0]!.status).toBe('fail')
  })

  it('weight 0 or missing counts as 1', () => {
    const w = parseSlo('objectives:\n  - sli: a\n    weight: 0\n    pass: [{criteria: ["<1"]}]\n', 'w.yaml')
    expect(w.objectives[0]!.weight).toBe(1)
  })
})

describe('aggregate functions over several earlier results', () => {
  const several = (fn: string) =>
    parseSlo(
      `comparison:\n  compare_with: several_results\n  number_of_comparison_results: 4\n  aggregate_function: ${fn}\nobjectives:\n  - sli: a\n    pass: [{criteria: ["<=+0%"]}]\n`,
      's.yaml'
    )
  const earlier = { a: [100, 400, 200, 300] }
  it.each([
    ['avg', 250],
    ['p50', 250],
    ['p90', 400],
    ['p95', 400]
  ])('%s of 100,200,300,400 is %d', (fn, expected) => {
    const r = run(several(fn), { a: 0 }, earlier)
    expect((r.indicators[0] as Indicator).comparedValue).toBeCloseTo(expected, 9)
  })
})
