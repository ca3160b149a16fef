/** testStep's decisions with a fake bin/jmeter (a shell script): no JVM, so every path is cheap to reach. */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { RunContext } from '../../../src/contracts/run.js'
import type { ResultStore } from '../../../src/pipeline/steps.js'
import { testStepWith, type TestStepOptions } from '../../../src/stages/test.js'
import { testContext } from '../../helpers/context.js'
import { REPO } from '../../helpers/paths.js'
import { tempDirs } from '../../helpers/temp-dirs.js'

const FIXTURE_JTL = path.join(REPO, '__tests__/fixtures/jtl/jmeter563-standin.jtl')
const temp = tempDirs('test-step-unit-')

/** A bin/jmeter that records its cwd and arguments, copies `jtl` to the -l file, prints `out`, exits `rc`. */
function fakeJmeter(opts: { jtl?: string; out?: string; rc?: number; sleep?: number }): string {
  const dir = temp()
  const bin = path.join(dir, 'jmeter')
  const lines = [
    '#!/bin/sh',
    'read -r _ || true',
    `pwd >> "${dir}/cwd"`,
    `printf '%s\\n' "$@" >> "${dir}/args"`,
    'while [ $# -gt 0 ]; do case "$1" in -l) jtl="$2"; shift;; esac; shift; done',
    opts.jtl ? `cp "${opts.jtl}" "$jtl"` : '',
    opts.out ? `printf '%s\\n' '${opts.out}'` : '',
    opts.sleep ? `exec sleep ${opts.sleep}` : '',
    `exit ${opts.rc ?? 0}`
  ]
  writeFileSync(bin, lines.join('\n'))
  chmodSync(bin, 0o755)
  return bin
}

/** A service folder with jmeter/{load.jmx,basiccheck.jmx?,jmeter.conf.yaml?}; the plans need not be real here. */
function jmeterDir(conf?: string, scripts = ['load.jmx', 'basiccheck.jmx']): string {
  const dir = path.join(temp(), 'jmeter')
  mkdirSync(dir)
  for (const s of scripts) writeFileSync(path.join(dir, s), '<jmeterTestPlan/>')
  if (conf !== undefined) writeFileSync(path.join(dir, 'jmeter.conf.yaml'), conf)
  return dir
}

function context(jmeterDir: string | undefined, strategy: string | undefined, bin?: string) {
  const results: ResultStore = bin
    ? {
        install: {
          helm: { path: 'helm', version: '3' },
          jmeter: Promise.resolve({ home: '', bin, version: '5.6.3' })
        }
      }
    : {}
  const ctx = testContext({
    tempDir: temp(),
    config: { jmeterDir, workspace: jmeterDir ? path.dirname(jmeterDir) : '/' },
    plan: { stage: 'dev', testStrategy: strategy },
    results
  })
  return { ctx, log: ctx.lines }
}

/** Runs the step as the pipeline does: its result lands in ctx.results.test. */
async function runTest(ctx: RunContext, options: TestStepOptions = {}): Promise<void> {
  ;(ctx.results as ResultStore).test = await testStepWith(options).run(ctx)
}

const SERVICE_URL = 'http://127.0.0.1:9'

describe('testStep skips', () => {
  it('a stage without a test strategy', async () => {
    const { ctx, log } = context(jmeterDir(), undefined)
    await runTest(ctx)
    expect(log).toEqual(['stage dev has no test strategy: no tests'])
    expect(ctx.results.test).toBeUndefined()
  })

  it('a stage without a jmeter-dir', async () => {
    const { ctx, log } = context(undefined, 'functional')
    await runTest(ctx)
    expect(log).toEqual(["no jmeter-dir: the 'functional' tests of stage dev are not run"])
  })
})

describe('testStep stops the run', () => {
  it('for a strategy without a workload, naming it', async () => {
    const { ctx } = context(jmeterDir(''), 'soak', fakeJmeter({}))
    await expect(runTest(ctx, { serviceUrl: SERVICE_URL })).rejects.toThrow(
      /no workload for test strategy 'soak'/
    )
  })

  it('for a bad jmeter.conf.yaml, with file and line', async () => {
    const { ctx } = context(
      jmeterDir('workloads:\n  - teststrategy: x\n    script: a.jmx\n    vuser: -1\n'),
      'x'
    )
    await expect(runTest(ctx, { serviceUrl: SERVICE_URL })).rejects.toThrow(/^jmeter\/jmeter.conf.yaml:4: /)
  })

  it('when JMeter was not installed', async () => {
    const { ctx } = context(jmeterDir(), 'functional')
    await expect(runTest(ctx, { serviceUrl: SERVICE_URL })).rejects.toThrow(/JMeter is not installed/)
  })
})

