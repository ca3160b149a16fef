/** Reads a JSON file the user gave (history, SLI values); an unreadable one names the file. */
import { readFileSync } from 'node:fs'
import { ConfigFileError } from '../errors.js'

export function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown
  } catch (error) {
    throw new ConfigFileError(
      file,
      undefined,
      `is not readable JSON (${error instanceof Error ? error.message : String(error)})`
    )
  }
}
