/**
 * Reads a JTL file (CSV or XML, told apart by the first character) in fixed-size chunks: memory does
 * not grow with the number of samples, only with the longest single record. The first pass reads the next chunk on
 * libuv's thread pool while the scanner reads this one: on two cores the copy out of the page cache (about as long
 * as the scan) then runs beside it (see CHUNK).
 */
import { closeSync, openSync, read, readSync } from 'node:fs'
import { ResultsFileError } from '../contracts/errors.js'
import { countLf, unclosedQuote } from './csv-fields.js'
import { WasmScanner } from './csv-wasm.js'
import { narrow, prepare, type Histogram, type Target } from './histogram.js'
import { CsvScanner } from './jtl-csv.js'
import { XmlScanner } from './jtl-xml.js'
import { SampleSink, Stats } from './sli.js'

/**
 * 2 MB: each chunk costs a thread-pool round trip (tens of µs on this kind of VM), which smaller chunks do not
 * hide behind the scan. 4 files, 799 MB, medians of 10 alternating runs: 512 KB 0.36 s, 1 MB 0.34 s,
 * 1.5 MB 0.32 s, 2 MB 0.31 s, against 0.39 s for 512 KB read in turn.
 */
export const CHUNK = 2 << 20
/** Room before each chunk for the unfinished record carried over from the previous chunk. */
const RESERVE = 64 << 10
/**
 * A construct (an XML comment or CDATA section, e.g. saved response data) longer than this is taken for
 * one never closed rather than read into memory.
 */
export const MAX_RECORD = 64 << 20
/**
 * A CSV record longer than this is taken for an unbalanced quote. JMeter's CSV holds no response data: its
 * longest fields are failure messages, far below this; the limit keeps memory small when a stray quote
 * would otherwise carry the rest of the file (e.g. 600,000 rows) as one record.
 */
export const MAX_CSV_RECORD = 4 << 20

export interface JtlRead {
  readonly format: 'csv' | 'xml'
}

/** One file of several read into one sink, and how many samples it added. */
export interface FileRead extends JtlRead {
  readonly file: string
  readonly samples: number
}

/** `wasm` false forces the JavaScript hot path (tests compare the two). */
export async function readJtl(file: string, sink: SampleSink, chunk = CHUNK, wasm = true): Promise<JtlRead> {
  const [one] = await readJtls([file], sink, chunk, wasm)
  return { format: one!.format }
}

/**
 * Several results files (e.g. one per load generator, layouts may differ) read into one sink: its SLIs and
 * exact percentiles are those of the union. The files share one set of chunk buffers (and WebAssembly
 * instance): a set per file cost memory and start-up time per file. A damaged file fails naming it.
 */
export async function readJtls(
  files: readonly string[],
  sink: SampleSink,
  chunk = CHUNK,
  wasm = true
): Promise<FileRead[]> {
  const chunks = new Chunks(chunk, wasm)
  const reads: FileRead[] = []
  for (const file of files) {
    const before = sink.total.count
    const { format } = await readOneAhead(file, sink, chunks)
    reads.push({ file, format, samples: sink.total.count - before })
  }
  const counts = reads.map(r => r.samples)
  sink.refine = wanted => refine(files, counts, sink, wanted, chunks)
  for (const stats of [sink.total, ...sink.labels.values()])
    stats.hist.resolver = (hist, targets) => refine(files, counts, sink, new Map([[hist, targets]]), chunks)
  return reads
}

/**
 * The two alternating chunk buffers, in the WebAssembly scanner's memory where it runs. The scanner's
 * histogram buckets belong to the sink being read (see Histogram.adopt and keepBuckets).
 */
class Chunks {
  readonly buffers: Buffer[]
  /** The WebAssembly hot path, whose memory holds the buffers; null where unavailable. */
  readonly wasm: WasmScanner | null

  constructor(
    readonly size: number,
    wasm: boolean
  ) {
    this.wasm = wasm ? WasmScanner.create(RESERVE + size) : null
    this.buffers = this.wasm?.buffers ?? [
      Buffer.allocUnsafe(RESERVE + size),
      Buffer.allocUnsafe(RESERVE + size)
    ]
  }
}

/**
 * One file read with the next chunk in flight while this one is scanned. Chunks under OVERLAP_MIN are read in
 * turn by the same loop, whose order (the carried record copied out before the next fill) they check hardest.
 */
