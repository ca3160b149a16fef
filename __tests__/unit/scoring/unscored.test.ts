/** Issue 12, class 7: a gate that scored nothing keeps Keptn's result but says so; fail-on-unscored fails it. */
import { describe, expect, it } from '@jest/globals'
import type { HistoryRun, Slo } from '../../../src/contracts/evaluation.js'
import { evaluateResults } from '../../../src/scoring/evaluate.js'
import { explain } from '../../../src/scoring/explain.js'
import { parseSlo } from '../../../src/scoring/slo.js'
import { failUnscored, unscoredReason } from '../../../src/scoring/unscored.js'

const INFO_ONLY = parseSlo('objectives:\n  - sli: error_rate\n  - sli: response_time_p95\n', 'info.yaml')
const RELATIVE_ONLY = parseSlo(
  'objectives:\n  - sli: response_time_p95\n    pass: [{criteria: ["<=+10%"]}]\n  - sli: error_rate\n    pass: [{criteria: ["<=+0"]}]\n',
  'relative.yaml'
)
const MIXED = parseSlo(
  'objectives:\n  - sli: response_time_p95\n    pass: [{criteria: ["<=+10%"]}]\n  - sli: error_rate\n    pass: [{criteria: ["<5"]}]\n',
  'mixed.yaml'
)
const TERRIBLE = { error_rate: 100, response_time_p95: 60_000 }
const evaluate = (slo: Slo, history: HistoryRun[] = []) => evaluateResults({ values: TERRIBLE, slo, history })

describe('a gate that scored nothing', () => {
  it('objectives without pass criteria: still a pass (Keptn), but it says so', async () => {
    const e = await evaluate(INFO_ONLY)
    expect(e).toMatchObject({ result: 'pass', score: 100 })
    expect(unscoredReason(e)).toBe(
      'the gate scored nothing: 2 objectives have no pass criteria (informational); no objective was checked against a number'
    )
    expect(explain(e).split('\n')[0]).toBe(
      'Quality gate: PASS (score 100%) — but the gate scored nothing: 2 objectives have no pass criteria (informational); no objective was checked against a number'
    )
  })

  it('only relative criteria on the first run (no baseline): still a pass, but it says so', async () => {
    const e = await evaluate(RELATIVE_ONLY)
    expect(e.result).toBe('pass')
    expect(unscoredReason(e)).toMatch(/2 objectives have only relative criteria and there is no baseline yet/)
  })

  it('with a baseline, relative criteria are scored: nothing to say', async () => {
    const history: HistoryRun[] = [
      {
        result: 'pass',
        indicators: [
          { sli: 'response_time_p95', value: 300 },
          { sli: 'error_rate', value: 0 }
        ]
      }
    ]
    const e = await evaluate(RELATIVE_ONLY, history)
    expect(e.result).toBe('fail')
    expect(unscoredReason(e)).toBeUndefined()
    expect(explain(e)).not.toMatch(/scored nothing/)
  })

  it('one fixed criterion is enough to have scored something', async () => {
    const e = await evaluate(MIXED)
    expect(e.result).toBe('fail')
    expect(unscoredReason(e)).toBeUndefined()
  })

  it('fail-on-unscored turns it into a fail with the reason first', async () => {
    const e = failUnscored(await evaluate(INFO_ONLY))
    expect(e.result).toBe('fail')
    expect(e.reasons[0]).toMatch(/^the gate scored nothing: .* \(fail-on-unscored is true\)$/)
    expect(explain(e)).toMatch(/^Quality gate: FAIL \(score 100%\) — but the gate scored nothing/)
  })

  it('fail-on-unscored leaves a scored evaluation as it is', async () => {
    const e = await evaluate(MIXED)
    expect(failUnscored(e)).toBe(e)
  })
})
