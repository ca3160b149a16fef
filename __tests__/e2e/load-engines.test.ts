/**
 * JMeter's distributed mode in the real cluster: stage jobs of the bundled action (node dist/index.js, as
 * the runner runs it) with `load-engines: 2` run the carts staging workload from a controller pod driving
 * two jmeter-server pods of the JMeter image built by e2e/images/build.sh (a jlink JRE + the
 * Maven-assembled JMeter 5.6.3), pulled from the test cluster's registry. The results come back as one
 * file holding both engines' samples (JMeter prefixes each thread name with its engine's address); the slow
 * 0.8.2 fails the gate as in the story; an engine killed mid-test fails the test with the reason; a
 * cancelled job's namespace is removed by the post step; nothing is left in the cluster.
 */
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import type { Evaluation } from '../../src/contracts/evaluation.js'
import { HELMS, KUBECONFIG, kubectl } from '../helpers/deploy-cluster.js'
import { REPO } from '../helpers/paths.js'
import { parseFileCommands, runActionAsync, type ActionRun } from '../helpers/run-action.js'
import { fromMirror, startToolMirror, type ToolMirror } from '../helpers/tool-mirror.js'

jest.setTimeout(300_000)

// By digest: a node that pulled an earlier build of the same tag must run this one.
const JMETER_DIGEST = (JSON.parse(process.env.images ?? '{}') as Record<string, string>)[
  'docker.io/carts-e2e/jmeter:5.6.3'
]
const JMETER_IMAGE = `docker.io/carts-e2e/jmeter@${JMETER_DIGEST}`
const SUFFIX = Date.now().toString(36).slice(-5)
const project = `engines${SUFFIX}`
let mirror: ToolMirror
const root = mkdtempSync(path.join(tmpdir(), 'carts-engines-'))
const ws = path.join(root, 'ws')

const SHIPYARD = `apiVersion: spec.keptn.sh/0.2.2
kind: Shipyard
metadata: { name: shipyard }
spec:
  stages:
    - name: staging
      sequences:
        - name: delivery
          tasks:
            - { name: deployment, properties: { deploymentstrategy: blue_green_service } }
            - { name: test, properties: { teststrategy: performance } }
            - name: evaluation
            - name: release
`

beforeAll(async () => {
  mirror = await startToolMirror(root, { '3.22.0': HELMS[0][1] })
  cpSync(path.join(REPO, 'examples/carts'), path.join(ws, 'carts'), { recursive: true })
  writeFileSync(path.join(ws, 'shipyard.yaml'), SHIPYARD)
  execFileSync('git', ['init', '--quiet', '--bare', path.join(ws, 'config.git')])
}, 300_000)

afterAll(async () => {
  await mirror.server.close()
  await kubectl(['delete', `namespace/${project}-staging`, '--wait=false', '--ignore-not-found'])
})

function inputs(tag: string): Record<string, string> {
  return {
    tag,
    stage: 'staging',
    project,
    shipyard: 'shipyard.yaml',
    chart: 'carts/chart',
    'config-repo': 'config.git',
    kubeconfig: readFileSync(KUBECONFIG, 'utf8'),
    ...fromMirror(mirror, root).inputs,
    'jmeter-dir': 'carts/jmeter',
    slo: 'carts/slo.yaml',
    'service-url': 'port-forward',
    'load-engines': '2',
    'jmeter-image': JMETER_IMAGE,
    timeout: '60s'
  }
}

function job(tag: string, name = tag): Promise<ActionRun> {
  const dir = path.join(root, 'runs', name)
  mkdirSync(dir, { recursive: true })
  const env = { GITHUB_WORKSPACE: ws, ...fromMirror(mirror, root).env }
  return runActionAsync(inputs(tag), env, {}, dir)
}

/** The load namespaces (any run's) that still exist. */
async function loadNamespaces(): Promise<string[]> {
  const out = await kubectl([
    'get',
    'namespaces',
    '--selector',
    'app.kubernetes.io/managed-by=carts-deploy',
    '--output',
    'name'
  ])
  return out.split('\n').filter(n => n.startsWith('namespace/carts-load-staging-'))
}

function threadNames(jtl: string): Map<string, number> {
  const [header, ...rows] = readFileSync(jtl, 'utf8').trim().split('\n')
  const column = header.split(',').indexOf('threadName')
  const engines = new Map<string, number>()
  for (const row of rows) {
    const engine = row.split(',')[column].replace(/-carts users.*$/, '')
    engines.set(engine, (engines.get(engine) ?? 0) + 1)
  }
  return engines
}

