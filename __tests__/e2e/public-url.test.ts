/**
 * Each stage reachable at Keptn's public URL: stage jobs of the bundled action (node dist/index.js, as the
 * runner runs it) with `domain` set, on the real cluster whose ingress controller (Traefik, built from the
 * Go module proxy, started by e2e/cluster/start.sh, its address in env.json as `ingress`) serves the
 * Ingress the action writes. The `url` output answers through it with the stage's version, and after a
 * blue/green switch with the new one. Each job is also a GitHub deployment, made through @actions/github
 * against a local API held to GitHub's published REST API description (GITHUB_API_URL points at it).
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { HELMS, KUBECONFIG, kubectl, NEVER_READY_TAG } from '../helpers/deploy-cluster.js'
import { startGitHubApi, type GitHubApi } from '../helpers/github-api.js'
import { REPO } from '../helpers/paths.js'
import { runActionAsync, type ActionRun } from '../helpers/run-action.js'
import { startToolMirror, type ToolMirror } from '../helpers/tool-mirror.js'

jest.setTimeout(300_000)

const INGRESS = process.env.ingress ?? process.env.INGRESS ?? ''
const DOMAIN = 'sockshop.example'
const PROJECT = `pub${Date.now().toString(36).slice(-5)}`
const NAMESPACE = `${PROJECT}-staging`
const root = mkdtempSync(path.join(tmpdir(), 'carts-public-url-'))
let mirror: ToolMirror
let ws: string
let api: GitHubApi
const SHA = '0123456789abcdef0123456789abcdef01234567'
const READ_ONLY = 'ghs_readonly'

beforeAll(async () => {
  expect(INGRESS).toMatch(/^127\.0\.0\.1:\d+$/)
  mirror = await startToolMirror(root, { '3.22.0': HELMS[0][1] })
  api = await startGitHubApi({ readOnly: [READ_ONLY] })
  ws = path.join(root, 'ws')
  cpSync(path.join(REPO, 'examples/carts/chart'), path.join(ws, 'chart'), { recursive: true })
  writeFileSync(
    path.join(ws, 'shipyard.yaml'),
    `apiVersion: spec.keptn.sh/0.2.2
kind: Shipyard
metadata: { name: shipyard }
spec:
  stages:
    - name: staging
      sequences:
        - name: delivery
          tasks:
            - { name: deployment, properties: { deploymentstrategy: blue_green_service } }
            - name: release
`
  )
  execFileSync('git', ['init', '--quiet', '--bare', path.join(ws, 'config.git')])
}, 300_000)

afterAll(async () => {
  await mirror.server.close()
  await api.close()
  await kubectl(['delete', `namespace/${NAMESPACE}`, '--wait=false', '--ignore-not-found'])
})

function job(tag: string, token = 'ghs_write', timeout = '60s'): Promise<ActionRun> {
  const dir = path.join(ws, 'runs', `${tag}-${token}`)
  mkdirSync(dir, { recursive: true })
  const inputs = {
    tag,
    stage: 'staging',
    project: PROJECT,
    shipyard: 'shipyard.yaml',
    chart: 'chart',
    'config-repo': 'config.git',
    kubeconfig: readFileSync(KUBECONFIG, 'utf8'),
    'helm-version': '3.22.0',
    'helm-download-url': mirror.server.url,
    domain: DOMAIN,
    'github-token': token,
    timeout
  }
  const env = {
    GITHUB_API_URL: api.url,
    GITHUB_SHA: SHA,
    GITHUB_WORKSPACE: ws,
    RUNNER_TOOL_CACHE: path.join(root, 'tool-cache'),
    CARTS_DEPLOY_CHECKSUMS_FILE: mirror.checksums
  }
  return runActionAsync(inputs, env, {}, dir)
}

/** GET <url>/version through the ingress controller, the URL's host in the Host header. */
function versionAt(url: string): Promise<{ status: number; version?: string }> {
  const { host, pathname } = new URL(url)
  const [address, port] = INGRESS.split(':')
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: address,
        port: Number(port),
        path: `${pathname.replace(/\/$/, '')}/version`,
        headers: { host },
        timeout: 5_000
      },
      res => {
        let body = ''
        res.on('data', chunk => (body += chunk))
        res.on('end', () => {
          const version =
            res.statusCode === 200 ? (JSON.parse(body) as { version: string }).version : undefined
          resolve({ status: res.statusCode ?? 0, ...(version ? { version } : {}) })
        })
      }
    )
    req.on('timeout', () => req.destroy(new Error('no answer within 5 s')))
    req.on('error', reject)
    req.end()
  })
}

