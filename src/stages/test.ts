/**
 * The test step (Keptn's jmeter-service, failing closed): the health check first, then the workload of
 * the stage's test strategy, each into its own folder of the `results-dir` output. A failed test is a
 * verdict for the gate, not an error: only a bad jmeter.conf.yaml, a strategy it lacks or a missing JMeter
 * stop the run here.
 */
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { LoadEngineError, SetupError } from '../contracts/errors.js'
import type { RunContext, Step, TestResult } from '../contracts/run.js'
import { clusterFor } from '../deployment/cluster.js'
import {
  inClusterServiceUrl,
  openServiceEndpoint,
  type ServiceEndpoint
} from '../deployment/service-endpoint.js'
import { EnginePool } from '../jmeter-tests/cluster/engine-pool.js'
import { findScript, runWorkload, type RunSettings, type WorkloadRun } from '../jmeter-tests/run-workload.js'
import { readWorkloads } from '../jmeter-tests/workloads-file.js'
import { HEALTHCHECK, workloadFor, type Workload, type WorkloadSet } from '../jmeter-tests/workloads.js'
import { localLauncher, type JmeterLauncher } from '../programs/jmeter.js'

/** Long enough for Keptn's biggest example workloads; a hung JVM still ends. */
export const DEFAULT_TEST_TIMEOUT_MS = 60 * 60_000

export interface TestStepOptions {
  /** Instead of the deploy step's URL (tests, the CLI). */
  readonly serviceUrl?: string
  /** Instead of the install step's bin/jmeter. */
  readonly jmeterBin?: string
  readonly timeoutMs?: number
}

export function testStepWith(options: TestStepOptions = {}): Step<'test'> {
  return { name: 'test', run: ctx => runStageTests(ctx, options) }
}

export const testStep = testStepWith()

async function runStageTests(ctx: RunContext, options: TestStepOptions): Promise<TestResult | undefined> {
  const strategy = ctx.plan.testStrategy
  const jmeterDir = ctx.config.jmeterDir
  if (!strategy) {
    ctx.log.info(`stage ${ctx.plan.stage} has no test strategy: no tests`)
    return undefined
  }
  if (!jmeterDir) {
    ctx.log.info(`no jmeter-dir: the '${strategy}' tests of stage ${ctx.plan.stage} are not run`)
    return undefined
  }
  const set = readWorkloads(jmeterDir, ctx.config.workspace, ctx.log)
  const main = workloadFor(set, strategy)
  const resultsDir = path.join(ctx.tempDir, 'jmeter-results')
  rmSync(resultsDir, { recursive: true, force: true })
  mkdirSync(resultsDir, { recursive: true })
  const timeoutMs = options.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS
  const rig = await openRig(ctx, options, jmeterDir, timeoutMs)
  if ('failure' in rig) return failedToStart(rig.failure, main, resultsDir, ctx)
  let result: TestResult
  try {
    result = await runTests(runSettings(ctx, jmeterDir, rig, timeoutMs), set, main, resultsDir)
  } finally {
    await rig.close()
  }
  const line = `tests (${main.teststrategy}): ${result.verdict} — ${result.reason}`
  if (result.verdict === 'pass') ctx.log.info(line)
  else ctx.log.warning(line)
  return result
}

/** Where JMeter runs and where it reaches the new version, for as long as the tests run. */
interface TestRig {
  readonly launch: JmeterLauncher
  readonly url: string
  close(): Promise<void>
}

async function openRig(
  ctx: RunContext,
  options: TestStepOptions,
  jmeterDir: string,
  timeoutMs: number
): Promise<TestRig | { failure: string }> {
  const engines = ctx.config.loadEngines
  if (!engines) {
    const launch = localLauncher(await jmeterBin(ctx, options), jmeterDir)
    const endpoint = await endpointOf(ctx, options, timeoutMs)
    return { launch, url: endpoint.url, close: () => endpoint.close() }
  }
  const url = options.serviceUrl ?? (await inClusterServiceUrl(ctx, testedService(ctx)))
  const { kubectl } = await clusterFor(ctx)
  const settings = {
    engines,
    stage: ctx.plan.stage,
    jmeterDir,
    tempDir: ctx.tempDir,
    testTimeoutMs: timeoutMs,
    log: ctx.log
  }
  try {
    const pool = await EnginePool.open(kubectl, settings)
    return { launch: pool.launch, url, close: () => pool.close() }
  } catch (error) {
    if (error instanceof LoadEngineError) return { failure: error.message }
    throw error
  }
}

