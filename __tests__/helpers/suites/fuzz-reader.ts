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
import { naiveCsvSamples, naiveXmlSamples } from '../naive-jtl.js'
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
    await readJtl(file, sink, chunk)
  } catch (error) {
    if (!(error instanceof ResultsFileError)) throw error
    await expect(readJtl(file, new SampleSink(true), chunk)).rejects.toThrow(ResultsFileError)
    return
  }
  const again = new SampleSink(true)
  await readJtl(file, again, chunk)
  expect(standardSlis(again)).toEqual(standardSlis(sink))
  for (const value of Object.values(standardSlis(sink)))
    expect(value === null || Number.isFinite(value)).toBe(true)
}

/** Constructs that damage a file when left open, by format (issue 12). */
const OPENERS = {
  csv: ['"'],
  xml: ['<!--', '<![CDATA[', '"', "'", '<httpSample t="1" s="true">', '<sample t="2" s="false" lb="x']
}

const isXml = (bytes: Buffer) => bytes.toString('latin1').trimStart().startsWith('<')

/** Whether a (clean) CSV seed has a header row: its first line names `elapsed`. */
function hasHeader(seed: Buffer): boolean {
  const text = seed.toString('latin1')
  return /(^|,)\s*elapsed\s*(,|\r?\n)/i.test(text.slice(0, text.indexOf('\n') + 1))
}

/**
 * Samples and failures as the naive whole-file readers count them (`seed`: the file before damage). CSV: the
 * RFC 4180 reader of naive-jtl.ts over the damaged file. XML: a construct left open that the reader accepts
 * can only be inert there (a quote in text, a comment opener inside an attribute value or CDATA), so the
 * samples must be those of the seed, as naive-jtl.ts reads it.
 */
function naiveCounts(file: string, seed: Buffer): [number, number] {
  let samples
  if (isXml(seed)) {
    writeFileSync(`${file}.seed`, seed)
    samples = naiveXmlSamples(`${file}.seed`)
  } else samples = naiveCsvSamples(file, hasHeader(seed))
  return [samples.length, samples.filter(x => !x.ok).length]
}

/** The reader's counts, or the ResultsFileError it threw. */
async function readerCounts(file: string, chunk?: number): Promise<[number, number] | ResultsFileError> {
  const sink = new SampleSink()
  try {
    await readJtl(file, sink, chunk)
  } catch (error) {
    if (error instanceof ResultsFileError) return error
    throw error
  }
  return [sink.total.count, sink.total.failed]
}

/**
 * A seed with one construct that damages it when left open (a quote, comment, CDATA section, attribute
 * quote, an element not closed), inserted at a random place: at a line or field start half the time.
 */
function damaged(seeds: Buffer[]): fc.Arbitrary<[Buffer, Buffer]> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.nat(), fc.nat(), fc.boolean())
    .map(([seed, pick, where, atStart]) => {
      const openers = isXml(seed) ? OPENERS.xml : OPENERS.csv
      const insert = openers[pick % openers.length]!
      const starts: number[] = []
      if (atStart) seed.forEach((b, i) => (b === 10 || b === 44) && starts.push(i + 1))
      const at = starts.length > 0 ? starts[where % starts.length]! : where % (seed.length + 1)
      const bytes = Buffer.concat([seed.subarray(0, at), Buffer.from(insert, 'latin1'), seed.subarray(at)])
      return [bytes, seed] as [Buffer, Buffer]
    })
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
      'JTL reader: damaged files (a quote, comment, CDATA section, attribute quote or element left open) are refused naming a line, or read as the naive reader reads them',
      async () => {
        const dir = scratch()
        const seedFile = path.join(dir, 'seed.jtl')
        // Only seeds the naive readers read like the reader (both count the same samples and failures).
        const seeds: Buffer[] = []
        for (const seed of inputs.seeds()) {
          writeFileSync(seedFile, seed)
          const read = await readerCounts(seedFile)
          if (read instanceof ResultsFileError) continue
          try {
            if (JSON.stringify(read) === JSON.stringify(naiveCounts(seedFile, seed))) seeds.push(seed)
          } catch {
            // a seed the naive readers cannot read is left out
          }
        }
        expect(seeds.length).toBeGreaterThan(0)
        const file = path.join(dir, 'damaged.jtl')
        await fc.assert(
          fc.asyncProperty(
            damaged(seeds),
            fc.integer({ min: 1, max: 5000 }),
            async ([bytes, seed], chunk) => {
              writeFileSync(file, bytes)
              const read = await readerCounts(file, chunk)
              if (read instanceof ResultsFileError) {
                expect(read.line).toEqual(expect.any(Number))
                expect(read.message).toMatch(
                  new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `)
                )
                return
              }
              expect(read).toEqual(naiveCounts(file, seed))
            }
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
