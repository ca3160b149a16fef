/** Shapes shared by the evaluation modules: SLO objectives, criteria and the Evaluation they produce. */

export type Result = 'pass' | 'warning' | 'fail'

/** A span of time in epoch milliseconds (a test run's): what server-side SLIs are queried for. */
export interface TimeWindow {
  readonly start: number
  readonly end: number
}
export type Status = Result | 'info'
export type Operator = '<' | '<=' | '=' | '>=' | '>'
export type AggregateFunction = 'avg' | 'p50' | 'p90' | 'p95'
export type IncludeResult = 'pass' | 'pass_or_warn' | 'all'
export type CompareWith = 'single_result' | 'several_results'

/** One parsed criterion string such as `<=+10%` or `<600`. */
export interface Criterion {
  readonly text: string
  readonly operator: Operator
  /** The signed number as written (`+10`, `-5`, `600`). */
  readonly amount: number
  readonly percent: boolean
  /** `%` suffix or a leading sign: compared with earlier runs, not with a fixed number. */
  readonly relative: boolean
}

/** A criteria list (all must hold); an objective's `pass` holds if any of its lists holds. */
export type CriteriaGroup = readonly Criterion[]

/** A criterion string that does not parse: the objective fails with this message. */
export interface CriterionError {
  readonly text: string
  readonly message: string
}

export interface Objective {
  readonly sli: string
  readonly displayName?: string
  readonly keySli: boolean
  readonly weight: number
  readonly pass: readonly CriteriaGroup[]
  readonly warning: readonly CriteriaGroup[]
  /** Malformed criteria found while parsing; any makes the objective fail. */
  readonly errors: readonly CriterionError[]
  /** 1-based line of the objective in its file (slo.yaml), when it came from one. */
  readonly line?: number
}

export interface Comparison {
  readonly compareWith: CompareWith
  readonly includeResultWithScore: IncludeResult
  readonly numberOfComparisonResults: number
  readonly aggregateFunction: AggregateFunction
}

export interface Slo {
  readonly file?: string
  readonly comparison: Comparison
  readonly objectives: readonly Objective[]
  /** Percentages, e.g. 90 for "90%". warning null: there is no warning band. */
  readonly totalScore: { readonly pass: number; readonly warning: number | null }
  /** Keptn's `filter:` of the slo.yaml: `$<key>` placeholders of the sli.yaml queries. */
  readonly filters?: Readonly<Record<string, string>>
  /** Notes found while reading the SLO (defaults applied, Keptn surprises). */
  readonly notes: readonly string[]
}

/** A criterion with the number it was compared against. */
export interface Target {
  readonly criterion: string
  /** Index of the criteria list this criterion belongs to. */
  readonly group: number
  readonly operator: Operator
  /** The resolved number; null for a relative criterion without earlier values (it holds). */
  readonly target: number | null
  readonly relative: boolean
  readonly violated: boolean
}

/** Which Keptn files hold the Prometheus queries (and, for pitometer, the whole gate). */
export type PrometheusGate =
  | { readonly kind: 'sli'; readonly file: string }
  | { readonly kind: 'perfspec'; readonly file: string }
  | { readonly kind: 'service-objectives'; readonly indicators: string; readonly objectives: string }

/** Where an SLI's value came from. */
export type SliSource =
  | { readonly kind: 'results-file' }
  | { readonly kind: 'values' }
  | { readonly kind: 'prometheus'; readonly query: string }

export interface Indicator {
  readonly sli: string
  readonly source?: SliSource
  readonly displayName?: string
  readonly value: number | null
  readonly status: Status
  readonly score: number
  readonly weight: number
  readonly keySli: boolean
  /** Aggregate of the earlier values (avg/p50/p90/p95), null without a baseline. */
  readonly comparedValue: number | null
  /** Earlier values used for comparison, newest first. */
  readonly comparedValues: readonly number[]
  readonly passTargets: readonly Target[]
  readonly warningTargets: readonly Target[]
  readonly reason: string
  /** Where the objective is written: slo.yaml line, for annotations. */
  readonly sloFile?: string
  readonly line?: number
}

export interface ComparisonSummary extends Comparison {
  /** 'none': no earlier run matched, relative criteria held by default. */
  readonly baseline: 'none' | number
}

export interface Evaluation {
  readonly result: Result
  /** Percentage 0-100 (rounded to 2 decimals). */
  readonly score: number
  readonly indicators: readonly Indicator[]
  readonly totalScore: { readonly pass: number; readonly warning: number | null }
  /** 'pitometer': a perfspec gate, whose score and thresholds are points (the sum of metric scores), not %. */
  readonly scoring?: 'pitometer'
  readonly comparison: ComparisonSummary
  /** Why the result is what it is, in words; the first one is the headline. */
  readonly reasons: readonly string[]
  readonly warnings: readonly string[]
  /** Samples read from the results file (absent with --values). */
  readonly samples?: number
  readonly resultsFile?: string
  /** Several results files judged as one test: each file's samples (`samples` is their sum). */
  readonly resultsFiles?: readonly { readonly file: string; readonly samples: number }[]
  readonly sloFile?: string
  /**
   * The Prometheus queried, the window the queries were for (they ran at its end), and how long the gate
   * waited for it (the settle after the window and the queries).
   */
  readonly prometheus?: { readonly url: string; readonly window?: TimeWindow; readonly seconds: number }
  /** Every SLI value computed or given, including those no objective uses. */
  readonly slis: Readonly<Record<string, number | null>>
}

/** One earlier evaluation, as kept in history (an earlier `evaluate --json` output). */
export interface HistoryRun {
  readonly result: Result
  readonly indicators: readonly { readonly sli: string; readonly value: number | null }[]
  readonly slis?: Readonly<Record<string, number | null>>
}

/** What the config branch keeps of each evaluation: enough for relative criteria and the trend chart. */
export interface EvaluationRecord extends HistoryRun {
  readonly tag: string
  readonly score: number
  /** ISO 8601. */
  readonly time: string
  readonly runUrl?: string
}
