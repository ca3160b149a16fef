/** The plan of one stage: everything the pipeline needs to know from the shipyard. */
import { InputError } from '../errors.js'
import type { Approval, DeploymentStrategy, Shipyard } from './shipyard-model.js'

export interface StagePlan {
  readonly project: string
  readonly stage: string
  readonly namespace: string
  /** undefined: quality-gate-only stage. */
  readonly deploymentStrategy?: DeploymentStrategy
  readonly testStrategy?: string
  readonly approval: { readonly pass: Approval; readonly warning: Approval }
  readonly nextStage?: string
  readonly shipyard: string
}

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