describe('testStep with a fake JMeter', () => {
  it('runs the built-in health check, then the workload, from the jmeter dir, into fresh folders', async () => {
    const bin = fakeJmeter({ jtl: FIXTURE_JTL })
    const dir = jmeterDir()
    const { ctx, log } = context(dir, 'performance', bin)
    await runTest(ctx, { serviceUrl: 'https://carts.example' })
    expect(log[0]).toMatch(/no jmeter.conf.yaml in .*: Keptn's built-in workloads apply/)
    // The fixture has 2 failures in 8 samples: the health check (0 errors accepted) fails first.
    expect(ctx.results.test).toMatchObject({ verdict: 'fail', workload: 'performance', jtl: undefined })
    expect(ctx.results.test?.reason).toMatch(/^health check failed: 2 of 8 samples failed/)
    const cwd = readFileSync(path.join(path.dirname(bin), 'cwd'), 'utf8').trim()
    expect(cwd).toBe(dir)
    const args = readFileSync(path.join(path.dirname(bin), 'args'), 'utf8')
    expect(args).toContain(`${path.join(dir, 'basiccheck.jmx')}\n`)
    expect(args).toContain('-JSERVER_PORT=443\n')
    expect(args).toContain('-JKEPTN_TESTSTRATEGY=healthcheck\n')
  })

  it('judges the main workload by its JTL (acceptederrorrate 0.25: 2 of 8 failed is a pass)', async () => {
    const conf =
      'workloads:\n  - teststrategy: performance\n    script: load.jmx\n    acceptederrorrate: 0.25\n'
    const { ctx } = context(jmeterDir(conf, ['load.jmx']), 'performance', fakeJmeter({ jtl: FIXTURE_JTL }))
    await runTest(ctx, { serviceUrl: SERVICE_URL })
    const result = ctx.results.test!
    expect(result.reason).toBe('8 samples, 2 failed (25.00 %), average 19.1 ms')
    expect(result).toMatchObject({ verdict: 'pass', samples: 8, errors: 2 })
    expect(result.jtl).toBe(path.join(result.resultsDir, '1-performance', 'results.jtl'))
    expect(existsSync(path.join(result.resultsDir, '1-performance', 'jmeter.out'))).toBe(true)
  })

  it("fails a run whose output has JMeter's load error, quoting it, even with exit 0 and a JTL", async () => {
    const out = 'An error occurred: Cannot write to /x/rep as folder is not empty'
    const { ctx } = context(
      jmeterDir(undefined, ['load.jmx']),
      'functional',
      fakeJmeter({ jtl: FIXTURE_JTL, out })
    )
    await runTest(ctx, { serviceUrl: SERVICE_URL })
    expect(ctx.results.test?.reason).toBe(`JMeter could not run the plan: ${out}`)
  })

  it('fails closed on a non-zero exit, even with a JTL, quoting the last line it printed', async () => {
    const bin = fakeJmeter({ jtl: FIXTURE_JTL, out: 'something broke', rc: 3 })
    const { ctx } = context(jmeterDir(undefined, ['load.jmx']), 'functional', bin)
    await runTest(ctx, { serviceUrl: SERVICE_URL })
    expect(ctx.results.test).toMatchObject({
      verdict: 'fail',
      reason: 'JMeter exited with 3: something broke'
    })
  })

  it('fails a run that wrote no JTL', async () => {
    const { ctx } = context(jmeterDir(undefined, ['load.jmx']), 'functional', fakeJmeter({}))
    await runTest(ctx, { serviceUrl: SERVICE_URL })
    expect(ctx.results.test).toMatchObject({ verdict: 'fail', reason: 'JMeter wrote no results file' })
  })

  it('fails a run with an empty JTL', async () => {
    const empty = path.join(temp(), 'empty.jtl')
    writeFileSync(empty, '')
    const { ctx } = context(jmeterDir(undefined, ['load.jmx']), 'functional', fakeJmeter({ jtl: empty }))
    await runTest(ctx, { serviceUrl: SERVICE_URL })
    expect(ctx.results.test).toMatchObject({ verdict: 'fail', reason: 'JMeter wrote no results file' })
  })

  it('stops a JMeter that does not finish in time', async () => {
    const { ctx } = context(jmeterDir(undefined, ['load.jmx']), 'functional', fakeJmeter({ sleep: 30 }))
    await runTest(ctx, { serviceUrl: SERVICE_URL, timeoutMs: 500 })
    expect(ctx.results.test?.reason).toBe('JMeter did not finish within 1 s and was stopped')
  })

  it('finds a script named from the jmeter dir or, Keptn-style, from the service dir above it', async () => {
    const conf = 'workloads:\n  - teststrategy: functional\n    script: jmeter/load.jmx\n'
    const dir = jmeterDir(conf, ['load.jmx'])
    const bin = fakeJmeter({ jtl: FIXTURE_JTL })
    const { ctx } = context(dir, 'functional', bin)
    await runTest(ctx, { serviceUrl: SERVICE_URL })
    expect(readFileSync(path.join(path.dirname(bin), 'args'), 'utf8')).toContain(
      `${path.join(dir, 'load.jmx')}\n`
    )
  })
})
