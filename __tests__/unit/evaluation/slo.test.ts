/** slo.yaml parsing: every Keptn example, defaults of the comparison block, errors with file:line. */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ConfigFileError } from '../../../src/errors.js'
import { comparison, loadSlo, parseSlo } from '../../../src/evaluation/slo.js'
import { SHARED } from './naive.js'

const EXAMPLES = path.join(SHARED, 'keptn-examples')
const sloFiles = readdirSync(EXAMPLES).filter(f => /slo/.test(f) && f.endsWith('.yaml'))

describe("Keptn's slo.yaml examples", () => {
  it('finds them', () => {
    expect(sloFiles.length).toBeGreaterThanOrEqual(20)
  })

  it.each(sloFiles)('%s parses', file => {
    const slo = loadSlo(path.join(EXAMPLES, file))
    const text = readFileSync(path.join(EXAMPLES, file), 'utf8')
    expect(slo.objectives).toHaveLength((text.match(/^\s*- sli:/gm) ?? []).length)
    for (const o of slo.objectives) {
      expect(o.errors).toEqual([])
      expect(text.split(/\r?\n/)[o.line! - 1]).toContain(`sli: `)
    }
  })

  it('the carts quality gate reads as the reference says', () => {
    const slo = loadSlo(path.join(EXAMPLES, '0.8.1__onboarding-carts__slo-quality-gates.yaml'))
    expect(slo.comparison).toEqual({
      compareWith: 'single_result',
      includeResultWithScore: 'pass',
      numberOfComparisonResults: 1,
      aggregateFunction: 'avg'
    })
    expect(slo.totalScore).toEqual({ pass: 90, warning: 75 })
    const [o] = slo.objectives
    expect(o).toMatchObject({
      sli: 'response_time_p95',
      displayName: 'Response time P95',
      keySli: false,
      weight: 1,
      line: 10
    })
    expect(o!.pass[0]!.map(c => [c.text, c.relative])).toEqual([
      ['<=+10%', true],
      ['<600', false]
    ])
  })

  it('an SLO with no objectives parses (the evaluation then fails)', () => {
    expect(
      loadSlo(path.join(EXAMPLES, '0.7.1__simplenodeservice__keptn__slo_empty.yaml')).objectives
    ).toEqual([])
  })

  it('notes the Keptn surprise of an unsigned percentage being relative', () => {
    const slo = loadSlo(path.join(EXAMPLES, '0.7.0__simplenodeservice__keptn__slo_perftest.yaml'))
    expect(slo.notes.join('\n')).toMatch(/"<=1%" is relative to earlier runs/)
  })
})

describe('comparison defaults (lighthouse)', () => {
  it('no block: single_result, all, 1, avg', () => {
    expect(comparison({})).toEqual({
      compareWith: 'single_result',
      includeResultWithScore: 'all',
      numberOfComparisonResults: 1,
      aggregateFunction: 'avg'
    })
  })
  it('empty block: all, avg; several_results defaults to 3', () => {
    expect(comparison({ comparison: null })).toMatchObject({
      includeResultWithScore: 'all',
      numberOfComparisonResults: 1,
      aggregateFunction: 'avg'
    })
    expect(comparison({ comparison: { compare_with: 'several_results' } })).toMatchObject({
      numberOfComparisonResults: 3
    })
    expect(
      comparison({ comparison: { compare_with: 'several_results', number_of_comparison_results: 5 } })
    ).toMatchObject({ numberOfComparisonResults: 5 })
  })
  it('single_result compares with one run whatever number_of_comparison_results says', () => {
    expect(
      comparison({ comparison: { compare_with: 'single_result', number_of_comparison_results: 3 } })
        .numberOfComparisonResults
    ).toBe(1)
  })
  it('total_score missing: 90% to pass, no warning band, with a note', () => {
    const slo = parseSlo('objectives:\n  - sli: a\n', 's.yaml')
    expect(slo.totalScore).toEqual({ pass: 90, warning: null })
    expect(slo.notes.join()).toMatch(/no total_score\.pass/)
  })
})

describe('errors name the file and line', () => {
  const cases: [string, string, RegExp][] = [
    [
      'unknown key',
      'objectives:\n  - sli: a\n    key-sli: true\n',
      /s\.yaml:2: objectives\.0: unknown key 'key-sli'/
    ],
    [
      'bad aggregate',
      'comparison:\n  aggregate_function: p99\nobjectives: []\n',
      /s\.yaml:2: comparison\.aggregate_function: expected one of/
    ],
    ['missing sli', 'objectives:\n  - weight: 1\n', /s\.yaml:2: objectives\.0: missing required key 'sli'/],
    [
      'bad total score',
      'objectives: []\ntotal_score:\n  pass: lots\n',
      /s\.yaml:3: total_score\.pass: expected a percentage/
    ],
    ['YAML syntax', 'objectives:\n  - sli: [a\n', /s\.yaml:\d+: invalid YAML/],
    ['empty', '', /s\.yaml:1: is empty/]
  ]
  it.each(cases)('%s', (_, text, message) => {
    expect(() => parseSlo(text, 's.yaml')).toThrow(ConfigFileError)
    expect(() => parseSlo(text, 's.yaml')).toThrow(message)
  })
  it('an unreadable file', () => {
    expect(() => loadSlo('/nonexistent/slo.yaml')).toThrow(/slo\.yaml: cannot be read \(ENOENT\)/)
  })
})
