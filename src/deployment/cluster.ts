/** The helm and kubectl of one run: opened once per run (kubeconfig written once, helm version asked once). */
import type { Strategy } from '../contracts/deploy.js'
import type { RunContext } from '../contracts/run.js'
import { Helm } from '../programs/helm.js'
import { Kubectl } from '../programs/kubectl.js'
import { kubeEnv, writeKubeconfig } from './kubeconfig.js'

export interface Cluster {
  readonly helm: Helm
  readonly kubectl: Kubectl
}

const opened = new WeakMap<RunContext, Promise<Cluster>>()

/** The same tools for the deploy step and, later in the run, the gate's promote/reject. */
export function clusterFor(ctx: RunContext): Promise<Cluster> {
  let cluster = opened.get(ctx)
  if (!cluster) {
    cluster = openCluster(ctx)
    opened.set(ctx, cluster)
    // A failed open (no helm) must not be cached: the next caller gets the error afresh.
    cluster.catch(() => opened.delete(ctx))
  }
  return cluster
}

/** The install step's helm, or the one on PATH when the install step did not run. */
export function helmPath(ctx: RunContext): string {
  return ctx.results.install?.helm.path ?? 'helm'
}

async function openCluster(ctx: RunContext): Promise<Cluster> {
  const env = kubeEnv(await writeKubeconfig(ctx.config.kubeconfig, ctx.tempDir))
  return { helm: new Helm(helmPath(ctx), env), kubectl: new Kubectl('kubectl', env) }
}

/** A deployment strategy working on this project's cluster handle. */
export type ClusterStrategy = Strategy<Cluster>
