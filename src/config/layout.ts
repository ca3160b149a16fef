/**
 * The layout of the config branch, and the checks that keep every path inside it.
 *
 * Pure: every name that becomes part of a path, a ref or a commit message is checked here, before any git
 * command runs, so a value like `../x`, `/etc`, `a/b` or one with a newline can never leave the layout.
 */
import { InputError } from '../errors.js'
import { dnsLabel, imageRepository, ociTag } from './names.js'

/** Where one service of one stage lives on the branch. */
export interface StageKey {
  readonly project: string
  readonly stage: string
  readonly service: string
}

export interface ImageRef {
  readonly repository: string
  readonly tag: string
}

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

/** An OCI tag; `..` is refused on top so that no tag can read like a path step. */
export function checkTag(input: string, value: string): string {
  ociTag(input, value)
  if (value.includes('..')) throw new InputError(input, 'an image tag without ".."', value)
  return value
}

export const checkRepository = imageRepository

export function checkImage(image: ImageRef, inputs = { repository: 'image', tag: 'tag' }): ImageRef {
  checkRepository(inputs.repository, image.repository)
  checkTag(inputs.tag, image.tag)
  return image
}

/** A branch name git accepts and that cannot be read as an option or a path outside refs/heads. */
export function checkBranch(input: string, value: string): string {
  const bad =
    !/^[A-Za-z0-9._/-]{1,200}$/.test(value) ||
    /^[-/.]|[/.]$|\.\.|\/\/|\/\.|\.lock$|\.lock\//.test(value) ||
    value === 'HEAD'
  if (bad) throw new InputError(input, 'a git branch name such as "config"', value)
  return value
}

/**
 * A remote git accepts with no surprises: a local path, or a file/http(s)/ssh URL without credentials.
 * Refused: `transport::address` (git's remote helpers, e.g. ext:: runs commands), a leading "-" (read as
 * an option), user:password@ in a URL (the token travels in a header, never in the URL), control characters.
 */
export function checkRepo(input: string, value: string): string {
  const refuse = (why: string): never => {
    throw new InputError(input, `a local path or an https URL of a git repository (${why})`, value)
  }
  if (!value || hasControl(value)) refuse('no control characters')
  if (value.startsWith('-')) refuse('must not start with "-"')
  if (/^[A-Za-z][A-Za-z0-9+.-]*::/.test(value)) refuse('no remote helpers')
  const url = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)
  if (!url) return value
  if (!['https', 'http', 'file', 'ssh'].includes(url[1].toLowerCase())) refuse(`unsupported scheme ${url[1]}`)
  const parsed = new URL(value)
  if (parsed.password || (parsed.username && url[1].toLowerCase() !== 'ssh'))
    refuse('no credentials in the URL')
  return value
}

function hasControl(value: string): boolean {
  return [...value].some(char => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
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
