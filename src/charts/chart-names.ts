/**
 * Pure: what a strategy needs of the user's chart, read from its rendering with the stage's values (a
 * release named after the service, as a direct deploy has it), and the values Keptn's helm-service passed.
 */
import type { ChartNames } from '../contracts/deploy.js'
import { DeployError } from '../contracts/errors.js'
import type { DeploymentStrategy, StagePlan } from '../contracts/plan.js'
import { colouredName } from './colouring.js'
import { parseManifest } from './manifest.js'
import { findWorkload, type ServiceWorkload } from './workload.js'

const MAX_NAME = 63

/**
 * The service's Deployment and Service. Blue/green refuses a chart without one Deployment and a Service
 * for it; a direct deploy takes the chart as it is (the tests then use the service's name).
 */
export function chartNamesOf(
  manifest: string,
  service: string,
  strategy: DeploymentStrategy,
  chartDir: string
): ChartNames {
  const check = findWorkload(parseManifest(manifest), service)
  if (strategy === 'direct') return check.ok ? namesOf(check.workload) : { deployment: service, service }
  const refuse = (problem: string) =>
    new DeployError(`chart ${chartDir} cannot be deployed blue/green: ${problem}`)
  if (!check.ok) throw refuse(check.problem)
  const names = namesOf(check.workload)
  for (const name of [names.deployment, names.service])
    if (colouredName(name, 'green').length > MAX_NAME)
      throw refuse(
        `${name} is too long for a colour suffix (at most ${MAX_NAME - '-green'.length} characters)`
      )
  return names
}

function namesOf(workload: ServiceWorkload): ChartNames {
  return { deployment: workload.deployment, service: workload.services[0] }
}

/** `keptn.deployment` as Keptn's helm-service set it: the chart as it is, or the chart under test. */
export function keptnDeploymentOf(strategy: DeploymentStrategy): 'direct' | 'canary' {
  return strategy === 'direct' ? 'direct' : 'canary'
}

/** The `keptn.*` values Keptn's helm-service passed to every chart it deployed. */
export function keptnValues(
  plan: Pick<StagePlan, 'project' | 'stage'>,
  service: string,
  strategy: DeploymentStrategy
): Record<string, string> {
  return {
    'keptn.project': plan.project,
    'keptn.stage': plan.stage,
    'keptn.service': service,
    'keptn.deployment': keptnDeploymentOf(strategy)
  }
}
