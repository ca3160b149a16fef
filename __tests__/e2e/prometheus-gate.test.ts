/**
 * Quality gates on the service's own metrics: stage jobs of the bundled action (node dist/index.js, as the
 * runner runs it) on the real cluster, whose Prometheus (built from the Go module proxy, started by
 * e2e/cluster/start.sh) scrapes the real carts pods it discovers through the API server. The JMeter tests
 * drive the pods; the gate queries Prometheus for the test's window:
 * - Keptn 0.6+ sli.yaml + slo.yaml beside the JMeter SLIs (examples/carts/prometheus): 0.8.1 passes,
 *   the slow 0.8.2 fails on both p95s;
 * - a Keptn 0.4 perfspec.json (pitometer's scoring): 0.8.1 passes;
 * - Keptn 0.5's service-indicators.yaml + service-objectives.yaml: 0.8.2 fails.
 * Every Prometheus value the evaluation reports equals a direct query to the Prometheus API (same query,
 * same time).
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import type { Evaluation } from '../../src/contracts/evaluation.js'
import { HELMS, KUBECONFIG, kubectl } from '../helpers/deploy-cluster.js'
import { REPO } from '../helpers/paths.js'
import { runActionAsync, type ActionRun } from '../helpers/run-action.js'
import { startToolMirror, type ToolMirror } from '../helpers/tool-mirror.js'

jest.setTimeout(300_000)

const PROMETHEUS = process.env.prometheusUrl ?? process.env.PROMETHEUS_URL ?? ''
const FIXTURES = path.join(REPO, '__tests__/fixtures/prometheus')
const SUFFIX = Date.now().toString(36).slice(-5)
let mirror: ToolMirror
const root = mkdtempSync(path.join(tmpdir(), 'carts-prometheus-'))
const namespaces: string[] = []

beforeAll(async () => {
  expect(PROMETHEUS).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  mirror = await startToolMirror(root, { '3.22.0': HELMS[0][1] })
}, 300_000)

afterAll(async () => {
  await mirror.server.close()
  if (namespaces.length)
    await kubectl(['delete', ...namespaces.map(n => `namespace/${n}`), '--wait=false', '--ignore-not-found'])
})

const SHIPYARD = `apiVersion: spec.keptn.sh/0.2.2
kind: Shipyard
metadata: { name: shipyard }
spec:
  stages:
    - name: staging
      sequences:
        - name: delivery
          tasks:
            - { name: deployment, properties: { deploymentstrategy: direct } }
            - { name: test, properties: { teststrategy: performance } }
            - name: evaluation
            - name: release
`

/** A user's repository (chart, tests, Keptn files) and a bare repository for the config branch. */
function workspace(project: string): string {
  const ws = path.join(root, project)
  cpSync(path.join(REPO, 'examples/carts'), path.join(ws, 'carts'), { recursive: true })
  cpSync(FIXTURES, path.join(ws, 'keptn'), { recursive: true })
  writeFileSync(path.join(ws, 'shipyard.yaml'), SHIPYARD)
  execFileSync('git', ['init', '--quiet', '--bare', path.join(ws, 'config.git')])
  namespaces.push(`${project}-staging`)
  return ws
}

function job(ws: string, project: string, tag: string, gate: Record<string, string>): Promise<ActionRun> {
  const dir = path.join(ws, 'runs', tag)
  mkdirSync(dir, { recursive: true })
  const inputs = {
    tag,
    stage: 'staging',
    project,
    shipyard: 'shipyard.yaml',
    chart: 'carts/chart',
    'config-repo': 'config.git',
    kubeconfig: readFileSync(KUBECONFIG, 'utf8'),
    'helm-version': '3.22.0',
    'helm-download-url': mirror.server.url,
    'jmeter-download-url': mirror.server.url,
    'jmeter-dir': 'carts/jmeter',
    'service-url': 'port-forward',
    'prometheus-url': PROMETHEUS,
    timeout: '60s',
    ...gate
  }
  const env = {
    GITHUB_WORKSPACE: ws,
    RUNNER_TOOL_CACHE: path.join(root, 'tool-cache'),
    CARTS_DEPLOY_CHECKSUMS_FILE: mirror.checksums
  }
  return runActionAsync(inputs, env, {}, dir)
}

function evaluationOf(run: ActionRun): Evaluation {
  return JSON.parse(readFileSync(run.outputs.evaluation!, 'utf8')) as Evaluation
}

/** What Prometheus itself answers for `query` at `time` (epoch ms): the value of each series. */
async function direct(query: string, time: number): Promise<number[]> {
  const body = new URLSearchParams({ query, time: (time / 1000).toFixed(3) })
  const response = await fetch(`${PROMETHEUS}/api/v1/query`, { method: 'POST', body })
  const answer = (await response.json()) as { data: { result: { value: [number, string] }[] } }
  return answer.data.result.map(series => Number(series.value[1]))
}

