/** The CLI as users run it: the bundle the bundle tier's setup has just built from the sources. */
import { DIST_CLI } from './paths.js'

export function cliEntry(): { path: string; cleanup: () => void } {
  return { path: DIST_CLI, cleanup: () => undefined }
}
