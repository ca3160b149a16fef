/** SLI values given directly (`--values FILE.json`): a JSON object of SLI name to number or null. */
import { readFileSync } from 'node:fs'
import { ConfigFileError } from '../errors.js'

export function loadValues(file: string): Record<string, number | null> {
  let value: unknown
  try {
    value = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ConfigFileError(
      file,
      undefined,
      `is not readable JSON (${error instanceof Error ? error.message : String(error)})`
    )
  }
  return checkValues(value, file)
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
