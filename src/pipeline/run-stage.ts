/** One stage, start to end: the same code behind the action (src/main.ts) and the CLI's `run`. */
import type { ActionConfig } from '../contracts/config.js'
import { describe, GateFailedError, InputError } from '../contracts/errors.js'
import type { StagePlan } from '../contracts/plan.js'
import type { Reporter } from '../contracts/reporter.js'
import type { RunContext } from '../contracts/run.js'
import { readWorkloads } from '../jmeter-tests/workloads-file.js'
import { workloadFor } from '../jmeter-tests/workloads.js'
import { basicCredential } from '../programs/git.js'
import { objectiveAnnotations } from '../report/annotations.js'
import { collectOutputs, type Outputs } from '../report/outputs.js'
import { renderSummary } from '../report/summary.js'
import { loadSlo } from '../scoring/slo.js'
import { parseThresholds } from '../scoring/thresholds.js'
import { planStage } from '../shipyard/plan.js'
import { loadShipyard } from '../shipyard/shipyard.js'
import { adoptStep } from '../stages/adopt.js'
import { commitStep } from '../stages/commit.js'
import { deployStep } from '../stages/deploy.js'
import { evaluateStep } from '../stages/evaluate.js'
import { gateStep, rollBack, undoCommit } from '../stages/gate.js'
import { holdStep } from '../stages/hold.js'
import { installStep } from '../stages/install.js'
import { resultsTestStep } from '../stages/results-test.js'
import { testStep } from '../stages/test.js'
import { runSteps, type AnyStep, type ResultStore, type StepTiming } from './steps.js'

/** The steps of a stage job, in the order they run: the tools first, so that a missing one commits nothing. */
export const STEPS: readonly AnyStep[] = [
  installStep,
  commitStep,
  deployStep,
  testStep,
  evaluateStep,
  gateStep
]

/**
 * A stage fanned out over jobs (a matrix of load jobs between two): `hold` deploys and holds without a
 * gate; `results` judges the files of tests run elsewhere first (a bad input fails before anything
 * changes), takes over the held deploy instead of deploying, and gates it as any stage job does.
 */
export function stepsFor(config: Pick<ActionConfig, 'hold' | 'results'>): readonly AnyStep[] {
  if (config.hold) return [installStep, commitStep, deployStep, holdStep]
  if (config.results) return [resultsTestStep, installStep, adoptStep, evaluateStep, gateStep]
  return STEPS
}

export interface StageOutcome {
  readonly outputs: Outputs
  readonly summary: string
  /** One line: why the job fails; undefined when it does not. */
  readonly failure?: string
}

export async function runStage(
  config: ActionConfig,
  reporter: Reporter,
  tempDir: string,
  steps: readonly AnyStep[] = stepsFor(config)
): Promise<StageOutcome> {
  const plan = planStage(
    await loadShipyard(config.shipyardFile),
    config.stage,
    config.project,
    config.namespace
  )
  const store: ResultStore = {}
  const key = { project: plan.project, stage: plan.stage, service: config.service }
  const ctx: RunContext = { config, plan, key, tempDir, log: reporter, results: store }
  // The runner masks the token, not the base64 form git sends; mask that too before git ever runs.
  if (config.githubToken) reporter.mask(basicCredential(config.githubToken))
  preflight(ctx)
  reporter.info(
    `${config.service}:${config.tag} -> ${plan.project}/${plan.stage} (namespace ${plan.namespace})`
  )
  const timings: StepTiming[] = []
  let failure: string | undefined
  // Why, for the summary: a failed gate is told by its objectives (or the test), anything else by the error.
  let why: string | undefined
  try {
    await runSteps(ctx, store, steps, reporter, timings)
  } catch (error) {
    failure = describe(error)
    why = error instanceof GateFailedError ? gateWhy(ctx) : failure
    await undoUnjudgedDeploy(ctx, failure)
  }
  reporter.info(overheadLine(ctx, timings))
  const evaluation = ctx.results.evaluate?.evaluation
  if (evaluation) objectiveAnnotations(evaluation, config.workspace).forEach(a => reporter.annotate(a))
  return {
    outputs: collectOutputs(ctx.results, plan, failure !== undefined),
    summary: summary(ctx, plan, timings, why),
    failure
  }
}

