/**
 * Keptn 0.6+ `sli.yaml`: the PromQL query of each SLI, as Keptn's prometheus-service read it
 * (`spec_version` and `indicators: {name: query}`). Read unchanged from a Keptn repository; anything else
 * is refused with the file and line.
 */
import { ConfigFileError } from '../contracts/errors.js'
import { parseUserFile } from '../files/user-file.js'
import { lineAt, parseYaml } from '../files/yaml-file.js'

/** One SLI and the query that measures it, placeholders still in. */
export interface SliQuery {
  readonly name: string
  readonly query: string
  /** Where it is written, for messages and the summary. */
  readonly file: string
  readonly line?: number
}

export function loadSliFile(file: string): readonly SliQuery[] {
  return parseUserFile(file, 'yaml', text => parseSliFile(text, file))
}

const KNOWN = new Set(['spec_version', 'indicators'])

export function parseSliFile(text: string, file: string): readonly SliQuery[] {
  const src = parseYaml(text, file)
  const raw = src.value
  if (raw === null || raw === undefined) throw new ConfigFileError(file, 1, 'is empty')
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigFileError(file, 1, 'expected a mapping with spec_version and indicators')
  for (const key of Object.keys(raw))
    if (!KNOWN.has(key))
      throw new ConfigFileError(
        file,
        lineAt(src, [key]),
        `${key}: not part of Keptn's sli.yaml (expected spec_version and indicators)`
      )
  const { spec_version: version, indicators } = raw as { spec_version?: unknown; indicators?: unknown }
  if (version !== undefined && typeof version !== 'string' && typeof version !== 'number')
    throw new ConfigFileError(file, lineAt(src, ['spec_version']), 'spec_version: expected a string')
  if (indicators === null || typeof indicators !== 'object' || Array.isArray(indicators))
    throw new ConfigFileError(
      file,
      lineAt(src, ['indicators']),
      'indicators: expected a mapping of SLI name to PromQL query'
    )
  const queries = Object.entries(indicators as Record<string, unknown>).map(([name, query]) => {
    const line = lineAt(src, ['indicators', name])
    if (typeof query !== 'string' || query.trim() === '')
      throw new ConfigFileError(
        file,
        line,
        `indicators.${name}: expected a PromQL query (a non-empty string)`
      )
    return { name, query: query.trim(), file, ...(line === undefined ? {} : { line }) }
  })
  if (queries.length === 0)
    throw new ConfigFileError(file, lineAt(src, ['indicators']), 'indicators: none given')
  return queries
}
