import { describe, expect, it } from '@jest/globals'
import { buildConfig, type RawInputs } from '../../../src/inputs/build-config.js'
import {
  controllerCommand,
  engineAddress,
  loadNamespace,
  podObjects,
  podProblem,
  podReady,
  startedEngines,
  type EnginePlan,
  type PodJson
} from '../../../src/jmeter-tests/cluster/engine-plan.js'

const plan: EnginePlan = {
  count: 2,
  image: 'registry.example.com/jmeter:5.6.3',
  namespace: 'carts-load-staging-a1b2c3',
  lifetimeSeconds: 3900
}

describe('the objects of a distributed run', () => {
  interface Container {
    image: string
    command: string[]
    workingDir: string
    securityContext: { readOnlyRootFilesystem: boolean }
    readinessProbe: { tcpSocket: { port: number } }
  }
  interface Spec {
    activeDeadlineSeconds: number
    restartPolicy: string
    automountServiceAccountToken: boolean
    containers: Container[]
  }
  const objects = podObjects(plan) as { kind: string; metadata: { name: string }; spec: Spec }[]

  it('are a policy, N engines and a controller, all ending by themselves', () => {
    expect(objects.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([
      'NetworkPolicy/jmeter-only',
      'Pod/jmeter-engine-0',
      'Pod/jmeter-engine-1',
      'Pod/jmeter-controller'
    ])
    for (const pod of objects.slice(1)) {
      expect(pod.spec.activeDeadlineSeconds).toBe(3900)
      expect(pod.spec.restartPolicy).toBe('Never')
      expect(pod.spec.automountServiceAccountToken).toBe(false)
      expect(pod.spec.containers[0].image).toBe(plan.image)
      expect(pod.spec.containers[0].securityContext.readOnlyRootFilesystem).toBe(true)
      // The engines resolve data files against their working directory: it must be the controller's.
      expect(pod.spec.containers[0].workingDir).toBe('/work/tests')
    }
  })

  it('start engines that tell RMI their pod IP, without TLS, and a controller that holds', () => {
    const engine = objects[1].spec.containers[0]
    expect(engine.command).toEqual(
      expect.arrayContaining(['-s', '-Djava.rmi.server.hostname=$(POD_IP)', '-Jserver.rmi.ssl.disable=true'])
    )
    expect(engine.readinessProbe.tcpSocket.port).toBe(1099)
    expect(objects[3].spec.containers[0].command).toEqual(['/usr/local/bin/jmeter-pod', 'hold', '3900'])
  })

  it('let only the namespace own pods reach them', () => {
    expect(objects[0].spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: {} }] }]
    })
  })
})

describe('the controller', () => {
  it('drives the engines by address and sends every property to them as a global', () => {
    const command = controllerCommand('/work/tests/load.jmx', '10.88.1.9', ['10.88.1.5', 'fd00::6'], {
      VUCount: '10'
    })
    expect(command.slice(0, 5)).toEqual([
      '/opt/java/bin/java',
      '-XX:MaxRAMPercentage=75',
      '-XX:+ExitOnOutOfMemoryError',
      '-Djava.rmi.server.hostname=10.88.1.9',
      '-jar'
    ])
    expect(command).toEqual(
      expect.arrayContaining(['-R', '10.88.1.5:1099,[fd00::6]:1099', '-JVUCount=10', '-GVUCount=10'])
    )
    expect(command).toContain('-Gjmeter.save.saveservice.output_format=csv')
    expect(command).toContain('-Jserver.rmi.ssl.disable=true')
    expect(command).not.toContain('-e')
  })

  it('reads which engines JMeter started', () => {
    expect(startedEngines('x\nRemote engines have been started:[10.88.1.5:1099, 10.88.1.6:1099]\n')).toEqual([
      '10.88.1.5:1099',
      '10.88.1.6:1099'
    ])
    expect(startedEngines('Failed to configure 10.88.1.5:1099')).toEqual([])
    expect(engineAddress('10.0.0.1')).toBe('10.0.0.1:1099')
  })

  it('names the namespace of a run after the stage, within a DNS label', () => {
    expect(loadNamespace('staging', 'a1b2c3')).toBe('carts-load-staging-a1b2c3')
    expect(loadNamespace('x'.repeat(70), 'a1b2c3').length).toBeLessThanOrEqual(63)
  })
})

