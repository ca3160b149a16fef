/**
 * The delivery workflow itself, run by a real workflow engine: nektos/act in host mode runs the
 * repository's .github/workflows/delivery.yml (the file users copy; `carts-deploy workflow` writes it)
 * for 0.8.1, 0.8.2 and 0.8.3 against the real test cluster, a real config repository and real JMeter, and
 * a workflow generated for a four-stage shipyard with manual approvals. What ran, what was skipped and
 * why is read from act's own report. act reaches nothing outside this machine: no version check, no
 * cache server, the artifact server on 127.0.0.1, and every remote action mapped to a local folder (the
 * two stand-ins below stand for what GitHub's runner image provides, and say so).
 */
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { parseShipyard } from '../../src/shipyard/shipyard.js'
import { HELMS, KUBECONFIG, kubectl, versionViaClusterIp } from '../helpers/deploy-cluster.js'
import { startGitHttpServer, type GitHttpServer } from '../helpers/git-http-server.js'
import { DIST_CLI, REPO } from '../helpers/paths.js'
import { startToolMirror, type ToolMirror } from '../helpers/tool-mirror.js'

jest.setTimeout(900_000)

const HELM_VERSION = '3.22.0'
const TOKEN = 'act-test-token'
const root = mkdtempSync(path.join(tmpdir(), 'carts-act-'))
let act: string
let mirror: ToolMirror
/**
 * The config repositories, over HTTPS on 127.0.0.1 as GitHub would serve them: each job of act has a
 * workspace of its own, so a repository inside the workspace would not outlive the job.
 */
let gitServer: GitHttpServer
let certificate: string

/** What the runner image gives (Java 17 here too), and an upload that keeps the files where a test reads them. */
const STAND_INS: Record<string, string> = {
  'actions/setup-java@v5': `name: setup-java (stand-in)
description: Stands in for actions/setup-java on a runner that has Java 17 already, as GitHub's image has.
inputs:
  distribution: { required: false }
  java-version: { required: false }
runs:
  using: composite
  steps:
    - shell: bash
      run: java -version 2>&1 | head -1
`,
  'actions/upload-artifact@v4': `name: upload-artifact (stand-in)
description: Stands in for actions/upload-artifact; copies the files to ARTIFACTS_DIR/<name>.
inputs:
  name: { required: true }
  path: { required: true }
runs:
  using: composite
  steps:
    - shell: bash
      env: { NAME: "\${{ inputs.name }}", FROM: "\${{ inputs.path }}" }
      run: mkdir -p "$ARTIFACTS_DIR/$NAME" && cp -r "$FROM"/. "$ARTIFACTS_DIR/$NAME/"
`
}

beforeAll(async () => {
  act = execFileSync('bash', [path.join(REPO, 'e2e/act/build.sh')], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1)!
  mirror = await startToolMirror(root, { [HELM_VERSION]: HELMS[0][1] })
  certificate = path.join(root, 'cert.pem')
  const key = path.join(root, 'key.pem')
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      certificate
    ]),
    { stdio: 'ignore' }
  )
  mkdirSync(path.join(root, 'git'))
  const auth = `basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`
  gitServer = await startGitHttpServer(path.join(root, 'git'), auth, {
    tls: { key: readFileSync(key, 'utf8'), cert: readFileSync(certificate, 'utf8') }
  })
  for (const [action, text] of Object.entries(STAND_INS)) {
    const dir = path.join(root, 'stand-ins', action.replace(/[/@]/g, '-'))
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'action.yml'), text)
  }
}, 600_000)

afterAll(async () => {
  await mirror.server.close()
  await gitServer.close()
})

interface ActLine {
  jobID?: string
  jobResult?: 'success' | 'failure' | 'skipped'
  msg?: string
  command?: string
  raw_output?: boolean
}

interface ActRun {
  readonly status: number | null
  readonly lines: ActLine[]
  /** Each job's result, in the order act finished them. */
  readonly results: [string, string][]
  readonly skipped: Record<string, string>
  readonly summaries: Record<string, string>
}

