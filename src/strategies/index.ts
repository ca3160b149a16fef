/** The shipyard's deployment strategies, and the promote/reject the gate step calls after a deploy. */
import type { RunContext } from '../stages/context.js'
import { blueGreen } from './blue-green.js'
import { direct } from './direct.js'
import type { RejectOptions, Strategy, StrategyName } from './types.js'

export { rollbackDirect } from './direct.js'
export type { Colour, DeployResult, RejectOptions, StrategyName, Traffic } from './types.js'
export { DeployError } from './types.js'

const STRATEGIES: Readonly<Record<StrategyName, Strategy>> = { direct, blue_green_service: blueGreen }

export function strategyFor(name: StrategyName): Strategy {
  return STRATEGIES[name]
}

/** The strategy of this run's deploy (or of the stage, when nothing was deployed in this run). */
function strategyOf(ctx: RunContext): Strategy | undefined {
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
