/**
 * Issue 12, classes 1-3 for results files: a file that ends inside a quoted field, comment, CDATA section or
 * tag (or that hides samples behind a missing closing tag) is damaged and refused naming its line; a file
 * cut off after complete samples stays a warning; percentiles stay exact in bounded memory whatever the
 * values; error texts quote at most a short excerpt.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { ResultsFileError } from '../../../src/contracts/errors.js'
import { countJtl } from '../../../src/jmeter-tests/verdict.js'
import { Histogram } from '../../../src/results-file/histogram.js'
import { readJtl } from '../../../src/results-file/jtl-read.js'
import { SampleSink, labelSliName, lookupSli, standardSlis } from '../../../src/results-file/sli.js'
import { evaluateResults } from '../../../src/scoring/evaluate.js'
import { FIXTURES, nearestRank } from '../../helpers/naive-jtl.js'
import { tempDirs } from '../../helpers/temp-dirs.js'

const DAMAGED = path.join(FIXTURES, 'damaged')
const scratch = tempDirs('jtl-damaged-')()
function write(name: string, content: string | Buffer): string {
  const file = path.join(scratch, name)
  writeFileSync(file, content)
  return file
}

/** The ResultsFileError reading `file` throws (with each chunk size), checked to name the file and `line`. */
async function refusal(
  file: string,
  line: number,
  chunks: (number | undefined)[] = [undefined, 4096]
): Promise<string> {
  let message = ''
  for (const chunk of chunks) {
    let error: unknown
    try {
      await readJtl(file, new SampleSink(true), chunk)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ResultsFileError)
    message = (error as Error).message
    expect(message.startsWith(`${file}:${line}: `)).toBe(true)
  }
  return message
}

const CSV_HEADER = 'timeStamp,elapsed,label,success,failureMessage\n'

describe('damaged results files are refused, naming the line where the damage begins', () => {
  it('CSV: one unbalanced quote followed by 600,000 failing rows (past the 4 MB record cap)', async () => {
    const file = path.join(scratch, 'quote-600k.jtl')
    const fd = openSync(file, 'w')
    writeSync(fd, CSV_HEADER)
    for (let i = 0; i < 5; i++) writeSync(fd, `17000000000${i}0,100,GET /,true,\n`)
    writeSync(fd, '1700000000050,100,GET /,true,"an unbalanced quote\n')
    const row = '1700000000100,9000,GET /,false,Test failed: code expected to equal /200/\n'
    const block = row.repeat(10_000)
    for (let i = 0; i < 60; i++) writeSync(fd, block)
    closeSync(fd)
    const message = await refusal(file, 7, [undefined])
    expect(message).toMatch(/a quoted field opened here is never closed: it is longer than 4 MB/)
  })

  it('CSV: an unbalanced quote before 1,000 failing rows (the file ends inside the field)', async () => {
    const file = path.join(DAMAGED, 'csv-open-quote.jtl')
    expect(await refusal(file, 7)).toMatch(
      /quoted field opened here is never closed: it runs to the end of the file/
    )
    // Through the gate: fail, the reason first, naming file and line; not a pass on the first 5 samples.
    const e = await evaluateResults({ resultsFile: file, thresholds: 'error_rate<=1' })
    expect(e.result).toBe('fail')
    expect(e.reasons[0]).toContain(`results file unusable: ${file}:7: a quoted field opened here`)
  })

  it('CSV: a quote that closes rows later merges them into one record with too many fields', async () => {
    const rows = ['1,10,a,true,"open', '2,20,b,false,x', '3,30,c,false,",y"', '4,40,d,false,z'].join('\n')
    expect(await refusal(write('merged.jtl', `${CSV_HEADER}${rows}\n`), 2)).toMatch(
      /the row has 6 fields; the header has 5/
    )
  })

  const XML_CASES: [string, RegExp][] = [
    ['xml-open-comment.jtl', /a comment opened here holds lines that start samples/],
    ['xml-open-cdata.jtl', /a CDATA section opened here holds lines that start samples/],
    ['xml-open-attribute.jtl', /a tag opened here never ends: an attribute quote in it is not closed/],
    ['xml-unclosed-element.jtl', /<httpSample> opened here is closed by <\/testResults> at line 1009/],
    [
      'xml-unclosed-element-eof.jtl',
      /<httpSample> opened here is never closed and holds 1000 sample elements/
    ]
  ]
  for (const [name, reason] of XML_CASES) {
    it(`XML: ${name} (damage at line 8, before 1,000 failing samples)`, async () => {
      const file = path.join(DAMAGED, name)
      expect(await refusal(file, 8)).toMatch(reason)
      const e = await evaluateResults({ resultsFile: file, thresholds: 'error_rate<=1' })
      expect(e.result).toBe('fail')
      expect(e.reasons[0]).toContain(`${file}:8: `)
    })
  }

  it('XML: a comment or CDATA section left open on the last line is damaged too', async () => {
    const head = '<testResults>\n<httpSample t="1" s="true"/>\n'
    expect(await refusal(write('c.jtl', `${head}<!-- cut`), 3)).toMatch(/comment/)
    expect(await refusal(write('d.jtl', `${head}<httpSample t="2" s="true"><![CDATA[cut`), 3)).toMatch(
      /CDATA/
    )
  })

  it('the test step fails a damaged JTL with the reason; warnings of a readable one are kept', async () => {
    await expect(countJtl(path.join(DAMAGED, 'csv-open-quote.jtl'))).rejects.toThrow(
      /csv-open-quote\.jtl:7: /
    )
    const cut = await countJtl(path.join(FIXTURES, 'xml-unterminated-jmeter28.jtl'))
    expect(cut.warnings?.join()).toMatch(/no closing <\/testResults>/)
  })
})