async function readOneAhead(file: string, sink: SampleSink, chunks: Chunks): Promise<JtlRead> {
  const fd = openResults(file)
  const feeder = new Feeder(file, sink, chunks.wasm)
  let pending: number | Promise<number> = 0
  try {
    pending = fill(fd, chunks, 0)
    for (let k = 0; ; k ^= 1) {
      const n = await pending
      if (n === 0) break
      // The carried record is copied out of the other buffer before the next read fills it.
      const view = feeder.attach(chunks.buffers[k]!, n)
      pending = fill(fd, chunks, k ^ 1)
      feeder.scan(view)
    }
    return feeder.finish()
  } catch (error) {
    // The read in flight ends before its descriptor is closed (and its number maybe reused).
    await Promise.resolve(pending).catch(() => 0)
    throw asResultsFileError(file, error)
  } finally {
    closeSync(fd)
  }
}

/** Below this a chunk is read in turn: a thread-pool round trip (about 40 µs here) costs more than it saves. */
const OVERLAP_MIN = 1 << 20

/** Fills chunk buffer `k` from the file's position: on libuv's pool for big chunks, else at once. */
function fill(fd: number, chunks: Chunks, k: number): number | Promise<number> {
  const buf = chunks.buffers[k]!
  if (chunks.size < OVERLAP_MIN) return readSync(fd, buf, RESERVE, chunks.size, null)
  return new Promise((resolve, reject) =>
    read(fd, buf, RESERVE, chunks.size, null, (error, n) => (error ? reject(error) : resolve(n)))
  )
}

/** One file read chunk after chunk: the further passes, which run inside synchronous percentile lookups. */
function readOne(file: string, sink: SampleSink, chunks: Chunks): JtlRead {
  const fd = openResults(file)
  const feeder = new Feeder(file, sink, chunks.wasm)
  try {
    for (let k = 0; ; k ^= 1) {
      const n = readSync(fd, chunks.buffers[k]!, RESERVE, chunks.size, null)
      if (n === 0) break
      feeder.scan(feeder.attach(chunks.buffers[k]!, n))
    }
    return feeder.finish()
  } catch (error) {
    throw asResultsFileError(file, error)
  } finally {
    closeSync(fd)
  }
}

function openResults(file: string): number {
  try {
    return openSync(file, 'r')
  } catch (error) {
    throw unreadable(file, error)
  }
}

function asResultsFileError(file: string, error: unknown): ResultsFileError {
  return error instanceof ResultsFileError ? error : unreadable(file, error)
}

function unreadable(file: string, error: unknown): ResultsFileError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error)
  return new ResultsFileError(file, undefined, `cannot be read (${code})`)
}

/** One file's reading: the record carried from one chunk to the next, and the scanner. */
class Feeder {
  private carry: Buffer = Buffer.alloc(0)
  /** The buffer a record longer than RESERVE grows in (see attach). */
  private big: Buffer | null = null
  private scanner: CsvScanner | XmlScanner | null = null
  private start = true

  constructor(
    private readonly file: string,
    private readonly sink: SampleSink,
    private readonly wasm: WasmScanner | null
  ) {}

  /** The `n` bytes read at buf[RESERVE], preceded by the carried record (which is in the other buffer). */
  attach(buf: Buffer, n: number): Buffer {
    const carry = this.carry
    if (carry.length <= RESERVE) {
      this.big = null
      carry.copy(buf, RESERVE - carry.length)
      return buf.subarray(RESERVE - carry.length, RESERVE + n)
    }
    const csv = this.scanner instanceof CsvScanner
    const max = csv ? MAX_CSV_RECORD : MAX_RECORD
    if (carry.length > max) {
      const line = this.scanner?.line
      if (csv) {
        const text = carry.toString('latin1')
        const q = unclosedQuote(text)
        if (q >= 0)
          throw unclosedField(this.file, line! + countLf(text, 0, q), `is longer than ${max >> 20} MB`)
      }
      throw new ResultsFileError(
        this.file,
        line,
        `a ${csv ? 'record' : 'construct'} starting here is longer than ${max >> 20} MB: something opened here is never closed (a damaged file)`
      )
    }
    // A long record: appended to in one buffer that grows by doubling, so it costs about twice its size
    // in memory, not the sum of a new copy per chunk.
    const len = carry.length
    let big = this.big
    if (!big || big.length < len + n) {
      const grown = Buffer.allocUnsafe(Math.max(len + n, 2 * (big?.length ?? 0), 4 * RESERVE))
      carry.copy(grown, 0)
      big = this.big = grown
    } else if (carry.buffer !== big.buffer || carry.byteOffset !== big.byteOffset) {
      carry.copy(big, 0) // may overlap (carry is the end of big): Buffer#copy moves memory safely
    }
    buf.copy(big, len, RESERVE, RESERVE + n)
    return big.subarray(0, len + n)
  }

