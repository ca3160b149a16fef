/** Keptn slo.yaml: schema, defaults, and objectives that remember their line. */
import { ConfigFileError } from '../contracts/errors.js'
import type {
  AggregateFunction,
  Comparison,
  Criterion,
  CompareWith,
  CriteriaGroup,
  CriterionError,
  IncludeResult,
  Objective,
  Slo
} from '../contracts/evaluation.js'
import { check, type MiniSchema } from '../files/mini-schema.js'
import { parseUserFile } from '../files/user-file.js'
import { lineAt, parseYaml, type YamlSource } from '../files/yaml-file.js'
import { hasInfiniteNumber, isCriterionError, parseCriterion } from './criteria.js'
import { DEFAULT_COMPARISON } from './history.js'

type Scalar = string | number | boolean
interface RawGroup {
  criteria?: Scalar[] | null
}
interface RawObjective {
  sli: string
  displayName?: string | null
  key_sli?: boolean | null
  weight?: number | null
  pass?: RawGroup[] | null
  warning?: RawGroup[] | null
}
interface RawSlo {
  spec_version?: string | number
  filter?: object | null
  comparison?: {
    compare_with?: CompareWith | null
    include_result_with_score?: IncludeResult | null
    number_of_comparison_results?: number | null
    aggregate_function?: AggregateFunction | null
  } | null
  objectives?: RawObjective[] | null
  total_score?: { pass?: string | number | null; warning?: string | number | null } | null
}

const scalar: MiniSchema = { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }
const groups: MiniSchema = {
  type: 'array',
  nullable: true,
  items: {
    type: 'object',
    nullable: true,
    properties: { criteria: { type: 'array', nullable: true, items: scalar } },
    additionalProperties: false
  }
}
const percent: MiniSchema = { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'null' }] }

const SCHEMA: MiniSchema = {
  type: 'object',
  properties: {
    spec_version: { anyOf: [{ type: 'string' }, { type: 'number' }] },
    filter: { type: 'object', nullable: true },
    comparison: {
      type: 'object',
      nullable: true,
      properties: {
        compare_with: { type: 'string', nullable: true, enum: ['single_result', 'several_results', null] },
        include_result_with_score: {
          type: 'string',
          nullable: true,
          enum: ['pass', 'pass_or_warn', 'all', null]
        },
        number_of_comparison_results: { type: 'integer', nullable: true, minimum: 1 },
        aggregate_function: { type: 'string', nullable: true, enum: ['avg', 'p50', 'p90', 'p95', null] }
      },
      additionalProperties: false
    },
    objectives: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        required: ['sli'],
        properties: {
          sli: { type: 'string', minLength: 1 },
          displayName: { type: 'string', nullable: true },
          key_sli: { type: 'boolean', nullable: true },
          weight: { type: 'number', nullable: true, minimum: 0 },
          pass: groups,
          warning: groups
        },
        additionalProperties: false
      }
    },
    total_score: {
      type: 'object',
      nullable: true,
      properties: { pass: percent, warning: percent },
      additionalProperties: false
    }
  },
  additionalProperties: false
}

export function loadSlo(file: string): Slo {
  return parseUserFile(file, 'yaml', text => parseSlo(text, file))
}

/** Parses slo.yaml text; schema errors throw ConfigFileError with the line. */
export function parseSlo(text: string, file: string): Slo {
  const src = parseYaml(text, file)
  if (src.value === null || src.value === undefined) throw new ConfigFileError(file, 1, 'is empty')
  const error = check(SCHEMA, src.value)
  if (error) {
    const where = error.path.length ? error.path.join('.') : 'document'
    throw new ConfigFileError(file, lineAt(src, error.path), `${where}: ${error.message}`)
  }
  const raw = src.value as RawSlo
  const notes: string[] = []
  const objectives = (raw.objectives ?? []).map((o, i) => {
    const lineOf = (...path: (string | number)[]) => lineAt(src, ['objectives', i, ...path])
    return objective(
      o,
      lineOf,
      notes,
      (line, detail) => new ConfigFileError(file, line, `objectives.${i}.${detail}`)
    )
  })
  checkWeights(objectives, file, i => lineAt(src, ['objectives', i, 'weight']))
  const totalScore = {
    pass: scoreThreshold(raw.total_score?.pass, 'pass', file, lineAt(src, ['total_score', 'pass'])),
    warning: scoreThreshold(
      raw.total_score?.warning,
      'warning',
      file,
      lineAt(src, ['total_score', 'warning'])
    )
  }
  if (totalScore.pass === null) notes.push(`${file}: no total_score.pass; a score of 90% is needed to pass`)
  return {
    file,
    comparison: comparison(raw),
    objectives,
    totalScore: { pass: totalScore.pass ?? 90, warning: totalScore.warning },
    ...(raw.filter && Object.keys(raw.filter).length ? { filters: filtersOf(raw.filter, src) } : {}),
    notes
  }
}

