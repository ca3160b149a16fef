/** The commit step: the stage's desired image goes onto the config branch, and its values file to helm. */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { setSecret } from '@actions/core'
import type { ActionConfig } from '../config/action-config.js'
import { describeChange, valuesPath, type StageKey } from '../config/layout.js'
import { resolveRepo, setImage, type BranchTarget } from '../state/config-branch.js'
import { basicCredential, httpOrigin } from '../tools/git.js'
import type { CommitResult, RunContext } from './context.js'

/** The branch of the config repository; the token goes only to an http(s) remote. */
export function configTarget(config: ActionConfig): BranchTarget {
  const repo = resolveRepo(config.configRepo, config.workspace)
  const token = httpOrigin(repo) ? config.githubToken : undefined
  // The runner masks the token, not its base64 form; mask that too before git ever sees it.
  if (token && process.env.GITHUB_ACTIONS === 'true') setSecret(basicCredential(token))
  return {
    repo,
    branch: config.configBranch,
    auth: token ? { token } : undefined,
    author: config.author,
    runUrl: config.runUrl
  }
}

export async function commitStep(ctx: RunContext): Promise<CommitResult> {
  const key: StageKey = { project: ctx.plan.project, stage: ctx.plan.stage, service: ctx.config.service }
  const image = { repository: ctx.config.image, tag: ctx.config.tag }
  const target = configTarget(ctx.config)
  const result = await setImage(target, key, image, { tempRoot: ctx.tempDir })
  const valuesFile = join(ctx.tempDir, 'config', valuesPath(key))
  await mkdir(dirname(valuesFile), { recursive: true })
  await writeFile(valuesFile, result.values)
  const where = `branch '${target.branch}' at ${result.sha?.slice(0, 12)}`
  if (result.changed) ctx.log.info(`Committed ${describeChange(key, image.tag)} to ${where}`)
  else ctx.log.info(`${describeChange(key, image.tag)} is already the desired state on ${where}; no commit`)
  if (result.attempts > 1)
    ctx.log.info(`(pushed after ${result.attempts} attempts: other runs were writing too)`)
  return { sha: result.sha ?? '', changed: result.changed, previous: result.previous, valuesFile }
}
