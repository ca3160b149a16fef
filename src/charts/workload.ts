/**
 * Pure: which rendered objects are the service. Blue/green needs exactly one Deployment for it and a
 * Service that selects its pods; a chart that has not is refused before anything changes, naming the
 * chart file and what it needs.
 */
import { isHook, nameOf, type KubeObject, type Labels, type Rendered } from './manifest.js'

/** The service's Deployment and the Services that select its pods. */
export interface ServiceWorkload {
  /** The service's Deployment, as rendered. */
  readonly deployment: string
  /** The Services selecting its pods: the first is the one the tests and users reach. */
  readonly services: readonly [string, ...string[]]
  readonly podLabels: Labels
}

export type WorkloadCheck =
  { readonly ok: true; readonly workload: ServiceWorkload } | { readonly ok: false; readonly problem: string }

function podLabelsOf(object: KubeObject): Labels {
  return (object.spec?.template?.metadata?.labels ?? {}) as Labels
}

/** Pure: a selector selects labels when it is not empty and all its pairs are among them. */
export function selects(selector: Labels | undefined, labels: Labels): boolean {
  const pairs = Object.entries(selector ?? {})
  return pairs.length > 0 && pairs.every(([key, value]) => labels[key] === value)
}

function where(rendered: Rendered): string {
  return `${rendered.object.kind} ${nameOf(rendered.object)}${rendered.source ? ` (${rendered.source})` : ''}`
}

/** The Deployment named or labelled after the service, when the chart renders several. */
function isTheService(object: KubeObject, service: string, baseName: BaseName): boolean {
  const labels = podLabelsOf(object)
  return (
    baseName(nameOf(object)) === service ||
    labels['app.kubernetes.io/name'] === service ||
    labels.app === service
  )
}

/** How a rendered name reads without the release in it (blue/green renders `carts-blue` for `carts`). */
export type BaseName = (name: string) => string

export function findWorkload(
  rendered: readonly Rendered[],
  service: string,
  baseName: BaseName = name => name
): WorkloadCheck {
  const live = rendered.filter(r => !isHook(r.object))
  const deployments = live.filter(r => r.object.kind === 'Deployment')
  const candidates =
    deployments.length > 1 ? deployments.filter(r => isTheService(r.object, service, baseName)) : deployments
  if (deployments.length === 0)
    return { ok: false, problem: `it renders no Deployment (one Deployment for ${service} is needed)` }
  if (candidates.length !== 1)
    return {
      ok: false,
      problem:
        `it renders ${deployments.length} Deployments (${deployments.map(where).join(', ')}) and ` +
        `${candidates.length === 0 ? 'none' : candidates.length} of them is named ${service} or has the pod ` +
        `label app.kubernetes.io/name=${service} or app=${service} (exactly one is needed)`
    }
  const deployment = candidates[0]!
  const podLabels = podLabelsOf(deployment.object)
  const services = live
    .filter(r => r.object.kind === 'Service' && selects(r.object.spec?.selector as Labels, podLabels))
    .map(r => nameOf(r.object))
    // The one named after the service first: that is the name users and tests know.
    .sort((a, b) => Number(baseName(b) === service) - Number(baseName(a) === service))
  const [first, ...rest] = services
  if (first === undefined)
    return {
      ok: false,
      problem:
        `no Service selects the pods of ${where(deployment)}: a Service whose selector matches some of ` +
        `its pod labels ${JSON.stringify(podLabels)} is needed`
    }
  return {
    ok: true,
    workload: { deployment: nameOf(deployment.object), services: [first, ...rest], podLabels }
  }
}
