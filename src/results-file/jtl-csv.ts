/**
 * CSV JTL scanner over raw bytes. The hot path reads the few fields it needs byte by byte (no string
 * per row), skips the rest of a record with native indexOf, and leaves records with quotes among the
 * needed fields to the general splitter, which sees just that record as text.
 */
import { quote, ResultsFileError } from '../contracts/errors.js'
import { RecordEnds, LabelTable } from './csv-bytes.js'
import { COMMA, CR, CsvSyntaxError, LF, QUOTE, splitRecord } from './csv-fields.js'
import { hotRun, type HotState } from './csv-hot.js'
import { detectLayout, fitsDefault, isHeaderRow, type Layout } from './csv-layout.js'
import type { WasmScanner } from './csv-wasm.js'
import { causeMessage, type SampleSink } from './sli.js'
import { parseTimestamp } from './timestamp.js'

const SKIP = 0
const TIMESTAMP = 1
const ELAPSED = 2
const SUCCESS = 3
const LABEL = 4

/** Fields were split from latin1 text: turn their bytes back into UTF-8. */
function utf8(field: string): string {
  return Buffer.from(field, 'latin1').toString('utf8')
}

export class CsvScanner {
  /** Line number where the next record starts. */
  line = 1
  private layout: Layout | null = null
  private kinds = new Uint8Array(0)
  private last = 0
  private readonly ends = new RecordEnds()
  private readonly labels = new LabelTable()
  private warnedHeader = false
  private readonly timestampWarned = new Set<string>()
  /** success column for the hot path (timeStamp and elapsed first, no labels), or -1. */
  private hotSuccess = -1
  private readonly hot: HotState = { nextQuote: -Infinity, records: 0, lines: 0 }

  constructor(
    private readonly file: string,
    private readonly sink: SampleSink,
    /** The WebAssembly hot path, used for chunks in its buffers once the histogram counts there. */
    private wasm: WasmScanner | null = null
  ) {}

  /** Whether the first record (the header, or a row of a default layout) was read. */
  get started(): boolean {
    return this.layout !== null
  }

  /** Reads every complete record of `b`; returns where the incomplete rest begins. */
  scan(b: Buffer): number {
    this.ends.reset()
    this.hot.nextQuote = -Infinity
    const len = b.length
    let p = 0
    // WebAssembly leaves values above 65.5 s to JavaScript; when it stops after few records again and again
    // (many such values: the distinct-large-values case), the JavaScript hot path takes the rest of the chunk.
    let js = this.wasm?.owns(b) !== true
    let short = 0
    while (p < len) {
      if (this.hotSuccess >= 0) {
        p = js
          ? hotRun(b, p, this.hotSuccess, this.sink.total, this.hot)
          : this.wasm!.hotRun(b, p, this.hotSuccess, this.layout!.header!.length, this.sink.total, this.hot)
        short = this.hot.records < 8 ? short + 1 : 0
        if (short >= 4) js = true
        this.line += this.hot.lines
        if (p >= len) break
      }
      const next = this.layout?.header ? this.fast(b, p) : this.slow(b, p)
      if (next < 0) break
      p = next
    }
    return p
  }

  private configure(layout: Layout): void {
    this.layout = layout
    const width = Math.max(layout.timestamp, layout.elapsed, layout.success, layout.label) + 1
    this.kinds = new Uint8Array(width)
    const set = (col: number, kind: number) => col >= 0 && (this.kinds[col] = kind)
    set(layout.timestamp, TIMESTAMP)
    set(layout.elapsed, ELAPSED)
    set(layout.success, SUCCESS)
    if (this.sink.trackLabels) set(layout.label, LABEL)
    const labels = this.sink.trackLabels && layout.label >= 0
    const hot =
      layout.header &&
      layout.timestamp === 0 &&
      layout.elapsed === 1 &&
      layout.success >= 2 &&
      !labels &&
      !this.sink.causes
    this.hotSuccess = hot ? layout.success : -1
    if (this.wasm && !(hot && this.sink.total.hist.adopt(this.wasm.hist))) this.wasm = null
    this.last = this.kinds.reduce((last, kind, col) => (kind === SKIP ? last : col), 0)
    const has = (col: number) => col >= 0
    this.sink.columns = {
      timestamp: has(layout.timestamp),
      elapsed: has(layout.elapsed),
      success: has(layout.success),
      label: has(layout.label)
    }
  }

