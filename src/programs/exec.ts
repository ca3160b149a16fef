/**
 * The one way this project starts a program: an argument array, never a shell string.
 *
 * Why not @actions/exec (the design's package for this): every external operation here needs a deadline
 * that ends the program (a hung git, helm or JVM must not hold a job for hours), and @actions/exec's
 * ToolRunner gives no handle on the child to kill it and has no timeout. It also echoes each command line
 * to stdout, which the CLI's machine-readable output cannot have. So this wrapper spawns the child itself.
 *
 * Deadlines end the whole process group. Each child is started as the leader of its own process group
 * (`detached`, i.e. setsid), so that what it starts in turn (git's `git-remote-http`, the JVM under
 * bin/jmeter's shell, a kubeconfig's exec credential plugin) is in the same group. On its deadline the
 * group gets SIGTERM, then SIGKILL after a grace period: nothing is left holding our pipes, and the call
 * returns. Every call has a deadline (DEFAULT_TIMEOUT_MS unless the caller gives one).
 *
 * Environment: children never inherit ours wholesale. The runner gives the action every input as an
 * `INPUT_*` variable (the kubeconfig and the token among them) and its own tokens (ACTIONS_RUNTIME_TOKEN,
 * ACTIONS_ID_TOKEN_REQUEST_TOKEN, ...); a child (and a JMeter test plan from the repository) must see none
 * of them. A child gets the variables of BASE_ENV plus the families its wrapper asks for (`inherit`), plus
 * what the caller passes in `env` explicitly (KUBECONFIG, git's config entries).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { ToolError } from '../contracts/errors.js'

/** What any program needs to run at all: where programs are, home, temp dirs, locale, proxies, CA files. */
export const BASE_ENV: readonly RegExp[] = [
  /^(PATH|HOME|USER|LOGNAME|SHELL|TERM|TZ|LANG|LANGUAGE|HOSTNAME|TMPDIR|TMP|TEMP)$/,
  /^LC_[A-Z]+$/,
  /^(RUNNER_TEMP|RUNNER_TOOL_CACHE)$/,
  // Corporate runners reach the network through these; no credentials of ours are in them.
  /^(http|https|no|all)_proxy$/i,
  /^(SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE)$/,
  /^XDG_[A-Z_]+$/
]

/** git: its own settings (GIT_SSL_CAINFO, GIT_SSH_COMMAND, GIT_CONFIG_*) and an ssh agent for ssh remotes. */
export const GIT_ENV: readonly RegExp[] = [/^GIT_[A-Z0-9_]+$/, /^SSH_AUTH_SOCK$/]

/**
 * helm and kubectl: their settings, and the cloud credentials a kubeconfig's exec plugin needs to log in
 * (aws eks get-token, gke-gcloud-auth-plugin, kubelogin): those were put in the environment for exactly
 * these programs (by aws-actions/configure-aws-credentials, google-github-actions/auth, azure/login).
 */
export const KUBE_ENV: readonly RegExp[] = [
  /^KUBECONFIG$/,
  /^(HELM|KUBE|KUBECTL)_[A-Z0-9_]+$/,
  /^(AWS|AZURE|GOOGLE|CLOUDSDK)_[A-Z0-9_]+$/
]

/** Java and JMeter: what bin/jmeter and the JVM read. No cloud or git credentials: test plans run code. */
export const JAVA_ENV: readonly RegExp[] = [
  /^(JAVA_HOME|JRE_HOME|JAVA_OPTS|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|JVM_ARGS|HEAP|GC_ALGO|DUMP_HEAP)$/,
  /^JMETER_[A-Z0-9_]+$/
]

/** The deadline of a call that names none. */
export const DEFAULT_TIMEOUT_MS = 10 * 60_000
/** Between SIGTERM and SIGKILL: time for helm or the JVM to write what they were writing. */
export const KILL_GRACE_MS = 5_000

export interface ExecOptions {
  /** The program's name in errors (`helm upgrade failed …`); defaults to the command. */
  readonly name?: string
  /** The arguments errors show, when they differ from those run (e.g. without --git-dir). */
  readonly shownArgs?: readonly string[]
  /** Applied to the output an error quotes (e.g. to hide a token). */
  readonly redact?: (text: string) => string
  readonly cwd?: string
  /**
   * Set in the child's environment (undefined: removed). Added to the variables inherited (BASE_ENV and
   * `inherit`) or, with `replaceEnv`, the whole environment.
   */
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly replaceEnv?: boolean
  /** Families of our environment the program needs beyond BASE_ENV (GIT_ENV, KUBE_ENV, JAVA_ENV). */
  readonly inherit?: readonly RegExp[]
  readonly input?: string
  /** The deadline: the process group is stopped after this long (DEFAULT_TIMEOUT_MS when not given). */
  readonly timeoutMs?: number
  /** Between the SIGTERM and the SIGKILL of the process group on the deadline (KILL_GRACE_MS). */
  readonly killGraceMs?: number
  /** Return a non-zero exit instead of throwing. */
  readonly allowFailure?: boolean
  /** Called with each chunk of output as it arrives (for live logs). */
  readonly onOutput?: (chunk: string) => void
  /** Stdout goes to this file (created 0600) instead of memory: a results file may be larger than we hold. */
  readonly stdoutFile?: string
  /** Ends the process group as the deadline does (e.g. a load engine died mid-test). */
  readonly signal?: AbortSignal
}

