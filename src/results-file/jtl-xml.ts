/**
 * XML JTL scanner: `<testResults>` whose top-level `<httpSample>`/`<sample>` elements are the samples.
 * Nested elements (sub-samples of a transaction or embedded resources, assertion results, response
 * data) are skipped, so nothing is counted twice. A sample counts once its element is complete.
 */
import { quote, ResultsFileError } from '../contracts/errors.js'
import { countLf } from './csv-fields.js'
import type { SampleSink } from './sli.js'

const SAMPLE_ELEMENTS = new Set(['httpSample', 'sample'])
/**
 * JMeter's tags are short (attribute values are escaped on one line); a longer one is an attribute quote
 * that was never closed, read no further (and never echoed).
 */
export const MAX_TAG = 1 << 20
/** Element names and nesting JMeter never comes near; beyond them the file is refused, in bounded memory. */
const MAX_NAME = 256
const MAX_DEPTH = 1000
const MAX_OTHER_NAMES = 10
/** Past this many bytes, a comment or CDATA section not closed yet is checked for swallowed samples. */
const EARLY = 1 << 16
const SAMPLE_LINE = /\n<(?:httpSample|sample)[\s/>]/

interface Pending {
  ts: number
  elapsed: number
  ok: boolean
  label: string | undefined
}

export class XmlScanner {
  line = 1
  samples = 0
  private depth = 0
  private rootSeen = false
  private pending: Pending | null = null
  private otherTopLevel = new Set<string>()
  /** Names and lines of the open elements below the root (index 0: the root's child). */
  private readonly names: string[] = []
  private readonly lines: number[] = []
  /** Sample elements opened inside the open top-level element: samples a missing closing tag would hide. */
  private nestedSamples = 0

  constructor(
    private readonly file: string,
    private readonly sink: SampleSink
  ) {}

  /** Reads every complete markup construct of `s`; returns where the incomplete rest begins. */
  scan(s: string): number {
    let p = 0
    for (;;) {
      const lt = s.indexOf('<', p)
      if (lt < 0) {
        this.line += countLf(s, p)
        return s.length
      }
      this.line += countLf(s, p, lt)
      const end = this.markup(s, lt)
      if (end < 0) return lt
      this.line += countLf(s, lt, end)
      p = end
    }
  }

  /** Handles the construct at `lt`; returns the index after it, or -1 if it is not complete in `s`. */
  private markup(s: string, lt: number): number {
    if (s.startsWith('<?', lt)) return after(s, '?>', lt)
    if (s.startsWith('<!--', lt)) return this.hiding(s, lt, after(s, '-->', lt), 'comment')
    if (s.startsWith('<![CDATA[', lt)) return this.hiding(s, lt, after(s, ']]>', lt), 'CDATA section')
    // Too short yet to tell a CDATA section from a declaration.
    if (s.length - lt < 9 && '<![CDATA['.startsWith(s.slice(lt))) return -1
    if (s.startsWith('<!', lt)) return after(s, '>', lt)
    const gt = tagEnd(s, lt)
    if (gt < 0) {
      // A `<` after the tag's start, or a tag this long, will never make a well-formed tag: say so now.
      if (s.length - lt > MAX_TAG || s.indexOf('<', lt + 1) >= 0)
        throw this.unterminatedTag(s.slice(lt, lt + MAX_TAG))
      return -1
    }
    const tag = s.slice(lt, gt + 1)
    // `<` cannot be in an attribute value: a tag holding one ran over an attribute quote left open.
    if (tag.indexOf('<', 1) >= 0) throw this.unterminatedTag(tag)
    if (s.charCodeAt(lt + 1) === 47) this.close(false, elementName(tag.slice(1)))
    else this.open(tag)
    return gt + 1
  }

