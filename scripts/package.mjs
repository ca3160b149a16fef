// Bundles the action entry, its post step, the blue/green post-renderer and the CLI with ncc into dist/ (what users run).
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const entries = [
  ['src/index.ts', 'dist'],
  ['src/post.ts', 'dist/post'],
  ['src/post-render.ts', 'dist/post-render'],
  ['src/cli/index.ts', 'dist/cli']
]
const ncc = path.resolve('node_modules/.bin/ncc')
const scratch = mkdtempSync(path.join(tmpdir(), 'carts-ncc-'))
entries.forEach(([entry, out], i) => {
  const built = path.join(scratch, String(i))
  execFileSync(ncc, ['build', entry, '-o', built, '--license', 'licenses.txt', '-q'], { stdio: 'inherit' })
  cpSync(built, path.join(scratch, out), { recursive: true })
})
// Swapped in only once everything built, so a failed build leaves the old dist/ whole.
rmSync('dist', { recursive: true, force: true })
cpSync(path.join(scratch, 'dist'), 'dist', { recursive: true })
rmSync(scratch, { recursive: true, force: true })
