/**
 * `blue_green_service`: two releases of the user's chart, `<service>-blue` and `<service>-green`, side by
 * side. A helm post-renderer gives every object of a release the colour in its name and labels (see
 * charts/colouring), so each colour has its own Deployment and Service (`carts-blue` for the chart's
 * `carts`) and the tests reach the new colour directly. The stable Service, by the chart's Service name,
 * is ours (server-side applied, not helm's) and selects the live colour.
 *
 * Why two releases and not one release holding both colours: deploying the new colour never re-renders
 * the live one, and a failed deploy's --atomic rollback touches only the new colour's release. Each
 * colour also keeps its own helm history. The live colour is read from the stable service's selector:
 * the cluster itself is the record of which colour serves.
 */
import { COLOUR_LABEL, colouredName } from '../../charts/colouring.js'
import { imageOf } from '../../contracts/config.js'
import type { ChartNames, Colour, DeployResult, DeployTarget, Traffic } from '../../contracts/deploy.js'
import { DeployError } from '../../contracts/errors.js'
import type { RunContext } from '../../contracts/run.js'
import type { Kubectl } from '../../programs/kubectl.js'
import { clusterFor, type ClusterStrategy } from '../cluster.js'
import { hasIstio, virtualService } from '../istio.js'
import { servingDeadlineMs, waitUntilServing } from '../serving.js'

interface ServiceJson {
  metadata?: { labels?: Record<string, string> }
  spec?: { selector?: Record<string, string>; ports?: Record<string, unknown>[] }
}

export function otherColour(colour: Colour): Colour {
  return colour === 'blue' ? 'green' : 'blue'
}

/** Pure: the colour the stable service selects now; undefined before the first promote. */
export function liveColourOf(stable: ServiceJson | undefined): Colour | undefined {
  const colour = stable?.spec?.selector?.[COLOUR_LABEL]
  return colour === 'blue' || colour === 'green' ? colour : undefined
}

/** Pure: the new version goes to the colour that is not live (blue when none is). */
export function decideBlueGreen(
  service: string,
  chart: ChartNames,
  live: Colour | undefined,
  traffic: Traffic
): DeployTarget {
  const colour = live ? otherColour(live) : 'blue'
  return {
    release: `${service}-${colour}`,
    chart,
    testService: colouredName(chart.service, colour),
    colour,
    liveColour: live,
    traffic
  }
}

type Deployed = Pick<DeployResult, 'chart' | 'colour' | 'liveColour'>

export interface Switch {
  /** The colour the stable service (and the mesh) select afterwards. */
  readonly live: Colour
  /** The Deployment that scales to 0 afterwards. */
  readonly scaleDown?: string
}

/** Pure: promote selects the new colour and retires the old one (if there was one). */
export function decidePromote(deploy: Deployed): Switch {
  const colour = requireColour(deploy.colour)
  const old = deploy.liveColour && deploy.liveColour !== colour ? deploy.liveColour : undefined
  return { live: colour, scaleDown: old ? colouredName(deploy.chart.deployment, old) : undefined }
}

/** Pure: reject leaves the stable service where it was and retires the new colour. */
export function decideReject(deploy: Deployed) {
  const colour = requireColour(deploy.colour)
  return { live: deploy.liveColour, scaleDown: colouredName(deploy.chart.deployment, colour) }
}

/** Pure: the stable service selects exactly what the colour's own service selects, on the same ports. */
export function stableService(service: string, namespace: string, colourService: ServiceJson): object {
  const ports = (colourService.spec?.ports ?? []).map(({ nodePort: _nodePort, ...port }) => port)
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: service, namespace, labels: { 'app.kubernetes.io/managed-by': 'carts-deploy' } },
    spec: { type: 'ClusterIP', selector: colourService.spec?.selector ?? {}, ports }
  }
}

const NOTHING = 'no blue/green deploy in this run: nothing to promote or reject'

function requireColour(colour: Colour | undefined): Colour {
  if (!colour) throw new DeployError(NOTHING)
  return colour
}

function requireDeploy(ctx: RunContext): DeployResult {
  const deploy = ctx.results.deploy
  if (deploy?.strategy !== 'blue_green_service') throw new DeployError(NOTHING)
  return deploy
}

async function routeMesh(kubectl: Kubectl, deploy: DeployResult, live: Colour | undefined) {
  if (deploy.traffic !== 'istio' || !live) return
  const vs = virtualService(deploy.chart.service, deploy.namespace, live, otherColour(live))
  await kubectl.apply(deploy.namespace, [vs])
}

/** The stable service selects what the colour's own service selects (server-side apply: idempotent). */
async function selectColour(kubectl: Kubectl, deploy: DeployResult, colour: Colour) {
  const { chart, namespace } = deploy
  const name = colouredName(chart.service, colour)
  const colourService = await kubectl.getJson<ServiceJson>('service', name, namespace)
  if (!colourService) throw new DeployError(`service ${name} in ${namespace} is gone`)
  await kubectl.apply(namespace, [stableService(chart.service, namespace, colourService)])
}

export const blueGreen: ClusterStrategy = {
  name: 'blue_green_service',
  async target(ctx, { kubectl }, chart) {
    const [stable, istio] = await Promise.all([
      kubectl.getJson<ServiceJson>('service', chart.service, ctx.plan.namespace),
      hasIstio(kubectl)
    ])
    return decideBlueGreen(ctx.config.service, chart, liveColourOf(stable), istio ? 'istio' : 'service')
  },
  // The mesh keeps sending everything to the live colour while the new one is tested.
  afterDeploy: async (_ctx, { kubectl }, deploy) => routeMesh(kubectl, deploy, deploy.liveColour),
  async promote(ctx) {
    const deploy = requireDeploy(ctx)
    const { kubectl } = await clusterFor(ctx)
    const next = decidePromote(deploy)
    const stable = deploy.chart.service
    // The stable service moves only to a colour whose own service routes to ready pods of the new version.
    const deadline = servingDeadlineMs(ctx)
    await waitUntilServing(
      kubectl,
      deploy.testService,
      deploy.namespace,
      imageOf(ctx.config),
      deadline
    ).catch((error: Error) => {
      throw new DeployError(`${stable} not switched to ${next.live}: ${error.message}`)
    })
    await selectColour(kubectl, deploy, next.live)
    await routeMesh(kubectl, deploy, next.live)
    if (next.scaleDown) await kubectl.scale(next.scaleDown, deploy.namespace, 0)
    const retired = next.scaleDown ? `; deployment ${next.scaleDown} scaled to 0` : ''
    ctx.log.info(`${stable} in ${deploy.namespace} now selects ${next.live}${retired}`)
  },
  async reject(ctx) {
    const deploy = requireDeploy(ctx)
    const { kubectl } = await clusterFor(ctx)
    const next = decideReject(deploy)
    // Back to the live colour, should a promote have moved the stable service before it failed.
    if (next.live) await selectColour(kubectl, deploy, next.live)
    await routeMesh(kubectl, deploy, next.live)
    await kubectl.scale(next.scaleDown, deploy.namespace, 0)
    const stays = next.live ? `stays on ${next.live}` : 'was never switched'
    ctx.log.info(
      `deployment ${next.scaleDown} scaled to 0; ${deploy.chart.service} in ${deploy.namespace} ${stays}`
    )
  }
}
