/** `carts-deploy config set-image | get`: the config branch from a terminal or any CI. */
import { Command } from 'commander'
import {
  checkTarget,
  getImage,
  resolveRepo,
  setImage,
  type BranchTarget
} from '../../config-branch/config-branch.js'
import { checkImage, checkStageKey } from '../../config-branch/layout.js'
import { ConfigBranchError, InputError } from '../../contracts/errors.js'
import type { StageKey } from '../../contracts/plan.js'
import { httpOrigin } from '../../programs/git.js'

export interface GetOptions {
  readonly repo: string
  readonly branch: string
  readonly project: string
  readonly stage: string
  readonly service: string
  readonly json?: boolean
}

export interface SetImageOptions extends GetOptions {
  readonly image: string
  readonly tag: string
}

/** Checks names as the options they came from, so the error says `--service`, not `service`. */
function asOptions<T>(work: () => T): T {
  try {
    return work()
  } catch (error) {
    if (error instanceof InputError && !error.input.startsWith('--')) {
      throw new InputError(`--${error.input}`, error.expected, error.got)
    }
    throw error
  }
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined
}

function parse(opts: GetOptions, env: NodeJS.ProcessEnv): { target: BranchTarget; key: StageKey } {
  return asOptions(() => {
    const key = checkStageKey({ project: opts.project, stage: opts.stage, service: opts.service })
    const repo = resolveRepo(opts.repo)
    const token = httpOrigin(repo) ? env.GITHUB_TOKEN : undefined
    const auth = token ? { token } : undefined
    return { key, target: checkTarget({ repo, branch: opts.branch, auth, runUrl: runUrl(env) }) }
  })
}

/** Sets the image; returns the commit sha that holds it (new, or the tip when nothing changed). */
export async function runSetImage(
  opts: SetImageOptions,
  env: NodeJS.ProcessEnv = process.env
): Promise<string> {
  const { target, key } = parse(opts, env)
  const image = asOptions(() => checkImage({ repository: opts.image, tag: opts.tag }))
  const result = await setImage(target, key, image)
  return result.sha ?? ''
}

/** `REPO:TAG`, or with json a `{repository, tag, sha}` object. */
export async function runGet(opts: GetOptions, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { target, key } = parse(opts, env)
  const { sha, image } = await getImage(target, key)
  if (!image) {
    const where = `${key.project}/${key.stage} on branch '${target.branch}' of ${target.repo}`
    throw new ConfigBranchError(`No image is set for ${key.service} in ${where}`)
  }
  return opts.json ? JSON.stringify({ ...image, sha }) : `${image.repository}:${image.tag}`
}

/** Errors propagate: the CLI entry prints them on one line and picks the exit code (2 for bad input). */
async function print(work: () => Promise<string>): Promise<void> {
  process.stdout.write(`${await work()}\n`)
}

function stageOptions(command: Command): Command {
  return command
    .requiredOption('--repo <path|url>', 'repository that holds the config branch (local path or https URL)')
    .option('--branch <name>', 'the config branch', 'config')
    .requiredOption('--project <name>', 'project')
    .requiredOption('--stage <name>', 'stage')
    .requiredOption('--service <name>', 'service')
}

export function configCommand(): Command {
  const config = new Command('config').description('read and write the desired image of each stage')
  stageOptions(config.command('set-image'))
    .description('set the image of a service in a stage; prints the commit sha (token: env GITHUB_TOKEN)')
    .requiredOption(
      '--image <repository>',
      'image repository without tag, e.g. docker.io/keptnexamples/carts'
    )
    .requiredOption('--tag <tag>', 'image tag')
    .action((opts: SetImageOptions) => print(() => runSetImage(opts)))
  stageOptions(config.command('get'))
    .description('print the image of a service in a stage as REPO:TAG')
    .option('--json', 'print {"repository", "tag", "sha"}')
    .action((opts: GetOptions) => print(() => runGet(opts)))
  return config
}
