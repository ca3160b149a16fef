/** Stops the test cluster unless asked to keep it for the next run (KEEP_CLUSTER=1). */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Loaded by Jest before any resolver runs: no imports of the project's TS modules here.
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export default function teardown(): void {
  if (process.env.KEEP_CLUSTER === '1') return
  execFileSync('bash', [path.join(REPO, 'e2e/cluster/stop.sh')], { stdio: 'inherit', timeout: 120_000 })
}
