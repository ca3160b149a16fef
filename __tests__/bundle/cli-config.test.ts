import { spawn, spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runGet, runSetImage } from '../../src/cli/commands/config.js'
import { InputError } from '../../src/contracts/errors.js'
import { cliEntry } from '../helpers/cli.js'
import { commits, git, parentOf, reflog, sandbox, subjects } from '../helpers/repos.js'

const box = sandbox()
let cli: string
let removeCli = () => {}
beforeAll(() => {
  const entry = cliEntry()
  cli = entry.path
  removeCli = entry.cleanup
}, 120_000)
afterAll(() => {
  box.cleanup()
  removeCli()
})

const env = { PATH: process.env.PATH }
const base = { branch: 'config', project: 'sockshop', stage: 'dev', service: 'carts' }
const set = { ...base, image: 'docker.io/keptnexamples/carts', tag: '0.8.1' }

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    const child = spawn('node', [cli, 'config', ...args], { env: { PATH: process.env.PATH } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += String(chunk)))
    child.stderr.on('data', chunk => (stderr += String(chunk)))
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

describe('config set-image and get (functions)', () => {
  it('sets, reads back as REPO:TAG or JSON, and is idempotent', async () => {
    const repo = box.bare('fn.git')
    const sha = await runSetImage({ ...set, repo }, env)
    expect(sha).toMatch(/^[0-9a-f]{40}$/)
    expect(await runSetImage({ ...set, repo }, env)).toBe(sha)
    expect(await runGet({ ...base, repo }, env)).toBe('docker.io/keptnexamples/carts:0.8.1')
    expect(JSON.parse(await runGet({ ...base, repo, json: true }, env))).toEqual({
      repository: 'docker.io/keptnexamples/carts',
      tag: '0.8.1',
      sha
    })
    await expect(runGet({ ...base, repo, stage: 'prod' }, env)).rejects.toThrow(/No image is set for carts/)
  })

  it('names the option in input errors', async () => {
    const repo = box.bare('bad.git')
    await expect(runSetImage({ ...set, repo, service: '../x' }, env)).rejects.toMatchObject({
      input: '--service'
    })
    await expect(runSetImage({ ...set, repo, tag: 'a\nb' }, env)).rejects.toMatchObject({ input: '--tag' })
    await expect(runSetImage({ ...set, repo, branch: '-f' }, env)).rejects.toMatchObject({
      input: '--branch'
    })
    await expect(runGet({ ...base, repo: 'ext::sh' }, env)).rejects.toBeInstanceOf(InputError)
  })
})

describe('the command line', () => {
  it('prints the sha, then REPO:TAG; bad input exits 2 with one line naming the option', async () => {
    const repo = box.bare('cli.git')
    const opts = ['--repo', repo, '--project', 'sockshop', '--stage', 'dev', '--service', 'carts']
    const out = await run([
      'set-image',
      ...opts,
      '--image',
      'docker.io/keptnexamples/carts',
      '--tag',
      '0.8.1'
    ])
    expect(out).toMatchObject({ code: 0, stderr: '' })
    expect(out.stdout.trim()).toBe(commits(repo)[0])
    expect(await run(['get', ...opts])).toMatchObject({
      code: 0,
      stdout: 'docker.io/keptnexamples/carts:0.8.1\n'
    })
    const bad = await run(['set-image', ...opts, '--image', 'x', '--tag', '../1'])
    expect(bad.code).toBe(2)
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringContaining("'--tag'")])
    const missing = await run(['get', '--repo', repo, '--project', 'sockshop', '--stage', 'dev'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--service')
  }, 60_000)

  it('races: 8 services and one service in 2 stages, all at once, on a new branch', async () => {
    const repo = box.bare('race.git')
    git(['--git-dir', repo, 'config', 'receive.denyNonFastForwards', 'true'])
    const changes = [
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(service => ({
        stage: 'dev',
        service,
        tag: `1.0.${service}`
      })),
      { stage: 'staging', service: 'carts', tag: '2.0.0' },
      { stage: 'production', service: 'carts', tag: '2.0.1' }
    ]
    const results = await Promise.all(
      changes.map(({ stage, service, tag }) =>
        run([
          'set-image',
          '--repo',
          repo,
          '--project',
          'sockshop',
          '--stage',
          stage,
          '--service',
          service,
          '--image',
          `docker.io/example/${service}`,
          '--tag',
          tag
        ])
      )
    )
    expect(results.map(r => [r.code, r.stderr])).toEqual(changes.map(() => [0, '']))
    const shas = commits(repo)
    expect(shas).toHaveLength(changes.length)
    expect(new Set(results.map(r => r.stdout.trim()))).toEqual(new Set(shas))
    expect(subjects(repo).sort()).toEqual(
      changes.map(c => `[carts-deploy] ${c.service}:${c.tag} -> sockshop/${c.stage}`).sort()
    )
    for (const { stage, service, tag } of changes) {
      const got = spawnSync(
        'node',
        [
          cli,
          'config',
          'get',
          '--repo',
          repo,
          '--project',
          'sockshop',
          '--stage',
          stage,
          '--service',
          service
        ],
        { encoding: 'utf8' }
      )
      expect(got.stdout).toBe(`docker.io/example/${service}:${tag}\n`)
    }
    // Each update of the branch added exactly one commit on top of the one before: nothing was force-pushed.
    const updates = reflog(repo)
    expect(updates).toHaveLength(changes.length)
    for (const [old, next] of updates) expect(parentOf(repo, next)).toBe(old)
  }, 120_000)
})
