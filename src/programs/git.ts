/**
 * The git wrapper: a bare, shallow clone of one branch in a temporary directory, read and written with
 * plumbing (cat-file, fast-import) so no working tree is checked out, and pushes that are never forced.
 *
 * Auth: a token travels only as an `http.<origin>/.extraheader` passed through GIT_CONFIG_COUNT/KEY/VALUE
 * environment variables of each command: never on a command line (visible in `ps`), never in a URL,
 * never in a config file on disk, never in a log.
 */
import { dirname } from 'node:path'
import { InputError, ToolError } from '../contracts/errors.js'
import { execTool, GIT_ENV, type ExecOptions, type ExecResult } from './exec.js'
import { commitStream, parseBatch, parsePush, type CommitSpec, type PushOutcome } from './git-format.js'

export { DEFAULT_AUTHOR, type Author, type CommitSpec, type PushOutcome } from './git-format.js'

export interface GitAuth {
  readonly token: string
}

/** What a branch holds at one commit: its sha (undefined: no such branch) and the files asked for. */
export interface Snapshot {
  readonly head?: string
  readonly files: ReadonlyMap<string, string>
}

/**
 * The deadline of each clone, fetch and push: 300 s, or CARTS_DEPLOY_GIT_TIMEOUT_MS (milliseconds; tests
 * use a short one). On it git's whole process group is stopped (remote helpers included, see exec.ts).
 */
export const GIT_TIMEOUT_ENV = 'CARTS_DEPLOY_GIT_TIMEOUT_MS'
export const NETWORK_TIMEOUT_MS = 300_000
const LOCAL_TIMEOUT_MS = 60_000

export function networkTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env[GIT_TIMEOUT_ENV])
  return Number.isSafeInteger(value) && value > 0 ? value : NETWORK_TIMEOUT_MS
}
const MISSING_BRANCH = /Remote branch .* not found|couldn't find remote ref/i

/**
 * The largest token git is given: it travels in one environment variable (Linux refuses one over 128 KiB
 * with `spawn E2BIG`) and one HTTP header. Real tokens are under 1 KiB. The action checks its input against
 * the same limit; this check covers every other caller (the CLI's GITHUB_TOKEN).
 */
export const MAX_TOKEN_BYTES = 16 * 1024

export function checkToken(token: string): void {
  const size = Buffer.byteLength(token)
  if (size > MAX_TOKEN_BYTES) {
    throw new InputError(
      'github-token',
      `at most ${MAX_TOKEN_BYTES / 1024} KiB (this value is ${Math.ceil(size / 1024)} KiB)`
    )
  }
}

export function basicCredential(token: string): string {
  return Buffer.from(`x-access-token:${token}`).toString('base64')
}

/**
 * `https://host:port/` for an https remote: the prefix the auth header is scoped to. Plain http only for
 * this machine (tests, a local mirror): a token must not cross a network unencrypted.
 */
