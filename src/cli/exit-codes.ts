/** Exit codes shared by every command: 0 done (pass or warning), 1 gate failed, 2 unusable input. */
import { ConfigFileError, InputError } from '../errors.js'

export const EXIT = { ok: 0, failed: 1, unusable: 2 } as const

export function exitCodeFor(error: unknown): number {
  return error instanceof InputError || error instanceof ConfigFileError ? EXIT.unusable : EXIT.failed
}
