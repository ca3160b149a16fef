/** Runs a gate's PromQL queries for a window, all at once: placeholders first, then one instant query each. */
import { ConfigFileError } from '../contracts/errors.js'
import { substitute, type Dialect, type QueryContext } from './placeholders.js'
import { queryInstant, type PrometheusEndpoint } from './query.js'

/**
 * The queries run at the window's end, but no sooner than this after it: a scrape that started before the
 * end lands (its samples are stamped with its start) within its scrape timeout, and the gate should see it.
 */
export const SETTLE_MS = 1_000

export interface QueryDefinition {
  readonly name: string
  readonly query: string
  readonly file: string
  readonly line?: number
}

/** What one query gave: the query as sent, and the value of every series, or why there is none. */
export interface Measurement {
  readonly name: string
  /** The query as sent: placeholders replaced. */
  readonly query: string
  readonly values: readonly number[] | null
  readonly reason?: string
}

export async function measureQueries(
  endpoint: PrometheusEndpoint,
  definitions: readonly QueryDefinition[],
  dialect: Dialect,
  context: QueryContext
): Promise<readonly Measurement[]> {
  // Every query is checked before any is sent: an unsupported placeholder is a file to fix, not a missing value.
  const queries = definitions.map(definition => {
    const substituted = substitute(definition.query, dialect, context)
    if ('unsupported' in substituted)
      throw new ConfigFileError(
        definition.file,
        definition.line,
        `${definition.name}: unsupported placeholder ${substituted.unsupported}`
      )
    return substituted.query
  })
  const window = context.window
  if (!window)
    return definitions.map(({ name }, i) => ({
      name,
      query: queries[i]!,
      values: null,
      reason: 'not queried: the tests did not run, so there is no test window'
    }))
  const early = window.end + SETTLE_MS - Date.now()
  if (early > 0) await new Promise(resolve => setTimeout(resolve, early))
  return Promise.all(
    definitions.map(async ({ name }, i) => {
      const query = queries[i]!
      const outcome = await queryInstant(endpoint, query, window.end)
      return outcome.values === null
        ? { name, query, values: null, reason: outcome.reason }
        : { name, query, values: outcome.values }
    })
  )
}
