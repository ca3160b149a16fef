/**
 * Read-modify-write of files on a branch that many runs push to at once.
 *
 * Each update works in its own temporary bare clone (never the user's working tree), applies a pure
 * mutation to the files it read, commits on top of the tip it read and pushes without force. When another
 * writer got there first the push is rejected; we fetch the new tip and apply the mutation again, so no
 * update is lost and none overwrites another. Retries are bounded, with jittered exponential backoff so
 * that writers who collided do not collide again in lockstep.
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
  /** Pure, and may run once per attempt against a newer tip. null (or no differing file): nothing to do. */
  readonly mutate: (files: BranchFiles) => FileChanges | null
  /** The subject (and body); the trailer is added. */
  readonly message: string
}

export interface UpdateOptions {
  readonly maxAttempts?: number
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
    readonly lastReason: string
  ) {
    super(
      `Could not update branch '${branch}' of ${repo}: the push was rejected ${attempts} times because other ` +
        `runs kept moving the branch (last: ${lastReason}). Nothing was overwritten; run the job again.`
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
  const max = Math.max(1, options.maxAttempts ?? 10)
  let reason = ''
  for (let attempt = 1; attempt <= max; attempt++) {
    if (attempt > 1) {
      await sleep(backoffMs(attempt - 1, options.baseDelayMs ?? 100, options.maxDelayMs ?? 2000))
      await git.fetchBranch(target.branch)
    }
    const snapshot = await git.read(target.branch, update.reads)
    const files = changedFiles(snapshot, update.mutate(snapshot.files))
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
  }
  throw new BranchUpdateError(target.branch, target.repo, max, reason)
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
