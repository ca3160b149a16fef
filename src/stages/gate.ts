/**
 * The gate step: decide from the evaluation and the stage's approval strategy, then promote the new version
 * or roll it back per strategy, and record either on the config branch so it says what runs and why.
 */
import type { StageKey } from '../config/layout.js'
import { GateFailedError } from '../errors.js'
import { decideGate, type GateDecision, type GateInput } from '../gate/decision.js'
import { readDeployment, recordDeployment, recordRollback } from '../state/config-branch.js'
import { promote, reject } from '../strategies/index.js'
import { configTarget } from './commit.js'
import type { RunContext } from './context.js'

export async function gateStep(ctx: RunContext): Promise<void> {
  const decision = decideGate(gateInput(ctx), {
    approval: ctx.plan.approval,
    failOn: ctx.config.failOn,
    nextStage: ctx.plan.nextStage
  })
  ctx.results.gate = decision
  ctx.log.info(decision.headline)
  if (ctx.results.deploy) {
    if (decision.action === 'promote') await promoteDeploy(ctx)
    else await rollBack(ctx, gateReason(ctx, decision))
  }
  if (decision.failJob) throw new GateFailedError(gateReason(ctx, decision))
}

function gateInput(ctx: RunContext): GateInput {
  const { evaluation, test } = ctx.results
  if (evaluation) return { kind: 'evaluated', result: evaluation.evaluation.result }
  if (test) return { kind: 'tested', verdict: test.verdict }
  return { kind: 'rollout-only' }
}

export function gateReason(ctx: RunContext, decision: GateDecision): string {
  const { evaluation, test } = ctx.results
  const reasons =
    evaluation?.evaluation.reasons ??
    (test?.verdict === 'fail' ? [`${test.workload} test: ${test.reason}`] : [])
  return [decision.headline, ...reasons].join('; ')
}

function stageKey(ctx: RunContext): StageKey {
  return { project: ctx.plan.project, stage: ctx.plan.stage, service: ctx.config.service }
}

const image = (ctx: RunContext) => ({ repository: ctx.config.image, tag: ctx.config.tag })

async function promoteDeploy(ctx: RunContext): Promise<void> {
  await promote(ctx)
  const revision = ctx.results.deploy?.revision
  await recordDeployment(
    configTarget(ctx.config),
    stageKey(ctx),
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
  const target = configTarget(ctx.config)
  const key = stageKey(ctx)
  const options = { tempRoot: ctx.tempDir }
  const passed = (await readDeployment(target, key, options))?.passed
  await reject(ctx, { toRevision: passed?.revision })
  const restore = passed?.image ?? ctx.results.commit?.previous
  if (restore) await recordRollback(target, key, { from: image(ctx), to: restore, reason }, options)
  await recordDeployment(
    target,
    key,
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
