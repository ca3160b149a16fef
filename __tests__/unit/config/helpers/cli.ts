/**
 * The command line the CLI tests run: `node dist/cli/index.js` when that bundle has the config command,
 * otherwise a bundle of helpers/cli-entry.ts that ncc builds once into a temporary directory.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function cliEntry(): { path: string; cleanup: () => void } {
  const dist = join(process.cwd(), 'dist', 'cli', 'index.js')
  if (existsSync(dist) && spawnSync('node', [dist, 'config', 'set-image', '--help']).status === 0) {
    return { path: dist, cleanup: () => {} }
  }
  const out = mkdtempSync(join(tmpdir(), 'carts-config-cli-'))
  const entry = join(process.cwd(), '__tests__', 'unit', 'config', 'helpers', 'cli-entry.ts')
  // --transpile-only: other parts of the project may not type-check while they are being written.
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '-q', '-t'], { stdio: 'ignore' })
  return { path: join(out, 'index.js'), cleanup: () => rmSync(out, { recursive: true, force: true }) }
}
