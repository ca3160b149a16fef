/**
 * One `helm upgrade --install` with rollback on failure, and the one-line explanation a user gets when
 * it fails. Shared by both strategies: they differ only in which release and colour they deploy.
 */
import { parseAllDocuments } from 'yaml'
import { ToolError } from '../contracts/errors.js'
import { DeployError, lastLines } from '../contracts/errors.js'
import type { Helm, HelmRelease, HistoryEntry, UpgradeSpec } from '../programs/helm.js'
import type { Kubectl } from '../programs/kubectl.js'
import { deployedRevision, recoverRelease, type Recovered } from './recovery.js'

// Helm 3 (poller): "timed out waiting for the condition"; Helm 4 (watcher): "resource Deployment/ns/x not
// ready. status: InProgress" and "context deadline exceeded". All after --timeout, whatever kept the
// rollout from finishing.
const TIMEOUT = /context deadline exceeded|timed out waiting for the condition|not ready\. status:/i

export interface FailureFacts {
  readonly image: string
  readonly namespace: string
  readonly timeoutSeconds: number
  /** What helm said. */
  readonly output: string
  /** What the release is now: the revision restored, 'removed' after a failed first install. */
  readonly restored: number | 'removed' | undefined
  readonly recovered?: string
}

/** Pure: the one line for a failed upgrade. */
export function explainFailure(facts: FailureFacts): string {
  const after =
    facts.restored === 'removed'
      ? 'helm removed the failed first install'
      : facts.restored === undefined
        ? (facts.recovered ?? 'the release was left as helm left it')
        : `helm rolled back to revision ${facts.restored}`
  if (TIMEOUT.test(facts.output))
    return `${facts.image} did not become ready within ${facts.timeoutSeconds}s in ${facts.namespace}; ${after}`
  return `${facts.image} could not be deployed to ${facts.namespace}: ${lastLine(facts.output)}; ${after}`
}

/** Pure: the revision the release was rolled back to, read from its newest history entry. */
export function restoredRevision(history: readonly HistoryEntry[]): number | 'removed' | undefined {
  const last = history.at(-1)
  if (!last) return 'removed'
  if (last.status !== 'deployed') return undefined
  // A rollback writes a new revision described as "Rollback to N": N is the one the user knows.
  const source = /Rollback to (\d+)/.exec(last.description ?? '')
  return source ? Number(source[1]) : last.revision
}

/** Pure: the Deployments a rendered manifest contains. */
export function deploymentsIn(manifest: string): string[] {
  return parseAllDocuments(manifest)
    .map(doc => doc.toJS() as { kind?: string; metadata?: { name?: string } } | null)
    .filter(obj => obj?.kind === 'Deployment' && obj.metadata?.name)
    .map(obj => obj!.metadata!.name!)
}

/** `carts:0.8.2` from docker.io/keptnexamples/carts and 0.8.2: what people call a build. */
export function shortImage(repository: string, tag: string): string {
  return `${repository.split('/').at(-1)}:${tag}`
}

export interface Upgraded {
  readonly release: HelmRelease
  readonly previousRevision?: number
  readonly recovered?: string
  /** How long helm's own upgrade (and --wait) took. */
  readonly helmSeconds: number
}

/**
 * Upgrade a release already recovered (`before`: see recoverRelease), and on failure leave it deployable
 * and explain in one line.
 */
export async function upgradeRelease(
  helm: Helm,
  spec: UpgradeSpec,
  image: string,
  before: Recovered
): Promise<Upgraded> {
  const { release, namespace, timeoutSeconds } = spec
  try {
    // A hung helm is stopped a minute after its own timeout; the next run recovers the release.
    const started = performance.now()
    const done = await helm.upgrade(spec, (timeoutSeconds + 60) * 1000)
    const helmSeconds = (performance.now() - started) / 1000
    return {
      release: done,
      previousRevision: deployedRevision(before.history),
      recovered: before.message,
      helmSeconds
    }
  } catch (error) {
    if (!(error instanceof ToolError)) throw error
    // --atomic / --rollback-on-failure has restored the release; if helm died first, repair it now.
    const after = await recoverRelease(helm, release, namespace, timeoutSeconds).catch(() => undefined)
    const restored = after ? restoredRevision(after.history) : undefined
    const facts = {
      image,
      namespace,
      timeoutSeconds,
      output: error.output,
      restored,
      recovered: after?.message
    }
    throw new DeployError(explainFailure(facts))
  }
}

/** `kubectl rollout status` for each Deployment of the release: the workload is really serving. */
export async function checkRollout(kubectl: Kubectl, release: HelmRelease, timeoutSeconds: number) {
  for (const deployment of deploymentsIn(release.manifest)) {
    try {
      await kubectl.rolloutStatus(deployment, release.namespace, timeoutSeconds)
    } catch (error) {
      if (!(error instanceof ToolError)) throw error
      throw new DeployError(
        `deployment/${deployment} in ${release.namespace} did not finish its rollout after helm: ${lastLine(error.output)}`
      )
    }
  }
}

function lastLine(text: string): string {
  return lastLines(text) || '(no output)'
}
