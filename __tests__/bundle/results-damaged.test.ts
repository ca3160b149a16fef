/**
 * Issue 12, class 1 through the CLI as users run it (the bundle built from the sources): a damaged results
 * file fails the gate closed, naming the file and the line where the damage begins; a file with many
 * distinct values above 65.5 s gets exact percentiles. The action has no input that evaluates a given
 * results file (its results come from the test step's JMeter run, which reads them with the same reader,
 * see src/jmeter-tests/verdict.ts), so the CLI is where a given damaged file is reached from outside.
 *
 * Exit code: a refused results file is a failed gate (exit 1, the reason first), as docs/sli.md states for
 * every refused results file ("The gate fails closed: ... an unreadable or refused results file ... give
 * fail"), so the action records the failed evaluation and rolls back like any failed gate.
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { cliEntry } from '../helpers/cli.js'
import { FIXTURES } from '../helpers/naive-jtl.js'
import { tempDirs } from '../helpers/temp-dirs.js'

const DAMAGED = path.join(FIXTURES, 'damaged')
const scratch = tempDirs('results-damaged-')

function evaluate(...args: string[]) {
  const run = spawnSync('node', [cliEntry().path, 'evaluate', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
    maxBuffer: 1 << 20
  })
  return { code: run.status, out: run.stdout, err: run.stderr }
}

describe('carts-deploy evaluate on damaged results files', () => {
  const cases: [string, number, RegExp][] = [
    ['csv-open-quote.jtl', 7, /a quoted field opened here is never closed/],
    ['xml-open-comment.jtl', 8, /a comment opened here holds lines that start samples/],
    ['xml-open-cdata.jtl', 8, /a CDATA section opened here holds lines that start samples/],
    ['xml-open-attribute.jtl', 8, /an attribute quote in it is not closed/],
    ['xml-unclosed-element.jtl', 8, /<httpSample> opened here is closed by <\/testResults>/],
    ['xml-unclosed-element-eof.jtl', 8, /<httpSample> opened here is never closed/]
  ]
  it.each(cases)('%s fails the gate, naming the file and line %i', (name, line, reason) => {
    const file = path.join(DAMAGED, name)
    const run = evaluate('--results', file, '--thresholds', 'error_rate<=1')
    expect(run.code).toBe(1)
    expect(run.err).toBe('')
    expect(run.out).toMatch(/^Quality gate: FAIL/)
    const naming = run.out.split('\n').filter(l => l.includes(`${file}:`))
    expect(naming).toHaveLength(1)
    expect(naming[0]).toContain(`results file unusable: ${file}:${line}: `)
    expect(naming[0]).toMatch(reason)
    // Not a pass on the complete samples before the damage.
    expect(run.out).not.toMatch(/error_rate\) = 0\b/)
  })

  it('a 60 MB root element name is not echoed', () => {
    const file = path.join(scratch(), 'root.jtl')
    writeFileSync(file, Buffer.concat([Buffer.from('<'), Buffer.alloc(60 << 20, 'a'), Buffer.from('>\n')]))
    const run = evaluate('--results', file, '--thresholds', 'error_rate<=1', '--json')
    expect(run.code).toBe(1)
    expect(run.out.length + run.err.length).toBeLessThan(4000)
    expect(run.out).toContain(`${file}:1: a tag opened here never ends`)
  })

  it('exact percentiles for 30,000 distinct values above 65.5 s (a further pass)', () => {
    const n = 30_000
    const rows = Array.from(
      { length: n },
      (_, i) => `${1700000000000 + i},${65_536 + ((i * 7919) % n)},true\n`
    )
    const file = path.join(scratch(), 'distinct.jtl')
    writeFileSync(file, `timeStamp,elapsed,success\n${rows.join('')}`)
    const run = evaluate('--results', file, '--thresholds', 'response_time_p99.9<1000000000', '--json')
    expect(run.code).toBe(0)
    const e = JSON.parse(run.out) as { slis: Record<string, number>; indicators: { value: number }[] }
    for (const p of [50, 90, 95, 99])
      expect(e.slis[`response_time_p${p}`]).toBe(65_535 + Math.ceil((p * n) / 100))
    expect(e.indicators[0]!.value).toBe(65_535 + Math.ceil((999 * n) / 1000))
  })
})
