/** The blue/green post-renderer (dist/post-render), run by the node that runs the action. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Colouring } from '../charts/colouring.js'
import { SetupError } from '../contracts/errors.js'
import type { PostRenderer } from '../programs/helm.js'

const here = path.dirname(fileURLToPath(import.meta.url))
// From dist/index.js, dist/cli/index.js, and the sources the tests run (src/deployment/).
const CANDIDATES = ['post-render', '../post-render', '../../dist/post-render'].map(dir =>
  path.join(here, dir, 'index.js')
)

export function postRendererFor({ colour, service, release }: Colouring): PostRenderer {
  const script = CANDIDATES.find(file => existsSync(file))
  if (!script)
    throw new SetupError(`the blue/green post-renderer is missing (${CANDIDATES[0]}): dist/ is incomplete`)
  return { node: process.execPath, script, args: [colour, service, release] }
}
