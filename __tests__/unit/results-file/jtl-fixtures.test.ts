/** Hand-written JTL fixtures with known answers: multi-line quoted fields, CRLF, XML nesting, cut-off files. */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { ResultsFileError } from '../../../src/contracts/errors.js'
import { readJtl } from '../../../src/results-file/jtl-read.js'
import { SampleSink, labelSliName, lookupSli, standardSlis } from '../../../src/results-file/sli.js'
import { FIXTURES, naiveCsvSamples, naiveSlis } from '../../helpers/naive-jtl.js'
import { tempDirs } from '../../helpers/temp-dirs.js'

async function read(file: string, chunk?: number): Promise<SampleSink> {
  const sink = new SampleSink(true)
  await readJtl(path.join(FIXTURES, file), sink, chunk)
  return sink
}

const scratch = tempDirs('jtl-fixture-')()
function write(name: string, content: string | Buffer): string {
  const file = path.join(scratch, name)
  writeFileSync(file, content)
  return file
}

describe('CSV fixtures', () => {
  for (const file of ['multiline-crlf.jtl', 'multiline-lf.jtl']) {
    it(`${file}: multi-line quoted fields, doubled quotes, a timeStamp 0 row`, async () => {
      for (const chunk of [undefined, 1, 7, 64]) {
        const slis = standardSlis(await read(file, chunk))
        expect(slis.request_count).toBe(5)
        expect(slis.error_rate).toBe(40)
        expect(slis.response_time_avg).toBe(200)
        expect([slis.response_time_min, slis.response_time_max]).toEqual([0, 400])
        expect([slis.response_time_p50, slis.response_time_p90, slis.response_time_p99]).toEqual([
          200, 400, 400
        ])
        // The timeStamp 0 row has no place in the window [1700000000000, 1700000001400].
        expect(slis.throughput).toBeCloseTo(4 / 1.4, 12)
        expect(slis[labelSliName('request_count', 'Add to cart')]).toBe(4)
        expect(slis[labelSliName('error_rate', 'Cart, "view"')]).toBe(100)
      }
    })
  }

  it('a real JMeter 5.6.3 run (the JMeter step stand-in) matches the naive reading', async () => {
    const slis = standardSlis(await read('jmeter563-standin.jtl'))
    const naive = naiveSlis(naiveCsvSamples(path.join(FIXTURES, 'jmeter563-standin.jtl'), true))
    expect(slis.request_count).toBe(8)
    for (const [name, value] of Object.entries(naive)) expect(slis[name]).toBeCloseTo(value, 9)
  })

  it('ignores a cut-off last line, with a warning', async () => {
    const sink = await read('truncated.jtl')
    expect(sink.total.count).toBe(2)
    expect(sink.warnings.join()).toMatch(/truncated\.jtl:4: the last line has no line end/)
  })

  it('a header without rows has zero samples', async () => {
    expect((await read('header-only.jtl')).total.count).toBe(0)
  })

  it('an empty file, a missing file and an open quote are refused', async () => {
    await expect(readJtl(write('empty.jtl', ''), new SampleSink())).rejects.toThrow(/is empty/)
    await expect(readJtl(path.join(scratch, 'missing.jtl'), new SampleSink())).rejects.toThrow(
      /cannot be read \(ENOENT\)/
    )
    // Issue 12: the quote takes every later row into one field; that is a damaged file, not a cut-off line.
    const open = 'timeStamp,elapsed,success,label\n1,2,true,"never closed\n3,4,true,x\n'
    await expect(readJtl(write('open.jtl', open), new SampleSink())).rejects.toThrow(
      /open\.jtl:2: a quoted field opened here is never closed/
    )
  })

  it('finds columns by name in any order; a missing column leaves its SLIs without value', async () => {
    const sink = new SampleSink()
    await readJtl(write('reordered.jtl', 'label,success,elapsed\nA,true,10\nB,false,30\n'), sink)
    expect(lookupSli(sink, 'response_time_avg').value).toBe(20)
    expect(lookupSli(sink, 'error_rate').value).toBe(50)
    expect(lookupSli(sink, 'throughput')).toEqual({
      value: null,
      reason: "the results file has no 'timeStamp' column"
    })
  })

  it('refuses a row with a non-numeric elapsed or a bad success, naming the line', async () => {
    const bad = write('bad.jtl', 'timeStamp,elapsed,success\n1,2,true\n1,x2,true\n')
    await expect(readJtl(bad, new SampleSink())).rejects.toThrow(/bad\.jtl:3: elapsed is "x2"/)
    const bool = write('bool.jtl', 'timeStamp,elapsed,success\n1,2,yes\n')
    await expect(readJtl(bool, new SampleSink())).rejects.toThrow(
      /bool\.jtl:2: success is "yes", expected true or false/
    )
  })

  it('skips a repeated header row (runs appended to one file)', async () => {
    const sink = new SampleSink()
    await readJtl(
      write('appended.jtl', 'timeStamp,elapsed,success\n1,2,true\ntimeStamp,elapsed,success\n3,4,false\n'),
      sink
    )
    expect(sink.total.count).toBe(2)
    expect(sink.warnings.join()).toMatch(/header row appears again/)
  })

  it('refuses a headerless file when a later row does not fit the assumed default layout', async () => {
    const row = '1700000000000,10,a,200,OK,t 1-1,text,true,,1,1,1,1,http://x,1,0,0'
    const file = write('headerless.jtl', `${row}\n${row}\n${row.replace(',true,', ',maybe,')}\n`)
    await expect(readJtl(file, new SampleSink())).rejects.toThrow(
      /headerless\.jtl:3: this row does not fit the JMeter 5\.x default/
    )
  })

  it('reads UTF-8 labels byte-exact, and a UTF-8 BOM', async () => {
    const sink = new SampleSink(true)
    await readJtl(
      write(
        'utf8.jtl',
        Buffer.from('\ufefftimeStamp,elapsed,success,label\n1,2,true,Café ☕\n1,4,true,"Café ☕"\n')
      ),
      sink
    )
    expect(lookupSli(sink, labelSliName('request_count', 'Café ☕')).value).toBe(2)
  })
})

