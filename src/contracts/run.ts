/**
 * The step contract of a stage job: what every step receives (the run context) and what each returns.
 * Steps never write to each other: each returns its result, the pipeline stores it under the step's name,
 * and later steps read it from `results`.
 */
import type { ActionConfig, ImageRef } from './config.js'
import type { ChartNames, DeployResult } from './deploy.js'
import type { EvaluationRecord, Evaluation, TimeWindow } from './evaluation.js'
import type { GateDecision } from './gate.js'
import type { StageKey, StagePlan } from './plan.js'
import type { Reporter } from './reporter.js'

/** Written by the commit step. */
export interface CommitResult {
  /** The config-branch commit that holds this stage's desired image (new or already there). */
  readonly sha: string
  readonly changed: boolean
  /** The image the stage had before, if any: what a rollback restores. */
  readonly previous?: ImageRef
  /** Path of the values file checked out for helm. */
  readonly valuesFile: string
  /** The chart's names, read when it was checked to render with these values (stages that deploy). */
  readonly chart?: ChartNames
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
  /** Instead of jtl: the results files of tests run elsewhere (input results), judged as one test. */
  readonly jtls?: readonly string[]
  /** Every run's folder (JTL, jmeter.log, jmeter.out, dashboard/): the `results-dir` output. */
  readonly resultsDir: string
  /** The test strategy whose workload was (or should have been) run. */
  readonly workload: string
  readonly samples: number
  readonly errors: number
  /** Why samples failed, most frequent first (the health check's when it failed). */
  readonly causes?: readonly FailureCause[]
  /** Wall time of the main workload's JMeter run (JVM start included); 0 when it did not run. */
  readonly durationSeconds: number
  /** When the main workload's JMeter run started and ended; absent when it did not run. */
  readonly window?: TimeWindow
  /** Wall time of every JMeter run of the step (health check included): what the action waited for. */
  readonly jmeterSeconds: number
}

/** One reason samples failed, as the results file records it, and how often. */
export interface FailureCause {
  readonly cause: string
  readonly count: number
}

/** Written by the evaluate step. */
export interface EvaluationResult {
  readonly evaluation: Evaluation
  /** Path of the evaluation JSON: the `evaluation` output. */
  readonly file: string
  /** Recent evaluations of this stage, newest first, this one included: the summary's trend. */
  readonly history: readonly EvaluationRecord[]
}

/** Each step's result under the step's name; a step that had nothing to do for this stage leaves none. */
export interface StepResults {
  readonly commit?: CommitResult
  readonly install?: InstalledTools
  readonly deploy?: DeployResult
  readonly test?: TestResult
  readonly evaluate?: EvaluationResult
  readonly gate?: GateDecision
}

export type StepName = keyof StepResults

export interface RunContext {
  readonly config: ActionConfig
  readonly plan: StagePlan
  /** Where this stage's service lives on the config branch. */
  readonly key: StageKey
  /** A directory private to this run, removed by the post step. */
  readonly tempDir: string
  readonly log: Reporter
  /** Written only by the pipeline, from what the steps return. */
  readonly results: StepResults
}

/** One step of a stage job: returns its result (undefined: nothing to do in this stage). */
export interface Step<N extends StepName = StepName> {
  readonly name: N
  run(ctx: RunContext): Promise<StepResults[N]>
}
