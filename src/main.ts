/** run(): inputs -> one stage -> outputs and job summary. The only place that fails the job. */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import { describe } from './contracts/errors.js'
import { runStage } from './pipeline/run-stage.js'
import { startDeployment } from './runner/github-deployments.js'
import { readInputs } from './runner/inputs.js'
import { runnerReporter } from './runner/reporter.js'

export async function run(): Promise<void> {
  try {
    const config = readInputs()
    const tempDir = await mkdtemp(path.join(process.env.RUNNER_TEMP || tmpdir(), 'carts-deploy-'))
    // The post step removes it (kubeconfig, clones, results), whatever happens here.
    core.saveState('temp-dir', tempDir)
    const deployment = await startDeployment(config, runnerReporter)
    const outcome = await runStage(config, runnerReporter, tempDir)
    // A held version is deployed but not judged: its GitHub deployment stays in progress (and the earlier
    // ones active) until the gate job's own deployment succeeds or fails.
    if (outcome.outputs.result === 'held') runnerReporter.info('GitHub deployment stays in progress: held')
    else await deployment.finish(!outcome.failure, outcome.outputs.url || undefined)
    for (const [name, value] of Object.entries(outcome.outputs)) core.setOutput(name, value)
    await core.summary.addRaw(outcome.summary).write()
    if (outcome.failure) core.setFailed(outcome.failure)
  } catch (error) {
    core.setOutput('promote', 'false')
    core.setFailed(describe(error))
  }
}