describe('what a pod status says', () => {
  const pod = (status: PodJson['status'], deleted?: string): PodJson => ({
    metadata: { name: 'jmeter-engine-1', ...(deleted ? { deletionTimestamp: deleted } : {}) },
    status
  })

  it('an engine that runs and listens is ready and has no problem', () => {
    const ok = pod({ phase: 'Running', podIP: '10.88.1.5', containerStatuses: [{ ready: true, state: {} }] })
    expect([podReady(ok), podProblem(ok)]).toEqual([true, undefined])
    const starting = pod({
      phase: 'Pending',
      containerStatuses: [{ state: { waiting: { reason: 'ContainerCreating' } } }]
    })
    expect([podReady(starting), podProblem(starting)]).toEqual([false, undefined])
  })

  it('a killed, failed, unpullable, unschedulable or deleted one says why', () => {
    const killed = pod({
      phase: 'Failed',
      containerStatuses: [{ state: { terminated: { exitCode: 137, reason: 'Error' } } }]
    })
    expect(podProblem(killed)).toBe('ended: exit code 137 (Error)')
    const pull = pod({
      phase: 'Pending',
      containerStatuses: [
        { state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "x"' } } }
      ]
    })
    expect(podProblem(pull)).toBe('ImagePullBackOff: Back-off pulling image "x"')
    const deadline = pod({ phase: 'Failed', reason: 'DeadlineExceeded', message: 'Pod was active too long' })
    expect(podProblem(deadline)).toBe('ended: DeadlineExceeded: Pod was active too long')
    const unschedulable = pod({
      phase: 'Pending',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message: '0/1 nodes: Insufficient memory'
        }
      ]
    })
    expect(podProblem(unschedulable)).toBe('cannot be scheduled: 0/1 nodes: Insufficient memory')
    expect(podProblem(pod({ phase: 'Running' }, '2026-12-03T00:00:00Z'))).toBe('was deleted')
  })
})

describe('the load-engines and jmeter-image inputs', () => {
  const env = { workspace: '/work/ws', repository: 'org/app' }
  const build = (raw: RawInputs) => buildConfig({ tag: '0.8.1', stage: 'dev', ...raw }, env)

  it('default to JMeter on the runner', () => {
    expect(build({}).loadEngines).toBeUndefined()
    expect(build({ 'load-engines': '0', 'jmeter-image': 'j:1' }).loadEngines).toBeUndefined()
  })

  it('give engines and an image', () => {
    expect(
      build({ 'load-engines': '3', 'jmeter-image': 'registry.example.com:5000/perf/jmeter:5.6.3' })
        .loadEngines
    ).toEqual({
      count: 3,
      image: 'registry.example.com:5000/perf/jmeter:5.6.3'
    })
    const digest = `jmeter@sha256:${'a'.repeat(64)}`
    expect(build({ 'load-engines': '1', 'jmeter-image': digest }).loadEngines?.image).toBe(digest)
  })

  it('refuse a count that is not a whole number from 0 to 50, or engines without an image', () => {
    expect(() => build({ 'load-engines': 'two' })).toThrow(
      `Input 'load-engines': expected a whole number from 0 to 50, got "two"`
    )
    expect(() => build({ 'load-engines': '51' })).toThrow('a whole number from 0 to 50')
    expect(() => build({ 'load-engines': '-1' })).toThrow('a whole number from 0 to 50')
    expect(() => build({ 'load-engines': '2' })).toThrow(
      "Input 'jmeter-image': expected an image for the 2 load engine(s) of load-engines (none is given)"
    )
  })

  it('refuse an image without a tag or digest, or with a bad name', () => {
    for (const image of [
      'jmeter',
      'Registry/JMeter:1',
      'jmeter:bad tag',
      'jmeter@sha256:short',
      'j:1@sha256:x'
    ])
      expect(() => build({ 'load-engines': '1', 'jmeter-image': image })).toThrow(
        "Input 'jmeter-image': expected an image with a tag or digest"
      )
  })
})
