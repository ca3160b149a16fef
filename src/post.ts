/** Post step: removes what this run wrote to disk (kubeconfig, clones, temp files), whatever happened. */
import { rm } from 'node:fs/promises'
import * as core from '@actions/core'

const dir = core.getState('temp-dir')
if (dir) {
  await rm(dir, { recursive: true, force: true })
  core.info(`Removed ${dir}`)
}