  /**
   * The hot path: plain fields only. Returns the next record's index, or -1 if incomplete. Every
   * read stays before the first line end `nl` (out-of-bounds reads would deoptimize the function).
   */
  private fast(b: Buffer, p: number): number {
    const nl = b.indexOf(LF, p)
    if (nl < 0) return -1
    const kinds = this.kinds
    const last = this.last
    let i = p
    let ts = 0
    let elapsed = -1
    let ok = true
    let label: string | undefined
    let c = 0
    for (let col = 0; ; col++) {
      const kind = kinds[col]
      const from = i
      if (kind === TIMESTAMP || kind === ELAPSED) {
        let v = 0
        while ((c = b[i]!) >= 48 && c <= 57) {
          v = v * 10 + (c - 48)
          i++
        }
        if (i === from || i - from > 15) return this.slow(b, p)
        if (kind === TIMESTAMP) ts = v
        else elapsed = v
      } else if (kind === SUCCESS) {
        c = b[i]!
        if (c === 116 && i + 4 <= nl && b[i + 1] === 114 && b[i + 2] === 117 && b[i + 3] === 101) i += 4
        else if (
          c === 102 &&
          i + 5 <= nl &&
          b[i + 1] === 97 &&
          b[i + 2] === 108 &&
          b[i + 3] === 115 &&
          b[i + 4] === 101
        ) {
          ok = false
          i += 5
        } else return this.slow(b, p)
        c = b[i]!
      } else {
        c = b[i]!
        if (c === QUOTE) return this.slow(b, p)
        if (kind === LABEL) {
          let hash = 0x811c9dc5
          while (c !== COMMA && c !== LF) {
            hash = Math.imul(hash ^ c, 16777619)
            c = b[++i]!
          }
          const to = c === LF && i > from && b[i - 1] === CR ? i - 1 : i
          label = this.labels.get(b, from, to, hash)
        } else {
          while (c !== COMMA && c !== LF) c = b[++i]!
        }
      }
      if (c === CR) c = b[++i]!
      if (c !== COMMA && c !== LF) return this.slow(b, p)
      if (col === last) break
      if (c === LF) return this.slow(b, p)
      i++
    }
    const next = c === LF ? i + 1 : this.ends.end(b, i + 1, nl)
    if (next < 0) return -1
    // A record over several lines (a quoted field with line ends, rare) is split and checked whole: a quote
    // closed rows later would otherwise merge those rows into this one unseen.
    if (c !== LF && this.ends.newlines > 0) {
      this.ends.reset() // its remembered quote lies past p now
      return this.slow(b, p)
    }
    // A failed sample's cause is in fields this path skips: read that record whole.
    if (!ok && this.sink.causes) {
      this.ends.reset()
      return this.slow(b, p)
    }
    this.line += c === LF ? 1 : 1 + this.ends.newlines
    this.sink.add(ts, elapsed, ok, label)
    return next
  }

  /** The general path: finds the record's end, then splits just that record as text. */
  private slow(b: Buffer, p: number): number {
    const next = this.ends.end(b, p, -1)
    if (next < 0) return -1
    let record
    try {
      record = splitRecord(b.toString('latin1', p, next), 0)
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error
      throw new ResultsFileError(this.file, this.line + error.newlines, error.message)
    }
    if (!record) throw new ResultsFileError(this.file, this.line, 'a record that cannot be split into fields')
    const line = this.line
    this.line += 1 + record.newlines
    this.accept(record.fields, line)
    return next
  }

  private accept(fields: string[], line: number): void {
    if (fields.length === 1 && fields[0] === '') return
    if (!this.layout) {
      const found = detectLayout(fields)
      if (typeof found === 'string')
        throw new ResultsFileError(this.file, line, `cannot read this CSV results file: ${found}`)
      this.configure(found.layout)
      if (found.isHeader) return
      this.sink.warnings.push(`${this.file} has no header row; read as ${found.layout.assumed!.name}`)
    }
    const layout = this.layout!
    if (isHeaderRow(layout, fields)) return this.repeatedHeader(line)
    if (layout.assumed && !fitsDefault(layout.assumed, fields)) {
      throw new ResultsFileError(
        this.file,
        line,
        `this row does not fit the ${layout.assumed.name} assumed for a file without header row, so its columns cannot be known for sure`
      )
    }
    this.addFields(fields, layout, line)
  }

  private addFields(fields: string[], layout: Layout, line: number): void {
    const need = Math.max(layout.timestamp, layout.elapsed, layout.success)
    // More fields than the header: rows merged by a quote that was never closed where it should have been.
    if (fields.length <= need || (layout.header && fields.length > layout.header.length)) {
      throw new ResultsFileError(
        this.file,
        line,
        `the row has ${fields.length} fields; the header has ${layout.header?.length}`
      )
    }
    const elapsed = layout.elapsed < 0 ? -1 : wholeNumber(fields[layout.elapsed]!)
    if (elapsed === null)
      throw this.bad(line, 'elapsed', fields[layout.elapsed]!, 'a whole number of milliseconds')
    let ok = true
    if (layout.success >= 0) {
      const text = fields[layout.success]!
      if (text !== 'true' && text !== 'false') throw this.bad(line, 'success', text, 'true or false')
      ok = text === 'true'
    }
    if (!ok && this.sink.causes) {
      const field = (col: number) => (col < 0 ? '' : utf8(fields[col] ?? ''))
      const code = field(layout.responseCode)
      this.sink.causes.add(
        code,
        causeMessage(code, field(layout.responseMessage), field(layout.failureMessage))
      )
    }
    const ts = layout.timestamp < 0 ? 0 : this.timestamp(fields[layout.timestamp]!)
    const raw = this.sink.trackLabels && layout.label >= 0 ? (fields[layout.label] ?? '') : undefined
    this.sink.add(ts, elapsed, ok, raw === undefined ? undefined : utf8(raw))
  }

  private timestamp(text: string): number {
    const parsed = parseTimestamp(text)
    // Once per kind: distinct bad timestamps on every row must not make a warning each (bounded output).
    const kind = parsed.value === null ? 'bad' : 'approximate'
    if (parsed.warning && !this.timestampWarned.has(kind)) {
      this.timestampWarned.add(kind)
      this.sink.warnings.push(parsed.warning)
    }
    if (parsed.value === null) this.sink.columns = { ...this.sink.columns, timestamp: false }
    return parsed.value ?? 0
  }

  private repeatedHeader(line: number): void {
    if (this.warnedHeader) return
    this.warnedHeader = true
    this.sink.warnings.push(`${this.file}:${line}: the header row appears again (runs appended?); skipped`)
  }

  private bad(line: number, column: string, text: string, expected: string): ResultsFileError {
    return new ResultsFileError(this.file, line, `${column} is ${quote(text, 40)}, expected ${expected}`)
  }
}

function wholeNumber(text: string): number | null {
  return /^\d{1,15}$/.test(text) ? Number(text) : null
}
