/** SLI values given directly (`--values FILE.json`): a JSON object of SLI name to number or null. */
import { ConfigFileError } from '../contracts/errors.js'
import { readUserJson } from '../files/user-file.js'

export function loadValues(file: string): Record<string, number | null> {
  return checkValues(readUserJson(file), file)
}

export function checkValues(value: unknown, file = 'values'): Record<string, number | null> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigFileError(file, undefined, 'expected a JSON object of SLI name to number (or null)')
  }
  const out: Record<string, number | null> = {}
  for (const [name, v] of Object.entries(value)) {
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) {
      throw new ConfigFileError(
        file,
        undefined,
        `${JSON.stringify(name)}: expected a number or null, got ${JSON.stringify(v)}`
      )
    }
    out[name] = v
  }
  return out
}
