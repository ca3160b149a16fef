/** The compact thresholds form, and choosing earlier runs for comparison. */
import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../../src/contracts/errors.js'
import type { Comparison, HistoryRun } from '../../../src/contracts/evaluation.js'
import { checkHistory, earlierValues, selectRuns } from '../../../src/scoring/history.js'
import { parseThresholds } from '../../../src/scoring/thresholds.js'

describe('thresholds', () => {
  it('parses items into pass-only objectives; all must hold', () => {
    const slo = parseThresholds(
      'response_time_p95<600, error_rate<=1; throughput >= 10\nresponse_time_p95<=+10%'
    )
    expect(slo.objectives.map(o => [o.sli, o.pass[0]![0]!.text])).toEqual([
      ['response_time_p95', '<600'],
      ['error_rate', '<=1'],
      ['throughput', '>= 10'],
      ['response_time_p95', '<=+10%']
    ])
    expect(slo.totalScore).toEqual({ pass: 100, warning: null })
  })

  it('accepts per-label SLIs with commas and operators inside the quoted label', () => {
    const slo = parseThresholds('response_time_p95{label="Cart, add <1>"}<600, error_rate{label="a\\"b"}<1')
    expect(slo.objectives.map(o => o.sli)).toEqual([
      'response_time_p95{label="Cart, add <1>"}',
      'error_rate{label="a\\"b"}'
    ])
  })

  it.each(['', 'response_time_p95', '<600', 'p95 < abc', 'rt!=5', 'a<1,,b>'])('%j is an InputError', text => {
    expect(() => parseThresholds(text)).toThrow(InputError)
  })
})

const run = (result: HistoryRun['result'], a: number | null): HistoryRun => ({
  result,
  indicators: [{ sli: 'a', value: a }]
})
const cmp = (include: Comparison['includeResultWithScore'], n: number): Comparison => ({
  compareWith: n === 1 ? 'single_result' : 'several_results',
  includeResultWithScore: include,
  numberOfComparisonResults: n,
  aggregateFunction: 'avg'
})

describe('history', () => {
  const history = [
    run('fail', 1),
    run('warning', 2),
    run('pass', 3),
    run('pass', null),
    run('pass', 5),
    run('warning', 6)
  ]

  it('include pass: only passing runs, newest first, N of them', () => {
    expect(earlierValues(selectRuns(history, cmp('pass', 1)), 'a')).toEqual([3])
    expect(earlierValues(selectRuns(history, cmp('pass', 3)), 'a')).toEqual([3, 5])
  })

  it('an earlier value that is null is left out (the run still counts toward N)', () => {
    expect(selectRuns(history, cmp('pass', 2))).toHaveLength(2)
    expect(earlierValues(selectRuns(history, cmp('pass', 2)), 'a')).toEqual([3])
  })

  it('pass_or_warn and all', () => {
    expect(earlierValues(selectRuns(history, cmp('pass_or_warn', 3)), 'a')).toEqual([2, 3])
    expect(earlierValues(selectRuns(history, cmp('all', 2)), 'a')).toEqual([1, 2])
  })

  it('an SLI missing from a run is left out; its slis map is used when no objective named it', () => {
    expect(earlierValues([{ result: 'pass', indicators: [] }], 'a')).toEqual([])
    expect(earlierValues([{ result: 'pass', indicators: [], slis: { a: 7, b: null } }], 'a')).toEqual([7])
    expect(earlierValues([{ result: 'pass', indicators: [], slis: { b: null } }], 'b')).toEqual([])
  })

  it('validates the history file shape', () => {
    expect(
      checkHistory([{ result: 'pass', indicators: [{ sli: 'a', value: 1 }], extra: true }])
    ).toHaveLength(1)
    expect(() => checkHistory({}, 'h.json')).toThrow(/h\.json: document: expected array/)
    expect(() => checkHistory([{ result: 'good', indicators: [] }], 'h.json')).toThrow(/h\.json: 0\.result/)
    expect(() => checkHistory([{ result: 'pass', indicators: [{ sli: 'a' }] }], 'h.json')).toThrow(/value/)
  })
})
