/**
 * Charts in the shapes users bring (__tests__/fixtures/charts), each with `direct` and
 * `blue_green_service`, delivered by the bundled action as the runner runs it (node dist/index.js, helm
 * and JMeter installed from a loopback mirror, the real cluster and node): 0.8.1 passes its staging gate,
 * the slow 0.8.2 fails it. After every job, kubectl and the stable Service's own answers show what it
 * routes to, the config branch shows what it holds, and headline, outputs and exit code agree. Then
 * 0.8.3 goes through (for blue/green into the colour 0.8.2's rejection retired).
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { valuesPath } from '../../src/config-branch/layout.js'
import { HELMS, KUBECONFIG, kubectl, versionViaClusterIp } from '../helpers/deploy-cluster.js'
import { REPO } from '../helpers/paths.js'
import { runActionAsync, type ActionRun } from '../helpers/run-action.js'
import { startToolMirror, type ToolMirror } from '../helpers/tool-mirror.js'

jest.setTimeout(300_000)

const CHARTS = path.join(REPO, '__tests__/fixtures/charts')
const IMAGE = 'docker.io/keptnexamples/carts'
const SUFFIX = Date.now().toString(36).slice(-5)
// The direct stages install Helm 3, the blue/green ones Helm 4: each helm's post-renderer path is used.
const HELM_OF = { direct: ['3.22.0', HELMS[0][1]], blue_green_service: ['4.3.1', HELMS[1][1]] } as const
type Strategy = keyof typeof HELM_OF

let mirror: ToolMirror
const root = mkdtempSync(path.join(tmpdir(), 'carts-user-charts-'))

beforeAll(async () => {
  mirror = await startToolMirror(root, Object.fromEntries(Object.values(HELM_OF)))
}, 300_000)

afterAll(async () => {
  await mirror.server.close()
  const ours = (await kubectl(['get', 'namespaces', '-o', 'name']))
    .split('\n')
    .filter(n => n.startsWith('namespace/uc-') && n.endsWith(SUFFIX))
  if (ours.length) await kubectl(['delete', ...ours, '--wait=false'])
})

function shipyard(strategy: Strategy): string {
  return `apiVersion: spec.keptn.sh/0.2.2
kind: Shipyard
metadata: { name: shipyard-sockshop }
spec:
  stages:
    - name: staging
      sequences:
        - name: delivery
          tasks:
            - { name: deployment, properties: { deploymentstrategy: ${strategy} } }
            - { name: test, properties: { teststrategy: performance } }
            - name: evaluation
            - name: release
`
}

/** The user's repository as a workflow checks it out, and a bare repository for the config branch. */
function workspace(chart: string, strategy: Strategy, name = `${chart}-${strategy}`): string {
  const ws = path.join(root, name)
  cpSync(path.join(CHARTS, chart), path.join(ws, 'chart'), { recursive: true })
  for (const part of ['jmeter', 'slo.yaml'])
    cpSync(path.join(REPO, 'examples/carts', part), path.join(ws, 'carts', part), { recursive: true })
  writeFileSync(path.join(ws, 'shipyard.yaml'), shipyard(strategy))
  execFileSync('git', ['init', '--quiet', '--bare', path.join(ws, 'config.git')])
  return ws
}

function job(ws: string, namespace: string, strategy: Strategy, tag: string): Promise<ActionRun> {
  const dir = path.join(ws, 'runs', tag)
  mkdirSync(dir, { recursive: true })
  const inputs = {
    tag,
    stage: 'staging',
    namespace,
    shipyard: 'shipyard.yaml',
    chart: 'chart',
    'config-repo': 'config.git',
    kubeconfig: readFileSync(KUBECONFIG, 'utf8'),
    'helm-version': HELM_OF[strategy][0],
    'helm-download-url': mirror.server.url,
    'jmeter-download-url': mirror.server.url,
    'jmeter-dir': 'carts/jmeter',
    slo: 'carts/slo.yaml',
    'service-url': 'port-forward',
    timeout: '60s'
  }
  const env = {
    GITHUB_WORKSPACE: ws,
    RUNNER_TOOL_CACHE: path.join(root, 'tool-cache'),
    CARTS_DEPLOY_CHECKSUMS_FILE: mirror.checksums
  }
  return runActionAsync(inputs, env, {}, dir)
}

/** The summary's headline, the outputs and the exit code tell the same outcome. */
function expectAgreement(run: ActionRun, outcome: 'pass' | 'fail', tag = '0.8.1'): void {
  const headline = /^## (✅|❌) .*$/m.exec(run.summary)?.[0]
  const decision = /^\*\*(.+)\*\*$/m.exec(run.summary)?.[1]
  if (outcome === 'pass') {
    expect([run.status, run.outputs.result, run.outputs.promote]).toEqual([0, 'pass', 'true'])
    expect(headline).toContain(`## ✅ carts:${tag} in staging`)
    expect(decision).toMatch(/pass/)
  } else {
    expect([run.status, run.outputs.result, run.outputs.promote]).toEqual([1, 'fail', 'false'])
    expect(headline).toMatch(/^## ❌ carts:0\.8\.2 in staging/)
    expect(decision).toBe('Quality gate failed: rolled back')
    expect(run.stdout).toMatch(/^::error::Quality gate failed: rolled back; /m)
  }
}

interface SliceJson {
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean }; targetRef?: { name: string } }[]
}

