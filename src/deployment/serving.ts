/**
 * What a Service really routes to: the ready endpoints of its EndpointSlices and the images their pods run.
 * "Promoted" and "rolled back" are said only after this shows the expected version, and only it, serving.
 */
import type { ImageRef } from '../contracts/config.js'
import { DeployError } from '../contracts/errors.js'
import { splitReference } from '../contracts/names.js'
import type { RunContext } from '../contracts/run.js'
import type { Kubectl } from '../programs/kubectl.js'
import { clusterFor } from './cluster.js'

export interface EndpointSliceJson {
  readonly endpoints?: readonly {
    readonly conditions?: { readonly ready?: boolean; readonly terminating?: boolean }
    readonly targetRef?: { readonly kind?: string; readonly name?: string }
  }[]
}

export interface PodJson {
  readonly metadata: { readonly name: string }
  readonly spec: { readonly containers: readonly { readonly image: string }[] }
}

/**
 * Ready endpoints per version of the service's image ('other' for a pod without it), and the terminating
 * ones: kube-proxy's rules follow the slices about a second late and fall back to terminating endpoints,
 * so a terminating pod may still answer until it is gone.
 */
export interface Serving {
  readonly ready: ReadonlyMap<string, number>
  readonly total: number
  readonly terminating: ReadonlyMap<string, number>
}

/** Pure: `docker.io/library/x:1`, `docker.io/x:1` and `x:1` name the same image. */
export function normalImage(image: string): string {
  return image.replace(/^docker\.io\//, '').replace(/^library\//, '')
}

/** Pure: the repository (normalized) and tag of a reference; no tag is `latest`, as the runtime reads it. */
export function splitImage(image: string): ImageRef {
  const { repository, tag } = splitReference(normalImage(image))
  return { repository, tag: tag ?? 'latest' }
}

/** Pure: the ready endpoints of the slices, counted by the tag of `repository` their pod runs. */
export function servingOf(
  slices: readonly EndpointSliceJson[],
  pods: readonly PodJson[],
  repository: string
): Serving {
  const byName = new Map(pods.map(pod => [pod.metadata.name, pod]))
  const wanted = splitImage(repository).repository
  const ready = new Map<string, number>()
  const terminating = new Map<string, number>()
  const count = (counts: Map<string, number>, version: string) =>
    counts.set(version, (counts.get(version) ?? 0) + 1)
  let total = 0
  for (const endpoint of slices.flatMap(slice => slice.endpoints ?? [])) {
    const pod = endpoint.targetRef?.kind === 'Pod' ? byName.get(endpoint.targetRef.name ?? '') : undefined
    const tag = pod?.spec.containers
      .map(c => splitImage(c.image))
      .find(image => image.repository === wanted)?.tag
    const version = tag ?? 'other'
    if (endpoint.conditions?.terminating === true) count(terminating, version)
    // A missing ready condition means ready (the EndpointSlice API's rule).
    else if (endpoint.conditions?.ready !== false) {
      count(ready, version)
      total++
    }
  }
  return { ready, total, terminating }
}

/** Pure: true when at least one ready endpoint serves, all of them run `tag`, and no pod of another version is still terminating. */
export function servesOnly(serving: Serving, tag: string): boolean {
  const draining = [...serving.terminating.keys()].some(version => version !== tag)
  return serving.total > 0 && serving.ready.get(tag) === serving.total && !draining
}

/** Pure: `2 ready pods of 0.8.1 and 1 of 0.8.3`, or `no ready pod`. */
export function describeServing(serving: Serving): string {
  const what = (version: string) => (version === 'other' ? 'without the service image' : `of ${version}`)
  const ready =
    serving.total === 0
      ? 'no ready pod'
      : [...serving.ready]
          .map(
            ([version, n], i) => `${n}${i > 0 ? '' : n === 1 ? ' ready pod' : ' ready pods'} ${what(version)}`
          )
          .join(' and ')
  const terminating = [...serving.terminating].map(
    ([version, n]) => `${n} terminating pod${n === 1 ? '' : 's'} ${what(version)}`
  )
  return [ready, ...terminating].join(' and ')
}

/** How long the endpoints may take to follow a switch (the EndpointSlice controller, pods terminating). */
export const SERVING_DEADLINE_MS = 60_000
const POLL_MS = 500

/** The run's timeout, 60 s at most. */
export function servingDeadlineMs(ctx: RunContext): number {
  return Math.min(SERVING_DEADLINE_MS, ctx.config.timeoutSeconds * 1000)
}

/**
 * Waits until `service` in `namespace` routes only to ready pods running `repository:tag`, and says so;
 * at the deadline it throws a DeployError saying what the service routes to instead.
 */
export async function waitUntilServing(
  kubectl: Kubectl,
  service: string,
  namespace: string,
  image: ImageRef,
  deadlineMs = SERVING_DEADLINE_MS
): Promise<string> {
  const end = Date.now() + deadlineMs
  for (;;) {
    const serving = await readServing(kubectl, service, namespace, image.repository)
    if (servesOnly(serving, image.tag))
      return `${service} in ${namespace} routes to ${describeServing(serving)}`
    if (Date.now() >= end)
      throw new DeployError(
        `${service} in ${namespace} routes to ${describeServing(serving)}, not only to ready pods of ${image.tag} ` +
          `(checked for ${Math.round(deadlineMs / 1000)} s)`
      )
    await new Promise(resolve => setTimeout(resolve, POLL_MS))
  }
}

async function readServing(
  kubectl: Kubectl,
  service: string,
  namespace: string,
  repository: string
): Promise<Serving> {
  const [slices, pods] = await Promise.all([
    kubectl.listJson<EndpointSliceJson>('endpointslices', namespace, `kubernetes.io/service-name=${service}`),
    kubectl.listJson<PodJson>('pods', namespace)
  ])
  return servingOf(slices, pods, repository)
}

/** The Service users reach the stage by: the chart's own (direct), or the stable one (blue/green). */
function stableServiceOf(ctx: RunContext): string {
  return ctx.results.deploy?.chart.service ?? ctx.config.service
}

/**
 * Checks that the stage's stable service routes only to ready pods of `image`; returns the line that
 * says so. Waits at most the run's timeout (60 s at most) for the endpoints to follow.
 */
export async function confirmServing(ctx: RunContext, image: ImageRef): Promise<string> {
  const { kubectl } = await clusterFor(ctx)
  return waitUntilServing(kubectl, stableServiceOf(ctx), ctx.plan.namespace, image, servingDeadlineMs(ctx))
}

/** What the stable service routes to now, in words (for a stage with nothing to restore). */
export async function describeStableService(ctx: RunContext, repository: string): Promise<string> {
  const { kubectl } = await clusterFor(ctx)
  const service = stableServiceOf(ctx)
  const serving = await readServing(kubectl, service, ctx.plan.namespace, repository)
  return `${service} in ${ctx.plan.namespace} routes to ${describeServing(serving)}`
}
