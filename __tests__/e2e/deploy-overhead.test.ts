/**
 * The deploy step's own cost: the whole step (kubeconfig, helm version, namespace, recovery check,
 * strategy reads, rollout check) beside the same `helm upgrade --install --wait` run directly, on the
 * same cluster in the same run. Prints the numbers for the README.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { execTool } from '../../src/programs/exec.js'
import { deployStep } from '../../src/stages/deploy.js'
import { runStep } from '../helpers/context.js'
import { CHART, HELMS, KUBECONFIG, deleteNamespaces, fixture, runContext } from '../helpers/deploy-cluster.js'

jest.setTimeout(300_000)
process.env.GITHUB_OUTPUT = path.join(mkdtempSync(path.join(tmpdir(), 'carts-overhead-')), 'output')
writeFileSync(process.env.GITHUB_OUTPUT, '')

const ROUNDS = 6

describe.each(HELMS)('overhead of the deploy step with %s', (label, helm) => {
  const fx = fixture(helm, label === 'Helm 3' ? 'b3' : 'b4')
  afterAll(() => deleteNamespaces(fx.suffix))

  it.each(['direct', 'blue_green_service'] as const)('%s: the step beside helm alone', async strategy => {
    const flag = (await execTool(helm, ['version', '--short'])).stdout.startsWith('v3')
      ? '--atomic'
      : '--rollback-on-failure'
    const step: number[] = []
    const raw: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      const ctx = runContext(fx, {
        stage: strategy === 'direct' ? 'bench-d' : 'bench-bg',
        strategy,
        // A new image every round (both versions are fast and become ready).
        tag: i % 2 ? '0.8.3' : '0.8.1'
      })
      const args = [
        'upgrade',
        '--install',
        'raw',
        CHART,
        '-n',
        ctx.plan.namespace,
        '-f',
        ctx.results.commit!.valuesFile
      ]
      const runDeploy = async () => step.push(await timed(() => runStep(ctx, deployStep)))
      const runHelm = async () =>
        raw.push(
          await timed(() =>
            execTool(helm, [...args, '--wait', '--timeout', '60s', flag], { env: { KUBECONFIG } })
          )
        )
      // Round 0 creates the namespace; later rounds alternate which goes first, so neither gets a warmer cluster.
      if (i % 2 === 0) await runDeploy().then(runHelm)
      else await runHelm().then(runDeploy)
    }
    const s = median(step.slice(1))
    const r = median(raw.slice(1))
    console.log(
      `[deploy overhead] ${label} ${strategy}: step ${ms(s)} vs helm upgrade --install --wait alone ${ms(r)}` +
        ` => overhead ${ms(s - r)} (medians of ${ROUNDS - 1}; step ${step.map(ms).join(' ')}; helm ${raw.map(ms).join(' ')})`
    )
    if (strategy === 'blue_green_service') await printBreakdown(label, helm, fx.namespace('bench-bg'))
    expect(s).toBeGreaterThan(0)
  })
})

/** What the step's own calls cost one by one (several of them run side by side in the step). */
async function printBreakdown(label: string, helm: string, namespace: string): Promise<void> {
  const env = { KUBECONFIG }
  const calls: Record<string, [string, string[]]> = {
    'helm version': [helm, ['version', '--short']],
    'helm history': [helm, ['history', 'raw', '-n', namespace, '-o', 'json']],
    'kubectl create namespace': ['kubectl', ['create', 'namespace', namespace]],
    'kubectl get service': [
      'kubectl',
      ['get', 'service', 'carts', '-n', namespace, '-o', 'json', '--ignore-not-found']
    ],
    'kubectl api-resources': ['kubectl', ['api-resources', '--api-group=networking.istio.io', '-o', 'name']],
    'kubectl rollout status': [
      'kubectl',
      ['rollout', 'status', 'deployment/raw', '-n', namespace, '--timeout=30s']
    ]
  }
  const parts: string[] = []
  for (const [name, [command, args]] of Object.entries(calls)) {
    const times: number[] = []
    for (let i = 0; i < 5; i++)
      times.push(await timed(() => execTool(command, args, { env, allowFailure: true })))
    parts.push(`${name} ${ms(median(times))}`)
  }
  console.log(`[deploy overhead] ${label} single calls (median of 5): ${parts.join(', ')}`)
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await run()
  return performance.now() - t0
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function ms(value: number): string {
  return `${Math.round(value)} ms`
}
