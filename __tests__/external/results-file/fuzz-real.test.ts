/**
 * Fuzzing from the real files, with a fixed seed and a time bound: mutated real JMeter results and a
 * mutated Keptn slo.yaml. Every input must end in a result or a typed error: no crash, no hang.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { ConfigFileError, ResultsFileError } from '../../../src/contracts/errors.js'
import { readJtl } from '../../../src/results-file/jtl-read.js'
import { SampleSink, standardSlis } from '../../../src/results-file/sli.js'
import { parseSlo } from '../../../src/scoring/slo.js'
import { HAVE_SHARED_DATA, SHARED_DATA } from '../../helpers/paths.js'
import { tempDirs } from '../../helpers/temp-dirs.js'

const describeShared = HAVE_SHARED_DATA ? describe : describe.skip
/** readJtl as a promise: its errors become rejections, as the tests assert them. */
const readAsync = async (...args: Parameters<typeof readJtl>) => readJtl(...args)

const scratch = tempDirs('fuzz-real-')()
const SEED = 20261127
// At most 400 runs or 3 s per property (whichever first), inside a 20 s Jest timeout.
const BUDGET = { seed: SEED, numRuns: 400, interruptAfterTimeLimit: 3000 }
const TIMEOUT = 20_000

const shared = (file: string) => path.join(SHARED_DATA, file)
const seeds = existsSync(SHARED_DATA)
  ? [
      readFileSync(shared('jtl-real/x1-multiline-label-webdriver.jtl')),
      readFileSync(shared('jtl-real/x3-jmeter40-small.jtl')),
      readFileSync(shared('jtl-real/15-xml-unterminated-jmeter28.jtl')).subarray(0, 3000)
    ]
  : [Buffer.from('')]
const SLO = existsSync(SHARED_DATA)
  ? readFileSync(shared('keptn-examples/0.7.0__simplenodeservice__keptn__slo_perftest.yaml'), 'utf8')
  : ''

const special = fc.constantFrom(
  ...[34, 44, 10, 13, 60, 62, 47, 38, 0xef, 0xbb, 0xbf, 0, 255, 48, 116, 102].map(b => [b])
)

/** A seed file with some bytes replaced, inserted or deleted. */
const mutated = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.oneof(
          special,
          fc.uint8Array({ maxLength: 4 }).map(a => [...a])
        ),
        fc.nat(3)
      ),
      { maxLength: 12 }
    )
  )
  .map(([seed, edits]) => {
    const bytes = [...seed]
    for (const [at, insert, remove] of edits) bytes.splice(at % (bytes.length + 1), remove, ...insert)
    return Buffer.from(bytes)
  })

async function readBytes(bytes: Buffer, chunk: number): Promise<void> {
  const file = path.join(scratch, 'fuzz.jtl')
  writeFileSync(file, bytes)
  const sink = new SampleSink(true)
  try {
    await readAsync(file, sink, chunk)
  } catch (error) {
    if (!(error instanceof ResultsFileError)) throw error
    expect(() => readJtl(file, new SampleSink(true), chunk)).toThrow(ResultsFileError)
    return
  }
  const again = new SampleSink(true)
  readJtl(file, again, chunk)
  expect(standardSlis(again)).toEqual(standardSlis(sink))
  for (const value of Object.values(standardSlis(sink)))
    expect(value === null || Number.isFinite(value)).toBe(true)
}

describeShared('fuzz from real files (needs ../shared/data)', () => {
  it(
    'JTL reader: mutated real JMeter files, any chunk size',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutated, fc.integer({ min: 1, max: 300 }), (bytes, chunk) =>
          readBytes(bytes, chunk)
        ),
        BUDGET
      )
    },
    TIMEOUT
  )

  it(
    'slo.yaml parser: a mutated Keptn SLO',
    () => {
      const text = fc
        .tuple(fc.nat(SLO.length), fc.nat(20), fc.string({ maxLength: 10 }))
        .map(([at, cut, insert]) => SLO.slice(0, at) + insert + SLO.slice(at + cut))
      fc.assert(
        fc.property(text, t => {
          try {
            parseSlo(t, 'fuzz.yaml')
          } catch (error) {
            if (!(error instanceof ConfigFileError)) throw error
          }
        }),
        BUDGET
      )
    },
    TIMEOUT
  )
})
