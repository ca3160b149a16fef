/**
 * Which digest an archive must have, and whether a file has it.
 *
 * The pinned table (versions.ts) can be extended or overridden, never switched off: an extra entry is
 * `"<archive file name>": "sha256:<64 hex>"` (or `sha512:<128 hex>`), given to the installer as its
 * `checksums` option or in a JSON file named by CARTS_DEPLOY_CHECKSUMS_FILE. Tests use this to serve
 * archives assembled locally (whose bytes differ from the published ones); a mirror that rebuilds a
 * version could use it too. Anything that is not a well-formed digest is an error, not a skip.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { ConfigFileError } from '../contracts/errors.js'
import { readUserJson } from '../files/user-file.js'
import { pinnedDigests, type Digest } from './versions.js'

export const CHECKSUMS_FILE_ENV = 'CARTS_DEPLOY_CHECKSUMS_FILE'

/** Archive file name -> `sha256:<hex>` or `sha512:<hex>`. */
export type ChecksumEntries = Readonly<Record<string, string>>

export interface ResolvedDigest extends Digest {
  /** Where the value came from, for the log: 'pinned' or the override's origin. */
  readonly origin: string
}

const ARCHIVE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/
const HEX_LENGTH = { sha256: 64, sha512: 128 } as const

/** `sha256:<hex>` / `sha512:<hex>` -> Digest; undefined when malformed. */
export function parseDigest(text: string): Digest | undefined {
  const match = /^(sha256|sha512):([0-9a-fA-F]+)$/.exec(text.trim())
  if (!match) return undefined
  const algorithm = match[1] as Digest['algorithm']
  const hex = match[2].toLowerCase()
  return hex.length === HEX_LENGTH[algorithm] ? { algorithm, hex } : undefined
}

/** Validates extra entries; one bad entry rejects them all, so a typo cannot silently fall back. */
export function parseEntries(entries: unknown, origin: string): Map<string, ResolvedDigest> {
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    throw new ConfigFileError(origin, undefined, 'expected a JSON object of "<archive>": "sha256:<hex>"')
  }
  const parsed = new Map<string, ResolvedDigest>()
  for (const [name, value] of Object.entries(entries)) {
    const digest = typeof value === 'string' ? parseDigest(value) : undefined
    if (!ARCHIVE_NAME.test(name) || !digest) {
      const why = `entry ${JSON.stringify(name)} must map an archive file name to "sha256:<64 hex>" or "sha512:<128 hex>"`
      throw new ConfigFileError(origin, undefined, why)
    }
    parsed.set(name, { ...digest, origin })
  }
  return parsed
}

/** The entries of the file named by CARTS_DEPLOY_CHECKSUMS_FILE, if set. */
export async function readEntriesFile(
  env: NodeJS.ProcessEnv = process.env
): Promise<Map<string, ResolvedDigest>> {
  const file = env[CHECKSUMS_FILE_ENV]
  if (!file) return new Map()
  return parseEntries(readUserJson(file), file)
}

/** Layers, last wins: pinned table, CARTS_DEPLOY_CHECKSUMS_FILE, the caller's entries. */
export async function checksumTable(extra?: ChecksumEntries): Promise<Map<string, ResolvedDigest>> {
  const table = new Map<string, ResolvedDigest>()
  for (const [name, digest] of pinnedDigests()) table.set(name, { ...digest, origin: 'pinned' })
  for (const [name, digest] of await readEntriesFile()) table.set(name, digest)
  if (extra) for (const [name, digest] of parseEntries(extra, 'checksums option')) table.set(name, digest)
  return table
}

/** Hashes a file as a stream: archives can be tens of MB. */
export async function fileDigest(file: string, algorithm: Digest['algorithm']): Promise<string> {
  const hash = createHash(algorithm)
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
