/** Pure: the URL the tests reach a service at, from the `service-url` template. */

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
