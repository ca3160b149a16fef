/**
 * The deploy step: the stage's values file from the config branch goes into `<project>-<stage>` with
 * `helm upgrade --install --wait` and rollback on failure, through the stage's strategy (direct or
 * blue/green), then a rollout check. Leaves ctx.results.deploy and the `deployment-url` output.
 */
import { access } from 'node:fs/promises'
import path from 'node:path'
import { clusterFor, type Cluster } from '../strategies/cluster.js'
import { strategyFor } from '../strategies/index.js'
import { checkRollout, shortImage, upgradeRelease } from '../strategies/release.js'
import { recoverRelease } from '../strategies/recovery.js'
import { DeployError, type DeployResult, type DeployTarget, type Strategy } from '../strategies/types.js'
import type { UpgradeSpec } from '../tools/helm.js'
import type { RunContext } from './context.js'

export interface UrlVars {
  readonly service: string
  readonly namespace: string
  readonly stage: string
  readonly project: string
}

/** Pure: the service-url template with {service} {namespace} {stage} {project} replaced. */
export function renderServiceUrl(template: string, vars: UrlVars): string {
  return template.replace(/\{(service|namespace|stage|project)\}/g, (_, key: keyof UrlVars) => vars[key])
}

/** Pure: the helm upgrade of one deploy. The strategy's values (colour) come after the values file. */
export function upgradeSpec(ctx: RunContext, target: DeployTarget): UpgradeSpec {
  const valuesFile = ctx.results.commit?.valuesFile
  // Without a commit step (CLI use, tests) the image comes from the inputs instead of the config branch.
  const image: Record<string, string> = valuesFile
    ? {}
    : { 'image.repository': ctx.config.image, 'image.tag': ctx.config.tag }
  return {
    release: target.release,
    chart: ctx.config.chartDir,
    namespace: ctx.plan.namespace,
    valuesFiles: valuesFile ? [valuesFile] : [],
    setString: { ...image, ...target.setString },
    timeoutSeconds: ctx.config.timeoutSeconds
  }
}

export async function deployStep(ctx: RunContext): Promise<void> {
  const strategyName = ctx.plan.deploymentStrategy
  if (!strategyName) {
    ctx.log.info(`Stage ${ctx.plan.stage} deploys nothing (quality gate only)`)
    return
  }
  await checkChart(ctx.config.chartDir)
  const cluster = await clusterFor(ctx)
  const strategy = strategyFor(strategyName)
  // Independent cluster reads run side by side: they are most of the step's own time.
  const [{ target, before }] = await Promise.all([
    prepare(ctx, cluster, strategy),
    ensureNamespace(ctx, cluster)
  ])
  const spec = upgradeSpec(ctx, target)
  const image = shortImage(ctx.config.image, ctx.config.tag)
  const major = await cluster.helm.major()
  ctx.log.info(`helm ${major}: upgrade --install ${spec.release} into ${spec.namespace}`)
  if (before.message) ctx.log.warning(before.message)
  const upgraded = await upgradeRelease(cluster.helm, spec, image, before)
  await checkRollout(cluster.kubectl, upgraded.release, ctx.config.timeoutSeconds)
  const result: DeployResult = {
    strategy: strategyName,
    namespace: spec.namespace,
    release: spec.release,
    revision: upgraded.release.revision,
    previousRevision: upgraded.previousRevision,
    colour: target.colour,
    liveColour: target.liveColour,
    traffic: target.traffic,
    testService: target.testService,
    serviceUrl: renderServiceUrl(ctx.config.serviceUrl, { ...ctx.plan, service: target.testService }),
    image,
    helmMajor: major,
    recovered: upgraded.recovered,
    helmSeconds: upgraded.helmSeconds
  }
  await strategy.afterDeploy(ctx, cluster, result)
  ctx.results.deploy = result

  ctx.log.info(
    `${image} is ${spec.release} revision ${result.revision} in ${spec.namespace}: ${result.serviceUrl}`
  )
}

/** Where the deploy goes (the strategy's decision), and that release repaired if a crashed run left it stuck. */
async function prepare(ctx: RunContext, cluster: Cluster, strategy: Strategy) {
  const target = await strategy.target(ctx, cluster)
  const before = await recoverRelease(
    cluster.helm,
    target.release,
    ctx.plan.namespace,
    ctx.config.timeoutSeconds
  )
  return { target, before }
}

async function checkChart(chartDir: string): Promise<void> {
  try {
    await access(path.join(chartDir, 'Chart.yaml'))
  } catch {
    throw new DeployError(`chart not found at ${chartDir} (no Chart.yaml there)`)
  }
}

async function ensureNamespace(ctx: RunContext, { kubectl }: Cluster): Promise<void> {
  const outcome = await kubectl.createNamespace(ctx.plan.namespace)
  if (outcome === 'created') ctx.log.info(`Created namespace ${ctx.plan.namespace}`)
  // A namespace-scoped account may not create namespaces; helm says clearly if it is really missing.
  if (outcome === 'forbidden')
    ctx.log.debug(`Not allowed to create namespace ${ctx.plan.namespace}; using it as is`)
}
