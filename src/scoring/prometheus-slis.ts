/**
 * The Prometheus half of `evaluate`, imported only when a gate queries Prometheus: its sli.yaml and
 * perfspec readers bring in the YAML parser and ajv, most of what the CLI would otherwise load (and
 * compile) before reading a results file.
 */
import type { Evaluation, PrometheusGate } from '../contracts/evaluation.js'
import { measureQueries, type Measurement } from '../prometheus/measure.js'
import { loadPerfSpec, loadServiceObjectives } from '../prometheus/perfspec.js'
import type { QueryContext } from '../prometheus/placeholders.js'
import type { PrometheusEndpoint } from '../prometheus/query.js'
import { loadSliFile } from '../prometheus/sli-file.js'
import type { SliValue } from '../results-file/sli.js'
import { gradePerfSpec } from './pitometer.js'

export interface PrometheusInput {
  readonly endpoint: PrometheusEndpoint
  readonly gate: PrometheusGate
  readonly context: QueryContext
}

/** An SLI of the sli.yaml: its value (or why there is none) and the query that measured it. */
export interface QueriedSli {
  readonly value: SliValue
  readonly query: string
}

export async function pitometerGate(
  { endpoint, context }: PrometheusInput,
  gate: Exclude<PrometheusGate, { kind: 'sli' }>
): Promise<Evaluation> {
  const spec =
    gate.kind === 'perfspec'
      ? loadPerfSpec(gate.file)
      : loadServiceObjectives(gate.indicators, gate.objectives)
  const definitions = spec.indicators.map(i => ({ ...i, name: i.id }))
  return gradePerfSpec(spec, await measureQueries(endpoint, definitions, 'pitometer', context))
}

/** The SLIs of an sli.yaml, by name, queried with the slo.yaml's filters. */
export async function sliQueries(
  { endpoint, context }: PrometheusInput,
  file: string,
  filters: Readonly<Record<string, string>> | undefined
): Promise<ReadonlyMap<string, QueriedSli>> {
  const withFilters = filters ? { ...context, filters } : context
  const measurements = await measureQueries(endpoint, loadSliFile(file), 'sli', withFilters)
  return new Map(measurements.map(m => [m.name, { value: sliValueOf(m), query: m.query }]))
}

/** An sli.yaml query must give one number, as Keptn's prometheus-service required. */
function sliValueOf(m: Measurement): SliValue {
  if (m.values === null) return { value: null, reason: `${m.reason} (query: ${m.query})` }
  if (m.values.length > 1)
    return {
      value: null,
      reason: `the query returned ${m.values.length} series, not one: aggregate it, e.g. with sum() or avg() (query: ${m.query})`
    }
  return { value: m.values[0]! }
}
