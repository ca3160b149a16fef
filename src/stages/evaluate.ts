/**
 * The evaluate step: the test's results (or given SLI values) against the SLO or thresholds, compared with
 * this stage's earlier evaluations from the config branch; the result is recorded there too.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { StageKey } from '../config/layout.js'
import { evaluateResults, type EvaluateInput } from '../evaluation/evaluate.js'
import { explain } from '../evaluation/explain.js'
import type { Evaluation } from '../evaluation/types.js'
import { loadValues } from '../evaluation/values.js'
import { evaluationRecord, readEvaluationRecords } from '../gate/evaluation-record.js'
import { appendEvaluation, readEvaluations } from '../state/config-branch.js'
import { configTarget } from './commit.js'
import type { RunContext, TestResult } from './context.js'

export async function evaluateStep(ctx: RunContext): Promise<void> {
  const { config, plan } = ctx
  const test = ctx.results.test
  if (config.gate.kind === 'none') {
    ctx.log.info(
      test
        ? `No SLO: the gate follows the ${test.workload} test's verdict (${test.verdict}).`
        : 'No tests and no SLO: nothing to evaluate; the gate decides on the rollout.'
    )
    return
  }
  const key: StageKey = { project: plan.project, stage: plan.stage, service: config.service }
  const target = configTarget(config)
  const history = readEvaluationRecords(await readEvaluations(target, key, { tempRoot: ctx.tempDir }))
  const measured = await evaluateResults({ ...measurement(ctx, test), ...gateSource(ctx), history })
  const evaluation = withTestVerdict(measured, test)
  const file = path.join(ctx.tempDir, 'evaluation.json')
  await writeFile(file, `${JSON.stringify(evaluation, null, 2)}\n`)
  ctx.log.info(explain(evaluation))
  const entry = evaluationRecord(evaluation, config.tag, new Date(), config.runUrl)
  const summary = `${evaluation.result} (score ${evaluation.score})`
  await appendEvaluation(target, key, { ...entry }, { tempRoot: ctx.tempDir, summary })
  ctx.results.evaluation = { evaluation, file, history: [entry, ...history] }
}

/** What is measured: SLI values given as a file, else the test's JTL (absent when the test never ran). */
function measurement(
  ctx: RunContext,
  test: TestResult | undefined
): Pick<EvaluateInput, 'resultsFile' | 'values'> {
  if (ctx.config.sliValuesFile) return { values: loadValues(ctx.config.sliValuesFile) }
  if (test?.jtl) return { resultsFile: test.jtl }
  // Nothing was measured: every objective fails for lack of a value (fail closed).
  return { values: {} }
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
