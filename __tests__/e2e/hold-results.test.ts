/**
 * A stage fanned out over jobs, as a matrix workflow runs it, with the bundled action (node dist/index.js,
 * INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) on the real cluster: a job deploys and holds (`hold: true`),
 * two "load jobs" send requests to the held version's own service (the deployment-service output) and
 * write their results in two layouts (a CSV and an XML file), and a gate job judges them as one test
 * (`results:` a folder, as download-artifact lays them out) and promotes or rolls back what was held.
 * Namespaces are this file's own (`hold<random>-<stage>`), so a cluster in use by others is left alone.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import {
  deployment,
  getJson,
  HELMS,
  KUBECONFIG,
  kubectl,
  versionViaClusterIp
} from '../helpers/deploy-cluster.js'
import { REPO } from '../helpers/paths.js'
import { git } from '../helpers/repos.js'
import { runActionAsync, type ActionRun } from '../helpers/run-action.js'
import { fromMirror, startToolMirror, type ToolMirror } from '../helpers/tool-mirror.js'

jest.setTimeout(300_000)

const PROJECT = `hold${Date.now().toString(36).slice(-5)}`
const root = mkdtempSync(path.join(tmpdir(), 'carts-hold-results-'))
let mirror: ToolMirror
let ws: string

beforeAll(async () => {
  mirror = await startToolMirror(root, { '3.22.0': HELMS[0][1] })
  ws = path.join(root, 'ws')
  cpSync(path.join(REPO, 'examples/carts/chart'), path.join(ws, 'chart'), { recursive: true })
  writeFileSync(
    path.join(ws, 'shipyard.yaml'),
    `stages:
  - name: dev
    deployment_strategy: direct
    test_strategy: functional
  - name: staging
    deployment_strategy: blue_green_service
    test_strategy: performance
`
  )
  execFileSync('git', ['init', '--quiet', '--bare', path.join(ws, 'config.git')])
}, 300_000)

afterAll(async () => {
  await mirror.server.close()
  for (const stage of ['dev', 'staging'])
    await kubectl(['delete', `namespace/${PROJECT}-${stage}`, '--wait=false', '--ignore-not-found'])
  rmSync(root, { recursive: true, force: true })
})

let runs = 0
function job(stage: string, tag: string, extra: Record<string, string> = {}): Promise<ActionRun> {
  const dir = path.join(root, 'runs', `${++runs}-${stage}-${tag}`)
  mkdirSync(dir, { recursive: true })
  const inputs = {
    tag,
    stage,
    project: PROJECT,
    shipyard: 'shipyard.yaml',
    chart: 'chart',
    'config-repo': 'config.git',
    kubeconfig: readFileSync(KUBECONFIG, 'utf8'),
    ...fromMirror(mirror, root).inputs,
    'github-token': 'ghs_unused',
    timeout: '90s',
    ...extra
  }
  return runActionAsync(inputs, { GITHUB_WORKSPACE: ws, ...fromMirror(mirror, root).env }, {}, dir)
}

/**
 * One load job of the matrix: `n` requests to the service the hold job named, timed, written as JMeter
 * writes them (engine 1 a 5.x CSV, engine 2 an XML file) where download-artifact would put them.
 */
async function loadJob(round: string, engine: 1 | 2, namespace: string, service: string, n = 6) {
  const ip = (await getJson<{ spec: { clusterIP: string } }>('service', service, namespace))!.spec.clusterIP
  await versionViaClusterIp(service, namespace) // untimed: waits until kube-proxy routes the new Service
  const samples: { ts: number; elapsed: number; ok: boolean; version: string }[] = []
  for (let i = 0; i < n; i++) {
    const ts = Date.now()
    const response = await fetch(`http://${ip}/version`, { signal: AbortSignal.timeout(10_000) })
    const body = (await response.json()) as { version: string }
    samples.push({ ts, elapsed: Date.now() - ts, ok: response.ok, version: body.version })
  }
  const dir = path.join(ws, 'artifacts', round, `load-${engine}`)
  mkdirSync(dir, { recursive: true })
  const thread = `load ${engine}-1`
  if (engine === 1) {
    const rows = samples.map(s => `${s.ts},${s.elapsed},version,${s.ok ? 200 : 500},OK,${thread},${s.ok},`)
    const header = 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,success,failureMessage'
    writeFileSync(path.join(dir, 'results.jtl'), [header, ...rows, ''].join('\n'))
  } else {
    const rows = samples.map(
      s =>
        `<httpSample t="${s.elapsed}" ts="${s.ts}" s="${s.ok}" lb="version" rc="200" rm="OK" tn="${thread}"/>`
    )
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testResults version="1.2">',
      ...rows,
      '</testResults>'
    ]
    writeFileSync(path.join(dir, 'results.xml'), xml.join('\n'))
  }
  return samples.map(s => s.version)
}

/** A file of the stage on the config branch, as its tip has it. */
function onBranch(stage: string, file: string): string {
  return git(['--git-dir', path.join(ws, 'config.git'), 'show', `config:${PROJECT}/${stage}/carts/${file}`])
}

const selector = async (namespace: string) =>
  (await getJson<{ spec: { selector: Record<string, string> } }>('service', 'carts', namespace))?.spec
    .selector

