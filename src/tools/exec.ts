/** The one way this project starts a program: an argument array, never a shell string. */
import { spawn } from 'node:child_process'
import { ToolError } from '../errors.js'

export interface ExecOptions {
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
    child.on('error', error => {
      if (timer) clearTimeout(timer)
      reject(new ToolError(command, args, null, error.message))
    })
    child.on('close', code => {
      if (timer) clearTimeout(timer)
      const result = {
        exitCode: code,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString()
      }
      if (code === 0 || options.allowFailure) resolve(result)
      else reject(new ToolError(command, args, code, result.stderr || result.stdout))
    })
    // A program may exit without reading its stdin (git does, under load): the write then fails with EPIPE,
    // which must not crash the process; the exit code above already tells what happened.
    child.stdin.on('error', () => {})
    // A program may exit before reading its input; that EPIPE is not our failure, its exit code tells.
    child.stdin.on('error', () => {})
    child.stdin.end(options.input ?? '')
  })
}
