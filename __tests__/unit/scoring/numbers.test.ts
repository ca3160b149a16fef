/** Issue 12, class 6: non-finite numbers in slo.yaml are refused with file and line; the score is never NaN. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { ConfigFileError } from '../../../src/contracts/errors.js'
import type { Indicator } from '../../../src/contracts/evaluation.js'
import { parseCriterion } from '../../../src/scoring/criteria.js'
import { evaluateResults } from '../../../src/scoring/evaluate.js'
import { checkHistory } from '../../../src/scoring/history.js'
import { total } from '../../../src/scoring/score.js'
import { parseSlo } from '../../../src/scoring/slo.js'

const objective = (sli: string, extra: string) => `  - sli: ${sli}\n    pass: [{criteria: ["<1"]}]\n${extra}`

function refusal(text: string): ConfigFileError {
  try {
    parseSlo(text, 'slo.yaml')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError)
    return error as ConfigFileError
  }
  throw new Error('accepted')
}

describe('non-finite numbers in slo.yaml', () => {
  it.each([
    ['.inf', '.inf'],
    ['-.inf', '-.Inf'],
    ['.nan', '.nan'],
    ['.NaN', '.NaN'],
    ['1e999', '1e999']
  ])('weight: %s is refused with the file and the line', (_, weight) => {
    const error = refusal(`objectives:\n${objective('a', `    weight: ${weight}\n`)}`)
    expect(error.file).toBe('slo.yaml')
    expect(error.line).toBe(4)
    expect(error.message).toMatch(/^slo\.yaml:4: expected a finite number, got /)
    expect(error.message).not.toContain('\n')
  })

  it('weights whose total would overflow the score are refused at the weight that overflows', () => {
    const text = `objectives:\n${objective('a', '    weight: 1e305\n')}${objective('b', '    weight: 1e305\n')}`
    const error = refusal(text)
    expect(error.line).toBe(7)
    expect(error.message).toMatch(
      /^slo\.yaml:7: objectives\.1\.weight: 1e\+305 makes the total of the weights too large/
    )
  })

  it('one 1e308 weight alone is refused too (100 × it overflows the score)', () => {
    expect(refusal(`objectives:\n${objective('a', '    weight: 1e308\n')}`).line).toBe(4)
  })

  it('a criterion whose number is not finite is refused with its line', () => {
    const huge = '9'.repeat(400)
    const error = refusal(
      `objectives:\n  - sli: a\n    pass:\n      - criteria:\n          - "<1"\n          - "<${huge}"\n`
    )
    expect(error.line).toBe(6)
    expect(error.message).toMatch(/^slo\.yaml:6: objectives\.0\.pass\.0\.criteria\.1: criterion .* too large/)
    expect(error.message.length).toBeLessThan(300)
    expect(parseCriterion(`<${huge}`)).toHaveProperty('message')
  })

  it('non-finite numbers anywhere in the file are refused: criteria, total_score, comparison', () => {
    expect(refusal('objectives:\n  - sli: a\n    pass: [{criteria: [.inf]}]\n').line).toBe(3)
    expect(refusal(`objectives:\n${objective('a', '')}total_score: {pass: .nan}\n`).line).toBe(4)
    expect(
      refusal(`comparison: {number_of_comparison_results: .inf}\nobjectives:\n${objective('a', '')}`).line
    ).toBe(1)
  })

  it('large finite weights that fit are kept, and the score is a number', () => {
    const slo = parseSlo(
      `objectives:\n${objective('a', '    weight: 1e300\n')}${objective('b', '    weight: 1\n')}`,
      'slo.yaml'
    )
    expect(slo.objectives.map(o => o.weight)).toEqual([1e300, 1])
  })

  it('a history value too large for a number (1e400 in JSON) is refused', () => {
    const history = JSON.parse('[{"result":"pass","indicators":[{"sli":"a","value":1e400}]}]') as unknown
    expect(() => checkHistory(history, 'h.json')).toThrow(
      /h\.json: 0\.indicators\.0\.value: expected a finite number/
    )
  })
})

describe('the total score is never NaN', () => {
  const indicator = (weight: number, status: Indicator['status'], score: number): Indicator => ({
    sli: 'x',
    value: 1,
    weight,
    keySli: false,
    comparedValue: null,
    comparedValues: [],
    passTargets: [],
    warningTargets: [],
    status,
    score,
    reason: ''
  })

  it.each([
    [[indicator(Infinity, 'pass', Infinity)]],
    [[indicator(NaN, 'pass', NaN)]],
    [[indicator(1e308, 'pass', 1e308), indicator(1e308, 'pass', 1e308)]]
  ])('weights that are not finite fail the gate with a number for a score', indicators => {
    const r = total(indicators, { pass: 90, warning: 75 })
    expect(r.result).toBe('fail')
    expect(Number.isFinite(r.score)).toBe(true)
    expect(r.reasons.join(' ')).toMatch(/cannot be computed/)
  })

  it('every objective passed with finite weights: pass, not NaN', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'numbers-'))
    const file = path.join(dir, 'slo.yaml')
    writeFileSync(
      file,
      `objectives:\n${objective('a', '    weight: 1e300\n')}${objective('b', '    weight: 1e300\n')}`
    )
    const e = await evaluateResults({ values: { a: 0, b: 0 }, sloFile: file })
    expect(e).toMatchObject({ result: 'pass', score: 100 })
  })
})
