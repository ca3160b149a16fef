/**
 * The one way this project calls kubectl: argument arrays built by pure functions (unit-tested), the
 * kubeconfig passed to the child process only, and errors that carry kubectl's own words.
 */
import { ToolError } from '../contracts/errors.js'
import { execTool, KUBE_ENV, startTool, type ExecOptions, type ExecResult } from './exec.js'

/** Owner of the objects we apply ourselves (the stable service, the VirtualService). */
export const FIELD_MANAGER = 'carts-deploy'

export function createNamespaceArgs(namespace: string): string[] {
  return ['create', 'namespace', namespace]
}

/** --ignore-not-found: a missing object prints nothing instead of failing. */
export function getJsonArgs(kind: string, name: string, namespace: string): string[] {
  return ['get', kind, name, '--namespace', namespace, '--output', 'json', '--ignore-not-found']
}

/** Every object of a kind in the namespace, optionally those matching a label selector. */
export function listArgs(kind: string, namespace: string, selector?: string): string[] {
  return [
    'get',
    kind,
    '--namespace',
    namespace,
    ...(selector ? ['--selector', selector] : []),
    '--output',
    'json'
  ]
}

/** The server's version, asked with a short request timeout: the cheapest call that proves access. */
export function serverVersionArgs(): string[] {
  return ['version', '--output=json', '--request-timeout=20s']
}

export function rolloutStatusArgs(deployment: string, namespace: string, timeoutSeconds: number): string[] {
  return [
    'rollout',
    'status',
    `deployment/${deployment}`,
    '--namespace',
    namespace,
    `--timeout=${timeoutSeconds}s`
  ]
}

export function scaleArgs(deployment: string, namespace: string, replicas: number): string[] {
  return ['scale', `deployment/${deployment}`, '--namespace', namespace, `--replicas=${replicas}`]
}

/**
 * Server-side apply of a manifest read from stdin. --force-conflicts: these objects are ours alone, so
 * a field someone changed by hand (a selector, a weight) is taken back rather than failing the switch.
 */
export function applyArgs(namespace: string): string[] {
  return [
    'apply',
    '--server-side',
    `--field-manager=${FIELD_MANAGER}`,
    '--force-conflicts',
    '--namespace',
    namespace,
    '--filename',
    '-'
  ]
}

/** Runs a command in a pod's (only) container; -i when stdin carries input. */
export function execArgs(
  namespace: string,
  pod: string,
  command: readonly string[],
  stdin = false
): string[] {
  return ['exec', ...(stdin ? ['-i'] : []), '--namespace', namespace, pod, '--', ...command]
}

/** Deletes without waiting (the caller polls with its own deadline); a namespace already gone is fine. */
export function deleteNamespaceArgs(namespace: string): string[] {
  return ['delete', 'namespace', namespace, '--ignore-not-found', '--wait=false']
}

/** The last lines a pod's container wrote. */
export function logsArgs(namespace: string, pod: string, lines: number): string[] {
  return ['logs', pod, '--namespace', namespace, `--tail=${lines}`]
}

export function apiResourcesArgs(group: string): string[] {
  return ['api-resources', `--api-group=${group}`, '--output', 'name']
}

/** A local port on loopback only, chosen by kubectl (`:port`): nothing else on the runner can reach it. */
export function portForwardArgs(service: string, namespace: string, port: number): string[] {
  return [
    'port-forward',
    '--address',
    '127.0.0.1',
    '--namespace',
    namespace,
    `service/${service}`,
    `:${port}`
  ]
}

/** kubectl's own line once it listens: `Forwarding from 127.0.0.1:41233 -> 8080`. */
export const FORWARDING = /^Forwarding from 127\.0\.0\.1:(\d+) -> \d+$/m

/** How long kubectl may take to find a pod behind the service and listen. */
export const PORT_FORWARD_START_MS = 60_000

export interface PortForward {
  readonly localPort: number
  close(): Promise<void>
}

/** The deadline of a kubectl call that does not wait for a rollout: a hung API server ends it. */
export const KUBECTL_TIMEOUT_MS = 120_000

export type CreateOutcome = 'created' | 'exists' | 'forbidden'

export class Kubectl {
  constructor(
    readonly path = 'kubectl',
    private readonly env: Readonly<Record<string, string>> = {}
  ) {}

