/**
 * XML JTL scanner: `<testResults>` whose top-level `<httpSample>`/`<sample>` elements are the samples.
 * Nested elements (sub-samples of a transaction or embedded resources, assertion results, response
 * data) are skipped, so nothing is counted twice. A sample counts once its element is complete.
 */
import { ResultsFileError } from '../contracts/errors.js'
import { countLf } from './csv-fields.js'
import type { SampleSink } from './sli.js'

const SAMPLE_ELEMENTS = new Set(['httpSample', 'sample'])

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
    if (s.startsWith('<!--', lt)) return after(s, '-->', lt)
    if (s.startsWith('<![CDATA[', lt)) return after(s, ']]>', lt)
    // Too short yet to tell a CDATA section from a declaration.
    if (s.length - lt < 9 && '<![CDATA['.startsWith(s.slice(lt))) return -1
    if (s.startsWith('<!', lt)) return after(s, '>', lt)
    const gt = tagEnd(s, lt)
    if (gt < 0) return -1
    if (s.charCodeAt(lt + 1) === 47) this.close()
    else this.open(s.slice(lt, gt + 1))
    return gt + 1
  }

  private open(tag: string): void {
    const name = /^<([^\s/>]+)/.exec(tag)?.[1] ?? ''
    const selfClosing = tag.endsWith('/>')
    if (this.depth === 0) {
      if (name !== 'testResults') {
        throw new ResultsFileError(
          this.file,
          this.line,
          `not a JMeter XML results file: the root element is <${name}>, not <testResults>`
        )
      }
      this.rootSeen = true
    } else if (this.depth === 1) {
      if (SAMPLE_ELEMENTS.has(name)) this.pending = this.sample(tag)
      else this.otherTopLevel.add(name)
    }
    if (selfClosing) this.close(true)
    else this.depth++
  }

  private close(selfClosed = false): void {
    if (!selfClosed) this.depth--
    if (this.depth < 0)
      throw new ResultsFileError(this.file, this.line, 'a closing tag without its opening tag')
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
    return {
      elapsed: Number(t),
      ok: s === 'true',
      ts: ts !== undefined && /^\d{1,15}$/.test(ts) ? Number(ts) : 0,
      label: this.sink.trackLabels
        ? decodeEntities(Buffer.from(lb ?? '', 'latin1').toString('utf8'))
        : undefined
    }
  }

  private bad(attr: string, value: string | undefined, expected: string): ResultsFileError {
    const got = value === undefined ? 'missing' : JSON.stringify(value.slice(0, 40))
    return new ResultsFileError(
      this.file,
      this.line,
      `sample attribute ${attr} is ${got}, expected ${expected}`
    )
  }

  /** Called at the end of the file with what could not be read as a whole construct. */
  finish(rest: string): void {
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
