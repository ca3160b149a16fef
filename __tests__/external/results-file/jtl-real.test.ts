/** Every real JMeter result file is read right (checked against a naive whole-file computation) or refused. */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { ResultsFileError } from '../../../src/contracts/errors.js'
import { readJtl } from '../../../src/results-file/jtl-read.js'
import { SampleSink, labelSliName, standardSlis } from '../../../src/results-file/sli.js'
import { naiveCsvSamples, naiveSlis, naiveXmlSamples, type NaiveSample } from '../../helpers/naive-jtl.js'
import { HAVE_SHARED_DATA, SHARED_DATA } from '../../helpers/paths.js'

const describeShared = HAVE_SHARED_DATA ? describe : describe.skip
const DIR = path.join(SHARED_DATA, 'jtl-real')
const SOURCES = path.join(DIR, 'sources.json')
const sources = (existsSync(SOURCES) ? JSON.parse(readFileSync(SOURCES, 'utf8')) : []) as {
  file: string
  format: string
  header: boolean
}[]

/** Files the reader must refuse, with the reason it must give. */
const REFUSED: Record<string, RegExp> = {
  '09-noheader-no-timestamp-custom.jtl':
    /no header row, and its 13 columns do not match a JMeter default layout/
}

/** Warnings the reader must give. */
const WARNED: Record<string, RegExp> = {
  '04-dateformat-timestamp-truncated.jtl': /last line has no line end/,
  '07-noheader-jmeter563.jtl': /no header row; read as JMeter 5.x default/,
  '08-noheader-jmeter213-javasampler.jtl': /no header row; read as JMeter 2.x default/,
  '15-xml-unterminated-jmeter28.jtl': /no closing <\/testResults>/
}

async function read(file: string, chunk?: number): Promise<SampleSink> {
  const sink = new SampleSink(true)
  await readJtl(path.join(DIR, file), sink, chunk)
  return sink
}

function expected(source: { file: string; format: string; header: boolean }): NaiveSample[] {
  const file = path.join(DIR, source.file)
  return source.format === 'xml' ? naiveXmlSamples(file) : naiveCsvSamples(file, source.header)
}

describeShared('real JTL files (needs ../shared/data)', () => {
  it('lists 21 result files', () => {
    expect(sources).toHaveLength(21)
  })

  for (const source of sources) {
    const refusal = REFUSED[source.file]
    if (refusal) {
      it(`${source.file}: is refused with a reason`, async () => {
        await expect(read(source.file)).rejects.toThrow(ResultsFileError)
        await expect(read(source.file)).rejects.toThrow(refusal)
      })
      continue
    }
    it(`${source.file}: SLIs equal a naive computation`, async () => {
      const sink = await read(source.file)
      const naive = naiveSlis(expected(source))
      const slis = standardSlis(sink)
      expect(naive.request_count).toBeGreaterThan(0)
      for (const [name, value] of Object.entries(naive)) {
        if (name === 'throughput' || name === 'response_time_avg' || name === 'error_rate')
          expect(slis[name]).toBeCloseTo(value, 9)
        else expect(slis[name]).toBe(value)
      }
      const warning = WARNED[source.file]
      if (warning) expect(sink.warnings.join('\n')).toMatch(warning)
      else expect(sink.warnings.filter(w => !/resolution/.test(w))).toEqual([])
    })

    it(`${source.file}: per-label counts equal a naive computation`, async () => {
      const sink = await read(source.file)
      const counts = new Map<string, number>()
      for (const s of expected(source)) counts.set(s.label, (counts.get(s.label) ?? 0) + 1)
      const slis = standardSlis(sink)
      const perLabel = Object.keys(slis).filter(k => k.startsWith('request_count{'))
      expect(perLabel).toHaveLength(counts.size)
      if (source.format === 'csv') {
        for (const [label, n] of counts) expect(slis[labelSliName('request_count', label)]).toBe(n)
      }
    })

    it(`${source.file}: 4 KB read chunks give the same result`, async () => {
      const sink = new SampleSink(true)
      await readJtl(path.join(DIR, source.file), sink, 4096)
      expect(standardSlis(sink)).toEqual(standardSlis(await read(source.file)))
      expect(sink.warnings).toEqual((await read(source.file)).warnings)
    })

    it(`${source.file}: tiny read chunks give the same result`, async () => {
      expect(standardSlis(await read(source.file, 61))).toEqual(standardSlis(await read(source.file)))
    })
  }
})
