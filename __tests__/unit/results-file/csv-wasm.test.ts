/**
 * The WebAssembly hot path against the JavaScript one: same samples, histogram, window, warnings and
 * errors on every fixture (one per JTL layout and JMeter version, each checked against a naive reading
 * first) and random CSV (quotes, CRLF, odd rows), at chunk sizes that cut records anywhere. The real
 * JMeter files are compared in the external tier (__tests__/external/results-file/csv-wasm-real.test.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { ResultsFileError } from '../../../src/contracts/errors.js'
import { readJtl } from '../../../src/results-file/jtl-read.js'
import { SampleSink, standardSlis } from '../../../src/results-file/sli.js'
import { expectSameOutcome, itHasWasm } from '../../helpers/csv-wasm-outcome.js'
import { FIXTURES, naiveCsvSamples, naiveSlis, naiveXmlSamples } from '../../helpers/naive-jtl.js'
import { tempDirs } from '../../helpers/temp-dirs.js'

const scratch = tempDirs('csv-wasm-')()

interface Layout {
  file: string
  format: 'csv' | 'xml'
  header: boolean
  standsFor: string
  refused?: string
  warning?: string
}
/** The layout fixtures and what each stands for (fixtures/jtl/layouts.json). */
const LAYOUTS = (JSON.parse(readFileSync(path.join(FIXTURES, 'layouts.json'), 'utf8')) as { files: Layout[] })
  .files
const jtlFixtures = readdirSync(FIXTURES).filter(f => f.endsWith('.jtl'))
/** Fixtures a naive reading cannot check, with their own tests in jtl-fixtures.test.ts. */
const OWN_TESTS = ['header-only.jtl', 'nested-unterminated.xml.jtl']

describe('WebAssembly CSV hot path', () => {
  itHasWasm()

  it('has every fixture listed with its layout', () => {
    expect([...LAYOUTS.map(l => l.file), ...OWN_TESTS].sort()).toEqual(jtlFixtures.sort())
  })

  // The reference the WebAssembly path is held to must itself be right on every layout.
  it.each(LAYOUTS.map(l => [l.file, l] as const))(
    '%s: the JavaScript path equals a naive reading, or refuses with the reason',
    async (file, layout) => {
      const full = path.join(FIXTURES, file)
      if (layout.refused) {
        await expect(readJtl(full, new SampleSink(), undefined, false)).rejects.toThrow(ResultsFileError)
        await expect(readJtl(full, new SampleSink(), undefined, false)).rejects.toThrow(layout.refused)
        return
      }
      const sink = new SampleSink(true)
      await readJtl(full, sink, undefined, false)
      const samples = layout.format === 'xml' ? naiveXmlSamples(full) : naiveCsvSamples(full, layout.header)
      const naive = naiveSlis(samples)
      const slis = standardSlis(sink)
      expect(naive.request_count).toBeGreaterThan(0)
      for (const [name, value] of Object.entries(naive))
        expect([name, slis[name]]).toEqual([name, expect.closeTo(value, 9)])
      const labels = new Set(samples.map(s => s.label))
      expect(Object.keys(slis).filter(k => k.startsWith('request_count{'))).toHaveLength(labels.size)
      if (layout.warning) expect(sink.warnings.join('\n')).toContain(layout.warning)
      else expect(sink.warnings.filter(w => !/resolution/.test(w))).toEqual([])
    }
  )

  it('gives the JavaScript results on every fixture', async () => {
    for (const f of jtlFixtures) await expectSameOutcome(path.join(FIXTURES, f), [undefined, 1, 7, 100])
  })

  const HEADER =
    'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes\n'
  const field = fc.oneof(
    fc.constantFrom('', 'OK', 'text', 'a"b', '"q,\n""x"', '"\r\n"', 'x\r', 'true', 'false', '12'),
    fc.stringMatching(/^[a-z0-9 ]{0,6}$/),
    // Long fields: the WebAssembly scanner passes fields in 16-byte blocks.
    fc.stringMatching(/^[a-z"]{10,40}$/)
  )
  const row = fc
    .tuple(
      fc.oneof(
        fc.nat(2e12).map(String),
        // Every length around the 8-digit steps the WebAssembly reader parses in, and past its 15.
        fc.constantFrom('0', '', 'x', '12345678', '123456789', '999999999999999', '1234567890123456', '"5"')
      ),
      fc.oneof(
        fc.nat(70000).map(String),
        fc.nat(300).map(String),
        fc.constantFrom('', '70000', '65535', '65536', '007', '000123', '0000065535')
      ),
      fc.array(field, { minLength: 5, maxLength: 5 }),
      fc.constantFrom('true', 'false', 'TRUE', 'true\r', '"true"', 'tru'),
      fc.array(field, { maxLength: 3 }),
      fc.constantFrom('\n', '\r\n')
    )
    .map(
      ([ts, elapsed, middle, success, rest, end]) =>
        [ts, elapsed, ...middle, success, ...rest].join(',') + end
    )

  it('reads quoted failure messages over several lines itself, counting their lines for later errors', async () => {
    const file = path.join(scratch, 'multi-line.jtl')
    const failed = (ts: number) =>
      `${ts},120,GET /,500,Error,t 1-1,text,false,"expected /200/\n\n""500""\r\n",1000\n`
    const row = (ts: number) => `${ts},80,GET /,200,OK,t 1-1,text,true,,1000\n`
    // Line 2, lines 3-6 (one record), line 7, lines 8-11, line 12: an elapsed of "x", at line 12.
    writeFileSync(
      file,
      HEADER + row(1) + failed(2) + row(3) + failed(4) + '5,x,GET /,200,OK,t,text,true,,1\n'
    )
    await expectSameOutcome(file, [undefined, 1, 13])
    await expect(readJtl(file, new SampleSink())).rejects.toThrow(`${file}:12: elapsed is "x"`)
  })

  it('gives the JavaScript results on random rows', async () => {
    const file = path.join(scratch, 'random.jtl')
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 60 }), fc.boolean(), async (rows, cut) => {
        const text = HEADER + rows.join('')
        writeFileSync(file, cut ? text.slice(0, -3) : text)
        await expectSameOutcome(file, [undefined, 1, 13, 97])
      }),
      { seed: 20261127, numRuns: 300, interruptAfterTimeLimit: 5000 }
    )
  }, 30_000)
})
