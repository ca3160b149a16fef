/**
 * Keptn's query placeholders, replaced as its services did (plain text replacement, every occurrence):
 * - sli.yaml (prometheus-service): the slo.yaml's filters first (`$<key>` and `$<KEY>`, the value without
 *   quotes), then `$PROJECT`, `$STAGE`, `$SERVICE`, `$DEPLOYMENT`, `$LABEL.<key>`, `$DURATION_SECONDS`
 *   (whole seconds with the unit: `300s`);
 * - perfspec.json and Keptn 0.5's service-indicators.yaml (pitometer-service): `$ENVIRONMENT` (the stage,
 *   as its later fix made it), `$DURATION_MINUTES` (whole minutes, no unit: queries write `[$DURATION_MINUTESm]`)
 *   and `$DURATION` (whole seconds with the unit).
 * Like Keptn, a placeholder is replaced wherever it occurs, also when letters follow (`$DURATION_MINUTESm`).
 * A `$NAME` left over is not Keptn's: it is refused rather than sent to Prometheus.
 */
import type { TimeWindow } from '../contracts/evaluation.js'

export interface QueryContext {
  readonly project: string
  readonly stage: string
  readonly service: string
  /** Keptn's deployment: `direct`, or `canary` while a blue/green colour is tested. */
  readonly deployment: string
  readonly labels: Readonly<Record<string, string>>
  /** The slo.yaml's `filter:` (sli.yaml only): `$<key>` and `$<KEY>` become the value, quotes removed. */
  readonly filters?: Readonly<Record<string, string>>
  /** The test run's; absent when the tests did not run (then nothing is queried). */
  readonly window?: TimeWindow
}

export type Dialect = 'sli' | 'pitometer'

export type Substituted = { readonly query: string } | { readonly unsupported: string }

export function substitute(query: string, dialect: Dialect, context: QueryContext): Substituted {
  const { start, end } = context.window ?? { start: 0, end: 0 }
  const seconds = Math.max(1, Math.ceil((end - start) / 1000))
  const filters = dialect === 'sli' ? Object.entries(context.filters ?? {}) : []
  const filterNames = filters.flatMap(([key]) => [`$${key}`, `$${key.toUpperCase()}`])
  const replacements: [RegExp, (match: string, key?: string) => string | undefined][] =
    dialect === 'sli'
      ? [
          ...filters.flatMap(([key, value]): [RegExp, () => string][] =>
            [key, key.toUpperCase()].map(name => [
              new RegExp(`\\$${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g'),
              () => value.replace(/['"]/g, '')
            ])
          ),
          [/\$LABEL\.([A-Za-z0-9_.-]+)/g, (_, key) => context.labels[key!]],
          [/\$DURATION_SECONDS/g, () => `${seconds}s`],
          [/\$PROJECT/g, () => context.project],
          [/\$STAGE/g, () => context.stage],
          [/\$SERVICE/g, () => context.service],
          [/\$DEPLOYMENT/g, () => context.deployment]
        ]
      : [
          [/\$DURATION_MINUTES/g, () => String(Math.ceil(seconds / 60))],
          [/\$DURATION/g, () => `${seconds}s`],
          [/\$ENVIRONMENT/g, () => context.stage]
        ]
  // Every `$NAME` must be one of the dialect's own: Keptn's plain replacement would turn a `$DURATION_SECONDS`
  // in a perfspec into `90s_SECONDS`, a query error far from its cause.
  for (const [token] of query.matchAll(/\$[A-Z][A-Z0-9_]*/g))
    if (!NAMES[dialect].includes(token) && !filterNames.includes(token))
      return { unsupported: `${token} (not a placeholder of Keptn's ${KNOWN[dialect]})` }
  let out = query
  for (const [pattern, value] of replacements) {
    let missing: string | undefined
    out = out.replace(pattern, (match: string, key?: string) => {
      const replaced = value(match, key) || undefined
      if (replaced === undefined) missing ??= match
      return replaced ?? match
    })
    if (missing) return { unsupported: `${missing} (no value for it was given)` }
  }
  return { query: out }
}

const NAMES: Record<Dialect, readonly string[]> = {
  sli: ['$PROJECT', '$STAGE', '$SERVICE', '$DEPLOYMENT', '$DURATION_SECONDS', '$LABEL'],
  pitometer: ['$ENVIRONMENT', '$DURATION_MINUTES', '$DURATION']
}

const KNOWN: Record<Dialect, string> = {
  sli: 'sli.yaml: $PROJECT $STAGE $SERVICE $DEPLOYMENT $DURATION_SECONDS $LABEL.<key>',
  pitometer: 'pitometer: $ENVIRONMENT $DURATION_MINUTES $DURATION'
}
