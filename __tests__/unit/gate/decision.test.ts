import { describe, expect, it } from '@jest/globals'
import { decideGate, type GateRules } from '../../../src/gate/decision.js'

const rules = (over: Partial<GateRules> = {}): GateRules => ({
  approval: { pass: 'automatic', warning: 'automatic' },
  failOn: 'fail',
  nextStage: 'production',
  ...over
})
const evaluated = (result: 'pass' | 'warning' | 'fail') => ({ kind: 'evaluated', result }) as const

describe('decideGate', () => {
  it('promotes a pass', () => {
    expect(decideGate(evaluated('pass'), rules())).toEqual({
      action: 'promote',
      promote: true,
      approval: 'none',
      failJob: false,
      headline: 'Quality gate pass: promoted to production'
    })
  })

  it('promotes a warning unless the approval strategy says manual for warning', () => {
    expect(decideGate(evaluated('warning'), rules())).toMatchObject({ promote: true, approval: 'none' })
    expect(
      decideGate(evaluated('warning'), rules({ approval: { pass: 'automatic', warning: 'manual' } }))
    ).toMatchObject({
      action: 'promote',
      promote: false,
      approval: 'required',
      failJob: false
    })
  })

  it('asks for approval of a pass when pass is manual', () => {
    expect(
      decideGate(evaluated('pass'), rules({ approval: { pass: 'manual', warning: 'manual' } }))
    ).toMatchObject({
      promote: false,
      approval: 'required'
    })
  })

  it('needs no approval after the last stage', () => {
    const last = rules({ nextStage: undefined, approval: { pass: 'manual', warning: 'manual' } })
    expect(decideGate(evaluated('warning'), last)).toMatchObject({ promote: true, approval: 'none' })
    expect(decideGate(evaluated('pass'), last).headline).toBe('Quality gate pass: released (last stage)')
  })

  it('rolls back a fail and fails the job per fail-on', () => {
    expect(decideGate(evaluated('fail'), rules())).toMatchObject({
      action: 'rollback',
      promote: false,
      failJob: true
    })
    expect(decideGate(evaluated('fail'), rules({ failOn: 'never' }))).toMatchObject({
      action: 'rollback',
      failJob: false
    })
    expect(decideGate(evaluated('warning'), rules({ failOn: 'warning' }))).toMatchObject({
      failJob: true,
      promote: true
    })
    expect(decideGate(evaluated('warning'), rules({ failOn: 'fail' })).failJob).toBe(false)
  })

  it('promotes a stage without tests and SLO on a healthy rollout, and says so', () => {
    expect(decideGate({ kind: 'rollout-only' }, rules())).toEqual({
      action: 'promote',
      promote: true,
      approval: 'none',
      failJob: false,
      headline: 'No tests and no SLO: healthy rollout, promoted to production'
    })
  })
})

describe('decideGate on a test verdict without SLO', () => {
  it('promotes passed tests and rolls back failed ones', () => {
    expect(decideGate({ kind: 'tested', verdict: 'pass' }, rules())).toMatchObject({
      action: 'promote',
      promote: true,
      headline: 'Tests (no SLO) pass: promoted to production'
    })
    expect(decideGate({ kind: 'tested', verdict: 'fail' }, rules())).toMatchObject({
      action: 'rollback',
      promote: false,
      failJob: true,
      headline: 'Tests (no SLO) failed: rolled back'
    })
  })
})
