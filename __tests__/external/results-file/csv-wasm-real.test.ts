/** The WebAssembly hot path against the JavaScript one on every real JMeter file: same samples, histogram, window, warnings and errors. */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { WasmScanner } from '../../../src/results-file/csv-wasm.js'
import { readJtl } from '../../../src/results-file/jtl-read.js'
import { SampleSink, standardSlis } from '../../../src/results-file/sli.js'
import { HAVE_SHARED_DATA, SHARED_DATA } from '../../helpers/paths.js'

const describeShared = HAVE_SHARED_DATA ? describe : describe.skip
const REAL = path.join(SHARED_DATA, 'jtl-real')
const realFiles = existsSync(REAL) ? readdirSync(REAL).filter(f => f.endsWith('.jtl')) : []

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

describeShared('WebAssembly CSV hot path on real JMeter files (needs ../shared/data)', () => {
  it('is available here (else these tests would compare the JavaScript path with itself)', () => {
    expect(WasmScanner.create(1024)).not.toBeNull()
  })

  it('finds the real files', () => expect(realFiles.length).toBe(21))

  it.each(realFiles)('%s: gives the JavaScript results', file => {
    for (const chunk of [undefined, 100, 4096])
      expect([chunk, outcome(path.join(REAL, file), chunk, true)]).toEqual([
        chunk,
        outcome(path.join(REAL, file), chunk, false)
      ])
  })
})
