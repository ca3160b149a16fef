/**
 * The test step with a real JMeter 5.6.3 (assembled from Maven Central by e2e/jmeter/assemble.sh,
 * installed through the real download, verify and extract path from a loopback server) against the
 * carts stand-in, using the example plans of examples/carts/jmeter.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { TestResult } from '../../src/contracts/run.js'
import { installJmeter } from '../../src/installers/jmeter.js'
import { parseWorkloads, workloadFor } from '../../src/jmeter-tests/workloads.js'
import { readJtl } from '../../src/results-file/jtl-read.js'
import { SampleSink, standardSlis } from '../../src/results-file/sli.js'
import { evaluateResults } from '../../src/scoring/evaluate.js'
import { testStepWith } from '../../src/stages/test.js'
import { testContext } from '../helpers/context.js'
import { REPO } from '../helpers/paths.js'
import {
  freshRunnerDirs,
  JMETER_TGZ,
  sha,
  startServer,
  type ArchiveServer
} from '../helpers/tool-archives.js'

const EXAMPLE = path.join(REPO, 'examples/carts/jmeter')
const STANDIN = path.join(REPO, 'examples/carts/standin/server.mjs')
const ARCHIVE = 'apache-jmeter-5.6.3.tgz'

let server: ArchiveServer
let jmeterBin: string
const standins: ChildProcess[] = []
const timings: string[] = []
const temps: string[] = []

function temp(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  temps.push(dir)
  return dir
}

/** Starts the stand-in on a free loopback port; resolves with its URL (its first stdout line). */
function startStandin(...flags: string[]): Promise<string> {
  const child = spawn(process.execPath, [STANDIN, '--port', '0', ...flags], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  standins.push(child)
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.stdout!.once('data', (chunk: Buffer) => {
      const url = /listening (http:\/\/\S+)/.exec(chunk.toString())?.[1]
      if (url) resolve(url)
      else reject(new Error(`stand-in said: ${chunk.toString()}`))
    })
  })
}

/** A jmeter dir of its own: the example plans named, and the conf given (Keptn's `jmeter/` layout). */
function jmeterDir(conf: string | undefined, files: string[] = ['load.jmx', 'items.csv']): string {
  const service = temp('jmeter-e2e-')
  const dir = path.join(service, 'jmeter')
  mkdirSync(dir, { recursive: true })
  for (const f of files) copyFileSync(path.join(EXAMPLE, f), path.join(dir, f))
  if (conf !== undefined) writeFileSync(path.join(dir, 'jmeter.conf.yaml'), conf)
  return dir
}

interface Ran {
  result: TestResult
  log: string[]
}

async function runStep(dir: string, strategy: string, serviceUrl: string): Promise<Ran> {
  const ctx = testContext({
    tempDir: temp('test-step-'),
    config: { jmeterDir: dir, workspace: path.dirname(dir) },
    plan: { stage: 'dev', testStrategy: strategy },
    results: {
      install: {
        helm: { path: 'helm', version: 'x' },
        jmeter: Promise.resolve({ home: '', bin: jmeterBin, version: '5.6.3' })
      }
    }
  })
  const log = ctx.lines
  const started = performance.now()
  const result = await testStepWith({ serviceUrl, timeoutMs: 180_000 }).run(ctx)
  const name = expect.getState().currentTestName ?? strategy
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  timings.push(`${name}: ${seconds} s — ${result?.verdict}: ${result?.reason}`)
  expect(result).toBeDefined()
  return { result: result!, log }
}

function slis(jtl: string): Record<string, number | null> {
  const sink = new SampleSink(true)
  readJtl(jtl, sink)
  return standardSlis(sink)
}

