/** Pure: where the tests reach a service, from the `service-url` input. */
import type { ServiceAccess } from '../contracts/config.js'

export interface UrlVars {
  readonly service: string
  readonly namespace: string
  readonly stage: string
  readonly project: string
}

/** The service-url template with {service} {namespace} {stage} {project} replaced. */
export function renderServiceUrl(template: string, vars: UrlVars): string {
  return template.replace(/\{(service|namespace|stage|project)\}/g, (_, key: keyof UrlVars) => vars[key])
}

/** The URL a template gives; none for a port-forward, whose local port exists only while the tests run. */
export function serviceUrlOf(access: ServiceAccess, vars: UrlVars): string | undefined {
  return access.kind === 'url' ? renderServiceUrl(access.template, vars) : undefined
}

interface ServicePortJson {
  readonly name?: string
  readonly port: number
  readonly protocol?: string
}

/** The port a port-forward goes to: the TCP port named `http`, else the first TCP port; none without one. */
export function httpPortOf(ports: readonly ServicePortJson[] | undefined): number | undefined {
  const tcp = (ports ?? []).filter(p => (p.protocol ?? 'TCP') === 'TCP')
  return (tcp.find(p => p.name === 'http') ?? tcp[0])?.port
}
