/** Raw input strings (from the runner or the CLI) to one validated, frozen ActionConfig. */
import { existsSync } from 'node:fs'
import { INPUTS, type InputName } from '../contracts/action-interface.js'
import {
  PORT_FORWARD,
  type ActionConfig,
  type GateSource,
  type LoadEngines,
  type PrometheusSettings,
  type ServiceAccess
} from '../contracts/config.js'
import { InputError } from '../contracts/errors.js'
import type { PrometheusGate } from '../contracts/evaluation.js'
import * as check from '../contracts/names.js'

export type RawInputs = Partial<Record<InputName, string>>

/** What the run's surroundings tell us (GITHUB_* variables, or the CLI's cwd). */
export interface RunEnvironment {
  readonly workspace: string
  readonly serverUrl?: string
  readonly repository?: string
  readonly runId?: string
}

/**
 * Size limits of the secret inputs, checked before anything uses them. The token travels to git in one
 * HTTP header inside one environment variable (Linux refuses a variable over 128 KiB with `spawn E2BIG`;
 * servers refuse headers far smaller); real tokens are under 1 KiB. The kubeconfig goes to helm and kubectl
 * as a 0600 file, never in argv or the environment; real ones are a few KiB, embedded certificates included.
 */
export const SECRET_INPUT_LIMITS = {
  'github-token': 16 * 1024,
  'prometheus-token': 16 * 1024,
  kubeconfig: 512 * 1024
} as const

/** An oversized secret names the limit and its size, never its content. */
function limited(name: keyof typeof SECRET_INPUT_LIMITS, value: string | undefined): string | undefined {
  const size = value === undefined ? 0 : Buffer.byteLength(value)
  const limit = SECRET_INPUT_LIMITS[name]
  if (size <= limit) return value
  throw new InputError(name, `at most ${limit / 1024} KiB (this value is ${Math.ceil(size / 1024)} KiB)`)
}

export function buildConfig(raw: RawInputs, env: RunEnvironment): ActionConfig {
  const get = (name: InputName): string => {
    const value = (raw[name] ?? '').trim()
    if (value) return value
    const spec = INPUTS[name]
    if ('required' in spec) throw new InputError(name, 'a value (this input is required)')
    return spec.default.startsWith('${{') ? '' : spec.default
  }
  const optional = (name: InputName): string | undefined => get(name) || undefined
  const inWorkspace = (name: InputName): string | undefined => {
    const value = optional(name)
    return value === undefined ? undefined : check.pathInWorkspace(name, value, env.workspace)
  }

  const project = check.dnsLabel('project', get('project'))
  const stage = check.dnsLabel('stage', get('stage'))
  const namespace = optional('namespace')
  check.dnsLabel(namespace === undefined ? 'project' : 'namespace', namespace ?? `${project}-${stage}`)

  return Object.freeze({
    tag: check.ociTag('tag', get('tag')),
    stage,
    project,
    image: check.imageRepository('image', get('image')),
    service: check.dnsLabel('service', get('service')),
    shipyardFile: inWorkspace('shipyard'),
    chartDir: check.pathInWorkspace('chart', get('chart'), env.workspace),
    configBranch: check.checkBranch('config-branch', get('config-branch')),
    configRepo: configRepo(optional('config-repo'), env),
    namespace,
    kubeconfig: limited('kubeconfig', optional('kubeconfig')),
    helmVersion: check.toolVersion('helm-version', get('helm-version')),
    jmeterVersion: check.toolVersion('jmeter-version', get('jmeter-version')),
    helmDownloadUrl: check.httpUrl('helm-download-url', get('helm-download-url')),
    jmeterDownloadUrl: check.httpUrl('jmeter-download-url', get('jmeter-download-url')),
    serviceAccess: serviceAccess(get('service-url')),
    jmeterDir: inWorkspace('jmeter-dir'),
    loadEngines: loadEngines(get('load-engines'), optional('jmeter-image')),
    gate: gate(inWorkspace('slo'), optional('thresholds')),
    domain: domain(optional('domain')),
    ingressClass: optional('ingress-class') && check.dnsLabel('ingress-class', get('ingress-class')),
    prometheus: prometheus(
      optional('prometheus-url'),
      limited('prometheus-token', optional('prometheus-token')),
      [
        ['sli', inWorkspace('sli')],
        ['perfspec', inWorkspace('perfspec')],
        ['service-indicators', inWorkspace('service-indicators')],
        ['service-objectives', inWorkspace('service-objectives')]
      ],
      optional('slo') ?? optional('thresholds')
    ),
    sliValuesFile: inWorkspace('sli-values'),
    githubToken: limited('github-token', optional('github-token')),
    timeoutSeconds: check.durationSeconds('timeout', get('timeout')),
    failOn: check.oneOf('fail-on', get('fail-on'), ['fail', 'warning', 'never'] as const),
    failOnUnscored: check.oneOf('fail-on-unscored', get('fail-on-unscored'), ['true', 'false']) === 'true',
    ...holdOrResults(
      check.oneOf('hold', get('hold'), ['true', 'false']) === 'true',
      optional('results'),
      env.workspace
    ),
    author: author(get('commit-author')),
    workspace: env.workspace,
    runUrl:
      env.serverUrl && env.repository && env.runId
        ? `${env.serverUrl}/${env.repository}/actions/runs/${env.runId}`
        : undefined
  })
}

/** The most engines one run asks for: each is a JVM with up to 1 GiB. */
const MAX_LOAD_ENGINES = 50

