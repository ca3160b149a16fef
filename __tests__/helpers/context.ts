/**
 * The one builder of run contexts for tests: a real, validated ActionConfig (the inputs' own defaults, as
 * buildConfig makes it) and a real plan of the embedded shipyard, with only what a test changes overridden.
 */
import type { ActionConfig } from '../../src/contracts/config.js'
import type { Shipyard, StagePlan } from '../../src/contracts/plan.js'
import type { Annotation, Reporter } from '../../src/contracts/reporter.js'
import type { RunContext, Step, StepName, StepResults } from '../../src/contracts/run.js'
import { buildConfig } from '../../src/inputs/build-config.js'
import type { ResultStore } from '../../src/pipeline/steps.js'
import { planStage } from '../../src/shipyard/plan.js'
import { DEFAULT_SHIPYARD } from '../../src/shipyard/shipyard.js'

/** A Reporter that keeps what it was told: `lines` in order (warnings prefixed `warning: `). */
export interface RecordingReporter extends Reporter {
  readonly lines: string[]
  readonly annotations: Annotation[]
  readonly masked: string[]
  readonly groups: string[]
}

export function recordingReporter(): RecordingReporter {
  const lines: string[] = []
  const annotations: Annotation[] = []
  const masked: string[] = []
  const groups: string[] = []
  return {
    lines,
    annotations,
    masked,
    groups,
    info: message => void lines.push(message),
    warning: message => void lines.push(`warning: ${message}`),
    debug: () => undefined,
    group: (name, work) => {
      groups.push(name)
      return work()
    },
    annotate: annotation => void annotations.push(annotation),
    mask: secret => void masked.push(secret)
  }
}

export interface TestContextOptions {
  readonly tempDir: string
  readonly config?: Partial<ActionConfig>
  readonly plan?: Partial<StagePlan>
  readonly results?: StepResults
  readonly log?: Reporter
}

export type TestContext = RunContext & { readonly log: RecordingReporter; readonly lines: string[] }

/** The carts pipeline, or a one-stage shipyard for a stage name it does not have (e.g. `qa`). */
function shipyardWith(stage: string): Shipyard {
  if (DEFAULT_SHIPYARD.stages.some(s => s.name === stage)) return DEFAULT_SHIPYARD
  return {
    source: '(test)',
    stages: [{ name: stage, approval: { pass: 'automatic', warning: 'automatic' } }]
  }
}

/** Stage `staging` of the carts pipeline, tag 0.8.1, unless the options say otherwise. */
export function testContext(options: TestContextOptions): TestContext {
  const workspace = options.config?.workspace ?? options.tempDir
  const raw = { tag: '0.8.1', stage: options.plan?.stage ?? 'staging', 'config-repo': 'config.git' }
  const base = buildConfig(raw, { workspace })
  const config: ActionConfig = { ...base, ...options.config }
  const planned = planStage(shipyardWith(config.stage), config.stage, config.project, config.namespace)
  const plan: StagePlan = { ...planned, ...options.plan }
  const log = recordingReporter()
  const key = { project: plan.project, stage: plan.stage, service: config.service }
  return {
    config,
    plan,
    key,
    tempDir: options.tempDir,
    log: options.log ? Object.assign(log, options.log) : log,
    results: options.results ?? {},
    lines: log.lines
  }
}

/** Runs one step as the pipeline does: its result is stored under its name in ctx.results. */
export async function runStep<N extends StepName>(ctx: RunContext, step: Step<N>): Promise<StepResults[N]> {
  const result = await step.run(ctx)
  ;(ctx.results as ResultStore)[step.name] = result
  return result
}