beforeAll(async () => {
  if (!existsSync(JMETER_TGZ)) throw new Error(`run e2e/jmeter/assemble.sh first: ${JMETER_TGZ} is missing`)
  server = await startServer()
  server.serve(`/jmeter/binaries/${ARCHIVE}`, JMETER_TGZ)
  temps.push(path.dirname((await freshRunnerDirs()).cache))
  const config = {
    jmeterVersion: { kind: 'pinned', version: '5.6.3' },
    jmeterDownloadUrl: `${server.url}/jmeter/binaries`
  } as const
  const log = { info: () => undefined, warning: () => undefined, debug: () => undefined }
  const jmeter = await installJmeter(config, log, {
    checksums: { [ARCHIVE]: `sha512:${await sha('sha512', JMETER_TGZ)}` }
  })
  jmeterBin = jmeter.bin
}, 120_000)

afterEach(() => {
  for (const child of standins.splice(0)) child.kill('SIGTERM')
})

afterAll(async () => {
  await server?.close()
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
  process.stdout.write(`JMeter test-step timings:\n  ${timings.join('\n  ')}\n`)
})

const SMALL = (extra: string) => `spec_version: '0.1.0'
workloads:
  - teststrategy: performance
    vuser: 2
    loopcount: 2
    thinktime: 0
    script: jmeter/load.jmx
    acceptederrorrate: 0.0
${extra}`

describe('the example plans against the stand-in', () => {
  it('functional passes: health check first, each run in its own folder, the JTL read by the gate engine', async () => {
    const url = await startStandin('--version', '0.8.1')
    const { result, log } = await runStep(EXAMPLE, 'functional', url)
    expect(result).toMatchObject({ verdict: 'pass', workload: 'functional', samples: 2, errors: 0 })
    expect(log.join('\n')).toMatch(/health check passed: 1 samples, 0 failed/)
    const main = path.join(result.resultsDir, '2-functional')
    expect(result.jtl).toBe(path.join(main, 'results.jtl'))
    for (const f of ['results.jtl', 'jmeter.log', 'jmeter.out', 'dashboard/index.html']) {
      expect(existsSync(path.join(main, f))).toBe(true)
    }
    expect(existsSync(path.join(result.resultsDir, '1-healthcheck', 'results.jtl'))).toBe(true)
    // The gate engine evaluates the same JTL.
    const gate = await evaluateResults({
      resultsFile: result.jtl!,
      thresholds: 'error_rate<=0, request_count>=2'
    })
    expect(gate).toMatchObject({ result: 'pass', samples: 2 })
    const values = slis(result.jtl!)
    expect(values.request_count).toBe(2)
    expect(values.error_rate).toBe(0)
    expect(values['request_count{label="addToCart"}'] ?? values['request_count{label="getCart"}']).toBe(1)
    delete process.env.GITHUB_OUTPUT
  }, 120_000)

  it('functional fails on one error', async () => {
    const url = await startStandin('--version', '0.8.1', '--fail-every', '2')
    const { result } = await runStep(EXAMPLE, 'functional', url)
    expect(result).toMatchObject({ verdict: 'fail', samples: 2, errors: 1 })
    expect(result.reason).toBe('1 of 2 samples failed (50.00 %): a functional test allows none')
  }, 120_000)

  it('performance passes within the accepted error rate (every 20th request fails: 5 %, 10 % accepted)', async () => {
    const conf = readFileSync(path.join(EXAMPLE, 'jmeter.conf.yaml'), 'utf8')
    const workload = workloadFor(parseWorkloads(conf, 'jmeter.conf.yaml'), 'performance')
    const samples = workload.vuser * workload.loopcount * 2 // load.jmx: add to cart, read the cart
    const url = await startStandin('--version', '0.8.1', '--fail-every', '20')
    const { result } = await runStep(EXAMPLE, 'performance', url)
    expect(result).toMatchObject({ verdict: 'pass', samples, errors: Math.floor(samples / 20) })
    expect(slis(result.jtl!).error_rate).toBeCloseTo(100 * (Math.floor(samples / 20) / samples), 6)
  }, 180_000)

  it('a failing health check stops before the workload', async () => {
    const url = await startStandin('--version', '0.8.1', '--unhealthy')
    const { result } = await runStep(EXAMPLE, 'functional', url)
    expect(result.verdict).toBe('fail')
    expect(result.reason).toMatch(/^health check failed: 1 of 1 samples failed \(100.00 %\)/)
    expect(result.jtl).toBeUndefined()
    expect(existsSync(path.join(result.resultsDir, '2-functional'))).toBe(false)
  }, 120_000)
})

