/** The Actions runner as a Reporter: log groups, annotations and file-command outputs via @actions/core. */
import * as core from '@actions/core'
import type { Reporter } from '../contracts/reporter.js'

export const runnerReporter: Reporter = {
  info: message => core.info(message),
  warning: message => core.warning(message),
  debug: message => core.debug(message),
  group: (name, work) => core.group(name, work),
  mask: secret => core.setSecret(secret),
  annotate: a => {
    const properties = { title: a.title, file: a.file, startLine: a.line }
    if (a.level === 'error') core.error(a.message, properties)
    else core.warning(a.message, properties)
  }
}
