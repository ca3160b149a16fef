/** `evaluate`: the quality gate on a results file (or given SLI values), Keptn lighthouse scoring. */
import { Command } from 'commander'
import { InputError } from '../../contracts/errors.js'
import { evaluateResults } from '../../scoring/evaluate.js'
import { explain } from '../../scoring/explain.js'
import { loadHistory } from '../../scoring/history.js'
import { failUnscored } from '../../scoring/unscored.js'
import { loadValues } from '../../scoring/values.js'

interface Options {
  results?: string
  values?: string
  slo?: string
  thresholds?: string
  history?: string
  labels?: boolean
  json?: boolean
  failOnUnscored?: boolean
}

export function evaluateCommand(): Command {
  return new Command('evaluate')
    .description('Evaluate results against an SLO. Exit 0 pass or warning, 1 fail, 2 unusable input.')
    .option('--results <file>', 'JMeter results file (JTL, CSV or XML)')
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
      if ((options.results === undefined) === (options.values === undefined)) {
        throw new InputError('--results/--values', 'exactly one of --results FILE or --values FILE.json')
      }
      if (options.slo !== undefined && options.thresholds !== undefined) {
        throw new InputError('--slo/--thresholds', 'at most one of --slo or --thresholds')
      }
      const evaluated = await evaluateResults({
        ...(options.results !== undefined ? { resultsFile: options.results } : {}),
        ...(options.values !== undefined ? { values: loadValues(options.values) } : {}),
        ...(options.slo !== undefined ? { sloFile: options.slo } : {}),
        ...(options.thresholds !== undefined ? { thresholds: options.thresholds } : {}),
        ...(options.history !== undefined ? { history: loadHistory(options.history) } : {}),
        labels: options.labels === true
      })
      const evaluation = options.failOnUnscored === true ? failUnscored(evaluated) : evaluated
      process.stdout.write(options.json ? `${JSON.stringify(evaluation, null, 2)}\n` : explain(evaluation))
      process.exitCode = evaluation.result === 'fail' ? 1 : 0
    })
}
