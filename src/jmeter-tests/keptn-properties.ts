/** The -J properties Keptn's jmeter-service gave every workload, so Keptn's .jmx files run unchanged. */
import type { Workload } from './workloads.js'

export const DEFAULT_CHECK_PATH = '/health'

export interface KeptnContext {
  readonly project: string
  readonly stage: string
  readonly service: string
}

/** Keptn's -J properties for one workload, then the workload's own (which may override them). */
export function keptnProperties(
  serviceUrl: string,
  workload: Workload,
  keptn: KeptnContext
): Record<string, string> {
  const url = new URL(serviceUrl)
  const protocol = url.protocol.replace(/:$/, '')
  const port = url.port || (protocol === 'https' ? '443' : '80')
  return {
    PROTOCOL: protocol,
    SERVER_PROTOCOL: protocol,
    SERVER_URL: url.hostname,
    SERVER_PORT: port,
    CHECK_PATH: DEFAULT_CHECK_PATH,
    VUCount: String(workload.vuser),
    LoopCount: String(workload.loopcount),
    ThinkTime: String(workload.thinktime),
    KEPTN_PROJECT: keptn.project,
    KEPTN_STAGE: keptn.stage,
    KEPTN_SERVICE: keptn.service,
    KEPTN_TESTSTRATEGY: workload.teststrategy,
    ...workload.properties
  }
}