/** Engines that never started: the test fails with their reason (it did not run, so it cannot pass). */
function failedToStart(reason: string, main: Workload, resultsDir: string, ctx: RunContext): TestResult {
  ctx.log.warning(`tests (${main.teststrategy}): fail — ${reason}`)
  return {
    verdict: 'fail',
    reason,
    resultsDir,
    workload: main.teststrategy,
    samples: 0,
    errors: 0,
    durationSeconds: 0,
    jmeterSeconds: 0
  }
}

async function jmeterBin(ctx: RunContext, options: TestStepOptions): Promise<string> {
  const found = options.jmeterBin ?? (await ctx.results.install?.jmeter)?.bin
  if (!found)
    throw new SetupError('JMeter is not installed: the install step did not provide it for this stage')
  return found
}

function runSettings(ctx: RunContext, jmeterDir: string, rig: TestRig, timeoutMs: number): RunSettings {
  return {
    launch: rig.launch,
    jmeterDir,
    serviceUrl: rig.url,
    keptn: { project: ctx.plan.project, stage: ctx.plan.stage, service: ctx.config.service },
    timeoutMs,
    log: ctx.log
  }
}

/** The deploy step knows which service the new version answers on (blue/green: the new colour's). */
function testedService(ctx: RunContext): string {
  return ctx.results.deploy?.testService ?? ctx.config.service
}

// A port-forward lives as long as the tests may, and a minute more to start.
function endpointOf(ctx: RunContext, options: TestStepOptions, timeoutMs: number): Promise<ServiceEndpoint> {
  if (options.serviceUrl) return Promise.resolve({ url: options.serviceUrl, close: async () => {} })
  return openServiceEndpoint(ctx, testedService(ctx), timeoutMs + 60_000)
}

/** Health check (when there is one), then the main workload unless the health check failed. */
export async function runTests(
  settings: RunSettings,
  set: WorkloadSet,
  main: Workload,
  resultsDir: string
): Promise<TestResult> {
  const health = healthCheckOf(settings, set, main)
  let healthSeconds = 0
  if (health) {
    const run = await runWorkload(settings, health, path.join(resultsDir, `1-${HEALTHCHECK}`))
    if (run.verdict === 'fail')
      return toResult(run, main, resultsDir, `health check failed: ${run.reason}`, 0)
    settings.log.info(`health check passed: ${run.reason}`)
    healthSeconds = run.seconds
  }
  const run = await runWorkload(
    settings,
    main,
    path.join(resultsDir, `${health ? 2 : 1}-${main.teststrategy}`)
  )
  return toResult(run, main, resultsDir, run.reason, healthSeconds)
}

// Keptn ran basiccheck.jmx whenever it existed; a healthcheck workload the user wrote must run.
function healthCheckOf(settings: RunSettings, set: WorkloadSet, main: Workload): Workload | undefined {
  if (main.teststrategy === HEALTHCHECK) return undefined
  const health = set.workloads.get(HEALTHCHECK)
  if (!health) return undefined
  if (health.origin !== 'built-in' || findScript(settings.jmeterDir, health.script).found) return health
  settings.log.info(`no health check: ${health.script} is not in ${settings.jmeterDir}`)
  return undefined
}

function toResult(
  run: WorkloadRun,
  main: Workload,
  resultsDir: string,
  reason: string,
  earlierSeconds: number
): TestResult {
  const isMain = run.workload === main
  return {
    verdict: run.verdict,
    reason,
    jtl: isMain ? run.jtl : undefined,
    resultsDir,
    workload: main.teststrategy,
    samples: isMain ? run.samples : 0,
    errors: isMain ? run.errors : 0,
    ...(run.causes ? { causes: run.causes } : {}),
    durationSeconds: isMain ? run.seconds : 0,
    ...(isMain && run.window ? { window: run.window } : {}),
    jmeterSeconds: earlierSeconds + run.seconds
  }
}
