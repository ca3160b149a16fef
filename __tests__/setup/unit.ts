/**
 * unit tier: the real programs its tests install from a loopback mirror, built once and cached: JMeter
 * 5.6.3 assembled from Maven Central, helm 3 and actionlint built from the Go module proxy. No test skips for a missing cache.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Loaded by Jest before any resolver runs: no imports of the project's TS modules here.
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export default function setup(): void {
  const run = (script: string, ...args: string[]) =>
    execFileSync('bash', [path.join(REPO, script), ...args], {
      stdio: ['ignore', 2, 2],
      timeout: 30 * 60_000
    })
  run('e2e/jmeter/assemble.sh')
  run('e2e/cluster/build.sh', 'helm3')
  run('scripts/actionlint.sh')
}
