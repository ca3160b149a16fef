/**
 * Read-modify-write of files on a branch that many runs push to at once.
 *
 * Each update works in its own temporary bare clone (never the user's working tree), applies a pure
 * mutation to the files it read, commits on top of the tip it read and pushes without force. When another
 * writer got there first the push is rejected; we fetch the new tip and apply the mutation again, so no
 * update is lost and none overwrites another. Retries are bounded by time, not by a count: a busy server
 * (many writers, each push taking a second) may reject a writer twenty times before its turn comes, and that is
 * still progress. We retry until a deadline (120 s by default; CARTS_DEPLOY_PUSH_DEADLINE_SECONDS overrides it,
 * e.g. for tests), with full-jitter exponential backoff so that writers who collided do not collide again in
 * lockstep, and the final error says how many pushes were rejected over how long.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { InputError } from '../contracts/errors.js'
import { checkBranch, checkRepo } from '../contracts/names.js'
import { checkAuthor } from '../programs/git-format.js'
import { DEFAULT_AUTHOR, Git, type Author, type GitAuth, type Snapshot } from '../programs/git.js'
import { README_PATH, README_TEXT } from './layout.js'

export interface BranchTarget {
  /** A local path (made absolute) or a URL; checked by checkRepo. */
  readonly repo: string
  readonly branch: string
  readonly auth?: GitAuth
  readonly author?: Author
  /** Added as a `Workflow-Run:` trailer to every commit. */
  readonly runUrl?: string
}

/** Path on the branch -> content. A mutation sees only the paths it asked to read; missing ones are absent. */
export type BranchFiles = ReadonlyMap<string, string>
export type FileChanges = Readonly<Record<string, string>>

export interface BranchUpdate {
  readonly reads: readonly string[]
  /**
   * May run once per attempt against a newer tip: no side effects but checks (a rejection ends the update
   * before any commit). null (or no differing file): nothing to do.
   */
  readonly mutate: (files: BranchFiles) => FileChanges | null | Promise<FileChanges | null>
  /** The subject (and body); the trailer is added. */
  readonly message: string
}

/** How long an update keeps retrying rejected pushes, unless the options or the environment say otherwise. */
export const DEFAULT_PUSH_DEADLINE_MS = 120_000
/** Overrides the deadline (seconds, > 0), e.g. for tests. */
export const PUSH_DEADLINE_ENV = 'CARTS_DEPLOY_PUSH_DEADLINE_SECONDS'

export interface UpdateOptions {
  /** Retry rejected pushes until this much time has passed since the first attempt (default: 120 s). */
  readonly deadlineMs?: number
  readonly baseDelayMs?: number
  readonly maxDelayMs?: number
  /** Where the temporary clone goes (the run's temp dir in the action); os.tmpdir() by default. */
  readonly tempRoot?: string
  /** Tests only: leave the clone behind to inspect it. */
  readonly keepClone?: boolean
  readonly now?: () => Date
}

export interface UpdateResult {
  /**
   * The branch commit that holds the result: the new commit, or, when nothing changed, the tip we read.
   * The tip rather than "the last commit that touched the file": a shallow clone does not have that history,
   * and the tip holds the same contents. undefined only when the branch does not exist and nothing was written.
   */
  readonly sha: string | undefined
  readonly changed: boolean
  readonly attempts: number
}

export class BranchUpdateError extends Error {
  constructor(
    readonly branch: string,
    readonly repo: string,
    readonly attempts: number,
    readonly lastReason: string,
    readonly elapsedMs = 0
  ) {
    super(
      `Could not update branch '${branch}' of ${repo}: the push was rejected ${attempts} times over ` +
        `${(elapsedMs / 1000).toFixed(1)} s because other runs kept moving the branch (last: ${lastReason}). ` +
        `Nothing was overwritten; run the job again.`
    )
    this.name = 'BranchUpdateError'
  }
}

/** Local paths become absolute: git runs with its own working directory. scp-like `host:path` stays. */
export function resolveRepo(repo: string, base = process.cwd()): string {
  checkRepo('repo', repo)
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repo) || /^[^/]+:/.test(repo) || isAbsolute(repo)) return repo
  return resolve(base, repo)
}

