/** The plan of one stage: everything the pipeline needs to know from the shipyard. */
import { InputError } from '../contracts/errors.js'
import type { Shipyard, StagePlan } from '../contracts/plan.js'

export function planStage(shipyard: Shipyard, stage: string, project: string, namespace?: string): StagePlan {
  const index = shipyard.stages.findIndex(s => s.name === stage)
  if (index < 0) {
    const known = shipyard.stages.map(s => s.name).join(', ')
    throw new InputError('stage', `one of the stages of ${shipyard.source} (${known})`, stage)
  }
  const spec = shipyard.stages[index]
  return {
    project,
    stage,
    namespace: namespace ?? `${project}-${stage}`,
    deploymentStrategy: spec.deploymentStrategy,
    testStrategy: spec.testStrategy,
    approval: spec.approval,
    nextStage: shipyard.stages[index + 1]?.name,
    shipyard: shipyard.source
  }
}