/** Keptn's `filter:` (e.g. `handler: ItemsController.addToCart`): placeholders of the SLI queries. */
function filtersOf(filter: object, src: YamlSource): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filter).map(([key, value]) => {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
        throw new ConfigFileError(src.file, lineAt(src, ['filter', key]), `filter.${key}: expected a string`)
      return [key, String(value)]
    })
  )
}

/** Lighthouse defaults: no block → single_result/all/1/avg; empty fields → all, 3 results, avg. */
export function comparison(raw: RawSlo): Comparison {
  if (raw.comparison === undefined) return DEFAULT_COMPARISON
  const c = raw.comparison ?? {}
  const compareWith = c.compare_with ?? 'single_result'
  return {
    compareWith,
    includeResultWithScore: c.include_result_with_score ?? 'all',
    numberOfComparisonResults: compareWith === 'single_result' ? 1 : (c.number_of_comparison_results ?? 3),
    aggregateFunction: c.aggregate_function ?? 'avg'
  }
}

/** The largest total of weights a score can be computed from (100 × the total must stay finite). */
const MAX_TOTAL_WEIGHT = Number.MAX_VALUE / 1000

function objective(
  o: RawObjective,
  lineOf: (...path: (string | number)[]) => number | undefined,
  notes: string[],
  fileError: (line: number | undefined, detail: string) => ConfigFileError
): Objective {
  const line = lineOf()
  const errors: CriterionError[] = []
  const parse = (kind: 'pass' | 'warning', list: RawGroup[] | null | undefined): CriteriaGroup[] =>
    (list ?? []).map((group, g) => {
      const items = group?.criteria ?? []
      if (items.length === 0) errors.push({ text: '', message: 'a criteria list is empty' })
      const parsed = items.map(item => parseCriterion(String(item)))
      const good: Criterion[] = []
      parsed.forEach((c, k) => {
        if (!isCriterionError(c)) good.push(c)
        // Well formed but its number is not finite (e.g. 400 digits): the file is wrong, not the run.
        else if (hasInfiniteNumber(c.text))
          throw fileError(lineOf(kind, g, 'criteria', k), `${kind}.${g}.criteria.${k}: ${c.message}`)
        else errors.push(c)
      })
      return good
    })
  const pass = parse('pass', o.pass)
  const warning = parse('warning', o.warning)
  for (const c of [...pass, ...warning].flat()) {
    if (c.percent && c.amount >= 0 && !c.text.includes('+')) {
      notes.push(
        `${o.sli}: "${c.text.trim()}" is relative to earlier runs (a % makes a Keptn criterion relative); write "${c.operator}${c.amount}" for a fixed limit`
      )
    }
  }
  return {
    sli: o.sli,
    ...(o.displayName ? { displayName: o.displayName } : {}),
    keySli: o.key_sli === true,
    // Keptn: a missing or zero weight counts as 1. (Non-finite weights never get here: parseYaml refuses them.)
    weight: o.weight ? o.weight : 1,
    pass,
    warning,
    errors,
    ...(line === undefined ? {} : { line })
  }
}

/** Weights whose total would overflow the score (1e308 twice is Infinity, and the score NaN) are refused. */
function checkWeights(
  objectives: readonly Objective[],
  file: string,
  lineOf: (index: number) => number | undefined
): void {
  let sum = 0
  for (const [i, o] of objectives.entries()) {
    sum += o.weight
    if (!(Number.isFinite(o.weight) && sum <= MAX_TOTAL_WEIGHT))
      throw new ConfigFileError(
        file,
        lineOf(i),
        `objectives.${i}.weight: ${o.weight} makes the total of the weights too large to score (keep weights small, e.g. 1 to 10)`
      )
  }
}

/** "90%", "90" or 90 → 90; absent → null. */
function scoreThreshold(
  value: string | number | null | undefined,
  key: string,
  file: string,
  line?: number
): number | null {
  if (value === null || value === undefined) return null
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(String(value))
  const n = m ? Number(m[1]) : NaN
  if (!(n >= 0 && n <= 100))
    throw new ConfigFileError(
      file,
      line,
      `total_score.${key}: expected a percentage like "90%", got ${JSON.stringify(value)}`
    )
  return n
}
