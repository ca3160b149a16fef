/** The whole gate: results or values, SLO or thresholds, history; fail-closed cases; the CLI command. */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { evaluateCommand } from '../../../src/cli/commands/evaluate.js'
import { ConfigFileError, InputError } from '../../../src/contracts/errors.js'
import type { Evaluation } from '../../../src/contracts/evaluation.js'
import { evaluateResults } from '../../../src/scoring/evaluate.js'
import { explain } from '../../../src/scoring/explain.js'
import { FIXTURES } from '../../helpers/naive-jtl.js'
import { REPO } from '../../helpers/paths.js'
import {
  expectFailsClosed,
  P95_400_JTL,
  previous,
  qualityGateTests
} from '../../helpers/suites/keptn-quality-gate.js'
import { tempDirs } from '../../helpers/temp-dirs.js'

const scratch = tempDirs('evaluate-')()
function write(name: string, content: string): string {
  const file = path.join(scratch, name)
  writeFileSync(file, content)
  return file
}
const KEPTN = path.join(REPO, '__tests__/fixtures/keptn')
// Keptn's spec 1.0 quality gate: response_time_p95 pass <=+10% and <600, warning <=800, pass 90%, warning 75%.
const GATE_SLO = path.join(KEPTN, 'slo-1.0-comparison.yaml')
const JTL = P95_400_JTL

describe('evaluateResults', () => {
  qualityGateTests({ name: 'a Keptn quality-gate SLO', sloFile: GATE_SLO, objectiveLine: 11 })

  it('values instead of results; a null value fails its objective', async () => {
    const pass = await evaluateResults({
      values: { response_time_p95: 500 },
      thresholds: 'response_time_p95<600'
    })
    expect(pass.result).toBe('pass')
    expect(pass.samples).toBeUndefined()
    const fail = await evaluateResults({
      values: { response_time_p95: null },
      thresholds: 'response_time_p95<600'
    })
    expect(fail.result).toBe('fail')
    expect(fail.indicators[0]!.reason).toMatch(/no value: given as null/)
  })

  it('per-label objectives', async () => {
    const e = await evaluateResults({
      resultsFile: JTL,
      thresholds: 'error_rate{label="Add to cart"}<=25, error_rate{label="Cart, \\"view\\""}<50'
    })
    expect(e.indicators.map(i => [i.value, i.status])).toEqual([
      [25, 'pass'],
      [100, 'fail']
    ])
  })

  describe('fails closed', () => {
    it('zero samples', async () => {
      const e = await evaluateResults({
        resultsFile: path.join(FIXTURES, 'header-only.jtl'),
        thresholds: 'error_rate<=1'
      })
      expect(e.result).toBe('fail')
      expect(e.reasons[0]).toMatch(/has no samples/)
    })
    it('zero samples even if every objective is informational', async () => {
      const slo = write('info.yaml', 'objectives:\n  - sli: throughput\n')
      expect(
        (await evaluateResults({ resultsFile: path.join(FIXTURES, 'header-only.jtl'), sloFile: slo })).result
      ).toBe('fail')
    })
    it('an unreadable results file', async () => {
      const e = await evaluateResults({
        resultsFile: path.join(scratch, 'missing.jtl'),
        thresholds: 'error_rate<=1'
      })
      expect(e).toMatchObject({ result: 'fail', score: 0 })
      expect(e.reasons[0]).toMatch(/results file unusable: .*missing\.jtl: cannot be read \(ENOENT\)/)
    })
    it('a results file that is refused', async () => {
      await expectFailsClosed(
        {
          resultsFile: path.join(FIXTURES, 'noheader-custom-no-timestamp.jtl'),
          thresholds: 'error_rate<=100'
        },
        /no header row, and its 13 columns do not match a JMeter default layout/
      )
    })
    it('a damaged results file (issue 12): fail with file and line, not a pass on the samples before it', async () => {
      const damaged = path.join(FIXTURES, 'damaged/csv-open-quote.jtl')
      const e = await expectFailsClosed(
        { resultsFile: damaged, thresholds: 'error_rate<=1' },
        /results file unusable: .*csv-open-quote\.jtl:7: a quoted field opened here is never closed/
      )
      expect(e.indicators[0]).toMatchObject({ value: null, status: 'fail' })
    })
    it('no SLO at all, and an SLO with no objectives', async () => {
      expect((await evaluateResults({ resultsFile: JTL })).reasons[0]).toMatch(/no SLO/)
      const empty = path.join(KEPTN, 'slo-empty.yaml')
      await expectFailsClosed({ resultsFile: JTL, sloFile: empty }, /has no objectives/)
    })
    it('an unknown SLI', async () => {
      const e = await evaluateResults({ resultsFile: JTL, thresholds: 'response_time_p42x<1' })
      expect(e.result).toBe('fail')
      expect(e.indicators[0]!.reason).toMatch(/unknown SLI/)
    })
  })

  it('unusable input is a typed error', async () => {
    await expect(evaluateResults({ thresholds: 'a<1' })).rejects.toThrow(InputError)
    await expect(evaluateResults({ resultsFile: JTL, values: {}, thresholds: 'a<1' })).rejects.toThrow(
      InputError
    )
    await expect(
      evaluateResults({ resultsFile: JTL, sloFile: write('bad.yaml', 'objectives: 3\n') })
    ).rejects.toThrow(ConfigFileError)
  })

  it('explains itself in words', async () => {
    const e = await evaluateResults({ resultsFile: JTL, sloFile: GATE_SLO, history: [previous(300)] })
    const text = explain(e)
    expect(text).toMatch(/^Quality gate: FAIL \(score 50%\)/)
    expect(text).toMatch(/Response time P95 \(response_time_p95\) = 400, baseline 300: warning/)
    expect(text).toMatch(/<=\+10% → <=330 ✘/)
  })
})

