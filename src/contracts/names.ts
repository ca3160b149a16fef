/** Pure checks for the names and values users hand us. Each returns the value or throws an InputError. */
import { lstatSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { InputError } from './errors.js'

const OCI_TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/
// registry[:port]/path components, lower case, as the OCI distribution spec allows; no tag or digest here.
const IMAGE_REPOSITORY =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/

/**
 * Pure: the repository and tag of an image reference, as the registry reads it: a colon after the last
 * slash starts the tag (a registry's port is not one), `@` a digest (kept as the tag); no tag: undefined.
 */
export function splitReference(reference: string): { repository: string; tag?: string } {
  const at = reference.indexOf('@')
  if (at >= 0) return { repository: reference.slice(0, at), tag: reference.slice(at + 1) }
  const colon = reference.lastIndexOf(':')
  if (colon <= reference.lastIndexOf('/')) return { repository: reference }
  return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) }
}

/** An OCI tag; `..` is refused on top so that no tag can read like a path step on the config branch. */
export function ociTag(input: string, value: string): string {
  if (!OCI_TAG.test(value) || value.includes('..'))
    throw new InputError(input, 'an OCI image tag ([A-Za-z0-9_][A-Za-z0-9._-]{0,127}, no "..")', value)
  return value
}

export function dnsLabel(input: string, value: string): string {
  if (!DNS_LABEL.test(value)) {
    throw new InputError(
      input,
      'a Kubernetes DNS label (lower-case letters, digits and -, at most 63)',
      value
    )
  }
  return value
}

/** Dot-separated DNS labels, at most 253 characters: a host or domain name. */
export function isDnsName(value: string): boolean {
  return value.length <= 253 && value.split('.').every(label => DNS_LABEL.test(label))
}

export function imageRepository(input: string, value: string): string {
  if (value.length > 255 || !IMAGE_REPOSITORY.test(value)) {
    throw new InputError(input, 'an image repository without tag, e.g. docker.io/keptnexamples/carts', value)
  }
  return value
}

/** An image reference with a tag or a digest (`registry/repo:tag`, `repo@sha256:…`): what a pod names. */
export function imageReference(input: string, value: string): string {
  const { repository, tag } = splitReference(value)
  const tagOk =
    tag !== undefined && (/^sha256:[a-f0-9]{64}$/.test(tag) || (OCI_TAG.test(tag) && !value.includes('@')))
  if (value.length > 255 || !IMAGE_REPOSITORY.test(repository) || !tagOk)
    throw new InputError(
      input,
      'an image with a tag or digest, e.g. registry.example.com/jmeter:5.6.3',
      value
    )
  return value
}

/** A whole number from `min` to `max`. */
export function wholeNumber(input: string, value: string, min: number, max: number): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new InputError(input, `a whole number from ${min} to ${max}`, value)
  return n
}

/** Helm-style durations: 300, 300s, 5m, 1h30m. */
export function durationSeconds(input: string, value: string): number {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value.trim())
  const [, h = '0', m = '0', s = '0'] = match ?? []
  const seconds = Number(h) * 3600 + Number(m) * 60 + Number(s)
  if (!match || !value.trim() || seconds <= 0 || seconds > 6 * 3600) {
    throw new InputError(input, 'a duration such as 300s, 5m or 1h30m (at most 6h)', value)
  }
  return seconds
}

/**
 * Resolves a user path against the workspace and refuses one that leaves it: lexically (`../x`), and then by
 * its real path, symlinks followed (a committed `slo.yaml -> /proc/self/environ`), against the workspace's own
 * real path. Returns the real path, so that what is read later is what was checked. A path that does not exist
 * yet is checked through its deepest existing folder.
 */
export function pathInWorkspace(input: string, value: string, workspace: string): string {
  if (value.includes('\0') || /[\r\n]/.test(value)) throw new InputError(input, 'a path on one line', value)
  const resolved = path.resolve(workspace, value)
  if (!isInside(workspace, resolved)) {
    throw new InputError(input, `a path inside the workspace (${workspace})`, value)
  }
  const realWorkspace = realOrSelf(path.resolve(workspace))
  const real = realPath(input, resolved, value)
  if (!isInside(realWorkspace, real)) {
    throw new InputError(
      input,
      `a path inside the workspace (${workspace}); symlinks followed, it leads to ${JSON.stringify(real.slice(0, 200))}`,
      value
    )
  }
  return real
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return !(relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative))
}

