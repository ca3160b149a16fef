/** Loads a shipyard from text or file, or gives the embedded default. */
import { readFile } from 'node:fs/promises'
import { ConfigFileError } from '../errors.js'
import type { Shipyard } from './shipyard-model.js'
import { readV01 } from './shipyard-v01.js'
import { readV02 } from './shipyard-v02.js'
import { parseYaml } from './yaml-file.js'

export function parseShipyard(text: string, file: string): Shipyard {
  const src = parseYaml(text, file)
  const apiVersion = (src.value as { apiVersion?: unknown } | null)?.apiVersion
  return apiVersion === undefined ? readV01(src) : readV02(src)
}

export async function loadShipyard(file: string | undefined): Promise<Shipyard> {
  if (file === undefined) return DEFAULT_SHIPYARD
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new ConfigFileError(
      file,
      undefined,
      `cannot read the shipyard (${(error as NodeJS.ErrnoException).code})`
    )
  }
  return parseShipyard(text, file)
}

/** The carts hackfest pipeline: used when no shipyard is given. */
export const DEFAULT_SHIPYARD: Shipyard = {
  source: '(embedded default)',
  stages: [
    {
      name: 'dev',
      deploymentStrategy: 'direct',
      testStrategy: 'functional',
      approval: { pass: 'automatic', warning: 'automatic' }
    },
    {
      name: 'staging',
      deploymentStrategy: 'blue_green_service',
      testStrategy: 'performance',
      approval: { pass: 'automatic', warning: 'automatic' }
    },
    {
      name: 'production',
      deploymentStrategy: 'blue_green_service',
      approval: { pass: 'automatic', warning: 'automatic' }
    }
  ]
}
