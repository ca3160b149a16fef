/** Keptn shipyard spec 0.1.x: a list of stages with deployment, test and approval strategies. */
import type { Approval, DeploymentStrategy, Shipyard, StageSpec } from '../contracts/plan.js'
import { checkSchema, compileSchema, type YamlSource } from '../files/yaml-file.js'
import { approvalValueSchema, checkUniqueNames, STAGE_NAME_PATTERN } from './model.js'

type ApprovalMap = Partial<Record<'pass' | 'warning', Approval>>

interface V01Stage {
  name: string
  deployment_strategy?: DeploymentStrategy
  test_strategy?: string
  approval_strategy?: ApprovalMap | ApprovalMap[]
}

const approvalMap = {
  type: 'object',
  properties: { pass: approvalValueSchema, warning: approvalValueSchema },
  additionalProperties: false
}

// The stage list repeats the shape of v02.ts's on purpose: the two Keptn formats are versioned apart, and each
// schema reads as its own format's specification.
const validate = compileSchema<{ stages: V01Stage[] }>({
  type: 'object',
  required: ['stages'],
  properties: {
    registry: { type: 'string' },
    stages: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', pattern: STAGE_NAME_PATTERN },
          deployment_strategy: { enum: ['direct', 'blue_green_service'] },
          test_strategy: { type: 'string' },
          remediation_strategy: { type: 'string' },
          // Both shapes exist in the wild: a map, and a list of one-key maps.
          approval_strategy: {
            anyOf: [approvalMap, { type: 'array', items: { ...approvalMap, maxProperties: 1 } }]
          }
        },
        additionalProperties: false
      }
    }
  },
  additionalProperties: false
})

export function readV01(src: YamlSource): Shipyard {
  const doc = checkSchema(src, validate)
  checkUniqueNames(
    src,
    doc.stages.map(s => s.name),
    ['stages']
  )
  return { source: src.file, stages: doc.stages.map(toStage) }
}

function toStage(stage: V01Stage): StageSpec {
  const approval: ApprovalMap = Array.isArray(stage.approval_strategy)
    ? Object.assign({}, ...stage.approval_strategy)
    : (stage.approval_strategy ?? {})
  return {
    name: stage.name,
    deploymentStrategy: stage.deployment_strategy,
    testStrategy: stage.test_strategy?.trim() || undefined,
    approval: { pass: approval.pass ?? 'automatic', warning: approval.warning ?? 'automatic' }
  }
}
