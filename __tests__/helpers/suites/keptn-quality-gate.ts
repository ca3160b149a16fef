/**
 * evaluateResults with Keptn's quality-gate slo.yaml (response_time_p95 pass <=+10% and <600, warning <=800)
 * on a results file of p95 400 ms: the first run, an earlier run as baseline, include_result_with_score.
 * The unit tier runs them on the project's fixture of that SLO, the external tier on Keptn's own file.
 */
import path from 'node:path'
import { expect, it } from '@jest/globals'
import type { Evaluation } from '../../../src/contracts/evaluation.js'
import { evaluateResults, type EvaluateInput } from '../../../src/scoring/evaluate.js'
import { explain } from '../../../src/scoring/explain.js'
import { FIXTURES } from '../naive-jtl.js'

/** A results file of 5 samples whose p95 is 400 ms. */
export const P95_400_JTL = path.join(FIXTURES, 'multiline-lf.jtl')

/** An earlier run, as history gives it. */
export const previous = (p95: number | null, result: Evaluation['result'] = 'pass') => ({
  result,
  indicators: [{ sli: 'response_time_p95', value: p95 }]
})

/** The gate fails closed on these options, its first reason matching reason. */
export async function expectFailsClosed(options: EvaluateInput, reason: RegExp): Promise<Evaluation> {
  const e = await evaluateResults(options)
  expect(e.result).toBe('fail')
  expect(e.reasons[0]).toMatch(reason)
  return e
}

export interface QualityGateInputs {
  /** How the test titles name the SLO, e.g. "Keptn's carts SLO". */
  name: string
  /** The slo.yaml file. */
  sloFile: string
  /** The line of its response_time_p95 objective. */
  objectiveLine: number
}

/** Registers the three tests of the quality gate on P95_400_JTL, inside the caller's describe. */
export function qualityGateTests({ name, sloFile, objectiveLine }: QualityGateInputs): void {
  const JTL = P95_400_JTL

  it(`${name} on a results file, first run: pass, with 'no baseline' said`, async () => {
    const e = await evaluateResults({ resultsFile: JTL, sloFile })
    expect(e).toMatchObject({ result: 'pass', score: 100, samples: 5, comparison: { baseline: 'none' } })
    expect(e.indicators[0]).toMatchObject({
      sli: 'response_time_p95',
      value: 400,
      status: 'pass',
      keySli: false,
      comparedValue: null,
      line: objectiveLine,
      sloFile
    })
    expect(e.warnings.join()).toMatch(/no baseline/)
    expect(e.slis.request_count).toBe(5)
  })

  it('with a passing earlier run of 300 ms: +10% means 330, so 400 is a warning objective → fail at 50%', async () => {
    const e = await evaluateResults({ resultsFile: JTL, sloFile, history: [previous(300)] })
    expect(e).toMatchObject({ result: 'fail', score: 50, comparison: { baseline: 1 } })
    expect(e.indicators[0]).toMatchObject({ status: 'warning', comparedValue: 300 })
    expect(e.indicators[0]!.passTargets).toEqual([
      {
        criterion: '<=+10%',
        group: 0,
        operator: '<=',
        target: expect.closeTo(330, 9),
        relative: true,
        violated: true
      },
      { criterion: '<600', group: 0, operator: '<', target: 600, relative: false, violated: false }
    ])
    expect(explain(e)).toMatch(/Response time P95 \(response_time_p95\) = 400, baseline 300: warning/)
  })

  it('include_result_with_score: pass skips failed and null earlier runs', async () => {
    const e = await evaluateResults({
      resultsFile: JTL,
      sloFile,
      history: [previous(100, 'fail'), previous(390)]
    })
    expect(e.indicators[0]!.comparedValue).toBe(390)
    expect(e.result).toBe('pass')
  })
}
