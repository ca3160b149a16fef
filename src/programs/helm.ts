/**
 * The one way this project calls helm: argument arrays built by pure functions (unit-tested), the
 * kubeconfig passed to the child process only, and errors that carry helm's own words.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { stringify } from 'yaml'
import type { HelmMajor } from '../contracts/deploy.js'
import { SetupError, ToolError, ToolOutputError } from '../contracts/errors.js'
import { execTool, KUBE_ENV, type ExecOptions, type ExecResult } from './exec.js'

/** One line of `helm history -o json`. */
export interface HistoryEntry {
  readonly revision: number
  readonly status: string
  readonly updated?: string
  readonly description?: string
  readonly chart?: string
  readonly app_version?: string
}

/** What `helm upgrade -o json` says about the release it left behind. */
export interface HelmRelease {
  readonly name: string
  readonly namespace: string
  readonly revision: number
  readonly status: string
  readonly manifest: string
}

/** What `helm template` renders: the release's name, chart, namespace and values. */
export interface RenderSpec {
  readonly release: string
  readonly chart: string
  readonly namespace: string
  readonly valuesFiles: readonly string[]
  /** --set-string pairs, applied after the values files. */
  readonly setString?: Readonly<Record<string, string>>
}

/** A node script helm pipes the rendered release through before it applies it. */
export interface PostRenderer {
  readonly node: string
  readonly script: string
  readonly args: readonly string[]
}

export interface UpgradeSpec extends RenderSpec {
  readonly timeoutSeconds: number
  readonly postRenderer?: PostRenderer
}

/** Helm 4 runs post-renderers only as plugins: this one, from a plugins folder made for the call. */
export const POST_RENDERER_PLUGIN = 'carts-deploy-post-renderer'

/** Pure: the plugin.yaml of that plugin (Helm 4's subprocess runtime appends --post-renderer-args). */
export function postRendererPlugin(renderer: PostRenderer): string {
  return stringify({
    apiVersion: 'v1',
    type: 'postrenderer/v1',
    name: POST_RENDERER_PLUGIN,
    version: '1.0.0',
    runtime: 'subprocess',
    runtimeConfig: { platformCommand: [{ command: renderer.node, args: [renderer.script] }] }
  })
}

export function versionArgs(): string[] {
  return ['version', '--short']
}

/** `v3.22.0+g1234` or `v4.3.1+gabcd` -> 3 | 4; anything else is refused with what helm said. */
export function parseHelmMajor(output: string): HelmMajor {
  const major = Number(/^v?(\d+)\.\d+/.exec(output.trim())?.[1])
  if (major === 3 || major === 4) return major
  throw new SetupError(
    `helm ${JSON.stringify(output.trim().slice(0, 60))} is not supported: Helm 3 or 4 is needed`
  )
}

/** Helm 4 deprecates --atomic in favour of --rollback-on-failure (same behaviour). */
export function rollbackOnFailureFlag(major: HelmMajor): string {
  return major === 3 ? '--atomic' : '--rollback-on-failure'
}

// helm's strvals parser splits on `,` and treats `\` as an escape: keep values literal.
function escapeSetValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,')
}

function releaseArgs(spec: RenderSpec): string[] {
  return [
    spec.release,
    spec.chart,
    ...namespaceArgs(spec.namespace),
    ...spec.valuesFiles.flatMap(file => ['--values', file]),
    ...Object.entries(spec.setString ?? {}).flatMap(([k, v]) => ['--set-string', `${k}=${escapeSetValue(v)}`])
  ]
}

/** Helm 3 runs the program itself; Helm 4 the plugin of that name (see postRendererPlugin). */
function postRendererArgs(renderer: PostRenderer | undefined, major: HelmMajor): string[] {
  if (!renderer) return []
  const args = major === 3 ? [renderer.script, ...renderer.args] : renderer.args
  return [
    '--post-renderer',
    major === 3 ? renderer.node : POST_RENDERER_PLUGIN,
    ...args.flatMap(arg => ['--post-renderer-args', arg])
  ]
}

export function templateArgs(spec: RenderSpec): string[] {
  return ['template', ...releaseArgs(spec)]
}

export function upgradeArgs(spec: UpgradeSpec, major: HelmMajor): string[] {
  return [
    'upgrade',
    '--install',
    ...releaseArgs(spec),
    ...postRendererArgs(spec.postRenderer, major),
    ...waitArgs(spec.timeoutSeconds),
    rollbackOnFailureFlag(major),
    '--output',
    'json'
  ]
}

export function rollbackArgs(release: string, namespace: string, revision: number, timeoutSeconds: number) {
  return ['rollback', release, String(revision), ...namespaceArgs(namespace), ...waitArgs(timeoutSeconds)]
}

export function uninstallArgs(release: string, namespace: string, timeoutSeconds: number): string[] {
  return ['uninstall', release, ...namespaceArgs(namespace), ...waitArgs(timeoutSeconds)]
}

