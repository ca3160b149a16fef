/**
 * Where the tests reach the new version for as long as they run: the URL of the `service-url` template,
 * or a `kubectl port-forward` to its Service that is closed afterwards (a runner outside the cluster).
 */
import { DeployError } from '../contracts/errors.js'
import type { RunContext } from '../contracts/run.js'
import { clusterFor } from './cluster.js'
import { httpPortOf, renderServiceUrl } from './service-url.js'

export interface ServiceEndpoint {
  readonly url: string
  /** Lets go of the port-forward; nothing for a URL. Safe to call more than once. */
  close(): Promise<void>
}

/** `lifetimeMs` bounds a port-forward even if close() is never reached. */
export async function openServiceEndpoint(
  ctx: RunContext,
  service: string,
  lifetimeMs: number
): Promise<ServiceEndpoint> {
  const access = ctx.config.serviceAccess
  if (access.kind === 'url')
    return { url: renderServiceUrl(access.template, { ...ctx.plan, service }), close: async () => {} }
  const namespace = ctx.plan.namespace
  const { kubectl } = await clusterFor(ctx)
  const port = await servicePort(ctx, service, 'service-url port-forward')
  const forward = await kubectl.portForward(service, namespace, port, lifetimeMs)
  const url = `http://127.0.0.1:${forward.localPort}`
  ctx.log.info(
    `the tests reach service/${service}:${port} in ${namespace} through kubectl port-forward: ${url}`
  )
  return { url, close: () => forward.close() }
}

/**
 * The URL inside the cluster (load engines there): the service's DNS name, or the `service-url` template
 * when one is given (a cluster whose DNS domain is not the usual one).
 */
export async function inClusterServiceUrl(ctx: RunContext, service: string): Promise<string> {
  const access = ctx.config.serviceAccess
  if (access.kind === 'url') return renderServiceUrl(access.template, { ...ctx.plan, service })
  const port = await servicePort(ctx, service, 'load-engines')
  return `http://${service}.${ctx.plan.namespace}.svc:${port}`
}

/** The service's HTTP port, or why there is none; `purpose` names the input that needs it. */
async function servicePort(ctx: RunContext, service: string, purpose: string): Promise<number> {
  const namespace = ctx.plan.namespace
  const { kubectl } = await clusterFor(ctx)
  const found = await kubectl.getJson<{ spec: { ports?: { name?: string; port: number }[] } }>(
    'service',
    service,
    namespace
  )
  if (!found)
    throw new DeployError(
      `${purpose}: there is no service ${service} in ${namespace} (the chart must create it)`
    )
  const port = httpPortOf(found.spec.ports)
  if (port === undefined)
    throw new DeployError(`${purpose}: service ${service} in ${namespace} has no TCP port`)
  return port
}
