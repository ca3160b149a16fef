/**
 * The one way to read a file a user names (shipyard, slo.yaml, jmeter.conf.yaml, JSON inputs, kubeconfig):
 * a regular file, at most a size suited to its kind, as UTF-8 text. A FIFO, a device or a directory is refused
 * before a byte is read (opened non-blocking, so a FIFO cannot hang the run), and so is an oversized file, and
 * so is a kernel pseudo-file (/proc, /sys, /dev: /proc/self/environ holds the run's secrets).
 *
 * Error lines quote a file's text only when it is a user's text file: one everybody on the machine may read.
 * A file that is not readable by everyone (/etc/shadow, a private key, a 0600 token file: a committed symlink
 * can lead to any of them) is read, but an error about it names the file and the line, never its bytes.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs'
import { ConfigFileError } from '../contracts/errors.js'
import { clip } from './excerpt.js'

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

/** Files read whose text must not be quoted (by the name they were read under and by real path), with their mode. */
const UNQUOTABLE = new Map<string, number>()

/**
 * The mode of an unquotable file that `file` names: the same name, its real path, or a name it ends with (callers
 * show a file relative to the workspace: `jm/jmeter.conf.yaml` for `/ws/jm/jmeter.conf.yaml`).
 */
function unquotableMode(file: string): number | undefined {
  const direct = UNQUOTABLE.get(file) ?? UNQUOTABLE.get(realOrUndefined(file) ?? '')
  if (direct !== undefined) return direct
  const suffix = file.startsWith('/') ? undefined : `/${file.replace(/^\.\//, '')}`
  if (suffix === undefined) return undefined
  for (const [name, mode] of UNQUOTABLE) if (name.endsWith(suffix)) return mode
  return undefined
}

/** Whether an error about `file` may quote its text. */
export function mayQuote(file: string): boolean {
  return unquotableMode(file) === undefined
}

/** The same error without a byte of the file's text, when the file is not a user's text file. */
export function withoutContent(error: ConfigFileError): ConfigFileError {
  const mode = unquotableMode(error.file)
  if (mode === undefined) return error
  return new ConfigFileError(
    error.file,
    error.line,
    `is not valid here; its text is not quoted because the file is not readable by everyone (mode ${(mode & 0o777).toString(8).padStart(4, '0')}), as a user's text file is`
  )
}

function realOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file)
  } catch {
    return undefined
  }
}

/** Reads a user file and parses it; errors about a file that is not a user's text file quote none of it. */
export function parseUserFile<T>(file: string, kind: UserFileKind, parse: (text: string) => T): T {
  const text = readUserFile(file, kind)
  try {
    return parse(text)
  } catch (error) {
    throw error instanceof ConfigFileError ? withoutContent(error) : error
  }
}

/** Kernel pseudo-files; /dev/shm is a plain tmpfs where some runners keep their work. */
const PSEUDO_FILES = /^\/(?:proc|sys|dev(?!\/shm\/))(?:\/|$)/

export function readUserFile(file: string, kind: UserFileKind): string {
  const cap = USER_FILE_CAPS[kind]
  // Missing or unreadable: the open below says which.
  const real = realOrUndefined(file)
  if (real !== undefined && PSEUDO_FILES.test(real))
    throw new ConfigFileError(file, undefined, `is not a regular file (it leads to ${real})`)
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
    for (const name of real === undefined ? [file] : [file, real]) {
      if ((stat.mode & 0o004) === 0) UNQUOTABLE.set(name, stat.mode)
      else UNQUOTABLE.delete(name)
    }
    const buffer = Buffer.alloc(Math.min(stat.size, cap) + 1)
    let length = 0
    // The size can change under us; read until EOF, never past the cap.
    for (
      let n;
      length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0;
    )
      length += n
    if (length > cap) throw tooLarge(file, cap)
    // A pseudo-file elsewhere reports no size yet has content: not a file of the user's either.
    if (stat.size === 0 && length > 0)
      throw new ConfigFileError(file, undefined, 'is not a regular file (it has content but reports none)')
    return buffer.subarray(0, length).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

/** A user's JSON file, parsed; unreadable or malformed ones name the file. */
export function readUserJson(file: string): unknown {
  return parseUserFile(file, 'json', text => {
    try {
      return JSON.parse(text) as unknown
    } catch (error) {
      // Node's message quotes the text around the error: kept short and on one line.
      throw new ConfigFileError(file, undefined, `is not valid JSON (${clip((error as Error).message, 120)})`)
    }
  })
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
