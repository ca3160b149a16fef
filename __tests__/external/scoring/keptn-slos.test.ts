/** Every slo.yaml of keptn/examples (0.6 to 0.12) parses, with each objective at its line. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { loadSlo } from '../../../src/scoring/slo.js'
import { HAVE_SHARED_DATA, SHARED_DATA } from '../../helpers/paths.js'

const describeShared = HAVE_SHARED_DATA ? describe : describe.skip
const EXAMPLES = path.join(SHARED_DATA, 'keptn-examples')
const sloFiles = existsSync(EXAMPLES)
  ? readdirSync(EXAMPLES).filter(f => /slo/.test(f) && f.endsWith('.yaml'))
  : []

describeShared("Keptn's slo.yaml examples (needs ../shared/data)", () => {
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