/** Every Prometheus indicator's value is what a direct query at the window's end gives. */
async function expectDirectValues(evaluation: Evaluation): Promise<string[]> {
  const end = evaluation.prometheus!.window!.end
  const queried = evaluation.indicators.filter(i => i.source?.kind === 'prometheus')
  for (const indicator of queried) {
    const query = (indicator.source as { query: string }).query
    const values = await direct(query, end)
    expect(values.length).toBeGreaterThan(0)
    expect(values).toContain(indicator.value)
  }
  return queried.map(i => i.sli)
}

describe('an sli.yaml beside the JMeter results (examples/carts/prometheus)', () => {
  const project = `prom${SUFFIX}`
  let ws: string
  const gate = { sli: 'carts/prometheus/sli.yaml', slo: 'carts/prometheus/slo.yaml' }
  beforeAll(() => {
    ws = workspace(project)
  })

  it('passes 0.8.1 on the service p95 Prometheus reports and the p95 JMeter saw', async () => {
    const run = await job(ws, project, '0.8.1', gate)
    expect([run.status, run.outputs.result]).toEqual([0, 'pass'])
    const evaluation = evaluationOf(run)
    const bySli = new Map(evaluation.indicators.map(i => [i.sli, i]))
    expect(bySli.get('response_time_p95')?.source).toEqual({ kind: 'results-file' })
    const service = bySli.get('service_response_time_p95')!
    expect(service.source).toEqual({
      kind: 'prometheus',
      query: expect.stringContaining(`job="carts-${project}-staging"`)
    })
    expect(service.value).toBeLessThan(600)
    expect(await expectDirectValues(evaluation)).toEqual(['service_response_time_p95'])
    // The window is the test run's: $DURATION_SECONDS is its length.
    const { start, end } = evaluation.prometheus!.window!
    expect(service.source).toEqual({
      kind: 'prometheus',
      query: expect.stringContaining(`[${Math.ceil((end - start) / 1000)}s]`)
    })
    expect(run.summary).toMatch(/\| Prometheus \(query below\) \| [\d.]+ \|/)
    expect(run.summary).toContain(
      `\`\`\`promql\n  ${service.source?.kind === 'prometheus' ? service.source.query : ''}\n  \`\`\``
    )
    expect(run.summary).toMatch(/\| results file \|/)
  })

  it('fails 0.8.2 on both p95s and rolls it back', async () => {
    const run = await job(ws, project, '0.8.2', gate)
    expect([run.status, run.outputs.result, run.outputs.promote]).toEqual([1, 'fail', 'false'])
    const evaluation = evaluationOf(run)
    const status = Object.fromEntries(evaluation.indicators.map(i => [i.sli, [i.status, i.value]]))
    expect(status.response_time_p95?.[0]).toBe('fail')
    expect(status.service_response_time_p95?.[0]).toBe('fail')
    expect(status.service_response_time_p95?.[1]).toBeGreaterThan(1000)
    await expectDirectValues(evaluation)
    expect(run.stdout).toContain('Quality gate failed: rolled back')
  })
})

describe("Keptn's pitometer gates", () => {
  it('passes 0.8.1 on a perfspec.json with pitometer scoring (points)', async () => {
    const project = `pitometer${SUFFIX}`
    const ws = workspace(project)
    const perfspec = path.join(ws, 'keptn/perfspec.json')
    writeFileSync(
      perfspec,
      readFileSync(perfspec, 'utf8').replaceAll('carts-pitometer-', `carts-${project}-`)
    )
    const run = await job(ws, project, '0.8.1', { perfspec: 'keptn/perfspec.json' })
    expect([run.status, run.outputs.result]).toEqual([0, 'pass'])
    const evaluation = evaluationOf(run)
    expect(evaluation.scoring).toBe('pitometer')
    expect(evaluation.score).toBe(100)
    expect(await expectDirectValues(evaluation)).toEqual(['request_latency_p95', 'request_latency_seconds'])
    expect(run.summary).toContain('Total score **100.0 points** (pass ≥ 90 points, warning ≥ 75 points)')
  })

  it("fails 0.8.2 on Keptn 0.5's service-indicators.yaml + service-objectives.yaml", async () => {
    const project = `keptn05${SUFFIX}`
    const ws = workspace(project)
    const indicators = path.join(ws, 'keptn/service-indicators.yaml')
    writeFileSync(
      indicators,
      readFileSync(indicators, 'utf8').replaceAll('carts-keptn05-', `carts-${project}-`)
    )
    const run = await job(ws, project, '0.8.2', {
      'service-indicators': 'keptn/service-indicators.yaml',
      'service-objectives': 'keptn/service-objectives.yaml'
    })
    expect([run.status, run.outputs.result]).toEqual([1, 'fail'])
    const evaluation = evaluationOf(run)
    expect(evaluation.scoring).toBe('pitometer')
    const latency = evaluation.indicators.find(i => i.sli === 'request_latency_seconds')!
    expect(latency.value).toBeGreaterThan(0.8)
    expect([latency.status, latency.score]).toEqual(['fail', 0])
    await expectDirectValues(evaluation)
  })
})
