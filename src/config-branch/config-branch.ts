/**
 * The config branch: what runs in each stage and why. Every operation is one read-modify-write through
 * updateBranch (one commit, or none when nothing changes) or one read through readBranch.
 */
import type { ImageRef } from '../contracts/config.js'
import type { StageKey } from '../contracts/plan.js'
import {
  readBranch,
  updateBranch,
  type BranchTarget,
  type UpdateOptions,
  type UpdateResult
} from './branch-update.js'
import {
  checkImage,
  checkStageKey,
  deploymentPath,
  describeChange,
  evaluationsPath,
  valuesPath
} from './layout.js'
import {
  parseDeployment,
  parseEvaluations,
  prependEvaluation,
  renderDeployment,
  type DeploymentRecord,
  type JsonObject
} from './records.js'
import { readImage, writeImage, type ImageShape } from './values-file.js'

export * from './branch-update.js'

export interface SetImageResult extends UpdateResult {
  /** The image the stage had before (equal to the new one when nothing changed). */
  readonly previous?: ImageRef
  /** The values file as it is on the branch after the update: what helm deploys. */
  readonly values: string
}

const SUBJECT = '[carts-deploy]'

function sameImage(a: ImageRef | undefined, b: ImageRef): boolean {
  return a?.repository === b.repository && a.tag === b.tag
}

/** Messages are built from checked names; free text (results, reasons) is kept to one line in subjects. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200)
}

export interface SetImageOptions {
  /** How the chart reads its image (its values.yaml), for a stage whose values file has none yet. */
  readonly shape?: ImageShape
  /** Runs on the values file about to be the desired state; its error ends the update, nothing committed. */
  readonly check?: (values: string) => Promise<void>
}

/** Sets the desired image of a service in a stage. The same image again: no commit, the tip's sha. */
export async function setImage(
  target: BranchTarget,
  key: StageKey,
  image: ImageRef,
  options?: UpdateOptions,
  { shape, check }: SetImageOptions = {}
) {
  checkImage(image)
  const path = valuesPath(key)
  let previous: ImageRef | undefined
  let values = ''
  const result = await updateBranch(
    target,
    {
      reads: [path],
      mutate: async files => {
        const text = files.get(path)
        previous = readImage(text, path)
        const same = text !== undefined && sameImage(previous, image)
        values = same ? text : writeImage(text, image, path, shape)
        await check?.(values)
        return same ? null : { [path]: values }
      },
      message: `${SUBJECT} ${describeChange(key, image.tag)}`
    },
    options
  )
  return { ...result, previous, values } satisfies SetImageResult
}

export async function getImage(target: BranchTarget, key: StageKey, options?: UpdateOptions) {
  const path = valuesPath(key)
  const snapshot = await readBranch(target, [path], options)
  return { sha: snapshot.head, image: readImage(snapshot.files.get(path), path) }
}

export interface Rollback {
  /** The image that failed: the rollback happens only while the stage still has it. */
  readonly from: ImageRef
  readonly to: ImageRef
  readonly reason: string
}

/**
 * A commit that restores the previous image, saying why. When another run already moved the stage to a
 * different image, that newer intent wins: nothing is written (changed: false).
 */
export async function recordRollback(
  target: BranchTarget,
  key: StageKey,
  rollback: Rollback,
  options?: UpdateOptions
) {
  checkImage(rollback.to)
  const path = valuesPath(key)
  const subject = `${SUBJECT} rollback ${describeChange(key, rollback.to.tag)} (was ${rollback.from.tag})`
  return updateBranch(
    target,
    {
      reads: [path],
      mutate: files => {
        const text = files.get(path)
        if (!sameImage(readImage(text, path), rollback.from)) return null
        return { [path]: writeImage(text, rollback.to, path) }
      },
      message: `${subject}\n\n${rollback.reason.trim()}`
    },
    options
  )
}

export async function recordDeployment(
  target: BranchTarget,
  key: StageKey,
  record: DeploymentRecord,
  options?: UpdateOptions
) {
  checkImage(record.image)
  const path = deploymentPath(key)
  const subject = `${SUBJECT} deployment ${describeChange(key, record.image.tag)}: ${oneLine(record.result)}`
  const text = renderDeployment(record)
  return updateBranch(target, { reads: [path], mutate: () => ({ [path]: text }), message: subject }, options)
}

export async function readDeployment(target: BranchTarget, key: StageKey, options?: UpdateOptions) {
  const path = deploymentPath(key)
  const snapshot = await readBranch(target, [path], options)
  return parseDeployment(snapshot.files.get(path), path)
}

export interface EvaluationOptions extends UpdateOptions {
  /** Kept entries, newest first (EVALUATIONS_CAP by default). */
  readonly cap?: number
  /** One line for the commit subject, e.g. "pass (score 95)". */
  readonly summary?: string
}

/** Adds an evaluation at the front of the stage's history (capped): one commit per evaluation. */
export async function appendEvaluation(
  target: BranchTarget,
  key: StageKey,
  entry: JsonObject,
  options: EvaluationOptions = {}
) {
  const path = evaluationsPath(key)
  const said = options.summary ? `: ${oneLine(options.summary)}` : ''
  const subject = `${SUBJECT} evaluation ${key.service} in ${key.project}/${key.stage}${said}`
  return updateBranch(
    target,
    {
      reads: [path],
      mutate: files => ({ [path]: prependEvaluation(files.get(path), entry, path, options.cap) }),
      message: subject
    },
    options
  )
}

/** The stage's evaluation history, newest first; empty when there is none (or no branch). */
export async function readEvaluations(target: BranchTarget, key: StageKey, options?: UpdateOptions) {
  checkStageKey(key)
  const path = evaluationsPath(key)
  const snapshot = await readBranch(target, [path], options)
  return parseEvaluations(snapshot.files.get(path), path)
}