function realOrSelf(dir: string): string {
  try {
    return realpathSync(dir)
  } catch {
    return dir
  }
}

/** The real path of `target`, or of its deepest existing ancestor joined with the rest. */
function realPath(input: string, target: string, value: string): string {
  let existing = target
  const rest: string[] = []
  for (;;) {
    try {
      return path.join(realpathSync(existing), ...rest)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      let present = false
      try {
        lstatSync(existing)
        present = true
      } catch {
        // Not there at all: look at its folder.
      }
      // There but not resolvable: a dangling or looping symlink, or a folder we may not enter.
      if (present) throw new InputError(input, `a path that can be resolved (${code ?? 'error'})`, value)
      const parent = path.dirname(existing)
      if (parent === existing) return target
      rest.unshift(path.basename(existing))
      existing = parent
    }
  }
}

export function oneOf<T extends string>(input: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new InputError(input, `one of ${allowed.join(', ')}`, value)
}

/** A semantic version (1.2.3) or the word 'system' for the tool already on PATH. */
export function toolVersion(
  input: string,
  value: string
): { kind: 'system' } | { kind: 'pinned'; version: string } {
  if (value === 'system') return { kind: 'system' }
  const version = value.replace(/^v/, '')
  if (!/^\d+\.\d+\.\d+$/.test(version))
    throw new InputError(input, "an exact version such as 3.18.4, or 'system'", value)
  return { kind: 'pinned', version }
}

export function httpUrl(input: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(input, 'an http(s) URL', value)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InputError(input, 'an http(s) URL', value)
  return value.replace(/\/+$/, '')
}

/** A branch name git accepts and that cannot be read as an option or a path outside refs/heads. */
export function checkBranch(input: string, value: string): string {
  const bad =
    !/^[A-Za-z0-9._/-]{1,200}$/.test(value) ||
    /^[-/.]|[/.]$|\.\.|\/\/|\/\.|\.lock$|\.lock\//.test(value) ||
    value === 'HEAD'
  if (bad) throw new InputError(input, 'a git branch name such as "config"', value)
  return value
}

/**
 * A remote git accepts with no surprises: a local path, or a file/http(s)/ssh URL without credentials.
 * Refused: `transport::address` (git's remote helpers, e.g. ext:: runs commands), a leading "-" (read as
 * an option), user:password@ in a URL (the token travels in a header, never in the URL), control characters.
 */
export function checkRepo(input: string, value: string): string {
  const refuse = (why: string): never => {
    throw new InputError(input, `a local path or an https URL of a git repository (${why})`, value)
  }
  if (!value || hasControl(value)) refuse('no control characters')
  if (value.startsWith('-')) refuse('must not start with "-"')
  if (/^[A-Za-z][A-Za-z0-9+.-]*::/.test(value)) refuse('no remote helpers')
  const url = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)
  if (!url) return value
  if (!['https', 'http', 'file', 'ssh'].includes(url[1].toLowerCase())) refuse(`unsupported scheme ${url[1]}`)
  const parsed = new URL(value)
  if (parsed.password || (parsed.username && url[1].toLowerCase() !== 'ssh'))
    refuse('no credentials in the URL')
  return value
}

function hasControl(value: string): boolean {
  return [...value].some(char => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
}

/** A Prometheus URL without credentials in it: they belong in the (masked) token, not in logs. */
export function prometheusUrl(input: string, value: string): string {
  const url = httpUrl(input, value)
  const parsed = new URL(url)
  if (parsed.username || parsed.password)
    throw new InputError(input, 'a URL without credentials (give them as the Prometheus token)', parsed.host)
  return url
}

/** A token alone is sent as `Bearer <token>`; a value with a scheme (`Basic …`, `Bearer …`) as it is. */
export function authorizationOf(token: string | undefined): string | undefined {
  const value = token?.trim()
  if (!value) return undefined
  return /^[A-Za-z][\w-]* \S/.test(value) ? value : `Bearer ${value}`
}