  /** Creates the namespace; one that exists already, or that we may not create, is not an error here. */
  async createNamespace(namespace: string): Promise<CreateOutcome> {
    const args = createNamespaceArgs(namespace)
    const result = await this.exec(args, { allowFailure: true })
    if (result.exitCode === 0) return 'created'
    if (/AlreadyExists|already exists/.test(result.stderr)) return 'exists'
    if (/Forbidden|forbidden/.test(result.stderr)) return 'forbidden'
    throw new ToolError('kubectl', args, result.exitCode, result.stderr || result.stdout)
  }

  /** The object as JSON, or undefined when it does not exist. */
  async getJson<T>(kind: string, name: string, namespace: string): Promise<T | undefined> {
    const result = await this.exec(getJsonArgs(kind, name, namespace))
    return result.stdout.trim() ? (JSON.parse(result.stdout) as T) : undefined
  }

  /** `v1.33.13`; throws kubectl's own words when the API server does not answer. */
  async serverVersion(): Promise<string> {
    const result = await this.exec(serverVersionArgs(), { timeoutMs: 30_000 })
    const version = (JSON.parse(result.stdout) as { serverVersion?: { gitVersion?: string } }).serverVersion
    return version?.gitVersion ?? 'unknown'
  }

  async listJson<T>(kind: string, namespace: string, selector?: string): Promise<T[]> {
    const result = await this.exec(listArgs(kind, namespace, selector))
    return (JSON.parse(result.stdout) as { items?: T[] }).items ?? []
  }

  async rolloutStatus(deployment: string, namespace: string, timeoutSeconds: number): Promise<void> {
    await this.exec(rolloutStatusArgs(deployment, namespace, timeoutSeconds), {
      timeoutMs: (timeoutSeconds + 60) * 1000
    })
  }

  async scale(deployment: string, namespace: string, replicas: number): Promise<void> {
    await this.exec(scaleArgs(deployment, namespace, replicas))
  }

  async apply(namespace: string, objects: readonly object[]): Promise<void> {
    const input = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects })
    await this.exec(applyArgs(namespace), { input })
  }

  /**
   * A command in a pod, its exit code returned rather than thrown (a JMeter run's own exit code is a
   * verdict). Options as execTool's: input, stdoutFile, onOutput, signal, timeoutMs.
   */
  async execIn(
    namespace: string,
    pod: string,
    command: readonly string[],
    options: Pick<ExecOptions, 'input' | 'stdoutFile' | 'onOutput' | 'signal' | 'timeoutMs'> = {}
  ): Promise<ExecResult> {
    return this.exec(execArgs(namespace, pod, command, options.input !== undefined), {
      ...options,
      allowFailure: true
    })
  }

  /** The container's last lines; empty when there are none to read (never started). */
  async logsTail(namespace: string, pod: string, lines: number): Promise<string> {
    const result = await this.exec(logsArgs(namespace, pod, lines), { allowFailure: true })
    return result.exitCode === 0 ? result.stdout : ''
  }

  async deleteNamespace(namespace: string): Promise<void> {
    await this.exec(deleteNamespaceArgs(namespace))
  }

  /** Resource names (`virtualservices.networking.istio.io`) the API server serves in a group. */
  async apiResources(group: string): Promise<string[]> {
    const result = await this.exec(apiResourcesArgs(group))
    return result.stdout.split('\n').filter(Boolean)
  }

  /**
   * Forwards a free local port to the service's `port` (one of its pods, through the API server) until
   * close(), or until `lifetimeMs` has passed.
   */
  async portForward(
    service: string,
    namespace: string,
    port: number,
    lifetimeMs: number
  ): Promise<PortForward> {
    const running = startTool(this.path, portForwardArgs(service, namespace, port), {
      name: 'kubectl',
      inherit: KUBE_ENV,
      env: this.env,
      timeoutMs: lifetimeMs
    })
    try {
      const match = await running.waitFor(FORWARDING, PORT_FORWARD_START_MS)
      return { localPort: Number(match[1]), close: () => running.stop() }
    } catch (error) {
      await running.stop()
      throw error
    }
  }

  private exec(args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    return execTool(this.path, args, {
      timeoutMs: KUBECTL_TIMEOUT_MS,
      ...options,
      name: 'kubectl',
      inherit: KUBE_ENV,
      env: { ...this.env, ...options.env }
    })
  }
}
