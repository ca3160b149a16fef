/**
 * Liveness of the config branch (issue 12, class 8): retries are bounded by time, not by a small count. Twenty
 * writers (separate CLI processes, different services) create a new branch at once against a server that takes
 * a second per push (a pre-receive hook sleeping 1 s, as hosted git servers do under load): all twenty land.
 */
import { spawn } from 'node:child_process'
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { cliEntry } from '../helpers/cli.js'
import { commits, git, parentOf, reflog, sandbox, subjects } from '../helpers/repos.js'

const box = sandbox()
afterAll(() => box.cleanup())

function setImage(
  repo: string,
  service: string,
  env: Record<string, string> = {}
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    const args = ['config', 'set-image', '--repo', repo, '--project', 'sockshop', '--stage', 'dev']
    const child = spawn(
      'node',
      [
        cliEntry().path,
        ...args,
        '--service',
        service,
        '--image',
        `docker.io/example/${service}`,
        '--tag',
        '1.0.0'
      ],
      { env: { PATH: process.env.PATH ?? '', ...env } }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += String(chunk)))
    child.stderr.on('data', chunk => (stderr += String(chunk)))
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

/** A bare repository whose server takes `seconds` for every push. */
function slowServer(name: string, seconds: number): string {
  const repo = box.bare(name)
  git(['--git-dir', repo, 'config', 'receive.denyNonFastForwards', 'true'])
  const hook = join(repo, 'hooks', 'pre-receive')
  writeFileSync(hook, `#!/bin/sh\ncat >/dev/null\nsleep ${seconds}\n`)
  chmodSync(hook, 0o755)
  return repo
}

describe('20 writers creating a new branch on a server that takes 1 s per push', () => {
  it('all land, each one commit on top of the one before, none forced', async () => {
    const repo = slowServer('slow.git', 1)
    const services = Array.from({ length: 20 }, (_, i) => `svc-${i + 1}`)
    const started = Date.now()
    const results = await Promise.all(services.map(service => setImage(repo, service)))
    const seconds = (Date.now() - started) / 1000
    process.stderr.write(`liveness: 20 writers on a 1 s/push server landed in ${seconds.toFixed(1)} s\n`)
    expect(results.map(r => [r.code, r.stderr])).toEqual(services.map(() => [0, '']))
    const shas = commits(repo)
    expect(shas).toHaveLength(services.length)
    expect(new Set(results.map(r => r.stdout.trim()))).toEqual(new Set(shas))
    expect(subjects(repo).sort()).toEqual(
      services.map(s => `[carts-deploy] ${s}:1.0.0 -> sockshop/dev`).sort()
    )
    const updates = reflog(repo)
    expect(updates).toHaveLength(services.length)
    for (const [old, next] of updates) expect(parentOf(repo, next)).toBe(old)
  }, 240_000)
})
