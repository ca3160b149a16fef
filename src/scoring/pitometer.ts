/**
 * Keptn 0.4's pitometer, its rules exactly (pitometer-grader-thresholds, Pitometer.ts):
 * - each series of an indicator's query is graded alone: a value at or beyond a severe threshold
 *   (`<= lowerSevere`, `>= upperSevere`) scores 0, at or beyond a warning threshold half (a lower and an
 *   upper warning together: a quarter); a threshold of 0 is ignored (pitometer tested them for truthiness);
 * - the indicator scores the lowest of its series; no series scores 0 ("returned no values"), or the full
 *   metric score with `ignoreEmpty`;
 * - the total is the sum of the scores: `pass` when objectives.pass <= total, else `warning` when
 *   objectives.warning <= total, else `fail`.
 * Beyond pitometer, a query that failed (unreachable, error, NaN) scores 0 with Prometheus's reason.
 */
import type { Evaluation, Indicator, Operator, Target } from '../contracts/evaluation.js'
import type { Measurement } from '../prometheus/measure.js'
import type { PerfIndicator, PerfSpec, Thresholds } from '../prometheus/perfspec.js'
import { DEFAULT_COMPARISON } from './history.js'
import { formatNumber } from './score.js'

interface Grade {
  readonly score: number
  readonly violations: readonly string[]
}

/** Pure: one value against the thresholds. */
export function gradeValue(value: number, t: Thresholds, metricScore: number): Grade {
  let score = metricScore
  const violations: string[] = []
  const breach = (name: keyof Thresholds, op: string, severe: boolean) => {
    violations.push(`${formatNumber(value)} ${op} ${name} ${formatNumber(t[name]!)}`)
    score = severe ? 0 : score / 2
  }
  if (t.lowerSevere && value <= t.lowerSevere) breach('lowerSevere', '<=', true)
  else if (t.lowerWarning && value <= t.lowerWarning) breach('lowerWarning', '<=', false)
  if (t.upperSevere && value >= t.upperSevere) breach('upperSevere', '>=', true)
  else if (t.upperWarning && value >= t.upperWarning) breach('upperWarning', '>=', false)
  return { score, violations }
}

export function gradeIndicator(indicator: PerfIndicator, measured: Measurement): Indicator {
  const { thresholds: t, metricScore } = indicator
  const values = measured.values
  const grades = (values ?? []).map(v => gradeValue(v, t, metricScore))
  const score =
    values === null
      ? 0
      : grades.length === 0
        ? indicator.ignoreEmpty
          ? metricScore
          : 0
        : Math.min(...grades.map(g => g.score))
  const violations = grades.flatMap(g => g.violations)
  const value = values?.length ? worst(values, t) : null
  const reason =
    values === null
      ? `no value: ${measured.reason ?? 'the indicator returned no values'}`
      : violations.length
        ? `${violations.join('; ')}${values.length > 1 ? ` (the lowest of ${values.length} series)` : ''}`
        : `within every threshold${values.length > 1 ? ` (${values.length} series)` : ''}`
  const targets = (pairs: [keyof Thresholds, Operator][]) =>
    pairs.flatMap(([name, operator]): Target[] => {
      const target = t[name]
      if (!target) return []
      const holds = (v: number) => (operator === '<' ? v < target : v > target)
      return [
        {
          criterion: `${operator}${formatNumber(target)}`,
          group: 0,
          operator,
          target,
          relative: false,
          violated: values === null || (values ?? []).some(v => !holds(v))
        }
      ]
    })
  return {
    sli: indicator.id,
    source: { kind: 'prometheus', query: measured.query },
    value,
    status: score >= metricScore ? 'pass' : score > 0 ? 'warning' : 'fail',
    score,
    weight: metricScore,
    keySli: false,
    comparedValue: null,
    comparedValues: [],
    passTargets: targets([
      ['upperWarning', '<'],
      ['lowerWarning', '>']
    ]),
    warningTargets: targets([
      ['upperSevere', '<'],
      ['lowerSevere', '>']
    ]),
    reason,
    sloFile: indicator.file,
    ...(indicator.line === undefined ? {} : { line: indicator.line })
  }
}

/** The series value that scored lowest (the one shown). */
function worst(values: readonly number[], t: Thresholds): number {
  return values.reduce((a, b) => (gradeValue(b, t, 1).score < gradeValue(a, t, 1).score ? b : a))
}

export function gradePerfSpec(spec: PerfSpec, measured: readonly Measurement[]): Evaluation {
  const byName = new Map(measured.map(m => [m.name, m]))
  const indicators = spec.indicators.map(i => gradeIndicator(i, byName.get(i.id)!))
  const score = indicators.reduce((sum, i) => sum + i.score, 0)
  const { pass, warning } = spec.objectives
  const result = pass <= score ? 'pass' : warning <= score ? 'warning' : 'fail'
  const points = `${formatNumber(score)} points`
  const headline =
    result === 'pass'
      ? `${points}: at least the ${formatNumber(pass)} to pass`
      : result === 'warning'
        ? `${points}: below the ${formatNumber(pass)} to pass, at least the ${formatNumber(warning)} to warn`
        : `${points}: below the ${formatNumber(warning)} to warn`
  const failing = indicators.filter(i => i.status !== 'pass').map(i => `${i.sli}: ${i.reason}`)
  return {
    result,
    score,
    scoring: 'pitometer',
    indicators,
    totalScore: { pass, warning },
    comparison: { ...DEFAULT_COMPARISON, baseline: 'none' },
    reasons: result === 'pass' ? [headline] : [headline, ...failing],
    warnings: [...spec.notes],
    sloFile: spec.file,
    slis: Object.fromEntries(indicators.map(i => [i.sli, i.value]))
  }
}
