/** The job summary a person reads instead of the log: pure markdown from the run's results. */
import type { Evaluation, Indicator, Result, Target } from '../contracts/evaluation.js'
import type { GateDecision } from '../contracts/gate.js'
import type { FailureCause } from '../contracts/run.js'

export interface TrendPoint {
  readonly tag: string
  readonly score: number
  readonly result: Result
}

export interface SummaryInput {
  readonly project: string
  readonly stage: string
  readonly namespace: string
  readonly service: string
  readonly image: string
  readonly tag: string
  readonly strategy: string
  readonly testStrategy?: string
  readonly decision?: GateDecision
  /** Why the run failed, when it did (an error or the gate's reasons). */
  readonly failure?: string
  readonly evaluation?: Evaluation
  /** Why samples of the tests failed, most frequent first, from the results file. */
  readonly failureCauses?: readonly FailureCause[]
  /** Recent evaluations of this stage, oldest first, the current one last. */
  readonly trend: readonly TrendPoint[]
  readonly configCommit?: { readonly sha: string; readonly url?: string }
  readonly runUrl?: string
  readonly timings: readonly { readonly name: string; readonly seconds: number; readonly outcome: string }[]
}

const MAX_ROWS = 100
const MAX_TREND = 20
const ICON: Record<string, string> = { pass: '✅', warning: '⚠️', fail: '❌', info: 'ℹ️', held: '⏸️' }

export function renderSummary(input: SummaryInput): string {
  return [
    `## ${ICON[outcome(input)]} ${input.service}:${input.tag} in ${input.stage}`,
    '',
    `**${oneLine(input.decision?.headline ?? input.failure ?? 'Stopped before the gate')}**`,
    '',
    facts(input),
    ...failureSection(input),
    ...causesSection(input.failureCauses),
    ...evaluationSection(input.evaluation),
    ...trendSection(input),
    ...timingSection(input),
    ''
  ].join('\n')
}

function outcome(input: SummaryInput): string {
  if (input.failure && !input.evaluation) return 'fail'
  if (input.decision?.action === 'hold') return 'held'
  return input.evaluation?.result ?? (input.decision?.action === 'promote' ? 'pass' : 'fail')
}

function facts(input: SummaryInput): string {
  const rows: [string, string][] = [
    ['Project / stage', `${input.project} / ${input.stage} (namespace ${code(input.namespace)})`],
    ['Image', code(`${input.image}:${input.tag}`)],
    ['Strategy', `${input.strategy}${input.testStrategy ? `, ${input.testStrategy} tests` : ', no tests'}`]
  ]
  if (input.configCommit)
    rows.push(['Config commit', link(input.configCommit.sha.slice(0, 12), input.configCommit.url)])
  if (input.runUrl) rows.push(['Workflow run', link('this run', input.runUrl)])
  const [[firstKey, firstValue], ...rest] = rows
  return [`| ${firstKey} | ${firstValue} |`, '|---|---|', ...rest.map(([k, v]) => `| ${k} | ${v} |`)].join(
    '\n'
  )
}

function failureSection(input: SummaryInput): string[] {
  const reasons = input.evaluation?.result === 'fail' ? input.evaluation.reasons : []
  const lines = [input.failure, ...reasons].filter((x): x is string => Boolean(x))
  if (!lines.length) return []
  return ['', '### Why', '', ...[...new Set(lines)].map(line => `- ${escape(line)}`)]
}

function causesSection(causes: SummaryInput['failureCauses']): string[] {
  if (!causes?.length) return []
  return [
    '',
    '### Failed samples',
    '',
    '| Response code and message | Samples |',
    '|---|---|',
    ...causes.map(c => `| ${escape(c.cause)} | ${c.count} |`)
  ]
}

function evaluationSection(evaluation: Evaluation | undefined): string[] {
  if (!evaluation) return []
  const { pass, warning } = evaluation.totalScore
  const unit = evaluation.scoring === 'pitometer' ? ' points' : ' %'
  const thresholds = `pass ≥ ${pass}${unit}${warning === null ? '' : `, warning ≥ ${warning}${unit}`}`
  const baseline =
    evaluation.scoring === 'pitometer'
      ? "pitometer's scoring: an indicator's points are halved at a warning threshold, 0 at a severe one"
      : evaluation.comparison.baseline === 'none'
        ? 'no baseline: relative criteria held by default'
        : `compared with ${evaluation.comparison.baseline} earlier run(s), ${evaluation.comparison.aggregateFunction}`
  const rows = evaluation.indicators.slice(0, MAX_ROWS).map(indicatorRow)
  const cut = evaluation.indicators.length - rows.length
  return [
    '',
    '### Objectives',
    '',
    `Total score **${evaluation.score.toFixed(1)}${unit}** (${thresholds}); ${baseline}.`,
    ...samplesLine(evaluation),
    '',
    '| SLI | source | value | compared | pass criteria | warning criteria | status | score |',
    '|---|---|---:|---:|---|---|---|---:|',
    ...rows,
    ...(cut > 0 ? [`| … ${cut} more objectives in the evaluation JSON | | | | | | | |`] : []),
    ...queriesSection(evaluation.indicators.slice(0, MAX_ROWS))
  ]
}

