/** Pure helpers of the git wrapper: the fast-import stream it writes and the outputs it parses. */
import { ConfigBranchError, InputError, ToolOutputError } from '../contracts/errors.js'

export interface Author {
  readonly name: string
  readonly email: string
}

export const DEFAULT_AUTHOR: Author = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com'
}

export interface CommitSpec {
  readonly ref: string
  /** undefined: a root commit (a new orphan branch). */
  readonly parent?: string
  readonly author: Author
  readonly message: string
  readonly time: Date
  /** Path on the branch -> new content. Paths come from layout.ts, already checked. */
  readonly files: ReadonlyMap<string, string>
}

export type PushOutcome = { readonly kind: 'pushed' } | { readonly kind: 'rejected'; readonly reason: string }

export interface BatchObject {
  readonly sha: string
  readonly type: string
  readonly content: string
}

/** `<`, `>` and newlines would let a name forge another header line of the commit. */
export function checkAuthor(author: Author): Author {
  if (!author.name.trim() || /[<>\n\r\0]/.test(author.name)) {
    throw new InputError('author name', 'a name without <, > or line breaks', author.name)
  }
  if (!/^[^<>\s@]+@[^<>\s@]+$/.test(author.email))
    throw new InputError('author email', 'an email address', author.email)
  return author
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`
}

// A path in the stream is a bare word: anything else could end the line and start another command.
function safePath(path: string): string {
  if (/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/.test(path)) return path
  throw new ConfigBranchError(`refusing to write ${JSON.stringify(path)}: not a plain relative path`)
}

/** A fast-import stream for one commit; `get-mark` makes fast-import print the new commit's sha. */
export function commitStream(spec: CommitSpec): string {
  const when = `${Math.floor(spec.time.getTime() / 1000)} +0000`
  const who = `${spec.author.name} <${spec.author.email}> ${when}`
  const lines = [`commit ${spec.ref}\nmark :1\nauthor ${who}\ncommitter ${who}\n`, data(spec.message)]
  if (spec.parent) lines.push(`from ${spec.parent}\n`)
  for (const [path, content] of spec.files) lines.push(`M 100644 inline ${safePath(path)}\n`, data(content))
  lines.push('\nget-mark :1\n')
  return lines.join('')
}

/**
 * Parses `git cat-file --batch` output for the given object names, in order. Sizes are bytes, so the
 * output is walked as a Buffer; a missing object prints `<name> missing`.
 */
export function parseBatch(out: Buffer, names: readonly string[]): Map<string, BatchObject> {
  const objects = new Map<string, BatchObject>()
  let at = 0
  for (const name of names) {
    const eol = out.indexOf(10, at)
    if (eol < 0) throw new ToolOutputError('git cat-file', `output ended before ${name}`)
    const header = out.subarray(at, eol).toString()
    at = eol + 1
    if (header.endsWith(' missing')) continue
    const [sha, type, size] = header.split(' ')
    const end = at + Number(size)
    if (!sha || !type || !(end < out.length) || out[end] !== 10) {
      throw new ToolOutputError('git cat-file', `unexpected output for ${name} (is the file valid UTF-8?)`)
    }
    objects.set(name, { sha, type, content: out.subarray(at, end).toString() })
    at = end + 1
  }
  return objects
}

// A lock lost to a concurrent writer on the remote side is a rejection like any other.
const RETRYABLE_REMOTE =
  /lock|failed to update ref|incorrect old value|stale info|fetch first|non-fast-forward/i

/**
 * Reads `git push --porcelain`: `<flag>\t<from>:<to>\t<summary>` per ref. `!` with [rejected] (the branch
 * moved) or a lost lock is a rejection to retry after a fetch; anything else is left to the caller.
 */
export function parsePush(stdout: string, ref: string): PushOutcome | { readonly kind: 'unknown' } {
  for (const line of stdout.split('\n')) {
    const [flag, refs, summary = ''] = line.split('\t')
    if (!refs?.endsWith(`:${ref}`)) continue
    if (flag !== '!') return { kind: 'pushed' }
    const retry = summary.startsWith('[rejected]') || RETRYABLE_REMOTE.test(summary)
    return retry ? { kind: 'rejected', reason: summary } : { kind: 'unknown' }
  }
  return { kind: 'unknown' }
}
