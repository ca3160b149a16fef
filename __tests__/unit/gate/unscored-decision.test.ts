/** Issue 12, class 7: the gate's headline says plainly when the gate scored nothing. */
import { describe, expect, it } from '@jest/globals'
import { decideGate, type GateRules } from '../../../src/gate/decision.js'
import { renderSummary } from '../../../src/report/summary.js'

const rules = (over: Partial<GateRules> = {}): GateRules => ({
  approval: { pass: 'automatic', warning: 'automatic' },
  failOn: 'fail',
  nextStage: 'production',
  ...over
})
const unscored = 'the gate scored nothing: 1 objective has no pass criteria (informational)'

describe('the headline of a gate that scored nothing', () => {
  it('a pass promotes as before, and the headline says nothing was scored', () => {
    const decision = decideGate({ kind: 'evaluated', result: 'pass', unscored }, rules())
    expect(decision).toEqual({
      ...decideGate({ kind: 'evaluated', result: 'pass' }, rules()),
      headline: `Quality gate pass, but ${unscored}: promoted to production`
    })
  })

  it('a manual approval still waits, and says so', () => {
    const manual = rules({ approval: { pass: 'manual', warning: 'manual' } })
    expect(decideGate({ kind: 'evaluated', result: 'pass', unscored }, manual)).toMatchObject({
      approval: 'required',
      promote: false,
      headline: `Quality gate pass, but ${unscored}: waiting for a manual approval before production`
    })
  })

  it('a fail (fail-on-unscored) rolls back and fails the job, naming why', () => {
    const decision = decideGate({ kind: 'evaluated', result: 'fail', unscored }, rules())
    expect(decision).toMatchObject({ action: 'rollback', failJob: true, promote: false })
    expect(decision.headline).toBe(`Quality gate failed (${unscored}): rolled back`)
  })

  it('the job summary shows it in its headline', () => {
    const decision = decideGate(
      { kind: 'evaluated', result: 'pass', unscored },
      rules({ nextStage: undefined })
    )
    const summary = renderSummary({
      project: 'sockshop',
      stage: 'production',
      namespace: 'sockshop-production',
      service: 'carts',
      image: 'docker.io/keptnexamples/carts',
      tag: '0.8.1',
      strategy: 'direct',
      decision,
      trend: [],
      timings: []
    })
    expect(summary.split('\n')[2]).toBe(`**Quality gate pass, but ${unscored}: released (last stage)**`)
  })
})
