/**
 * Results from several load generators judged as one test: the SLIs of the union, exact percentiles over
 * all samples, each file's own layout, per-file counts, and a damaged file failing the gate by name.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../../src/contracts/errors.js'
import { resultsFilesOf } from '../../../src/results-file/results-paths.js'
import { evaluateResults } from '../../../src/scoring/evaluate.js'
import { explain } from '../../../src/scoring/explain.js'
import { REPO } from '../../helpers/paths.js'

const FIXTURES = path.join(REPO, '__tests__/fixtures/jtl')
const dir = mkdtempSync(path.join(tmpdir(), 'several-results-'))
const HEADER = 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,success\n'
const rows = (engine: string, from: number, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${1_700_000_000_000 + i},${from + i * 7},add,200,OK,${engine} 1-${i % 3},true\n`
  ).join('')

writeFileSync(path.join(dir, 'a.jtl'), HEADER + rows('engine-a', 10, 400))
writeFileSync(path.join(dir, 'b.jtl'), HEADER + rows('engine-b', 70_000, 100))
writeFileSync(path.join(dir, 'all.jtl'), HEADER + rows('engine-a', 10, 400) + rows('engine-b', 70_000, 100))
const THRESHOLDS = 'response_time_p95<600, error_rate<=1'

describe('several results files, one test', () => {
  it('gives the SLIs of one file holding every sample, exact percentiles included, and each file’s count', async () => {
    const several = await evaluateResults({
      resultsFiles: [path.join(dir, 'a.jtl'), path.join(dir, 'b.jtl')],
      thresholds: THRESHOLDS
    })
    const one = await evaluateResults({ resultsFile: path.join(dir, 'all.jtl'), thresholds: THRESHOLDS })
    expect(several.slis).toEqual(one.slis)
    expect(several.indicators.map(i => i.value)).toEqual(one.indicators.map(i => i.value))
    expect(several.samples).toBe(500)
    expect(several.resultsFiles).toEqual([
      { file: path.join(dir, 'a.jtl'), samples: 400 },
      { file: path.join(dir, 'b.jtl'), samples: 100 }
    ])
    expect(explain(several)).toContain(
      `Samples: 500 from 2 files: ${path.join(dir, 'a.jtl')} 400, ${path.join(dir, 'b.jtl')} 100`
    )
  })

  it('finds exact percentiles by further passes over every file when too many distinct values exceed 65.5 s', async () => {
    // 2 x 10,000 distinct values above 65.5 s (more than a histogram keeps exactly) beside small ones: the
    // further passes read both files, through buffers apart from those that hold the first read's counts.
    const spread = (from: number) =>
      Array.from(
        { length: 20_000 },
        (_, i) => `${1_700_000_000_000 + i},${i % 2 ? 100 + (i % 50) : 70_000 + from + i},add,200,OK,t,true\n`
      ).join('')
    writeFileSync(path.join(dir, 'c.jtl'), HEADER + spread(0))
    writeFileSync(path.join(dir, 'd.jtl'), HEADER + spread(50_000))
    writeFileSync(path.join(dir, 'cd.jtl'), HEADER + spread(0) + spread(50_000))
    const several = await evaluateResults({
      resultsFiles: [path.join(dir, 'c.jtl'), path.join(dir, 'd.jtl')],
      thresholds: THRESHOLDS
    })
    const one = await evaluateResults({ resultsFile: path.join(dir, 'cd.jtl'), thresholds: THRESHOLDS })
    expect(several.slis).toEqual(one.slis)
    // Nearest rank 38,000 of 40,000: past the 20,000 small values and c's 10,000 large ones, d's 8,000th
    // large value (d's are 120,000 + i for even i).
    expect(several.slis.response_time_p95).toBe(120_000 + 2 * 7_999)
  })

  it('reads each file in its own layout: a JMeter 2.13 CSV without header, a 5.6 CSV and an XML file', async () => {
    const files = ['noheader-jmeter213-java.jtl', 'jmeter563-standin.jtl', 'xml-nested-assertions.jtl'].map(
      f => path.join(FIXTURES, f)
    )
    const several = await evaluateResults({ resultsFiles: files, thresholds: THRESHOLDS })
    const alone = await Promise.all(
      files.map(f => evaluateResults({ resultsFile: f, thresholds: THRESHOLDS }))
    )
    expect(several.resultsFiles?.map(f => f.samples)).toEqual(alone.map(e => e.samples))
    expect(several.samples).toBe(alone.reduce((n, e) => n + e.samples!, 0))
  })

  it('fails the gate when one file is damaged, naming that file', async () => {
    const damaged = path.join(FIXTURES, 'damaged/csv-open-quote.jtl')
    const evaluation = await evaluateResults({
      resultsFiles: [path.join(dir, 'a.jtl'), damaged],
      thresholds: THRESHOLDS
    })
    expect(evaluation.result).toBe('fail')
    expect(evaluation.reasons[0]).toMatch(
      new RegExp(`^results file unusable: ${damaged.replace(/[.]/g, '\\.')}:\\d+: `)
    )
  })

  it('takes a folder as the results files under it, at any depth, sorted; an empty folder is refused', () => {
    const artifacts = path.join(dir, 'artifacts')
    for (const [name, file] of [
      ['load-2', 'results.jtl'],
      ['load-1', 'results.jtl'],
      ['load-1', 'jmeter.log']
    ]) {
      mkdirSync(path.join(artifacts, name), { recursive: true })
      writeFileSync(path.join(artifacts, name, file), readFileSync(path.join(dir, 'a.jtl')))
    }
    expect(resultsFilesOf('--results', [artifacts, path.join(dir, 'b.jtl')])).toEqual([
      path.join(artifacts, 'load-1/results.jtl'),
      path.join(artifacts, 'load-2/results.jtl'),
      path.join(dir, 'b.jtl')
    ])
    mkdirSync(path.join(dir, 'empty'))
    expect(() => resultsFilesOf('--results', [path.join(dir, 'empty')])).toThrow(InputError)
    expect(() => resultsFilesOf('--results', [path.join(dir, 'empty')])).toThrow(
      `Input '--results': expected results files (.jtl, .csv, .xml) in the folder, got "${path.join(dir, 'empty')}"`
    )
  })
})