  private open(tag: string): void {
    const name = elementName(tag)
    const selfClosing = tag.endsWith('/>')
    if (this.depth === 0) {
      if (name !== 'testResults') {
        throw new ResultsFileError(
          this.file,
          this.line,
          `not a JMeter XML results file: the root element is <${quote(name).slice(1, -1)}>, not <testResults>`
        )
      }
      this.rootSeen = true
    } else if (this.depth === 1) {
      if (SAMPLE_ELEMENTS.has(name)) this.pending = this.sample(tag)
      else if (this.otherTopLevel.size < MAX_OTHER_NAMES) this.otherTopLevel.add(quote(name, 40).slice(1, -1))
      this.nestedSamples = 0
    } else if (SAMPLE_ELEMENTS.has(name)) this.nestedSamples++
    if (selfClosing) return this.close(true, name)
    if (this.depth > 0) {
      if (name.length > MAX_NAME || this.names.length >= MAX_DEPTH)
        throw new ResultsFileError(
          this.file,
          this.line,
          `an element name longer than ${MAX_NAME} characters or nesting deeper than ${MAX_DEPTH}: not a JMeter results file`
        )
      this.names.push(name)
      this.lines.push(this.line)
    }
    this.depth++
  }

  private close(selfClosed: boolean, name: string): void {
    if (!selfClosed) {
      this.depth--
      if (this.depth < 0)
        throw new ResultsFileError(this.file, this.line, 'a closing tag without its opening tag')
      // A closing tag must close the element open last: a missing one would nest (and hide) later samples.
      const open = this.depth === 0 ? 'testResults' : this.names.pop()!
      const openLine = this.depth === 0 ? undefined : this.lines.pop()!
      if (name !== open) {
        throw new ResultsFileError(
          this.file,
          openLine ?? this.line,
          `<${quote(open, 40).slice(1, -1)}> opened here is closed by </${quote(name, 40).slice(1, -1)}> at line ${this.line}: a closing tag is missing (a damaged file)`
        )
      }
    }
    if (this.depth === 1 && this.pending) {
      const { ts, elapsed, ok, label } = this.pending
      this.pending = null
      this.samples++
      this.sink.add(ts, elapsed, ok, label)
    }
  }

  private sample(tag: string): Pending {
    const attrs = attributes(tag)
    const t = attrs.get('t')
    const s = attrs.get('s')
    if (t === undefined || !/^\d{1,15}$/.test(t)) throw this.bad('t', t, 'whole milliseconds')
    if (s !== 'true' && s !== 'false') throw this.bad('s', s, 'true or false')
    const ts = attrs.get('ts')
    const lb = attrs.get('lb')
    const text = (value: string | undefined) =>
      decodeEntities(Buffer.from(value ?? '', 'latin1').toString('utf8'))
    if (s === 'false') this.sink.causes?.add(text(attrs.get('rc')), text(attrs.get('rm')))
    return {
      elapsed: Number(t),
      ok: s === 'true',
      ts: ts !== undefined && /^\d{1,15}$/.test(ts) ? Number(ts) : 0,
      label: this.sink.trackLabels ? text(lb) : undefined
    }
  }

  /**
   * A comment or CDATA section (ending at `end`, or -1 if not yet) that holds lines starting a sample
   * element, as JMeter writes them at line start: one left open, closed only by a later one, hides them.
   */
  private hiding(s: string, lt: number, end: number, kind: string): number {
    // Not closed yet: looked at once it is long, so a damaged file is refused early, in bounded memory.
    const upTo = end >= 0 ? end : s.length - lt > EARLY ? s.length : -1
    if (upTo >= 0 && SAMPLE_LINE.test(s.slice(lt, upTo))) {
      throw new ResultsFileError(
        this.file,
        this.line,
        `a ${kind} opened here holds lines that start samples: it was not closed where it should have been, and those samples are unread (a damaged file)`
      )
    }
    return end
  }

  /** The rest of the file (from `<`) that is not a whole construct: damaged, unless a cut-off last tag. */
  private unfinished(rest: string): void {
    const kind = rest.startsWith('<!--')
      ? 'comment'
      : rest.startsWith('<![CDATA[')
        ? 'CDATA section'
        : rest.startsWith('<?')
          ? 'processing instruction'
          : rest.startsWith('<!')
            ? 'declaration'
            : null
    if (kind) {
      throw new ResultsFileError(
        this.file,
        this.line,
        `a ${kind} opened here is never closed: the file ends inside it, and the ${countLf(rest)} lines after it are unread (a damaged file)`
      )
    }
    if (rest.includes('\n') || rest.indexOf('<', 1) >= 0) throw this.unterminatedTag(rest)
  }

