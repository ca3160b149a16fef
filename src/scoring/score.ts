/** Lighthouse scoring: per objective (pass w, warning w/2, fail 0, info excluded), then the total. */
import type {
  AggregateFunction,
  CriteriaGroup,
  Indicator,
  Objective,
  Result,
  Slo,
  Status,
  Target
} from '../contracts/evaluation.js'
import { aggregate } from './aggregate.js'
import { check } from './criteria.js'

export interface ObjectiveInput {
  readonly objective: Objective
  readonly value: number | null
  /** Why there is no value, when value is null. */
  readonly missing?: string
  /** Earlier values of the SLI, newest first. */
  readonly earlier: readonly number[]
  readonly aggregateFunction: AggregateFunction
  readonly sloFile?: string
}

export function scoreObjective(input: ObjectiveInput): Indicator {
  const { objective: o, value } = input
  const comparedValue = aggregate(input.earlier, input.aggregateFunction)
  const groups = (list: readonly CriteriaGroup[]) =>
    value === null ? [] : list.flatMap((group, g) => group.map(c => check(c, g, value, comparedValue)))
  const passTargets = groups(o.pass)
  const warningTargets = groups(o.warning)
  const base = {
    sli: o.sli,
    ...(o.displayName ? { displayName: o.displayName } : {}),
    value,
    weight: o.weight,
    keySli: o.keySli,
    comparedValue,
    comparedValues: input.earlier,
    passTargets,
    warningTargets,
    ...(input.sloFile ? { sloFile: input.sloFile } : {}),
    ...(o.line === undefined ? {} : { line: o.line })
  }
  const verdict = judge(o, value, input.missing, passTargets, warningTargets, comparedValue)
  const score = verdict.status === 'pass' ? o.weight : verdict.status === 'warning' ? o.weight / 2 : 0
  return { ...base, status: verdict.status, score, reason: verdict.reason }
}

function judge(
  o: Objective,
  value: number | null,
  missing: string | undefined,
  passTargets: readonly Target[],
  warningTargets: readonly Target[],
  baseline: number | null
): { status: Status; reason: string } {
  if (o.pass.length === 0 && o.errors.length === 0) {
    const none = value === null ? `; no value${missing ? `: ${missing}` : ''}` : ''
    return { status: 'info', reason: `informational: no pass criteria${none}` }
  }
  if (o.errors.length > 0) return { status: 'fail', reason: o.errors.map(e => e.message).join('; ') }
  if (value === null) return { status: 'fail', reason: `no value${missing ? `: ${missing}` : ''}` }
  const noBaseline = [...passTargets, ...warningTargets].some(t => t.relative) && baseline === null
  const note = noBaseline ? ' (no baseline: relative criteria held by default)' : ''
  if (anyGroupHolds(o.pass, passTargets)) return { status: 'pass', reason: `pass criteria hold${note}` }
  const violated = `violated ${describeViolations(passTargets)}`
  if (anyGroupHolds(o.warning, warningTargets))
    return { status: 'warning', reason: `${violated}; warning criteria hold${note}` }
  const warned = o.warning.length ? `; warning violated ${describeViolations(warningTargets)}` : ''
  return { status: 'fail', reason: `${violated}${warned}${note}` }
}

/** OR across criteria lists, AND inside one. */
function anyGroupHolds(groups: readonly CriteriaGroup[], targets: readonly Target[]): boolean {
  return groups.some((_, g) => targets.filter(t => t.group === g).every(t => !t.violated))
}

function describeViolations(targets: readonly Target[]): string {
  return targets
    .filter(t => t.violated)
    .map(
      t => `${JSON.stringify(t.criterion.trim())}${t.relative ? ` (target ${formatNumber(t.target)})` : ''}`
    )
    .join(', ')
}

export function formatNumber(n: number | null): string {
  if (n === null) return 'none'
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(3)))
}

export interface Total {
  readonly result: Result
  readonly score: number
  readonly reasons: string[]
}

/** Total score and result, with the key-SLI veto. */
export function total(indicators: readonly Indicator[], totalScore: Slo['totalScore']): Total {
  const scored = indicators.filter(i => i.status !== 'info')
  const max = scored.reduce((sum, i) => sum + i.weight, 0)
  const achieved = scored.reduce((sum, i) => sum + i.score, 0)
  const computed = max === 0 ? 100 : (100 * achieved) / max
  // slo.yaml refuses weights that could get here; a score that is not a number still never passes.
  const finite = Number.isFinite(computed)
  const score = finite ? computed : 0
  const vetoes = indicators.filter(i => i.keySli && i.status === 'fail')
  const reasons = vetoes.map(i => `key SLI ${i.sli} failed (${i.reason}): the gate cannot pass`)
  if (!finite) {
    reasons.push('the total score cannot be computed (the weights are not finite numbers): the gate fails')
    return { result: 'fail', score, reasons }
  }
  const shown = `${formatNumber(Math.round(score * 100) / 100)}%`
  let result: Result
  if (score >= totalScore.pass && vetoes.length === 0) {
    result = 'pass'
    reasons.push(`score ${shown} reaches the pass threshold ${totalScore.pass}%`)
  } else if (totalScore.warning !== null && score >= totalScore.warning && vetoes.length === 0) {
    result = 'warning'
    reasons.push(
      `score ${shown} is below the pass threshold ${totalScore.pass}% but reaches the warning threshold ${totalScore.warning}%`
    )
  } else {
    result = 'fail'
    const warning = totalScore.warning === null ? '' : ` (warning ${totalScore.warning}%)`
    if (vetoes.length === 0 || score < totalScore.pass)
      reasons.push(`score ${shown}, pass needs ${totalScore.pass}%${warning}`)
  }
  const failed = indicators.filter(i => i.status === 'fail' && !i.keySli).map(i => i.sli)
  if (failed.length) reasons.push(`failed: ${failed.join(', ')}`)
  return { result, score: Math.round(score * 100) / 100, reasons }
}