describe('XML fixtures', () => {
  it('counts top-level samples only; entities, CDATA, comments and ">" in attributes', async () => {
    for (const chunk of [undefined, 1, 13]) {
      const sink = await read('nested.xml.jtl', chunk)
      const slis = standardSlis(sink)
      expect(slis.request_count).toBe(3)
      expect(slis.error_rate).toBeCloseTo(100 / 3, 12)
      expect([slis.response_time_p50, slis.response_time_p90, slis.response_time_max]).toEqual([
        250, 1000, 1000
      ])
      expect(slis.throughput).toBeCloseTo(3 / 2.05, 12)
      expect([...sink.labels.keys()].sort()).toEqual(['Café <menu>', 'Checkout & pay', 'GET /cart'])
      expect(sink.warnings).toEqual([])
    }
  })

  it('an unterminated file: complete samples counted, the unfinished one left out, with a warning', async () => {
    const sink = await read('nested-unterminated.xml.jtl')
    expect(sink.total.count).toBe(1)
    expect(sink.warnings.join()).toMatch(
      /no closing <\/testResults>.*read 1 complete samples; the unfinished sample/
    )
  })

  it('refuses XML that is not a testResults document', async () => {
    await expect(
      readJtl(write('other.xml', '<?xml version="1.0"?>\n<project/>\n'), new SampleSink())
    ).rejects.toThrow(/root element is <project>/)
    const badT = write('bad-t.xml', '<testResults>\n<httpSample t="x" s="true"/>\n</testResults>\n')
    await expect(readJtl(badT, new SampleSink())).rejects.toThrow(/bad-t\.xml:2: sample attribute t is "x"/)
  })

  it('is a ResultsFileError for every refusal', async () => {
    await expect(
      readJtl(write('x.xml', '<testResults><sample s="true"/>'), new SampleSink())
    ).rejects.toThrow(ResultsFileError)
  })
})
