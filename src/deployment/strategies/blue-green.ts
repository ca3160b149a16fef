/**
 * `blue_green_service`: two releases, `<service>-blue` and `<service>-green`, side by side. Each has its
 * own Deployment and Service (`<service>-<colour>`), so the tests reach the new colour directly. The
 * stable service `<service>` is ours (server-side applied, not helm's) and selects the live colour.
 *
 * Why two releases and not one release holding both colours: deploying the new colour never re-renders
 * the live one, and a failed deploy's --atomic rollback touches only the new colour's release. Each
 * colour also keeps its own helm history. The live colour is read from the stable service's selector:
 * the cluster itself is the record of which colour serves.
 */
import { imageOf } from '../../contracts/config.js'
import { type Colour, type DeployResult, type DeployTarget, type Traffic } from '../../contracts/deploy.js'
import { DeployError } from '../../contracts/errors.js'
import type { RunContext } from '../../contracts/run.js'
import type { Kubectl } from '../../programs/kubectl.js'
import { clusterFor, type ClusterStrategy } from '../cluster.js'
import { hasIstio, virtualService } from '../istio.js'
import { servingDeadlineMs, waitUntilServing } from '../serving.js'

/** The pod label (set by the chart from the `colour` value) that tells the colours apart. */
export const COLOUR_LABEL = 'colour'

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
export function decideBlueGreen(service: string, live: Colour | undefined, traffic: Traffic): DeployTarget {
  const colour = live ? otherColour(live) : 'blue'
  const release = `${service}-${colour}`
  return { release, testService: release, colour, liveColour: live, setString: { colour }, traffic }
}

export interface Switch {
  /** The colour the stable service (and the mesh) select afterwards. */
  readonly live: Colour
  /** The release whose Deployments scale to 0 afterwards. */
  readonly scaleDown?: string
}

/** Pure: promote selects the new colour and retires the old one (if there was one). */
export function decidePromote(service: string, deploy: Pick<DeployResult, 'colour' | 'liveColour'>): Switch {
  const colour = requireColour(deploy.colour)
  const old = deploy.liveColour && deploy.liveColour !== colour ? deploy.liveColour : undefined
  return { live: colour, scaleDown: old ? `${service}-${old}` : undefined }
}

/** Pure: reject leaves the stable service where it was and retires the new colour. */
export function decideReject(service: string, deploy: Pick<DeployResult, 'colour' | 'liveColour'>) {
  const colour = requireColour(deploy.colour)
  return { live: deploy.liveColour, scaleDown: `${service}-${colour}` }
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

async function scaleDown(kubectl: Kubectl, release: string, namespace: string): Promise<void> {
  await kubectl.scale(`app.kubernetes.io/instance=${release}`, namespace, 0)
}

async function routeMesh(ctx: RunContext, kubectl: Kubectl, deploy: DeployResult, live: Colour | undefined) {
  if (deploy.traffic !== 'istio' || !live) return
  const vs = virtualService(ctx.config.service, deploy.namespace, live, otherColour(live))
  await kubectl.apply(deploy.namespace, [vs])
}

/** The stable service selects what the colour's own service selects (server-side apply: idempotent). */
async function selectColour(ctx: RunContext, kubectl: Kubectl, namespace: string, colour: Colour) {
  const name = `${ctx.config.service}-${colour}`
  const colourService = await kubectl.getJson<ServiceJson>('service', name, namespace)
  if (!colourService) throw new DeployError(`service ${name} in ${namespace} is gone`)
  await kubectl.apply(namespace, [stableService(ctx.config.service, namespace, colourService)])
}

export const blueGreen: ClusterStrategy = {
  name: 'blue_green_service',
  async target(ctx, { kubectl }) {
    const [stable, istio] = await Promise.all([
      kubectl.getJson<ServiceJson>('service', ctx.config.service, ctx.plan.namespace),
      hasIstio(kubectl)
    ])
    return decideBlueGreen(ctx.config.service, liveColourOf(stable), istio ? 'istio' : 'service')
  },
  // The mesh keeps sending everything to the live colour while the new one is tested.
  afterDeploy: async (ctx, { kubectl }, deploy) => routeMesh(ctx, kubectl, deploy, deploy.liveColour),
  async promote(ctx) {
    const deploy = requireDeploy(ctx)
    const { kubectl } = await clusterFor(ctx)
    const next = decidePromote(ctx.config.service, deploy)
    // The stable service moves only to a colour whose own service routes to ready pods of the new version.
    const deadline = servingDeadlineMs(ctx)
    await waitUntilServing(
      kubectl,
      deploy.testService,
      deploy.namespace,
      imageOf(ctx.config),
      deadline
    ).catch((error: Error) => {
      throw new DeployError(`${ctx.config.service} not switched to ${next.live}: ${error.message}`)
    })
    await selectColour(ctx, kubectl, deploy.namespace, next.live)
    await routeMesh(ctx, kubectl, deploy, next.live)
    if (next.scaleDown) await scaleDown(kubectl, next.scaleDown, deploy.namespace)
    const retired = next.scaleDown ? `; ${next.scaleDown} scaled to 0` : ''
    ctx.log.info(`${ctx.config.service} in ${deploy.namespace} now selects ${next.live}${retired}`)
  },
  async reject(ctx) {
    const deploy = requireDeploy(ctx)
    const { kubectl } = await clusterFor(ctx)
    const next = decideReject(ctx.config.service, deploy)
    // Back to the live colour, should a promote have moved the stable service before it failed.
    if (next.live) await selectColour(ctx, kubectl, deploy.namespace, next.live)
    await routeMesh(ctx, kubectl, deploy, next.live)
    await scaleDown(kubectl, next.scaleDown, deploy.namespace)
    const stays = next.live ? `stays on ${next.live}` : 'was never switched'
    ctx.log.info(`${next.scaleDown} scaled to 0; ${ctx.config.service} in ${deploy.namespace} ${stays}`)
  }
}
