/**
 * Keptn shipyard spec 0.2.x (Keptn 0.8+): stages with task sequences. The delivery sequence of each
 * stage maps onto this pipeline; anything it cannot honour is refused by name and line.
 */
import { ConfigFileError } from '../contracts/errors.js'
import type { Approval, DeploymentStrategy, Shipyard, StageSpec } from '../contracts/plan.js'
import { checkSchema, compileSchema, lineAt, type YamlSource } from '../files/yaml-file.js'
import { approvalValueSchema, checkUniqueNames, STAGE_NAME_PATTERN } from './model.js'

interface Task {
  name: string
  properties?: Record<string, unknown>
}
interface Sequence {
  name: string
  tasks: Task[]
}
interface V02Stage {
  name: string
  sequences?: Sequence[]
}
interface V02 {
  spec: { stages: V02Stage[] }
}

const SUPPORTED_TASKS = new Set(['deployment', 'test', 'evaluation', 'approval', 'release', 'rollback'])
const DELIVERY_NAMES = ['delivery', 'artifact-delivery']

// The stage list repeats the shape of v01.ts's on purpose: the two Keptn formats are versioned apart, and each
// schema reads as its own format's specification.
const validate = compileSchema<V02>({
  type: 'object',
  required: ['apiVersion', 'kind', 'spec'],
  properties: {
    apiVersion: { type: 'string', pattern: '^spec\\.keptn\\.sh/0\\.2\\.[0-9]+$' },
    kind: { const: 'Shipyard' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      required: ['stages'],
      properties: {
        stages: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['name'],
            properties: {
              name: { type: 'string', pattern: STAGE_NAME_PATTERN },
              sequences: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['name', 'tasks'],
                  properties: {
                    name: { type: 'string' },
                    tasks: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['name'],
                        properties: { name: { type: 'string' }, properties: { type: ['object', 'null'] } }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
})

export function readV02(src: YamlSource): Shipyard {
  const doc = checkSchema(src, validate)
  const stages = doc.spec.stages
  checkUniqueNames(
    src,
    stages.map(s => s.name),
    ['spec', 'stages']
  )
  return { source: src.file, stages: stages.map((stage, i) => toStage(src, stage, ['spec', 'stages', i])) }
}

function toStage(src: YamlSource, stage: V02Stage, at: (string | number)[]): StageSpec {
  const sequences = stage.sequences ?? []
  const index = deliveryIndex(sequences)
  const base: StageSpec = { name: stage.name, approval: { pass: 'automatic', warning: 'automatic' } }
  if (index < 0) return base
  const seqAt = [...at, 'sequences', index, 'tasks']
  return sequences[index].tasks.reduce<StageSpec>(
    (spec, task, t) => applyTask(src, spec, task, [...seqAt, t]),
    base
  )
}

/** The sequence this pipeline runs: 'delivery', 'artifact-delivery', else the first that deploys. */
function deliveryIndex(sequences: Sequence[]): number {
  for (const name of DELIVERY_NAMES) {
    const i = sequences.findIndex(s => s.name === name)
    if (i >= 0) return i
  }
  const deploying = sequences.findIndex(s => s.tasks.some(t => t.name === 'deployment'))
  return deploying >= 0 ? deploying : sequences.findIndex(s => s.tasks.some(t => t.name === 'evaluation'))
}

function applyTask(src: YamlSource, spec: StageSpec, task: Task, at: (string | number)[]): StageSpec {
  const refuse = (what: string, property?: string): never => {
    const where = property ? [...at, 'properties', property] : at
    throw new ConfigFileError(src.file, lineAt(src, where), `stage '${spec.name}': ${what}`)
  }
  if (!SUPPORTED_TASKS.has(task.name)) {
    return refuse(`task '${task.name}' is not supported (supported: ${[...SUPPORTED_TASKS].join(', ')})`)
  }
  const props = task.properties ?? {}
  switch (task.name) {
    case 'deployment':
      return { ...spec, deploymentStrategy: deploymentStrategy(props.deploymentstrategy, refuse) }
    case 'test':
      return { ...spec, testStrategy: stringProp(props.teststrategy) ?? 'functional' }
    case 'approval':
      return {
        ...spec,
        approval: {
          pass: approval(props.pass, 'pass', refuse),
          warning: approval(props.warning, 'warning', refuse)
        }
      }
    default:
      return spec
  }
}

type Refuse = (what: string, property?: string) => never

function deploymentStrategy(value: unknown, refuse: Refuse): DeploymentStrategy {
  const strategy = stringProp(value) ?? 'direct'
  if (strategy === 'direct' || strategy === 'blue_green_service') return strategy
  return refuse(
    `deploymentstrategy '${strategy}' is not supported (expected direct or blue_green_service)`,
    'deploymentstrategy'
  )
}

function approval(value: unknown, key: 'pass' | 'warning', refuse: Refuse): Approval {
  const text = stringProp(value) ?? 'automatic'
  if (approvalValueSchema.enum.includes(text)) return text as Approval
  return refuse(`approval ${key} '${text}' is not supported (expected automatic or manual)`, key)
}

function stringProp(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}
