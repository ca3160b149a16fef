/** Real git repositories in temporary directories, for tests. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function git(args: string[], cwd?: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

export interface Sandbox {
  readonly root: string
  /** A new bare repository (no commits) under the sandbox. */
  bare(name?: string): string
  cleanup(): void
}

export function sandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'carts-config-test-'))
  return {
    root,
    bare(name = 'remote.git') {
      const dir = join(root, name)
      git(['init', '--quiet', '--bare', dir])
      // A reflog in the bare repo shows every update of the branch: the no-force-push check reads it.
      git(['--git-dir', dir, 'config', 'core.logAllRefUpdates', 'always'])
      return dir
    },
    cleanup: () => rmSync(root, { recursive: true, force: true })
  }
}

export function show(repo: string, rev: string): string {
  return git(['--git-dir', repo, 'show', rev])
}

export function commits(repo: string, branch = 'config'): string[] {
  return git(['--git-dir', repo, 'rev-list', branch]).split('\n').filter(Boolean)
}

export function subjects(repo: string, branch = 'config'): string[] {
  return git(['--git-dir', repo, 'log', '--format=%s', branch]).split('\n').filter(Boolean)
}

/** Every update the branch ever had, oldest first, as [old, new] shas (the bare repo's reflog file). */
export function reflog(repo: string, branch = 'config'): [string, string][] {
  const text = readFileSync(join(repo, 'logs', 'refs', 'heads', branch), 'utf8')
  return text
    .split('\n')
    .filter(Boolean)
    .map(line => line.split(' ').slice(0, 2) as [string, string])
}

export function files(repo: string, branch = 'config'): string[] {
  return git(['--git-dir', repo, 'ls-tree', '-r', '--name-only', branch]).split('\n').filter(Boolean)
}

/** The parent of a commit, or 40 zeros for a root commit (as the reflog writes "no old value"). */
export function parentOf(repo: string, sha: string): string {
  return git(['--git-dir', repo, 'rev-list', '--parents', '-n', '1', sha]).split(' ')[1] ?? '0'.repeat(40)
}