export interface ExecResult {
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
  /** The deadline passed and the process group was stopped (stderr then ends with a line saying so). */
  readonly timedOut?: boolean
}

/** The environment a child starts with: only the variables that match, then the caller's own. */
export function childEnv(
  options: Pick<ExecOptions, 'env' | 'replaceEnv' | 'inherit'>,
  base: NodeJS.ProcessEnv = process.env
): Record<string, string> {
  const env: Record<string, string> = {}
  if (!options.replaceEnv) {
    const keep = [...BASE_ENV, ...(options.inherit ?? [])]
    for (const [name, value] of Object.entries(base)) {
      if (value !== undefined && keep.some(pattern => pattern.test(name))) env[name] = value
    }
  }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  return env
}

export function execTool(
  command: string,
  args: readonly string[],
  options: ExecOptions = {}
): Promise<ExecResult> {
  const name = options.name ?? command
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const graceMs = options.killGraceMs ?? KILL_GRACE_MS
  return new Promise((resolve, reject) => {
    const fail = (code: number | null, output: string) =>
      new ToolError(name, options.shownArgs ?? args, code, options.redact?.(output) ?? output)
    let child: ChildProcess
    try {
      child = spawnGroup(command, args, options)
    } catch (error) {
      reject(fail(null, (error as Error).message))
      return
    }
    const out: Buffer[] = []
    const err: Buffer[] = []
    let timedOut = false
    const timers: NodeJS.Timeout[] = []
    const stopTimers = () => timers.splice(0).forEach(clearTimeout)
    if (child.pid !== undefined) track(child)
    const stopGroup = () => {
      killGroup(child, 'SIGTERM')
      timers.push(
        setTimeout(() => {
          killGroup(child, 'SIGKILL')
          // A process that left the group (setsid) could still hold our pipes: stop waiting for them.
          timers.push(setTimeout(() => destroyPipes(child), 1_000))
        }, graceMs)
      )
    }
    timers.push(
      setTimeout(() => {
        timedOut = true
        stopGroup()
      }, timeoutMs)
    )
    if (options.signal?.aborted) stopGroup()
    else options.signal?.addEventListener('abort', stopGroup, { once: true })
    const file = options.stdoutFile ? createWriteStream(options.stdoutFile, { mode: 0o600 }) : undefined
    const written = file ? new Promise<void>(resolve => file.on('close', () => resolve())) : Promise.resolve()
    // A file that cannot be written: the program is stopped (nobody reads its output) and the call fails.
    let unwritable: Error | undefined
    file?.on('error', error => {
      unwritable = error
      stopGroup()
    })
    if (file) child.stdout!.pipe(file)
    else
      child.stdout!.on('data', (chunk: Buffer) => {
        out.push(chunk)
        options.onOutput?.(chunk.toString())
      })
    child.stderr!.on('data', (chunk: Buffer) => {
      err.push(chunk)
      options.onOutput?.(chunk.toString())
    })
    child.on('error', error => {
      stopTimers()
      untrack(child)
      reject(fail(null, error.message))
    })
    child.on('close', code => {
      stopTimers()
      untrack(child)
      options.signal?.removeEventListener('abort', stopGroup)
      void written.then(() => settle(code))
    })
    const settle = (code: number | null) => {
      let stderr = Buffer.concat(err).toString()
      if (timedOut) {
        const shown = (options.shownArgs ?? args)[0] ?? ''
        stderr +=
          `\n${name} ${shown} did not finish within ${seconds(timeoutMs)} and was stopped ` +
          '(its whole process group: SIGTERM, then SIGKILL)'
      }
      const result = { exitCode: code, stdout: Buffer.concat(out).toString(), stderr, timedOut }
      if (unwritable)
        reject(fail(code, `its output could not be written to ${options.stdoutFile}: ${unwritable.message}`))
      else if (code === 0 && !timedOut) resolve(result)
      else if (options.allowFailure) resolve(result)
      else reject(fail(code, timedOut ? result.stderr : result.stderr || result.stdout))
    }
    // A program may exit without reading its stdin (git does, under load): the write then fails with EPIPE,
    // which must not crash the process; the exit code above already tells what happened.
    child.stdin!.on('error', () => {})
    child.stdin!.end(options.input ?? '')
  })
}

