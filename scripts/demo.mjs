#!/usr/bin/env node
// npm run demo: the carts hackfest story, told through `node dist/index.js` exactly as the runner runs it:
// a real git config repository, real helm against the real test cluster (carts pods running the carts
// images in containerd on a real node), real JMeter reaching each new version through kubectl
// port-forward, as a GitHub-hosted runner would. 0.8.1 goes through every stage; 0.8.2 (an image whose
// every request takes a second longer) passes dev and fails staging's performance gate, and is rolled
// back while production keeps 0.8.1; 0.8.3 goes through.
//
//   node scripts/demo.mjs [--out DIR] [--keep-cluster] [--json]
//
// Needs root, Node, Go, Java and Maven (the cluster, its node and JMeter are built on first use; Debian's
// containerd and runc are installed then); runs from the committed dist/, so it works before `npm ci`. Summaries are left in <out>/summaries/.
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, createReadStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CACHE = process.env.CARTS_CACHE ?? path.join(os.homedir(), '.cache/carts-deploy')
const HELM_VERSION = '3.22.0'
const JMETER_VERSION = '5.6.3'
const STORY = ['0.8.1', '0.8.2', '0.8.3']
const STAGES = ['dev', 'staging', 'production']
// Staging gates on both sides of the wire: JMeter's p95 and the service's own p95 from Prometheus.
// (the test cluster's Prometheus, env.json's prometheusUrl, is added where an sli is given)
const TESTED = {
  dev: {},
  staging: { slo: 'carts/prometheus/slo.yaml', sli: 'carts/prometheus/sli.yaml' }
}

const { values: opt } = parseArgs({
  options: { out: { type: 'string' }, 'keep-cluster': { type: 'boolean' }, json: { type: 'boolean' } }
})
const OUT = path.resolve(opt.out ?? path.join(REPO, 'demo-output'))
const say = text => process.stderr.write(`${text}\n`)
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { encoding: 'utf8', ...options })

async function main() {
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(path.join(OUT, 'summaries'), { recursive: true })
  say('▶ test cluster with a real node (built on first use: about 12 min cold on 2 cores, about 10 s warm)')
  run('bash', [path.join(REPO, 'e2e/cluster/start.sh')], { stdio: ['ignore', 'ignore', 'inherit'] })
  const cluster = JSON.parse(readFileSync(path.join(CACHE, 'cluster/run/env.json'), 'utf8'))
  say('▶ JMeter 5.6.3 (assembled from Maven Central on first use)')
  run('bash', [path.join(REPO, 'e2e/jmeter/assemble.sh')], { stdio: ['ignore', 'ignore', 'inherit'] })
  const kubectl = (...args) => run(cluster.kubectl, ['--kubeconfig', cluster.kubeconfig, ...args])
  for (const stage of STAGES)
    kubectl('delete', 'namespace', `sockshop-${stage}`, '--ignore-not-found', '--wait=true')

  const mirror = await startMirror(cluster)
  const workspace = makeWorkspace()
  const env = runnerEnv(workspace, cluster, mirror)
  const runs = []
  const afterEachTag = {}
  try {
    for (const tag of STORY) {
      for (const stage of STAGES) {
        const result = await runStage(tag, stage, env, runs.length + 1)
        runs.push(result)
        say(
          `${tag.padEnd(6)} ${stage.padEnd(11)} ${result.outputs.result ?? 'fail'} (score ${result.outputs.score ?? '-'}): ${result.decision}`
        )
        if (result.outputs.promote !== 'true') break
      }
      afterEachTag[tag] = { images: runningImages(kubectl), serving: await servingVersions(kubectl) }
    }
  } finally {
    mirror.server.close()
  }
  const story = {
    runs,
    afterEachTag,
    running: runningImages(kubectl),
    serving: await servingVersions(kubectl),
    configBranch: configLog(workspace),
    out: OUT
  }
  writeFileSync(path.join(OUT, 'story.json'), `${JSON.stringify(story, null, 2)}\n`)
  say('\nRunning now (image; what the stable service answers on /version):')
  for (const [stage, image] of Object.entries(story.running))
    say(`  ${stage.padEnd(11)} ${image}; ${story.serving[stage]}`)
  say(`\nSummaries: ${path.join(OUT, 'summaries')}`)
  if (opt.json) process.stdout.write(`${JSON.stringify(story)}\n`)
  if (!opt['keep-cluster']) run('bash', [path.join(REPO, 'e2e/cluster/stop.sh')], { stdio: 'ignore' })
}

