/** e2e tier: start the real test cluster once (idempotent) and hand its kubeconfig and helm paths to the tests. */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Loaded by Jest before any resolver runs: no imports of the project's TS modules here.
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export default function setup(): void {
  execFileSync('bash', [path.join(REPO, 'e2e/cluster/start.sh')], { stdio: 'inherit', timeout: 60 * 60_000 })
  // The real JMeter the tests install from a loopback mirror (idempotent; seconds when cached).
  execFileSync('bash', [path.join(REPO, 'e2e/jmeter/assemble.sh')], {
    stdio: 'inherit',
    timeout: 20 * 60_000
  })
  const cache = process.env.CARTS_CACHE ?? path.join(process.env.HOME ?? '/root', '.cache/carts-deploy')
  const env = JSON.parse(readFileSync(path.join(cache, 'cluster/run/env.json'), 'utf8')) as Record<
    string,
    string
  >
  // The JSON keys as they are (kubeconfig, helm3, ...) and the names env.sh exports.
  for (const [name, value] of Object.entries(env))
    process.env[name] = typeof value === 'string' ? value : JSON.stringify(value)
  Object.assign(process.env, {
    KUBECONFIG: env.kubeconfig,
    HELM3: env.helm3,
    HELM4: env.helm4,
    KUBECTL: env.kubectl
  })
}
