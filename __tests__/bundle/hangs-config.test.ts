/**
 * Issue 12, class 3 (hangs), the config remote: a server that accepts the connection and never answers.
 * Git's deadline (CARTS_DEPLOY_GIT_TIMEOUT_MS, short here) ends its whole process group, remote helpers
 * included, and the CLI and the action return; a cancelled CLI leaves no git behind either.
 */
import { execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DIST_CLI, REPO } from '../helpers/paths.js'
import { runAction } from '../helpers/run-action.js'

let server: Server
let port: number
const sockets = new Set<Socket>()
beforeAll(async () => {
  server = createServer(socket => {
    sockets.add(socket) // accepted, never answered
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as { port: number }).port
})
afterAll(async () => {
  sockets.forEach(socket => socket.destroy())
  await new Promise(resolve => server.close(resolve))
})

/** Live processes (not zombies) whose command line names the hanging server. */
function gitProcesses(): { pid: number; pgid: number; args: string }[] {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' })
  return out
    .split('\n')
    .map(line => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && !m[3].startsWith('Z'))
    .filter(m => m[4].includes(`127.0.0.1:${port}`) && !m[4].includes('dist/cli/index.js'))
    .map(m => ({ pid: Number(m[1]), pgid: Number(m[2]), args: m[4] }))
}

async function until<T>(what: () => T | undefined, ms: number): Promise<T | undefined> {
  const end = Date.now() + ms
  for (;;) {
    const value = what()
    if (value !== undefined || Date.now() > end) return value
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

interface CliRun {
  readonly pid: number
  readonly done: Promise<{ code: number | null; signal: string | null; stderr: string; ms: number }>
}

function cliGet(gitTimeoutMs: number): CliRun {
  const started = performance.now()
  const args = ['config', 'get', '--repo', `http://127.0.0.1:${port}/config.git`]
  args.push('--project', 'sockshop', '--stage', 'dev', '--service', 'carts')
  const child = spawn(process.execPath, [DIST_CLI, ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CARTS_DEPLOY_GIT_TIMEOUT_MS: String(gitTimeoutMs)
    }
  })
  let stderr = ''
  child.stderr.on('data', chunk => (stderr += String(chunk)))
  const done = new Promise<{ code: number | null; signal: string | null; stderr: string; ms: number }>(
    resolve =>
      child.on('close', (code, signal) => resolve({ code, signal, stderr, ms: performance.now() - started }))
  )
  return { pid: child.pid!, done }
}

describe('a config remote that accepts and never answers', () => {
  it('carts-deploy config get fails at the git deadline, leaving no git process behind', async () => {
    const run = cliGet(2_000)
    // git and its git-remote-http child, both in one process group of their own.
    const seen = await until(() => {
      const found = gitProcesses()
      return found.some(p => p.args.includes('remote-http')) ? found : undefined
    }, 1_800)
    const result = await run.done
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(
      /git clone failed \(exit signal\): .*git clone did not finish within 2\.0 s/
    )
    expect(result.ms).toBeLessThan(2_000 + 5_000)
    console.log(`config get against a silent remote returned after ${Math.round(result.ms)} ms`)
    expect(seen).toBeDefined()
    expect(new Set(seen!.map(p => p.pgid)).size).toBe(1)
    expect(seen!.every(p => p.pgid !== run.pid)).toBe(true) // not our group: a group of its own
    expect(await until(() => (gitProcesses().length === 0 ? [] : undefined), 1_000)).toEqual([])
  }, 30_000)

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'a CLI stopped by %s stops git with it (no orphaned remote helper)',
    async signal => {
      const run = cliGet(120_000)
      const seen = await until(() => {
        const found = gitProcesses()
        return found.some(p => p.args.includes('remote-http')) ? found : undefined
      }, 10_000)
      expect(seen).toBeDefined()
      const sent = performance.now()
      process.kill(run.pid, signal)
      const result = await run.done
      const ms = performance.now() - sent
      expect(result.signal).toBe(signal) // it dies of the signal, as it would have without the handler
      expect(ms).toBeLessThan(6_000)
      console.log(`config get stopped by ${signal} returned after ${Math.round(ms)} ms`)
      expect(await until(() => (gitProcesses().length === 0 ? [] : undefined), 1_000)).toEqual([])
    },
    30_000
  )

  it('node dist/index.js fails the commit step at the git deadline and returns', () => {
    const started = performance.now()
    // A quality-gate-only stage: no tools to install and no cluster to check, so git is the first to run.
    const run = runAction(
      {
        tag: '0.8.1',
        stage: 'hardening',
        shipyard: 'shipyard.yaml',
        'config-repo': `https://127.0.0.1:${port}/config.git`,
        'github-token': 'ghs_FakeTokenForTests0123456789'
      },
      { CARTS_DEPLOY_GIT_TIMEOUT_MS: '2000' },
      {
        'shipyard.yaml': readFileSync(
          path.join(REPO, '__tests__/fixtures/keptn/shipyard-0.2-quality-gates-only.yaml'),
          'utf8'
        )
      }
    )
    const ms = performance.now() - started
    expect(run.status).toBe(1)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
    expect(errors.join('\n')).toMatch(/git clone did not finish within 2\.0 s/)
    expect(ms).toBeLessThan(2_000 + 8_000)
    console.log(`the action against a silent remote returned after ${Math.round(ms)} ms`)
    expect(gitProcesses()).toEqual([])
  }, 30_000)
})
