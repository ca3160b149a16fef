/** One workload, run once: find its script, run JMeter into a fresh folder, judge the JTL. */
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe } from '../contracts/errors.js'
import { ResultsFileError } from '../contracts/errors.js'
import type { TimeWindow } from '../contracts/evaluation.js'
import type { Logger } from '../contracts/reporter.js'
import { firstLogError, readText, runFiles, type JmeterLauncher } from '../programs/jmeter.js'
import { keptnProperties, type KeptnContext } from './keptn-properties.js'
import { countJtl, judge, type JtlCounts, type Verdict } from './verdict.js'
import type { Workload } from './workloads.js'

export interface WorkloadRun extends Verdict {
  readonly workload: Workload
  readonly dir: string
  /** Set when JMeter wrote a results file. */
  readonly jtl?: string
  readonly samples: number
  readonly errors: number
  readonly causes?: JtlCounts['causes']
  readonly seconds: number
  /** When JMeter ran (absent when it did not). */
  readonly window?: TimeWindow
}

export interface RunSettings {
  readonly launch: JmeterLauncher
  readonly jmeterDir: string
  readonly serviceUrl: string
  readonly keptn: KeptnContext
  readonly timeoutMs: number
  readonly log: Logger
}

/**
 * Keptn's files name scripts from the service folder (`jmeter/load.jmx` beside `jmeter/jmeter.conf.yaml`);
 * ours may name them from the jmeter dir. Absolute paths are taken as they are.
 */
export function scriptCandidates(jmeterDir: string, script: string): string[] {
  if (path.isAbsolute(script)) return [script]
  const candidates = [path.resolve(jmeterDir, script), path.resolve(jmeterDir, '..', script)]
  return [...new Set(candidates)]
}

export function findScript(jmeterDir: string, script: string): { found?: string; tried: string[] } {
  const tried = scriptCandidates(jmeterDir, script)
  return { found: tried.find(isFile), tried }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

export async function runWorkload(
  settings: RunSettings,
  workload: Workload,
  dir: string
): Promise<WorkloadRun> {
  const { found, tried } = findScript(settings.jmeterDir, workload.script)
  const none = { workload, dir, samples: 0, errors: 0, seconds: 0 }
  if (!found) {
    // Keptn's jmeter-service reported this as a pass; a test that cannot run must not let a release through.
    const reason = `script ${workload.script} of workload '${workload.teststrategy}' not found (looked for ${tried.join(', ')})`
    return { ...none, verdict: 'fail', reason }
  }
  const files = runFiles(dir)
  const properties = keptnProperties(settings.serviceUrl, workload, settings.keptn)
  settings.log.info(
    `${workload.teststrategy}: ${path.relative(settings.jmeterDir, found) || found}, ` +
      `${workload.vuser} users × ${workload.loopcount} loops, think ${workload.thinktime} ms ` +
      `against ${settings.serviceUrl} (${workload.origin})`
  )
  const outcome = await settings.launch({
    script: found,
    files,
    properties,
    timeoutMs: settings.timeoutMs,
    onLine: line => settings.log.info(line)
  })
  const base = {
    ...none,
    seconds: outcome.seconds,
    window: outcome.window,
    jtl: outcome.jtlWritten ? files.jtl : undefined
  }
  // A non-zero exit fails even with a JTL: 5.6.3 exits 1 only when the run itself went wrong.
  if (outcome.error) return { ...base, verdict: 'fail', reason: outcome.error }
  if (!outcome.jtlWritten)
    return { ...base, verdict: 'fail', reason: noResults(files.log, 'wrote no results file') }
  const counts = await readCounts(files.jtl)
  if ('reason' in counts) return { ...base, verdict: 'fail', reason: counts.reason }
  for (const warning of counts.warnings ?? [])
    settings.log.warning(`${workload.teststrategy} results: ${warning}`)
  const verdict = judge(workload, counts)
  const reason = counts.samples === 0 ? noResults(files.log, 'recorded no samples') : verdict.reason
  return {
    ...base,
    ...verdict,
    reason,
    samples: counts.samples,
    errors: counts.errors,
    ...(counts.causes?.length ? { causes: counts.causes } : {})
  }
}

async function readCounts(jtl: string): Promise<JtlCounts | { reason: string }> {
  try {
    return await countJtl(jtl)
  } catch (error) {
    if (error instanceof ResultsFileError)
      return { reason: `the results file cannot be read: ${describe(error)}` }
    throw error
  }
}

/** A run without samples: quote what JMeter logged (e.g. a CSV data file it could not read). */
function noResults(logFile: string, what: string): string {
  const said = existsSync(logFile) ? firstLogError(readText(logFile)) : undefined
  return `JMeter ${what}${said ? `: ${said}` : ''}`
}
