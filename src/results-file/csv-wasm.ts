/**
 * The CSV hot path (csv-hot.ts) run by WebAssembly with SIMD line-end search: the chunk buffers live in
 * the module's memory, so the file is read straight where the scanner looks (no copy). Without
 * WebAssembly (or SIMD) the reader falls back to the JavaScript hot path; both give the same numbers.
 */
import { LF } from './csv-fields.js'
import type { HotState } from './csv-hot.js'
import { CSV_SCAN_WASM } from './csv-scan-wasm.js'
import type { Stats } from './sli.js'

// The project's TypeScript libs have no WebAssembly types (they come with "dom"): just what is used here.
interface Memory {
  readonly buffer: ArrayBuffer
  grow(pages: number): number
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object) => { readonly exports: unknown }
}
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly?: WasmApi }

interface Exports {
  readonly memory: Memory
  hist(): number
  out(): number
  heap(): number
  scan(p: number, end: number, successCol: number, maxFields: number): number
}

/** Bytes kept after each buffer: a sentinel line feed and the 64-byte loads that may reach past it. */
const PADDING = 64
const DENSE = 65536

let compiled: object | null | undefined

function wasmModule(): object | null {
  if (compiled === undefined) {
    try {
      compiled = new wasm!.Module(Buffer.from(CSV_SCAN_WASM, 'base64'))
    } catch {
      compiled = null
    }
  }
  return compiled
}

export class WasmScanner {
  /** Two chunk buffers of `size` bytes in the module's memory, for the reader to fill. */
  readonly buffers: Buffer[]
  /** The histogram's 1 ms buckets, shared with the module. */
  readonly hist: Uint32Array
  private readonly bytes: Uint8Array
  private readonly out: Float64Array
  private readonly run: Exports['scan']

  private constructor(exports: Exports, size: number) {
    const { memory } = exports
    const base = (exports.heap() + 15) & ~15
    const need = base + 2 * (size + PADDING)
    if (need > memory.buffer.byteLength) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536))
    // Views only after growing: growth detaches the old ArrayBuffer.
    this.bytes = new Uint8Array(memory.buffer)
    this.buffers = [0, 1].map(k => Buffer.from(memory.buffer, base + k * (size + PADDING), size))
    this.hist = new Uint32Array(memory.buffer, exports.hist(), DENSE)
    this.out = new Float64Array(memory.buffer, exports.out(), 10)
    this.run = exports.scan
  }

  /** A scanner with buffers of `size` bytes, or null where WebAssembly SIMD is not available. */
  static create(size: number): WasmScanner | null {
    const module = wasmModule()
    if (!module) return null
    try {
      return new WasmScanner(new wasm!.Instance(module).exports as unknown as Exports, size)
    } catch {
      return null
    }
  }

  /** Whether `b` is (part of) one of this scanner's buffers. */
  owns(b: Buffer): boolean {
    return b.buffer === this.bytes.buffer
  }

  /**
   * Like hotRun, and also through quoted fields after success (in records of at most `maxFields` fields):
   * reads the records of `b` (one of this scanner's buffers) from `p`; returns the index of the first record
   * not read. `stats.hist` must use `this.hist` as its buckets.
   */
  hotRun(b: Buffer, p: number, successCol: number, maxFields: number, stats: Stats, state: HotState): number {
    const at = b.byteOffset
    this.bytes[at + b.length] = LF
    const next = this.run(at + p, at + b.length, successCol, maxFields) - at
    const [n, failed, timed, minTs, maxEnd, counted, sum, min, max, inner] = this.out as unknown as number[]
    stats.count += n!
    stats.failed += failed!
    stats.timed += timed!
    if (minTs! < stats.minTs) stats.minTs = minTs!
    if (maxEnd! > stats.maxEnd) stats.maxEnd = maxEnd!
    stats.hist.addCounted(counted!, sum!, min!, max!)
    state.records = n!
    state.lines = n! + inner!
    return next
  }
}
