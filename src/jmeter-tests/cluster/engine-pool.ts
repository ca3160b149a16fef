/**
 * JMeter's distributed mode in the cluster: opens a namespace with N `jmeter-server` engines and a
 * controller pod, sends them the tests, runs each workload from the controller while watching the engines,
 * brings the results file and the log back to the runner, and removes the namespace (also when anything
 * fails; a cancelled run's namespace is removed by the post step, and every pod ends by itself after its
 * lifetime).
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { LoadEngines } from '../../contracts/config.js'
import { describe, InputError, LoadEngineError } from '../../contracts/errors.js'
import type { Logger } from '../../contracts/reporter.js'
import type { ExecResult } from '../../programs/exec.js'
import {
  outcomeOf,
  splitLines,
  startClock,
  type JmeterLaunch,
  type JmeterOutcome
} from '../../programs/jmeter.js'
import type { Kubectl } from '../../programs/kubectl.js'
import {
  CONTROLLER,
  CONTROLLER_FILES,
  controllerCommand,
  ENGINE_SELECTOR,
  HELPER,
  loadNamespace,
  namespaceObject,
  podObjects,
  podProblem,
  podReady,
  startedEngines,
  TESTS_DIR,
  type EnginePlan,
  type PodJson
} from './engine-plan.js'
import { forgetLoadNamespace, recordLoadNamespace } from './leftovers.js'
import { testsUpload } from './tests-upload.js'

/** Pulling a 130 MB image and starting N JVMs. */
export const ENGINE_START_MS = 180_000
const POLL_MS = 1_000
const REMOVE_MS = 60_000
const FETCH_MS = 10 * 60_000

export interface PoolSettings {
  readonly engines: LoadEngines
  readonly stage: string
  /** Sent to every pod; a plan must lie inside it. */
  readonly jmeterDir: string
  /** The run's private temp dir (the post step's list of namespaces to remove). */
  readonly tempDir: string
  /** How long the tests may take in all: bounds every pod's life. */
  readonly testTimeoutMs: number
  readonly log: Logger
}

export class EnginePool {
  private constructor(
    private readonly kubectl: Kubectl,
    private readonly settings: PoolSettings,
    readonly namespace: string,
    private readonly controllerIp: string,
    private readonly engineIps: readonly string[]
  ) {}

  /** Throws LoadEngineError when the engines do not start (the namespace is removed first). */
  static async open(kubectl: Kubectl, settings: PoolSettings): Promise<EnginePool> {
    const upload = testsUpload(settings.jmeterDir)
    const plan: EnginePlan = {
      ...settings.engines,
      namespace: loadNamespace(settings.stage, randomBytes(3).toString('hex')),
      lifetimeSeconds: Math.ceil((settings.testTimeoutMs + ENGINE_START_MS + REMOVE_MS) / 1000)
    }
    recordLoadNamespace(settings.tempDir, plan.namespace)
    try {
      const started = performance.now()
      await kubectl.apply(plan.namespace, [namespaceObject(plan)])
      await kubectl.apply(plan.namespace, podObjects(plan))
      const pods = await waitReady(kubectl, plan)
      await Promise.all(pods.map(p => put(kubectl, plan.namespace, p.metadata.name, upload)))
      const ip = (name: string) => pods.find(p => p.metadata.name === name)!.status!.podIP!
      const engines = pods.filter(p => p.metadata.name !== CONTROLLER).map(p => p.status!.podIP!)
      settings.log.info(
        `${engines.length} JMeter engine(s) ready in namespace ${plan.namespace} ` +
          `(${engines.join(', ')}) in ${((performance.now() - started) / 1000).toFixed(1)} s`
      )
      return new EnginePool(kubectl, settings, plan.namespace, ip(CONTROLLER), engines)
    } catch (error) {
      await removeNamespace(kubectl, plan.namespace, settings)
      throw error
    }
  }

  /** One workload from the controller; an engine that dies ends it with that reason. */
  readonly launch = async (launch: JmeterLaunch): Promise<JmeterOutcome> => {
    const { files } = launch
    rmSync(files.dir, { recursive: true, force: true })
    mkdirSync(files.dir, { recursive: true })
    const script = `${TESTS_DIR}/${inTests(this.settings.jmeterDir, launch.script)}`
    const command = controllerCommand(script, this.controllerIp, this.engineIps, launch.properties)
    const stop = new AbortController()
    const watch = this.watchEngines(stop)
    const clock = startClock()
    let result: ExecResult
    let died: string | undefined
    try {
      result = await this.kubectl.execIn(this.namespace, CONTROLLER, command, {
        timeoutMs: launch.timeoutMs,
        signal: stop.signal,
        onOutput: launch.onLine ? splitLines(launch.onLine) : undefined
      })
    } finally {
      died = await watch.end()
    }
    await this.fetch(CONTROLLER_FILES.jtl, files.jtl)
    await this.fetch(CONTROLLER_FILES.log, files.log)
    const outcome = outcomeOf(result, clock, launch.timeoutMs, files)
    const started = startedEngines(result.stdout)
    const error =
      died ??
      (outcome.error === undefined && started.length < this.engineIps.length
        ? `only ${started.length} of ${this.engineIps.length} JMeter engines started (${started.join(', ') || 'none'})`
        : outcome.error)
    return { ...outcome, error }
  }

