/**
 * The test cluster's node is real: a pod's container is a process on this host serving what its image
 * bakes in, pods find services by their cluster names, and a client sending requests through the stable Service while a blue/green switch, a
 * blue/green rejection and a direct rollback happen loses none of them. The figures are printed.
 */
import { execFileSync, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { promote, reject } from '../../src/deployment/strategies/index.js'
import { deployStep } from '../../src/stages/deploy.js'
import { runStep } from '../helpers/context.js'
import { deleteNamespaces, fixture, getJson, HELMS, kubectl, runContext } from '../helpers/deploy-cluster.js'
import { REPO } from '../helpers/paths.js'

jest.setTimeout(180_000)

const fx = fixture(HELMS[0][1], 'rn')
let loadClient: string

beforeAll(() => {
  // The carts binaries of e2e/images (cached): their `load` mode is the client.
  const dir = execFileSync('bash', [path.join(REPO, 'e2e/images/build.sh')], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1)!
  loadClient = path.join(dir, 'bin/carts-0.8.1')
})
afterAll(() => deleteNamespaces(fx.suffix))

interface PodJson {
  metadata: { name: string }
  status: { podIP: string; containerStatuses: { containerID: string }[] }
}

interface Load {
  sent: number
  ok: number
  failed: number
  versions: Record<string, number>
  errors: Record<string, number>
  maxMs: number
}

/** The host process whose cgroup names the container, running the image's entrypoint. */
function hostProcessOf(containerId: string): string | undefined {
  return readdirSync('/proc')
    .filter(entry => /^\d+$/.test(entry))
    .find(pid => {
      try {
        return (
          readFileSync(`/proc/${pid}/cgroup`, 'utf8').includes(containerId) &&
          readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === '/carts'
        )
      } catch {
        return false // exited while we looked
      }
    })
}

async function clusterIp(service: string, namespace: string): Promise<string> {
  return (await getJson<{ spec: { clusterIP: string } }>('service', service, namespace))!.spec.clusterIP
}

/**
 * Sends 20 requests a second (a new connection each) to the stable service for `seconds`, runs `action`
 * after the first 1.5 s, and returns what the client saw.
 */
async function underLoad(url: string, seconds: number, action: () => Promise<unknown>): Promise<Load> {
  const child = spawn(loadClient, ['load', '-url', url, '-rate', '20', '-duration', `${seconds}s`], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let out = ''
  child.stdout.on('data', chunk => (out += chunk))
  const done = new Promise<void>(resolve => child.on('close', () => resolve()))
  await new Promise(resolve => setTimeout(resolve, 1_500))
  const started = performance.now()
  await action()
  const took = (performance.now() - started) / 1000
  // The window must also cover what follows the action: the old pods' drain and termination.
  expect(took).toBeLessThan(seconds - 1.5 - 6)
  await done
  return JSON.parse(out) as Load
}

function report(what: string, load: Load): string {
  const versions = Object.entries(load.versions)
    .map(([v, n]) => `${v} ×${n}`)
    .join(', ')
  const line = `${load.failed} failed of ${load.sent} requests (${versions}; slowest ${load.maxMs} ms)`
  console.log(`[real node] ${what}: ${line}${load.failed ? ` errors ${JSON.stringify(load.errors)}` : ''}`)
  return line
}

describe('the real node', () => {
  it("runs a pod's container as a process on this host, serving its image's version", async () => {
    const ns = fx.namespace('dev')
    await runStep(runContext(fx, { stage: 'dev', tag: '0.8.1' }), deployStep)
    const pods = JSON.parse(
      await kubectl(['get', 'pods', '-n', ns, '-l', 'app.kubernetes.io/instance=carts', '-o', 'json'])
    ) as { items: PodJson[] }
    expect(pods.items).toHaveLength(1)
    const pod = pods.items[0]
    const id = pod.status.containerStatuses[0].containerID.replace(/^containerd:\/\//, '')
    const pid = hostProcessOf(id)
    expect(pid).toBeDefined()
    // Its root is the image's file system (e2e/images writes this passwd), not the host's.
    expect(readFileSync(`/proc/${pid}/root/etc/passwd`, 'utf8')).toMatch(/^nobody:x:65534:/m)
    // The pod's address on the node's bridge answers from here with the version the image bakes in.
    const answer = await fetch(`http://${pod.status.podIP}:8080/version`)
    expect(await answer.json()).toMatchObject({ version: '0.8.1' })
  })

  it('lets a pod in another namespace reach that service by its cluster names (CoreDNS)', async () => {
    const ns = fx.namespace('dev') // carts 0.8.1 runs there since the test above
    const client = fx.namespace('client')
    await kubectl(['create', 'namespace', client])
    await kubectl(['-n', client, 'run', 'client', '--image=docker.io/keptnexamples/carts:0.8.3'])
    await kubectl(['-n', client, 'wait', '--for=condition=Ready', 'pod/client', '--timeout=60s'])
    for (const name of [`carts.${ns}`, `carts.${ns}.svc.cluster.local`]) {
      const get = ['/carts', 'get', '-timeout', '3s', `http://${name}/version`]
      const answer = await kubectl(['-n', client, 'exec', 'client', '--', ...get])
      expect(JSON.parse(answer)).toMatchObject({ version: '0.8.1' })
    }
  })

  it('a blue/green switch and a blue/green rejection under load lose no request', async () => {
    const ns = fx.namespace('staging')
    const deploy = async (tag: string) => {
      const ctx = runContext(fx, { stage: 'staging', strategy: 'blue_green_service', tag })
      await runStep(ctx, deployStep)
      return ctx
    }
    await promote(await deploy('0.8.1'))
    const url = `http://${await clusterIp('carts', ns)}/version`

    const next = await deploy('0.8.3')
    const switched = await underLoad(url, 14, () => promote(next))
    report('blue/green switch 0.8.1 -> 0.8.3 through the stable service', switched)
    expect(switched.failed).toBe(0)
    expect(Object.keys(switched.versions).sort()).toEqual(['0.8.1', '0.8.3'])

    const slow = await deploy('0.8.2')
    const rejected = await underLoad(url, 12, () => reject(slow))
    report('blue/green rejection of 0.8.2 (the stable service stays on 0.8.3)', rejected)
    expect(rejected.failed).toBe(0)
    // The rejected colour never took a request through the stable service.
    expect(Object.keys(rejected.versions)).toEqual(['0.8.3'])
  })

  it('blue/green: the stable service never moves to a colour without a ready pod of the new version', async () => {
    const ns = fx.namespace('staging')
    const ctx = runContext(fx, {
      stage: 'staging',
      strategy: 'blue_green_service',
      tag: '0.8.1',
      timeoutSeconds: 5
    })
    await runStep(ctx, deployStep)
    const colour = ctx.results.deploy!.colour!
    // The new colour's pods go away between its tests and the promote.
    await kubectl(['scale', 'deployment', `carts-${colour}`, '-n', ns, '--replicas=0'])
    await expect(promote(ctx)).rejects.toThrow(
      new RegExp(
        `^carts not switched to ${colour}: carts-${colour} in ${ns} routes to no ready pod( and 1 terminating pod of 0\\.8\\.1)?, not only to ready pods of 0\\.8\\.1`
      )
    )
    const stable = await getJson<{ spec: { selector: Record<string, string> } }>('service', 'carts', ns)
    expect(stable?.spec.selector.colour).not.toBe(colour)
  })

  it('a direct rollback under load loses no request', async () => {
    const ns = fx.namespace('prod')
    await runStep(runContext(fx, { stage: 'prod', tag: '0.8.1' }), deployStep)
    const url = `http://${await clusterIp('carts', ns)}/version`
    const failed = runContext(fx, { stage: 'prod', tag: '0.8.2' })
    await runStep(failed, deployStep)
    const rolledBack = await underLoad(url, 16, () => reject(failed, { toRevision: 1 }))
    report('direct rollback 0.8.2 -> 0.8.1 (helm rollback, rolling update)', rolledBack)
    expect(rolledBack.failed).toBe(0)
    const after = await fetch(url)
    expect(await after.json()).toMatchObject({ version: '0.8.1' })
  })
})
