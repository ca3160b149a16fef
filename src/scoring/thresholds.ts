/**
 * The compact `thresholds` form: `response_time_p95<600, error_rate<=1`. Each item is a pass criterion
 * on one SLI (weight 1); the gate passes only if all hold (total_score.pass 100%, no warning band).
 */
import { InputError } from '../contracts/errors.js'
import type { Objective, Slo } from '../contracts/evaluation.js'
import { parseSliName } from '../results-file/sli.js'
import { isCriterionError, parseCriterion } from './criteria.js'
import { DEFAULT_COMPARISON } from './history.js'

const EXPECTED = 'comma-separated <sli><op><number>[%] items, e.g. "response_time_p95<600, error_rate<=1"'

export function parseThresholds(text: string): Slo {
  const items = splitItems(text)
  if (items.length === 0) throw new InputError('thresholds', EXPECTED, text)
  const objectives = items.map(item => objective(item))
  return {
    // Relative thresholds compare with the last run that passed, not with any run.
    comparison: { ...DEFAULT_COMPARISON, includeResultWithScore: 'pass' },
    objectives,
    totalScore: { pass: 100, warning: null },
    notes: []
  }
}

function objective(item: string): Objective {
  const at = operatorIndex(item)
  const sli = at < 0 ? '' : item.slice(0, at).trim()
  if (at <= 0 || !parseSliName(sli)) throw new InputError('thresholds', EXPECTED, item)
  const criterion = parseCriterion(item.slice(at))
  if (isCriterionError(criterion)) throw new InputError('thresholds', EXPECTED, item)
  return { sli, keySli: false, weight: 1, pass: [[criterion]], warning: [], errors: [] }
}

/** Splits on commas, semicolons and newlines outside a quoted label. */
function splitItems(text: string): string[] {
  const items: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted && c === '\\') {
      current += c + (text[++i] ?? '')
      continue
    }
    if (c === '"') quoted = !quoted
    if (!quoted && (c === ',' || c === ';' || c === '\n')) {
      items.push(current)
      current = ''
    } else current += c
  }
  items.push(current)
  return items.map(s => s.trim()).filter(s => s !== '')
}

/** Index of the first comparison operator outside `{label="..."}`, or -1. */
function operatorIndex(item: string): number {
  let quoted = false
  let braces = 0
  for (let i = 0; i < item.length; i++) {
    const c = item[i]
    if (quoted && c === '\\') i++
    else if (c === '"') quoted = !quoted
    else if (quoted) continue
    else if (c === '{') braces++
    else if (c === '}') braces--
    else if (braces === 0 && (c === '<' || c === '>' || c === '=')) return i
  }
  return -1
}
