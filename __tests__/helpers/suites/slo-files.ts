/**
 * The slo.yaml tests that hold for the project's fixtures and for Keptn's own files alike: every file
 * parses with each objective at its line, the spec 1.0 quality gate, the empty SLO, the unsigned percentage.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from '@jest/globals'
import { loadSlo } from '../../../src/scoring/slo.js'

/** Registers '<file> parses' for each of files in dir: one objective per `- sli:`, each at its line. */
export function itParsesEach(dir: string, files: string[]): void {
  it.each(files)('%s parses', file => {
    const slo = loadSlo(path.join(dir, file))
    const text = readFileSync(path.join(dir, file), 'utf8')
    expect(slo.objectives).toHaveLength((text.match(/^\s*- sli:/gm) ?? []).length)
    for (const o of slo.objectives) {
      expect(o.errors).toEqual([])
      expect(text.split(/\r?\n/)[o.line! - 1]).toContain(`sli: `)
    }
  })
}

/** Registers a test that file, Keptn's spec 1.0 quality gate, reads as the reference says. */
export function itReadsTheQualityGate(title: string, file: string, objectiveLine: number): void {
  it(title, () => {
    const slo = loadSlo(file)
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
      line: objectiveLine
    })
    expect(o!.pass[0]!.map(c => [c.text, c.relative])).toEqual([
      ['<=+10%', true],
      ['<600', false]
    ])
  })
}

/** Registers a test that file, an SLO with no objectives, parses. */
export function itParsesTheEmptySlo(file: string): void {
  it('an SLO with no objectives parses (the evaluation then fails)', () => {
    expect(loadSlo(file).objectives).toEqual([])
  })
}

/** Registers a test that file, a perftest SLO with error_rate "<=1%" and weight 2, notes the Keptn surprise. */
export function itNotesTheUnsignedPercentage(file: string): void {
  it('notes the Keptn surprise of an unsigned percentage being relative', () => {
    const slo = loadSlo(file)
    expect(slo.notes.join('\n')).toMatch(/"<=1%" is relative to earlier runs/)
    expect(slo.objectives.find(o => o.sli === 'error_rate')!.weight).toBe(2)
  })
}
