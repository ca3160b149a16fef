/**
 * The JMeter wrapper: the command line, and a runner that does not trust the exit
 * code (JMeter exits 0 when every sample fails or an option is unknown; see toolchain.md).
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { lastLines } from '../contracts/errors.js'
import type { TimeWindow } from '../contracts/evaluation.js'
import { execTool, JAVA_ENV, type ExecResult } from './exec.js'

/** CSV with a header and failure messages, whatever the installation's jmeter.properties says. */
export const SAVE_SERVICE_PROPERTIES: Readonly<Record<string, string>> = {
  'jmeter.save.saveservice.output_format': 'csv',
  'jmeter.save.saveservice.print_field_names': 'true',
  'jmeter.save.saveservice.failure_message': 'true',
  'jmeter.save.saveservice.response_message': 'true',
  'jmeter.save.saveservice.successful': 'true',
  'jmeter.save.saveservice.time': 'true',
  'jmeter.save.saveservice.timestamp_format': 'ms',
  'jmeter.save.saveservice.label': 'true',
  // Otherwise non-GUI JMeter binds UDP *:4445 on every interface for shutdown messages.
  'jmeterengine.nongui.port': '0'
}

/** Where one run writes: all fresh, inside its own folder. */
export interface RunFiles {
  readonly dir: string
  readonly jtl: string
  readonly log: string
  readonly dashboard: string
  /** JMeter's stdout and stderr, kept for the artifact. */
  readonly output: string
}

export function runFiles(dir: string): RunFiles {
  return {
    dir,
    jtl: path.join(dir, 'results.jtl'),
    log: path.join(dir, 'jmeter.log'),
    dashboard: path.join(dir, 'dashboard'),
    output: path.join(dir, 'jmeter.out')
  }
}

/** The non-GUI command line. Save-service properties come last so a workload cannot turn them off. */
export function jmeterArgs(
  script: string,
  files: RunFiles,
  properties: Readonly<Record<string, string>>
): string[] {
  // -f deletes an existing JTL first: -l alone appends, and old samples would count.
  return [
    '-n',
    '-t',
    script,
    '-l',
    files.jtl,
    '-j',
    files.log,
    '-f',
    '-e',
    '-o',
    files.dashboard,
    ...flags('-J', properties)
  ]
}

/**
 * The controller's command line in distributed mode: the same properties, also as -G (global: sent to
 * every engine, where the plan's ${__P(...)} are read). RMI without TLS: the engines and the controller talk
 * only inside their own namespace, which a NetworkPolicy closes; TLS would need a keystore in every pod.
 * No dashboard: it would be written inside the controller pod.
 */
export function distributedArgs(
  script: string,
  files: Pick<RunFiles, 'jtl' | 'log'>,
  properties: Readonly<Record<string, string>>,
  engines: readonly string[]
): string[] {
  const local = { ...properties, ...RMI_PROPERTIES }
  return [
    '-n',
    '-t',
    script,
    '-R',
    engines.join(','),
    '-l',
    files.jtl,
    '-j',
    files.log,
    '-f',
    ...flags('-J', local),
    ...flags('-G', properties)
  ]
}

/** What the engines and the controller both need to talk RMI without a keystore. */
export const RMI_PROPERTIES: Readonly<Record<string, string>> = { 'server.rmi.ssl.disable': 'true' }

/** Save-service properties last, so a workload cannot turn them off. */
function flags(flag: '-J' | '-G', properties: Readonly<Record<string, string>>): string[] {
  const all = { ...properties, ...SAVE_SERVICE_PROPERTIES }
  return Object.entries(all).map(([name, value]) => `${flag}${name}=${value}`)
}

// JMeter's own words when a plan did not load or the command line was wrong (5.6.3, e2e/jmeter/README.md).
const LOAD_ERRORS = [
  /Error in NonGUIDriver.*/,
  /An error occurred:.*/,
  /Could not open.*/,
  /doesn't exist or can't be opened.*/,
  /^Error: Unknown option.*/m,
  /Cannot write to .*/
]

/** The first line of `text` that says the plan did not run at all, trimmed. */
export function loadError(text: string): string | undefined {
  let best: { index: number; line: string } | undefined
  for (const pattern of LOAD_ERRORS) {
    const m = pattern.exec(text)
    if (m && (!best || m.index < best.index)) best = { index: m.index, line: lineAround(text, m.index) }
  }
  return best?.line
}

/** The first ERROR of a jmeter.log with the exception line that follows it (e.g. a missing CSV file). */
export function firstLogError(logText: string): string | undefined {
  const lines = logText.split(/\r?\n/)
  const at = lines.findIndex(l => / ERROR /.test(l))
  if (at < 0) return undefined
  const message = lines[at].replace(/^.*? ERROR /, '').trim()
  const next = lines[at + 1]?.trim()
  return next && /^[\w.$]+(Exception|Error)\b/.test(next) ? `${message} ${next}` : message
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1
  const end = text.indexOf('\n', index)
  return text.slice(start, end < 0 ? undefined : end).trim()
}

