import { describe, expect, it } from '@jest/globals'
import type { StagePlan } from '../../../src/contracts/plan.js'
import type { StepResults } from '../../../src/contracts/run.js'
import { collectOutputs } from '../../../src/report/outputs.js'

const plan = { nextStage: 'production' } as StagePlan
const promoted = {
  action: 'promote',
  promote: true,
  approval: 'none',
  failJob: false,
  headline: 'x'
} as const

describe('collectOutputs', () => {
  it('gives every output, empty where a step did not run', () => {
    expect(collectOutputs({}, plan, true)).toEqual({
      result: 'fail',
      score: '0',
      promote: 'false',
      approval: 'none',
      'next-stage': 'production',
      'deployment-url': '',
      'deployment-service': '',
      url: '',
      'config-commit': '',
      evaluation: '',
      'helm-path': '',
      'results-dir': ''
    })
  })

  it('promotes only when the gate promoted and nothing failed', () => {
    expect(collectOutputs({ gate: promoted }, plan, false)).toMatchObject({
      result: 'pass',
      score: '100',
      promote: 'true'
    })
    expect(collectOutputs({ gate: promoted }, plan, true)).toMatchObject({ result: 'fail', promote: 'false' })
  })

  it('says held, with no score, after a hold: deployed, neither passed nor failed', () => {
    const hold = { ...promoted, action: 'hold', promote: false } as const
    expect(collectOutputs({ gate: hold }, plan, false)).toMatchObject({
      result: 'held',
      score: '',
      promote: 'false'
    })
    expect(collectOutputs({ gate: hold }, plan, true)).toMatchObject({ result: 'fail', promote: 'false' })
  })

  it('asks for approval without promoting', () => {
    const held = { ...promoted, promote: false, approval: 'required' } as const
    expect(collectOutputs({ gate: held }, plan, false)).toMatchObject({
      promote: 'false',
      approval: 'required'
    })
  })

  it('takes result and score from the evaluation', () => {
    const results = {
      gate: promoted,
      evaluate: { evaluation: { result: 'warning', score: 80 }, file: '/t/evaluation.json', history: [] }
    } as unknown as StepResults
    expect(collectOutputs(results, plan, false)).toMatchObject({
      result: 'warning',
      score: '80',
      evaluation: '/t/evaluation.json'
    })
  })
})
