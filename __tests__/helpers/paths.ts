/** Where tests find the repository, the bundle and the shared reference data. */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SHARED_DATA = path.resolve(REPO, '../shared/data')
export const KEPTN_EXAMPLES = path.join(SHARED_DATA, 'keptn-examples')
export const DIST_ACTION = path.join(REPO, 'dist/index.js')
export const DIST_CLI = path.join(REPO, 'dist/cli/index.js')
