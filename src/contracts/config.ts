import type { PrometheusGate } from './evaluation.js'

/** The typed, validated configuration of one run: what inputs.ts (action) and the CLI produce. */

export type ToolVersion = { readonly kind: 'system' } | { readonly kind: 'pinned'; readonly version: string }

export type FailOn = 'fail' | 'warning' | 'never'

/** Where the quality gate's objectives come from. */
export type GateSource =
  | { readonly kind: 'slo'; readonly file: string }
  | { readonly kind: 'thresholds'; readonly text: string }
  | { readonly kind: 'none' }

export interface ActionConfig {
  readonly tag: string
  readonly stage: string
  readonly image: string
  readonly service: string
  readonly project: string
  /** Absolute path, or undefined for the embedded default shipyard. */
  readonly shipyardFile?: string
  readonly chartDir: string
  readonly configBranch: string
  /** A local path or an https URL of the repository that holds the config branch. */
  readonly configRepo: string
  readonly namespace?: string
  /** Kept out of logs: masked as soon as it is read. */
  readonly kubeconfig?: string
  readonly helmVersion: ToolVersion
  readonly jmeterVersion: ToolVersion
  readonly helmDownloadUrl: string
  readonly jmeterDownloadUrl: string
  readonly serviceAccess: ServiceAccess
  readonly jmeterDir?: string
  /** JMeter's distributed mode in the cluster; undefined: JMeter runs on the runner. */
  readonly loadEngines?: LoadEngines
  readonly gate: GateSource
  /** Keptn's app domain: the stage's public host is `<service>.<namespace>.<domain>`. */
  readonly domain?: string
  /** The IngressClass of the stage's Ingress; undefined: the cluster's default. */
  readonly ingressClass?: string
  /** SLIs queried from Prometheus for the test's window. */
  readonly prometheus?: PrometheusSettings
  /** JSON file of SLI name -> number|null from elsewhere, used instead of the test's results. */
  readonly sliValuesFile?: string
  /** Masked as soon as it is read. */
  readonly githubToken?: string
  readonly timeoutSeconds: number
  readonly failOn: FailOn
  /** Deploy and hold: no tests, no gate; a later job gates the held deploy with `results`. */
  readonly hold?: boolean
  /** Results files or folders (real paths in the workspace) of tests run elsewhere: judged instead of JMeter. */
  readonly results?: readonly string[]
  /** A gate that scored nothing (no pass criteria, or only relative ones without a baseline) fails. */
  readonly failOnUnscored?: boolean
  readonly author: { readonly name: string; readonly email: string }
  readonly workspace: string
  readonly runUrl?: string
}

export interface LoadEngines {
  /** jmeter-server pods, 1 or more. */
  readonly count: number
  /** Built as e2e/images/build.sh builds docker.io/carts-e2e/jmeter:5.6.3 (its layout is the contract). */
  readonly image: string
}

export interface PrometheusSettings {
  readonly url: string
  /** Authorization header value; masked as soon as it is read. */
  readonly authorization?: string
  readonly gate: PrometheusGate
}

export interface ImageRef {
  readonly repository: string
  readonly tag: string
}

/** The image this run delivers. */
export function imageOf(config: Pick<ActionConfig, 'image' | 'tag'>): ImageRef {
  return { repository: config.image, tag: config.tag }
}

/** The `service-url` value that asks for a port-forward instead of a URL. */
export const PORT_FORWARD = 'port-forward'

/**
 * How the tests reach the new version: a URL template with {service}, {namespace}, {stage}, {project}
 * (a runner inside the cluster, or a public address), or `kubectl port-forward` to its Service (a runner
 * that reaches only the API server).
 */
export type ServiceAccess =
  { readonly kind: 'url'; readonly template: string } | { readonly kind: 'port-forward' }
