/**
 * Reads and sets image.repository / image.tag in a Helm values file.
 *
 * Pure text in, text out. The document is edited in place (yaml round-trip), so keys people added, their
 * comments and their order survive; only the two scalars change.
 */
import { isMap, isScalar, type Document } from 'yaml'
import type { ImageRef } from '../contracts/config.js'
import { ConfigFileError } from '../contracts/errors.js'
import { parseYaml } from '../files/yaml-file.js'

const REPOSITORY = ['image', 'repository'] as const
const TAG = ['image', 'tag'] as const

// No re-folding of long strings and `[a, b]` kept as written: a change touches only the lines it must.
const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const

/** The image the file names, or undefined when it names none (missing file, or no image keys). */
export function readImage(text: string | undefined, file: string): ImageRef | undefined {
  if (text === undefined) return undefined
  const doc = load(text, file)
  const repository = scalarText(doc, REPOSITORY)
  const tag = scalarText(doc, TAG)
  return repository === undefined || tag === undefined ? undefined : { repository, tag }
}

/** The file with image.repository and image.tag set; a missing file becomes a new minimal one. */
export function writeImage(text: string | undefined, image: ImageRef, file: string): string {
  const doc = load(text ?? '', file)
  setScalar(doc, REPOSITORY, image.repository)
  setScalar(doc, TAG, image.tag)
  return doc.toString(TO_STRING)
}

function load(text: string, file: string): Document.Parsed {
  // Helm values are the chart's business: a .inf there is not ours to refuse.
  const { doc } = parseYaml(text, file, { finiteNumbers: false })
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new ConfigFileError(file, 1, 'expected a map of Helm values at the top level')
  }
  const image = doc.get('image', true)
  if (image !== undefined && !isMap(image) && !(isScalar(image) && image.value === null)) {
    throw new ConfigFileError(file, undefined, 'image: expected a map with repository and tag')
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
  if (isScalar(image) && image.value === null) doc.set('image', doc.createNode({}))
  doc.setIn(path, value)
}
