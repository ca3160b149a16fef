/**
 * Pure: what the post-renderer does to a blue/green release of the user's chart. The action owns the
 * colours, not the chart: every object gets the colour in its name (`carts` -> `carts-blue`, whatever
 * the release is called) and as a label; the service's Deployment and its Services select the colour;
 * references between the release's own objects follow the new names. The user's Service name stays for
 * the stable Service, which the action owns and points at the live colour.
 */
import type { Colour } from '../contracts/deploy.js'
import { DeployError } from '../contracts/errors.js'
import { nameOf, type Fields, type KubeObject, type Labels, type Rendered } from './manifest.js'
import { findWorkload, selects, type BaseName } from './workload.js'

/** The pod label that tells the colours apart. */
export const COLOUR_LABEL = 'colour'

export interface Colouring {
  readonly service: string
  readonly release: string
  readonly colour: Colour
}

/** Pure: a rendered name without the release in it, as a direct release named after the service has it. */
function baseNameIn({ service, release }: Pick<Colouring, 'service' | 'release'>): BaseName {
  return name => (release !== service && name.includes(release) ? name.replace(release, service) : name)
}

/** Pure: the name an object of the chart has in one colour. */
export function colouredName(base: string, colour: Colour): string {
  return `${base}-${colour}`
}

type Holder = Record<string, unknown> | undefined

/** Which names the release's own objects have, by kind, and what each becomes. */
class Renames {
  private readonly names = new Map<string, string>()

  constructor(rendered: readonly Rendered[], base: BaseName, colour: Colour) {
    for (const { object } of rendered)
      this.names.set(`${object.kind}/${nameOf(object)}`, colouredName(base(nameOf(object)), colour))
  }

  /** holder[field] names an object of `kind`: it follows that object's new name (external ones stay). */
  follow(holder: Holder, field: string, kind: string | undefined): void {
    const name = holder?.[field]
    const renamed = typeof name === 'string' ? this.names.get(`${kind}/${name}`) : undefined
    if (renamed) holder![field] = renamed
  }

  of(object: KubeObject): string {
    return this.names.get(`${object.kind}/${nameOf(object)}`)!
  }
}

function list(value: unknown): Fields[] {
  return Array.isArray(value) ? value.filter(item => item && typeof item === 'object') : []
}

function followPodSpec(pod: Holder, renames: Renames): void {
  if (!pod) return
  renames.follow(pod, 'serviceAccountName', 'ServiceAccount')
  for (const secret of list(pod.imagePullSecrets)) renames.follow(secret, 'name', 'Secret')
  for (const volume of list(pod.volumes)) {
    renames.follow(volume.configMap, 'name', 'ConfigMap')
    renames.follow(volume.secret, 'secretName', 'Secret')
    renames.follow(volume.persistentVolumeClaim, 'claimName', 'PersistentVolumeClaim')
    for (const source of list(volume.projected?.sources)) {
      renames.follow(source.configMap, 'name', 'ConfigMap')
      renames.follow(source.secret, 'name', 'Secret')
    }
  }
  for (const container of [...list(pod.containers), ...list(pod.initContainers)]) {
    for (const from of list(container.envFrom)) {
      renames.follow(from.configMapRef, 'name', 'ConfigMap')
      renames.follow(from.secretRef, 'name', 'Secret')
    }
    for (const env of list(container.env)) {
      renames.follow(env.valueFrom?.configMapKeyRef, 'name', 'ConfigMap')
      renames.follow(env.valueFrom?.secretKeyRef, 'name', 'Secret')
    }
  }
}

/**
 * A chart that leaves `replicas` to an autoscaler would keep a retired colour at 0 when the next version
 * goes into it (helm sets only what the chart renders, and an autoscaler never scales up from 0): the
 * colour's Deployment starts at the autoscaler's minimum, or 1.
 */
function startingReplicas(rendered: readonly Rendered[], deployment: string): number {
  const hpa = rendered.find(
    ({ object }) =>
      object.kind === 'HorizontalPodAutoscaler' &&
      object.spec?.scaleTargetRef?.kind === 'Deployment' &&
      object.spec?.scaleTargetRef?.name === deployment
  )
  const min = Number(hpa?.object.spec?.minReplicas ?? 1)
  return Number.isInteger(min) && min > 0 ? min : 1
}

function addLabel(holder: Fields, field: string, colour: Colour): void {
  holder[field] = { ...(holder[field] as Labels | undefined), [COLOUR_LABEL]: colour }
}

/**
 * Pure: the release's objects in one colour. Throws a DeployError when the chart has no one Deployment
 * with a Service for the service (checked before the commit too, so this is only a last guard).
 */
export function colourRelease(rendered: readonly Rendered[], colouring: Colouring): Rendered[] {
  const { service, colour } = colouring
  const base = baseNameIn(colouring)
  const check = findWorkload(rendered, service, base)
  if (!check.ok) throw new DeployError(`the chart cannot be deployed blue/green: ${check.problem}`)
  const { deployment, services, podLabels } = check.workload
  const renames = new Renames(rendered, base, colour)
  return rendered.map(({ object: original, source }) => {
    const object = structuredClone(original)
    const name = nameOf(object)
    object.metadata = { ...object.metadata, name: renames.of(original) }
    addLabel(object.metadata, 'labels', colour)
    // Kinds without a spec (ConfigMap, Secret) keep having none.
    const spec: Fields = object.spec ?? {}
    if (object.kind === 'Deployment' && name === deployment) {
      object.spec = spec
      spec.selector = spec.selector ?? {}
      addLabel(spec.selector, 'matchLabels', colour)
      spec.template = spec.template ?? {}
      spec.template.metadata = spec.template.metadata ?? {}
      addLabel(spec.template.metadata, 'labels', colour)
      spec.replicas = spec.replicas ?? startingReplicas(rendered, name)
    }
    if (object.kind === 'Service' && services.includes(name)) addLabel(spec, 'selector', colour)
    if (object.kind === 'PodDisruptionBudget' && selects(spec.selector?.matchLabels, podLabels))
      addLabel(spec.selector, 'matchLabels', colour)
    followPodSpec(spec.template?.spec, renames)
    renames.follow(spec.scaleTargetRef, 'name', spec.scaleTargetRef?.kind)
    renames.follow(object.roleRef as Holder, 'name', (object.roleRef as Holder)?.kind as string)
    for (const subject of list(object.subjects)) renames.follow(subject, 'name', subject.kind)
    return { object, ...(source ? { source } : {}) }
  })
}