  /** A tag that never ends; named at its start (an unbalanced quote flips every later quote pair). */
  private unterminatedTag(rest: string): ResultsFileError {
    const what = hasOpenQuote(rest)
      ? 'a tag opened here never ends: an attribute quote in it is not closed, so the tag runs on over the rest of the file'
      : 'a tag opened here never ends'
    return new ResultsFileError(
      this.file,
      this.line,
      `${what}: the samples after it are unread (a damaged file)`
    )
  }

  private bad(attr: string, value: string | undefined, expected: string): ResultsFileError {
    const got = value === undefined ? 'missing' : quote(value, 40)
    return new ResultsFileError(
      this.file,
      this.line,
      `sample attribute ${attr} is ${got}, expected ${expected}`
    )
  }

  /**
   * Called at the end of the file with what could not be read as a whole construct.
   *
   * A file that ends inside a comment, CDATA section, processing instruction or declaration is damaged:
   * everything after its start is unread, so the evaluation fails naming the line where it began. So is an
   * unclosed tag that runs over further lines or markup (an attribute quote never closed swallows the
   * samples after it), and an element left open at the end that holds sample elements (a missing closing
   * tag nests the samples after it, uncounted). What stays a warning is JMeter killed mid-write (as JMeter
   * 2.8 files are found): the last tag cut off on the last line, or the last sample's children cut off. That
   * loses only the sample being written, after every complete one was read: refusing such a file would
   * fail every run whose JMeter was stopped, while reading it hides nothing.
   */
  finish(rest: string): void {
    if (rest.trim() !== '') this.unfinished(rest)
    if (this.depth >= 2 && this.nestedSamples > 0) {
      throw new ResultsFileError(
        this.file,
        this.lines[0],
        `<${quote(this.names[0]!, 40).slice(1, -1)}> opened here is never closed and holds ${this.nestedSamples} sample elements: a closing tag is missing and the samples after it are hidden (a damaged file)`
      )
    }
    if (!this.rootSeen)
      throw new ResultsFileError(
        this.file,
        undefined,
        'no <testResults> element: not a JMeter XML results file'
      )
    if (this.otherTopLevel.size > 0) {
      this.sink.warnings.push(
        `${this.file}: ignored top-level elements ${[...this.otherTopLevel].map(n => `<${n}>`).join(', ')}`
      )
    }
    if (this.depth === 0 && rest.trim() === '') return
    const unfinished =
      this.pending || rest.trim() !== '' ? '; the unfinished sample at its end is left out' : ''
    this.sink.warnings.push(
      `${this.file} has no closing </testResults> (JMeter did not finish writing it): read ${this.samples} complete samples${unfinished}`
    )
  }
}

/** The name of the element in a tag's text (without its `<`). */
function elementName(tag: string): string {
  return /^<?\/?([^\s/>]+)/.exec(tag)?.[1] ?? ''
}

function after(s: string, terminator: string, from: number): number {
  const i = s.indexOf(terminator, from)
  return i < 0 ? -1 : i + terminator.length
}

/** The `>` ending the tag at `lt`, skipping any inside quoted attribute values. */
function tagEnd(s: string, lt: number): number {
  let quote = 0
  for (let i = lt + 1; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (quote !== 0) {
      if (c === quote) quote = 0
    } else if (c === 34 || c === 39) quote = c
    else if (c === 62) return i
  }
  return -1
}

/** Whether an attribute quote is left open at the end of an unfinished tag. */
function hasOpenQuote(rest: string): boolean {
  let quote = 0
  for (let i = 1; i < rest.length; i++) {
    const c = rest.charCodeAt(i)
    if (quote !== 0) {
      if (c === quote) quote = 0
    } else if (c === 34 || c === 39) quote = c
  }
  return quote !== 0
}

const ATTRIBUTE = /\s([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of tag.matchAll(ATTRIBUTE)) if (!out.has(m[1]!)) out.set(m[1]!, m[2] ?? m[3] ?? '')
  return out
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9A-Fa-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}
