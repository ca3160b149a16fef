/** Loads a shipyard from text or file, or gives the embedded default. */
import type { Shipyard } from '../contracts/plan.js'
import { parseUserFile } from '../files/user-file.js'
import { parseYaml } from '../files/yaml-file.js'
import { readV01 } from './v01.js'
import { readV02 } from './v02.js'

export function parseShipyard(text: string, file: string): Shipyard {
  const src = parseYaml(text, file)
  const apiVersion = (src.value as { apiVersion?: unknown } | null)?.apiVersion
  return apiVersion === undefined ? readV01(src) : readV02(src)
}

export async function loadShipyard(file: string | undefined): Promise<Shipyard> {
  if (file === undefined) return DEFAULT_SHIPYARD
  return parseUserFile(file, 'yaml', text => parseShipyard(text, file))
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