  scan(view: Buffer): void {
    if (this.start) {
      this.start = false
      if (view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf) view = view.subarray(3)
    }
    if (!this.scanner) {
      const first = view.findIndex(byte => byte !== 32 && byte !== 9 && byte !== 10 && byte !== 13)
      if (first < 0) {
        this.carry = Buffer.alloc(0)
        return
      }
      this.scanner =
        view[first] === 60
          ? new XmlScanner(this.file, this.sink)
          : new CsvScanner(this.file, this.sink, this.wasm)
    }
    const s = this.scanner
    const used = s instanceof CsvScanner ? s.scan(view) : s.scan(view.toString('latin1'))
    this.carry = view.subarray(used)
  }

  finish(): JtlRead {
    const { scanner, file, sink } = this
    const rest = this.carry.toString('latin1')
    if (!scanner) throw new ResultsFileError(file, undefined, 'is empty: JMeter wrote no results')
    if (scanner instanceof XmlScanner) {
      scanner.finish(rest)
      return { format: 'xml' }
    }
    if (rest.trim() !== '') {
      // The file ends inside a quoted field: every line after the quote was taken into it, unread.
      const q = unclosedQuote(rest)
      if (q >= 0) throw unclosedField(file, scanner.line + countLf(rest, 0, q), 'runs to the end of the file')
      // Else the last line was cut off outside quotes (JMeter stopped mid-line): one sample lost, nothing hidden.
      sink.warnings.push(
        `${file}:${scanner.line}: the last line has no line end (file cut off?) and is ignored`
      )
    }
    if (!scanner.started) throw new ResultsFileError(file, undefined, 'has no complete line')
    return { format: 'csv' }
  }
}

function unclosedField(file: string, line: number, what: string): ResultsFileError {
  return new ResultsFileError(
    file,
    line,
    `a quoted field opened here is never closed: it ${what}, and the rows after it are unread (an unbalanced quote: a damaged file)`
  )
}

/**
 * Further passes over the files that find exact percentiles the histograms cannot tell alone (many distinct
 * values above 65.5 s, see histogram.ts): each pass reads the files into a fresh sink whose histograms count
 * only the values inside the looked-for ranges, until each range is 1 ms wide. A file that changed between
 * passes (other counts) is refused.
 */
function refine(
  files: readonly string[],
  counts: readonly number[],
  sink: SampleSink,
  wanted: Map<Histogram, Target[]>,
  chunks: Chunks
): void {
  const labelOf = new Map<Histogram, string>()
  for (const [label, stats] of sink.labels) labelOf.set(stats.hist, label)
  const all = [...wanted.values()].flat()
  // The passes' sinks take the scanner's buckets (its buffers are reused: a second set would cost memory).
  for (const stats of [sink.total, ...sink.labels.values()]) stats.hist.keepBuckets()
  while (all.some(t => t.hi - t.lo > 1)) {
    prepare(all)
    const again = new SampleSink(sink.trackLabels, sink.labelCap)
    // The same labels first, so the same ones are tracked under the cap.
    for (const label of sink.labels.keys()) again.labels.set(label, new Stats())
    for (const [hist, targets] of wanted) {
      const label = labelOf.get(hist)
      const twin = label === undefined ? again.total : again.labels.get(label)!
      twin.hist.refining = targets.filter(t => t.hi - t.lo > 1)
    }
    files.forEach((file, i) => {
      const before = again.total.count
      readOne(file, again, chunks)
      if (again.total.count - before !== counts[i])
        throw new ResultsFileError(
          file,
          undefined,
          'changed while it was read: a second pass counted other samples'
        )
    })
    // Equal counts but values outside the ranges found before: one of them changed.
    if (!narrow(all))
      throw new ResultsFileError(
        files.join(', '),
        undefined,
        'changed while it was read: a second pass counted other samples'
      )
  }
  for (const [hist, targets] of wanted) hist.settle(targets)
}