function loadEngines(count: string, image: string | undefined): LoadEngines | undefined {
  const engines = check.wholeNumber('load-engines', count, 0, MAX_LOAD_ENGINES)
  if (engines === 0) return undefined
  if (!image)
    throw new InputError(
      'jmeter-image',
      `an image for the ${engines} load engine(s) of load-engines (none is given)`
    )
  return { count: engines, image: check.imageReference('jmeter-image', image) }
}

/** The Prometheus gate files given (input name, path), checked for one coherent gate. */
function prometheus(
  url: string | undefined,
  token: string | undefined,
  files: [InputName, string | undefined][],
  slo: string | undefined
): PrometheusSettings | undefined {
  const given = new Map(files.filter((f): f is [InputName, string] => f[1] !== undefined))
  const names = [...given.keys()]
  if (url === undefined) {
    if (names.length) throw new InputError('prometheus-url', `the Prometheus to query for '${names[0]}'`)
    return undefined
  }
  const gate = prometheusGate(given)
  const authorization = check.authorizationOf(token)
  if (gate.kind !== 'sli' && slo !== undefined)
    throw new InputError(names[0]!, "a pitometer gate alone: leave 'slo' and 'thresholds' empty")
  return {
    url: check.prometheusUrl('prometheus-url', url),
    ...(authorization ? { authorization } : {}),
    gate
  }
}

function prometheusGate(given: Map<InputName, string>): PrometheusGate {
  const [sli, perfspec, indicators, objectives] = (
    ['sli', 'perfspec', 'service-indicators', 'service-objectives'] as const
  ).map(name => given.get(name))
  const expected = "one of 'sli', 'perfspec', or 'service-indicators' with 'service-objectives'"
  const count = [sli, perfspec, indicators ?? objectives].filter(x => x !== undefined).length
  if (count !== 1) throw new InputError('prometheus-url', expected, [...given.keys()].join(', ') || 'none')
  if (sli) return { kind: 'sli', file: sli }
  if (perfspec) return { kind: 'perfspec', file: perfspec }
  if (!indicators || !objectives)
    throw new InputError(
      indicators ? 'service-objectives' : 'service-indicators',
      'both files of the Keptn 0.5 pair'
    )
  return { kind: 'service-objectives', indicators, objectives }
}

/**
 * `hold` (deploy, no gate) and `results` (gate on files from elsewhere) are the two halves of a fanned-out
 * stage: one job each, never both. Each results path must exist in the workspace now: a typo in a gate
 * job fails before anything changes, not as a failed test that rolls the held version back.
 */
function holdOrResults(
  hold: boolean,
  results: string | undefined,
  workspace: string
): Pick<ActionConfig, 'hold' | 'results'> {
  if (results === undefined) return hold ? { hold } : {}
  if (hold)
    throw new InputError('results', "no results beside 'hold: true' (the hold job runs no gate)", results)
  const paths = results
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(Boolean)
    .map(line => {
      const real = check.pathInWorkspace('results', line, workspace)
      if (!existsSync(real)) throw new InputError('results', 'an existing results file or folder', line)
      return real
    })
  return { results: paths }
}

function domain(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  // 200: room for <service>.<namespace>. in front of it.
  if (value.length > 200 || !check.isDnsName(value))
    throw new InputError('domain', 'a DNS domain in lower case, e.g. 34.77.10.10.nip.io', value)
  return value
}

function gate(slo: string | undefined, thresholds: string | undefined): GateSource {
  if (slo && thresholds)
    throw new InputError('thresholds', "either 'slo' or 'thresholds', not both", thresholds)
  if (slo) return { kind: 'slo', file: slo }
  if (thresholds) return { kind: 'thresholds', text: thresholds }
  return { kind: 'none' }
}

function configRepo(value: string | undefined, env: RunEnvironment): string {
  if (value === undefined) {
    if (!env.repository)
      throw new InputError('config-repo', 'a repository (none given and GITHUB_REPOSITORY is not set)')
    return `${env.serverUrl ?? 'https://github.com'}/${env.repository}.git`
  }
  if (/^[\w.-]+\/[\w.-]+$/.test(value) && !value.startsWith('.')) {
    return `${env.serverUrl ?? 'https://github.com'}/${value}.git`
  }
  // The config branch's own rules: no options, remote helpers, credentials or control characters.
  check.checkRepo('config-repo', value)
  if (/^https:\/\//.test(value)) return value
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    throw new InputError('config-repo', 'owner/name, an https URL or a local path', value)
  }
  return check.pathInWorkspace('config-repo', value, env.workspace)
}

function serviceAccess(value: string): ServiceAccess {
  if (value === PORT_FORWARD) return { kind: 'port-forward' }
  return { kind: 'url', template: serviceUrlTemplate(value) }
}

function serviceUrlTemplate(template: string): string {
  const expected = `'${PORT_FORWARD}', or an http(s) URL with placeholders among {service} {namespace} {stage} {project}`
  const unknown = /\{(?!service\}|namespace\}|stage\}|project\})[^}]*\}/.exec(template)
  if (unknown) throw new InputError('service-url', expected, unknown[0])
  try {
    check.httpUrl('service-url', template.replace(/\{(\w+)\}/g, 'x'))
  } catch {
    throw new InputError('service-url', expected, template)
  }
  return template
}

function author(value: string): { name: string; email: string } {
  const match = /^([^<>\r\n]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(value)
  if (!match) throw new InputError('commit-author', 'Name <email>', value)
  return { name: match[1], email: match[2] }
}
