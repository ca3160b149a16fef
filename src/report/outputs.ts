/** The action's outputs, derived from what the steps left (pure). */
import type { OutputName } from '../contracts/action-interface.js'
import type { StagePlan } from '../contracts/plan.js'
import type { StepResults } from '../contracts/run.js'

export type Outputs = Partial<Record<OutputName, string>>

export function collectOutputs(results: StepResults, plan: StagePlan, failed: boolean): Outputs {
  const { commit, install, deploy, test, evaluate: evaluation, gate } = results
  const passed = gate?.action === 'promote' && !failed
  // Held: deployed, not judged. Neither a pass nor a fail, and no score.
  const held = gate?.action === 'hold' && !failed
  return {
    result: evaluation?.evaluation.result ?? (held ? 'held' : passed ? 'pass' : 'fail'),
    score: evaluation ? String(evaluation.evaluation.score) : held ? '' : passed ? '100' : '0',
    // Only a gate that promoted lets the next stage run; any failure before it holds the pipeline.
    promote: gate?.promote === true && !failed ? 'true' : 'false',
    approval: gate?.approval ?? 'none',
    'next-stage': plan.nextStage ?? '',
    'deployment-url': deploy?.serviceUrl ?? '',
    'deployment-service': deploy?.testService ?? '',
    url: deploy?.publicUrl ?? '',
    'config-commit': commit?.sha ?? '',
    evaluation: evaluation?.file ?? '',
    'helm-path': install?.helm.path ?? '',
    'results-dir': test?.resultsDir ?? ''
  }
}
