/**
 * The hottest path of the CSV reader, for the layout of every JMeter default (timeStamp, elapsed first;
 * success at a fixed column) when no label is needed. One loop over many records, state in locals,
 * the histogram counted in place: about half the time of the general fast path. Any record it is not
 * sure about (a quote before success, a short row, a non-digit) is left to the general path.
 * csv-scan.c does the same in WebAssembly (csv-wasm.ts); this one is used where that one is not.
 */
import { COMMA, CR, LF, QUOTE } from './csv-fields.js'
import type { Stats } from './sli.js'

export interface HotState {
  /** Index of the next quote in the chunk (Infinity: none), shared with the general path. */
  nextQuote: number
  /** Records read by the last run. */
  records: number
  /** Lines they span (more than records when quoted fields hold line ends). */
  lines: number
}

/** Reads plain records from `p`; returns the index of the first record not read. */
export function hotRun(b: Buffer, p: number, successCol: number, stats: Stats, state: HotState): number {
  const hist = stats.hist
  let dense = hist.buckets()
  let limit = dense.length
  let nextQuote = state.nextQuote
  let n = 0
  let failed = 0
  let timed = 0
  let minTs = stats.minTs
  let maxEnd = stats.maxEnd
  let hn = 0
  let hsum = 0
  let hmin = Infinity
  let hmax = -Infinity
  for (;;) {
    const nl = b.indexOf(LF, p)
    if (nl < 0) break
    let i = p
    let ts = 0
    let c = b[i]!
    while (c >= 48 && c <= 57) {
      ts = ts * 10 + (c - 48)
      c = b[++i]!
    }
    if (c !== COMMA || i === p || i - p > 15) break
    const from = ++i
    let elapsed = 0
    c = b[i]!
    while (c >= 48 && c <= 57) {
      elapsed = elapsed * 10 + (c - 48)
      c = b[++i]!
    }
    if (c !== COMMA || i === from || i - from > 15) break
    i++
    let col = 2
    for (; col < successCol; col++) {
      c = b[i]!
      if (c === QUOTE) break
      // Most bytes of a field are above the comma: one comparison for them.
      while (c > COMMA || (c !== COMMA && c !== LF)) c = b[++i]!
      if (c === LF) break
      i++
    }
    if (col < successCol) break
    let ok: boolean
    if (b[i] === 116 && b[i + 1] === 114 && b[i + 2] === 117 && b[i + 3] === 101) {
      ok = true
      i += 4
    } else if (b[i] === 102 && b[i + 1] === 97 && b[i + 2] === 108 && b[i + 3] === 115 && b[i + 4] === 101) {
      ok = false
      i += 5
    } else break
    c = b[i]!
    if (c === CR) c = b[++i]!
    if (c !== COMMA && c !== LF) break
    if (c === COMMA) {
      // The record ends at nl unless a quoted field (maybe multi-line) comes first.
      if (nextQuote < i) {
        const q = b.indexOf(QUOTE, i)
        nextQuote = q < 0 ? Infinity : q
      }
      if (nextQuote < nl) break
    }
    n++
    if (!ok) failed++
    if (elapsed < limit) {
      dense[elapsed]++
      hn++
      hsum += elapsed
      if (elapsed < hmin) hmin = elapsed
      if (elapsed > hmax) hmax = elapsed
    } else {
      hist.add(elapsed)
      dense = hist.buckets()
      limit = dense.length
    }
    // A timeStamp of 0 marks a sample that failed before it started: no place in the time window.
    if (ts > 0) {
      timed++
      if (ts < minTs) minTs = ts
      if (ts + elapsed > maxEnd) maxEnd = ts + elapsed
    }
    p = nl + 1
  }
  stats.count += n
  stats.failed += failed
  stats.timed += timed
  stats.minTs = minTs
  stats.maxEnd = maxEnd
  hist.addCounted(hn, hsum, hmin, hmax)
  state.nextQuote = nextQuote
  state.records = n
  state.lines = n
  return p
}
