/** Which branch of which repository a run writes to, and with what credential. */
import type { ActionConfig } from '../contracts/config.js'
import { httpOrigin } from '../programs/git.js'
import { resolveRepo, type BranchTarget } from './branch-update.js'

/** The branch of the config repository; the token goes only to an http(s) remote. */
export function configTarget(config: ActionConfig): BranchTarget {
  const repo = resolveRepo(config.configRepo, config.workspace)
  const token = httpOrigin(repo) ? config.githubToken : undefined
  return {
    repo,
    branch: config.configBranch,
    auth: token ? { token } : undefined,
    author: config.author,
    runUrl: config.runUrl
  }
}
