/**
 * The test step with a real JMeter 5.6.3 (assembled from Maven Central by e2e/jmeter/assemble.sh,
 * installed through the real download, verify and extract path from a loopback server) against the
 * real carts service, using the example plans of examples/carts/jmeter.
 *
 * The carts service is the one e2e/images/build.sh builds from source (e2e/images/carts/main.go),
 * one static binary per version with the version's behaviour baked in, run here as a plain process
 * on a free 127.0.0.1 port: 0.8.1 (fast) for the normal cases, 0.8.2 (every API request 1 s
 * slower) for the slow one, 0.8.4 (`/health` answers 503) for the failing health check. No version
 * fails every Nth request, so the fault-injection cases put __tests__/helpers/failing-carts.ts (an
 * in-process proxy that answers every Nth `/carts/` request with a 500) in front of a real 0.8.1.
 * Every process and proxy a test starts is stopped in afterEach, whether the test passed or not.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
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
import { startFailingCarts, type FailingCarts } from '../helpers/failing-carts.js'
import { REPO } from '../helpers/paths.js'
import {
  freshRunnerDirs,
  JMETER_TGZ,
  sha,
  startServer,
  type ArchiveServer
} from '../helpers/tool-archives.js'

const EXAMPLE = path.join(REPO, 'examples/carts/jmeter')
const ARCHIVE = 'apache-jmeter-5.6.3.tgz'
/** How long a carts process may take to say where it listens. */
const START_DEADLINE_MS = 10_000

let server: ArchiveServer
let jmeterBin: string
/** bin/ of e2e/images/build.sh's output: carts-0.8.1 .. carts-0.8.4. */
let cartsBinDir: string
const processes: ChildProcess[] = []
const injectors: FailingCarts[] = []
const timings: string[] = []
const temps: string[] = []

function temp(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  temps.push(dir)
  return dir
}

/**
 * Runs the real carts binary of `version` on a free loopback port and resolves with its URL. It logs
 * `carts: version <v> listening on <addr> ...` to stderr once the listener is open. Fails, quoting
 * the process's own output, if it exits or errors first or says nothing within START_DEADLINE_MS.
 */
