/**
 * Post step: removes what this run left, whatever happened: the load engines' namespace of a cancelled or
 * crashed run, then what it wrote to disk (kubeconfig, clones, temp files).
 */
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import * as core from '@actions/core'
import { describe } from './contracts/errors.js'
import { KUBECONFIG_FILE, kubeEnv } from './deployment/kubeconfig.js'
import { leftoverLoadNamespaces } from './jmeter-tests/cluster/leftovers.js'
import { Kubectl } from './programs/kubectl.js'

const dir = core.getState('temp-dir')
if (dir) {
  const namespaces = leftoverLoadNamespaces(dir)
  if (namespaces.length) {
    const kubeconfig = path.join(dir, KUBECONFIG_FILE)
    const kubectl = new Kubectl('kubectl', kubeEnv(existsSync(kubeconfig) ? kubeconfig : undefined))
    for (const namespace of namespaces) {
      try {
        await kubectl.deleteNamespace(namespace)
        core.info(`Deleting namespace ${namespace} of the JMeter engines (asked; the cluster finishes it)`)
      } catch (error) {
        core.warning(`Namespace ${namespace} of the JMeter engines was not removed: ${describe(error)}`)
      }
    }
  }
  await rm(dir, { recursive: true, force: true })
  core.info(`Removed ${dir}`)
}