/** The controller picks a new Ingress up within moments; answers are read until they settle (10 s at most). */
async function settledVersion(url: string, expected: string): Promise<string | undefined> {
  const end = Date.now() + 10_000
  let last: { status: number; version?: string } = { status: 0 }
  while (Date.now() < end) {
    last = await versionAt(url)
    if (last.version === expected) return last.version
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  return last.version ?? `HTTP ${last.status}`
}

describe('a stage with domain', () => {
  const url = `http://carts.${NAMESPACE}.${DOMAIN}`

  it('gives the url output, and the url answers through the ingress controller with the version promoted', async () => {
    const run = await job('0.8.1')
    expect([run.status, run.outputs.promote]).toEqual([0, 'true'])
    expect(run.outputs.url).toBe(url)
    expect(run.stdout).toContain(
      `${url} reaches service carts in ${NAMESPACE} through the Ingress carts (class traefik)`
    )
    expect(run.stdout).toContain('The ingress controller serves it at 127.0.0.1')
    expect(await settledVersion(url, '0.8.1')).toBe('0.8.1')
    // The controller has taken the Ingress: it wrote its address into the status.
    const status = await kubectl([
      'get',
      'ingress',
      'carts',
      '-n',
      NAMESPACE,
      '-o',
      'jsonpath={.status.loadBalancer.ingress[0].ip}'
    ])
    expect(status).toBe('127.0.0.1')
  })

  it('answers with the new version after a blue/green switch, every request', async () => {
    const run = await job('0.8.3')
    expect([run.status, run.outputs.promote, run.outputs.url]).toEqual([0, 'true', url])
    expect(await settledVersion(url, '0.8.3')).toBe('0.8.3')
    const answers = await Promise.all(Array.from({ length: 10 }, () => versionAt(url)))
    expect([...new Set(answers.map(a => a.version))]).toEqual(['0.8.3'])
  })

  it('is a GitHub deployment per job, made as the REST API description says: in progress, then success with the url', () => {
    expect(api.violations).toEqual([])
    const calls = api.requests.map(r => `${r.operationId}${r.body?.state ? ` ${String(r.body.state)}` : ''}`)
    expect(calls).toEqual([
      'repos/create-deployment',
      'repos/create-deployment-status in_progress',
      'repos/create-deployment-status success',
      'repos/list-deployments',
      'repos/create-deployment',
      'repos/create-deployment-status in_progress',
      'repos/create-deployment-status success',
      'repos/list-deployments',
      // The earlier deployment of the environment is no longer what runs there.
      'repos/create-deployment-status inactive'
    ])
    expect(api.requests[0]).toMatchObject({
      path: '/repos/sockshop/carts/deployments',
      token: 'ghs_write',
      body: {
        ref: SHA,
        environment: 'staging',
        payload: { image: 'docker.io/keptnexamples/carts', tag: '0.8.1', namespace: NAMESPACE }
      }
    })
    expect(api.requests[2]?.body).toMatchObject({
      state: 'success',
      environment_url: url,
      log_url: 'https://github.com/sockshop/carts/actions/runs/1'
    })
    expect(api.requests[3]?.query).toEqual({ environment: 'staging', per_page: '10' })
    expect(api.requests[8]?.path).toBe('/repos/sockshop/carts/deployments/1000/statuses')
  })

  it('records a job that failed as a failed deployment, and leaves the earlier one active', async () => {
    const before = api.requests.length
    const run = await job(NEVER_READY_TAG, 'ghs_write', '15s')
    expect([run.status, run.outputs.promote]).toEqual([1, 'false'])
    const calls = api.requests
      .slice(before)
      .map(r => `${r.operationId}${r.body?.state ? ` ${String(r.body.state)}` : ''}`)
    expect(calls).toEqual([
      'repos/create-deployment',
      'repos/create-deployment-status in_progress',
      'repos/create-deployment-status failure'
    ])
    expect(api.violations).toEqual([])
    // What the URL reaches is still the version the gate promoted before.
    expect(await settledVersion(url, '0.8.3')).toBe('0.8.3')
  })

  it('warns, never fails, when the token may not write deployments, naming the permission', async () => {
    const before = api.requests.length
    const run = await job('0.8.1', READ_ONLY)
    expect([run.status, run.outputs.promote]).toEqual([0, 'true'])
    expect(run.stdout).toContain(
      '::warning::GitHub deployment not recorded: the token may not write deployments (HTTP 403); add `permissions: deployments: write` to the job'
    )
    expect(api.requests.slice(before).map(r => r.operationId)).toEqual(['repos/create-deployment'])
    expect(api.violations).toEqual([])
  })

  it('holds the local API to the description: a request it does not allow is refused and recorded', async () => {
    const strict = await startGitHubApi()
    try {
      const post = (path: string, body: object) =>
        fetch(`${strict.url}${path}`, { method: 'POST', body: JSON.stringify(body) }).then(r => r.status)
      expect(await post('/repos/o/r/deployments', { ref: 'main', environment: 'staging' })).toBe(201)
      expect(await post('/repos/o/r/deployments/1000/statuses', { state: 'deployed' })).toBe(422)
      expect(await post('/repos/o/r/deployments', { environment: 'staging' })).toBe(422)
      expect(await post('/repos/o/r/deployment', { ref: 'main' })).toBe(404)
      expect(strict.violations).toEqual([
        expect.stringMatching(
          /^POST \/repos\/o\/r\/deployments\/1000\/statuses: body: data\/state must be equal to one of the allowed values/
        ),
        expect.stringMatching(
          /^POST \/repos\/o\/r\/deployments: body: data must have required property 'ref'/
        ),
        'POST /repos/o/r/deployment: no such operation in the description'
      ])
    } finally {
      await strict.close()
    }
  })

  it('refuses a domain under which the host would not be a DNS name, before anything changes', async () => {
    const dir = path.join(ws, 'runs', 'bad')
    mkdirSync(dir, { recursive: true })
    const run = await runActionAsync(
      {
        tag: '0.8.1',
        stage: 'staging',
        project: PROJECT,
        'config-repo': 'config.git',
        domain: 'Not_A.Domain'
      },
      { GITHUB_WORKSPACE: ws },
      {},
      dir
    )
    expect(run.status).not.toBe(0)
    expect(run.stdout).toMatch(
      /::error::Input 'domain': expected a DNS domain in lower case, e\.g\. 34\.77\.10\.10\.nip\.io, got "Not_A\.Domain"/
    )
  })
})