describe('cut off after complete samples: a warning, as JMeter killed mid-write leaves it', () => {
  it('JMeter 2.8 XML whose last tag is cut inside an attribute on the last line', async () => {
    const sink = new SampleSink()
    await readJtl(path.join(FIXTURES, 'xml-unterminated-jmeter28.jtl'), sink)
    expect(sink.total.count).toBeGreaterThan(0)
    expect(sink.warnings.join()).toMatch(/no closing <\/testResults>.*unfinished sample/)
  })
  it("nested sub-samples cut off inside the last sample's children", async () => {
    const sink = new SampleSink()
    await readJtl(path.join(FIXTURES, 'nested-unterminated.xml.jtl'), sink)
    expect(sink.warnings.join()).toMatch(/no closing <\/testResults>/)
  })
  it('a CSV last line cut off outside quotes', async () => {
    const sink = new SampleSink()
    await readJtl(path.join(FIXTURES, 'truncated.jtl'), sink)
    expect(sink.warnings.join()).toMatch(/no line end/)
  })
})

describe('error texts quote at most a short excerpt', () => {
  it('a 60 MB root element name is not echoed', async () => {
    const file = path.join(scratch, 'root.jtl')
    writeFileSync(file, Buffer.concat([Buffer.from('<'), Buffer.alloc(60 << 20, 'a'), Buffer.from('>\n')]))
    const message = await refusal(file, 1, [undefined])
    expect(message.length).toBeLessThan(300)
  })
  it('a 500 KB root element name (a whole tag) is quoted in 60 characters', async () => {
    const file = write('root2.jtl', `<${'b'.repeat(500_000)}>\n</x>\n`)
    const message = await refusal(file, 1, [undefined])
    expect(message).toMatch(/the root element is <b{60}…>/)
    expect(message.length).toBeLessThan(300)
  })
  it('long attribute values and field texts are cut', async () => {
    const xml = write(
      't.jtl',
      `<testResults>\n<httpSample t="${'9x'.repeat(10_000)}" s="true"/>\n</testResults>\n`
    )
    expect((await refusal(xml, 2)).length).toBeLessThan(300)
    const csv = write('e.jtl', `${CSV_HEADER}1,${'7y'.repeat(10_000)},a,true,\n`)
    expect((await refusal(csv, 2)).length).toBeLessThan(300)
  })
  it('distinct unreadable timestamps on every row make one warning, not one each', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `t${i}${'q'.repeat(50)},10,a,true,\n`).join('')
    const sink = new SampleSink()
    await readJtl(write('timestamps.jtl', CSV_HEADER + rows), sink)
    expect(sink.warnings).toHaveLength(1)
    expect(sink.warnings[0]!.length).toBeLessThan(200)
  })
  it('many distinct ignored top-level element names are not all listed', async () => {
    const others = Array.from({ length: 1000 }, (_, i) => `<other${i}${'z'.repeat(100)}/>`).join('\n')
    const sink = new SampleSink()
    await readJtl(
      write('others.jtl', `<testResults>\n${others}\n<sample t="1" s="true"/>\n</testResults>\n`),
      sink
    )
    expect(sink.warnings.join().length).toBeLessThan(1000)
  })
})