/** One JMeter run, wherever it happens: the runner's JMeter, or engines in the cluster. */
export interface JmeterLaunch {
  /** The plan, a path on the runner. */
  readonly script: string
  /** Where the results, the log and the output end up on the runner. */
  readonly files: RunFiles
  readonly properties: Readonly<Record<string, string>>
  readonly timeoutMs: number
  readonly onLine?: (line: string) => void
}

export type JmeterLauncher = (launch: JmeterLaunch) => Promise<JmeterOutcome>

export interface JmeterRunOptions extends JmeterLaunch {
  /** The bin/jmeter launcher. */
  readonly bin: string
  /** The jmeter dir: CSV files named beside a .jmx resolve from here. */
  readonly cwd: string
}

/** JMeter on the runner: `bin` started in `cwd`. */
export function localLauncher(bin: string, cwd: string): JmeterLauncher {
  return launch => runJmeter({ ...launch, bin, cwd })
}

export interface JmeterOutcome {
  readonly exitCode: number | null
  readonly seconds: number
  /** When the run started and ended (epoch ms): the window server-side SLIs are queried for. */
  readonly window: TimeWindow
  readonly timedOut: boolean
  /** Why the run does not count, quoting JMeter (plan not loaded, bad option, non-zero exit, timeout). */
  readonly error?: string
  /** The JTL exists and is not empty (whether it holds samples is for the reader to say). */
  readonly jtlWritten: boolean
}

export async function runJmeter(options: JmeterRunOptions): Promise<JmeterOutcome> {
  const { files } = options
  rmSync(files.dir, { recursive: true, force: true })
  mkdirSync(files.dir, { recursive: true })
  const clock = startClock()
  const result = await execTool(options.bin, jmeterArgs(options.script, files, options.properties), {
    cwd: options.cwd,
    inherit: JAVA_ENV,
    timeoutMs: options.timeoutMs,
    allowFailure: true,
    onOutput: options.onLine ? splitLines(options.onLine) : undefined
  })
  return outcomeOf(result, clock, options.timeoutMs, files)
}

export interface RunClock {
  readonly started: number
  /** Epoch ms. */
  readonly start: number
}

export function startClock(): RunClock {
  return { started: performance.now(), start: Date.now() }
}

/** Judges a finished JMeter process by its output, its log and its results file (all in `files`). */
export function outcomeOf(
  result: Pick<ExecResult, 'exitCode' | 'stdout' | 'stderr' | 'timedOut'>,
  clock: RunClock,
  timeoutMs: number,
  files: Pick<RunFiles, 'jtl' | 'log' | 'output'>
): JmeterOutcome {
  const seconds = (performance.now() - clock.started) / 1000
  const output = `${result.stdout}${result.stderr ? `\n--- stderr ---\n${result.stderr}` : ''}`
  writeFileSync(files.output, output)
  // Killed on timeout, the JVM may report 143 rather than a signal: elapsed time is what tells.
  const timedOut = result.timedOut === true || (result.exitCode !== 0 && seconds * 1000 >= timeoutMs - 50)
  const error = explain(result.exitCode, timedOut, timeoutMs, output, readText(files.log))
  const window = { start: clock.start, end: Date.now() }
  return { exitCode: result.exitCode, seconds, window, timedOut, error, jtlWritten: nonEmpty(files.jtl) }
}

function explain(
  exitCode: number | null,
  timedOut: boolean,
  timeoutMs: number,
  output: string,
  logText: string
): string | undefined {
  if (timedOut) return `JMeter did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`
  const said = loadError(output)
  if (said) return `JMeter could not run the plan: ${said}`
  if (exitCode !== 0) {
    const why = firstLogError(logText) ?? lastLine(output)
    return `JMeter exited with ${exitCode ?? 'a signal'}${why ? `: ${why}` : ''}`
  }
  return undefined
}

function nonEmpty(file: string): boolean {
  try {
    return statSync(file).size > 0
  } catch {
    return false
  }
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

/** log4j's own start-up warnings are never why JMeter failed. */
function lastLine(text: string): string | undefined {
  const said = text.split(/\r?\n/).filter(l => !l.trim().startsWith('WARN StatusConsoleListener'))
  return lastLines(said.join('\n')) || undefined
}

/** Splits streamed output into whole lines, dropping log4j's harmless package-scanning warning. */
export function splitLines(sink: (line: string) => void): (chunk: string) => void {
  let rest = ''
  return chunk => {
    const parts = (rest + chunk).split(/\r?\n/)
    rest = parts.pop() ?? ''
    for (const line of parts) if (line.trim() && !line.startsWith('WARN StatusConsoleListener')) sink(line)
  }
}
