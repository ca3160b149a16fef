/** The WebAssembly hot path against the JavaScript one on every real JMeter file: same samples, histogram, window, warnings and errors. */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { expectSameOutcome, itHasWasm } from '../../helpers/csv-wasm-outcome.js'
import { HAVE_SHARED_DATA, SHARED_DATA } from '../../helpers/paths.js'

const describeShared = HAVE_SHARED_DATA ? describe : describe.skip
const REAL = path.join(SHARED_DATA, 'jtl-real')
const realFiles = existsSync(REAL) ? readdirSync(REAL).filter(f => f.endsWith('.jtl')) : []

describeShared('WebAssembly CSV hot path on real JMeter files (needs ../shared/data)', () => {
  itHasWasm()

  it('finds the real files', () => expect(realFiles.length).toBe(21))

  it.each(realFiles)('%s: gives the JavaScript results', async file => {
    await expectSameOutcome(path.join(REAL, file), [undefined, 100, 4096])
  })
})
