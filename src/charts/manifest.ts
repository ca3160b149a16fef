/**
 * Pure: a rendered helm manifest as objects, each with the chart file that rendered it (helm's
 * `# Source:` comment), and back to text for helm.
 */
import { parseAllDocuments, stringify } from 'yaml'
import { DeployError } from '../contracts/errors.js'

export type Labels = Record<string, string>

/** Fields of any kind's spec: read and rewritten by path, whatever the kind. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shape depends on the kind
export type Fields = Record<string, any>

/** The parts of a Kubernetes object this project reads or rewrites; everything else passes through. */
export interface KubeObject {
  kind?: string
  metadata?: { name?: string; labels?: Labels; annotations?: Labels; [key: string]: unknown }
  spec?: Fields
  [key: string]: unknown
}

export interface Rendered {
  readonly object: KubeObject
  /** `templates/deployment.yaml`: the chart file, without the chart's name. */
  readonly source?: string
}

const SOURCE = /^#\s*Source:\s*[^/\s]+\/(\S+)/m

export function parseManifest(manifest: string): Rendered[] {
  return parseAllDocuments(manifest).flatMap(doc => {
    if (doc.errors.length > 0)
      throw new DeployError(`the rendered manifest is not YAML: ${doc.errors[0]!.message}`)
    const object = doc.toJS({ maxAliasCount: 100 }) as KubeObject | null
    if (!object || typeof object !== 'object') return []
    const comment =
      doc.commentBefore ?? (doc.contents as { commentBefore?: string | null } | null)?.commentBefore
    const source = SOURCE.exec(`#${comment ?? ''}`)?.[1]
    return [{ object, ...(source ? { source } : {}) }]
  })
}

export function printManifest(rendered: readonly Rendered[]): string {
  return rendered
    .map(({ object, source }) => `---\n${source ? `# Source: ${source}\n` : ''}${stringify(object)}`)
    .join('')
}

/** Helm hooks (tests, jobs) are not part of what serves. */
export function isHook(object: KubeObject): boolean {
  return Boolean(object.metadata?.annotations?.['helm.sh/hook'])
}

export function nameOf(object: KubeObject): string {
  return object.metadata?.name ?? ''
}
