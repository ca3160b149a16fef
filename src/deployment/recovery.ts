/**
 * A release left stuck by an earlier run (helm killed mid-upgrade, a runner that died) makes every later
 * `helm upgrade` fail with "another operation is in progress". Repair it first, and say so.
 */
import { DeployError } from '../contracts/errors.js'
import type { Helm, HistoryEntry } from '../programs/helm.js'

const STUCK = new Set(['pending-install', 'pending-upgrade', 'pending-rollback', 'failed'])
const GOOD = new Set(['deployed', 'superseded'])

export type Recovery =
  | { readonly kind: 'none' }
  | { readonly kind: 'rollback'; readonly stuck: HistoryEntry; readonly revision: number }
  | { readonly kind: 'uninstall'; readonly stuck: HistoryEntry }
  | { readonly kind: 'manual'; readonly stuck: HistoryEntry }

/** Pure: what to do with a release whose history (oldest first) is this. */
export function planRecovery(history: readonly HistoryEntry[]): Recovery {
  const stuck = history.at(-1)
  if (!stuck || !STUCK.has(stuck.status)) return { kind: 'none' }
  const good = history.filter(h => h.revision < stuck.revision && GOOD.has(h.status)).at(-1)
  if (good) return { kind: 'rollback', stuck, revision: good.revision }
  // Uninstall only when we see the whole history: pruned revisions may have been deployed.
  return history[0]?.revision === 1 ? { kind: 'uninstall', stuck } : { kind: 'manual', stuck }
}

/** The revision that is live now (the newest deployed one), if any. */
export function deployedRevision(history: readonly HistoryEntry[]): number | undefined {
  return history.filter(h => h.status === 'deployed').at(-1)?.revision
}

/** One line for the log and the deploy result. */
export function describeRecovery(release: string, recovery: Recovery): string | undefined {
  if (recovery.kind === 'none') return undefined
  const was = `${release} was left ${recovery.stuck.status} at revision ${recovery.stuck.revision} by an earlier run`
  if (recovery.kind === 'rollback') return `${was}; rolled back to revision ${recovery.revision}`
  if (recovery.kind === 'uninstall') return `${was} and nothing was ever deployed; uninstalled it`
  return `${was} and no deployed revision is left in its history; repair it by hand (helm rollback or helm uninstall)`
}

export interface Recovered {
  readonly history: HistoryEntry[]
  readonly message?: string
}

/** Repairs the release if it is stuck; returns its history afterwards. */
export async function recoverRelease(
  helm: Helm,
  release: string,
  namespace: string,
  timeoutSeconds: number
): Promise<Recovered> {
  const history = await helm.history(release, namespace)
  const recovery = planRecovery(history)
  const message = describeRecovery(release, recovery)
  if (recovery.kind === 'none') return { history }
  if (recovery.kind === 'manual') throw new DeployError(`${message} (namespace ${namespace})`)
  if (recovery.kind === 'rollback') await helm.rollback(release, namespace, recovery.revision, timeoutSeconds)
  else await helm.uninstall(release, namespace, timeoutSeconds)
  return { history: await helm.history(release, namespace), message }
}
