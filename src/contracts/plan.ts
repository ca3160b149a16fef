/** The shipyard as read from either Keptn format, and the plan of one stage drawn from it. */

/** The one name of a deployment strategy, from the shipyard to the deploy step. */
export type DeploymentStrategy = 'direct' | 'blue_green_service'
export type Approval = 'automatic' | 'manual'

export interface StageSpec {
  readonly name: string
  /** undefined: a quality-gate-only stage (nothing is deployed). */
  readonly deploymentStrategy?: DeploymentStrategy
  /** undefined: no tests in this stage. */
  readonly testStrategy?: string
  readonly approval: { readonly pass: Approval; readonly warning: Approval }
}

export interface Shipyard {
  readonly source: string
  readonly stages: readonly StageSpec[]
}

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

/** Where one service of one stage lives on the config branch. */
export interface StageKey {
  readonly project: string
  readonly stage: string
  readonly service: string
}
