/**
 * Pure: the objects of a distributed JMeter run in the cluster (a namespace of its own, N `jmeter-server`
 * engines and a controller pod that the runner drives with `kubectl exec`), the controller's command line,
 * and what a pod's status says about an engine. The image's layout is the contract (e2e/images/build.sh):
 * a JRE at /opt/java, JMeter at /opt/jmeter and the `jmeter-pod` helper (the image has no shell).
 */
import type { LoadEngines } from '../../contracts/config.js'
import { distributedArgs, RMI_PROPERTIES } from '../../programs/jmeter.js'

export const JAVA = '/opt/java/bin/java'
export const JMETER_JAR = '/opt/jmeter/bin/ApacheJMeter.jar'
export const HELPER = '/usr/local/bin/jmeter-pod'
/** The tests' folder in every pod, and every JVM's working directory: the engines resolve a plan's data files (items.csv) against their own working directory joined with the controller's, so all must be the same. */
export const TESTS_DIR = '/work/tests'
export const RUN_DIR = '/work/run'
/** Where the controller writes the results and its log (fetched to the runner afterwards). */
export const CONTROLLER_FILES = { jtl: `${RUN_DIR}/results.jtl`, log: `${RUN_DIR}/jmeter.log` } as const
export const CONTROLLER = 'jmeter-controller'
export const ENGINE_PORT = 1099
/** Marks every object of a run, for the post step and for people looking at the cluster. */
export const MANAGED_BY = {
  'app.kubernetes.io/managed-by': 'carts-deploy',
  'app.kubernetes.io/name': 'jmeter'
}
export const ROLE_LABEL = 'carts-deploy.io/load-role'
export const ENGINE_SELECTOR = `${ROLE_LABEL}=engine`

/** Heap from the container's memory limit, not the node's. */
const JVM_OPTIONS = ['-XX:MaxRAMPercentage=75', '-XX:+ExitOnOutOfMemoryError']

export interface EnginePlan extends LoadEngines {
  readonly namespace: string
  /** Every pod ends after this long, even if the runner that made it is gone. */
  readonly lifetimeSeconds: number
}

/** `carts-load-<stage>-<random>`: one namespace per run, never one a user owns. */
export function loadNamespace(stage: string, random: string): string {
  return `carts-load-${stage.slice(0, 40)}-${random}`.replace(/-+$/, '')
}

export function engineName(index: number): string {
  return `jmeter-engine-${index}`
}

export function namespaceObject(plan: EnginePlan): object {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: plan.namespace, labels: MANAGED_BY } }
}

/** The namespace's objects: engines and controller, and a policy that lets only them reach each other. */
export function podObjects(plan: EnginePlan): object[] {
  const engines = Array.from({ length: plan.count }, (_, i) =>
    pod(plan, engineName(i), 'engine', {
      command: [
        JAVA,
        ...JVM_OPTIONS,
        // RMI tells the controller to call back on this address: the pod's, not its unresolvable name.
        '-Djava.rmi.server.hostname=$(POD_IP)',
        '-jar',
        JMETER_JAR,
        '-s',
        `-Jserver_port=${ENGINE_PORT}`,
        ...Object.entries(RMI_PROPERTIES).map(([name, value]) => `-J${name}=${value}`),
        '-j',
        `${RUN_DIR}/jmeter-server.log`
      ],
      env: [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }],
      ports: [{ name: 'rmi', containerPort: ENGINE_PORT }],
      readinessProbe: { tcpSocket: { port: ENGINE_PORT }, periodSeconds: 1, failureThreshold: 1 }
    })
  )
  const controller = pod(plan, CONTROLLER, 'controller', {
    command: [HELPER, 'hold', String(plan.lifetimeSeconds)]
  })
  const policy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'jmeter-only', namespace: plan.namespace, labels: MANAGED_BY },
    spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }] }] }
  }
  return [policy, ...engines, controller]
}

