/**
 * Issue 12, class 3 (hangs), downloads: node dist/index.js as the runner runs it, with helm-download-url
 * pointing at a mirror that stalls after its headers, trickles, or never stops. The install step fails
 * with one line naming the URL and the limit, within the limit, and leaves nothing in the tool cache or
 * RUNNER_TEMP. The limits are shortened for the test through the environment (download.ts).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { REPO } from '../helpers/paths.js'
import { runAction } from '../helpers/run-action.js'

/**
 * runAction waits synchronously, which would stop a server in this process: this mirror (the behaviours
 * of tool-archives.ts's startHostileServer) runs in a process of its own.
 */
const MIRROR = `
const http = require('node:http')
const server = http.createServer((req, res) => {
  const kind = (req.url || '/').split('/')[1]
  if (kind === 'stall') return void res.writeHead(200, { 'content-length': '17000000' }).flushHeaders()
  res.writeHead(200)
  if (kind === 'trickle') {
    const timer = setInterval(() => res.write('x'), 200)
    return void res.on('close', () => clearInterval(timer))
  }
  const chunk = Buffer.alloc(64 * 1024, 120)
  const pump = () => { while (!res.destroyed && res.write(chunk)); }
  res.on('drain', pump)
  pump()
})
server.listen(0, '127.0.0.1', () => console.log(server.address().port))
`

let mirror: ChildProcess
let server: { url: string }
let workspace: string
beforeAll(async () => {
  mirror = spawn(process.execPath, ['-e', MIRROR], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<string>(resolve =>
    mirror.stdout!.once('data', chunk => resolve(String(chunk).trim()))
  )
  server = { url: `http://127.0.0.1:${port}` }
  workspace = mkdtempSync(path.join(tmpdir(), 'hangs-download-'))
  // The commit step needs a config repository: a local bare one in the workspace.
  execFileSync('git', ['init', '--quiet', '--bare', path.join(workspace, 'config.git')])
})
afterAll(async () => {
  mirror.kill()
  rmSync(workspace, { recursive: true, force: true })
})

const ARCHIVE = 'helm-v3.19.0-linux-amd64.tar.gz'

function install(kind: string, limits: Record<string, string>) {
  const started = performance.now()
  const run = runAction(
    {
      tag: '0.8.1',
      stage: 'dev',
      'config-repo': 'config.git',
      'helm-version': '3.19.0',
      'helm-download-url': `${server.url}/${kind}`
    },
    { GITHUB_WORKSPACE: workspace, ...limits }
  )
  const ms = performance.now() - started
  const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
  const leftovers = (dir: string) => {
    try {
      return readdirSync(dir)
    } catch {
      return []
    }
  }
  return {
    run,
    ms,
    errors,
    cache: leftovers(path.join(run.dir, 'tool-cache')),
    temp: leftovers(run.dir).filter(name => name.startsWith('helm-install-'))
  }
}

describe('node dist/index.js installing helm from a misbehaving mirror', () => {
  it('that stalls after the headers fails at the stall limit', () => {
    const { run, ms, errors, cache, temp } = install('stall', { CARTS_DEPLOY_DOWNLOAD_STALL_MS: '1000' })
    expect(run.status).toBe(1)
    expect(errors).toEqual([
      `::error::helm 3.19.0: download from ${server.url}/stall/${ARCHIVE} failed: no data for 1 s ` +
        '(stall limit); stopped; nothing was cached'
    ])
    expect(cache).toEqual([])
    expect(temp).toEqual([])
    expect(ms).toBeLessThan(10_000)
    console.log(`stalled mirror: the action returned after ${Math.round(ms)} ms (stall limit 1 s)`)
  }, 60_000)

  it('that trickles a byte at a time fails at the overall deadline', () => {
    const { run, ms, errors, cache, temp } = install('trickle', { CARTS_DEPLOY_DOWNLOAD_TIMEOUT_MS: '2000' })
    expect(run.status).toBe(1)
    expect(errors).toEqual([
      `::error::helm 3.19.0: download from ${server.url}/trickle/${ARCHIVE} failed: not complete within ` +
        '2 s (overall download deadline); nothing was cached'
    ])
    expect(cache).toEqual([])
    expect(temp).toEqual([])
    expect(ms).toBeLessThan(12_000)
    console.log(`trickling mirror: the action returned after ${Math.round(ms)} ms (deadline 2 s)`)
  }, 60_000)

  it('that never stops fails at the size cap', () => {
    const { run, ms, errors, cache, temp } = install('endless', {
      CARTS_DEPLOY_DOWNLOAD_MAX_BYTES: String(4 * 1024 * 1024)
    })
    expect(run.status).toBe(1)
    expect(errors).toEqual([
      `::error::helm 3.19.0: download from ${server.url}/endless/${ARCHIVE} failed: larger than the size ` +
        'cap of 4 MiB (the body went on past it); stopped; nothing was cached'
    ])
    expect(cache).toEqual([])
    expect(temp).toEqual([])
    expect(ms).toBeLessThan(12_000)
    console.log(`endless mirror: the action returned after ${Math.round(ms)} ms (cap 4 MiB)`)
  }, 60_000)
})
