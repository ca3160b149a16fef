/**
 * The layout of the config branch, and the checks that keep every path inside it.
 *
 * Pure: every name that becomes part of a path, a ref or a commit message is checked here, before any git
 * command runs, so a value like `../x`, `/etc`, `a/b` or one with a newline can never leave the layout.
 */
import type { ImageRef } from '../contracts/config.js'
import { dnsLabel, imageRepository, ociTag } from '../contracts/names.js'
import type { StageKey } from '../contracts/plan.js'

export type { ImageRef, StageKey }

export const README_PATH = 'README.md'
export const VALUES_FILE = 'values.yaml'
export const DEPLOYMENT_FILE = 'deployment.json'
export const EVALUATIONS_FILE = 'evaluations.json'

export const checkName = dnsLabel

export function checkStageKey(key: StageKey): StageKey {
  checkName('project', key.project)
  checkName('stage', key.stage)
  checkName('service', key.service)
  return key
}

export const checkRepository = imageRepository

export function checkImage(image: ImageRef, inputs = { repository: 'image', tag: 'tag' }): ImageRef {
  checkRepository(inputs.repository, image.repository)
  ociTag(inputs.tag, image.tag)
  return image
}

function dir(key: StageKey): string {
  checkStageKey(key)
  return `${key.project}/${key.stage}/${key.service}`
}

export function valuesPath(key: StageKey): string {
  return `${dir(key)}/${VALUES_FILE}`
}

export function deploymentPath(key: StageKey): string {
  return `${dir(key)}/${DEPLOYMENT_FILE}`
}

export function evaluationsPath(key: StageKey): string {
  return `${dir(key)}/${EVALUATIONS_FILE}`
}

/** `service:tag -> project/stage`: the subject of every commit about this stage. */
export function describeChange(key: StageKey, tag: string): string {
  return `${key.service}:${tag} -> ${key.project}/${key.stage}`
}

export const README_TEXT = `# Config branch of carts-deploy-action

This branch holds the desired state of every stage, written by carts-deploy-action
(the part of Keptn that its github-service used to do). Do not rebase or force-push it:
many workflow runs push here at once, and each run only ever adds a commit on top.

## Layout

    <project>/<stage>/<service>/values.yaml       Helm values: image.repository and image.tag
                                                  say what runs in the stage; add your own keys,
                                                  they are kept with their comments and order
    <project>/<stage>/<service>/deployment.json   the last deployment: image, result, time, run
    <project>/<stage>/<service>/evaluations.json  quality-gate evaluations, newest first (capped),
                                                  which relative SLO criteria compare against

Names of projects, stages and services are DNS labels (lowercase letters, digits, "-").

## Commits

    [carts-deploy] <service>:<tag> -> <project>/<stage>

with a \`Workflow-Run: <url>\` trailer naming the run that made the change. A rollback is a
commit that restores the previous image, and its message says why. \`git log -- <path>\`
shows the history of one stage.
`
