/**
 * The WebAssembly hot path against the JavaScript one: same samples, histogram, window, warnings and
 * errors on every fixture, every real JMeter file and random CSV (quotes, CRLF, odd rows), at chunk
 * sizes that cut records anywhere.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { WasmScanner } from '../../../src/evaluation/csv-wasm.js'
import { readJtl } from '../../../src/evaluation/jtl-read.js'
import { SampleSink, standardSlis } from '../../../src/evaluation/sli.js'
import { FIXTURES, SHARED } from './naive.js'

const scratch = mkdtempSync(path.join(tmpdir(), 'csv-wasm-'))

/** Everything a read leaves behind, or the error it ends with. */
function outcome(file: string, chunk: number | undefined, wasm: boolean): unknown {
  const sink = new SampleSink()
  try {
    readJtl(file, sink, chunk, wasm)
  } catch (error) {
    return { error: String(error), warnings: sink.warnings }
  }
  const { count, failed, timed, minTs, maxEnd, hist } = sink.total
  const ps = [0.1, 1, 50, 90, 95, 99, 99.9, 100]
  return {
    count,
    failed,
    timed,
    minTs,
    maxEnd,
    hist: [hist.count, hist.sum, hist.min, hist.max, hist.percentiles(ps)],
    slis: standardSlis(sink),
    columns: sink.columns,
    warnings: sink.warnings
  }
}

function same(file: string, chunks: (number | undefined)[]): void {
  for (const chunk of chunks)
    expect([chunk, outcome(file, chunk, true)]).toEqual([chunk, outcome(file, chunk, false)])
}

const REAL = path.join(SHARED, 'jtl-real')

describe('WebAssembly CSV hot path', () => {
  it('is available here (else these tests would compare the JavaScript path with itself)', () => {
    expect(WasmScanner.create(1024)).not.toBeNull()
  })

  it('gives the JavaScript results on every fixture and real JMeter file', () => {
    for (const f of readdirSync(FIXTURES)) same(path.join(FIXTURES, f), [undefined, 1, 7, 100])
    for (const f of readdirSync(REAL).filter(f => f.endsWith('.jtl')))
      same(path.join(REAL, f), [undefined, 100, 4096])
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
      fc.oneof(fc.nat(2e12).map(String), fc.constantFrom('0', '', 'x', '1234567890123456', '"5"')),
      fc.oneof(
        fc.nat(70000).map(String),
        fc.nat(300).map(String),
        fc.constantFrom('', '70000', '65535', '65536')
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

  it('gives the JavaScript results on random rows', () => {
    const file = path.join(scratch, 'random.jtl')
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.boolean(), (rows, cut) => {
        const text = HEADER + rows.join('')
        writeFileSync(file, cut ? text.slice(0, -3) : text)
        same(file, [undefined, 1, 13, 97])
      }),
      { seed: 20261127, numRuns: 300, interruptAfterTimeLimit: 5000 }
    )
  }, 30_000)
})
