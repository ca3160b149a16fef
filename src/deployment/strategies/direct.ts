/**
 * `direct`: one release named after the service, upgraded in place. A failed gate rolls it back to the
 * revision that last passed its gate (the gate reads that from the config branch).
 */
import type { ChartNames, DeployTarget, RejectOptions } from '../../contracts/deploy.js'
import { DeployError } from '../../contracts/errors.js'
import type { RunContext } from '../../contracts/run.js'
import type { HistoryEntry } from '../../programs/helm.js'
import { clusterFor, type ClusterStrategy } from '../cluster.js'
import { deployedRevision } from '../recovery.js'

/** Pure: a direct deploy always upgrades the one release, and the tests use the chart's own Service. */
export function decideDirect(service: string, chart: ChartNames): DeployTarget {
  return { release: service, chart, testService: chart.service, traffic: 'service' }
}

export type DirectRejection =
  | { readonly kind: 'rollback'; readonly revision: number }
  | { readonly kind: 'nothing' | 'already' | 'pruned'; readonly reason: string }

/**
 * Pure: on a failed gate, go back to `toRevision` (the last one that passed its gate) or, when the gate
 * knows none, to the revision that was live before this deploy. A first deploy has nothing to go back to.
 */
export function decideDirectReject(
  history: readonly HistoryEntry[],
  toRevision: number | undefined,
  previousRevision: number | undefined
): DirectRejection {
  const target = toRevision ?? previousRevision
  if (target === undefined) return { kind: 'nothing', reason: 'no earlier revision passed its gate' }
  if (target === deployedRevision(history))
    return { kind: 'already', reason: `revision ${target} is the deployed one already` }
  if (!history.some(h => h.revision === target)) {
    const kept = history.map(h => h.revision).join(', ') || 'none'
    return { kind: 'pruned', reason: `revision ${target} is no longer in helm's history (kept: ${kept})` }
  }
  return { kind: 'rollback', revision: target }
}

function releaseOf(ctx: RunContext): { release: string; namespace: string } {
  return { release: ctx.results.deploy?.release ?? ctx.config.service, namespace: ctx.plan.namespace }
}

/** `helm rollback` to a revision that passed its gate; returns the new revision helm wrote. */
export async function rollbackDirect(ctx: RunContext, toRevision: number): Promise<number> {
  const { helm } = await clusterFor(ctx)
  const { release, namespace } = releaseOf(ctx)
  const decision = decideDirectReject(await helm.history(release, namespace), toRevision, undefined)
  if (decision.kind === 'pruned')
    throw new DeployError(`cannot roll ${release} in ${namespace} back: ${decision.reason}`)
  if (decision.kind === 'rollback')
    await helm.rollback(release, namespace, toRevision, ctx.config.timeoutSeconds)
  const now = deployedRevision(await helm.history(release, namespace)) ?? 0
  ctx.log.info(`${release} in ${namespace} runs revision ${toRevision} again (as revision ${now})`)
  return now
}

export const direct: ClusterStrategy = {
  name: 'direct',
  target: async (ctx, _cluster, chart) => decideDirect(ctx.config.service, chart),
  afterDeploy: async () => {},
  async promote(ctx) {
    const deploy = ctx.results.deploy
    ctx.log.info(
      `${releaseOf(ctx).release} revision ${deploy?.revision ?? '?'} is live (direct: nothing to switch)`
    )
  },
  async reject(ctx, options: RejectOptions = {}) {
    const { helm } = await clusterFor(ctx)
    const { release, namespace } = releaseOf(ctx)
    const history = await helm.history(release, namespace)
    const decision = decideDirectReject(history, options.toRevision, ctx.results.deploy?.previousRevision)
    if (decision.kind === 'rollback') await rollbackDirect(ctx, decision.revision)
    else ctx.log.warning(`${release} in ${namespace} stays as it is: ${decision.reason}`)
  }
}
