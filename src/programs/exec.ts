/**
 * The one way this project starts a program: an argument array, never a shell string.
 *
 * Why not @actions/exec (the design's package for this): every external operation here needs a deadline
 * that ends the program (a hung git, helm or JVM must not hold a job for hours), and @actions/exec's
 * ToolRunner gives no handle on the child to kill it and has no timeout. It also echoes each command line
 * to stdout, which the CLI's machine-readable output cannot have. So this wrapper spawns the child itself.
 */
import { spawn } from 'node:child_process'
import { ToolError } from '../contracts/errors.js'

export interface ExecOptions {
  /** The program's name in errors (`helm upgrade failed …`); defaults to the command. */
  readonly name?: string
  /** The arguments errors show, when they differ from those run (e.g. without --git-dir). */
  readonly shownArgs?: readonly string[]
  /** Applied to the output an error quotes (e.g. to hide a token). */
  readonly redact?: (text: string) => string
  readonly cwd?: string
  /** Added to (or, with `replaceEnv`, instead of) the current environment. */
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly replaceEnv?: boolean
  readonly input?: string
  readonly timeoutMs?: number
  /** Return a non-zero exit instead of throwing. */
  readonly allowFailure?: boolean
  /** Called with each chunk of output as it arrives (for live logs). */
  readonly onOutput?: (chunk: string) => void
}

export interface ExecResult {
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
}

export function execTool(
  command: string,
  args: readonly string[],
  options: ExecOptions = {}
): Promise<ExecResult> {
  const env = options.replaceEnv ? { ...options.env } : { ...process.env, ...options.env }
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), options.timeoutMs) : undefined
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk)
      options.onOutput?.(chunk.toString())
    })
    child.stderr.on('data', (chunk: Buffer) => {
      err.push(chunk)
      options.onOutput?.(chunk.toString())
    })
    const fail = (code: number | null, output: string) =>
      new ToolError(
        options.name ?? command,
        options.shownArgs ?? args,
        code,
        options.redact?.(output) ?? output
      )
    child.on('error', error => {
      if (timer) clearTimeout(timer)
      reject(fail(null, error.message))
    })
    child.on('close', code => {
      if (timer) clearTimeout(timer)
      const result = {
        exitCode: code,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString()
      }
      if (code === 0 || options.allowFailure) resolve(result)
      else reject(fail(code, result.stderr || result.stdout))
    })
    // A program may exit without reading its stdin (git does, under load): the write then fails with EPIPE,
    // which must not crash the process; the exit code above already tells what happened.
    child.stdin.on('error', () => {})
    child.stdin.end(options.input ?? '')
  })
}
