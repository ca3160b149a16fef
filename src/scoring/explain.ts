/** A short explanation of an evaluation for a person: the verdict, why, and each objective. */
import type { Evaluation, Indicator, Target } from '../contracts/evaluation.js'
import { formatNumber } from './score.js'
import { unscoredReason } from './unscored.js'

const MARK = { pass: '✔', warning: '!', fail: '✘', info: 'i' } as const

export function explain(e: Evaluation): string {
  const unscored = unscoredReason(e)
  const lines = [
    `Quality gate: ${e.result.toUpperCase()} (score ${formatNumber(e.score)}${e.scoring === 'pitometer' ? ' points' : '%'})${unscored ? ` — but ${unscored}` : ''}`
  ]
  for (const reason of e.reasons) lines.push(`  ${reason}`)
  lines.push(baseline(e))
  if (e.samples !== undefined)
    lines.push(
      `Samples: ${e.samples}${e.resultsFile ? ` from ${e.resultsFile}` : ''}${
        e.resultsFiles
          ? ` from ${e.resultsFiles.length} files: ${e.resultsFiles.map(f => `${f.file} ${f.samples}`).join(', ')}`
          : ''
      }`
    )
  if (e.indicators.length) lines.push('Objectives:')
  for (const i of e.indicators) lines.push(indicator(i))
  for (const w of e.warnings) lines.push(`Warning: ${w}`)
  return `${lines.join('\n')}\n`
}

function baseline(e: Evaluation): string {
  const c = e.comparison
  if (c.baseline === 'none')
    return 'Baseline: none (no earlier run to compare with; relative criteria hold by default)'
  return `Baseline: ${c.baseline} earlier run(s) (${c.includeResultWithScore}, ${c.aggregateFunction})`
}

function indicator(i: Indicator): string {
  const name = i.displayName ? `${i.displayName} (${i.sli})` : i.sli
  const where = i.line === undefined ? '' : ` [${i.sloFile ?? 'slo'}:${i.line}]`
  const key = i.keySli ? ' key' : ''
  const compared = i.comparedValue === null ? '' : `, baseline ${formatNumber(i.comparedValue)}`
  const head = `  ${MARK[i.status]} ${name} = ${formatNumber(i.value)}${compared}: ${i.status}${key}, ${formatNumber(i.score)}/${formatNumber(i.weight)}${where}`
  const targets = [...targetsText('pass', i.passTargets), ...targetsText('warning', i.warningTargets)]
  const source = i.source?.kind === 'prometheus' ? [`      PromQL: ${i.source.query}`] : []
  return [head, `      ${i.reason}`, ...source, ...targets].join('\n')
}

function targetsText(kind: string, targets: readonly Target[]): string[] {
  if (targets.length === 0) return []
  const text = targets
    .map(
      t =>
        `${t.criterion.trim()}${t.relative ? ` → ${t.target === null ? 'no baseline' : `${t.operator}${formatNumber(t.target)}`}` : ''}${t.violated ? ' ✘' : ' ✔'}`
    )
    .join(', ')
  return [`      ${kind}: ${text}`]
}