function startCarts(version: '0.8.1' | '0.8.2' | '0.8.4'): Promise<string> {
  const bin = path.join(cartsBinDir, `carts-${version}`)
  // -drain 0s: no lame-duck period on SIGTERM (it exists for kube-proxy), so stopping is quick.
  const child = spawn(bin, ['-listen', '127.0.0.1:0', '-drain', '0s'], { stdio: ['ignore', 'pipe', 'pipe'] })
  processes.push(child)
  let output = ''
  return new Promise((resolve, reject) => {
    let settled = false
    const fail = (why: string): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`${bin} ${why}; its output:\n${output || '(nothing)'}`))
    }
    const timer = setTimeout(
      () => fail(`did not start listening within ${START_DEADLINE_MS} ms`),
      START_DEADLINE_MS
    )
    const onOutput = (chunk: Buffer): void => {
      output += chunk.toString()
      const started = /version (\S+) listening on (\S+)/.exec(output)
      if (!started || settled) return
      if (started[1] !== version) return fail(`reports version ${started[1]}, not ${version}`)
      settled = true
      clearTimeout(timer)
      resolve(`http://${started[2]}`)
    }
    child.stdout!.on('data', onOutput)
    child.stderr!.on('data', onOutput)
    child.once('error', err => fail(`could not be started: ${err.message}`))
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before listening`))
  })
}

/** A real carts 0.8.1 behind the fault injector: every `failEvery`th `/carts/` request answers 500. */
async function startFailingCarts081(failEvery: number): Promise<string> {
  const injector = await startFailingCarts(await startCarts('0.8.1'), failEvery)
  injectors.push(injector)
  return injector.url
}

/** SIGTERM, then SIGKILL if it has not exited after 5 s; resolves once it has exited. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const kill = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(kill)
}

async function stopAll(): Promise<void> {
  await Promise.all(injectors.splice(0).map(injector => injector.close()))
  await Promise.all(processes.splice(0).map(stopProcess))
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

async function slis(jtl: string): Promise<Record<string, number | null>> {
  const sink = new SampleSink(true)
  await readJtl(jtl, sink)
  return standardSlis(sink)
}

beforeAll(() => {
  // Builds the carts binaries from source if they are missing (seconds; cached). Last line: the dir.
  const out = execFileSync('bash', [path.join(REPO, 'e2e/images/build.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 5 * 60_000
  })
  cartsBinDir = path.join(out.trim().split('\n').pop()!, 'bin')
}, 5 * 60_000)

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

afterEach(stopAll, 15_000)

afterAll(async () => {
  await stopAll()
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

describe('the example plans against the real carts', () => {
  it('functional passes: health check first, each run in its own folder, the JTL read by the gate engine', async () => {
    const url = await startCarts('0.8.1')
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
    const values = await slis(result.jtl!)
    expect(values.request_count).toBe(2)
    expect(values.error_rate).toBe(0)
    expect(values['request_count{label="addToCart"}'] ?? values['request_count{label="getCart"}']).toBe(1)
    delete process.env.GITHUB_OUTPUT
  }, 120_000)

  it('functional fails on one error', async () => {
    const url = await startFailingCarts081(2)
    const { result } = await runStep(EXAMPLE, 'functional', url)
    expect(result).toMatchObject({ verdict: 'fail', samples: 2, errors: 1 })
    // The cause comes from the results file: the response code and the plan's assertion message.
    expect(result.reason).toMatch(
      /^1 of 2 samples failed \(50\.00 %\): a functional test allows none; most frequent: 500: .+ ×1$/
    )
    expect(result.causes).toEqual([{ cause: expect.stringMatching(/^500: /), count: 1 }])
  }, 120_000)

  it('performance passes within the accepted error rate (every 20th request fails: 5 %, 10 % accepted)', async () => {
    const conf = readFileSync(path.join(EXAMPLE, 'jmeter.conf.yaml'), 'utf8')
    const workload = workloadFor(parseWorkloads(conf, 'jmeter.conf.yaml'), 'performance')
    const samples = workload.vuser * workload.loopcount * 2 // load.jmx: add to cart, read the cart
    const url = await startFailingCarts081(20)
    const { result } = await runStep(EXAMPLE, 'performance', url)
    expect(result).toMatchObject({ verdict: 'pass', samples, errors: Math.floor(samples / 20) })
    expect((await slis(result.jtl!)).error_rate).toBeCloseTo(100 * (Math.floor(samples / 20) / samples), 6)
  }, 180_000)

  it('a failing health check stops before the workload (0.8.4: /health answers 503)', async () => {
    const url = await startCarts('0.8.4')
    const { result } = await runStep(EXAMPLE, 'functional', url)
    expect(result.verdict).toBe('fail')
    expect(result.reason).toMatch(/^health check failed: 1 of 1 samples failed \(100.00 %\)/)
    expect(result.jtl).toBeUndefined()
    expect(existsSync(path.join(result.resultsDir, '2-functional'))).toBe(false)
  }, 120_000)

  it('a service nobody answers for fails the health check naming the cause from the results file', async () => {
    // Port 9 (discard) on loopback: nothing listens there; the connection is refused at once.
    const { result } = await runStep(EXAMPLE, 'functional', 'http://127.0.0.1:9')
    expect(result.reason).toMatch(
      /^health check failed: 1 of 1 samples failed \(100\.00 %\): .*; most frequent: Non HTTP response code: \S+HttpHostConnectException: .*Connection refused ×1$/
    )
    expect(result.causes?.[0]?.cause).toMatch(/Connection refused/)
  }, 120_000)
})

describe('the slow version', () => {
  const conf = SMALL('    avgrtvalidation: 500\n')

  it('0.8.2 is measured as slow (about 1 s per request) and fails the average cap', async () => {
    const url = await startCarts('0.8.2')
    const { result } = await runStep(jmeterDir(conf), 'performance', url)
    expect(result).toMatchObject({ verdict: 'fail', samples: 8, errors: 0 })
    expect(result.reason).toMatch(/^average response time 1\d{3}\.\d ms is above avgrtvalidation 500 ms$/)
    expect((await slis(result.jtl!)).response_time_p50).toBeGreaterThanOrEqual(1000)
    const gate = await evaluateResults({ resultsFile: result.jtl!, thresholds: 'response_time_p95<600' })
    expect(gate.result).toBe('fail')
  }, 120_000)

  it('0.8.1, the same workload, passes', async () => {
    const url = await startCarts('0.8.1')
    const { result } = await runStep(jmeterDir(conf), 'performance', url)
    expect(result).toMatchObject({ verdict: 'pass', samples: 8, errors: 0 })
    expect((await slis(result.jtl!)).response_time_p50).toBeLessThan(500)
  }, 120_000)
})

describe('tests that cannot run fail, quoting JMeter', () => {
  it('a missing script fails naming the file (Keptn said pass)', async () => {
    const url = await startCarts('0.8.1')
    const dir = jmeterDir(SMALL('').replace('jmeter/load.jmx', 'jmeter/missing.jmx'))
    const { result } = await runStep(dir, 'performance', url)
    expect(result.verdict).toBe('fail')
    expect(result.reason).toContain("script jmeter/missing.jmx of workload 'performance' not found")
    expect(result.reason).toContain(path.join(dir, 'missing.jmx'))
    expect(result.durationSeconds).toBe(0)
  }, 60_000)

  it('a health check the file defines with a missing script fails', async () => {
    const url = await startCarts('0.8.1')
    const extra = '  - teststrategy: healthcheck\n    script: jmeter/nothere.jmx\n'
    const { result } = await runStep(jmeterDir(SMALL(extra)), 'performance', url)
    expect(result.reason).toMatch(
      /^health check failed: script jmeter\/nothere.jmx of workload 'healthcheck' not found/
    )
  }, 60_000)

  it('a broken plan fails with "Error in NonGUIDriver"', async () => {
    const url = await startCarts('0.8.1')
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
    const url = await startCarts('0.8.1')
    const { result } = await runStep(jmeterDir(SMALL(''), ['load.jmx']), 'performance', url)
    expect(result).toMatchObject({ verdict: 'fail', samples: 0 })
    expect(result.reason).toMatch(/^JMeter recorded no samples: .*items\.csv/)
  }, 60_000)
})
