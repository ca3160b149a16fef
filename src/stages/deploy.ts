/**
 * The deploy step: the stage's values file from the config branch goes into `<project>-<stage>` with
 * `helm upgrade --install --wait` and rollback on failure, through the stage's strategy (direct or
 * blue/green: the user's chart through the colouring post-renderer), then a rollout check. Its result
 * tells the test step where the new version answers.
 */
import type { DeployResult, DeployTarget } from '../contracts/deploy.js'
import type { DeploymentStrategy } from '../contracts/plan.js'
import type { RunContext, Step } from '../contracts/run.js'
import { inspectChart, releaseSpec } from '../deployment/chart-check.js'
import { clusterFor, type Cluster, type ClusterStrategy } from '../deployment/cluster.js'
import { postRendererFor } from '../deployment/post-renderer.js'
import { checkChart } from '../deployment/preflight.js'
import { ADDRESS_DEADLINE_MS, exposeStage } from '../deployment/public-route.js'
import { recoverRelease } from '../deployment/recovery.js'
import { checkRollout, shortImage, upgradeRelease } from '../deployment/release.js'
import { serviceUrlOf } from '../deployment/service-url.js'
import { strategyFor } from '../deployment/strategies/index.js'
import type { UpgradeSpec } from '../programs/helm.js'

/** The helm upgrade of one deploy: a colour's release goes through the post-renderer. */
export function upgradeSpec(
  ctx: RunContext,
  strategy: DeploymentStrategy,
  target: DeployTarget
): UpgradeSpec {
  const { colour, release } = target
  return {
    ...releaseSpec(ctx, release, strategy, ctx.results.commit?.valuesFile),
    timeoutSeconds: ctx.config.timeoutSeconds,
    ...(colour ? { postRenderer: postRendererFor({ colour, release, service: ctx.config.service }) } : {})
  }
}

export const deployStep: Step<'deploy'> = { name: 'deploy', run: deploy }

async function deploy(ctx: RunContext): Promise<DeployResult | undefined> {
  const strategyName = ctx.plan.deploymentStrategy
  if (!strategyName) {
    ctx.log.info(`Stage ${ctx.plan.stage} deploys nothing (quality gate only)`)
    return undefined
  }
  await checkChart(ctx.config.chartDir)
  const cluster = await clusterFor(ctx)
  const strategy = strategyFor(strategyName)
  // Independent cluster reads run side by side: they are most of the step's own time.
  const [{ target, before }] = await Promise.all([
    prepare(ctx, cluster, strategy),
    ensureNamespace(ctx, cluster)
  ])
  const spec = upgradeSpec(ctx, strategyName, target)
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
    chart: target.chart,
    testService: target.testService,
    serviceUrl: serviceUrlOf(ctx.config.serviceAccess, { ...ctx.plan, service: target.testService }),
    image,
    helmMajor: major,
    recovered: upgraded.recovered,
    helmSeconds: upgraded.helmSeconds
  }
  await strategy.afterDeploy(ctx, cluster, result)
  const published = await publish(ctx, cluster, result)
  ctx.log.info(
    `${image} is ${spec.release} revision ${result.revision} in ${spec.namespace}: ${result.serviceUrl ?? `service/${result.testService}`}`
  )
  return published
}

/** With `domain`: the stage's public host, routed to the stable Service (blue/green: the live colour). */
async function publish(ctx: RunContext, cluster: Cluster, result: DeployResult): Promise<DeployResult> {
  const { domain, ingressClass } = ctx.config
  if (!domain) return result
  const names = { service: result.chart.service, deployed: result.testService, namespace: result.namespace }
  const { url, kind, via, address } = await exposeStage(cluster.kubectl, names, domain, ingressClass)
  ctx.log.info(`${url} reaches service ${result.chart.service} in ${result.namespace} through the ${via}`)
  if (kind === 'ingress')
    if (address)
      ctx.log.info(`The ingress controller serves it at ${address}: point ${new URL(url).host} there`)
    else
      ctx.log.warning(
        `No ingress controller has taken ${via} (no address in its status after ${ADDRESS_DEADLINE_MS / 1000} s): ${url} may not answer; check the ingress-class`
      )
  return { ...result, publicUrl: url }
}

/** Where the deploy goes (the strategy's decision), and that release repaired if a crashed run left it stuck. */
async function prepare(ctx: RunContext, cluster: Cluster, strategy: ClusterStrategy) {
  // The commit step checked the chart with these values already; without it (CLI, tests) check it here.
  const valuesFile = ctx.results.commit?.valuesFile
  const chart =
    ctx.results.commit?.chart ?? (await inspectChart(ctx, cluster.helm, strategy.name, valuesFile))
  const target = await strategy.target(ctx, cluster, chart)
  const before = await recoverRelease(
    cluster.helm,
    target.release,
    ctx.plan.namespace,
    ctx.config.timeoutSeconds
  )
  return { target, before }
}

async function ensureNamespace(ctx: RunContext, { kubectl }: Cluster): Promise<void> {
  const outcome = await kubectl.createNamespace(ctx.plan.namespace)
  if (outcome === 'created') ctx.log.info(`Created namespace ${ctx.plan.namespace}`)
  // A namespace-scoped account may not create namespaces; helm says clearly if it is really missing.
  if (outcome === 'forbidden')
    ctx.log.debug(`Not allowed to create namespace ${ctx.plan.namespace}; using it as is`)
}
