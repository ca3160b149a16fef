/**
 * The deploy step and the strategies on the real cluster (kube-apiserver and a real node: the pods run the
 * carts images, readiness is the image's own /health), with Helm 3 and Helm 4.
 * Tests in one block build on each other, as the stages of a delivery do.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { weightsOf } from '../../src/deployment/istio.js'
import { promote, reject, rollbackDirect } from '../../src/deployment/strategies/index.js'
import { deployStep } from '../../src/stages/deploy.js'
import { runStep } from '../helpers/context.js'
import {
  KUBECONFIG,
  HELMS,
  NEVER_READY_TAG,
  CHART,
  deleteNamespaces,
  deployment,
  fixture,
  getJson,
  history,
  kubectl,
  runContext,
  stableSelector,
  type Fixture
} from '../helpers/deploy-cluster.js'
import { REPO } from '../helpers/paths.js'

jest.setTimeout(180_000)

describe.each(HELMS)('deploy with %s', (label, helm) => {
  const fx: Fixture = fixture(helm, label === 'Helm 3' ? 'h3' : 'h4')
  afterAll(() => deleteNamespaces(fx.suffix))

  it('deploys 0.8.1 into dev (direct), staging and production (blue/green)', async () => {
    for (const [stage, strategy] of [
      ['dev', 'direct'],
      ['staging', 'blue_green_service'],
      ['production', 'blue_green_service']
    ] as const) {
      const ctx = runContext(fx, { stage, strategy, tag: '0.8.1' })
      await runStep(ctx, deployStep)
      const deploy = ctx.results.deploy!
      const name = strategy === 'direct' ? 'carts' : 'carts-blue'
      expect(deploy).toMatchObject({
        release: name,
        revision: 1,
        previousRevision: undefined,
        testService: name
      })
      expect(deploy.serviceUrl).toBe(`http://${name}.${fx.namespace(stage)}`)
      expect(await deployment(name, fx.namespace(stage))).toEqual({
        replicas: 1,
        ready: 1,
        image: 'docker.io/keptnexamples/carts:0.8.1'
      })
      if (strategy !== 'direct') {
        expect(await stableSelector(fx.namespace(stage))).toBeUndefined()
        await promote(ctx)
        expect(await stableSelector(fx.namespace(stage))).toMatchObject({ colour: 'blue' })
      }
    }
  })

  it('direct: upgrades in place, and a failed gate rolls back to the revision that passed', async () => {
    const ctx = runContext(fx, { stage: 'dev', tag: '0.8.2' })
    await runStep(ctx, deployStep)
    expect(ctx.results.deploy).toMatchObject({ revision: 2, previousRevision: 1 })
    expect((await deployment('carts', fx.namespace('dev')))?.image).toMatch(/:0\.8\.2$/)
    await reject(ctx, { toRevision: 1 })
    expect((await deployment('carts', fx.namespace('dev')))?.image).toMatch(/:0\.8\.1$/)
    expect((await history(helm, 'carts', fx.namespace('dev'))).at(-1)).toMatchObject({
      revision: 3,
      status: 'deployed',
      description: 'Rollback to 1'
    })
    // The gate may also call the rollback directly with a recorded revision.
    expect(await rollbackDirect(ctx, 2)).toBe(4)
    expect((await deployment('carts', fx.namespace('dev')))?.image).toMatch(/:0\.8\.2$/)
  })

  it('blue/green: the new colour is tested beside the live one, then promoted', async () => {
    const ns = fx.namespace('staging')
    const ctx = runContext(fx, { stage: 'staging', strategy: 'blue_green_service', tag: '0.8.2' })
    await runStep(ctx, deployStep)
    expect(ctx.results.deploy).toMatchObject({ release: 'carts-green', colour: 'green', liveColour: 'blue' })
    expect(ctx.results.deploy!.serviceUrl).toBe(`http://carts-green.${ns}`)
    expect(await stableSelector(ns)).toMatchObject({ colour: 'blue' })
    expect(await deployment('carts-blue', ns)).toMatchObject({ replicas: 1, ready: 1 })
    expect(await deployment('carts-green', ns)).toMatchObject({ replicas: 1, ready: 1 })
    await promote(ctx)
    expect(await stableSelector(ns)).toMatchObject({
      colour: 'green',
      'app.kubernetes.io/instance': 'carts-green'
    })
    expect(await deployment('carts-blue', ns)).toMatchObject({ replicas: 0 })
    expect(await deployment('carts-green', ns)).toMatchObject({ replicas: 1, ready: 1 })
  })

  it('blue/green: a rejected colour is discarded and the stable service never moves', async () => {
    const ns = fx.namespace('staging')
    const ctx = runContext(fx, { stage: 'staging', strategy: 'blue_green_service', tag: '0.8.3' })
    await runStep(ctx, deployStep)
    // blue was scaled to 0 by the promote; the new deploy brings it back at the chart's replicas.
    expect(ctx.results.deploy).toMatchObject({ release: 'carts-blue', colour: 'blue', liveColour: 'green' })
    expect(await deployment('carts-blue', ns)).toMatchObject({
      replicas: 1,
      ready: 1,
      image: expect.stringMatching(/:0\.8\.3$/)
    })
    expect(await stableSelector(ns)).toMatchObject({ colour: 'green' })
    await reject(ctx)
    expect(await stableSelector(ns)).toMatchObject({ colour: 'green' })
    expect(await deployment('carts-blue', ns)).toMatchObject({ replicas: 0 })
    expect(await deployment('carts-green', ns)).toMatchObject({ replicas: 1, ready: 1 })
  })

  it('a version that never becomes Ready is rolled back, and says so in one line', async () => {
    const ns = fx.namespace('dev')
    const ctx = runContext(fx, { stage: 'dev', tag: NEVER_READY_TAG, timeoutSeconds: 30 })
    const failed = runStep(ctx, deployStep)
    await expect(failed).rejects.toThrow(
      new RegExp(`^carts:0\\.8\\.4 did not become ready within 30s in ${ns}; helm rolled back to revision 4$`)
    )
    // It was the real readiness probe: the kubelet asked the container's /health and got 503.
    const events = await kubectl([
      'get',
      'events',
      '-n',
      ns,
      '--field-selector',
      'reason=Unhealthy',
      '-o',
      'json'
    ])
    expect(events).toMatch(/Readiness probe failed: HTTP probe failed with statuscode: 503/)
    expect((await history(helm, 'carts', ns)).at(-1)).toMatchObject({ status: 'deployed' })
    expect(await deployment('carts', ns)).toMatchObject({
      ready: 1,
      image: expect.stringMatching(/:0\.8\.2$/)
    })
  })

  it('blue/green: a first colour that never becomes Ready is removed, and nothing was switched', async () => {
    const ns = fx.namespace('qa')
    const ctx = runContext(fx, {
      stage: 'qa',
      strategy: 'blue_green_service',
      tag: NEVER_READY_TAG,
      timeoutSeconds: 15
    })
    await expect(runStep(ctx, deployStep)).rejects.toThrow(
      `carts:0.8.4 did not become ready within 15s in ${ns}; helm removed the failed first install`
    )
    expect(await history(helm, 'carts-blue', ns).catch(() => [])).toEqual([])
    expect(await stableSelector(ns)).toBeUndefined()
  })

  it('a release left pending-upgrade by a crashed helm is recovered before the next deploy', async () => {
    const ns = fx.namespace('dev')
    const before = (await history(helm, 'carts', ns)).at(-1)!.revision
    await crashMidUpgrade(helm, ns)
    expect((await history(helm, 'carts', ns)).at(-1)).toMatchObject({
      revision: before + 1,
      status: 'pending-upgrade'
    })
    const ctx = runContext(fx, { stage: 'dev', tag: '0.8.3' })
    await runStep(ctx, deployStep)
    expect(ctx.results.deploy!.recovered).toBe(
      `carts was left pending-upgrade at revision ${before + 1} by an earlier run; rolled back to revision ${before}`
    )
    expect(ctx.results.deploy).toMatchObject({ revision: before + 3, previousRevision: before + 2 })
    expect(await deployment('carts', ns)).toMatchObject({
      ready: 1,
      image: expect.stringMatching(/:0\.8\.3$/)
    })
  })

  it('names a missing chart', async () => {
    const ctx = runContext(fx, { stage: 'dev', tag: '0.8.5' })
    const missing = path.join(CHART, 'nope')
    await expect(
      runStep({ ...ctx, config: { ...ctx.config, chartDir: missing } }, deployStep)
    ).rejects.toThrow(`chart not found at ${missing}`)
  })
})

/** Starts an upgrade that can never finish and SIGKILLs helm once the pending revision is stored. */
async function crashMidUpgrade(helm: string, namespace: string): Promise<void> {
  const ctx = runContext(fixture(helm, 'crash'), {
    stage: 'dev',
    tag: NEVER_READY_TAG,
    namespace
  })
  const args = [
    'upgrade',
    'carts',
    CHART,
    '-n',
    namespace,
    '-f',
    ctx.results.commit!.valuesFile,
    '--wait',
    '--timeout',
    '120s'
  ]
  const child = spawn(helm, args, { env: { ...process.env, KUBECONFIG }, stdio: 'ignore' })
  try {
    for (let i = 0; i < 100; i++) {
      const last = (await history(helm, 'carts', namespace)).at(-1)
      if (last?.status === 'pending-upgrade') return
      await new Promise(resolve => setTimeout(resolve, 200))
    }
    throw new Error('helm never stored a pending-upgrade revision')
  } finally {
    child.kill('SIGKILL')
  }
}

