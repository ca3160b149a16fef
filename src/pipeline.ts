/** Runs the steps of one stage in order: one log group each, with its duration; stops at the first failure. */
import type { Reporter } from './reporter.js'
import type { RunContext } from './stages/context.js'

export interface Step {
  readonly name: string
  readonly run: (ctx: RunContext) => Promise<void>
}

export interface StepTiming {
  readonly name: string
  readonly seconds: number
  readonly outcome: 'ok' | 'failed'
}

/** Appends to `timings` as it goes, so a caller still has them when a step throws. */
export async function runSteps(
  ctx: RunContext,
  steps: readonly Step[],
  reporter: Reporter,
  timings: StepTiming[]
): Promise<void> {
  for (const step of steps) {
    const started = performance.now()
    let outcome: StepTiming['outcome'] = 'failed'
    try {
      await reporter.group(step.name, async () => {
        await step.run(ctx)
        outcome = 'ok'
      })
    } finally {
      const seconds = (performance.now() - started) / 1000
      timings.push({ name: step.name, seconds, outcome })
      reporter.info(`${step.name}: ${outcome} in ${seconds.toFixed(2)} s`)
    }
  }
}
