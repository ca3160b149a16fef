/** Reads a jmeter-dir's jmeter.conf.yaml, or Keptn's built-in workloads when it has none. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Logger } from '../contracts/reporter.js'
import { parseUserFile } from '../files/user-file.js'
import { builtInWorkloads, JMETER_CONF_FILE, parseWorkloads, type WorkloadSet } from './workloads.js'

export function readWorkloads(jmeterDir: string, workspace: string, log: Logger): WorkloadSet {
  const file = path.join(jmeterDir, JMETER_CONF_FILE)
  if (!existsSync(file)) {
    log.info(`no ${JMETER_CONF_FILE} in ${jmeterDir}: Keptn's built-in workloads apply`)
    return builtInWorkloads()
  }
  const shown = path.relative(workspace, file)
  return parseUserFile(file, 'yaml', text => parseWorkloads(text, shown.startsWith('..') ? file : shown))
}
