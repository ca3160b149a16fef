/** The install step: the helm (and JMeter) the later steps of this stage use, verified and cached. */
import type { ChecksumEntries } from '../tools/checksums.js'
import { installHelm } from '../tools/install-helm.js'
import { prepareJmeter } from '../tools/install-jmeter.js'
import type { RunContext } from './context.js'

export interface InstallStepOptions {
  /** Extra verified digests (tests); the action itself uses CARTS_DEPLOY_CHECKSUMS_FILE, if anything. */
  readonly checksums?: ChecksumEntries
}

/** What this stage needs: helm to deploy, JMeter when it has tests and a jmeter-dir. */
export function toolsNeeded(ctx: Pick<RunContext, 'config' | 'plan'>): { helm: boolean; jmeter: boolean } {
  const jmeter = Boolean(ctx.config.jmeterDir) && Boolean(ctx.plan.testStrategy)
  // InstalledTools.helm is not optional, so a test-only stage gets helm too (cached, cheap).
  return { helm: ctx.plan.deploymentStrategy !== undefined || jmeter, jmeter }
}

export async function installStep(ctx: RunContext, options: InstallStepOptions = {}): Promise<void> {
  const needed = toolsNeeded(ctx)
  if (!needed.helm) {
    ctx.log.info(`stage ${ctx.plan.stage} neither deploys nor tests: nothing to install`)
    return
  }
  const helm = await installHelm(ctx.config, ctx.log, options)
  ctx.results.install = { helm }
  if (!needed.jmeter) return
  const unpack = await prepareJmeter(ctx.config, ctx.log, options)
  // JMeter downloads and unpacks while helm deploys; the test step waits for it and reports a failure.
  const jmeter = unpack()
  jmeter.catch(() => undefined)
  ctx.results.install = { helm, jmeter }
}