  async close(): Promise<void> {
    await removeNamespace(this.kubectl, this.namespace, this.settings)
  }

  /** Polls the engines while the controller runs; the first problem stops the controller. */
  private watchEngines(stop: AbortController): { end(): Promise<string | undefined> } {
    let problem: string | undefined
    let running = true
    const loop = (async () => {
      while (running && !problem) {
        await sleep(POLL_MS)
        if (!running) break
        const pods = await this.kubectl
          .listJson<PodJson>('pods', this.namespace, ENGINE_SELECTOR)
          .catch(() => undefined)
        if (!pods) continue
        const gone = this.engineIps.length - pods.length
        const bad = pods.map(p => [p, podProblem(p)] as const).find(([, why]) => why)
        if (bad)
          problem = `JMeter engine ${bad[0].metadata.name} (${bad[0].status?.podIP ?? 'no IP'}) ${bad[1]} mid-test`
        else if (gone > 0) problem = `${gone} JMeter engine pod(s) disappeared mid-test`
        if (problem) stop.abort()
      }
    })()
    return {
      end: async () => {
        running = false
        await loop
        return problem
      }
    }
  }

  /** A file of the controller pod to the runner; none when it does not exist (JMeter did not write it). */
  private async fetch(podFile: string, local: string): Promise<void> {
    const result = await this.kubectl.execIn(this.namespace, CONTROLLER, [HELPER, 'cat', podFile], {
      stdoutFile: local,
      timeoutMs: FETCH_MS
    })
    if (result.exitCode !== 0) rmSync(local, { force: true })
  }
}

/** Until every pod is ready, the first that cannot start fails it, or the deadline. */
async function waitReady(kubectl: Kubectl, plan: EnginePlan): Promise<PodJson[]> {
  const deadline = performance.now() + ENGINE_START_MS
  const expected = plan.count + 1
  for (;;) {
    const pods = await kubectl.listJson<PodJson>('pods', plan.namespace)
    for (const pod of pods) {
      const why = podProblem(pod)
      if (why) {
        const said = lastWords(await kubectl.logsTail(plan.namespace, pod.metadata.name, 20))
        throw new LoadEngineError(
          `JMeter pod ${pod.metadata.name} (image ${plan.image}) did not start: ${why}${said ? `; it said: ${said}` : ''}`
        )
      }
    }
    if (pods.length === expected && pods.every(podReady)) return pods
    if (performance.now() > deadline) {
      const waiting = pods.filter(p => !podReady(p)).map(p => p.metadata.name)
      throw new LoadEngineError(
        `JMeter pods not ready within ${ENGINE_START_MS / 1000} s in ${plan.namespace}: ${waiting.join(', ') || 'none created'}`
      )
    }
    await sleep(POLL_MS)
  }
}

/** The last lines that say something (not log4j's start-up warnings), on one line. */
function lastWords(log: string): string {
  const lines = log.split('\n').map(l => l.trim())
  return lines
    .filter(l => l && !l.startsWith('WARN StatusConsoleListener'))
    .slice(-3)
    .join(' / ')
}

async function put(kubectl: Kubectl, namespace: string, pod: string, upload: string): Promise<void> {
  const result = await kubectl.execIn(namespace, pod, [HELPER, 'put', TESTS_DIR], {
    input: upload,
    timeoutMs: FETCH_MS
  })
  if (result.exitCode !== 0)
    throw new LoadEngineError(`the tests could not be sent to JMeter pod ${pod}: ${result.stderr.trim()}`)
}

/** The plan's path inside the tests folder of the pods: it must lie inside the jmeter dir that is sent. */
function inTests(jmeterDir: string, script: string): string {
  const relative = path.relative(jmeterDir, script)
  if (relative.startsWith('..') || path.isAbsolute(relative))
    throw new InputError(
      'jmeter-dir',
      `the folder that holds the plans with load-engines (only it is sent to the pods), not one beside ${script}`,
      jmeterDir
    )
  return relative.split(path.sep).join('/')
}

/** Deletes the namespace and waits until it is gone (bounded): "nothing left" must be true when we say so. */
async function removeNamespace(kubectl: Kubectl, namespace: string, settings: PoolSettings): Promise<void> {
  try {
    const started = performance.now()
    await kubectl.deleteNamespace(namespace)
    const deadline = started + REMOVE_MS
    while (await kubectl.getJson('namespace', namespace, 'default')) {
      if (performance.now() > deadline) {
        settings.log.warning(`namespace ${namespace} is still being removed after ${REMOVE_MS / 1000} s`)
        return
      }
      await sleep(POLL_MS)
    }
    forgetLoadNamespace(settings.tempDir, namespace)
    settings.log.info(
      `namespace ${namespace} removed in ${((performance.now() - started) / 1000).toFixed(1)} s`
    )
  } catch (error) {
    settings.log.warning(`namespace ${namespace} of the JMeter engines was not removed: ${describe(error)}`)
  }
}
