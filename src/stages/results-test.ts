/**
 * The test step of a gate job (input results): the tests ran elsewhere (a matrix of load jobs), so no
 * JMeter runs here. Their results files are judged as one test by the rules the test step applies to a
 * JMeter run (the stage's workload: accepted error rate, average response time, no samples), and handed to
 * the evaluate step, which scores their union. It runs first in that job: a results input it cannot read
 * fails the job before the held deployment is touched, so a fixed input can gate it again.
 */
import path from 'node:path'
import { describe, InputError, ResultsFileError } from '../contracts/errors.js'
import type { RunContext, Step, TestResult } from '../contracts/run.js'
import { countJtls, judge } from '../jmeter-tests/verdict.js'
import { readWorkloads } from '../jmeter-tests/workloads-file.js'
import { builtInWorkloads, workloadFor } from '../jmeter-tests/workloads.js'
import { resultsFilesOf } from '../results-file/results-paths.js'

export const resultsTestStep: Step<'test'> = { name: 'test', run: judgeResults }

async function judgeResults(ctx: RunContext): Promise<TestResult | undefined> {
  const { config, plan } = ctx
  const strategy = plan.testStrategy
  if (!config.results || !strategy) return undefined
  // The workload the load jobs ran: the jmeter-dir's jmeter.conf.yaml when given, else Keptn's built-in one.
  const set = config.jmeterDir
    ? readWorkloads(config.jmeterDir, config.workspace, ctx.log)
    : builtInWorkloads()
  const workload = workloadFor(set, strategy)
  const files = resultsFilesOf('results', config.results)
  let counts: Awaited<ReturnType<typeof countJtls>>
  try {
    counts = await countJtls(files)
  } catch (error) {
    if (!(error instanceof ResultsFileError)) throw error
    throw new InputError('results', `results files the gate can read; ${describe(error)}`)
  }
  for (const warning of counts.warnings ?? []) ctx.log.warning(`results: ${warning}`)
  const shown = (file: string) => path.relative(config.workspace, file) || file
  const each = counts.files.map(f => `${shown(f.file)} ${f.samples}`).join(', ')
  ctx.log.info(`${strategy} test from ${files.length} results file(s): ${each}`)
  // A load job that recorded nothing did not run the test it was meant to: the test fails, naming it.
  const empty = files.length > 1 ? counts.files.find(f => f.samples === 0) : undefined
  const verdict = empty
    ? { verdict: 'fail' as const, reason: `${shown(empty.file)} holds no samples` }
    : judge(workload, counts)
  const line = `tests (${strategy}, run elsewhere): ${verdict.verdict} — ${verdict.reason}`
  if (verdict.verdict === 'pass') ctx.log.info(line)
  else ctx.log.warning(line)
  return {
    ...verdict,
    jtls: files,
    // No JMeter ran in this job: nothing of its own to upload.
    resultsDir: '',
    workload: strategy,
    samples: counts.samples,
    errors: counts.errors,
    ...(counts.causes?.length ? { causes: counts.causes } : {}),
    durationSeconds: 0,
    jmeterSeconds: 0
  }
}
