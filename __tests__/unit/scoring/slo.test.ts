/** slo.yaml parsing: the project's fixtures of each Keptn slo.yaml shape, comparison defaults, errors with file:line. */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { ConfigFileError } from '../../../src/contracts/errors.js'
import { comparison, loadSlo, parseSlo } from '../../../src/scoring/slo.js'
import { REPO } from '../../helpers/paths.js'
import {
  itNotesTheUnsignedPercentage,
  itParsesEach,
  itParsesTheEmptySlo,
  itReadsTheQualityGate
} from '../../helpers/suites/slo-files.js'

const KEPTN = path.join(REPO, '__tests__/fixtures/keptn')
const sloFiles = readdirSync(KEPTN).filter(f => f.startsWith('slo') && f.endsWith('.yaml'))
const fixture = (file: string) => path.join(KEPTN, file)

describe('slo.yaml fixtures (one per Keptn slo.yaml shape)', () => {
  it('finds them', () => {
    expect(sloFiles.sort()).toEqual([
      'slo-0.6-quality-gates.yaml',
      'slo-1.0-comparison.yaml',
      'slo-empty.yaml',
      'slo-perftest.yaml',
      'slo-quickstart.yaml',
      'slo-self-healing.yaml'
    ])
  })

  itParsesEach(KEPTN, sloFiles)

  itReadsTheQualityGate(
    'the spec 1.0 quality gate reads as the reference says',
    fixture('slo-1.0-comparison.yaml'),
    11
  )

  it('the 0.6 quality gate (spec 0.1.1): relative and absolute criteria, no key_sli', () => {
    const slo = loadSlo(fixture('slo-0.6-quality-gates.yaml'))
    expect(slo.comparison).toMatchObject({ compareWith: 'single_result', includeResultWithScore: 'pass' })
    const [o] = slo.objectives
    expect(o).toMatchObject({ sli: 'response_time_p95', keySli: false, weight: 1 })
    expect(o!.pass[0]!.map(c => [c.text, c.relative])).toEqual([
      ['<=+10%', true],
      ['<500', false]
    ])
    expect(o!.warning[0]!.map(c => c.text)).toEqual(['<=900'])
  })

  it('the self-healing shape: key_sli true, "=0", an unquoted percentage', () => {
    const slo = loadSlo(fixture('slo-self-healing.yaml'))
    expect(slo.objectives.map(o => [o.sli, o.keySli])).toEqual([
      ['cpu_usage', false],
      ['problem_open', true]
    ])
    expect(slo.totalScore).toEqual({ pass: 90, warning: 40 })
  })

  it('the quickstart shape: a signed relative criterion, a commented-out one left out', () => {
    const slo = loadSlo(fixture('slo-quickstart.yaml'))
    const throughput = slo.objectives.find(o => o.sli === 'request_throughput')!
    expect(throughput.pass[0]!.map(c => [c.text, c.relative])).toEqual([['>=-80%', true]])
    expect(slo.objectives.find(o => o.sli === 'go_routines')!.keySli).toBe(true)
  })

  itParsesTheEmptySlo(fixture('slo-empty.yaml'))

  itNotesTheUnsignedPercentage(fixture('slo-perftest.yaml'))
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
