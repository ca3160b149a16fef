/**
 * The user's chart rendered (`helm template`) with the values the deploy will use, before anything
 * changes: a chart that does not render, or that a blue/green stage cannot colour, fails here, with the
 * chart's own words, and not after the new image became the desired state.
 */
import { chartNamesOf, keptnValues } from '../charts/chart-names.js'
import type { ChartNames } from '../contracts/deploy.js'
import { DeployError, lastLines, ToolError } from '../contracts/errors.js'
import type { DeploymentStrategy } from '../contracts/plan.js'
import type { RunContext } from '../contracts/run.js'
import type { Helm, RenderSpec } from '../programs/helm.js'

/**
 * Pure: the chart, values files and values of a release of the stage. Without a values file from the
 * config branch (CLI use, tests) the image comes from the inputs.
 */
export function releaseSpec(
  ctx: RunContext,
  release: string,
  strategy: DeploymentStrategy,
  valuesFile: string | undefined
): RenderSpec {
  const image: Record<string, string> = valuesFile
    ? {}
    : { 'image.repository': ctx.config.image, 'image.tag': ctx.config.tag }
  return {
    release,
    chart: ctx.config.chartDir,
    namespace: ctx.plan.namespace,
    valuesFiles: valuesFile ? [valuesFile] : [],
    setString: { ...image, ...keptnValues(ctx.plan, ctx.config.service, strategy) }
  }
}

/** Renders the chart as a release named after the service and reads the names the strategy needs. */
export async function inspectChart(
  ctx: RunContext,
  helm: Helm,
  strategy: DeploymentStrategy,
  valuesFile: string | undefined
): Promise<ChartNames> {
  const spec = releaseSpec(ctx, ctx.config.service, strategy, valuesFile)
  let manifest: string
  try {
    manifest = await helm.template(spec)
  } catch (error) {
    if (!(error instanceof ToolError)) throw error
    const said = lastLines(error.output) || `exit ${error.exitCode}`
    throw new DeployError(`chart ${spec.chart} does not render with the values of ${ctx.plan.stage}: ${said}`)
  }
  return chartNamesOf(manifest, ctx.config.service, strategy, spec.chart)
}
