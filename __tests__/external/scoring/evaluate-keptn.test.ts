/** The gate with Keptn's own slo.yaml files and a real results file that must be refused. */
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { Evaluation } from '../../../src/contracts/evaluation.js'
import { evaluateResults } from '../../../src/scoring/evaluate.js'
import { explain } from '../../../src/scoring/explain.js'
import { FIXTURES } from '../../helpers/naive-jtl.js'
import { HAVE_SHARED_DATA, SHARED_DATA } from '../../helpers/paths.js'

const describeShared = HAVE_SHARED_DATA ? describe : describe.skip
const CARTS_SLO = path.join(SHARED_DATA, 'keptn-examples/0.8.1__onboarding-carts__slo-quality-gates.yaml')
const JTL = path.join(FIXTURES, 'multiline-lf.jtl') // p95 = 400 ms
const previous = (p95: number | null, result: Evaluation['result'] = 'pass') => ({
  result,
  indicators: [{ sli: 'response_time_p95', value: p95 }]
})

describeShared("evaluateResults with Keptn's own files (needs ../shared/data)", () => {
  it("Keptn's carts SLO on a results file, first run: pass, with 'no baseline' said", async () => {
    const e = await evaluateResults({ resultsFile: JTL, sloFile: CARTS_SLO })
    expect(e).toMatchObject({ result: 'pass', score: 100, samples: 5, comparison: { baseline: 'none' } })
    expect(e.indicators[0]).toMatchObject({
      sli: 'response_time_p95',
      value: 400,
      status: 'pass',
      keySli: false,
      comparedValue: null,
      line: 10,
      sloFile: CARTS_SLO
    })
    expect(e.warnings.join()).toMatch(/no baseline/)
  })

  it('with a passing earlier run of 300 ms: +10% means 330, so 400 is a warning objective → fail at 50%', async () => {
    const e = await evaluateResults({ resultsFile: JTL, sloFile: CARTS_SLO, history: [previous(300)] })
    expect(e).toMatchObject({ result: 'fail', score: 50, comparison: { baseline: 1 } })
    expect(e.indicators[0]).toMatchObject({ status: 'warning', comparedValue: 300 })
    expect(explain(e)).toMatch(/Response time P95 \(response_time_p95\) = 400, baseline 300: warning/)
  })

  it('include_result_with_score: pass skips failed and null earlier runs', async () => {
    const e = await evaluateResults({
      resultsFile: JTL,
      sloFile: CARTS_SLO,
      history: [previous(100, 'fail'), previous(390)]
    })
    expect(e.indicators[0]!.comparedValue).toBe(390)
    expect(e.result).toBe('pass')
  })

  it('fails closed on a real results file that is refused', async () => {
    const e = await evaluateResults({
      resultsFile: path.join(SHARED_DATA, 'jtl-real/09-noheader-no-timestamp-custom.jtl'),
      thresholds: 'error_rate<=100'
    })
    expect(e.result).toBe('fail')
    expect(e.reasons[0]).toMatch(/no header row/)
  })

  it("fails closed on Keptn's SLO with no objectives", async () => {
    const empty = path.join(SHARED_DATA, 'keptn-examples/0.7.1__simplenodeservice__keptn__slo_empty.yaml')
    const e = await evaluateResults({ resultsFile: JTL, sloFile: empty })
    expect(e.result).toBe('fail')
    expect(e.reasons[0]).toMatch(/has no objectives/)
  })
})
