/**
 * Runs the steps of one stage in order: one log group each, with its duration; stores what each returns
 * under its name; stops at the first failure.
 */
import { GateFailedError } from '../contracts/errors.js'
import type { Reporter } from '../contracts/reporter.js'
import type { RunContext, Step, StepName, StepResults } from '../contracts/run.js'

/** The pipeline's own, writable view of the results that steps see read-only. */
export type ResultStore = { -readonly [N in StepName]?: StepResults[N] }

/** Any one step, with its name and result type kept together. */
export type AnyStep = { [N in StepName]: Step<N> }[StepName]

export interface StepTiming {
  readonly name: StepName
  readonly seconds: number
  readonly outcome: 'ok' | 'failed'
}

/** Appends to `timings` as it goes, so a caller still has them when a step throws. */
export async function runSteps(
  ctx: RunContext,
  store: ResultStore,
  steps: readonly AnyStep[],
  reporter: Reporter,
  timings: StepTiming[]
): Promise<void> {
  for (const step of steps) {
    const started = performance.now()
    let outcome: StepTiming['outcome'] = 'failed'
    try {
      await reporter.group(step.name, async () => {
        await runOne(ctx, store, step)
        outcome = 'ok'
      })
    } finally {
      const seconds = (performance.now() - started) / 1000
      timings.push({ name: step.name, seconds, outcome })
      reporter.info(`${step.name}: ${outcome} in ${seconds.toFixed(2)} s`)
    }
  }
}

async function runOne<N extends StepName>(ctx: RunContext, store: ResultStore, step: Step<N>): Promise<void> {
  try {
    store[step.name] = await step.run(ctx)
  } catch (error) {
    // A failed gate still decided (and carried out) something: the summary and outputs must tell it.
    if (error instanceof GateFailedError) store.gate = error.decision
    throw error
  }
}
