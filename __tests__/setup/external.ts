/** external tier: says loudly when ../shared/data is not beside the repository, so its skips are never silent. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data')

export default function setup(): void {
  if (existsSync(SHARED)) return
  const line = '='.repeat(100)
  process.stderr.write(
    `\n${line}\nEXTERNAL TIER SKIPPED: ${SHARED} is not here. It holds real JMeter results and Keptn files that\n` +
      `others wrote, and lies beside this repository only in the project's own CI. The default tiers cover the\n` +
      `same code with the project's own fixtures (__tests__/fixtures).\n${line}\n\n`
  )
}