function pod(plan: EnginePlan, name: string, role: 'engine' | 'controller', container: object): object {
  const volumes = [
    ['tests', TESTS_DIR],
    ['run', RUN_DIR],
    ['tmp', '/tmp']
  ] as const
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: plan.namespace, labels: { ...MANAGED_BY, [ROLE_LABEL]: role } },
    spec: {
      restartPolicy: 'Never',
      activeDeadlineSeconds: plan.lifetimeSeconds,
      terminationGracePeriodSeconds: 2,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      securityContext: { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534 },
      containers: [
        {
          name: 'jmeter',
          image: plan.image,
          imagePullPolicy: 'IfNotPresent',
          workingDir: TESTS_DIR,
          resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } },
          securityContext: {
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ['ALL'] }
          },
          volumeMounts: volumes.map(([volume, mountPath]) => ({ name: volume, mountPath })),
          ...container
        }
      ],
      volumes: volumes.map(([volume]) => ({ name: volume, emptyDir: {} }))
    }
  }
}

/** `10.88.1.5:1099`, `[fd00::5]:1099`. */
export function engineAddress(ip: string): string {
  return `${ip.includes(':') ? `[${ip}]` : ip}:${ENGINE_PORT}`
}

/** The controller's command, run in its pod: the plan at `script` (a path under TESTS_DIR). */
export function controllerCommand(
  script: string,
  controllerIp: string,
  engineIps: readonly string[],
  properties: Readonly<Record<string, string>>
): string[] {
  return [
    JAVA,
    ...JVM_OPTIONS,
    `-Djava.rmi.server.hostname=${controllerIp}`,
    '-jar',
    JMETER_JAR,
    ...distributedArgs(script, CONTROLLER_FILES, properties, engineIps.map(engineAddress))
  ]
}

/** The engines JMeter says it started (`Remote engines have been started:[a:1099, b:1099]`). */
export function startedEngines(output: string): string[] {
  const m = /Remote engines have been started:\[([^\]]*)\]/.exec(output)
  return m
    ? m[1]
        .split(',')
        .map(s => s.trim())
        .filter(Boolean)
    : []
}

export interface PodJson {
  readonly metadata: { readonly name: string; readonly deletionTimestamp?: string }
  readonly status?: {
    readonly phase?: string
    readonly podIP?: string
    readonly reason?: string
    readonly message?: string
    readonly conditions?: readonly { type: string; status: string; reason?: string; message?: string }[]
    readonly containerStatuses?: readonly {
      readonly ready?: boolean
      readonly state?: {
        readonly waiting?: { reason?: string; message?: string }
        readonly terminated?: { exitCode?: number; reason?: string; message?: string }
      }
    }[]
  }
}

/** Waiting reasons that do not pass by themselves. */
const STUCK =
  /^(ErrImagePull|ImagePullBackOff|InvalidImageName|ErrImageNeverPull|CreateContainerConfigError|CreateContainerError|CrashLoopBackOff|RunContainerError)$/

/** Why this pod cannot serve (any more), or undefined while it can or may still. */
export function podProblem(pod: PodJson): string | undefined {
  if (pod.metadata.deletionTimestamp) return 'was deleted'
  const status = pod.status ?? {}
  const container = status.containerStatuses?.[0]?.state
  const terminated = container?.terminated
  if (terminated)
    return `ended: exit code ${terminated.exitCode ?? '?'} (${terminated.reason ?? 'no reason'})${terminated.message ? `: ${terminated.message.trim()}` : ''}`
  if (status.phase === 'Failed' || status.phase === 'Succeeded')
    return `ended: ${status.reason ?? status.phase}${status.message ? `: ${status.message}` : ''}`
  const waiting = container?.waiting
  if (waiting?.reason && STUCK.test(waiting.reason))
    return `${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}`
  const unschedulable = status.conditions?.find(
    c => c.type === 'PodScheduled' && c.reason === 'Unschedulable'
  )
  if (unschedulable) return `cannot be scheduled: ${unschedulable.message ?? 'no node fits'}`
  return undefined
}

export function podReady(pod: PodJson): boolean {
  return !!pod.status?.podIP && pod.status.containerStatuses?.[0]?.ready === true
}
