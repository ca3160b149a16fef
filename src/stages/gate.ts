/**
 * The gate step: decide from the evaluation and the stage's approval strategy, then promote the new version
 * or roll it back per strategy, and record either on the config branch so it says what runs and why.
 */
import { readDeployment, recordDeployment, recordRollback } from '../config-branch/config-branch.js'
import type { DeploymentRecord } from '../config-branch/records.js'
import { configTarget } from '../config-branch/target.js'
import { imageOf, type ImageRef } from '../contracts/config.js'
import { DeployError, GateFailedError } from '../contracts/errors.js'
import type { GateDecision } from '../contracts/gate.js'
import type { RunContext, Step } from '../contracts/run.js'
import { confirmServing, describeStableService } from '../deployment/serving.js'
import { promote, reject } from '../deployment/strategies/index.js'
import { decideGate, type GateInput } from '../gate/decision.js'
import { unscoredReason } from '../scoring/unscored.js'

/**
 * The decision is returned even when the job fails: the pipeline stores it from the error, so the summary and
 * the outputs tell the decision that was carried out.
 */
export const gateStep: Step<'gate'> = {
  name: 'gate',
  async run(ctx) {
    const decision = decideGate(gateInput(ctx), {
      approval: ctx.plan.approval,
      failOn: ctx.config.failOn,
      nextStage: ctx.plan.nextStage
    })
    ctx.log.info(decision.headline)
    if (ctx.results.deploy) {
      if (decision.action === 'promote') await promoteDeploy(ctx)
      else await rollBack(ctx, gateReason(ctx, decision))
    }
    if (decision.failJob) throw new GateFailedError(gateReason(ctx, decision), decision)
    return decision
  }
}

function gateInput(ctx: RunContext): GateInput {
  const { evaluate: evaluation, test } = ctx.results
  if (evaluation) {
    const unscored = unscoredReason(evaluation.evaluation)
    return { kind: 'evaluated', result: evaluation.evaluation.result, ...(unscored ? { unscored } : {}) }
  }
  if (test) return { kind: 'tested', verdict: test.verdict }
  return { kind: 'rollout-only' }
}

export function gateReason(ctx: RunContext, decision: GateDecision): string {
  const { evaluate: evaluation, test } = ctx.results
  const reasons =
    evaluation?.evaluation.reasons ??
    (test?.verdict === 'fail' ? [`${test.workload} test: ${test.reason}`] : [])
  return [decision.headline, ...reasons].join('; ')
}

const image = (ctx: RunContext) => imageOf(ctx.config)

/** The outcome as the cluster shows it: the stable service routes only to ready pods of `image`. */
async function checkServing(ctx: RunContext, image: ImageRef, what: string): Promise<void> {
  try {
    ctx.log.info(`Checked: ${await confirmServing(ctx, image)}`)
  } catch (error) {
    throw new DeployError(`${what} did not take: ${(error as Error).message}`)
  }
}

async function promoteDeploy(ctx: RunContext): Promise<void> {
  await promote(ctx)
  await checkServing(ctx, image(ctx), `Promoting ${ctx.config.tag}`)
  const revision = ctx.results.deploy?.revision
  await recordDeployment(
    configTarget(ctx.config),
    ctx.key,
    {
      image: image(ctx),
      result: 'promoted',
      time: new Date().toISOString(),
      runUrl: ctx.config.runUrl,
      release: ctx.results.deploy?.release,
      revision,
      passed: { image: image(ctx), revision }
    },
    { tempRoot: ctx.tempDir }
  )
}

/** Called by the gate on a fail, and by the pipeline when a step after the deploy broke. */
export async function rollBack(ctx: RunContext, reason: string): Promise<void> {
  const options = { tempRoot: ctx.tempDir }
  const passed = (await readDeployment(configTarget(ctx.config), ctx.key, options))?.passed
  await reject(ctx, { toRevision: passed?.revision })
  const restore = restoreOf(ctx, passed)
  if (restore) await checkServing(ctx, restore, `Rolling back to ${restore.tag}`)
  else ctx.log.info(`Nothing to restore: ${await describeStableService(ctx, ctx.config.image)}`)
  await restoreDesiredState(ctx, passed, reason)
}

/**
 * Called by the pipeline when the deploy itself failed after the commit step wrote the new image: helm's
 * --atomic already put the release back, so only the config branch must stop naming the failed version.
 */
export async function undoCommit(ctx: RunContext, reason: string): Promise<void> {
  const passed = (await readDeployment(configTarget(ctx.config), ctx.key, { tempRoot: ctx.tempDir }))?.passed
  await restoreDesiredState(ctx, passed, reason)
}

/**
 * What a rollback restores: the last version that passed its gate here, else the one before this run (a
 * gate job of a held deploy: the one before the hold job's).
 */
function restoreOf(ctx: RunContext, passed: DeploymentRecord['passed']): ImageRef | undefined {
  return passed?.image ?? ctx.results.commit?.previous ?? ctx.results.deploy?.previousImage
}

/** The config branch names the last version that passed (or the one before this run) again, and says why. */
async function restoreDesiredState(
  ctx: RunContext,
  passed: DeploymentRecord['passed'],
  reason: string
): Promise<void> {
  const target = configTarget(ctx.config)
  const options = { tempRoot: ctx.tempDir }
  const restore = restoreOf(ctx, passed)
  if (restore) await recordRollback(target, ctx.key, { from: image(ctx), to: restore, reason }, options)
  await recordDeployment(
    target,
    ctx.key,
    {
      image: image(ctx),
      result: 'rolled-back',
      time: new Date().toISOString(),
      runUrl: ctx.config.runUrl,
      detail: reason,
      ...(passed ? { passed } : {})
    },
    options
  )
  ctx.log.info(
    `Rolled back: ${restore ? `${restore.tag} is the desired state again` : 'nothing ran here before'}`
  )
}
