/**
 * Istio traffic for blue/green, where the cluster serves the networking.istio.io API: a VirtualService
 * `<service>` that sends the mesh's traffic to the live colour's service (weight 100) and none to the
 * other. The stable service's selector switches too, so clients outside the mesh follow the same colour.
 */
import type { Colour } from '../contracts/deploy.js'
import type { Kubectl } from '../programs/kubectl.js'

export const ISTIO_GROUP = 'networking.istio.io'
const VIRTUAL_SERVICES = `virtualservices.${ISTIO_GROUP}`

/** Discovery only (allowed to every authenticated user), so a namespace-scoped account can ask too. */
export async function hasIstio(kubectl: Kubectl): Promise<boolean> {
  return (await kubectl.apiResources(ISTIO_GROUP)).includes(VIRTUAL_SERVICES)
}

/** Pure: the VirtualService that gives `live` all traffic and `other` (when it exists) none. */
export function virtualService(service: string, namespace: string, live: Colour, other?: Colour): object {
  const destination = (colour: Colour, weight: number) => ({
    destination: { host: `${service}-${colour}.${namespace}.svc.cluster.local` },
    weight
  })
  return {
    apiVersion: `${ISTIO_GROUP}/v1`,
    kind: 'VirtualService',
    metadata: { name: service, namespace, labels: { 'app.kubernetes.io/managed-by': 'carts-deploy' } },
    spec: {
      hosts: [service, `${service}.${namespace}.svc.cluster.local`],
      http: [{ route: [destination(live, 100), ...(other ? [destination(other, 0)] : [])] }]
    }
  }
}

/** Pure: weight per colour, read back from a VirtualService (for checks and logs). */
export function weightsOf(vs: unknown, service: string): Partial<Record<Colour, number>> {
  const routes = (
    vs as { spec?: { http?: { route?: { destination: { host: string }; weight?: number }[] }[] } }
  )?.spec?.http?.[0]?.route
  const out: Partial<Record<Colour, number>> = {}
  for (const route of routes ?? []) {
    const colour = /^(?:.*-)?(blue|green)\./.exec(route.destination.host)?.[1] as Colour | undefined
    if (colour && route.destination.host.startsWith(`${service}-`)) out[colour] = route.weight ?? 0
  }
  return out
}