/** What the stable Service `carts` routes to: the images of its ready endpoints' pods, and its answers. */
async function stableServing(namespace: string): Promise<{ images: string[]; answers: string[] }> {
  const slices = JSON.parse(
    await kubectl([
      'get',
      'endpointslices',
      '-n',
      namespace,
      '-l',
      'kubernetes.io/service-name=carts',
      '-o',
      'json'
    ])
  ) as { items: SliceJson[] }
  const ready = slices.items.flatMap(s => s.endpoints ?? []).filter(e => e.conditions?.ready !== false)
  const images = await Promise.all(
    ready.map(e =>
      kubectl([
        'get',
        'pod',
        e.targetRef!.name,
        '-n',
        namespace,
        '-o',
        'jsonpath={.spec.containers[0].image}'
      ])
    )
  )
  const answers: string[] = []
  for (let i = 0; i < 5; i++) answers.push(await versionViaClusterIp('carts', namespace))
  return { images: images.sort(), answers: [...new Set(answers)] }
}

/** The stage's values file on the config branch. */
function desired(ws: string): string {
  const file = valuesPath({ project: 'sockshop', stage: 'staging', service: 'carts' })
  return execFileSync('git', ['--git-dir', path.join(ws, 'config.git'), 'show', `config:${file}`], {
    encoding: 'utf8'
  })
}

/** How each chart's values.yaml names the image: the config branch keeps that shape. */
const SHAPES: Record<string, (tag: string) => RegExp> = {
  keptn: tag => new RegExp(`^image: ${IMAGE}:${tag}`, 'm'),
  app: tag => new RegExp(`^image:\\n  repository: ${IMAGE}\\n  tag: "?${tag}"?`, 'm'),
  fixed: tag =>
    new RegExp(`^image:\\n  registry: docker.io\\n  repository: keptnexamples/carts\\n  tag: "?${tag}"?`, 'm')
}

describe.each(['keptn', 'app', 'fixed'])('the %s chart', chart => {
  describe.each(['direct', 'blue_green_service'] as const)('with %s', strategy => {
    const ws = workspace(chart, strategy)
    const namespace = `uc-${chart}-${strategy === 'direct' ? 'direct' : 'bg'}-${SUFFIX}`

    it('delivers 0.8.1: the gate passes and the stable Service routes to 0.8.1 alone', async () => {
      const run = await job(ws, namespace, strategy, '0.8.1')
      expectAgreement(run, 'pass')
      expect(await stableServing(namespace)).toEqual({ images: [`${IMAGE}:0.8.1`], answers: ['0.8.1'] })
      expect(desired(ws)).toMatch(SHAPES[chart]('0.8.1'))
    })

    it('stops 0.8.2 at the gate: 0.8.1 serves again and is the desired state', async () => {
      const run = await job(ws, namespace, strategy, '0.8.2')
      expectAgreement(run, 'fail')
      expect(run.stdout).toContain(`Checked: carts in ${namespace} routes to 1 ready pod of 0.8.1`)
      expect(await stableServing(namespace)).toEqual({ images: [`${IMAGE}:0.8.1`], answers: ['0.8.1'] })
      expect(desired(ws)).toMatch(SHAPES[chart]('0.8.1'))
      if (strategy === 'blue_green_service') {
        // The rejected colour is retired by name; the live one keeps its pods.
        const replicas = await kubectl([
          'get',
          'deployments',
          '-n',
          namespace,
          '-o',
          'jsonpath={range .items[*]}{.metadata.name}={.spec.replicas} {end}'
        ])
        expect(replicas.trim().split(' ').sort()).toEqual(['carts-blue=1', 'carts-green=0'])
      }
    })

    it('delivers 0.8.3 after it (into the retired colour, for blue/green)', async () => {
      const run = await job(ws, namespace, strategy, '0.8.3')
      expectAgreement(run, 'pass', '0.8.3')
      expect(await stableServing(namespace)).toEqual({ images: [`${IMAGE}:0.8.3`], answers: ['0.8.3'] })
      expect(desired(ws)).toMatch(SHAPES[chart]('0.8.3'))
    })
  })
})

describe('a chart blue/green cannot colour', () => {
  it('is refused before anything changes, naming the chart file and what it needs', async () => {
    const ws = workspace('fixed', 'blue_green_service', 'unfit')
    const template = path.join(ws, 'chart/templates/carts.yaml')
    // The Service selects a label the pods do not have.
    writeFileSync(
      template,
      readFileSync(template, 'utf8').replace('  selector:\n    app: carts', '  selector:\n    app: cart')
    )
    const namespace = `uc-unfit-${SUFFIX}`
    const run = await job(ws, namespace, 'blue_green_service', '0.8.1')
    expect([run.status, run.outputs.promote]).toEqual([1, 'false'])
    expect(run.stdout).toMatch(
      /^::error::chart .*chart cannot be deployed blue\/green: no Service selects the pods of Deployment carts \(templates\/carts\.yaml\)/m
    )
    expect(
      execFileSync('git', ['--git-dir', path.join(ws, 'config.git'), 'for-each-ref'], { encoding: 'utf8' })
    ).toBe('')
    expect(await kubectl(['get', 'all', '-n', namespace, '-o', 'name', '--ignore-not-found'])).toBe('')
  })
})
