/**
 * The jmeter dir's files (plans, CSV data, properties) as the one JSON document jmeter-pod's `put` reads from
 * stdin: every pod gets the same working folder, because engines resolve a plan's data files against it.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../../contracts/errors.js'

/** The files in all, sent to every pod on the stdin of `kubectl exec` (base64 in JSON: a third more). */
export const MAX_TESTS_BYTES = 64 * 1024 * 1024

export interface UploadedFile {
  /** Relative to the jmeter dir, with forward slashes as the pod's file system wants. */
  readonly path: string
  readonly mode: number
  /** The contents in base64. */
  readonly data: string
}

/**
 * Every file under `jmeterDir`, symbolic links followed (data files are often links), as JSON. A link back to a
 * folder being walked is refused naming it: followed, it would repeat the folder until the size cap.
 */
export function testsUpload(jmeterDir: string): string {
  const files: UploadedFile[] = []
  let bytes = 0
  const walk = (dir: string, walking: ReadonlySet<string>) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      const stat = statSync(full)
      if (stat.isDirectory()) {
        const real = realpathSync(full)
        if (walking.has(real))
          throw new InputError(
            'jmeter-dir',
            `a folder without links back to itself (${path.relative(jmeterDir, full)} leads back to ${real})`,
            jmeterDir
          )
        walk(full, new Set([...walking, real]))
      } else if (stat.isFile()) {
        bytes += stat.size
        if (bytes > MAX_TESTS_BYTES)
          throw new InputError(
            'jmeter-dir',
            `at most ${MAX_TESTS_BYTES / 1024 / 1024} MB of files with load-engines (all are sent to every pod)`,
            jmeterDir
          )
        const relative = path.relative(jmeterDir, full).split(path.sep).join('/')
        files.push({ path: relative, mode: stat.mode & 0o777, data: readFileSync(full).toString('base64') })
      }
    }
  }
  walk(jmeterDir, new Set([realpathSync(jmeterDir)]))
  return JSON.stringify({ files })
}