describe('evaluate command', () => {
  let out: string
  let err: string
  beforeEach(() => {
    out = ''
    err = ''
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => ((out += String(chunk)), true))
    jest.spyOn(process.stderr, 'write').mockImplementation(chunk => ((err += String(chunk)), true))
    process.exitCode = undefined
  })
  afterEach(() => {
    jest.restoreAllMocks()
    process.exitCode = undefined
  })
  const run = (...args: string[]) => evaluateCommand().exitOverride().parseAsync(args, { from: 'user' })

  it('--json prints the evaluation; pass exits 0', async () => {
    await run('--results', JTL, '--slo', GATE_SLO, '--json')
    const e = JSON.parse(out) as Evaluation
    expect(e).toMatchObject({ result: 'pass', score: 100 })
    expect(e.indicators[0]).toEqual(
      expect.objectContaining({
        sli: 'response_time_p95',
        value: 400,
        status: 'pass',
        score: 1,
        keySli: false,
        comparedValue: null
      })
    )
    expect(process.exitCode).toBe(0)
  })

  it('fail exits 1 and prints the explanation; --history and --values files are read', async () => {
    const history = write('history.json', JSON.stringify([previous(300)]))
    const values = write('values.json', JSON.stringify({ response_time_p95: 400 }))
    await run('--values', values, '--slo', GATE_SLO, '--history', history)
    expect(out).toMatch(/^Quality gate: FAIL/)
    expect(process.exitCode).toBe(1)
  })

  it('unusable input throws InputError or ConfigFileError (the CLI maps them to exit 2)', async () => {
    await expect(run('--slo', GATE_SLO)).rejects.toThrow(InputError)
    await expect(run('--results', JTL, '--values', 'v.json')).rejects.toThrow(InputError)
    await expect(run('--results', JTL, '--slo', GATE_SLO, '--thresholds', 'a<1')).rejects.toThrow(InputError)
    await expect(run('--values', write('v.json', '{"a": "fast"}'), '--thresholds', 'a<1')).rejects.toThrow(
      ConfigFileError
    )
    await expect(
      run('--results', JTL, '--thresholds', 'a<1', '--history', write('h.json', '{'))
    ).rejects.toThrow(ConfigFileError)
    expect(err).toBe('')
  })
})
