/** The general (slow) CSV record splitter: quoted fields with commas, doubled quotes and newlines. */

export const COMMA = 44
export const QUOTE = 34
export const LF = 10
export const CR = 13

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** Newlines between the record start and the problem, to report the right line. */
    readonly newlines: number
  ) {
    super(message)
  }
}

export interface SplitRecord {
  readonly fields: string[]
  /** Index of the next record. */
  readonly next: number
  /** Newlines inside quoted fields (the record spans 1 + newlines lines). */
  readonly newlines: number
}

/**
 * Splits the record starting at `p`. Returns null when `s` ends before the record's line end: a
 * record counts only once its terminating newline is there (a cut-off last line is not a record).
 */
export function splitRecord(s: string, p: number): SplitRecord | null {
  const fields: string[] = []
  const len = s.length
  let i = p
  let newlines = 0
  for (;;) {
    if (s.charCodeAt(i) === QUOTE) {
      const quoted = readQuoted(s, i)
      if (!quoted) return null
      newlines += countLf(quoted.value)
      fields.push(quoted.value)
      i = quoted.end
      const c = s.charCodeAt(i)
      if (c === COMMA) {
        i++
        continue
      }
      if (c === LF) return { fields, next: i + 1, newlines }
      if (c === CR && i + 1 >= len) return null
      if (c === CR && s.charCodeAt(i + 1) === LF) return { fields, next: i + 2, newlines }
      throw new CsvSyntaxError(
        `a quoted field is followed by ${JSON.stringify(s[i])}, not a comma or line end`,
        newlines
      )
    }
    let j = i
    let c = 0
    while (j < len && (c = s.charCodeAt(j)) !== COMMA && c !== LF) j++
    if (j >= len) return null
    const end = c === LF && j > i && s.charCodeAt(j - 1) === CR ? j - 1 : j
    fields.push(s.slice(i, end))
    if (c === LF) return { fields, next: j + 1, newlines }
    i = j + 1
  }
}

/** Reads the quoted field opening at `i`; null if its closing quote is not in `s` yet. */
export function readQuoted(s: string, i: number): { value: string; end: number } | null {
  let value = ''
  let from = i + 1
  for (;;) {
    const q = s.indexOf('"', from)
    // q + 1 must exist too: a quote as the last character may be the first half of a doubled one.
    if (q < 0 || q + 1 >= s.length) return null
    value += s.slice(from, q)
    if (s.charCodeAt(q + 1) !== QUOTE) return { value, end: q + 1 }
    value += '"'
    from = q + 2
  }
}

export function countLf(s: string, from = 0, to = s.length): number {
  let n = 0
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++
  return n
}

/**
 * Where the quoted field left open in `s` (the start of a record that has no end) opens, or -1 when
 * every quoted field in it is closed (a last line cut off outside quotes).
 */
export function unclosedQuote(s: string): number {
  let i = 0
  while (i < s.length) {
    if (s.charCodeAt(i) === QUOTE) {
      let from = i + 1
      for (;;) {
        const q = s.indexOf('"', from)
        if (q < 0) return i
        // At the end of the file a last quote closes the field (it cannot be half of a doubled one).
        if (s.charCodeAt(q + 1) !== QUOTE) {
          i = q + 1
          break
        }
        from = q + 2
      }
    }
    // An unquoted field (or text after a closing quote) runs to the next comma.
    const comma = s.indexOf(',', i)
    if (comma < 0) return -1
    i = comma + 1
  }
  return -1
}
