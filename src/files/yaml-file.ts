/** YAML documents that remember where each value came from, and schema checks that report the line. */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { isNode, LineCounter, parseDocument, type Document } from 'yaml'
import { ConfigFileError } from '../contracts/errors.js'

export interface YamlSource {
  readonly file: string
  readonly doc: Document.Parsed
  readonly lines: LineCounter
  readonly value: unknown
}

const ajv = new Ajv({ allErrors: false, strict: true })

export function compileSchema<T>(schema: object): ValidateFunction<T> {
  return ajv.compile<T>(schema)
}

/** Parses YAML text; syntax errors become a ConfigFileError with the line. */
export function parseYaml(text: string, file: string): YamlSource {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const first = doc.errors[0]
  if (first) {
    const line = first.linePos?.[0]?.line ?? lines.linePos(first.pos[0]).line
    throw new ConfigFileError(file, line, `invalid YAML: ${first.message.split('\n')[0]}`)
  }
  return { file, doc, lines, value: doc.toJS({ maxAliasCount: 100 }) as unknown }
}

/** The 1-based line of the node at `path`, or of its nearest existing parent. */
export function lineAt(src: YamlSource, path: readonly (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = src.doc.getIn(path.slice(0, depth), true)
    const start = isNode(node) ? node.range?.[0] : depth === 0 ? src.doc.contents?.range?.[0] : undefined
    if (start !== undefined) return src.lines.linePos(start).line
  }
  return undefined
}

/** Validates the parsed value; the first error names its location, line and what was expected. */
export function checkSchema<T>(src: YamlSource, validate: ValidateFunction<T>): T {
  if (validate(src.value)) return src.value
  const error = validate.errors?.[0]
  if (!error) throw new ConfigFileError(src.file, undefined, 'does not match its schema')
  const path = pointerToPath(error.instancePath)
  const where = path.length ? path.join('.') : 'document'
  throw new ConfigFileError(src.file, lineAt(src, path), `${where}: ${explain(error)}`)
}

export function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return []
  return pointer
    .slice(1)
    .split('/')
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(part => (/^\d+$/.test(part) ? Number(part) : part))
}

function explain(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'enum':
      return `expected one of ${(p.allowedValues as unknown[]).map(v => JSON.stringify(v)).join(', ')}`
    case 'additionalProperties':
      return `unknown key '${String(p.additionalProperty)}'`
    case 'required':
      return `missing required key '${String(p.missingProperty)}'`
    case 'type':
      return `expected ${String(p.type)}`
    default:
      return error.message ?? 'invalid'
  }
}
