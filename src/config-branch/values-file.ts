/**
 * Reads and sets the image in a Helm values file, in the shape the chart reads it:
 *   `image: repo:tag` (one string, as Keptn's example charts have it),
 *   `image: {repository, tag}`, or `image: {registry, repository, tag}`.
 *
 * Pure text in, text out. The document is edited in place (yaml round-trip), so keys people added, their
 * comments and their order survive; only the image's scalars change.
 */
import { isMap, isScalar, type Document } from 'yaml'
import type { ImageRef } from '../contracts/config.js'
import { ConfigFileError } from '../contracts/errors.js'
import { splitReference } from '../contracts/names.js'
import { parseYaml } from '../files/yaml-file.js'

export type ImageShape = 'string' | 'repository-tag' | 'registry-repository-tag'

// No re-folding of long strings and `[a, b]` kept as written: a change touches only the lines it must.
const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const

/** The image the file names, or undefined when it names none (missing file, or no image keys). */
export function readImage(text: string | undefined, file: string): ImageRef | undefined {
  if (text === undefined) return undefined
  const doc = load(text, file)
  const image = doc.get('image', true)
  if (isScalar(image))
    return typeof image.value === 'string' ? withTag(splitReference(image.value)) : undefined
  const repository = scalarText(doc, ['image', 'repository'])
  const tag = scalarText(doc, ['image', 'tag'])
  if (repository === undefined || tag === undefined) return undefined
  const registry = scalarText(doc, ['image', 'registry'])
  return { repository: registry ? `${registry}/${repository}` : repository, tag }
}

/** The shape of the file's `image`, or undefined when it has none (then the chart's own values decide). */
export function imageShape(text: string | undefined, file: string): ImageShape | undefined {
  if (text === undefined) return undefined
  const image = load(text, file).get('image', true)
  if (isScalar(image)) return typeof image.value === 'string' ? 'string' : undefined
  if (!isMap(image)) return undefined
  return image.has('registry') ? 'registry-repository-tag' : 'repository-tag'
}

/**
 * The file with the image set in its own shape; a file without an image takes `shape` (the chart's
 * values.yaml's), else image.repository and image.tag. A missing file becomes a new minimal one.
 */
export function writeImage(
  text: string | undefined,
  image: ImageRef,
  file: string,
  shape: ImageShape = 'repository-tag'
): string {
  const doc = load(text ?? '', file)
  const own = imageShape(text, file) ?? shape
  if (own === 'string') {
    setScalar(doc, ['image'], `${image.repository}:${image.tag}`)
  } else if (own === 'registry-repository-tag') {
    const { registry, path } = splitRegistry(image.repository)
    setScalar(doc, ['image', 'registry'], registry)
    setScalar(doc, ['image', 'repository'], path)
    setScalar(doc, ['image', 'tag'], image.tag)
  } else {
    setScalar(doc, ['image', 'repository'], image.repository)
    setScalar(doc, ['image', 'tag'], image.tag)
  }
  return doc.toString(TO_STRING)
}

/**
 * The registry part of a repository, as Docker tells it: a first component with a dot or a port, or
 * `localhost`; otherwise Docker Hub (`docker.io`), which charts with a registry key name explicitly.
 */
export function splitRegistry(repository: string): { registry: string; path: string } {
  const slash = repository.indexOf('/')
  const first = slash < 0 ? '' : repository.slice(0, slash)
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost'))
    return { registry: first, path: repository.slice(slash + 1) }
  return { registry: 'docker.io', path: repository }
}

/** A reference without a tag names no image a values file could hold. */
function withTag({ repository, tag }: ReturnType<typeof splitReference>): ImageRef | undefined {
  return tag === undefined ? undefined : { repository, tag }
}

function load(text: string, file: string): Document.Parsed {
  // Helm values are the chart's business: a .inf there is not ours to refuse.
  const { doc } = parseYaml(text, file, { finiteNumbers: false })
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new ConfigFileError(file, 1, 'expected a map of Helm values at the top level')
  }
  const image = doc.get('image', true)
  const usable =
    image === undefined ||
    isMap(image) ||
    (isScalar(image) && (image.value === null || typeof image.value === 'string'))
  if (!usable) {
    throw new ConfigFileError(
      file,
      undefined,
      'image: expected repo:tag, or a map with repository and tag (and registry)'
    )
  }
  return doc
}

/**
 * The scalar as written. A tag like `1.10` parses as the number 1.1, so plain scalars are read from
 * their source text.
 */
function scalarText(doc: Document.Parsed, path: readonly string[]): string | undefined {
  const node = doc.getIn(path, true)
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined
  if (typeof node.value === 'string') return node.value
  return node.source ?? String(node.value)
}

/** Changes the existing scalar node when there is one, so its comment and quoting style stay. */
function setScalar(doc: Document.Parsed, path: readonly string[], value: string): void {
  const node = doc.getIn(path, true)
  if (isScalar(node)) {
    node.value = value
    delete node.source
    return
  }
  // `image:` with no value: give it a map in the same place.
  const image = doc.get('image', true)
  if (path.length > 1 && isScalar(image) && image.value === null) doc.set('image', doc.createNode({}))
  doc.setIn(path, value)
}
