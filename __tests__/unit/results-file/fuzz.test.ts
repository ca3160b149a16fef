/**
 * Fuzzing with a fixed seed and a time bound: random and mutated JTL bytes, slo.yaml and thresholds
 * strings. Every input must end in a result or a typed error: no crash, no hang. Seeds are the project's
 * fixtures; the external tier fuzzes from the real files (__tests__/external/results-file/fuzz-real.test.ts).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { ConfigFileError, InputError } from '../../../src/contracts/errors.js'
import { ResultsFileError } from '../../../src/contracts/errors.js'
import { readJtl } from '../../../src/results-file/jtl-read.js'
import { SampleSink, standardSlis } from '../../../src/results-file/sli.js'
import { parseSlo } from '../../../src/scoring/slo.js'
import { parseThresholds } from '../../../src/scoring/thresholds.js'
import { FIXTURES } from '../../helpers/naive-jtl.js'
import { REPO } from '../../helpers/paths.js'
import { tempDirs } from '../../helpers/temp-dirs.js'

/** readJtl as a promise: its errors become rejections, as the tests assert them. */
const readAsync = async (...args: Parameters<typeof readJtl>) => readJtl(...args)

const scratch = tempDirs('fuzz-')()
const SEED = 20261127
// At most 400 runs or 3 s per property (whichever first), inside a 20 s Jest timeout.
const BUDGET = { seed: SEED, numRuns: 400, interruptAfterTimeLimit: 3000 }
const TIMEOUT = 20_000

// Every layout fixture: CSV of each JMeter version, headerless, multi-line fields, XML nested and cut off.
const seeds = readdirSync(FIXTURES)
  .filter(f => f.endsWith('.jtl'))
  .map(f => readFileSync(path.join(FIXTURES, f)))
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
const random = fc.uint8Array({ maxLength: 600 }).map(a => Buffer.from(a))

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

function typed(action: () => unknown, ...types: (new (...args: never[]) => Error)[]): void {
  try {
    action()
  } catch (error) {
    if (!types.some(t => error instanceof t)) throw error
  }
}

describe('fuzz', () => {
  it(
    'JTL reader: mutated and random bytes, any chunk size',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(mutated, random), fc.integer({ min: 1, max: 300 }), (bytes, chunk) =>
          readBytes(bytes, chunk)
        ),
        BUDGET
      )
    },
    TIMEOUT
  )

  const SLO = readFileSync(path.join(REPO, '__tests__/fixtures/keptn/slo-perftest.yaml'), 'utf8')
  it(
    'slo.yaml parser: mutated Keptn SLOs and random text',
    () => {
      const text = fc.oneof(
        fc.string({ maxLength: 200 }),
        fc
          .tuple(fc.nat(SLO.length), fc.nat(20), fc.string({ maxLength: 10 }))
          .map(([at, cut, insert]) => SLO.slice(0, at) + insert + SLO.slice(at + cut))
      )
      fc.assert(
        fc.property(text, t => typed(() => parseSlo(t, 'fuzz.yaml'), ConfigFileError)),
        BUDGET
      )
    },
    TIMEOUT
  )

  it(
    'thresholds parser',
    () => {
      const piece = fc.constantFrom(
        'response_time_p95',
        'error_rate',
        '{label="',
        '"}',
        '\\',
        '<',
        '<=',
        '=',
        '>',
        '+',
        '-',
        '%',
        ',',
        ';',
        '\n',
        '1',
        '0.5',
        ' ',
        'x'
      )
      const text = fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.array(piece, { maxLength: 20 }).map(p => p.join(''))
      )
      fc.assert(
        fc.property(text, t => typed(() => parseThresholds(t), InputError)),
        BUDGET
      )
    },
    TIMEOUT
  )
})
