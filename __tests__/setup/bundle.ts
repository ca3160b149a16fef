/** bundle tier: dist/ as the sources build it, so these tests run what users run after `npm run package`. */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export default function setup(): void {
  execFileSync('node', [path.join(REPO, 'scripts/package.mjs')], {
    stdio: ['ignore', 2, 2],
    timeout: 10 * 60_000
  })
}
