/**
 * The evaluate step: the test's results (or given SLI values) against the SLO or thresholds, compared with
 * this stage's earlier evaluations from the config branch; the result is recorded there too.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { keptnDeploymentOf } from '../charts/chart-names.js'
import { appendEvaluation, readEvaluations } from '../config-branch/config-branch.js'
import { evaluationRecord, readEvaluationRecords } from '../config-branch/evaluation-record.js'
import { configTarget } from '../config-branch/target.js'
import type { Evaluation } from '../contracts/evaluation.js'
import type { EvaluationResult, RunContext, Step, TestResult } from '../contracts/run.js'
import { QUERY_TIMEOUT_MS } from '../prometheus/settings.js'
import { evaluateResults, type EvaluateInput, type PrometheusInput } from '../scoring/evaluate.js'
import { explain } from '../scoring/explain.js'
import { failUnscored, unscoredReason } from '../scoring/unscored.js'
import { loadValues } from '../scoring/values.js'

export const evaluateStep: Step<'evaluate'> = { name: 'evaluate', run: evaluate }

async function evaluate(ctx: RunContext): Promise<EvaluationResult | undefined> {
  const { config } = ctx
  const test = ctx.results.test
  if (config.gate.kind === 'none' && !config.prometheus) {
    ctx.log.info(
      test
        ? `No SLO: the gate follows the ${test.workload} test's verdict (${test.verdict}).`
        : 'No tests and no SLO: nothing to evaluate; the gate decides on the rollout.'
    )
    return undefined
  }
  const target = configTarget(config)
  // Read while Prometheus is queried (its queries wait for the last scrape of the test window to land).
  const reading = readEvaluations(target, ctx.key, { tempRoot: ctx.tempDir }).then(readEvaluationRecords)
  // Handled where it is awaited; this keeps a failed read from being unhandled should evaluation throw first.
  reading.catch(() => undefined)
  const prometheus = prometheusInput(ctx, test)
  const measured = await evaluateResults({
    ...(prometheus?.gate.kind === 'sli' || !prometheus ? measurement(ctx, test) : {}),
    ...gateSource(ctx),
    history: reading,
    ...(prometheus ? { prometheus } : {})
  })
  const history = await reading
  const judged = withTestVerdict(measured, test)
  const evaluation = config.failOnUnscored === true ? failUnscored(judged) : judged
  const unscored = unscoredReason(evaluation)
  if (unscored) {
    const why =
      config.failOnUnscored === true || evaluation.result === 'fail'
        ? ''
        : " (it passes anyway, as Keptn's gate does; 'fail-on-unscored: true' makes it fail)"
    ctx.log.warning(`Quality gate: ${unscored}${why}`)
  }
  const file = path.join(ctx.tempDir, 'evaluation.json')
  await writeFile(file, `${JSON.stringify(evaluation, null, 2)}\n`)
  ctx.log.info(explain(evaluation))
  const entry = evaluationRecord(evaluation, config.tag, new Date(), config.runUrl)
  const summary = `${evaluation.result} (score ${evaluation.score})`
  await appendEvaluation(target, ctx.key, { ...entry }, { tempRoot: ctx.tempDir, summary })
  return { evaluation, file, history: [entry, ...history] }
}

/** What is measured: SLI values given as a file, else the test's JTL (absent when the test never ran). */
function measurement(
  ctx: RunContext,
  test: TestResult | undefined
): Pick<EvaluateInput, 'resultsFile' | 'resultsFiles' | 'values'> {
  if (ctx.config.sliValuesFile) return { values: loadValues(ctx.config.sliValuesFile) }
  if (test?.jtls) return { resultsFiles: test.jtls }
  if (test?.jtl) return { resultsFile: test.jtl }
  // Nothing was measured: every objective fails for lack of a value (fail closed).
  return { values: {} }
}

/** The Prometheus queries, for the main workload's run (the window Keptn queried too). */
function prometheusInput(ctx: RunContext, test: TestResult | undefined): PrometheusInput | undefined {
  const settings = ctx.config.prometheus
  if (!settings) return undefined
  const strategy = ctx.plan.deploymentStrategy
  return {
    endpoint: {
      url: settings.url,
      timeoutMs: QUERY_TIMEOUT_MS,
      ...(settings.authorization ? { authorization: settings.authorization } : {})
    },
    gate: settings.gate,
    context: {
      project: ctx.plan.project,
      stage: ctx.plan.stage,
      service: ctx.config.service,
      deployment: strategy ? keptnDeploymentOf(strategy) : 'direct',
      labels: {},
      ...(test?.window ? { window: test.window } : {})
    }
  }
}

function gateSource(ctx: RunContext): Pick<EvaluateInput, 'sloFile' | 'thresholds'> {
  const gate = ctx.config.gate
  if (gate.kind === 'slo') return { sloFile: gate.file }
  if (gate.kind === 'thresholds') return { thresholds: gate.text }
  return {}
}

/** A failed test fails the gate whatever the objectives say (Keptn let such runs pass). */
export function withTestVerdict(evaluation: Evaluation, test: TestResult | undefined): Evaluation {
  if (!test || test.verdict === 'pass') return evaluation
  const reason = `${test.workload} test failed: ${test.reason}`
  return { ...evaluation, result: 'fail', reasons: [reason, ...evaluation.reasons] }
}