/** A user's repository: this project's action and example, the workflow, and a bare config repository. */
function userRepository(name: string, workflow: string, files: Record<string, string> = {}): string {
  const repo = path.join(root, name)
  mkdirSync(path.join(repo, '.github/workflows'), { recursive: true })
  for (const part of ['action.yml', 'dist', 'examples'])
    cpSync(path.join(REPO, part), path.join(repo, part), { recursive: true })
  writeFileSync(path.join(repo, '.github/workflows/delivery.yml'), workflow)
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(repo, file), text)
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { stdio: 'ignore' })
  git('init', '--quiet')
  git('add', '-A')
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'delivery')
  execFileSync('git', ['init', '--quiet', '--bare', configRepository(name)])
  return repo
}

function configRepository(name: string): string {
  return path.join(root, 'git', `${name}.git`)
}

/** `act workflow_dispatch` for one tag: the runner's host, this machine only. */
function runAct(repo: string, tag: string): Promise<ActRun> {
  const configRepo = `${gitServer.url}/${path.basename(repo)}.git`
  const mapped = Object.keys(STAND_INS).flatMap(action => [
    '--local-repository',
    `${action}=${path.join(root, 'stand-ins', action.replace(/[/@]/g, '-'))}`
  ])
  const args = [
    'workflow_dispatch',
    '-W',
    '.github/workflows/delivery.yml',
    '--input',
    `tag=${tag}`,
    '-P',
    'ubuntu-latest=-self-hosted',
    '--no-cache-server',
    '--artifact-server-addr',
    '127.0.0.1',
    '--action-cache-path',
    path.join(root, 'act-cache'),
    ...mapped,
    '--secret',
    `KUBECONFIG=${readFileSync(KUBECONFIG, 'utf8')}`,
    '--secret',
    `GITHUB_TOKEN=${TOKEN}`,
    ...[`CONFIG_REPO=${configRepo}`, 'SERVICE_URL=port-forward', `HELM_VERSION=${HELM_VERSION}`]
      .concat([`HELM_DOWNLOAD_URL=${mirror.server.url}`, `JMETER_DOWNLOAD_URL=${mirror.server.url}`])
      .flatMap(v => ['--var', v]),
    '--env',
    `CARTS_DEPLOY_CHECKSUMS_FILE=${mirror.checksums}`,
    '--env',
    `ARTIFACTS_DIR=${path.join(repo, 'artifacts', tag)}`,
    '--env',
    `GIT_SSL_CAINFO=${certificate}`,
    '--json',
    '-v'
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(act, args, {
      cwd: repo,
      env: { ...process.env, ACT_DISABLE_VERSION_CHECK: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    child.stdout.on('data', chunk => (out += chunk))
    child.stderr.on('data', chunk => (out += chunk))
    child.on('error', reject)
    child.on('close', status => {
      writeFileSync(path.join(repo, `act-${tag}.log`), out)
      const lines = out
        .split('\n')
        .filter(line => line.startsWith('{'))
        .map(line => JSON.parse(line) as ActLine)
      const results = lines.filter(l => l.jobResult).map(l => [l.jobID!, l.jobResult!] as [string, string])
      const skipped = Object.fromEntries(
        lines
          .filter(l => l.jobResult === 'skipped')
          .map(l => [l.jobID!, /due to '(.*)'$/.exec(l.msg ?? '')?.[1] ?? ''])
      )
      const summaries = Object.fromEntries(
        lines.filter(l => l.command === 'summary').map(l => [l.jobID!, l.msg ?? ''])
      )
      resolve({ status, lines, results, skipped, summaries })
    })
  })
}

/** Nothing fetched from outside: no clone or pull of an action, no request but to the loopback mirror. */
function expectNothingFetched(run: ActRun): void {
  const own = run.lines.filter(l => !l.raw_output && !l.command).map(l => l.msg ?? '')
  expect(own.filter(m => /git clone|☁|Unable to clone|docker pull|pulling image|fetching/i.test(m))).toEqual(
    []
  )
  expect(own.filter(m => /LocalRepositoryCache matched/.test(m)).length).toBeGreaterThan(0)
}

async function deleteNamespaces(stages: readonly string[]): Promise<void> {
  await kubectl([
    'delete',
    'namespace',
    ...stages.map(s => `sockshop-${s}`),
    '--ignore-not-found',
    '--wait=true'
  ])
}

/** The version the stable Service `carts` of a stage answers with, through its ClusterIP. */
const serving = (stage: string) => versionViaClusterIp('carts', `sockshop-${stage}`)

describe("the repository's delivery workflow, run by act", () => {
  const runs: Record<string, ActRun> = {}
  let repo: string

  beforeAll(async () => {
    await deleteNamespaces(['dev', 'staging', 'production'])
    repo = userRepository('story', readFileSync(path.join(REPO, '.github/workflows/delivery.yml'), 'utf8'))
    for (const tag of ['0.8.1', '0.8.2', '0.8.3']) runs[tag] = await runAct(repo, tag)
  }, 900_000)

  it('delivers 0.8.1 through every stage', () => {
    expect(runs['0.8.1'].results).toEqual([
      ['artifact', 'success'],
      ['dev', 'success'],
      ['staging', 'success'],
      ['production', 'success']
    ])
    expect(runs['0.8.1'].status).toBe(0)
  })

  it('stops 0.8.2 at the staging gate: production is skipped because staging did not promote', () => {
    const run = runs['0.8.2']
    expect(run.results).toEqual([
      ['artifact', 'success'],
      ['dev', 'success'],
      ['staging', 'failure'],
      ['production', 'skipped']
    ])
    expect(run.skipped).toEqual({ production: "needs.staging.outputs.promote == 'true'" })
    expect(run.summaries.staging).toContain('Quality gate failed: rolled back')
    expect(run.summaries.dev).toContain('Tests (no SLO) pass: promoted to staging')
    // The stand-in kept what upload-artifact would have: the failed gate's JMeter results.
    expect(
      readFileSync(path.join(repo, 'artifacts/0.8.2/jmeter-staging/2-performance/results.jtl'), 'utf8').length
    ).toBeGreaterThan(0)
  })

  it('delivers 0.8.3; every stage serves it and the config branch tells the story', async () => {
    expect(runs['0.8.3'].results.map(([, result]) => result)).toEqual([
      'success',
      'success',
      'success',
      'success'
    ])
    for (const stage of ['dev', 'staging', 'production']) expect(await serving(stage)).toBe('0.8.3')
    const log = execFileSync(
      'git',
      ['--git-dir', configRepository('story'), 'log', '--format=%s', 'config'],
      {
        encoding: 'utf8'
      }
    )
    expect(log).toContain('[carts-deploy] rollback carts:0.8.1 -> sockshop/staging (was 0.8.2)')
    expect(log).not.toMatch(/carts:0\.8\.2 -> sockshop\/production/)
  })

  it('reached nothing outside this machine', () => {
    for (const run of Object.values(runs)) expectNothingFetched(run)
    expect(mirror.server.requests.every(r => /^\/(helm-v|apache-jmeter-)/.test(r))).toBe(true)
  })
})

describe('workflows generated for every fixture shipyard', () => {
  const fixtures = path.join(REPO, '__tests__/fixtures/keptn')
  const generated = readdirSync(fixtures)
    .filter(f => f.startsWith('shipyard-'))
    .flatMap(file => {
      try {
        const text = execFileSync(
          process.execPath,
          [DIST_CLI, 'workflow', '--shipyard', file, '--chart', 'chart'],
          {
            encoding: 'utf8',
            cwd: fixtures,
            stdio: ['ignore', 'pipe', 'ignore']
          }
        )
        return [[file, text] as const]
      } catch {
        return [] // a shipyard the reader refuses (by name and line: the unit tier checks that)
      }
    })

  it.each(generated)(
    '%s: act validates it strictly and lists its stage jobs in shipyard order',
    (file, text) => {
      const dir = mkdtempSync(path.join(root, 'validate-'))
      writeFileSync(path.join(dir, 'delivery.yml'), text)
      const actIn = (...args: string[]) =>
        execFileSync(act, [...args, '-W', 'delivery.yml'], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, ACT_DISABLE_VERSION_CHECK: '1' },
          stdio: ['ignore', 'pipe', 'pipe']
        })
      actIn('--validate', '--strict')
      const listed = actIn('--list')
        .trim()
        .split('\n')
        .slice(1)
        .map(line => line.trim().split(/\s+/))
        .map(([stage, job]) => ({ stage: Number(stage), job: job! }))
      const stageJobs = listed.filter(l => l.job !== 'artifact' && !l.job.endsWith('-approval'))
      const shipyard = parseShipyard(readFileSync(path.join(fixtures, file), 'utf8'), file)
      expect(stageJobs.map(l => l.job)).toEqual(shipyard.stages.map(s => s.name))
      expect(stageJobs.map(l => l.stage)).toEqual([...stageJobs.map(l => l.stage)].sort((a, b) => a - b))
    }
  )
})

