/** The install step: the helm (and JMeter) the later steps of this stage use, verified and cached. */
import type { RunContext, Step } from '../contracts/run.js'
import type { ChecksumEntries } from '../installers/checksums.js'
import { installHelm } from '../installers/helm.js'
import { prepareJmeter } from '../installers/jmeter.js'

export interface InstallStepOptions {
  /** Extra verified digests (tests); the action itself uses CARTS_DEPLOY_CHECKSUMS_FILE, if anything. */
  readonly checksums?: ChecksumEntries
}

/**
 * What this stage needs: helm to deploy, JMeter when it runs tests with a jmeter-dir on the runner (with
 * load-engines JMeter runs in the cluster, from the image).
 */
export function toolsNeeded(ctx: Pick<RunContext, 'config' | 'plan'>): { helm: boolean; jmeter: boolean } {
  // A hold job runs no tests; a gate job (results) judges files of tests run elsewhere.
  const elsewhere = ctx.config.hold === true || ctx.config.results !== undefined
  const tests = Boolean(ctx.config.jmeterDir) && Boolean(ctx.plan.testStrategy) && !elsewhere
  // InstalledTools.helm is not optional, so a test-only stage gets helm too (cached, cheap).
  return {
    helm: ctx.plan.deploymentStrategy !== undefined || tests,
    jmeter: tests && !ctx.config.loadEngines
  }
}

export function installStepWith(options: InstallStepOptions = {}): Step<'install'> {
  return {
    name: 'install',
    async run(ctx) {
      const needed = toolsNeeded(ctx)
      if (!needed.helm) {
        ctx.log.info(`stage ${ctx.plan.stage} neither deploys nor tests: nothing to install`)
        return undefined
      }
      const helm = await installHelm(ctx.config, ctx.log, options)
      if (!needed.jmeter) return { helm }
      const unpack = await prepareJmeter(ctx.config, ctx.log, options)
      // JMeter downloads and unpacks while helm deploys; the test step waits for it and reports a failure.
      const jmeter = unpack()
      jmeter.catch(() => undefined)
      return { helm, jmeter }
    }
  }
}

export const installStep = installStepWith()
