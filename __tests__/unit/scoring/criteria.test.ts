/** Every criterion form of Keptn's lighthouse, and the errors. */
import { describe, expect, it } from '@jest/globals'
import type { Criterion } from '../../../src/contracts/evaluation.js'
import { check, isCriterionError, parseCriterion, targetOf } from '../../../src/scoring/criteria.js'

function criterion(text: string): Criterion {
  const c = parseCriterion(text)
  if (isCriterionError(c)) throw new Error(c.message)
  return c
}

describe('criteria', () => {
  it.each([
    ['<600', '<', 600, false, false],
    ['<=800', '<=', 800, false, false],
    ['=0', '=', 0, false, false],
    ['>=4000', '>=', 4000, false, false],
    ['>20000', '>', 20000, false, false],
    ['< 10', '<', 10, false, false],
    ['<=0.4', '<=', 0.4, false, false],
    ['<=+10%', '<=', 10, true, true],
    ['>=-80%', '>=', -80, true, true],
    ['<=1%', '<=', 1, true, true],
    ['<+50', '<', 50, false, true],
    ['>-5', '>', -5, false, true],
    ['  <= + 10 %  ', '<=', 10, true, true]
  ])('%s', (text, operator, amount, percent, relative) => {
    expect(criterion(text)).toMatchObject({ operator, amount, percent, relative })
  })

  it.each(['600', '!=5', '<<5', '<abc', '<5x', '=>5', '<1e3', '', '<', '<%', '< -', '<=10%%'])(
    '%j is an error naming the criterion',
    text => {
      const c = parseCriterion(text)
      expect(isCriterionError(c)).toBe(true)
      if (isCriterionError(c)) expect(c.message).toContain(JSON.stringify(text))
    }
  )

  it('resolves relative targets from the baseline as lighthouse does', () => {
    expect(targetOf(criterion('<=+10%'), 500)).toBeCloseTo(550, 12)
    expect(targetOf(criterion('>=-80%'), 100)).toBeCloseTo(20, 12)
    expect(targetOf(criterion('<=1%'), 200)).toBeCloseTo(202, 12)
    expect(targetOf(criterion('<+50'), 500)).toBe(550)
    expect(targetOf(criterion('>-5'), 500)).toBe(495)
    expect(targetOf(criterion('<600'), 500)).toBe(600)
    expect(targetOf(criterion('<=+10%'), null)).toBeNull()
  })

  it('a relative criterion without baseline holds, with no target', () => {
    expect(check(criterion('<=+10%'), 0, 1e9, null)).toEqual({
      criterion: '<=+10%',
      group: 0,
      operator: '<=',
      target: null,
      relative: true,
      violated: false
    })
  })

  it('a baseline of 0 makes +x% a target of 0 (Keptn behaviour, kept)', () => {
    expect(check(criterion('<=+10%'), 0, 1, 0).violated).toBe(true)
  })

  it.each([
    ['<600', 599, false],
    ['<600', 600, true],
    ['<=600', 600, false],
    ['=0', 0, false],
    ['=0', 0.1, true],
    ['>=5', 5, false],
    ['>5', 5, true]
  ])('%s against %d: violated %s', (text, value, violated) => {
    expect(check(criterion(text), 0, value, null).violated).toBe(violated)
  })
})