describe('exact percentiles in bounded memory, whatever the values', () => {
  it('20,000 distinct values above 65.5 s (past the exact map): exact, by a further pass', async () => {
    const values = Array.from({ length: 20_000 }, (_, i) => 65_536 + ((i * 7919) % 20_000) * 3)
    values.push(...Array.from({ length: 3000 }, (_, i) => i))
    const rows = values.map((v, i) => `${1700000000000 + i},${v},${i % 2 ? 'a' : 'b'},true,\n`).join('')
    const file = write('distinct.jtl', CSV_HEADER + rows)
    const sorted = [...values].sort((a, b) => a - b)
    for (const chunk of [undefined, 4096]) {
      const sink = new SampleSink(true)
      await readJtl(file, sink, chunk)
      expect(sink.total.hist.isExact).toBe(false)
      const slis = standardSlis(sink)
      for (const p of [50, 90, 95, 99]) expect(slis[`response_time_p${p}`]).toBe(nearestRank(sorted, p))
      expect(lookupSli(sink, 'response_time_p99.9').value).toBe(nearestRank(sorted, 99.9))
      const a = values.filter((_, i) => i % 2 === 1).sort((x, y) => x - y)
      expect(slis[labelSliName('response_time_p90', 'a')]).toBe(nearestRank(a, 90))
    }
  })

  it('values up to 15 digits take further passes and stay exact', async () => {
    const values = Array.from({ length: 17_000 }, (_, i) => 2 ** 40 + i * 1_000_003 + (i % 7))
    values.push(999_999_999_999_999)
    const rows = values.map(v => `1,${v},x,true,\n`).join('')
    const sink = new SampleSink()
    await readJtl(write('huge.jtl', CSV_HEADER + rows), sink)
    const sorted = [...values].sort((a, b) => a - b)
    expect(sink.total.hist.percentiles([1, 50, 99, 100])).toEqual(
      [1, 50, 99, 100].map(p => nearestRank(sorted, p))
    )
  })

  it('a histogram without a way to read the data again says so rather than guess', async () => {
    const h = new Histogram(16, 4)
    for (let i = 0; i < 10; i++) h.add(70_000 + i)
    expect(() => h.percentile(50)).toThrow(/another pass/)
  })

  it('a file that changes between passes is refused', async () => {
    const values = Array.from({ length: 17_000 }, (_, i) => 70_000 + i)
    const file = write('changing.jtl', CSV_HEADER + values.map(v => `1,${v},x,true,\n`).join(''))
    const sink = new SampleSink()
    await readJtl(file, sink)
    write('changing.jtl', CSV_HEADER + values.map(v => `1,${v + 1},x,true,\n`).join(''))
    expect(() => standardSlis(sink)).toThrow(/changed while it was read/)
  })
})
