/** The only reader of action inputs: runner variables in, a validated ActionConfig out. */
import * as core from '@actions/core'
import { INPUTS, type InputName } from '../contracts/action-interface.js'
import type { ActionConfig } from '../contracts/config.js'
import { kubeconfigSecrets } from '../deployment/kubeconfig.js'
import { buildConfig, type RawInputs } from '../inputs/build-config.js'

const SECRET_INPUTS: readonly InputName[] = ['kubeconfig', 'github-token', 'prometheus-token']

export function readInputs(): ActionConfig {
  const raw: RawInputs = {}
  for (const name of Object.keys(INPUTS) as InputName[]) {
    const value = core.getInput(name)
    // Mask before anything else can print it, including a validation error.
    if (value && SECRET_INPUTS.includes(name)) core.setSecret(value)
    // The runner matches a mask within one line: a multi-line kubeconfig needs each line and credential.
    if (value && name === 'kubeconfig') kubeconfigSecrets(value).forEach(secret => core.setSecret(secret))
    raw[name] = value
  }
  return buildConfig(raw, {
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    serverUrl: process.env.GITHUB_SERVER_URL,
    repository: process.env.GITHUB_REPOSITORY,
    runId: process.env.GITHUB_RUN_ID
  })
}
