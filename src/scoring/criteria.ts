/** Keptn criterion strings (`<=+10%`, `<600`, `=0`): parsing, and checking a value against one. */
import type { Criterion, CriterionError, Operator, Target } from '../contracts/evaluation.js'

// Operator, optional sign, a plain decimal number, optional %; spaces allowed between the parts,
// as Keptn strips them. No `!=`, no exponent: anything else is an error, never a silent pass.
const CRITERION = /^\s*(<=|>=|<|>|=)\s*([+-])?\s*(\d+(?:\.\d*)?|\.\d+)\s*(%)?\s*$/

export function parseCriterion(text: string): Criterion | CriterionError {
  const m = CRITERION.exec(text)
  if (!m) {
    return {
      text,
      message: `criterion ${JSON.stringify(text)} is not <op><number>[%] with op one of <, <=, =, >=, > (e.g. "<600", "<=+10%")`
    }
  }
  const magnitude = Number(m[3])
  if (!Number.isFinite(magnitude)) {
    return {
      text,
      message: `criterion ${JSON.stringify(text.slice(0, 60))} has a number too large to compare with`
    }
  }
  const percent = m[4] === '%'
  return {
    text,
    operator: m[1] as Operator,
    amount: m[2] === '-' ? -magnitude : magnitude,
    percent,
    relative: m[2] !== undefined || percent
  }
}

/** A well-formed criterion whose number is too large to be finite (e.g. 400 digits). */
export function hasInfiniteNumber(text: string): boolean {
  const m = CRITERION.exec(text)
  return m !== null && !Number.isFinite(Number(m[3]))
}

export function isCriterionError(c: Criterion | CriterionError): c is CriterionError {
  return 'message' in c
}

/**
 * The number a criterion compares with: fixed, or derived from the baseline (aggregate of earlier
 * values) as lighthouse does: +x% → base·(100+x)/100, ±x → base±x. null: relative without baseline.
 */
export function targetOf(c: Criterion, baseline: number | null): number | null {
  if (!c.relative) return c.amount
  if (baseline === null) return null
  return c.percent ? (baseline * (100 + c.amount)) / 100 : baseline + c.amount
}

export function compare(value: number, operator: Operator, target: number): boolean {
  switch (operator) {
    case '<':
      return value < target
    case '<=':
      return value <= target
    case '=':
      return value === target
    case '>=':
      return value >= target
    case '>':
      return value > target
  }
}

/** Checks one criterion; a relative criterion without baseline holds (Keptn), target null. */
export function check(c: Criterion, group: number, value: number, baseline: number | null): Target {
  const target = targetOf(c, baseline)
  const violated = target !== null && !compare(value, c.operator, target)
  return { criterion: c.text, group, operator: c.operator, target, relative: c.relative, violated }
}
