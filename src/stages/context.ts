/** What every pipeline step receives, and what each leaves for the steps after it. */
import type { ActionConfig } from '../config/action-config.js'
import type { StagePlan } from '../config/plan.js'
import type { Evaluation } from '../evaluation/types.js'
import type { GateDecision } from '../gate/decision.js'
import type { EvaluationRecord } from '../gate/evaluation-record.js'
import type { DeployResult } from '../strategies/types.js'

/** Written by the commit step. */
export interface CommitResult {
  /** The config-branch commit that holds this stage's desired image (new or already there). */
  readonly sha: string
  readonly changed: boolean
  /** The image the stage had before, if any: what a rollback restores. */
  readonly previous?: { readonly repository: string; readonly tag: string }
  /** Path of the values file checked out for helm. */
  readonly valuesFile: string
}

/** Written by the install step: the programs every later step must use (never a bare `helm`). */
export interface InstalledTools {
  readonly helm: { readonly path: string; readonly version: string }
  /**
   * Only when the stage runs JMeter tests. Still downloading and unpacking while helm deploys; the test
   * step waits for it (and reports its failure).
   */
  readonly jmeter?: Promise<{ readonly home: string; readonly bin: string; readonly version: string }>
}

/** Written by the test step: the verdict by Keptn's rules and the JTL the evaluate step reads. */
export interface TestResult {
  readonly verdict: 'pass' | 'fail'
  /** One line: why, quoting JMeter's own error when the plan did not run. */
  readonly reason: string
  /** The main workload's JTL; undefined when it never ran (failed health check, missing script). */
  readonly jtl?: string
  /** Every run's folder (JTL, jmeter.log, jmeter.out, dashboard/): the `results-dir` output. */
  readonly resultsDir: string
  /** The test strategy whose workload was (or should have been) run. */
  readonly workload: string
  readonly samples: number
  readonly errors: number
  /** Wall time of the main workload's JMeter run (JVM start included); 0 when it did not run. */
  readonly durationSeconds: number
  /** Wall time of every JMeter run of the step (health check included): what the action waited for. */
  readonly jmeterSeconds: number
}

/** Written by the evaluate step. */
export interface EvaluationResult {
  readonly evaluation: Evaluation
  /** Path of the evaluation JSON: the `evaluation` output. */
  readonly file: string
  /** Recent evaluations of this stage, newest first, this one included: the summary's trend. */
  readonly history: readonly EvaluationRecord[]
}

export interface StepResults {
  commit?: CommitResult
  install?: InstalledTools
  test?: TestResult
  /** Written by the deploy step; read by test (serviceUrl) and gate (promote/reject). */
  deploy?: DeployResult
  evaluation?: EvaluationResult
  gate?: GateDecision
}

export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

export interface RunContext {
  readonly config: ActionConfig
  readonly plan: StagePlan
  /** A directory private to this run, removed by the post step. */
  readonly tempDir: string
  readonly log: Logger
  readonly results: StepResults
}
