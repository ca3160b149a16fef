/** Byte-level helpers for the CSV hot path: where a record ends, and labels without a string per row. */
import { COMMA, CR, LF, QUOTE } from './csv-fields.js'

/** Finds record ends in one chunk, remembering the next quote so quote-free chunks cost one search. */
export class RecordEnds {
  // -Infinity, not -1: the field must start as a double, or storing Infinity later deoptimizes the scan.
  private nextQuote = -Infinity
  /** Newlines inside quoted fields met by the last end() call. */
  newlines = 0

  reset(): void {
    this.nextQuote = -Infinity
  }

  /**
   * Index after the record whose field starting at `i` is a field start; -1 when the chunk ends first.
   * `nl` is any known line end at or after `i` (or -1).
   */
  end(b: Buffer, i: number, nl: number): number {
    this.newlines = 0
    const len = b.length
    for (;;) {
      if (nl < i) nl = b.indexOf(LF, i)
      if (nl < 0) return -1
      if (this.nextQuote < i) {
        const q = b.indexOf(QUOTE, i)
        this.nextQuote = q < 0 ? Infinity : q
      }
      // No quote before the line end: no quoted field, so the record ends there.
      if (this.nextQuote > nl) return nl + 1
      if (b[i] === QUOTE) {
        const end = quotedEnd(b, i)
        if (end < 0) return -1
        for (let k = b.indexOf(LF, i); k >= 0 && k < end; k = b.indexOf(LF, k + 1)) this.newlines++
        const c = b[end]
        if (c === LF) return end + 1
        if (c === CR && end + 1 < len && b[end + 1] === LF) return end + 2
        if (end + 1 >= len) return -1
        // A stray character after a closing quote goes on as unquoted text; the splitter reports it.
        i = c === COMMA ? end + 1 : end
      } else {
        // An unquoted field; a quote inside it is a literal character.
        const comma = b.indexOf(COMMA, i)
        if (comma < 0 || comma > nl) return nl + 1
        i = comma + 1
      }
    }
  }
}

/** Index just after the quoted field opening at `i`, or -1 if the chunk ends first. */
function quotedEnd(b: Buffer, i: number): number {
  let from = i + 1
  for (;;) {
    const q = b.indexOf(QUOTE, from)
    if (q < 0 || q + 1 >= b.length) return -1
    if (b[q + 1] !== QUOTE) return q + 1
    from = q + 2
  }
}

interface LabelEntry {
  readonly bytes: Buffer
  readonly label: string
}

/** Labels keyed by a hash of their bytes: a row costs a hash and a compare, not a new string. */
export class LabelTable {
  private readonly table = new Map<number, LabelEntry[]>()

  get(b: Buffer, from: number, to: number, hash: number): string {
    let bucket = this.table.get(hash)
    if (bucket) {
      for (const entry of bucket) if (sameBytes(entry.bytes, b, from, to)) return entry.label
    } else {
      bucket = []
      this.table.set(hash, bucket)
    }
    const bytes = Buffer.from(b.subarray(from, to))
    const label = bytes.toString('utf8')
    // Bounded: a file with endless distinct labels stops being cached (the sink caps labels anyway).
    if (this.table.size < 10000) bucket.push({ bytes, label })
    return label
  }
}

function sameBytes(a: Buffer, b: Buffer, from: number, to: number): boolean {
  if (a.length !== to - from) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[from + i]) return false
  return true
}
