/**
 * The stage's public URL, as Keptn gave each stage one: `http://<service>.<namespace>.<domain>`, through a
 * `networking.k8s.io/v1` Ingress, or where the cluster serves Istio's API through an Istio Gateway and a
 * VirtualService, as Keptn did. Both send the host to the stable Service, which selects the live colour:
 * the public host always reaches what the gate promoted.
 */
import { DeployError, InputError } from '../contracts/errors.js'
import { isDnsName } from '../contracts/names.js'
import type { Kubectl } from '../programs/kubectl.js'
import { ISTIO_GROUP } from './istio.js'

const MANAGED = { 'app.kubernetes.io/managed-by': 'carts-deploy' }

/** What routes the host: the URL, the objects (in words), and the ingress controller's published address. */
export interface Exposed {
  readonly url: string
  readonly kind: 'ingress' | 'istio'
  readonly via: string
  readonly address?: string
}

export interface PublicRoute {
  readonly service: string
  readonly namespace: string
  readonly host: string
  readonly port: number
  /** Empty: the cluster's default IngressClass. */
  readonly ingressClass?: string
}

/** Istio's Gateway and VirtualService APIs both served (a mesh with only VirtualServices gets an Ingress). */
async function servesIstioGateways(kubectl: Kubectl): Promise<boolean> {
  const served = await kubectl.apiResources(ISTIO_GROUP)
  return served.includes(`gateways.${ISTIO_GROUP}`) && served.includes(`virtualservices.${ISTIO_GROUP}`)
}

/** Pure: Keptn's host for a stage; refused when DNS could not carry it. */
export function publicHost(service: string, namespace: string, domain: string): string {
  const host = `${service}.${namespace}.${domain}`.toLowerCase()
  if (!isDnsName(host))
    throw new InputError(
      'domain',
      `a DNS domain under which ${service}.${namespace}.<domain> is a valid host name`,
      domain
    )
  return host
}

/** Pure: an Ingress sending every path of the host to the stable Service. */
export function ingressFor(route: PublicRoute): object {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: route.service, namespace: route.namespace, labels: MANAGED },
    spec: {
      ...(route.ingressClass ? { ingressClassName: route.ingressClass } : {}),
      rules: [
        {
          host: route.host,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: route.service, port: { number: route.port } } }
              }
            ]
          }
        }
      ]
    }
  }
}

/** Pure: Keptn's way on Istio: a Gateway for the host and a VirtualService to the stable Service. */
export function istioRouteFor(route: PublicRoute): object[] {
  const name = `${route.service}-public`
  return [
    {
      apiVersion: `${ISTIO_GROUP}/v1`,
      kind: 'Gateway',
      metadata: { name, namespace: route.namespace, labels: MANAGED },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: [route.host] }]
      }
    },
    {
      apiVersion: `${ISTIO_GROUP}/v1`,
      kind: 'VirtualService',
      metadata: { name, namespace: route.namespace, labels: MANAGED },
      spec: {
        hosts: [route.host],
        gateways: [name],
        http: [
          {
            route: [
              {
                destination: {
                  host: `${route.service}.${route.namespace}.svc.cluster.local`,
                  port: { number: route.port }
                }
              }
            ]
          }
        ]
      }
    }
  ]
}

/**
 * Applies the route (server-side apply: idempotent) and reads it back: the URL is said only once the
 * cluster holds an object that sends the host to the stable Service.
 */
export async function exposeStage(
  kubectl: Kubectl,
  names: { readonly service: string; readonly deployed: string; readonly namespace: string },
  domain: string,
  ingressClass: string | undefined
): Promise<Exposed> {
  const { service, namespace } = names
  const host = publicHost(service, namespace, domain)
  // The port of the service just deployed: blue/green's stable Service has the same, and exists only once
  // a colour was promoted.
  const deployed = await kubectl.getJson<ServiceJson>('service', names.deployed, namespace)
  const port = deployed?.spec?.ports?.[0]?.port
  if (port === undefined)
    throw new DeployError(`service ${names.deployed} in ${namespace} has no port to route ${host} to`)
  const route = { service, namespace, host, port, ...(ingressClass ? { ingressClass } : {}) }
  if (await servesIstioGateways(kubectl)) {
    await kubectl.apply(namespace, istioRouteFor(route))
    return { url: `http://${host}`, kind: 'istio', via: `Istio Gateway and VirtualService ${service}-public` }
  }
  await kubectl.apply(namespace, [ingressFor(route)])
  const ingress = await controllerAddress(kubectl, service, namespace)
  const rule = ingress?.spec?.rules?.find(r => r.host === host)
  const backend = rule?.http?.paths?.[0]?.backend?.service
  if (backend?.name !== service)
    throw new DeployError(`ingress ${service} in ${namespace} does not send ${host} to service ${service}`)
  const className = ingress?.spec?.ingressClassName
  const lb = ingress?.status?.loadBalancer?.ingress?.[0]
  const address = lb?.ip ?? lb?.hostname
  return {
    url: `http://${host}`,
    kind: 'ingress',
    via: `Ingress ${service}${className ? ` (class ${className})` : ''}`,
    ...(address ? { address } : {})
  }
}

/** How long an ingress controller may take to publish its address into a new Ingress's status. */
export const ADDRESS_DEADLINE_MS = 10_000

/** The Ingress once a controller has written its address into the status, or as it is at the deadline. */
async function controllerAddress(
  kubectl: Kubectl,
  name: string,
  namespace: string
): Promise<IngressJson | undefined> {
  const end = Date.now() + ADDRESS_DEADLINE_MS
  for (;;) {
    const ingress = await kubectl.getJson<IngressJson>('ingress', name, namespace)
    if (ingress?.status?.loadBalancer?.ingress?.length || Date.now() >= end) return ingress
    await new Promise(resolve => setTimeout(resolve, 250))
  }
}

interface ServiceJson {
  readonly spec?: { readonly ports?: readonly { readonly port?: number }[] }
}

interface IngressJson {
  readonly status?: {
    readonly loadBalancer?: {
      readonly ingress?: readonly { readonly ip?: string; readonly hostname?: string }[]
    }
  }
  readonly spec?: {
    readonly ingressClassName?: string
    readonly rules?: readonly {
      readonly host?: string
      readonly http?: {
        readonly paths?: readonly { readonly backend?: { readonly service?: { readonly name?: string } } }[]
      }
    }[]
  }
}
