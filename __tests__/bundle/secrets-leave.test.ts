/**
 * Issue 12, class 4 (secrets that leave), through node dist/index.js as the runner runs it and through the
 * CLI: (a) a redirecting config remote gets no token, (b) child programs see no INPUT_* or runner tokens,
 * (c) the kubeconfig is masked line by line with each credential (decoded too, for a base64 input),
 * (d) oversized secrets are refused in one line naming the limit, never `spawn E2BIG`.
 */
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { basicCredential } from '../../src/programs/git.js'
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server.js'
import { DIST_CLI } from '../helpers/paths.js'
import { runAction } from '../helpers/run-action.js'

const TOKEN = 'ghs_SecretsLeaveTestToken0123456789'
const KUBE_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.kube-token-for-tests'
const KEY_DATA = Buffer.from(
  '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIFakeKeyLineForMasking\n-----END EC PRIVATE KEY-----\n'
).toString('base64')
const KUBECONFIG = [
  'apiVersion: v1',
  'kind: Config',
  'clusters:',
  '- cluster: {server: "https://127.0.0.1:1"}',
  '  name: c',
  'users:',
  '- name: ci',
  '  user:',
  `    token: ${KUBE_TOKEN}`,
  `    client-key-data: ${KEY_DATA}`,
  ''
].join('\n')

let root: string
let workspace: string
let bin: string
let envDump: string
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'secrets-leave-'))
  workspace = path.join(root, 'ws')
  mkdirSync(workspace)
  execFileSync('git', ['init', '--quiet', '--bare', path.join(workspace, 'config.git')])
  // A helm on PATH (helm-version: system) that writes the environment it was given, then says its version.
  bin = path.join(root, 'bin')
  mkdirSync(bin)
  envDump = path.join(root, 'helm-env')
  writeFileSync(path.join(bin, 'helm'), `#!/bin/sh\nenv >> '${envDump}'\necho v3.19.0+gfake\n`)
  chmodSync(path.join(bin, 'helm'), 0o755)
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

function stage(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runAction(
    { tag: '0.8.1', stage: 'dev', 'config-repo': 'config.git', 'helm-version': 'system', ...inputs },
    {
      GITHUB_WORKSPACE: workspace,
      PATH: `${bin}:${process.env.PATH}`,
      GITHUB_TOKEN: TOKEN,
      ACTIONS_RUNTIME_TOKEN: 'runtime-token-for-tests',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-token-request-for-tests',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/x',
      ...env
    }
  )
}

describe('node dist/index.js', () => {
  it('(b) gives helm no INPUT_* variable and no runner token, only what it needs', () => {
    rmSync(envDump, { force: true })
    const run = stage({ kubeconfig: KUBECONFIG, 'github-token': TOKEN })
    expect(existsSync(envDump)).toBe(true) // helm ran (at least `helm version`)
    const seen = readFileSync(envDump, 'utf8')
    const names = seen.split('\n').map(line => line.split('=')[0])
    expect(names).toContain('PATH')
    expect(names.filter(name => name.startsWith('INPUT_'))).toEqual([])
    for (const name of ['GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN']) {
      expect(names).not.toContain(name)
    }
    for (const secret of [TOKEN, KUBE_TOKEN, KEY_DATA, 'runtime-token-for-tests']) {
      expect(seen).not.toContain(secret)
    }
    expect(run.stdout).not.toMatch(/E2BIG/)
  })

  it.each([
    ['as YAML', KUBECONFIG],
    ['base64-encoded', Buffer.from(KUBECONFIG).toString('base64')]
  ])('(c) masks a kubeconfig given %s line by line and each credential, before anything else', (_, value) => {
    const run = stage({ kubeconfig: value, tag: 'bad tag' }) // fails validation: masks come first anyway
    const lines = run.stdout.split('\n')
    const masks = lines.filter(line => line.startsWith('::add-mask::')).map(line => line.slice(12))
    for (const secret of [KUBE_TOKEN, KEY_DATA, 'MHcCAQEEIFakeKeyLineForMasking', `token: ${KUBE_TOKEN}`]) {
      expect(masks).toContain(secret)
    }
    const firstOther = lines.findIndex(line => line && !line.startsWith('::add-mask::'))
    const lastMask = lines.map(line => line.startsWith('::add-mask::')).lastIndexOf(true)
    expect(lastMask).toBeLessThan(firstOther)
  })

  it('(d) refuses an oversized token in one line naming the limit, without spawn E2BIG', () => {
    const huge = `ghs_${'x'.repeat(100 * 1024)}` // fits the runner's environment, not git's header variable
    const run = stage({ 'github-token': huge })
    expect(run.status).toBe(1)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
    expect(errors).toEqual(["::error::Input 'github-token': expected at most 16 KiB (this value is 101 KiB)"])
    expect(run.stdout).not.toMatch(/E2BIG/)
  })
})

