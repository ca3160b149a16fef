/** The one model of a shipyard that both Keptn formats are read into. */
import { ConfigFileError } from '../errors.js'
import { lineAt, type YamlSource } from './yaml-file.js'

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

export const STAGE_NAME_PATTERN = '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$'
export const approvalValueSchema = { enum: ['automatic', 'manual'] }

export function checkUniqueNames(src: YamlSource, names: readonly string[], at: (string | number)[]): void {
  const seen = new Set<string>()
  names.forEach((name, i) => {
    if (seen.has(name))
      throw new ConfigFileError(src.file, lineAt(src, [...at, i]), `stage '${name}' appears twice`)
    seen.add(name)
  })
}