/** The files that decide the tests and the gate are read before anything changes: a typo cannot half-run a stage. */
function preflight(ctx: RunContext): void {
  const { config, plan } = ctx
  if (config.gate.kind === 'slo') loadSlo(config.gate.file)
  if (config.gate.kind === 'thresholds') parseThresholds(config.gate.text)
  if (config.jmeterDir && plan.testStrategy)
    workloadFor(readWorkloads(config.jmeterDir, config.workspace, ctx.log), plan.testStrategy)
  if (config.hold && !plan.deploymentStrategy)
    throw new InputError('hold', `a stage that deploys (stage ${plan.stage} is a quality gate only)`, 'true')
  if (config.results && !plan.testStrategy)
    throw new InputError(
      'results',
      `a stage with a test strategy: stage ${plan.stage} has none to judge them by`
    )
  // Prometheus is queried for the test's window, which only a job that ran the test knows.
  if (config.results && config.prometheus)
    throw new InputError(
      'prometheus-url',
      "none beside 'results' (the gate job does not know the test's window)"
    )
}

function gateWhy(ctx: RunContext): string | undefined {
  const test = ctx.results.test
  if (ctx.results.evaluate || !test || test.verdict === 'pass') return undefined
  return `${test.workload} test: ${test.reason}`
}

/**
 * The run broke before the gate judged. After a deploy: the new version must not stay live unjudged. When
 * the deploy itself failed (helm put the release back): the config branch must not keep naming it.
 */
async function undoUnjudgedDeploy(ctx: RunContext, failure: string): Promise<void> {
  if (ctx.results.gate) return
  try {
    if (ctx.results.deploy) await rollBack(ctx, `the run failed before the gate: ${failure}`)
    else if (ctx.results.commit?.changed) await undoCommit(ctx, `the deploy failed: ${failure}`)
  } catch (error) {
    ctx.log.warning(`Rollback after the failure did not complete: ${describe(error)}`)
  }
}

/** What the action itself cost: the stage's time beyond helm's upgrade --wait, JMeter's runs and Prometheus. */
export function overheadLine(ctx: RunContext, timings: readonly StepTiming[]): string {
  const total = timings.reduce((sum, t) => sum + t.seconds, 0)
  const helm = ctx.results.deploy?.helmSeconds ?? 0
  const jmeter = ctx.results.test?.jmeterSeconds ?? 0
  const prometheus = ctx.results.evaluate?.evaluation.prometheus?.seconds ?? 0
  const own = total - helm - jmeter - prometheus
  const waited = prometheus > 0 ? `, Prometheus ${prometheus.toFixed(2)} s` : ''
  return `Stage time ${total.toFixed(2)} s: helm ${helm.toFixed(2)} s, JMeter ${jmeter.toFixed(2)} s${waited}, the action's own work ${own.toFixed(2)} s`
}

function summary(ctx: RunContext, plan: StagePlan, timings: StepTiming[], failure?: string): string {
  const { config, results } = ctx
  const commitUrl =
    config.configRepo.startsWith('https://') && results.commit?.sha
      ? `${config.configRepo.replace(/\.git$/, '')}/commit/${results.commit.sha}`
      : undefined
  return renderSummary({
    project: plan.project,
    stage: plan.stage,
    namespace: plan.namespace,
    service: config.service,
    image: config.image,
    tag: config.tag,
    strategy: plan.deploymentStrategy ?? 'quality gate only',
    testStrategy: plan.testStrategy,
    decision: results.gate,
    failure,
    evaluation: results.evaluate?.evaluation,
    failureCauses: results.test?.causes,
    trend: [...(results.evaluate?.history ?? [])].reverse(),
    configCommit: results.commit?.sha ? { sha: results.commit.sha, url: commitUrl } : undefined,
    runUrl: config.runUrl,
    timings
  })
}