function cli(args: string[], env: Record<string, string> = {}, cwd = workspace) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>(resolve => {
    const child = spawn(process.execPath, [DIST_CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? root, ...env }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += String(chunk)))
    child.stderr.on('data', chunk => (stderr += String(chunk)))
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

describe('the CLI', () => {
  it('(d) refuses a 1 MB kubeconfig file in one line naming the limit', async () => {
    const file = path.join(root, 'big-kubeconfig')
    writeFileSync(file, `${KUBECONFIG}# ${'x'.repeat(1000 * 1000)}\n`)
    const run = ['run', '--tag', '0.8.1', '--stage', 'dev', '--config-repo', 'config.git']
    const out = await cli([...run, '--kubeconfig-file', file])
    expect(out.code).toBe(2)
    expect(out.stderr.trim().split('\n')).toHaveLength(1)
    expect(out.stderr).toContain("Input 'kubeconfig': expected at most 512 KiB (this value is 977 KiB)")
    expect(out.stderr).not.toContain(KUBE_TOKEN)
  })

  it('(d) refuses an oversized GITHUB_TOKEN for config get, without spawn E2BIG', async () => {
    const opts = ['--project', 'sockshop', '--stage', 'dev', '--service', 'carts']
    const out = await cli(['config', 'get', '--repo', 'http://127.0.0.1:9/config.git', ...opts], {
      GITHUB_TOKEN: `ghs_${'x'.repeat(100 * 1024)}`
    })
    expect(out.code).toBe(2)
    expect(out.stderr).toMatch(/Input 'github-token': expected at most 16 KiB \(this value is 101 KiB\)/)
    expect(out.stderr).not.toMatch(/E2BIG/)
  })

  describe('(a) a config remote that redirects to another host', () => {
    let elsewhere: GitHttpServer
    let redirector: GitHttpServer
    let elsewhereRoot: string
    beforeAll(async () => {
      elsewhereRoot = path.join(root, 'elsewhere')
      mkdirSync(elsewhereRoot)
      execFileSync('git', ['init', '--quiet', '--bare', path.join(elsewhereRoot, 'config.git')])
      elsewhere = await startGitHttpServer(elsewhereRoot, '', { host: '127.0.0.2' })
      redirector = await startGitHttpServer(root, '', { redirectTo: elsewhere.url, redirectStatus: 302 })
    })
    afterAll(async () => {
      await redirector.close()
      await elsewhere.close()
    })

    it('gets neither the token nor the push from config set-image', async () => {
      const args = ['config', 'set-image', '--repo', `${redirector.url}/config.git`]
      args.push('--project', 'sockshop', '--stage', 'dev', '--service', 'carts')
      args.push('--image', 'docker.io/keptnexamples/carts', '--tag', '0.8.1')
      const out = await cli(args, { GITHUB_TOKEN: TOKEN })
      expect(out.code).toBe(1)
      expect(out.stderr).toMatch(/git clone failed/)
      expect(out.stderr).not.toContain(TOKEN)
      expect(redirector.seen).toContain(`basic ${basicCredential(TOKEN)}`)
      expect(elsewhere.seen).toEqual([]) // not one request reached the other host
      expect(() =>
        execFileSync('git', ['--git-dir', path.join(elsewhereRoot, 'config.git'), 'rev-parse', 'config'], {
          stdio: 'ignore'
        })
      ).toThrow()
    })
  })
})