/** The PromQL of each Prometheus SLI, as sent, below the table (a query would not fit in a cell). */
function queriesSection(indicators: readonly Indicator[]): string[] {
  const queried = indicators.filter(i => i.source?.kind === 'prometheus')
  if (queried.length === 0) return []
  return [
    '',
    'Queried from Prometheus at the end of the test window:',
    '',
    ...queried.flatMap(i => [
      `- ${escape(i.sli)} = ${number(i.value)}${i.value === null ? `: ${escape(i.reason)}` : ''}`,
      '',
      '  ```promql',
      `  ${(i.source as { query: string }).query.replace(/\r?\n/g, ' ')}`,
      '  ```'
    ])
  ]
}

function indicatorRow(i: Indicator): string {
  const name = `${escape(i.displayName ?? i.sli)}${i.keySli ? ' 🔑' : ''}`
  const cells = [
    name,
    sourceCell(i),
    number(i.value),
    number(i.comparedValue),
    criteria(i.passTargets),
    criteria(i.warningTargets),
    `${ICON[i.status]} ${i.status}`,
    i.status === 'info' ? '–' : `${round(i.score)} / ${round(i.weight)}`
  ]
  return `| ${cells.join(' | ')} |`
}

/** The samples judged: the total and, for several results files, each file's. */
function samplesLine(evaluation: Evaluation): string[] {
  if (evaluation.samples === undefined) return []
  const files = evaluation.resultsFiles
  const each = files
    ? ` from ${files.length} results files: ${files.map(f => `${code(f.file)} ${f.samples}`).join(', ')}`
    : ''
  return ['', `Samples: **${evaluation.samples}**${each}.`]
}

/** Where the value came from (a query's text and, without a value, Prometheus's reason, come below the table). */
function sourceCell(i: Indicator): string {
  const source = i.source
  if (!source) return '–'
  if (source.kind === 'prometheus') return 'Prometheus (query below)'
  return source.kind === 'values' ? 'given values' : 'results file'
}

/** AND inside a criteria list, OR across lists; a violated criterion is struck through. */
function criteria(targets: readonly Target[]): string {
  if (!targets.length) return '–'
  const groups = new Map<number, string[]>()
  for (const t of targets) {
    const resolved = t.relative && t.target !== null ? ` (${t.operator} ${round(t.target)})` : ''
    const text = `${code(t.criterion)}${resolved}`
    groups.set(t.group, [...(groups.get(t.group) ?? []), t.violated ? `~~${text}~~` : text])
  }
  return [...groups.values()].map(g => g.join(' and ')).join(' <br>or ')
}

function trendSection(input: SummaryInput): string[] {
  const points = input.trend.slice(-MAX_TREND)
  if (points.length < 2) return []
  const labels = points.map(p => JSON.stringify(p.tag.replace(/"/g, '')))
  const pass = input.evaluation?.totalScore.pass
  return [
    '',
    `### Trend of ${input.stage}`,
    '',
    '```mermaid',
    '---',
    'config:',
    '  xyChart:',
    '    width: 700',
    '    height: 260',
    '---',
    'xychart-beta',
    `  title "Score of the last ${points.length} evaluations in ${input.stage}"`,
    `  x-axis [${labels.join(', ')}]`,
    '  y-axis "score %" 0 --> 100',
    `  bar [${points.map(p => round(p.score)).join(', ')}]`,
    ...(pass === undefined ? [] : [`  line [${points.map(() => pass).join(', ')}]`]),
    '```',
    '',
    points.map(p => `${ICON[p.result]} ${escape(p.tag)} ${round(p.score)} %`).join(' · ')
  ]
}

function timingSection(input: SummaryInput): string[] {
  if (!input.timings.length) return []
  const steps = input.timings.map(
    t => `${t.name} ${t.seconds.toFixed(1)} s${t.outcome === 'ok' ? '' : ` (${t.outcome})`}`
  )
  return ['', `<sub>Steps: ${steps.join(' · ')}</sub>`]
}

const round = (n: number) => Math.round(n * 100) / 100
const number = (n: number | null) => (n === null ? '–' : String(round(n)))
const link = (text: string, url?: string) => (url ? `[${text}](${url})` : code(text))
const oneLine = (text: string) => escape(text.replace(/\s*\n\s*/g, ' '))

/** A code span: markdown is not interpreted inside, but a pipe still ends a table cell. */
const code = (text: string) => `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}\``

/** Keeps user text from breaking the table or injecting markup. */
function escape(text: string): string {
  return text.replace(/[|\\`*_<>[\]]/g, c => `\\${c}`).replace(/\r?\n/g, ' ')
}