/** A loopback mirror of get.helm.sh and archive.apache.org with archives built here, and their digests. */
async function startMirror(cluster) {
  const dir = path.join(OUT, 'mirror')
  mkdirSync(path.join(dir, 'linux-amd64'), { recursive: true })
  cpSync(cluster.helm3, path.join(dir, 'linux-amd64/helm'))
  const helmArchive = `helm-v${HELM_VERSION}-linux-amd64.tar.gz`
  run('tar', ['-czf', path.join(dir, helmArchive), '-C', dir, 'linux-amd64'])
  const jmeterArchive = `apache-jmeter-${JMETER_VERSION}.tgz`
  cpSync(path.join(CACHE, `jmeter-dist/${JMETER_VERSION}/${jmeterArchive}`), path.join(dir, jmeterArchive))
  const digest = (algorithm, file) =>
    `${algorithm}:${createHash(algorithm)
      .update(readFileSync(path.join(dir, file)))
      .digest('hex')}`
  const checksums = path.join(OUT, 'checksums.json')
  writeFileSync(
    checksums,
    JSON.stringify({
      [helmArchive]: digest('sha256', helmArchive),
      [jmeterArchive]: digest('sha512', jmeterArchive)
    })
  )
  const server = http.createServer((req, res) => {
    const file = path.join(dir, path.basename(decodeURIComponent(new URL(req.url, 'http://x').pathname)))
    try {
      res.writeHead(200, { 'content-length': statSync(file).size })
      createReadStream(file).pipe(res)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${server.address().port}`, checksums }
}

/** The repository a workflow checks out: chart, tests and SLO; and a bare repository for the config branch. */
function makeWorkspace() {
  const ws = path.join(OUT, 'workspace')
  for (const part of ['chart', 'jmeter', 'slo.yaml', 'prometheus'])
    cpSync(path.join(REPO, 'examples/carts', part), path.join(ws, 'carts', part), { recursive: true })
  run('git', ['init', '--quiet', '--bare', path.join(ws, 'config.git')])
  return ws
}

function runnerEnv(workspace, cluster, mirror) {
  return {
    PATH: process.env.PATH,
    HOME: os.homedir(),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'sockshop/carts',
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TOOL_CACHE: path.join(OUT, 'tool-cache'),
    CARTS_DEPLOY_CHECKSUMS_FILE: mirror.checksums,
    prometheusUrl: cluster.prometheusUrl,
    inputs: {
      kubeconfig: readFileSync(cluster.kubeconfig, 'utf8'),
      chart: 'carts/chart',
      'config-repo': 'config.git',
      'helm-version': HELM_VERSION,
      'helm-download-url': mirror.url,
      'jmeter-download-url': mirror.url,
      timeout: '60s'
    }
  }
}

/** One stage job: `node dist/index.js` with INPUT_* and the runner's files, then the post step. */
async function runStage(tag, stage, env, runId) {
  const dir = path.join(OUT, 'runs', `${tag}-${stage}`)
  mkdirSync(path.join(dir, 'temp'), { recursive: true })
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE'].map(n => [n, path.join(dir, n.toLowerCase())])
  )
  Object.values(files).forEach(f => writeFileSync(f, ''))
  const { inputs, prometheusUrl, ...base } = env
  const stageInputs = {
    ...inputs,
    tag,
    stage,
    ...(TESTED[stage]
      ? {
          'jmeter-dir': 'carts/jmeter',
          'service-url': 'port-forward',
          ...TESTED[stage],
          ...(TESTED[stage].sli ? { 'prometheus-url': prometheusUrl } : {})
        }
      : {})
  }
  const runEnv = { ...base, ...files, RUNNER_TEMP: path.join(dir, 'temp'), GITHUB_RUN_ID: String(runId) }
  for (const [name, value] of Object.entries(stageInputs)) runEnv[`INPUT_${name.toUpperCase()}`] = value
  const started = performance.now()
  const main = await node(path.join(REPO, 'dist/index.js'), runEnv)
  const seconds = (performance.now() - started) / 1000
  writeFileSync(path.join(dir, 'log.txt'), main.stdout + main.stderr)
  const outputs = fileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8'))
  // What a workflow would upload as an artifact, kept before the post step cleans up.
  if (outputs['results-dir'])
    cpSync(outputs['results-dir'], path.join(dir, 'jmeter-results'), { recursive: true })
  const state = fileCommands(readFileSync(files.GITHUB_STATE, 'utf8'))
  const postEnv = {
    ...runEnv,
    ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))
  }
  await node(path.join(REPO, 'dist/post/index.js'), postEnv)
  const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')
  writeFileSync(path.join(OUT, 'summaries', `${tag}-${stage}.md`), summary)
  const decision =
    /^\*\*(.+)\*\*$/m.exec(summary)?.[1] ?? main.stdout.match(/^::error::(.*)$/m)?.[1] ?? 'no decision'
  return { tag, stage, exitCode: main.status, seconds, outputs, decision, log: path.join(dir, 'log.txt') }
}

/** Runs a script with node, asynchronously: the mirror serving its downloads lives in this process. */
function node(script, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', status => resolve({ status, stdout, stderr }))
  })
}

/** `name<<delimiter … delimiter` blocks, as the runner reads GITHUB_OUTPUT and GITHUB_STATE. */
function fileCommands(text) {
  const out = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const value = []
    while (++i < lines.length && lines[i] !== match[2]) value.push(lines[i])
    out[match[1]] = value.join('\n')
  }
  return out
}

/** The image the stable service of each namespace sends traffic to. */
function runningImages(kubectl) {
  const running = {}
  for (const stage of STAGES) {
    const ns = `sockshop-${stage}`
    const deployments = JSON.parse(kubectl('get', 'deployments', '-n', ns, '-o', 'json')).items
    const service = JSON.parse(
      kubectl('get', 'service', 'carts', '-n', ns, '-o', 'json', '--ignore-not-found') || 'null'
    )
    const selector = service?.spec?.selector ?? {}
    const live = deployments.filter(
      d =>
        (d.spec.replicas ?? 1) > 0 &&
        Object.entries(selector).every(([k, v]) => d.spec.template.metadata.labels?.[k] === v)
    )
    running[stage] = live.map(d => d.spec.template.spec.containers[0].image).join(', ') || '(nothing)'
  }
  return running
}

/**
 * The version each stage's stable service answers with, asked the way a client in the cluster would:
 * through its ClusterIP, which kube-proxy makes reachable from the node (this host).
 */
async function servingVersions(kubectl) {
  const serving = {}
  for (const stage of STAGES) {
    const ip = kubectl(
      'get',
      'service',
      'carts',
      '-n',
      `sockshop-${stage}`,
      '-o',
      'jsonpath={.spec.clusterIP}'
    )
    try {
      const response = await fetch(`http://${ip}/version`, { signal: AbortSignal.timeout(5_000) })
      serving[stage] = (await response.json()).version
    } catch (error) {
      serving[stage] = `(no answer: ${error.message})`
    }
  }
  return serving
}

function configLog(workspace) {
  return run('git', ['--git-dir', path.join(workspace, 'config.git'), 'log', '--format=%s', 'config'])
    .trim()
    .split('\n')
}

main().catch(error => {
  say(`demo failed: ${error.stack ?? error}`)
  process.exitCode = 1
})
