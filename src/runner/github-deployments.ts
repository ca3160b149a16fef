/**
 * The stage job as a GitHub deployment, so that the repository's Environments page and the job's link show
 * each stage: one deployment per job (environment = the stage, ref = the workflow's commit, payload: image,
 * tag, namespace), status `in_progress`, then `success` or `failure` with the public URL and the run's log.
 * After a success the environment's earlier deployments become `inactive` (after a failure the one before
 * still serves, and stays active). Made only inside a workflow run (GITHUB_API_URL and GITHUB_SHA set).
 * Never fails a delivery: a token without `deployments: write` gives a warning saying which permission to
 * add; any other API error a warning with GitHub's words.
 */
import * as github from '@actions/github'
import type { ActionConfig } from '../contracts/config.js'
import type { Reporter } from '../contracts/reporter.js'

/** How long one API call may take. */
const CALL_TIMEOUT_MS = 15_000
/** Earlier deployments of the environment marked inactive after a success (the newest ones). */
const EARLIER = 10

type Octokit = ReturnType<typeof github.getOctokit>

export interface StageDeployment {
  /** Records the outcome: `url` is the stage's public URL, if any. */
  finish(succeeded: boolean, url: string | undefined): Promise<void>
}

const NONE: StageDeployment = { finish: async () => undefined }

export async function startDeployment(config: ActionConfig, log: Reporter): Promise<StageDeployment> {
  const env = process.env
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!env.GITHUB_API_URL || !env.GITHUB_SHA || !owner || !repo || !config.githubToken) return NONE
  const octokit = github.getOctokit(config.githubToken, { baseUrl: env.GITHUB_API_URL })
  const request = () => ({ signal: AbortSignal.timeout(CALL_TIMEOUT_MS) })
  const environment = config.stage
  const logUrl = config.runUrl
  try {
    const created = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: env.GITHUB_SHA,
      environment,
      auto_merge: false,
      required_contexts: [],
      description: `${config.service}:${config.tag} to ${environment}`,
      payload: {
        image: config.image,
        tag: config.tag,
        namespace: config.namespace ?? `${config.project}-${config.stage}`
      },
      request: request()
    })
    if (created.status !== 201) {
      log.warning(`GitHub deployment not created: ${String((created.data as { message?: string }).message)}`)
      return NONE
    }
    const id = created.data.id
    const status = (
      state: 'in_progress' | 'success' | 'failure' | 'inactive',
      deploymentId = id,
      url?: string
    ) =>
      octokit.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: deploymentId,
        state,
        ...(logUrl ? { log_url: logUrl } : {}),
        ...(url ? { environment_url: url } : {}),
        auto_inactive: false,
        request: request()
      })
    await status('in_progress')
    log.info(`GitHub deployment ${id} of ${environment}: in progress`)
    return {
      async finish(succeeded, url) {
        try {
          await status(succeeded ? 'success' : 'failure', id, url)
          if (succeeded)
            await inactivateEarlier(octokit, { owner, repo, environment, id }, id2 => status('inactive', id2))
          log.info(`GitHub deployment ${id} of ${environment}: ${succeeded ? 'success' : 'failure'}`)
        } catch (error) {
          log.warning(notRecorded(error))
        }
      }
    }
  } catch (error) {
    log.warning(notRecorded(error))
    return NONE
  }
}

async function inactivateEarlier(
  octokit: Octokit,
  where: { owner: string; repo: string; environment: string; id: number },
  inactivate: (id: number) => Promise<unknown>
): Promise<void> {
  const { owner, repo, environment } = where
  const listed = await octokit.rest.repos.listDeployments({
    owner,
    repo,
    environment,
    per_page: EARLIER,
    request: { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) }
  })
  for (const deployment of listed.data) if (deployment.id !== where.id) await inactivate(deployment.id)
}

/** One line: a missing permission says which to add; anything else quotes GitHub. */
function notRecorded(error: unknown): string {
  const e = error as { status?: number; message?: string; name?: string }
  if (e.status === 403 || e.status === 404)
    return (
      'GitHub deployment not recorded: the token may not write deployments ' +
      `(HTTP ${e.status}); add \`permissions: deployments: write\` to the job`
    )
  const why =
    e.name === 'TimeoutError' ? `no answer within ${CALL_TIMEOUT_MS / 1000} s` : (e.message ?? String(error))
  return `GitHub deployment not recorded: ${why}`
}