/** qa's gate: its p95 can never pass, but meets the warning criterion, so qa ends with a warning. */
const QA_SLO = `spec_version: '1.0'
comparison: { compare_with: single_result, include_result_with_score: pass, number_of_comparison_results: 1, aggregate_function: avg }
objectives:
  - sli: response_time_p95
    pass: [{ criteria: ['<1'] }]
    warning: [{ criteria: ['<=100000'] }]
total_score: { pass: '90%', warning: '40%' }
`

describe('a generated workflow with manual approvals, run by act', () => {
  // qa ends with a warning and its approval is manual for a warning; staging passes and its pass needs a
  // reviewer. act cannot ask one (it does not enforce environments): it shows each approval job is where
  // the run waits, the next stage needing it and running only after it succeeded.
  // (act loses the outputs of a job that needs a skipped job, which GitHub keeps; so both approvals are
  // made to be needed here, and the skipped-approval path is checked in the unit tier.)
  it('runs the next stage only after the approval job of a manual-approval stage succeeded', async () => {
    const shipyard = readFileSync(
      path.join(REPO, '__tests__/fixtures/keptn/shipyard-0.2-four-stages-approval.yaml'),
      'utf8'
    )
    await deleteNamespaces(['dev', 'qa', 'staging', 'production'])
    const scratch = mkdtempSync(path.join(root, 'shipyard-'))
    writeFileSync(path.join(scratch, 'shipyard.yaml'), shipyard)
    const workflow = execFileSync(
      process.execPath,
      [
        DIST_CLI,
        'workflow',
        '--shipyard',
        'shipyard.yaml',
        '--uses',
        './',
        '--chart',
        'examples/carts/chart'
      ].concat(['--jmeter-dir', 'examples/carts/jmeter', '--slo', 'qa=slo-qa.yaml']),
      { encoding: 'utf8', cwd: scratch }
    )
    const repo = userRepository('approvals', workflow, { 'shipyard.yaml': shipyard, 'slo-qa.yaml': QA_SLO })
    const run = await runAct(repo, '0.8.1')
    expectNothingFetched(run)
    expect(run.results).toEqual([
      ['artifact', 'success'],
      ['dev', 'success'],
      ['qa', 'success'],
      ['qa-approval', 'success'],
      ['staging', 'success'],
      ['staging-approval', 'success'],
      ['production', 'success']
    ])
    expect(run.summaries.qa).toContain('waiting for a manual approval before staging')
    expect(run.summaries.staging).toContain('waiting for a manual approval before production')
    expect(await serving('production')).toBe('0.8.1')
  })

  it('skips the next stage when the reviewer rejects (the approval job does not succeed)', async () => {
    const repo = path.join(root, 'approvals')
    // On GitHub a rejected review fails the approval job; here its step fails in its place.
    const file = path.join(repo, '.github/workflows/delivery.yml')
    const text = readFileSync(file, 'utf8')
    writeFileSync(
      file,
      text.replace('- run: echo "A reviewer approved promoting from staging."', '- run: exit 1')
    )
    execFileSync('git', [
      '-C',
      repo,
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      'commit',
      '-qam',
      'reject'
    ])
    const run = await runAct(repo, '0.8.3')
    expect(run.results.slice(-3)).toEqual([
      ['staging', 'success'],
      ['staging-approval', 'failure'],
      ['production', 'skipped']
    ])
    expect(await serving('staging')).toBe('0.8.3')
    expect(await serving('production')).toBe('0.8.1')
  })
})