/** Spawns the program as the leader of its own process group (see the header), with the filtered environment. */
function spawnGroup(
  command: string,
  args: readonly string[],
  options: Pick<ExecOptions, 'cwd' | 'env' | 'replaceEnv' | 'inherit'>
): ChildProcess {
  try {
    return spawn(command, [...args], {
      cwd: options.cwd,
      env: childEnv(options),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true
    })
  } catch (error) {
    // Node throws some spawn errors at once. Linux refuses one argument or variable over 128 KiB (and
    // all of them together over ~2 MiB) with E2BIG: say what that means.
    const { code, message } = error as NodeJS.ErrnoException
    const why =
      code === 'E2BIG' ? ': its arguments or environment are too large (one value over 128 KiB?)' : ''
    throw new Error(`${message}${why}`)
  }
}

/** A program that runs beside us (kubectl port-forward) until we stop it. */
export interface RunningTool {
  /**
   * The first match of `pattern` in the program's output so far or to come. Rejects with the program's
   * own words when it exits first or `timeoutMs` passes (and then stops it).
   */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>
  /** Stops its process group (SIGTERM, then SIGKILL after the grace period) and waits until it is gone. */
  stop(): Promise<void>
}

/** Output kept for waitFor and errors: a chatty program must not grow our memory. */
const RUNNING_OUTPUT_CAP = 64 * 1024

/**
 * Starts a program that runs until stop(); `timeoutMs` bounds its whole life all the same (the test step's
 * deadline), so one that is never stopped (a crash between start and stop) still ends.
 */
export function startTool(
  command: string,
  args: readonly string[],
  options: Omit<ExecOptions, 'input' | 'allowFailure' | 'onOutput'> & { readonly timeoutMs: number }
): RunningTool {
  const name = options.name ?? command
  const graceMs = options.killGraceMs ?? KILL_GRACE_MS
  const fail = (output: string, code: number | null = null) =>
    new ToolError(name, options.shownArgs ?? args, code, options.redact?.(output) ?? output)
  const child = spawnGroup(command, args, options)
  let output = ''
  let exit: { code: number | null } | undefined
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach(listener => listener())
  const exited = new Promise<void>(resolve => {
    child.on('error', error => {
      output += `\n${error.message}`
      exit ??= { code: null }
      untrack(child)
      notify()
      resolve()
    })
    child.on('close', code => {
      exit ??= { code }
      untrack(child)
      notify()
      resolve()
    })
  })
  if (child.pid !== undefined) track(child)
  const onData = (chunk: Buffer) => {
    if (output.length < RUNNING_OUTPUT_CAP) output += chunk.toString()
    notify()
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  child.stdin!.on('error', () => {})
  child.stdin!.end()
  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      if (!exit) {
        killGroup(child, 'SIGTERM')
        const kill = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs)
        await exited
        clearTimeout(kill)
      }
      destroyPipes(child)
    })())
  const lifetime = setTimeout(() => void stop(), options.timeoutMs)
  void exited.then(() => clearTimeout(lifetime))
  const waitFor = (pattern: RegExp, timeoutMs: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output)
        if (match) return done(() => resolve(match))
        if (exit) return done(() => reject(fail(output.trim() || 'it exited without a word', exit?.code)))
      }
      const timer = setTimeout(() => {
        done(() =>
          reject(
            fail(
              `${output.trim()}\n${name} ${args[0] ?? ''} said nothing that was expected within ${seconds(timeoutMs)}`.trim()
            )
          )
        )
        void stop()
      }, timeoutMs)
      const done = (settle: () => void) => {
        clearTimeout(timer)
        listeners.delete(check)
        settle()
      }
      listeners.add(check)
      check()
    })
  return { waitFor, stop }
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`
}

/** The group's id is the leader's pid; a group already gone is fine. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // ESRCH: every member has exited.
  }
}

function destroyPipes(child: ChildProcess): void {
  child.stdout?.destroy()
  child.stderr?.destroy()
  child.stdin?.destroy()
}

/*
 * Cancellation. A child in its own process group no longer gets the SIGINT a terminal's Ctrl-C or the
 * runner's cancel sends to us (or to our group), and if we then died by the signal's default action it
 * would run on, orphaned. So, only while children run, SIGINT and SIGTERM are forwarded to their groups
 * (SIGKILL after the grace period), and then we die by the same signal as we would have without the handler.
 */
const live = new Set<ChildProcess>()
let pendingSignal: NodeJS.Signals | undefined

function track(child: ChildProcess): void {
  live.add(child)
  if (live.size === 1) for (const signal of SIGNALS) process.on(signal, onSignal)
}

function untrack(child: ChildProcess): void {
  if (!live.delete(child) || live.size > 0) return
  for (const signal of SIGNALS) process.off(signal, onSignal)
  if (pendingSignal) process.kill(process.pid, pendingSignal)
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']

function onSignal(signal: NodeJS.Signals): void {
  if (pendingSignal) return
  pendingSignal = signal
  for (const child of live) killGroup(child, 'SIGTERM')
  setTimeout(() => {
    for (const child of live) killGroup(child, 'SIGKILL')
    for (const sig of SIGNALS) process.off(sig, onSignal)
    process.kill(process.pid, signal)
  }, KILL_GRACE_MS)
}
