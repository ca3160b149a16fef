/**
 * The fuzz tests of the JTL reader and the slo.yaml parser, for a given list of seed files and a given
 * slo.yaml: every input must end in a result or a typed error (no crash, no hang), with a fixed seed and a
 * time bound. The unit tier seeds them with the project's fixtures, the external tier with real files.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe as jestDescribe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { ConfigFileError, ResultsFileError } from '../../../src/contracts/errors.js'
import { readJtl } from '../../../src/results-file/jtl-read.js'
import { SampleSink, standardSlis } from '../../../src/results-file/sli.js'
import { parseSlo } from '../../../src/scoring/slo.js'
import { tempDirs } from '../temp-dirs.js'

const SEED = 20261127
// At most 400 runs or 3 s per property (whichever first), inside a 20 s Jest timeout.
export const FUZZ_BUDGET = { seed: SEED, numRuns: 400, interruptAfterTimeLimit: 3000 }
export const FUZZ_TIMEOUT = 20_000

/** Runs action; an error of one of the given types is an accepted end, any other is rethrown. */
export function typed(action: () => unknown, ...types: (new (...args: never[]) => Error)[]): void {
  try {
    action()
  } catch (error) {
    if (!types.some(t => error instanceof t)) throw error
  }
}

/** readJtl as a promise: its errors become rejections, as the tests assert them. */
const readAsync = async (...args: Parameters<typeof readJtl>) => readJtl(...args)

const special = fc.constantFrom(
  ...[34, 44, 10, 13, 60, 62, 47, 38, 0xef, 0xbb, 0xbf, 0, 255, 48, 116, 102].map(b => [b])
)

/** A seed file with some bytes replaced, inserted or deleted. */
function mutated(seeds: Buffer[]): fc.Arbitrary<Buffer> {
  return fc
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
}

/** A result or a ResultsFileError, the same at every read; a result's SLIs are numbers or null. */
async function readBytes(file: string, bytes: Buffer, chunk: number): Promise<void> {
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

export interface FuzzReaderInputs {
  /** The describe block's title. */
  title: string
  /** describe, or describe.skip where the inputs are missing. */
  describe?: (title: string, tests: () => void) => void
  /** Prefix of the scratch directory the mutated files are written to. */
  scratchPrefix: string
  /** The JTL files mutated (read when the tests run, so a skipped block reads nothing). */
  seeds: () => Buffer[]
  /** The slo.yaml text mutated. */
  slo: () => string
  /** Random bytes and random text as well as mutated seeds. */
  random: boolean
  /** The two tests' titles. */
  names: { jtl: string; slo: string }
  /** Further tests of the block. */
  more?: () => void
}

/** Registers the JTL reader and slo.yaml parser fuzz tests for the given seeds; call at a file's top level. */
export function fuzzReaderSuite(inputs: FuzzReaderInputs): void {
  const scratch = tempDirs(inputs.scratchPrefix)
  ;(inputs.describe ?? jestDescribe)(inputs.title, () => {
    it(
      inputs.names.jtl,
      async () => {
        const file = path.join(scratch(), 'fuzz.jtl')
        const seeded = mutated(inputs.seeds())
        const random = fc.uint8Array({ maxLength: 600 }).map(a => Buffer.from(a))
        await fc.assert(
          fc.asyncProperty(
            inputs.random ? fc.oneof(seeded, random) : seeded,
            fc.integer({ min: 1, max: 300 }),
            (bytes, chunk) => readBytes(file, bytes, chunk)
          ),
          FUZZ_BUDGET
        )
      },
      FUZZ_TIMEOUT
    )

    it(
      inputs.names.slo,
      () => {
        const SLO = inputs.slo()
        const seeded = fc
          .tuple(fc.nat(SLO.length), fc.nat(20), fc.string({ maxLength: 10 }))
          .map(([at, cut, insert]) => SLO.slice(0, at) + insert + SLO.slice(at + cut))
        const text = inputs.random ? fc.oneof(fc.string({ maxLength: 200 }), seeded) : seeded
        fc.assert(
          fc.property(text, t => typed(() => parseSlo(t, 'fuzz.yaml'), ConfigFileError)),
          FUZZ_BUDGET
        )
      },
      FUZZ_TIMEOUT
    )

    inputs.more?.()
  })
}
