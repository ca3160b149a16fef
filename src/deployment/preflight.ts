/**
 * What can fail before anything changes, checked before the commit step writes the new image: a
 * version that was never deployed must not become the desired state because a chart path had a typo or
 * the cluster could not be reached.
 */
import { access } from 'node:fs/promises'
import path from 'node:path'
import { DeployError, describe } from '../contracts/errors.js'
import type { RunContext } from '../contracts/run.js'
import { clusterFor } from './cluster.js'

export async function checkChart(chartDir: string): Promise<void> {
  try {
    await access(path.join(chartDir, 'Chart.yaml'))
  } catch {
    throw new DeployError(`chart not found at ${chartDir} (no Chart.yaml there)`)
  }
}

/** The chart is there and the cluster answers with the kubeconfig given; returns the server's version. */
export async function checkDeployable(ctx: RunContext): Promise<string> {
  await checkChart(ctx.config.chartDir)
  const { kubectl } = await clusterFor(ctx)
  try {
    return await kubectl.serverVersion()
  } catch (error) {
    throw new DeployError(`the cluster cannot be reached with the kubeconfig given: ${describe(error)}`)
  }
}
