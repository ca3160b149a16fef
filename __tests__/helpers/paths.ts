/** Where tests find the repository, the bundle and the external data. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** Files others wrote, beside this repository in its own CI only: the external tier reads them. */
export const SHARED_DATA = path.resolve(REPO, '../shared/data')
export const HAVE_SHARED_DATA = existsSync(SHARED_DATA)
export const DIST_ACTION = path.join(REPO, 'dist/index.js')
export const DIST_CLI = path.join(REPO, 'dist/cli/index.js')
