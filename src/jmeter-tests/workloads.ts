/**
 * Keptn's jmeter.conf.yaml (spec 0.1.0): the workloads a stage's test strategy can run, merged with
 * the built-in ones Keptn's jmeter-service used when the file does not define them.
 */
import { ConfigFileError } from '../contracts/errors.js'
import { checkSchema, compileSchema, lineAt, parseYaml, type YamlSource } from '../files/yaml-file.js'

export const JMETER_CONF_FILE = 'jmeter.conf.yaml'
export const HEALTHCHECK = 'healthcheck'
export const FUNCTIONAL = 'functional'

export type PropertyValue = string | number | boolean

export interface Workload {
  readonly teststrategy: string
  readonly vuser: number
  readonly loopcount: number
  /** Milliseconds between requests, passed as ThinkTime. */
  readonly thinktime: number
  /** As written: relative to the jmeter dir, or (Keptn's layout) to the service dir above it. */
  readonly script: string
  /** Fraction of samples (1.0 = 100 %) that may fail; ignored for `functional`, which allows none. */
  readonly acceptederrorrate: number
  /** Average response time cap in ms; 0 = no cap. */
  readonly avgrtvalidation: number
  readonly properties: Readonly<Record<string, string>>
  /** Where it came from: the file and line, or 'built-in'. */
  readonly origin: string
}

export interface WorkloadSet {
  /** The file read, or undefined when there was none (built-ins only). */
  readonly file?: string
  readonly workloads: ReadonlyMap<string, Workload>
}

interface RawWorkload {
  teststrategy: string
  vuser?: number
  loopcount?: number
  thinktime?: number
  script: string
  acceptederrorrate?: number
  avgrtvalidation?: number
  properties?: Record<string, PropertyValue>
}

interface RawConf {
  spec_version?: string
  workloads?: RawWorkload[] | null
}

// The keys Keptn's jmeter-service read; anything else is a typo that would silently do nothing.
const schema = {
  type: 'object',
  nullable: true,
  additionalProperties: false,
  properties: {
    spec_version: { type: 'string', enum: ['0.1.0'] },
    workloads: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['teststrategy', 'script'],
        properties: {
          teststrategy: { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' },
          vuser: { type: 'integer', minimum: 1 },
          loopcount: { type: 'integer', minimum: 1 },
          thinktime: { type: 'integer', minimum: 0 },
          script: { type: 'string', minLength: 1 },
          acceptederrorrate: { type: 'number', minimum: 0, maximum: 1 },
          avgrtvalidation: { type: 'number', minimum: 0 },
          properties: {
            type: 'object',
            nullable: true,
            propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' },
            additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }
          }
        }
      }
    }
  }
}

const validate = compileSchema<RawConf | null>(schema)

function builtIn(
  teststrategy: string,
  script: string,
  vuser: number,
  loopcount: number,
  acceptederrorrate: number
): Workload {
  const origin = 'built-in'
  return {
    teststrategy,
    vuser,
    loopcount,
    thinktime: 250,
    script,
    acceptederrorrate,
    avgrtvalidation: 0,
    properties: {},
    origin
  }
}

/** Keptn jmeter-service's defaults (keptn-model.md §3). */
export const BUILT_IN_WORKLOADS: readonly Workload[] = [
  builtIn(HEALTHCHECK, 'basiccheck.jmx', 1, 1, 0),
  builtIn(FUNCTIONAL, 'load.jmx', 1, 1, 0.1),
  builtIn('performance', 'load.jmx', 10, 500, 0.1)
]

/** Parses jmeter.conf.yaml text; `file` is only used in messages. */
export function parseWorkloads(text: string, file: string): WorkloadSet {
  const src = parseYaml(text, file)
  const raw = checkSchema(src, validate) ?? {}
  const workloads = new Map<string, Workload>()
  const lines = new Map<string, number | undefined>()
  ;(raw.workloads ?? []).forEach((w, index) => {
    const line = lineAt(src, ['workloads', index])
    const seen = lines.get(w.teststrategy)
    if (lines.has(w.teststrategy)) {
      const first = seen === undefined ? '' : ` (first at line ${seen})`
      throw new ConfigFileError(file, line, `workload '${w.teststrategy}' is defined twice${first}`)
    }
    lines.set(w.teststrategy, line)
    workloads.set(w.teststrategy, fromRaw(w, origin(src, line)))
  })
  for (const w of BUILT_IN_WORKLOADS) if (!workloads.has(w.teststrategy)) workloads.set(w.teststrategy, w)
  return { file, workloads }
}

/** The built-in workloads alone (no jmeter.conf.yaml in the jmeter dir). */
export function builtInWorkloads(): WorkloadSet {
  return { workloads: new Map(BUILT_IN_WORKLOADS.map(w => [w.teststrategy, w])) }
}

/** The workload of a test strategy; a strategy nobody defined is an error that names it. */
export function workloadFor(set: WorkloadSet, strategy: string): Workload {
  const found = set.workloads.get(strategy)
  if (found) return found
  const known = [...set.workloads.keys()].join(', ')
  const where = set.file ?? `${JMETER_CONF_FILE} (none found; built-ins only)`
  throw new ConfigFileError(
    where,
    undefined,
    `no workload for test strategy '${strategy}' (defined: ${known})`
  )
}

// Keptn's Go structs left an absent number at 0; for users and loops that meant a test that sends
// nothing, so those default to 1 (a workload that runs) while the others keep Keptn's 0.
function fromRaw(w: RawWorkload, where: string): Workload {
  return {
    teststrategy: w.teststrategy,
    vuser: w.vuser ?? 1,
    loopcount: w.loopcount ?? 1,
    thinktime: w.thinktime ?? 0,
    script: w.script.trim(),
    acceptederrorrate: w.acceptederrorrate ?? 0,
    avgrtvalidation: w.avgrtvalidation ?? 0,
    properties: Object.fromEntries(Object.entries(w.properties ?? {}).map(([k, v]) => [k, String(v)])),
    origin: where
  }
}

function origin(src: YamlSource, line: number | undefined): string {
  return line === undefined ? src.file : `${src.file}:${line}`
}
