/** The shipyard's deployment strategies, and the promote/reject the gate step calls after a deploy. */
import type { RejectOptions } from '../../contracts/deploy.js'
import type { DeploymentStrategy } from '../../contracts/plan.js'
import type { RunContext } from '../../contracts/run.js'
import type { ClusterStrategy } from '../cluster.js'
import { blueGreen } from './blue-green.js'
import { direct } from './direct.js'

export { rollbackDirect } from './direct.js'

const STRATEGIES: Readonly<Record<DeploymentStrategy, ClusterStrategy>> = {
  direct,
  blue_green_service: blueGreen
}

export function strategyFor(name: DeploymentStrategy): ClusterStrategy {
  return STRATEGIES[name]
}

/** The strategy of this run's deploy (or of the stage, when nothing was deployed in this run). */
function strategyOf(ctx: RunContext): ClusterStrategy | undefined {
  const name = ctx.results.deploy?.strategy ?? ctx.plan.deploymentStrategy
  return name ? STRATEGIES[name] : undefined
}

/** Gate passed. direct: nothing to do; blue/green: the stable service switches, the old colour scales to 0. */
export async function promote(ctx: RunContext): Promise<void> {
  await strategyOf(ctx)?.promote(ctx)
}

/**
 * Gate failed. direct: helm rollback to `toRevision` (the last revision that passed its gate), else to the
 * revision live before this deploy; blue/green: the new colour scales to 0, the stable service never moved.
 */
export async function reject(ctx: RunContext, options: RejectOptions = {}): Promise<void> {
  await strategyOf(ctx)?.reject(ctx, options)
}
