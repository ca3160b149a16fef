/**
 * `evaluate`: the quality gate on a results file (or given SLI values), Keptn lighthouse scoring; with
 * --prometheus-url also SLIs queried from Prometheus (an sli.yaml), or a pitometer gate (a perfspec.json,
 * or Keptn 0.5's service-indicators.yaml + service-objectives.yaml).
 */
import { Command } from 'commander'
import { InputError } from '../../contracts/errors.js'
import { authorizationOf, prometheusUrl } from '../../contracts/names.js'
import { checkWindow, parseTime, QUERY_TIMEOUT_MS } from '../../prometheus/settings.js'
import { resultsFilesOf } from '../../results-file/results-paths.js'
import { evaluateResults, type PrometheusGate, type PrometheusInput } from '../../scoring/evaluate.js'
import { explain } from '../../scoring/explain.js'
import { loadHistory } from '../../scoring/history.js'
import { failUnscored } from '../../scoring/unscored.js'
import { loadValues } from '../../scoring/values.js'

interface Options {
  results: string[]
  values?: string
  slo?: string
  thresholds?: string
  history?: string
  labels?: boolean
  json?: boolean
  failOnUnscored?: boolean
  prometheusUrl?: string
  sli?: string
  perfspec?: string
  serviceIndicators?: string
  serviceObjectives?: string
  start?: string
  end?: string
  project?: string
  stage?: string
  service?: string
  deployment: string
  label: string[]
}

const collect = (value: string, previous: string[]) => [...previous, value]

export function evaluateCommand(): Command {
  return new Command('evaluate')
    .description('Evaluate results against an SLO. Exit 0 pass or warning, 1 fail, 2 unusable input.')
    .option(
      '--results <path>',
      'JMeter results file (JTL, CSV or XML), or a folder of them; repeatable: all judged as one test',
      collect,
      []
    )
    .option(
      '--prometheus-url <url>',
      'Prometheus to query the SLIs of --sli, --perfspec or the 0.5 pair from (token: $PROMETHEUS_TOKEN)'
    )
    .option('--sli <file>', "Keptn sli.yaml: PromQL per SLI, scored by --slo beside the results file's SLIs")
    .option('--perfspec <file>', "Keptn 0.4 pitometer perfspec.json: the whole gate, pitometer's scoring")
    .option('--service-indicators <file>', 'Keptn 0.5 service-indicators.yaml (with --service-objectives)')
    .option('--service-objectives <file>', 'Keptn 0.5 service-objectives.yaml (with --service-indicators)')
    .option('--start <time>', 'start of the test window: RFC 3339 or unix seconds')
    .option('--end <time>', 'end of the test window (the queries run at this time)')
    .option('--project <name>', 'for $PROJECT')
    .option('--stage <name>', 'for $STAGE and $ENVIRONMENT')
    .option('--service <name>', 'for $SERVICE')
    .option('--deployment <name>', 'for $DEPLOYMENT', 'direct')
    .option('--label <key=value>', 'for $LABEL.<key> (repeatable)', collect, [])
    .option('--values <file.json>', 'JSON object of SLI name to number (or null), instead of --results')
    .option('--slo <file>', 'Keptn slo.yaml')
    .option(
      '--thresholds <list>',
      'compact gate instead of --slo, e.g. "response_time_p95<600, error_rate<=1"'
    )
    .option('--history <file.json>', 'JSON array of earlier `evaluate --json` outputs, newest first')
    .option('--labels', "also compute every label's SLIs (up to 200 labels)")
    .option('--json', 'print the evaluation as JSON')
    .option(
      '--fail-on-unscored',
      'fail a gate that scored nothing (no pass criteria, or only relative ones without a baseline)'
    )
    .action(async (options: Options) => {
      const prometheus = prometheusOf(options)
      const results = resultsFilesOf('--results', options.results)
      if (results.length > 0 && options.values !== undefined) {
        throw new InputError('--results/--values', 'at most one of --results FILE or --values FILE.json')
      }
      if (results.length === 0 && options.values === undefined && !prometheus) {
        throw new InputError('--results/--values', '--results FILE, --values FILE.json or --prometheus-url')
      }
      if (options.slo !== undefined && options.thresholds !== undefined) {
        throw new InputError('--slo/--thresholds', 'at most one of --slo or --thresholds')
      }
      const evaluated = await evaluateResults({
        ...(results.length > 0 ? { resultsFiles: results } : {}),
        ...(options.values !== undefined ? { values: loadValues(options.values) } : {}),
        ...(options.slo !== undefined ? { sloFile: options.slo } : {}),
        ...(options.thresholds !== undefined ? { thresholds: options.thresholds } : {}),
        ...(options.history !== undefined ? { history: loadHistory(options.history) } : {}),
        labels: options.labels === true,
        ...(prometheus ? { prometheus } : {})
      })
      const evaluation = options.failOnUnscored === true ? failUnscored(evaluated) : evaluated
      process.stdout.write(options.json ? `${JSON.stringify(evaluation, null, 2)}\n` : explain(evaluation))
      process.exitCode = evaluation.result === 'fail' ? 1 : 0
    })
}

function prometheusOf(options: Options): PrometheusInput | undefined {
  const gates: [string, PrometheusGate | undefined][] = [
    ['--sli', options.sli === undefined ? undefined : { kind: 'sli', file: options.sli }],
    ['--perfspec', options.perfspec === undefined ? undefined : { kind: 'perfspec', file: options.perfspec }],
    ['--service-indicators/--service-objectives', serviceObjectives(options)]
  ]
  const given = gates.filter(([, gate]) => gate !== undefined)
  if (given.length > 1)
    throw new InputError(
      given.map(([name]) => name).join('/'),
      'one Prometheus gate file (or pair), not several'
    )
  const gate = given[0]?.[1]
  if (options.prometheusUrl === undefined) {
    if (gate) throw new InputError('--prometheus-url', `the Prometheus to query for ${given[0]![0]}`)
    return undefined
  }
  if (!gate) throw new InputError('--prometheus-url', 'with --sli, --perfspec or the 0.5 pair')
  if (options.start === undefined || options.end === undefined)
    throw new InputError('--start/--end', 'the test window the queries are for')
  const authorization = authorizationOf(process.env.PROMETHEUS_TOKEN)
  return {
    endpoint: {
      url: prometheusUrl('--prometheus-url', options.prometheusUrl),
      timeoutMs: QUERY_TIMEOUT_MS,
      ...(authorization ? { authorization } : {})
    },
    gate,
    context: {
      project: options.project ?? '',
      stage: options.stage ?? '',
      service: options.service ?? '',
      deployment: options.deployment,
      labels: Object.fromEntries(options.label.map(labelOf)),
      window: checkWindow(parseTime('--start', options.start), parseTime('--end', options.end))
    }
  }
}

function serviceObjectives(options: Options): PrometheusGate | undefined {
  const { serviceIndicators: indicators, serviceObjectives: objectives } = options
  if (indicators === undefined && objectives === undefined) return undefined
  if (indicators === undefined || objectives === undefined)
    throw new InputError('--service-indicators/--service-objectives', 'both files of the Keptn 0.5 pair')
  return { kind: 'service-objectives', indicators, objectives }
}

function labelOf(text: string): [string, string] {
  const eq = text.indexOf('=')
  if (eq <= 0) throw new InputError('--label', 'key=value', text)
  return [text.slice(0, eq), text.slice(eq + 1)]
}
