/**
 * The JSON records kept beside each values file: the last deployment and the evaluation history.
 * Pure: text in, text out; the shape of an evaluation belongs to src/scoring, so it is kept opaque.
 */
import type { ImageRef } from '../contracts/config.js'
import type { DeployResult } from '../contracts/deploy.js'
import { ConfigFileError } from '../contracts/errors.js'

export type JsonObject = { readonly [key: string]: unknown }

export interface DeploymentRecord {
  readonly image: ImageRef
  /** e.g. 'deployed', 'failed', 'rolled-back': what the pipeline decided. */
  readonly result: string
  /** ISO 8601. */
  readonly time: string
  readonly runUrl?: string
  readonly detail?: string
  /** The helm release and revision this deployment produced. */
  readonly release?: string
  readonly revision?: number
  /** The last version that passed its gate here: what a rollback goes back to. */
  readonly passed?: { readonly image: ImageRef; readonly revision?: number }
  /**
   * result 'held' (input hold): the deploy a later job's gate promotes or rolls back, as the deploy step
   * returned it, and the image the stage had before it (what a rollback restores when none passed yet).
   */
  readonly held?: HeldDeploy
}

export type HeldDeploy = Omit<DeployResult, 'helmSeconds' | 'recovered'> & { readonly previous?: ImageRef }

/** How many evaluations a stage keeps: enough for relative criteria, small enough to diff. */
export const EVALUATIONS_CAP = 50

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new ConfigFileError(file, undefined, `invalid JSON: ${(error as Error).message}`)
  }
}

function render(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

export function renderDeployment(record: DeploymentRecord): string {
  return render(record)
}

export function parseDeployment(text: string | undefined, file: string): DeploymentRecord | undefined {
  if (text === undefined) return undefined
  const value = parseJson(text, file) as Partial<DeploymentRecord> | null
  if (!value || typeof value !== 'object' || typeof value.image?.tag !== 'string') {
    throw new ConfigFileError(
      file,
      undefined,
      'expected a deployment record with image.repository and image.tag'
    )
  }
  return value as DeploymentRecord
}

/** The history, newest first; a missing file is an empty history. */
export function parseEvaluations(text: string | undefined, file: string): JsonObject[] {
  if (text === undefined) return []
  const value = parseJson(text, file)
  if (!Array.isArray(value) || value.some(item => !item || typeof item !== 'object' || Array.isArray(item))) {
    throw new ConfigFileError(file, undefined, 'expected a JSON array of evaluation objects')
  }
  return value as JsonObject[]
}

/** The file with `entry` first and the oldest entries beyond `cap` dropped. */
export function prependEvaluation(
  text: string | undefined,
  entry: JsonObject,
  file: string,
  cap = EVALUATIONS_CAP
) {
  return render([entry, ...parseEvaluations(text, file)].slice(0, Math.max(1, cap)))
}