describe('blue/green: hold, load from a matrix, gate on its results', () => {
  const ns = `${PROJECT}-staging`
  const GATE = { thresholds: 'response_time_p95<500', results: 'artifacts/$ROUND' }
  const gate = (tag: string, round: string) =>
    job('staging', tag, { thresholds: GATE.thresholds, results: GATE.results.replace('$ROUND', round) })

  it('0.8.1 first, as any stage job delivers it', async () => {
    const run = await job('staging', '0.8.1')
    expect([run.status, run.outputs.promote]).toEqual([0, 'true'])
    expect(await selector(ns)).toMatchObject({ colour: 'blue' })
  })

  it('holds 0.8.3 as the new colour: result held, not promoted, the stable Service untouched', async () => {
    const run = await job('staging', '0.8.3', { hold: 'true' })
    expect(run.status).toBe(0)
    expect(run.outputs).toMatchObject({
      result: 'held',
      score: '',
      promote: 'false',
      'deployment-service': 'carts-green',
      'deployment-url': `http://carts-green.${ns}`
    })
    expect(run.stdout).toContain(
      `Held: 0.8.3 deployed as carts-green revision 1 in ${ns}, at service carts-green; carts still selects blue`
    )
    expect(run.summary).toMatch(/^## ⏸️ carts:0\.8\.3 in staging/)
    expect(await selector(ns)).toMatchObject({ colour: 'blue' })
    expect(JSON.parse(onBranch('staging', 'deployment.json'))).toMatchObject({
      image: { tag: '0.8.3' },
      result: 'held',
      passed: { image: { tag: '0.8.1' } },
      held: { colour: 'green', liveColour: 'blue', testService: 'carts-green', previous: { tag: '0.8.1' } }
    })
  })

  it('the load jobs reach the held version at the service the hold job named', async () => {
    const versions = await Promise.all([1, 2].map(e => loadJob('r1', e as 1 | 2, ns, 'carts-green')))
    expect([...new Set(versions.flat())]).toEqual(['0.8.3'])
  })

  it('refuses to gate a tag that was not held, one line naming the input, changing nothing', async () => {
    const run = await gate('0.8.2', 'r1')
    expect(run.status).not.toBe(0)
    expect(run.stdout).toContain(
      `::error::Input 'results': expected a held deployment of carts:0.8.2 in ${ns} to gate (a job with hold: true first); the config branch records docker.io/keptnexamples/carts:0.8.3 held`
    )
    expect(await selector(ns)).toMatchObject({ colour: 'blue' })
    expect(JSON.parse(onBranch('staging', 'deployment.json'))).toMatchObject({ result: 'held' })
  })

  it('gates 0.8.3 on both files as one test and switches', async () => {
    const run = await gate('0.8.3', 'r1')
    expect([run.status, run.outputs.result, run.outputs.promote]).toEqual([0, 'pass', 'true'])
    expect(run.stdout).toContain('performance test from 2 results file(s)')
    expect(run.summary).toMatch(
      /Samples: \*\*12\*\* from 2 results files: .*load-1\/results\.jtl.* 6, .*load-2\/results\.xml.* 6\./
    )
    expect(await selector(ns)).toMatchObject({ colour: 'green' })
    expect(await deployment('carts-blue', ns)).toMatchObject({ replicas: 0 })
    expect(JSON.parse(onBranch('staging', 'deployment.json'))).toMatchObject({
      image: { tag: '0.8.3' },
      result: 'promoted',
      passed: { image: { tag: '0.8.3' } }
    })
  })

  it('holds the slow 0.8.2, and its gate rolls it back: the stable Service never moved', async () => {
    const held = await job('staging', '0.8.2', { hold: 'true' })
    expect([held.status, held.outputs.result, held.outputs['deployment-service']]).toEqual([
      0,
      'held',
      'carts-blue'
    ])
    await Promise.all([1, 2].map(e => loadJob('r2', e as 1 | 2, ns, 'carts-blue', 3)))
    const run = await gate('0.8.2', 'r2')
    expect([run.outputs.result, run.outputs.promote]).toEqual(['fail', 'false'])
    expect(run.status).not.toBe(0)
    expect(await selector(ns)).toMatchObject({ colour: 'green' })
    expect(await deployment('carts-blue', ns)).toMatchObject({ replicas: 0 })
    expect(onBranch('staging', 'values.yaml')).toMatch(/tag: ['"]?0\.8\.3/)
    expect(JSON.parse(onBranch('staging', 'deployment.json'))).toMatchObject({
      image: { tag: '0.8.2' },
      result: 'rolled-back',
      passed: { image: { tag: '0.8.3' } }
    })
  })
})

describe('direct: the held version serves in place; a failed gate rolls it back', () => {
  const ns = `${PROJECT}-dev`

  it('holds 0.8.3 over 0.8.1 and rolls it back on a failed functional test from elsewhere', async () => {
    expect((await job('dev', '0.8.1')).outputs.promote).toBe('true')
    const held = await job('dev', '0.8.3', { hold: 'true' })
    expect([held.status, held.outputs.result, held.outputs['deployment-service']]).toEqual([
      0,
      'held',
      'carts'
    ])
    expect(held.stdout).toContain('direct: it serves the stage unjudged until the gate')
    expect((await deployment('carts', ns))?.image).toMatch(/:0\.8\.3$/)
    const dir = path.join(ws, 'artifacts', 'dev')
    mkdirSync(dir, { recursive: true })
    const header = 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,success,failureMessage'
    writeFileSync(
      path.join(dir, 'results.jtl'),
      `${header}\n1795754627000,20,cart,200,OK,t 1-1,true,\n1795754627001,20,cart,500,Server Error,t 1-1,false,\n`
    )
    const run = await job('dev', '0.8.3', { results: 'artifacts/dev' })
    expect([run.outputs.result, run.outputs.promote]).toEqual(['fail', 'false'])
    expect(run.summary).toContain('1 of 2 samples failed (50.00 %): a functional test allows none')
    expect((await deployment('carts', ns))?.image).toMatch(/:0\.8\.1$/)
    expect(JSON.parse(onBranch('dev', 'deployment.json'))).toMatchObject({
      result: 'rolled-back',
      passed: { image: { tag: '0.8.1' } }
    })
  })
})