export function httpOrigin(remote: string): string | undefined {
  if (!/^https?:\/\//i.test(remote)) return undefined
  const url = new URL(remote)
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  return url.protocol === 'https:' || local ? `${url.origin}/` : undefined
}

/**
 * The environment of every git command. Our config entries are appended after any the caller's
 * environment already has. The empty extraheader first resets headers inherited from other config.
 *
 * http.followRedirects=false: by default ('initial') git follows a redirect of its first request and uses
 * the new URL as the base of every later one, sending our Authorization header (and the push) to whatever
 * host the remote named. With false, a redirect is an error: the token stays with its origin.
 */
export function gitEnv(remote: string, auth?: GitAuth, base: NodeJS.ProcessEnv = process.env) {
  const env: Record<string, string | undefined> = {
    GIT_TERMINAL_PROMPT: '0',
    GIT_TRACE_REDACT: '1',
    LC_ALL: 'C', // error messages are matched below
    GIT_DIR: undefined,
    GIT_WORK_TREE: undefined,
    GIT_INDEX_FILE: undefined,
    GIT_OBJECT_DIRECTORY: undefined,
    GIT_ALTERNATE_OBJECT_DIRECTORIES: undefined
  }
  const origin = httpOrigin(remote)
  let count = Number(base.GIT_CONFIG_COUNT ?? 0) || 0
  const entries: [string, string][] = [['http.followRedirects', 'false']]
  if (auth && origin) {
    for (const value of ['', `AUTHORIZATION: basic ${basicCredential(auth.token)}`]) {
      entries.push([`http.${origin}.extraheader`, value])
    }
  }
  for (const [key, value] of entries) {
    env[`GIT_CONFIG_KEY_${count}`] = key
    env[`GIT_CONFIG_VALUE_${count}`] = value
    count++
  }
  env.GIT_CONFIG_COUNT = String(count)
  return env
}

export class Git {
  private commits = 0

  private constructor(
    readonly dir: string,
    readonly remote: string,
    private readonly auth?: GitAuth
  ) {}

  /** A bare shallow clone of `branch` in `dir` (which must not exist); a missing branch gives an empty repo. */
  static async cloneBranch(remote: string, branch: string, dir: string, auth?: GitAuth): Promise<Git> {
    if (auth) checkToken(auth.token)
    const git = new Git(dir, remote, auth)
    const args = ['clone', '--bare', '--quiet', '--depth', '1', '--single-branch', '--no-tags']
    const result = await git.run([...args, '--branch', branch, '--', remote, dir], networkTimeoutMs(), true)
    if (result.exitCode === 0) return git
    if (!MISSING_BRANCH.test(result.stderr)) throw git.failure(['clone'], result)
    await git.run(['init', '--bare', '--quiet', '--', dir], LOCAL_TIMEOUT_MS)
    return git
  }

  /**
   * Moves the local branch to the remote's tip (the branch may have moved, or appeared, since we cloned).
   * The `+` forces only our temporary local ref: two depth-1 tips need not connect. Pushes are never forced.
   */
  async fetchBranch(branch: string): Promise<void> {
    const ref = `refs/heads/${branch}`
    const args = ['fetch', '--quiet', '--depth', '1', '--no-tags', '--', this.remote, `+${ref}:${ref}`]
    const result = await this.run(args, networkTimeoutMs(), true)
    if (result.exitCode === 0) return
    if (!MISSING_BRANCH.test(result.stderr)) throw this.failure(['fetch'], result)
    await this.run(['update-ref', '-d', ref], LOCAL_TIMEOUT_MS, true)
  }

  /** The branch's commit and the given files at it, in one cat-file process. */
  async read(branch: string, paths: readonly string[]): Promise<Snapshot> {
    const ref = `refs/heads/${branch}`
    const names = [ref, ...paths.map(path => `${ref}:${path}`)]
    const result = await this.run(['cat-file', '--batch'], LOCAL_TIMEOUT_MS, false, names.join('\n') + '\n')
    const objects = parseBatch(Buffer.from(result.stdout), names)
    const head = objects.get(ref)?.sha
    const files = new Map<string, string>()
    for (const path of paths) {
      const blob = objects.get(`${ref}:${path}`)
      if (blob?.type === 'blob') files.set(path, blob.content)
    }
    return { head, files }
  }

  /** Writes one commit (no parent: an orphan) with fast-import and returns its sha. Nothing is checked out. */
  async commit(spec: Omit<CommitSpec, 'ref'>): Promise<string> {
    const ref = `refs/carts-deploy/commit-${++this.commits}`
    const stream = commitStream({ ...spec, ref })
    const result = await this.run(
      ['fast-import', '--quiet', '--date-format=raw'],
      LOCAL_TIMEOUT_MS,
      false,
      stream
    )
    const sha = result.stdout.trim()
    if (!/^[0-9a-f]{40,64}$/.test(sha)) throw this.failure(['fast-import'], result)
    return sha
  }

  /** Pushes `sha` to the branch, never forced: another writer's newer commit makes it 'rejected'. */
  async push(sha: string, branch: string): Promise<PushOutcome> {
    const ref = `refs/heads/${branch}`
    const args = ['push', '--porcelain', '--no-verify', '--', this.remote, `${sha}:${ref}`]
    const result = await this.run(args, networkTimeoutMs(), true)
    const outcome = parsePush(result.stdout, ref)
    if (outcome.kind === 'pushed' && result.exitCode === 0) return outcome
    if (outcome.kind === 'rejected') return outcome
    throw this.failure(['push'], result)
  }

  private async run(
    args: string[],
    timeoutMs: number,
    allowFailure = false,
    input?: string
  ): Promise<ExecResult> {
    const options: ExecOptions = {
      cwd: dirname(this.dir),
      env: gitEnv(this.remote, this.auth),
      inherit: GIT_ENV,
      timeoutMs,
      allowFailure,
      input
    }
    const dirArgs = args[0] === 'clone' || args[0] === 'init' ? [] : ['--git-dir', this.dir]
    return execTool('git', [...dirArgs, ...args], {
      ...options,
      shownArgs: args,
      redact: text => this.redact(text)
    })
  }

  private failure(what: string[], result: ExecResult): ToolError {
    return new ToolError('git', what, result.exitCode, this.redact(result.stderr || result.stdout))
  }

  /** Git never prints the header; this is the belt to that pair of braces. */
  private redact(text: string): string {
    if (!this.auth?.token) return text
    return text.split(this.auth.token).join('***').split(basicCredential(this.auth.token)).join('***')
  }
}
