/** What a deployment strategy decides, and what a deploy leaves for the test and gate steps. */
import type { ImageRef } from './config.js'
import type { DeploymentStrategy } from './plan.js'
import type { RunContext } from './run.js'

export type Colour = 'blue' | 'green'
export type HelmMajor = 3 | 4
/** How traffic reaches the live colour: the stable service's selector, plus Istio weights when present. */
export type Traffic = 'service' | 'istio'

/**
 * The user's chart as a release named after the service renders it: the service's Deployment and the
 * Service users reach it by. Blue/green gives both a colour suffix and owns the stable Service by this name.
 */
export interface ChartNames {
  readonly deployment: string
  readonly service: string
}

/** Written by the deploy step. */
export interface DeployResult {
  readonly strategy: DeploymentStrategy
  readonly namespace: string
  /** The helm release this run installed or upgraded (`carts`, `carts-blue`, `carts-green`). */
  readonly release: string
  /** The release's revision after this deploy. */
  readonly revision: number
  /** The release's deployed revision before this deploy; undefined on a first install. */
  readonly previousRevision?: number
  /** blue/green only: the colour just deployed, and the colour the stable service selected before. */
  readonly colour?: Colour
  readonly liveColour?: Colour
  readonly traffic: Traffic
  readonly chart: ChartNames
  /** The service the tests reach the new version through, and its URL from the service-url template. */
  readonly testService: string
  /** None with `service-url: port-forward`: its local port exists only while the tests run. */
  readonly serviceUrl?: string
  /** The stage's public URL (input `domain`): the host routes to the stable Service. */
  readonly publicUrl?: string
  readonly image: string
  readonly helmMajor: HelmMajor
  /** One line when a release left stuck by an earlier run was repaired first. */
  readonly recovered?: string
  /** How long helm's own upgrade --wait took: not the action's overhead. */
  readonly helmSeconds: number
  /** A deploy a hold job left, adopted by the gate job (input results): the image the stage had before it. */
  readonly previousImage?: ImageRef
}

/** The pure decision of where a deploy goes. */
export interface DeployTarget {
  readonly release: string
  readonly chart: ChartNames
  readonly testService: string
  readonly colour?: Colour
  readonly liveColour?: Colour
  readonly traffic: Traffic
}

export interface RejectOptions {
  /** direct: the revision that last passed its gate (recorded on the config branch). */
  readonly toRevision?: number
}

/**
 * A deployment strategy: a pure decision of where to deploy, then what promote and reject do. `Cluster` is
 * the handle on the cluster's programs (helm, kubectl) that the deployment folder opens.
 */
export interface Strategy<Cluster> {
  readonly name: DeploymentStrategy
  /** Reads what it needs from the cluster (the live colour) and decides where this deploy goes. */
  target(ctx: RunContext, cluster: Cluster, chart: ChartNames): Promise<DeployTarget>
  /** Runs after a successful upgrade (blue/green: keep the mesh routes on the live colour). */
  afterDeploy(ctx: RunContext, cluster: Cluster, result: DeployResult): Promise<void>
  /** Gate passed: the new version takes the traffic. */
  promote(ctx: RunContext): Promise<void>
  /** Gate failed: traffic stays on (or goes back to) the version that passed. */
  reject(ctx: RunContext, options?: RejectOptions): Promise<void>
}
