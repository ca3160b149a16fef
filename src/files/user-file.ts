/**
 * The one way to read a file a user names (shipyard, slo.yaml, jmeter.conf.yaml, JSON inputs, kubeconfig):
 * a regular file, at most a size suited to its kind, as UTF-8 text. A FIFO, a device or a directory is refused
 * before a byte is read (opened non-blocking, so a FIFO cannot hang the run), and so is an oversized file.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { ConfigFileError } from '../contracts/errors.js'

const MiB = 1024 * 1024

/** How large each kind of user file may be: generous for real files, small enough to bound memory. */
export const USER_FILE_CAPS = {
  /** shipyard.yaml, slo.yaml, jmeter.conf.yaml: Keptn's largest examples are a few KiB. */
  yaml: MiB,
  /** History and SLI-value JSON files, which grow with the evaluations they hold. */
  json: 16 * MiB,
  /** Kubeconfig and checksum lists. */
  small: MiB
} as const

export type UserFileKind = keyof typeof USER_FILE_CAPS

export function readUserFile(file: string, kind: UserFileKind): string {
  const cap = USER_FILE_CAPS[kind]
  let fd: number
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    throw new ConfigFileError(file, undefined, `cannot be read (${errorCode(error)})`)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw new ConfigFileError(file, undefined, 'is not a regular file')
    if (stat.size > cap) throw tooLarge(file, cap)
    const buffer = Buffer.alloc(Math.min(stat.size, cap) + 1)
    let length = 0
    // The size can change under us; read until EOF, never past the cap.
    for (
      let n;
      length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0;
    )
      length += n
    if (length > cap) throw tooLarge(file, cap)
    return buffer.subarray(0, length).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

/** A user's JSON file, parsed; unreadable or malformed ones name the file. */
export function readUserJson(file: string): unknown {
  const text = readUserFile(file, 'json')
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new ConfigFileError(
      file,
      undefined,
      `is not valid JSON (${(error as Error).message.slice(0, 120)})`
    )
  }
}

function tooLarge(file: string, cap: number): ConfigFileError {
  return new ConfigFileError(
    file,
    undefined,
    `is larger than ${cap / MiB} MiB, the most this kind of file may be`
  )
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error)
}
