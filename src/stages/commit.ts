/**
 * The commit step: the stage's desired image goes onto the config branch, and its values file to helm;
 * only once the chart is there, renders with the new values (in the shape the strategy needs) and the
 * cluster answers.
 */
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { setImage } from '../config-branch/config-branch.js'
import { describeChange, valuesPath } from '../config-branch/layout.js'
import { configTarget } from '../config-branch/target.js'
import { imageShape, type ImageShape } from '../config-branch/values-file.js'
import { imageOf } from '../contracts/config.js'
import type { ChartNames } from '../contracts/deploy.js'
import type { Step } from '../contracts/run.js'
import { inspectChart } from '../deployment/chart-check.js'
import { clusterFor } from '../deployment/cluster.js'
import { checkDeployable } from '../deployment/preflight.js'
import { readUserFile } from '../files/user-file.js'

/** How the chart's own values.yaml names its image (one string, repository/tag, or with a registry). */
function chartImageShape(chartDir: string): ImageShape | undefined {
  const file = join(chartDir, 'values.yaml')
  return existsSync(file) ? imageShape(readUserFile(file, 'yaml'), file) : undefined
}

export const commitStep: Step<'commit'> = {
  name: 'commit',
  async run(ctx) {
    // Nothing becomes the desired state that cannot be deployed (the tools were installed before).
    if (ctx.plan.deploymentStrategy) {
      const version = await checkDeployable(ctx)
      ctx.log.info(`Checked before committing: chart ${ctx.config.chartDir}, cluster ${version}`)
    }
    const image = imageOf(ctx.config)
    const target = configTarget(ctx.config)
    const shape = chartImageShape(ctx.config.chartDir)
    const valuesFile = join(ctx.tempDir, 'config', valuesPath(ctx.key))
    await mkdir(dirname(valuesFile), { recursive: true })
    const strategy = ctx.plan.deploymentStrategy
    let chart: ChartNames | undefined
    const check = async (values: string) => {
      await writeFile(valuesFile, values)
      if (strategy) chart = await inspectChart(ctx, (await clusterFor(ctx)).helm, strategy, valuesFile)
    }
    const options = { tempRoot: ctx.tempDir }
    const result = await setImage(target, ctx.key, image, options, { shape, check })
    const change = describeChange(ctx.key, image.tag)
    const where = `branch '${target.branch}' at ${result.sha?.slice(0, 12)}`
    if (result.changed) ctx.log.info(`Committed ${change} to ${where}`)
    else ctx.log.info(`${change} is already the desired state on ${where}; no commit`)
    if (result.attempts > 1)
      ctx.log.info(`(pushed after ${result.attempts} attempts: other runs were writing too)`)
    return { sha: result.sha ?? '', changed: result.changed, previous: result.previous, valuesFile, chart }
  }
}
