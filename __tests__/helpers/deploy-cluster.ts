/** The deploy step's e2e fixtures: a RunContext on the real cluster, and kubectl/helm reads for the checks. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { StagePlan } from '../../src/contracts/plan.js'
import type { RunContext } from '../../src/contracts/run.js'
import { execTool } from '../../src/programs/exec.js'
import { parseHistory, type HistoryEntry } from '../../src/programs/helm.js'
import { testContext } from './context.js'
import { REPO } from './paths.js'

export const CHART = path.join(REPO, 'examples/carts/chart')
export const IMAGE = 'docker.io/keptnexamples/carts'
const env = process.env

/** The cluster's env.json keys arrive lower-case (global-setup copies them as they are). */
export const KUBECONFIG = env.kubeconfig ?? env.KUBECONFIG ?? ''
export const HELMS: readonly (readonly [string, string])[] = [
  ['Helm 3', env.helm3 ?? env.HELM3 ?? ''],
  ['Helm 4', env.helm4 ?? env.HELM4 ?? '']
]
/** The image whose /health answers 503 (e2e/images): its readiness probe never passes. */
export const NEVER_READY_TAG = '0.8.4'

export interface Fixture {
  readonly helm: string
  /** A namespace per stage, unique to this test run so a kept cluster can be reused. */
  readonly namespace: (stage: string) => string
  /** What every namespace of this fixture ends with. */
  readonly suffix: string
  readonly messages: string[]
}

export interface DeployCase {
  readonly stage: string
  readonly strategy?: StagePlan['deploymentStrategy']
  readonly tag: string
  readonly timeoutSeconds?: number
  readonly namespace?: string
}

export function fixture(helm: string, label: string): Fixture {
  const suffix = `-${label}-${Date.now().toString(36).slice(-5)}`
  return { helm, namespace: stage => `sockshop-${stage}${suffix}`, suffix, messages: [] }
}

/** A fresh run of the action for one stage: its own temp dir, the kubeconfig as the input gives it. */
export function runContext(fx: Fixture, c: DeployCase): RunContext {
  const tempDir = mkdtempSync(path.join(tmpdir(), 'carts-deploy-e2e-'))
  const valuesFile = path.join(tempDir, 'values.yaml')
  // The chart's probe waits 5 s before its first try; the tests ask every second from the start.
  writeFileSync(
    valuesFile,
    `image:\n  repository: ${IMAGE}\n  tag: "${c.tag}"\nreadinessProbe:\n  initialDelaySeconds: 0\n  periodSeconds: 1\n`
  )
  const ctx = testContext({
    tempDir,
    config: {
      stage: c.stage,
      image: IMAGE,
      tag: c.tag,
      chartDir: CHART,
      timeoutSeconds: c.timeoutSeconds ?? 60,
      kubeconfig: readFileSync(KUBECONFIG, 'utf8')
    },
    plan: {
      stage: c.stage,
      namespace: c.namespace ?? fx.namespace(c.stage),
      deploymentStrategy: c.strategy ?? 'direct'
    },
    results: {
      install: { helm: { path: fx.helm, version: '' } },
      commit: { sha: 'e2e', changed: true, valuesFile }
    }
  })
  // The fixture collects every message of every run, warnings included.
  ctx.log.info = (m: string) => void fx.messages.push(m)
  ctx.log.warning = (m: string) => void fx.messages.push(m)
  return ctx
}

export async function kubectl(args: readonly string[]): Promise<string> {
  return (await execTool('kubectl', ['--kubeconfig', KUBECONFIG, ...args])).stdout
}

export async function getJson<T>(kind: string, name: string, namespace: string): Promise<T | undefined> {
  const out = await kubectl(['get', kind, name, '-n', namespace, '-o', 'json', '--ignore-not-found'])
  return out.trim() ? (JSON.parse(out) as T) : undefined
}

/**
 * The version a Service answers on /version through its ClusterIP, as a pod reaches it. kube-proxy programs
 * the endpoints a moment after the EndpointSlices the action checks (minSyncPeriod 1 s, longer on a busy
 * machine): until then a new Service's ClusterIP refuses connections, which is tried again for up to 15 s.
 */
export async function versionViaClusterIp(service: string, namespace: string): Promise<string> {
  const ip = (await getJson<{ spec: { clusterIP: string } }>('service', service, namespace))!.spec.clusterIP
  const deadline = Date.now() + 15_000
  for (;;) {
    try {
      const response = await fetch(`http://${ip}/version`, { signal: AbortSignal.timeout(5_000) })
      return ((await response.json()) as { version: string }).version
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code
      if (code !== 'ECONNREFUSED' || Date.now() > deadline) throw error
      await sleep(250)
    }
  }
}

interface DeploymentJson {
  spec: { replicas: number; template: { spec: { containers: { image: string }[] } } }
  status: { readyReplicas?: number }
}

/** Desired replicas, ready replicas and image of a Deployment. */
export async function deployment(name: string, namespace: string) {
  const d = await getJson<DeploymentJson>('deployment', name, namespace)
  if (!d) return undefined
  return {
    replicas: d.spec.replicas,
    ready: d.status.readyReplicas ?? 0,
    image: d.spec.template.spec.containers[0].image
  }
}

export async function stableSelector(namespace: string): Promise<Record<string, string> | undefined> {
  return (await getJson<{ spec: { selector: Record<string, string> } }>('service', 'carts', namespace))?.spec
    .selector
}

export async function history(helm: string, release: string, namespace: string): Promise<HistoryEntry[]> {
  const out = await execTool(helm, ['history', release, '-n', namespace, '-o', 'json'], {
    env: { KUBECONFIG }
  })
  return parseHistory(out.stdout)
}

export async function deleteNamespaces(suffix: string): Promise<void> {
  const names = (await kubectl(['get', 'namespaces', '-o', 'name'])).split('\n')
  const ours = names.filter(n => n.startsWith('namespace/sockshop-') && n.endsWith(suffix))
  if (ours.length) await kubectl(['delete', ...ours, '--wait=false'])
}
