/** Annotations for objectives that did not pass, pointing at their line in slo.yaml. */
import path from 'node:path'
import type { Evaluation } from '../contracts/evaluation.js'
import type { Annotation } from '../contracts/reporter.js'

export function objectiveAnnotations(evaluation: Evaluation, workspace: string): Annotation[] {
  return evaluation.indicators
    .filter(i => i.status === 'fail' || i.status === 'warning')
    .map(i => ({
      level: i.status === 'fail' ? 'error' : 'warning',
      title: `SLO ${i.sli}: ${i.status}${i.keySli ? ' (key SLI)' : ''}`,
      message: i.reason,
      file: i.sloFile ? path.relative(workspace, i.sloFile) : undefined,
      line: i.line
    }))
}
