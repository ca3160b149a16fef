/**
 * The deploy step of a gate job (input results): nothing is deployed here. The deploy a hold job left is
 * taken over as this run's, after checking it is still what runs: the config branch records this very
 * image as held, helm's release is still at the held revision, blue/green's stable Service still selects
 * the colour it did, and the held version's service routes only to ready pods of it. Anything else (no hold
 * job, another tag held or promoted since, a redeploy) is refused before anything changes.
 */
import { readDeployment } from '../config-branch/config-branch.js'
import type { DeploymentRecord } from '../config-branch/records.js'
import { configTarget } from '../config-branch/target.js'
import { imageOf } from '../contracts/config.js'
import type { DeployResult } from '../contracts/deploy.js'
import { InputError } from '../contracts/errors.js'
import type { RunContext, Step } from '../contracts/run.js'
import { clusterFor } from '../deployment/cluster.js'
import { deployedRevision } from '../deployment/recovery.js'
import { servingDeadlineMs, waitUntilServing } from '../deployment/serving.js'
import { liveColourOf } from '../deployment/strategies/blue-green.js'

export const adoptStep: Step<'deploy'> = { name: 'deploy', run: adoptHeld }

async function adoptHeld(ctx: RunContext): Promise<DeployResult | undefined> {
  if (!ctx.plan.deploymentStrategy) {
    ctx.log.info(`Stage ${ctx.plan.stage} deploys nothing (quality gate only): the results alone are gated`)
    return undefined
  }
  const record = await readDeployment(configTarget(ctx.config), ctx.key, { tempRoot: ctx.tempDir })
  const held = heldOf(ctx, record)
  const { helm, kubectl } = await clusterFor(ctx)
  const { release, namespace, revision, colour, liveColour, chart, testService } = held
  const now = deployedRevision(await helm.history(release, namespace))
  if (now !== revision)
    throw notHeld(
      ctx,
      `helm release ${release} in ${namespace} is at revision ${now ?? 'none'}, not the held ${revision}`
    )
  if (colour) {
    const live = liveColourOf(await kubectl.getJson('service', chart.service, namespace))
    if (live !== liveColour)
      throw notHeld(
        ctx,
        `service ${chart.service} selects ${live ?? 'no colour'}, not ${liveColour ?? 'no colour'} as when it was held`
      )
  }
  try {
    const image = imageOf(ctx.config)
    ctx.log.info(
      `Checked: ${await waitUntilServing(kubectl, testService, namespace, image, servingDeadlineMs(ctx))}`
    )
  } catch (error) {
    throw notHeld(ctx, (error as Error).message)
  }
  ctx.log.info(
    `Gating the held ${release} revision ${revision} in ${namespace} (held by ${record?.runUrl ?? 'an earlier job'})`
  )
  const { previous, ...deploy } = held
  return { ...deploy, helmSeconds: 0, ...(previous ? { previousImage: previous } : {}) }
}

/** The held deploy of this image in this namespace, as the config branch records it. */
function heldOf(
  ctx: RunContext,
  record: DeploymentRecord | undefined
): NonNullable<DeploymentRecord['held']> {
  const { image, tag } = ctx.config
  const recorded = record
    ? `${record.image.repository}:${record.image.tag} ${record.result}`
    : 'no deployment'
  if (
    !record?.held ||
    record.result !== 'held' ||
    record.image.tag !== tag ||
    record.image.repository !== image
  )
    throw notHeld(ctx, `the config branch records ${recorded}`)
  if (record.held.namespace !== ctx.plan.namespace)
    throw notHeld(ctx, `it was held in namespace ${record.held.namespace}`)
  return record.held
}

function notHeld(ctx: RunContext, found: string): InputError {
  const { service, tag } = ctx.config
  return new InputError(
    'results',
    `a held deployment of ${service}:${tag} in ${ctx.plan.namespace} to gate (a job with hold: true first); ${found}`
  )
}