describe.each(HELMS)('Istio VirtualService weights with %s', (label, helm) => {
  const fx: Fixture = fixture(helm, label === 'Helm 3' ? 'i3' : 'i4')
  beforeAll(() => installIstioCrds())
  afterAll(() => deleteNamespaces(fx.suffix))

  it('keeps the mesh on the live colour while the new one is tested, and switches it on promote', async () => {
    const ns = fx.namespace('staging')
    const deploy = async (tag: string) => {
      const ctx = runContext(fx, { stage: 'staging', strategy: 'blue_green_service', tag })
      await runStep(ctx, deployStep)
      expect(ctx.results.deploy!.traffic).toBe('istio')
      return ctx
    }
    const first = await deploy('0.8.1')
    expect(await weights(ns)).toBeUndefined()
    await promote(first)
    expect(await weights(ns)).toEqual({ blue: 100, green: 0 })
    const second = await deploy('0.8.2')
    expect(await weights(ns)).toEqual({ blue: 100, green: 0 })
    await promote(second)
    expect(await weights(ns)).toEqual({ green: 100, blue: 0 })
    await reject(await deploy('0.8.3'))
    expect(await weights(ns)).toEqual({ green: 100, blue: 0 })
    expect(await stableSelector(ns)).toMatchObject({ colour: 'green' })
  })
})

async function installIstioCrds(): Promise<void> {
  await kubectl(['apply', '--server-side', '-f', path.join(REPO, 'e2e/cluster/istio-crds.yaml')])
  await kubectl([
    'wait',
    '--for=condition=Established',
    '--timeout=60s',
    'crd/virtualservices.networking.istio.io'
  ])
}

async function weights(namespace: string) {
  const vs = await getJson('virtualservices.networking.istio.io', 'carts', namespace)
  return vs ? weightsOf(vs, 'carts') : undefined
}
