/**
 * Gates that gate nothing. Keptn passes an SLO whose objectives have no pass criteria (informational only), or
 * only relative criteria on a stage's first run (no baseline: they hold by default), whatever was measured.
 * We keep that result, but say so plainly; `fail-on-unscored` makes such a gate fail.
 */
import type { Evaluation, Indicator } from '../contracts/evaluation.js'

/** The indicator was checked against a number (or failed outright: no value, a malformed criterion). */
function scored(i: Indicator): boolean {
  if (i.status === 'fail') return true
  if (i.status === 'info') return false
  return [...i.passTargets, ...i.warningTargets].some(t => t.target !== null)
}

/** Why the gate scored nothing, in words; undefined when at least one objective was scored. */
export function unscoredReason(e: Evaluation): string | undefined {
  if (e.indicators.length === 0 || e.indicators.some(scored)) return undefined
  const info = e.indicators.filter(i => i.status === 'info').length
  const relative = e.indicators.length - info
  const parts = [
    ...(info ? [`${count(info)} no pass criteria (informational)`] : []),
    ...(relative ? [`${count(relative)} only relative criteria and there is no baseline yet`] : [])
  ]
  return `the gate scored nothing: ${parts.join(', and ')}; no objective was checked against a number`
}

function count(n: number): string {
  return n === 1 ? '1 objective has' : `${n} objectives have`
}

/** fail-on-unscored: an evaluation that scored nothing fails, with the reason first. */
export function failUnscored(e: Evaluation): Evaluation {
  const reason = unscoredReason(e)
  if (reason === undefined) return e
  return { ...e, result: 'fail', reasons: [`${reason} (fail-on-unscored is true)`, ...e.reasons] }
}
