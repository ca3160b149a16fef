/** What the WebAssembly CSV hot path is held to: the outcome of a read, the same as the JavaScript path's. */
import { expect, it } from '@jest/globals'
import { WasmScanner } from '../../src/results-file/csv-wasm.js'
import { readJtl } from '../../src/results-file/jtl-read.js'
import { SampleSink, standardSlis } from '../../src/results-file/sli.js'

/** Everything a read leaves behind, or the error it ends with. */
export async function outcome(file: string, chunk: number | undefined, wasm: boolean): Promise<unknown> {
  const sink = new SampleSink()
  try {
    await readJtl(file, sink, chunk, wasm)
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

/** The WebAssembly path's outcome equals the JavaScript path's at each chunk size (undefined: the default). */
export async function expectSameOutcome(file: string, chunks: (number | undefined)[]): Promise<void> {
  for (const chunk of chunks)
    expect([chunk, await outcome(file, chunk, true)]).toEqual([chunk, await outcome(file, chunk, false)])
}

/** Registers the test that the WebAssembly path is there to compare at all. */
export function itHasWasm(): void {
  it('is available here (else these tests would compare the JavaScript path with itself)', () => {
    expect(WasmScanner.create(1024)).not.toBeNull()
  })
}
