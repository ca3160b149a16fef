/**
 * The first pass reads the next chunk on libuv's pool while this one is scanned (chunks of 1 MB and more); the
 * further passes for exact percentiles reuse its buffers and WebAssembly instance. Held here to the results of
 * small chunks read in turn, on files several chunks long.
 */
import { readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { ResultsFileError } from '../../../src/contracts/errors.js'
import { readJtl, readJtls } from '../../../src/results-file/jtl-read.js'
import { SampleSink, standardSlis } from '../../../src/results-file/sli.js'
import { expectSameOutcome, outcome } from '../../helpers/csv-wasm-outcome.js'
import { nearestRank } from '../../helpers/naive-jtl.js'
import { tempDirs } from '../../helpers/temp-dirs.js'

const scratch = tempDirs('jtl-read-ahead-')
const HEADER = 'timeStamp,elapsed,label,responseCode,success,failureMessage,bytes\n'
const MB = 1 << 20

/** About `mb` MB of CSV rows; every 97th fails with a quoted message over three lines. */
function csvRows(mb: number, seed: number): string {
  const rows: string[] = []
  let size = 0
  for (let i = 0; size < mb * MB; i++) {
    const elapsed = (i * 7919 + seed) % 3000
    const row =
      i % 97 === 0
        ? `${1700000000000 + i},${elapsed},GET /cart,500,false,"expected /200/\n\n""500""",1000\n`
        : `${1700000000000 + i},${elapsed},GET /cart,200,true,,1000\n`
    rows.push(row)
    size += row.length
  }
  return rows.join('')
}

const openFds = () => readdirSync('/proc/self/fd').length

describe('reading the next chunk while scanning this one', () => {
  it('a 9 MB CSV gives with 2 MB and 1 MB chunks what 4 KB chunks read in turn give (WebAssembly and JavaScript)', async () => {
    const file = path.join(scratch(), 'nine.jtl')
    writeFileSync(file, HEADER + csvRows(9, 1))
    await expectSameOutcome(file, [undefined, MB])
    const inTurn = await outcome(file, 4096, true)
    expect(await outcome(file, undefined, true)).toEqual(inTurn)
    expect(await outcome(file, MB, true)).toEqual(inTurn)
    expect((inTurn as { count: number }).count).toBeGreaterThan(100_000)
  })

  it('several files of other layouts read with the default chunk count as one, file by file', async () => {
    const dir = scratch()
    const csv = path.join(dir, 'a.jtl')
    const xml = path.join(dir, 'b.jtl')
    writeFileSync(csv, HEADER + csvRows(3, 2))
    const samples = Array.from(
      { length: 40_000 },
      (_, i) => `<httpSample t="${i % 500}" s="${i % 9 !== 0}" lb="x"/>`
    )
    writeFileSync(
      xml,
      `<?xml version="1.0"?>\n<testResults version="1.2">\n${samples.join('\n')}\n</testResults>\n`
    )
    const together = new SampleSink()
    const reads = await readJtls([csv, xml], together)
    const [a, b] = [new SampleSink(), new SampleSink()]
    await readJtl(csv, a, 4096)
    await readJtl(xml, b, 4096)
    expect(reads.map(r => [r.format, r.samples])).toEqual([
      ['csv', a.total.count],
      ['xml', 40_000]
    ])
    expect(together.total.count).toBe(a.total.count + b.total.count)
    expect(together.total.failed).toBe(a.total.failed + b.total.failed)
  })

  it('a file refused mid-file, with the next chunk in flight or past the record cap, leaves no descriptor open', async () => {
    const dir = scratch()
    const plain = '1700000000000,5,GET /,200,true,,1000\n'.repeat(200_000) // 7.4 MB without quotes
    const damaged = {
      // Refused by the scan of the first chunk while the second is read.
      'bad-field.jtl': [HEADER + csvRows(1, 3) + '1,x,GET /,200,true,,1000\n' + plain, /elapsed is "x"/],
      // A quote never closed: refused when the carried record passes 4 MB.
      'open-quote.jtl': [HEADER + csvRows(3, 3) + '1,5,GET /,200,true,"open\n' + plain, /never closed/]
    } as const
    const before = openFds()
    for (const [name, [text, reason]] of Object.entries(damaged)) {
      const file = path.join(dir, name)
      writeFileSync(file, text)
      await expect(readJtl(file, new SampleSink())).rejects.toThrow(ResultsFileError)
      await expect(readJtl(file, new SampleSink())).rejects.toThrow(reason)
    }
    expect(openFds()).toBe(before)
  })

  it('further passes reuse the first pass buffers, not the counts it made (values below and above 65.5 s)', async () => {
    // The WebAssembly hot path counts values below 65.5 s into its memory; exact percentiles above need passes.
    const low = Array.from({ length: 30_000 }, (_, i) => (i * 37) % 65_000)
    const high = Array.from({ length: 20_000 }, (_, i) => 65_536 + ((i * 7919) % 20_000) * 3)
    const file = path.join(scratch(), 'mixed.jtl')
    const write = (lows: number[]) =>
      writeFileSync(
        file,
        'timeStamp,elapsed,label,success\n' +
          [...lows, ...high].map((v, i) => `${1700000000000 + i},${v},a,true\n`).join('')
      )
    const sorted = [...low, ...high].sort((x, y) => x - y)
    for (const chunk of [undefined, MB, 4096]) {
      write(low)
      const sink = new SampleSink()
      await readJtl(file, sink, chunk)
      expect(sink.total.hist.isExact).toBe(false)
      // Values below 65.5 s change before the further passes (as many, the same above): not what was read.
      write(low.map(v => v + 1))
      const slis = standardSlis(sink)
      for (const p of [50, 90, 95, 99])
        expect([chunk, p, slis[`response_time_p${p}`]]).toEqual([chunk, p, nearestRank(sorted, p)])
      for (const p of [1, 10, 30])
        expect([chunk, p, sink.total.hist.percentile(p)]).toEqual([chunk, p, nearestRank(sorted, p)])
    }
  })
})