describe('the carts staging workload on 2 JMeter engines in the cluster', () => {
  it('passes 0.8.1 with the samples of both engines in one results file, and leaves nothing', async () => {
    const run = await job('0.8.1')
    expect([run.status, run.outputs.result]).toEqual([0, 'pass'])
    expect(run.stdout).toMatch(
      /2 JMeter engine\(s\) ready in namespace carts-load-staging-[0-9a-f]{6} \(10\.88\./
    )
    const jtl = path.join(run.outputs['results-dir']!, '2-performance', 'results.jtl')
    const engines = threadNames(jtl)
    // performance: 10 users × 10 loops × 2 requests, on each engine.
    expect([...engines.keys()].sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^10\.88\.\d+\.\d+:1099$/)])
    )
    expect(engines.size).toBe(2)
    expect([...engines.values()]).toEqual([200, 200])
    const evaluation = JSON.parse(readFileSync(run.outputs.evaluation!, 'utf8')) as Evaluation
    expect(evaluation.samples).toBe(400)
    expect(await loadNamespaces()).toEqual([])
  })

  it('fails the slow 0.8.2 on its p95 and rolls it back, as in the story', async () => {
    const run = await job('0.8.2')
    expect([run.status, run.outputs.result, run.outputs.promote]).toEqual([1, 'fail', 'false'])
    const evaluation = JSON.parse(readFileSync(run.outputs.evaluation!, 'utf8')) as Evaluation
    const p95 = evaluation.indicators.find(i => i.sli === 'response_time_p95')!
    expect(p95.status).toBe('fail')
    expect(p95.value).toBeGreaterThan(1000)
    expect(threadNames(path.join(run.outputs['results-dir']!, '2-performance', 'results.jtl')).size).toBe(2)
    expect(run.stdout).toContain('Quality gate failed: rolled back')
    expect(await loadNamespaces()).toEqual([])
  })
})

/** Resolves with the load namespace once its controller runs the performance workload. */
async function performanceRunning(): Promise<{ namespace: string; engineIp: string }> {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    if (/KEPTN_TESTSTRATEGY=performance/.test(ps) && / -R /.test(ps)) {
      const [namespace] = (await loadNamespaces()).map(n => n.replace('namespace/', ''))
      const pods = JSON.parse(
        await kubectl(['get', 'pod', 'jmeter-engine-1', '--namespace', namespace, '--output', 'json'])
      ) as { status: { podIP: string } }
      return { namespace, engineIp: pods.status.podIP }
    }
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  throw new Error('the performance workload never started')
}

describe('engines that die, jobs that are cancelled', () => {
  it('fails the test with the reason when an engine is killed mid-test, and leaves nothing', async () => {
    const running = job('0.8.2', 'killed')
    const { engineIp } = await performanceRunning()
    await new Promise(resolve => setTimeout(resolve, 2_000))
    // The engine's JVM is a process on this host (a real node): SIGKILL it, as an OOM kill would.
    execFileSync('pkill', ['-KILL', '-f', `java.rmi.server.hostname=${engineIp} `])
    const run = await running
    expect([run.status, run.outputs.result]).toEqual([1, 'fail'])
    expect(run.stdout).toMatch(
      new RegExp(
        `tests \\(performance\\): fail — JMeter engine jmeter-engine-1 \\(${engineIp.replaceAll('.', '\\.')}\\) ended: exit code 137`
      )
    )
    expect(await loadNamespaces()).toEqual([])
  })

  it('removes the namespace of a cancelled job in the post step', async () => {
    const dir = path.join(root, 'runs', 'cancelled')
    mkdirSync(dir, { recursive: true })
    const pending = job('0.8.2', 'cancelled')
    const { namespace } = await performanceRunning()
    // The runner cancels a job with SIGINT; the action dies by it without its own clean-up.
    const pids = execFileSync('pgrep', ['-f', `${REPO}/dist/index.js`], { encoding: 'utf8' })
      .trim()
      .split('\n')
    for (const pid of pids) process.kill(Number(pid), 'SIGINT')
    const run = await pending
    expect(run.status).not.toBe(0)
    expect((await loadNamespaces()).map(n => n.replace('namespace/', ''))).toContain(namespace)
    const state = parseFileCommands(readFileSync(path.join(run.dir, 'state'), 'utf8'))
    const post = spawn(process.execPath, [path.join(REPO, 'dist/post/index.js')], {
      env: { PATH: process.env.PATH, 'STATE_temp-dir': state['temp-dir'] }
    })
    let out = ''
    post.stdout.on('data', chunk => (out += chunk))
    const status = await new Promise(resolve => post.on('close', resolve))
    expect(status).toBe(0)
    expect(out).toContain(
      `Deleting namespace ${namespace} of the JMeter engines (asked; the cluster finishes it)`
    )
    const phase = await kubectl([
      'get',
      'namespace',
      namespace,
      '--ignore-not-found',
      '--output',
      'jsonpath={.status.phase}'
    ])
    expect(['', 'Terminating']).toContain(phase)
    expect(readdirSync(path.dirname(state['temp-dir'])).includes(path.basename(state['temp-dir']))).toBe(
      false
    )
  })
})
