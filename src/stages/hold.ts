/**
 * The hold step (input hold), in place of test, evaluate and gate: the new version is deployed and left
 * unjudged for a later job that gates it on results of tests run elsewhere (a matrix of load jobs). It
 * promotes nothing: blue/green's stable Service stays on the live colour, the next stage's job does not
 * run, and the config branch records `held` with the deploy, so the gate job can check it still runs.
 */
import { readDeployment, recordDeployment } from '../config-branch/config-branch.js'
import { configTarget } from '../config-branch/target.js'
import { imageOf } from '../contracts/config.js'
import type { DeployResult } from '../contracts/deploy.js'
import { DeployError } from '../contracts/errors.js'
import type { GateDecision } from '../contracts/gate.js'
import type { Step } from '../contracts/run.js'

export const holdStep: Step<'gate'> = {
  name: 'gate',
  async run(ctx) {
    const deploy = ctx.results.deploy
    // The pipeline refuses hold for a stage that deploys nothing (run-stage.ts preflight).
    if (!deploy) throw new DeployError('nothing was deployed to hold')
    const image = imageOf(ctx.config)
    const target = configTarget(ctx.config)
    const options = { tempRoot: ctx.tempDir }
    const before = await readDeployment(target, ctx.key, options)
    // A rerun of the hold job finds its own tag already committed: what ran before is the earlier hold's.
    const committed = ctx.results.commit?.previous
    const previous = committed && committed.tag !== image.tag ? committed : before?.held?.previous
    const where = heldWhere(deploy)
    const { helmSeconds: _helm, recovered: _recovered, previousImage: _previous, ...held } = deploy
    await recordDeployment(
      target,
      ctx.key,
      {
        image,
        result: 'held',
        time: new Date().toISOString(),
        runUrl: ctx.config.runUrl,
        detail: `deployed ${where}; not judged yet: a job with results gates it`,
        release: deploy.release,
        revision: deploy.revision,
        // The last version that passed stays what a rollback goes back to.
        ...(before?.passed ? { passed: before.passed } : {}),
        held: { ...held, ...(previous ? { previous } : {}) }
      },
      options
    )
    const decision: GateDecision = {
      action: 'hold',
      promote: false,
      approval: 'none',
      failJob: false,
      headline: `Held: ${ctx.config.tag} deployed ${where}; not judged, not promoted: a job with results gates it`
    }
    ctx.log.info(decision.headline)
    return decision
  }
}

/** Where the held version runs, and what users reach meanwhile. */
function heldWhere(deploy: DeployResult): string {
  const { release, revision, namespace, chart, liveColour } = deploy
  if (!deploy.colour)
    return `in place as ${release} revision ${revision} in ${namespace} (direct: it serves the stage unjudged until the gate)`
  const stable = liveColour ? `still selects ${liveColour}` : 'does not exist yet (nothing promoted here)'
  return `as ${release} revision ${revision} in ${namespace}, at service ${deploy.testService}; ${chart.service} ${stable}`
}