export function checkTarget(target: BranchTarget): BranchTarget {
  checkRepo('repo', target.repo)
  checkBranch('branch', target.branch)
  checkAuthor(target.author ?? DEFAULT_AUTHOR)
  if (target.runUrl !== undefined && !/^https?:\/\/\S+$/.test(target.runUrl)) {
    throw new InputError('run URL', 'an http(s) URL on one line', target.runUrl)
  }
  return target
}

export function commitMessage(message: string, runUrl?: string): string {
  return runUrl ? `${message.trimEnd()}\n\nWorkflow-Run: ${runUrl}\n` : `${message.trimEnd()}\n`
}

/** Full jitter: a random wait up to base * 2^(retry-1), capped. */
export function backoffMs(retry: number, baseMs: number, maxMs: number, random = Math.random): number {
  return Math.round(random() * Math.min(maxMs, baseMs * 2 ** (retry - 1)))
}

/** Runs `work` on a fresh temporary clone of the branch, then removes it. */
export async function withClone<T>(
  target: BranchTarget,
  options: UpdateOptions,
  work: (git: Git) => Promise<T>
): Promise<T> {
  checkTarget(target)
  const dir = await mkdtemp(join(options.tempRoot ?? tmpdir(), 'carts-deploy-branch-'))
  try {
    return await work(
      await Git.cloneBranch(resolveRepo(target.repo), target.branch, join(dir, 'repo.git'), target.auth)
    )
  } finally {
    if (!options.keepClone) await rm(dir, { recursive: true, force: true })
  }
}

export async function readBranch(
  target: BranchTarget,
  paths: readonly string[],
  options: UpdateOptions = {}
): Promise<Snapshot> {
  return withClone(target, options, git => git.read(target.branch, paths))
}

export async function updateBranch(
  target: BranchTarget,
  update: BranchUpdate,
  options: UpdateOptions = {}
): Promise<UpdateResult> {
  return withClone(target, options, git => attempts(git, target, update, options))
}

async function attempts(
  git: Git,
  target: BranchTarget,
  update: BranchUpdate,
  options: UpdateOptions
): Promise<UpdateResult> {
  const started = Date.now()
  const deadline = started + pushDeadlineMs(options)
  let reason = ''
  let attempt = 0
  for (;;) {
    attempt++
    if (attempt > 1) {
      const wait = backoffMs(attempt - 1, options.baseDelayMs ?? 100, options.maxDelayMs ?? 2000)
      // Never sleep past the deadline; a last attempt is worth making when time is left.
      if (Date.now() + wait >= deadline) {
        attempt--
        break
      }
      await sleep(wait)
      await git.fetchBranch(target.branch)
    }
    const snapshot = await git.read(target.branch, update.reads)
    const files = changedFiles(snapshot, await update.mutate(snapshot.files))
    if (!files) return { sha: snapshot.head, changed: false, attempts: attempt }
    const sha = await git.commit({
      parent: snapshot.head,
      author: target.author ?? DEFAULT_AUTHOR,
      message: commitMessage(update.message, target.runUrl),
      time: options.now?.() ?? new Date(),
      files
    })
    const outcome = await git.push(sha, target.branch)
    if (outcome.kind === 'pushed') return { sha, changed: true, attempts: attempt }
    reason = outcome.reason
    if (Date.now() >= deadline) break
  }
  throw new BranchUpdateError(target.branch, target.repo, attempt, reason, Date.now() - started)
}

/** The retry deadline: the option, else the environment variable (seconds), else 120 s. */
export function pushDeadlineMs(options: Pick<UpdateOptions, 'deadlineMs'> = {}): number {
  if (options.deadlineMs !== undefined) return Math.max(0, options.deadlineMs)
  const raw = process.env[PUSH_DEADLINE_ENV]?.trim()
  if (!raw) return DEFAULT_PUSH_DEADLINE_MS
  const seconds = Number(raw)
  if (!(Number.isFinite(seconds) && seconds > 0 && seconds <= 3600))
    throw new InputError(PUSH_DEADLINE_ENV, 'a number of seconds between 0 and 3600', raw)
  return seconds * 1000
}

/** Only files whose content differs; a new (orphan) branch also gets the README. */
function changedFiles(snapshot: Snapshot, changes: FileChanges | null): Map<string, string> | undefined {
  const files = new Map(
    Object.entries(changes ?? {}).filter(([path, text]) => snapshot.files.get(path) !== text)
  )
  if (files.size === 0) return undefined
  if (!snapshot.head) files.set(README_PATH, README_TEXT)
  return files
}