describe('the slow version', () => {
  const conf = SMALL('    avgrtvalidation: 500\n')

  it('0.8.2 is measured as slow (about 1 s per request) and fails the average cap', async () => {
    const url = await startStandin('--version', '0.8.2')
    const { result } = await runStep(jmeterDir(conf), 'performance', url)
    expect(result).toMatchObject({ verdict: 'fail', samples: 8, errors: 0 })
    expect(result.reason).toMatch(/^average response time 1\d{3}\.\d ms is above avgrtvalidation 500 ms$/)
    expect(slis(result.jtl!).response_time_p50).toBeGreaterThanOrEqual(1000)
    const gate = await evaluateResults({ resultsFile: result.jtl!, thresholds: 'response_time_p95<600' })
    expect(gate.result).toBe('fail')
  }, 120_000)

  it('0.8.1, the same workload, passes', async () => {
    const url = await startStandin('--version', '0.8.1')
    const { result } = await runStep(jmeterDir(conf), 'performance', url)
    expect(result).toMatchObject({ verdict: 'pass', samples: 8, errors: 0 })
    expect(slis(result.jtl!).response_time_p50).toBeLessThan(500)
  }, 120_000)
})

describe('tests that cannot run fail, quoting JMeter', () => {
  it('a missing script fails naming the file (Keptn said pass)', async () => {
    const url = await startStandin('--version', '0.8.1')
    const dir = jmeterDir(SMALL('').replace('jmeter/load.jmx', 'jmeter/missing.jmx'))
    const { result } = await runStep(dir, 'performance', url)
    expect(result.verdict).toBe('fail')
    expect(result.reason).toContain("script jmeter/missing.jmx of workload 'performance' not found")
    expect(result.reason).toContain(path.join(dir, 'missing.jmx'))
    expect(result.durationSeconds).toBe(0)
  }, 60_000)

  it('a health check the file defines with a missing script fails', async () => {
    const url = await startStandin('--version', '0.8.1')
    const extra = '  - teststrategy: healthcheck\n    script: jmeter/nothere.jmx\n'
    const { result } = await runStep(jmeterDir(SMALL(extra)), 'performance', url)
    expect(result.reason).toMatch(
      /^health check failed: script jmeter\/nothere.jmx of workload 'healthcheck' not found/
    )
  }, 60_000)

  it('a broken plan fails with "Error in NonGUIDriver"', async () => {
    const url = await startStandin('--version', '0.8.1')
    const dir = jmeterDir(SMALL('').replace('jmeter/load.jmx', 'jmeter/broken.jmx'))
    writeFileSync(
      path.join(dir, 'broken.jmx'),
      '<?xml version="1.0"?>\n<jmeterTestPlan version="1.2">\n  <hashTree>\n'
    )
    const { result } = await runStep(dir, 'performance', url)
    expect(result.verdict).toBe('fail')
    expect(result.reason).toMatch(/^JMeter could not run the plan: Error in NonGUIDriver /)
  }, 60_000)

  it('a plan whose CSV data file is missing records no samples and says why', async () => {
    const url = await startStandin('--version', '0.8.1')
    const { result } = await runStep(jmeterDir(SMALL(''), ['load.jmx']), 'performance', url)
    expect(result).toMatchObject({ verdict: 'fail', samples: 0 })
    expect(result.reason).toMatch(/^JMeter recorded no samples: .*items\.csv/)
  }, 60_000)
})
