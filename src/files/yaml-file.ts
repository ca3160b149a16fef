/** YAML documents that remember where each value came from, and schema checks that report the line. */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { isNode, LineCounter, parseDocument, visit, type Document } from 'yaml'
import { ConfigFileError } from '../contracts/errors.js'
import { clip, excerpt } from './excerpt.js'
import { withoutContent } from './user-file.js'

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

export interface ParseOptions {
  /**
   * Refuse numbers that are not finite (.inf, .nan, 1e999): none of our files has a use for them and they
   * turn sums into NaN. On by default; off for files whose numbers are someone else's (Helm values).
   */
  readonly finiteNumbers?: boolean
}

/** Parses YAML text; syntax errors and non-finite numbers become a ConfigFileError with the line. */
export function parseYaml(text: string, file: string, options: ParseOptions = {}): YamlSource {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const first = doc.errors[0]
  if (first) {
    const line = first.linePos?.[0]?.line ?? lines.linePos(first.pos[0]).line
    // The parser's own words only: never the bytes of the file (it may not be a text file of the user's).
    throw withoutContent(
      new ConfigFileError(file, line, `invalid YAML: ${clip(first.message.split('\n')[0], 120)}`)
    )
  }
  if (options.finiteNumbers !== false) refuseNonFinite(doc, lines, file)
  return { file, doc, lines, value: doc.toJS({ maxAliasCount: 100 }) as unknown }
}

function refuseNonFinite(doc: Document.Parsed, lines: LineCounter, file: string): void {
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'number' || Number.isFinite(node.value)) return
      const line = node.range ? lines.linePos(node.range[0]).line : undefined
      const written = typeof node.source === 'string' ? node.source : String(node.value)
      throw new ConfigFileError(
        file,
        line,
        `expected a finite number, got ${excerpt(written, 40)} (infinite and not-a-number values are refused)`
      )
    }
  })
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
  throw withoutContent(new ConfigFileError(src.file, lineAt(src, path), `${where}: ${explain(error)}`))
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
      return `unknown key '${clip(String(p.additionalProperty), 60)}'`
    case 'required':
      return `missing required key '${String(p.missingProperty)}'`
    case 'type':
      return `expected ${String(p.type)}`
    default:
      return error.message ?? 'invalid'
  }
}