export function historyArgs(release: string, namespace: string): string[] {
  return ['history', release, ...namespaceArgs(namespace), '--output', 'json']
}

function namespaceArgs(namespace: string): string[] {
  return ['--namespace', namespace]
}

// A bare --wait works in both: Helm 4 reads it as --wait=watcher (kstatus watches), Helm 3 as polling.
function waitArgs(timeoutSeconds: number): string[] {
  return ['--wait', '--timeout', `${timeoutSeconds}s`]
}

/** `helm history -o json`, oldest first. */
export function parseHistory(json: string): HistoryEntry[] {
  const entries = JSON.parse(json) as HistoryEntry[]
  if (!Array.isArray(entries)) throw new ToolOutputError('helm history', 'expected a JSON array')
  return [...entries].sort((a, b) => a.revision - b.revision)
}

export function parseRelease(json: string): HelmRelease {
  const raw = JSON.parse(json) as {
    name: string
    namespace: string
    version: number
    info?: { status?: string }
    manifest?: string
  }
  return {
    name: raw.name,
    namespace: raw.namespace,
    revision: raw.version,
    status: raw.info?.status ?? 'unknown',
    manifest: raw.manifest ?? ''
  }
}

export class Helm {
  private readonly detected: Promise<HelmMajor>

  /**
   * Asks helm its version once, in the background (the step meanwhile talks to the cluster); every
   * call waits for it, so a missing or unsupported helm fails there, with that message.
   */
  constructor(
    readonly path: string,
    private readonly env: Readonly<Record<string, string>> = {}
  ) {
    this.detected = runHelm(path, versionArgs(), { env }).then(result => parseHelmMajor(result.stdout))
    this.detected.catch(() => {}) // reported by the first call that needs it, not as unhandled
  }

  major(): Promise<HelmMajor> {
    return this.detected
  }

  async upgrade(spec: UpgradeSpec, timeoutMs?: number): Promise<HelmRelease> {
    const major = await this.detected
    const plugins = spec.postRenderer && major === 4 ? await pluginsFolder(spec.postRenderer) : undefined
    try {
      const env: Record<string, string> = plugins ? { HELM_PLUGINS: plugins } : {}
      const result = await this.run(upgradeArgs(spec, major), timeoutMs, env)
      return parseRelease(result.stdout)
    } finally {
      if (plugins) await rm(plugins, { recursive: true, force: true })
    }
  }

  /** The manifest the release would have (no cluster needed: helm's default capabilities). */
  async template(spec: RenderSpec): Promise<string> {
    return (await this.run(templateArgs(spec))).stdout
  }

  async rollback(release: string, namespace: string, revision: number, timeoutSeconds: number) {
    await this.run(rollbackArgs(release, namespace, revision, timeoutSeconds), waitDeadlineMs(timeoutSeconds))
  }

  async uninstall(release: string, namespace: string, timeoutSeconds: number): Promise<void> {
    await this.run(uninstallArgs(release, namespace, timeoutSeconds), waitDeadlineMs(timeoutSeconds))
  }

  /** The release's revisions, oldest first; [] when there is no such release. */
  async history(release: string, namespace: string): Promise<HistoryEntry[]> {
    const args = historyArgs(release, namespace)
    await this.detected
    const result = await runHelm(this.path, args, { env: this.env, allowFailure: true })
    if (result.exitCode === 0) return parseHistory(result.stdout)
    if (/release: not found/.test(result.stderr)) return []
    throw new ToolError('helm', args, result.exitCode, result.stderr || result.stdout)
  }

  private async run(
    args: readonly string[],
    timeoutMs?: number,
    env: Readonly<Record<string, string>> = {}
  ): Promise<ExecResult> {
    await this.detected
    return runHelm(this.path, args, { env: { ...this.env, ...env }, ...(timeoutMs ? { timeoutMs } : {}) })
  }
}

async function pluginsFolder(renderer: PostRenderer): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'carts-helm-plugins-'))
  await mkdir(path.join(folder, POST_RENDERER_PLUGIN))
  await writeFile(path.join(folder, POST_RENDERER_PLUGIN, 'plugin.yaml'), postRendererPlugin(renderer))
  return folder
}

/** The deadline of a call that asks helm itself to wait: its --timeout and a minute for the rest. */
export function waitDeadlineMs(timeoutSeconds: number): number {
  return (timeoutSeconds + 60) * 1000
}

/** A helm call that does not wait for a rollout (version, history): a hung API server ends it. */
export const HELM_QUERY_TIMEOUT_MS = 120_000

/** Errors name `helm`, not the cache path of the binary, so messages stay short. */
function runHelm(path: string, args: readonly string[], options: ExecOptions): Promise<ExecResult> {
  return execTool(path, args, {
    timeoutMs: HELM_QUERY_TIMEOUT_MS,
    ...options,
    name: 'helm',
    inherit: KUBE_ENV
  })
}
