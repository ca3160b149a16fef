export const id = 589;
export const ids = [589];
export const modules = {

/***/ 8014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ check)
/* harmony export */ });
/* harmony import */ var _excerpt_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7506);
/**
 * A small JSON-Schema subset checker (type/nullable, enum, properties, required, additionalProperties
 * false, items, anyOf of types, minimum, minLength). The evaluate CLI validates slo.yaml and history
 * with it instead of Ajv: compiling Ajv schemas costs about 10 MB of peak memory, a sixth of the
 * evaluate step's budget. Messages match src/files/yaml-file.ts.
 */

/** The first error, or null when `value` matches. */
function check(schema, value, path = []) {
    if (value === null && (schema.nullable || schema.type === 'null'))
        return null;
    if (schema.anyOf) {
        if (schema.anyOf.some(s => check(s, value, path) === null))
            return null;
        return { path, message: `expected ${schema.anyOf.map(s => s.type).join(' or ')}` };
    }
    if ((schema.type === 'number' || schema.type === 'integer') && typeof value === 'number') {
        if (!Number.isFinite(value))
            return { path, message: `expected a finite number, got ${value}` };
    }
    if (schema.type && !hasType(schema.type, value))
        return { path, message: `expected ${schema.type}` };
    if (schema.enum && !schema.enum.includes(value)) {
        const allowed = schema.enum.filter(v => v !== null).map(v => JSON.stringify(v));
        return { path, message: `expected one of ${allowed.join(', ')}` };
    }
    if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) {
        return { path, message: `must be >= ${schema.minimum}` };
    }
    if (typeof value === 'string' && schema.minLength !== undefined && value.length < schema.minLength) {
        return { path, message: `must NOT have fewer than ${schema.minLength} characters` };
    }
    if (Array.isArray(value) && schema.items) {
        for (let i = 0; i < value.length; i++) {
            const error = check(schema.items, value[i], [...path, i]);
            if (error)
                return error;
        }
    }
    if (schema.type === 'object')
        return checkObject(schema, value, path);
    return null;
}
function checkObject(schema, value, path) {
    for (const key of schema.required ?? []) {
        if (!(key in value))
            return { path, message: `missing required key '${key}'` };
    }
    for (const [key, v] of Object.entries(value)) {
        const property = schema.properties?.[key];
        if (!property) {
            if (schema.additionalProperties === false)
                return { path, message: `unknown key '${(0,_excerpt_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$)(key, 60)}'` };
            continue;
        }
        const error = check(property, v, [...path, key]);
        if (error)
            return error;
    }
    return null;
}
function hasType(type, value) {
    switch (type) {
        case 'object':
            return typeof value === 'object' && value !== null && !Array.isArray(value);
        case 'array':
            return Array.isArray(value);
        case 'integer':
            return Number.isInteger(value);
        case 'null':
            return value === null;
        default:
            return typeof value === type;
    }
}


/***/ }),

/***/ 9407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qh: () => (/* binding */ QUERY_TIMEOUT_MS),
/* harmony export */   pe: () => (/* binding */ parseTime),
/* harmony export */   pr: () => (/* binding */ checkWindow)
/* harmony export */ });
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(444);
/** Raw Prometheus settings (action inputs or CLI options) checked into what the evaluation needs. */

/** How long one query may take: Prometheus's own default query timeout is 2 minutes; a gate waits less. */
const QUERY_TIMEOUT_MS = 30_000;
/** RFC 3339 or unix seconds, as Keptn accepted them, to epoch ms. */
function parseTime(input, value) {
    const text = value.trim();
    const ms = /^\d+(\.\d+)?$/.test(text)
        ? Number(text) * 1000
        : /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.test(text)
            ? Date.parse(text)
            : NaN;
    if (!Number.isFinite(ms))
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, 'RFC 3339 (2026-12-03T10:00:00Z) or unix seconds', value);
    return ms;
}
/** The test window: start before end. */
function checkWindow(start, end) {
    if (!(start < end))
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('--start/--end', 'a start before the end');
    return { start, end };
}


/***/ }),

/***/ 7185:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dq: () => (/* binding */ Histogram),
/* harmony export */   iA: () => (/* binding */ prepare),
/* harmony export */   sc: () => (/* binding */ narrow)
/* harmony export */ });
/* unused harmony exports DEFAULT_EXACT_CAP, rankOf */
/**
 * Response-time statistics in bounded memory with exact nearest-rank percentiles. JMeter's `elapsed` is
 * whole milliseconds, so one bucket per millisecond below 65.5 s is exact without keeping the samples.
 *
 * Above 65.5 s (rare: timeouts, hung requests) the values are kept exactly in a map while there are at
 * most `exactCap` distinct ones (the usual case: a few timeout values). Past that the map is dropped for
 * log-linear buckets (2^8 per power of two, a fixed 70 KB) and a percentile whose rank falls among them is
 * found by further passes over the data (see `resolve`): each pass counts only the values inside the one
 * bucket that holds the rank, in up to 65,536 sub-buckets, until a sub-bucket is 1 ms wide. Why: an exact
 * percentile of arbitrary distinct values needs either memory that grows with the samples (5,000,000
 * distinct values above 65.5 s took 631 MB in the map) or another look at the data; the file is still
 * there, and a second read costs about one more read of the file only in that rare case. Memory is then
 * bounded whatever the values.
 */
/** Values below this go to the dense array (65.5 s); larger ones to the overflow structures. */
const DENSE_LIMIT = 65536;
const DENSE_BITS = 16;
const INITIAL_DENSE = 1024;
/** `elapsed` has at most 15 digits: below 2^50. */
const TOP_BITS = 50;
/** Log-linear buckets above DENSE_LIMIT: this many bits of sub-bucket per power of two. */
const SUB_BITS = 8;
const DEFAULT_EXACT_CAP = 16384;
class Histogram {
    exactCap;
    count = 0;
    sum = 0;
    min = Infinity;
    max = -Infinity;
    /** Set by a reader that can read the data again; needed only once the exact map is dropped. */
    resolver = null;
    /** During a refining pass: the targets whose ranges this histogram's overflow values are counted into. */
    refining = null;
    dense;
    /** Whether `dense` is a scanner's (see adopt): the scanner counts into it while it is. */
    borrowed = false;
    exact = new Map();
    coarse = null;
    /** Ranks already resolved by further passes. */
    resolved = new Map();
    constructor(initial = INITIAL_DENSE, exactCap = DEFAULT_EXACT_CAP) {
        this.exactCap = exactCap;
        this.dense = new Uint32Array(Math.min(Math.max(initial, 16), DENSE_LIMIT));
    }
    /** Adds one whole-millisecond value (callers pass non-negative integers). */
    add(ms) {
        this.count++;
        this.sum += ms;
        if (ms < this.min)
            this.min = ms;
        if (ms > this.max)
            this.max = ms;
        if (ms < this.dense.length)
            this.dense[ms]++;
        else
            this.addSlow(ms);
    }
    /** Whether every percentile can be answered without another pass over the data. */
    get isExact() {
        return this.exact !== null;
    }
    addSlow(ms) {
        if (ms < DENSE_LIMIT) {
            let size = this.dense.length;
            while (size <= ms)
                size *= 2;
            const grown = new Uint32Array(Math.min(size, DENSE_LIMIT));
            grown.set(this.dense);
            this.dense = grown;
            this.dense[ms]++;
            return;
        }
        if (this.refining) {
            for (const t of this.refining) {
                if (ms >= t.lo && ms < t.hi)
                    t.counts[Math.floor((ms - t.lo) / t.step)]++;
            }
            return;
        }
        const exact = this.exact;
        if (exact) {
            const n = exact.get(ms);
            if (n !== undefined)
                return void exact.set(ms, n + 1);
            if (exact.size < this.exactCap)
                return void exact.set(ms, 1);
            // Too many distinct large values to keep: counts per log-linear bucket from now on.
            this.coarse = new Float64Array((TOP_BITS - DENSE_BITS) << SUB_BITS);
            for (const [v, k] of exact)
                this.coarse[coarseIndex(v)] += k;
            this.exact = null;
        }
        this.coarse[coarseIndex(ms)]++;
    }
    /** The 1 ms buckets below 65.5 s, for a caller counting many values in one loop (see addCounted). */
    buckets() {
        return this.dense;
    }
    /**
     * Moves the buckets into `target` (a full-size array, e.g. in WebAssembly memory where a scanner
     * counts into it directly); returns false, changing nothing, if `target` is not full-size.
     */
    adopt(target) {
        if (target === this.dense)
            return true; // a further file read with the same scanner
        if (target.length !== DENSE_LIMIT)
            return false;
        target.fill(0);
        target.set(this.dense);
        this.dense = target;
        this.borrowed = true;
        return true;
    }
    /** Copies adopted buckets into an array of its own, so their scanner may count other data. */
    keepBuckets() {
        if (!this.borrowed)
            return;
        this.dense = this.dense.slice();
        this.borrowed = false;
    }
    /** Records values the caller already put into buckets(): their number, sum, min and max. */
    addCounted(count, sum, min, max) {
        if (count === 0)
            return;
        this.count += count;
        this.sum += sum;
        if (min < this.min)
            this.min = min;
        if (max > this.max)
            this.max = max;
    }
    /**
     * Nearest rank: the smallest value v such that at least p% of the values are <= v.
     * Returns null when empty. `p` is in (0, 100].
     */
    percentile(p) {
        return this.percentiles([p])[0] ?? null;
    }
    /** Several percentiles in one pass over the buckets (and at most one set of further passes), in the order asked. */
    percentiles(ps) {
        if (this.count === 0)
            return ps.map(() => null);
        const ranks = ps.map(p => rankOf(p, this.count));
        const found = this.byRank(ranks);
        const open = found.filter((v) => typeof v === 'object');
        if (open.length > 0) {
            if (!this.resolver)
                throw new Error('exact percentiles above 65.5 s need another pass over the data');
            this.resolver(this, open);
            for (const t of open) {
                if (t.hi - t.lo !== 1)
                    throw new Error('a percentile was not resolved');
                this.resolved.set(t.rank, t.lo);
            }
        }
        return found.map(v => (typeof v === 'number' ? v : v.lo));
    }
    /** The ranks that further passes must resolve (none while the map is exact), for batching them. */
    pendingTargets(ps) {
        if (this.count === 0 || this.exact)
            return [];
        return this.byRank(ps.map(p => rankOf(p, this.count))).filter((v) => typeof v === 'object');
    }
    /** Records the targets resolved by a batch of passes (see pendingTargets). */
    settle(targets) {
        for (const t of targets)
            if (t.hi - t.lo === 1)
                this.resolved.set(t.rank, t.lo);
    }
    /** For each rank: its value, or the target (bucket range) that holds it when only further passes can tell. */
    byRank(ranks) {
        const order = ranks.map((_, i) => i).sort((a, b) => ranks[a] - ranks[b]);
        const out = ranks.map(() => 0);
        let next = 0;
        let seen = 0;
        const dense = this.dense;
        for (let v = 0; v < dense.length && next < order.length; v++) {
            if (dense[v] === 0)
                continue;
            seen += dense[v];
            while (next < order.length && ranks[order[next]] <= seen)
                out[order[next++]] = v;
        }
        if (next < order.length && this.exact) {
            for (const v of [...this.exact.keys()].sort((a, b) => a - b)) {
                seen += this.exact.get(v);
                while (next < order.length && ranks[order[next]] <= seen)
                    out[order[next++]] = v;
                if (next >= order.length)
                    break;
            }
        }
        const coarse = this.coarse;
        if (next < order.length && coarse) {
            for (let i = 0; i < coarse.length && next < order.length; i++) {
                const k = coarse[i];
                if (k === 0)
                    continue;
                while (next < order.length && ranks[order[next]] <= seen + k) {
                    const rank = ranks[order[next]];
                    const known = this.resolved.get(rank);
                    if (known !== undefined)
                        out[order[next++]] = known;
                    else {
                        const [lo, hi] = coarseRange(i);
                        out[order[next++]] = target(rank, lo, hi, rank - seen, k);
                    }
                }
                seen += k;
            }
        }
        return out;
    }
}
/** The log-linear bucket of a value >= DENSE_LIMIT. */
function coarseIndex(v) {
    // Integer arithmetic below 2^31 (24 days), the case that matters for speed.
    if (v < 0x80000000) {
        const e = 31 - Math.clz32(v);
        return ((e - DENSE_BITS) << SUB_BITS) + (v >>> (e - SUB_BITS)) - (1 << SUB_BITS);
    }
    const e = v < 2 ** 32 ? 31 - Math.clz32(v) : 63 - Math.clz32(Math.floor(v / 2 ** 32));
    const sub = Math.floor(v / 2 ** (e - SUB_BITS)) - (1 << SUB_BITS);
    return ((e - DENSE_BITS) << SUB_BITS) + sub;
}
function coarseRange(i) {
    const e = (i >> SUB_BITS) + DENSE_BITS;
    const width = 2 ** (e - SUB_BITS);
    const lo = 2 ** e + (i & ((1 << SUB_BITS) - 1)) * width;
    return [lo, lo + width];
}
/** Sub-buckets per target and pass: 65,536 for one, fewer when many ranks are looked for at once. */
const PASS_BYTES = 4 << 20;
function target(rank, lo, hi, within, expected) {
    return { rank, lo, hi, within, expected, step: 1, counts: new Float64Array(0) };
}
/** Prepares the targets' counts for the next pass (targets already 1 ms wide are left alone). */
function prepare(targets) {
    const open = targets.filter(t => t.hi - t.lo > 1);
    const slots = Math.max(256, Math.min(65536, Math.floor(PASS_BYTES / 8 / Math.max(1, open.length))));
    for (const t of open) {
        t.step = Math.ceil((t.hi - t.lo) / slots);
        t.counts = new Float64Array(Math.ceil((t.hi - t.lo) / t.step));
    }
}
/**
 * After a pass: narrows each target to the sub-bucket that holds its rank. Returns false if a pass did not
 * count the values the previous one did (the data changed between passes).
 */
function narrow(targets) {
    for (const t of targets) {
        if (t.hi - t.lo <= 1)
            continue;
        let total = 0;
        for (const k of t.counts)
            total += k;
        if (total !== t.expected)
            return false;
        let seen = 0;
        for (let j = 0; j < t.counts.length; j++) {
            const k = t.counts[j];
            if (seen + k >= t.within) {
                t.within -= seen;
                t.expected = k;
                t.lo += j * t.step;
                t.hi = Math.min(t.hi, t.lo + t.step);
                break;
            }
            seen += k;
        }
        t.counts = new Float64Array(0);
    }
    return true;
}
/**
 * The 1-based rank ceil(p·n/100), computed on integers so 95% of 20 is exactly 19. `p` may have up
 * to 6 decimals (p99.9).
 */
function rankOf(p, n) {
    const scale = 1e6;
    const scaled = Math.round(p * scale);
    // BigInt avoids rounding for huge n; it runs a few times per evaluation, not per sample.
    const num = BigInt(scaled) * BigInt(n);
    const den = BigInt(100 * scale);
    const rank = Number((num + den - 1n) / den);
    return Math.min(Math.max(rank, 1), n);
}


/***/ }),

/***/ 7038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ks: () => (/* binding */ readJtls)
});

// UNUSED EXPORTS: CHUNK, MAX_CSV_RECORD, MAX_RECORD, readJtl

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/contracts/errors.ts
var errors = __webpack_require__(444);
;// CONCATENATED MODULE: ./src/results-file/csv-fields.ts
/** The general (slow) CSV record splitter: quoted fields with commas, doubled quotes and newlines. */
const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
class CsvSyntaxError extends Error {
    newlines;
    constructor(message, 
    /** Newlines between the record start and the problem, to report the right line. */
    newlines) {
        super(message);
        this.newlines = newlines;
    }
}
/**
 * Splits the record starting at `p`. Returns null when `s` ends before the record's line end: a
 * record counts only once its terminating newline is there (a cut-off last line is not a record).
 */
function splitRecord(s, p) {
    const fields = [];
    const len = s.length;
    let i = p;
    let newlines = 0;
    for (;;) {
        if (s.charCodeAt(i) === QUOTE) {
            const quoted = readQuoted(s, i);
            if (!quoted)
                return null;
            newlines += countLf(quoted.value);
            fields.push(quoted.value);
            i = quoted.end;
            const c = s.charCodeAt(i);
            if (c === COMMA) {
                i++;
                continue;
            }
            if (c === LF)
                return { fields, next: i + 1, newlines };
            if (c === CR && i + 1 >= len)
                return null;
            if (c === CR && s.charCodeAt(i + 1) === LF)
                return { fields, next: i + 2, newlines };
            throw new CsvSyntaxError(`a quoted field is followed by ${JSON.stringify(s[i])}, not a comma or line end`, newlines);
        }
        let j = i;
        let c = 0;
        while (j < len && (c = s.charCodeAt(j)) !== COMMA && c !== LF)
            j++;
        if (j >= len)
            return null;
        const end = c === LF && j > i && s.charCodeAt(j - 1) === CR ? j - 1 : j;
        fields.push(s.slice(i, end));
        if (c === LF)
            return { fields, next: j + 1, newlines };
        i = j + 1;
    }
}
/** Reads the quoted field opening at `i`; null if its closing quote is not in `s` yet. */
function readQuoted(s, i) {
    let value = '';
    let from = i + 1;
    for (;;) {
        const q = s.indexOf('"', from);
        // q + 1 must exist too: a quote as the last character may be the first half of a doubled one.
        if (q < 0 || q + 1 >= s.length)
            return null;
        value += s.slice(from, q);
        if (s.charCodeAt(q + 1) !== QUOTE)
            return { value, end: q + 1 };
        value += '"';
        from = q + 2;
    }
}
function countLf(s, from = 0, to = s.length) {
    let n = 0;
    for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1))
        n++;
    return n;
}
/**
 * Where the quoted field left open in `s` (the start of a record that has no end) opens, or -1 when
 * every quoted field in it is closed (a last line cut off outside quotes).
 */
function unclosedQuote(s) {
    let i = 0;
    while (i < s.length) {
        if (s.charCodeAt(i) === QUOTE) {
            let from = i + 1;
            for (;;) {
                const q = s.indexOf('"', from);
                if (q < 0)
                    return i;
                // At the end of the file a last quote closes the field (it cannot be half of a doubled one).
                if (s.charCodeAt(q + 1) !== QUOTE) {
                    i = q + 1;
                    break;
                }
                from = q + 2;
            }
        }
        // An unquoted field (or text after a closing quote) runs to the next comma.
        const comma = s.indexOf(',', i);
        if (comma < 0)
            return -1;
        i = comma + 1;
    }
    return -1;
}

;// CONCATENATED MODULE: ./src/results-file/csv-scan-wasm.ts
// Generated by csv-scan.build.sh from csv-scan.c: do not edit.
const CSV_SCAN_WASM = 'AGFzbQEAAAABHQRgAAF/YAR/f39/AX9gA39/fwF/YAV/f39/fwF/AwcGAAAAAQIDBAUBcAEBAQUDAQAGBggBfwFB0IgUCwclBQZtZW1vcnkCAARoaXN0AAADb3V0AAEEaGVhcAACBHNjYW4AAwrhEgYIAEGAiICAAAsIAEGAiJCAAAsIAEHQiJSAAAvEDg4BfwJ7An8CfAF/AXwJfwJ+AXsBfgV7AX4DfwN8I4CAgIAAQRBrIgQkgICAgAAgBEEANgIMAkACQCAA/QAAAP0MxsbGxsbGxsbGxsbGxsbGxiIF/W79DPb29vb29vb29vb29vb29vYiBv0m/WRBgIAEcmgiB0FwakFxTw0AQX8hCEQAAAAAAAAAACEJRAAAAAAAAPD/IQpBACELRAAAAAAAAPB/IQxBACENQQAhDkEAIQ8MAQsgAkF/aiEQIAJBAWohESACQX5qIRJEAAAAAAAA8P8hCkQAAAAAAAAAACEJRAAAAAAAAPB/IQwgAkEESCETQQAhDUEAIQ9BACEOQQAhC0F/IQgDQCAAIAdqIhQtAABBLEcNAUEAIAdBA3RrIRUgACkAAELQn7/+/Pnz5098IRYCQAJAIAdBCEsNACAWIBVBwABqrYYiFkIKfiAWQgiIfCIWQhCIQv+BgIDwH4NCgYCAgIDiCX4gFkL/gYCA8B+DQuSAgICAyNAHfnxCIIghFwwBCyAUQXhqKQAAQtCfv/78+fPnT3wiF0IKfiAXQgiIfCIXQhCIQv+BgIDwH4NCgYCAgIDiCX4gF0L/gYCA8B+DQuSAgICAyNAHfnxCIIggFiAVQYABaq2GIhZCCn4gFkIIiHwiFkIQiEL/gYCA8B+DQoGAgICA4gl+IBZC/4GAgPAfg0LkgICAgMjQB358QiCIQoDC1y9+fCEXCyAUQQFqIhT9AAAAIhggBf1uIAb9Jv1kQYCABHJoIgdBempBe0kNASAUIAdqIhQtAABBLEcNASAY/R0AQtCfv/78+fPnT3xBwAAgB0EDdGuthiIWQgp+IBZCCIh8IhZCEIhC/4GAgPAfg0KBgICAgOIJfiAWQv+BgIDwH4NC5ICAgIDI0Ad+fCIZQv///////z9WDQEgFEEBaiEHAkACQAJAIAJBA0giFQ0AIBIgB/0AABAiGv0MLCwsLCwsLCwsLCwsLCwsLCIY/SP9ZK1CEIYgB/0AAAAiGyAY/SP9ZK2EIAf9AAAgIhwgGP0j/WStQiCGhCAH/QAAMCIdIBj9I/1krUIwhoQiFnunSw0BIBr9DCIiIiIiIiIiIiIiIiIiIiIiGP0jIBr9DAoKCgoKCgoKCgoKCgoKCgoiHv0j/VD9ZK1CEIYgGyAY/SMgGyAe/SP9UP1krYQgHCAY/SMgHCAe/SP9UP1krUIghoQgHSAY/SMgHSAe/SP9UP1krUIwhoQhHyAQIRQCQCATDQADQCAWQn98IBaDIRYgFEF/aiIUQQJLDQALCyAHIBZ6IhanQQFqQQBCAiAWhkJ/fCAfg1AiFBtqIQcgFA0CCyAVDQELIBIhIANAIActAABBIkYNAyAHQUBqIQcDQCAHQdAAaiEVIAdB4ABqISEgB0HwAGohIiAHQcAAaiIUIQcgFf0AAAAiG/0MCgoKCgoKCgoKCgoKCgoKCiIY/SMgG/0MLCwsLCwsLCwsLCwsLCwsLCIa/SP9UP1krUIQhiAU/QAAACIbIBj9IyAbIBr9I/1Q/WSthCAh/QAAACIbIBj9IyAbIBr9I/1Q/WStQiCGhCAi/QAAACIbIBj9IyAbIBr9I/1Q/WStQjCGhCIWUA0ACyAUIBZ6p2oiFC0AAEEKRg0DIBRBAWohByAgQQFKIRUgIEF/aiEgIBUNAAsgFEEBaiEHCwJAAkACQCAHLQAAQZp/ag4PAQQEBAQEBAQEBAQEBAQABAsgBy0AAUHyAEcNAyAHLQACQfUARw0DIActAANB5QBHDQNBACEhQQQhFAwBCyAHLQABQeEARw0CIActAAJB7ABHDQIgBy0AA0HzAEcNAiAHLQAEQeUARw0CQQEhIUEFIRQLAkACQCAHIBRqIgctAAAiFEENRg0AIAchFQwBCyAHQQFqIRUgBy0AASEUCwJAAkAgFEH/AXEiB0EKRw0AIBUhFAwBCyAHQSxHDQIgFUEKQSIQhICAgAAiFC0AAEEiRw0AIBUgASARIAMgBEEMahCFgICAACEUCyAURQ0BIBQgAU8NASAZQiCIpyIHQQJ0QYCIgIAAaiIVIBUoAgBBAWo2AgAgCyAHSSEVIAggB0shIiAHuCEjAkAgF1ANACAXuiIkICOgIiUgCiAlIApkGyEKICQgDCAMICRkGyEMIA5BAWohDgsgByALIBUbIQsgByAIICIbIQggISAPaiEPIA1BAWohDSAJICOgIQkgFEEBaiEAIBT9AAABIAX9biAG/Sb9ZEGAgARyaCIHQXBqQXBLDQALC0EAIAk5A7CIkIAAQQAgCjkDoIiQgABBACAMOQOYiJCAAEEAIA24Igk5A6iIkIAAQQAgDrg5A5CIkIAAQQAgD7g5A4iIkIAAQQAgCTkDgIiQgABBACAEKAIMuDkDyIiQgABBACALuEQAAAAAAADw/yANGzkDwIiQgABBACAIuEQAAAAAAADwfyANGzkDuIiQgAAgBEEQaiSAgICAACAAC7YBBAJ7An8BewF+IABBQGohACAC/Q8hAyAB/Q8hBANAIABB0ABqIQIgAEHgAGohBSAAQfAAaiEGIABBwABqIgEhACAC/QAAACIHIAP9IyAHIAT9I/1Q/WStQhCGIAH9AAAAIgcgA/0jIAcgBP0j/VD9ZK2EIAX9AAAAIgcgA/0jIAcgBP0j/VD9ZK1CIIaEIAb9AAAAIgcgA/0jIAcgBP0j/VD9ZK1CMIaEIghQDQALIAEgCHqnagvFAgEEfyADIAIgAyACShshBSAALQAAIQNBACEGA0ACQCADQf8BcUENRw0AIABBAWogACAALQABQQpGGyIALQAAIQMLAkACQCADQf8BcUEKRw0AQQAhByAAIAFPDQEgBCAEKAIAIAZqNgIAIAAPC0EAIQcgAiAFRg0AIAJBAWohAgJAIAAtAAEiA0EiRg0AIABBAWohAANAIANB/wFxIghBCkYNAyAIQSxGDQMgAEEBaiIALQAAIQMMAAsLIABBAmohCANAAkAgCC0AACIAQSJGDQACQCAAQQpHDQAgCCABTw0DIAZBAWohBgsgCEEBaiEIDAELIAhBAWoiACABTw0BAkAgAC0AACIDQSJHDQAgAEEBaiEIDAELCwJAAkAgA0F2ag4EAwICAAELQQ0hAyAILQACQQpGDQIMAQsgA0EsRg0BCwsgBws=';

;// CONCATENATED MODULE: ./src/results-file/csv-wasm.ts
/**
 * The CSV hot path (csv-hot.ts) run by WebAssembly with SIMD line-end search: the chunk buffers live in
 * the module's memory, so the file is read straight where the scanner looks (no copy). Without
 * WebAssembly (or SIMD) the reader falls back to the JavaScript hot path; both give the same numbers.
 */


const { WebAssembly: wasm } = globalThis;
/** Bytes kept after each buffer: a sentinel line feed and the 64-byte loads that may reach past it. */
const PADDING = 64;
const DENSE = 65536;
let compiled;
function wasmModule() {
    if (compiled === undefined) {
        try {
            compiled = new wasm.Module(Buffer.from(CSV_SCAN_WASM, 'base64'));
        }
        catch {
            compiled = null;
        }
    }
    return compiled;
}
class WasmScanner {
    /** Two chunk buffers of `size` bytes in the module's memory, for the reader to fill. */
    buffers;
    /** The histogram's 1 ms buckets, shared with the module. */
    hist;
    bytes;
    out;
    run;
    constructor(exports, size) {
        const { memory } = exports;
        const base = (exports.heap() + 15) & ~15;
        const need = base + 2 * (size + PADDING);
        if (need > memory.buffer.byteLength)
            memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
        // Views only after growing: growth detaches the old ArrayBuffer.
        this.bytes = new Uint8Array(memory.buffer);
        this.buffers = [0, 1].map(k => Buffer.from(memory.buffer, base + k * (size + PADDING), size));
        this.hist = new Uint32Array(memory.buffer, exports.hist(), DENSE);
        this.out = new Float64Array(memory.buffer, exports.out(), 10);
        this.run = exports.scan;
    }
    /** A scanner with buffers of `size` bytes, or null where WebAssembly SIMD is not available. */
    static create(size) {
        const module = wasmModule();
        if (!module)
            return null;
        try {
            return new WasmScanner(new wasm.Instance(module).exports, size);
        }
        catch {
            return null;
        }
    }
    /** Whether `b` is (part of) one of this scanner's buffers. */
    owns(b) {
        return b.buffer === this.bytes.buffer;
    }
    /**
     * Like hotRun, and also through quoted fields after success (in records of at most `maxFields` fields):
     * reads the records of `b` (one of this scanner's buffers) from `p`; returns the index of the first record
     * not read. `stats.hist` must use `this.hist` as its buckets.
     */
    hotRun(b, p, successCol, maxFields, stats, state) {
        const at = b.byteOffset;
        this.bytes[at + b.length] = LF;
        const next = this.run(at + p, at + b.length, successCol, maxFields) - at;
        const [n, failed, timed, minTs, maxEnd, counted, sum, min, max, inner] = this.out;
        stats.count += n;
        stats.failed += failed;
        stats.timed += timed;
        if (minTs < stats.minTs)
            stats.minTs = minTs;
        if (maxEnd > stats.maxEnd)
            stats.maxEnd = maxEnd;
        stats.hist.addCounted(counted, sum, min, max);
        state.records = n;
        state.lines = n + inner;
        return next;
    }
}

// EXTERNAL MODULE: ./src/results-file/histogram.ts
var histogram = __webpack_require__(7185);
;// CONCATENATED MODULE: ./src/results-file/csv-bytes.ts
/** Byte-level helpers for the CSV hot path: where a record ends, and labels without a string per row. */

/** Finds record ends in one chunk, remembering the next quote so quote-free chunks cost one search. */
class RecordEnds {
    // -Infinity, not -1: the field must start as a double, or storing Infinity later deoptimizes the scan.
    nextQuote = -Infinity;
    /** Newlines inside quoted fields met by the last end() call. */
    newlines = 0;
    reset() {
        this.nextQuote = -Infinity;
    }
    /**
     * Index after the record whose field starting at `i` is a field start; -1 when the chunk ends first.
     * `nl` is any known line end at or after `i` (or -1).
     */
    end(b, i, nl) {
        this.newlines = 0;
        const len = b.length;
        for (;;) {
            if (nl < i)
                nl = b.indexOf(LF, i);
            if (nl < 0)
                return -1;
            if (this.nextQuote < i) {
                const q = b.indexOf(QUOTE, i);
                this.nextQuote = q < 0 ? Infinity : q;
            }
            // No quote before the line end: no quoted field, so the record ends there.
            if (this.nextQuote > nl)
                return nl + 1;
            if (b[i] === QUOTE) {
                const end = quotedEnd(b, i);
                if (end < 0)
                    return -1;
                for (let k = b.indexOf(LF, i); k >= 0 && k < end; k = b.indexOf(LF, k + 1))
                    this.newlines++;
                const c = b[end];
                if (c === LF)
                    return end + 1;
                if (c === CR && end + 1 < len && b[end + 1] === LF)
                    return end + 2;
                if (end + 1 >= len)
                    return -1;
                // A stray character after a closing quote goes on as unquoted text; the splitter reports it.
                i = c === COMMA ? end + 1 : end;
            }
            else {
                // An unquoted field; a quote inside it is a literal character.
                const comma = b.indexOf(COMMA, i);
                if (comma < 0 || comma > nl)
                    return nl + 1;
                i = comma + 1;
            }
        }
    }
}
/** Index just after the quoted field opening at `i`, or -1 if the chunk ends first. */
function quotedEnd(b, i) {
    let from = i + 1;
    for (;;) {
        const q = b.indexOf(QUOTE, from);
        if (q < 0 || q + 1 >= b.length)
            return -1;
        if (b[q + 1] !== QUOTE)
            return q + 1;
        from = q + 2;
    }
}
/** Labels keyed by a hash of their bytes: a row costs a hash and a compare, not a new string. */
class LabelTable {
    table = new Map();
    get(b, from, to, hash) {
        let bucket = this.table.get(hash);
        if (bucket) {
            for (const entry of bucket)
                if (sameBytes(entry.bytes, b, from, to))
                    return entry.label;
        }
        else {
            bucket = [];
            this.table.set(hash, bucket);
        }
        const bytes = Buffer.from(b.subarray(from, to));
        const label = bytes.toString('utf8');
        // Bounded: a file with endless distinct labels stops being cached (the sink caps labels anyway).
        if (this.table.size < 10000)
            bucket.push({ bytes, label });
        return label;
    }
}
function sameBytes(a, b, from, to) {
    if (a.length !== to - from)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[from + i])
            return false;
    return true;
}

;// CONCATENATED MODULE: ./src/results-file/csv-hot.ts
/**
 * The hottest path of the CSV reader, for the layout of every JMeter default (timeStamp, elapsed first;
 * success at a fixed column) when no label is needed. One loop over many records, state in locals,
 * the histogram counted in place: about half the time of the general fast path. Any record it is not
 * sure about (a quote before success, a short row, a non-digit) is left to the general path.
 * csv-scan.c does the same in WebAssembly (csv-wasm.ts); this one is used where that one is not.
 */

/** Reads plain records from `p`; returns the index of the first record not read. */
function hotRun(b, p, successCol, stats, state) {
    const hist = stats.hist;
    let dense = hist.buckets();
    let limit = dense.length;
    let nextQuote = state.nextQuote;
    let n = 0;
    let failed = 0;
    let timed = 0;
    let minTs = stats.minTs;
    let maxEnd = stats.maxEnd;
    let hn = 0;
    let hsum = 0;
    let hmin = Infinity;
    let hmax = -Infinity;
    for (;;) {
        const nl = b.indexOf(LF, p);
        if (nl < 0)
            break;
        let i = p;
        let ts = 0;
        let c = b[i];
        while (c >= 48 && c <= 57) {
            ts = ts * 10 + (c - 48);
            c = b[++i];
        }
        if (c !== COMMA || i === p || i - p > 15)
            break;
        const from = ++i;
        let elapsed = 0;
        c = b[i];
        while (c >= 48 && c <= 57) {
            elapsed = elapsed * 10 + (c - 48);
            c = b[++i];
        }
        if (c !== COMMA || i === from || i - from > 15)
            break;
        i++;
        let col = 2;
        for (; col < successCol; col++) {
            c = b[i];
            if (c === QUOTE)
                break;
            // Most bytes of a field are above the comma: one comparison for them.
            while (c > COMMA || (c !== COMMA && c !== LF))
                c = b[++i];
            if (c === LF)
                break;
            i++;
        }
        if (col < successCol)
            break;
        let ok;
        if (b[i] === 116 && b[i + 1] === 114 && b[i + 2] === 117 && b[i + 3] === 101) {
            ok = true;
            i += 4;
        }
        else if (b[i] === 102 && b[i + 1] === 97 && b[i + 2] === 108 && b[i + 3] === 115 && b[i + 4] === 101) {
            ok = false;
            i += 5;
        }
        else
            break;
        c = b[i];
        if (c === CR)
            c = b[++i];
        if (c !== COMMA && c !== LF)
            break;
        if (c === COMMA) {
            // The record ends at nl unless a quoted field (maybe multi-line) comes first.
            if (nextQuote < i) {
                const q = b.indexOf(QUOTE, i);
                nextQuote = q < 0 ? Infinity : q;
            }
            if (nextQuote < nl)
                break;
        }
        n++;
        if (!ok)
            failed++;
        if (elapsed < limit) {
            dense[elapsed]++;
            hn++;
            hsum += elapsed;
            if (elapsed < hmin)
                hmin = elapsed;
            if (elapsed > hmax)
                hmax = elapsed;
        }
        else {
            hist.add(elapsed);
            dense = hist.buckets();
            limit = dense.length;
        }
        // A timeStamp of 0 marks a sample that failed before it started: no place in the time window.
        if (ts > 0) {
            timed++;
            if (ts < minTs)
                minTs = ts;
            if (ts + elapsed > maxEnd)
                maxEnd = ts + elapsed;
        }
        p = nl + 1;
    }
    stats.count += n;
    stats.failed += failed;
    stats.timed += timed;
    stats.minTs = minTs;
    stats.maxEnd = maxEnd;
    hist.addCounted(hn, hsum, hmin, hmax);
    state.nextQuote = nextQuote;
    state.records = n;
    state.lines = n;
    return p;
}

;// CONCATENATED MODULE: ./src/results-file/csv-layout.ts
/**
 * Which CSV column holds what. With a header row, columns are found by name (any order, any subset).
 * Without one, only JMeter's default layouts are accepted, and every row must fit the assumed layout:
 * a file that could be read two ways is refused rather than read wrong.
 */
// JMeter's default CSV columns (jmeter.properties of each version); success is column 7 in all.
const DEFAULTS = [
    {
        name: 'JMeter 5.x default (17 columns, with URL)',
        columns: 17,
        integers: [0, 1, 9, 10, 11, 12, 14, 15, 16]
    },
    { name: 'JMeter 3.x/4.x default (16 columns)', columns: 16, integers: [0, 1, 9, 10, 11, 12, 13, 14, 15] },
    { name: 'JMeter 2.x default (12 columns)', columns: 12, integers: [0, 1, 8, 9, 10, 11] }
];
const KNOWN = new Set([
    'timeStamp',
    'elapsed',
    'label',
    'responseCode',
    'responseMessage',
    'threadName',
    'dataType',
    'success',
    'failureMessage',
    'bytes',
    'sentBytes',
    'grpThreads',
    'allThreads',
    'URL',
    'Filename',
    'Latency',
    'Connect',
    'Encoding',
    'SampleCount',
    'ErrorCount',
    'Hostname',
    'IdleTime'
].map(name => name.toLowerCase()));
const INTEGER = /^\d{1,15}$/;
/** Decides from the first record; returns the layout, or a refusal that says why. */
function detectLayout(fields) {
    const names = fields.map(f => f.trim().toLowerCase());
    if (names.filter(n => KNOWN.has(n)).length >= 2) {
        const at = (name) => names.indexOf(name.toLowerCase());
        const layout = {
            timestamp: at('timeStamp'),
            elapsed: at('elapsed'),
            success: at('success'),
            label: at('label'),
            responseCode: at('responseCode'),
            responseMessage: at('responseMessage'),
            failureMessage: at('failureMessage')
        };
        if (layout.elapsed < 0 && layout.success < 0) {
            return 'its header row has neither an elapsed nor a success column';
        }
        return { layout: { ...layout, header: fields, assumed: null }, isHeader: true };
    }
    const assumed = DEFAULTS.find(d => fitsDefault(d, fields));
    if (!assumed) {
        return (`it has no header row, and its ${fields.length} columns do not match a JMeter default layout ` +
            '(5.x: 17, 3.x/4.x: 16, 2.x: 12 columns, starting timeStamp,elapsed); the columns cannot be ' +
            'known for sure. Save results with a header (jmeter.save.saveservice.print_field_names=true)');
    }
    return {
        // Every default starts timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success;
        // failureMessage follows from JMeter 3 on.
        layout: {
            timestamp: 0,
            elapsed: 1,
            label: 2,
            responseCode: 3,
            responseMessage: 4,
            success: 7,
            failureMessage: assumed.columns >= 16 ? 8 : -1,
            header: null,
            assumed
        },
        isHeader: false
    };
}
/** Whether a headerless row has the shape of a default layout: count, numbers, success and dataType. */
function fitsDefault(d, fields) {
    if (fields.length !== d.columns)
        return false;
    if (!d.integers.every(i => INTEGER.test(fields[i])))
        return false;
    if (fields[7] !== 'true' && fields[7] !== 'false')
        return false;
    return ['', 'text', 'bin'].includes(fields[6]);
}
/** A repeated header row (runs appended to one file). */
function isHeaderRow(layout, fields) {
    const h = layout.header;
    return h !== null && fields.length === h.length && fields.every((f, i) => f === h[i]);
}

// EXTERNAL MODULE: ./src/results-file/sli.ts
var sli = __webpack_require__(4741);
;// CONCATENATED MODULE: ./src/results-file/timestamp.ts
/** JTL timestamps: epoch milliseconds, or a formatted date when jmeter.save.saveservice.timestamp_format is set. */
// yyyy/MM/dd HH:mm:ss[.SSS] and yyyy-MM-dd[T ]HH:mm:ss[.SSS], JMeter's usual formatted timestamps.
const DATE = /^(\d{4})[/-](\d{2})[/-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,3}))?$/;
function parseTimestamp(text) {
    if (/^\d{1,15}$/.test(text))
        return { value: Number(text) };
    const m = DATE.exec(text.trim());
    if (!m) {
        return {
            value: null,
            warning: `timeStamp ${JSON.stringify(text.slice(0, 40))} is not understood: no throughput`
        };
    }
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
    // The zone is unknown; read as UTC, which keeps differences right (throughput needs only those).
    const value = Date.UTC(year, month - 1, day, hour, minute, second, ms);
    if (Number.isNaN(value))
        return { value: null, warning: `timeStamp ${JSON.stringify(text)} is not a date: no throughput` };
    if (m[7])
        return { value };
    return { value, warning: 'timeStamps are dates with 1 s resolution: throughput is approximate' };
}

;// CONCATENATED MODULE: ./src/results-file/jtl-csv.ts
/**
 * CSV JTL scanner over raw bytes. The hot path reads the few fields it needs byte by byte (no string
 * per row), skips the rest of a record with native indexOf, and leaves records with quotes among the
 * needed fields to the general splitter, which sees just that record as text.
 */







const SKIP = 0;
const TIMESTAMP = 1;
const ELAPSED = 2;
const SUCCESS = 3;
const LABEL = 4;
/** Fields were split from latin1 text: turn their bytes back into UTF-8. */
function utf8(field) {
    return Buffer.from(field, 'latin1').toString('utf8');
}
class CsvScanner {
    file;
    sink;
    wasm;
    /** Line number where the next record starts. */
    line = 1;
    layout = null;
    kinds = new Uint8Array(0);
    last = 0;
    ends = new RecordEnds();
    labels = new LabelTable();
    warnedHeader = false;
    timestampWarned = new Set();
    /** success column for the hot path (timeStamp and elapsed first, no labels), or -1. */
    hotSuccess = -1;
    hot = { nextQuote: -Infinity, records: 0, lines: 0 };
    constructor(file, sink, 
    /** The WebAssembly hot path, used for chunks in its buffers once the histogram counts there. */
    wasm = null) {
        this.file = file;
        this.sink = sink;
        this.wasm = wasm;
    }
    /** Whether the first record (the header, or a row of a default layout) was read. */
    get started() {
        return this.layout !== null;
    }
    /** Reads every complete record of `b`; returns where the incomplete rest begins. */
    scan(b) {
        this.ends.reset();
        this.hot.nextQuote = -Infinity;
        const len = b.length;
        let p = 0;
        // WebAssembly leaves values above 65.5 s to JavaScript; when it stops after few records again and again
        // (many such values: the distinct-large-values case), the JavaScript hot path takes the rest of the chunk.
        let js = this.wasm?.owns(b) !== true;
        let short = 0;
        while (p < len) {
            if (this.hotSuccess >= 0) {
                p = js
                    ? hotRun(b, p, this.hotSuccess, this.sink.total, this.hot)
                    : this.wasm.hotRun(b, p, this.hotSuccess, this.layout.header.length, this.sink.total, this.hot);
                short = this.hot.records < 8 ? short + 1 : 0;
                if (short >= 4)
                    js = true;
                this.line += this.hot.lines;
                if (p >= len)
                    break;
            }
            const next = this.layout?.header ? this.fast(b, p) : this.slow(b, p);
            if (next < 0)
                break;
            p = next;
        }
        return p;
    }
    configure(layout) {
        this.layout = layout;
        const width = Math.max(layout.timestamp, layout.elapsed, layout.success, layout.label) + 1;
        this.kinds = new Uint8Array(width);
        const set = (col, kind) => col >= 0 && (this.kinds[col] = kind);
        set(layout.timestamp, TIMESTAMP);
        set(layout.elapsed, ELAPSED);
        set(layout.success, SUCCESS);
        if (this.sink.trackLabels)
            set(layout.label, LABEL);
        const labels = this.sink.trackLabels && layout.label >= 0;
        const hot = layout.header &&
            layout.timestamp === 0 &&
            layout.elapsed === 1 &&
            layout.success >= 2 &&
            !labels &&
            !this.sink.causes;
        this.hotSuccess = hot ? layout.success : -1;
        if (this.wasm && !(hot && this.sink.total.hist.adopt(this.wasm.hist)))
            this.wasm = null;
        this.last = this.kinds.reduce((last, kind, col) => (kind === SKIP ? last : col), 0);
        const has = (col) => col >= 0;
        this.sink.columns = {
            timestamp: has(layout.timestamp),
            elapsed: has(layout.elapsed),
            success: has(layout.success),
            label: has(layout.label)
        };
    }
    /**
     * The hot path: plain fields only. Returns the next record's index, or -1 if incomplete. Every
     * read stays before the first line end `nl` (out-of-bounds reads would deoptimize the function).
     */
    fast(b, p) {
        const nl = b.indexOf(LF, p);
        if (nl < 0)
            return -1;
        const kinds = this.kinds;
        const last = this.last;
        let i = p;
        let ts = 0;
        let elapsed = -1;
        let ok = true;
        let label;
        let c = 0;
        for (let col = 0;; col++) {
            const kind = kinds[col];
            const from = i;
            if (kind === TIMESTAMP || kind === ELAPSED) {
                let v = 0;
                while ((c = b[i]) >= 48 && c <= 57) {
                    v = v * 10 + (c - 48);
                    i++;
                }
                if (i === from || i - from > 15)
                    return this.slow(b, p);
                if (kind === TIMESTAMP)
                    ts = v;
                else
                    elapsed = v;
            }
            else if (kind === SUCCESS) {
                c = b[i];
                if (c === 116 && i + 4 <= nl && b[i + 1] === 114 && b[i + 2] === 117 && b[i + 3] === 101)
                    i += 4;
                else if (c === 102 &&
                    i + 5 <= nl &&
                    b[i + 1] === 97 &&
                    b[i + 2] === 108 &&
                    b[i + 3] === 115 &&
                    b[i + 4] === 101) {
                    ok = false;
                    i += 5;
                }
                else
                    return this.slow(b, p);
                c = b[i];
            }
            else {
                c = b[i];
                if (c === QUOTE)
                    return this.slow(b, p);
                if (kind === LABEL) {
                    let hash = 0x811c9dc5;
                    while (c !== COMMA && c !== LF) {
                        hash = Math.imul(hash ^ c, 16777619);
                        c = b[++i];
                    }
                    const to = c === LF && i > from && b[i - 1] === CR ? i - 1 : i;
                    label = this.labels.get(b, from, to, hash);
                }
                else {
                    while (c !== COMMA && c !== LF)
                        c = b[++i];
                }
            }
            if (c === CR)
                c = b[++i];
            if (c !== COMMA && c !== LF)
                return this.slow(b, p);
            if (col === last)
                break;
            if (c === LF)
                return this.slow(b, p);
            i++;
        }
        const next = c === LF ? i + 1 : this.ends.end(b, i + 1, nl);
        if (next < 0)
            return -1;
        // A record over several lines (a quoted field with line ends, rare) is split and checked whole: a quote
        // closed rows later would otherwise merge those rows into this one unseen.
        if (c !== LF && this.ends.newlines > 0) {
            this.ends.reset(); // its remembered quote lies past p now
            return this.slow(b, p);
        }
        // A failed sample's cause is in fields this path skips: read that record whole.
        if (!ok && this.sink.causes) {
            this.ends.reset();
            return this.slow(b, p);
        }
        this.line += c === LF ? 1 : 1 + this.ends.newlines;
        this.sink.add(ts, elapsed, ok, label);
        return next;
    }
    /** The general path: finds the record's end, then splits just that record as text. */
    slow(b, p) {
        const next = this.ends.end(b, p, -1);
        if (next < 0)
            return -1;
        let record;
        try {
            record = splitRecord(b.toString('latin1', p, next), 0);
        }
        catch (error) {
            if (!(error instanceof CsvSyntaxError))
                throw error;
            throw new errors/* ResultsFileError */.dL(this.file, this.line + error.newlines, error.message);
        }
        if (!record)
            throw new errors/* ResultsFileError */.dL(this.file, this.line, 'a record that cannot be split into fields');
        const line = this.line;
        this.line += 1 + record.newlines;
        this.accept(record.fields, line);
        return next;
    }
    accept(fields, line) {
        if (fields.length === 1 && fields[0] === '')
            return;
        if (!this.layout) {
            const found = detectLayout(fields);
            if (typeof found === 'string')
                throw new errors/* ResultsFileError */.dL(this.file, line, `cannot read this CSV results file: ${found}`);
            this.configure(found.layout);
            if (found.isHeader)
                return;
            this.sink.warnings.push(`${this.file} has no header row; read as ${found.layout.assumed.name}`);
        }
        const layout = this.layout;
        if (isHeaderRow(layout, fields))
            return this.repeatedHeader(line);
        if (layout.assumed && !fitsDefault(layout.assumed, fields)) {
            throw new errors/* ResultsFileError */.dL(this.file, line, `this row does not fit the ${layout.assumed.name} assumed for a file without header row, so its columns cannot be known for sure`);
        }
        this.addFields(fields, layout, line);
    }
    addFields(fields, layout, line) {
        const need = Math.max(layout.timestamp, layout.elapsed, layout.success);
        // More fields than the header: rows merged by a quote that was never closed where it should have been.
        if (fields.length <= need || (layout.header && fields.length > layout.header.length)) {
            throw new errors/* ResultsFileError */.dL(this.file, line, `the row has ${fields.length} fields; the header has ${layout.header?.length}`);
        }
        const elapsed = layout.elapsed < 0 ? -1 : wholeNumber(fields[layout.elapsed]);
        if (elapsed === null)
            throw this.bad(line, 'elapsed', fields[layout.elapsed], 'a whole number of milliseconds');
        let ok = true;
        if (layout.success >= 0) {
            const text = fields[layout.success];
            if (text !== 'true' && text !== 'false')
                throw this.bad(line, 'success', text, 'true or false');
            ok = text === 'true';
        }
        if (!ok && this.sink.causes) {
            const field = (col) => (col < 0 ? '' : utf8(fields[col] ?? ''));
            const code = field(layout.responseCode);
            this.sink.causes.add(code, (0,sli/* causeMessage */.fq)(code, field(layout.responseMessage), field(layout.failureMessage)));
        }
        const ts = layout.timestamp < 0 ? 0 : this.timestamp(fields[layout.timestamp]);
        const raw = this.sink.trackLabels && layout.label >= 0 ? (fields[layout.label] ?? '') : undefined;
        this.sink.add(ts, elapsed, ok, raw === undefined ? undefined : utf8(raw));
    }
    timestamp(text) {
        const parsed = parseTimestamp(text);
        // Once per kind: distinct bad timestamps on every row must not make a warning each (bounded output).
        const kind = parsed.value === null ? 'bad' : 'approximate';
        if (parsed.warning && !this.timestampWarned.has(kind)) {
            this.timestampWarned.add(kind);
            this.sink.warnings.push(parsed.warning);
        }
        if (parsed.value === null)
            this.sink.columns = { ...this.sink.columns, timestamp: false };
        return parsed.value ?? 0;
    }
    repeatedHeader(line) {
        if (this.warnedHeader)
            return;
        this.warnedHeader = true;
        this.sink.warnings.push(`${this.file}:${line}: the header row appears again (runs appended?); skipped`);
    }
    bad(line, column, text, expected) {
        return new errors/* ResultsFileError */.dL(this.file, line, `${column} is ${(0,errors/* quote */.hD)(text, 40)}, expected ${expected}`);
    }
}
function wholeNumber(text) {
    return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

;// CONCATENATED MODULE: ./src/results-file/jtl-xml.ts
/**
 * XML JTL scanner: `<testResults>` whose top-level `<httpSample>`/`<sample>` elements are the samples.
 * Nested elements (sub-samples of a transaction or embedded resources, assertion results, response
 * data) are skipped, so nothing is counted twice. A sample counts once its element is complete.
 */


const SAMPLE_ELEMENTS = new Set(['httpSample', 'sample']);
/**
 * JMeter's tags are short (attribute values are escaped on one line); a longer one is an attribute quote
 * that was never closed, read no further (and never echoed).
 */
const MAX_TAG = 1 << 20;
/** Element names and nesting JMeter never comes near; beyond them the file is refused, in bounded memory. */
const MAX_NAME = 256;
const MAX_DEPTH = 1000;
const MAX_OTHER_NAMES = 10;
/** Past this many bytes, a comment or CDATA section not closed yet is checked for swallowed samples. */
const EARLY = 1 << 16;
const SAMPLE_LINE = /\n<(?:httpSample|sample)[\s/>]/;
class XmlScanner {
    file;
    sink;
    line = 1;
    samples = 0;
    depth = 0;
    rootSeen = false;
    pending = null;
    otherTopLevel = new Set();
    /** Names and lines of the open elements below the root (index 0: the root's child). */
    names = [];
    lines = [];
    /** Sample elements opened inside the open top-level element: samples a missing closing tag would hide. */
    nestedSamples = 0;
    constructor(file, sink) {
        this.file = file;
        this.sink = sink;
    }
    /** Reads every complete markup construct of `s`; returns where the incomplete rest begins. */
    scan(s) {
        let p = 0;
        for (;;) {
            const lt = s.indexOf('<', p);
            if (lt < 0) {
                this.line += countLf(s, p);
                return s.length;
            }
            this.line += countLf(s, p, lt);
            const end = this.markup(s, lt);
            if (end < 0)
                return lt;
            this.line += countLf(s, lt, end);
            p = end;
        }
    }
    /** Handles the construct at `lt`; returns the index after it, or -1 if it is not complete in `s`. */
    markup(s, lt) {
        if (s.startsWith('<?', lt))
            return after(s, '?>', lt);
        if (s.startsWith('<!--', lt))
            return this.hiding(s, lt, after(s, '-->', lt), 'comment');
        if (s.startsWith('<![CDATA[', lt))
            return this.hiding(s, lt, after(s, ']]>', lt), 'CDATA section');
        // Too short yet to tell a CDATA section from a declaration.
        if (s.length - lt < 9 && '<![CDATA['.startsWith(s.slice(lt)))
            return -1;
        if (s.startsWith('<!', lt))
            return after(s, '>', lt);
        const gt = tagEnd(s, lt);
        if (gt < 0) {
            // A `<` after the tag's start, or a tag this long, will never make a well-formed tag: say so now.
            if (s.length - lt > MAX_TAG || s.indexOf('<', lt + 1) >= 0)
                throw this.unterminatedTag(s.slice(lt, lt + MAX_TAG));
            return -1;
        }
        const tag = s.slice(lt, gt + 1);
        // `<` cannot be in an attribute value: a tag holding one ran over an attribute quote left open.
        if (tag.indexOf('<', 1) >= 0)
            throw this.unterminatedTag(tag);
        if (s.charCodeAt(lt + 1) === 47)
            this.close(false, elementName(tag.slice(1)));
        else
            this.open(tag);
        return gt + 1;
    }
    open(tag) {
        const name = elementName(tag);
        const selfClosing = tag.endsWith('/>');
        if (this.depth === 0) {
            if (name !== 'testResults') {
                throw new errors/* ResultsFileError */.dL(this.file, this.line, `not a JMeter XML results file: the root element is <${(0,errors/* quote */.hD)(name).slice(1, -1)}>, not <testResults>`);
            }
            this.rootSeen = true;
        }
        else if (this.depth === 1) {
            if (SAMPLE_ELEMENTS.has(name))
                this.pending = this.sample(tag);
            else if (this.otherTopLevel.size < MAX_OTHER_NAMES)
                this.otherTopLevel.add((0,errors/* quote */.hD)(name, 40).slice(1, -1));
            this.nestedSamples = 0;
        }
        else if (SAMPLE_ELEMENTS.has(name))
            this.nestedSamples++;
        if (selfClosing)
            return this.close(true, name);
        if (this.depth > 0) {
            if (name.length > MAX_NAME || this.names.length >= MAX_DEPTH)
                throw new errors/* ResultsFileError */.dL(this.file, this.line, `an element name longer than ${MAX_NAME} characters or nesting deeper than ${MAX_DEPTH}: not a JMeter results file`);
            this.names.push(name);
            this.lines.push(this.line);
        }
        this.depth++;
    }
    close(selfClosed, name) {
        if (!selfClosed) {
            this.depth--;
            if (this.depth < 0)
                throw new errors/* ResultsFileError */.dL(this.file, this.line, 'a closing tag without its opening tag');
            // A closing tag must close the element open last: a missing one would nest (and hide) later samples.
            const open = this.depth === 0 ? 'testResults' : this.names.pop();
            const openLine = this.depth === 0 ? undefined : this.lines.pop();
            if (name !== open) {
                throw new errors/* ResultsFileError */.dL(this.file, openLine ?? this.line, `<${(0,errors/* quote */.hD)(open, 40).slice(1, -1)}> opened here is closed by </${(0,errors/* quote */.hD)(name, 40).slice(1, -1)}> at line ${this.line}: a closing tag is missing (a damaged file)`);
            }
        }
        if (this.depth === 1 && this.pending) {
            const { ts, elapsed, ok, label } = this.pending;
            this.pending = null;
            this.samples++;
            this.sink.add(ts, elapsed, ok, label);
        }
    }
    sample(tag) {
        const attrs = attributes(tag);
        const t = attrs.get('t');
        const s = attrs.get('s');
        if (t === undefined || !/^\d{1,15}$/.test(t))
            throw this.bad('t', t, 'whole milliseconds');
        if (s !== 'true' && s !== 'false')
            throw this.bad('s', s, 'true or false');
        const ts = attrs.get('ts');
        const lb = attrs.get('lb');
        const text = (value) => decodeEntities(Buffer.from(value ?? '', 'latin1').toString('utf8'));
        if (s === 'false')
            this.sink.causes?.add(text(attrs.get('rc')), text(attrs.get('rm')));
        return {
            elapsed: Number(t),
            ok: s === 'true',
            ts: ts !== undefined && /^\d{1,15}$/.test(ts) ? Number(ts) : 0,
            label: this.sink.trackLabels ? text(lb) : undefined
        };
    }
    /**
     * A comment or CDATA section (ending at `end`, or -1 if not yet) that holds lines starting a sample
     * element, as JMeter writes them at line start: one left open, closed only by a later one, hides them.
     */
    hiding(s, lt, end, kind) {
        // Not closed yet: looked at once it is long, so a damaged file is refused early, in bounded memory.
        const upTo = end >= 0 ? end : s.length - lt > EARLY ? s.length : -1;
        if (upTo >= 0 && SAMPLE_LINE.test(s.slice(lt, upTo))) {
            throw new errors/* ResultsFileError */.dL(this.file, this.line, `a ${kind} opened here holds lines that start samples: it was not closed where it should have been, and those samples are unread (a damaged file)`);
        }
        return end;
    }
    /** The rest of the file (from `<`) that is not a whole construct: damaged, unless a cut-off last tag. */
    unfinished(rest) {
        const kind = rest.startsWith('<!--')
            ? 'comment'
            : rest.startsWith('<![CDATA[')
                ? 'CDATA section'
                : rest.startsWith('<?')
                    ? 'processing instruction'
                    : rest.startsWith('<!')
                        ? 'declaration'
                        : null;
        if (kind) {
            throw new errors/* ResultsFileError */.dL(this.file, this.line, `a ${kind} opened here is never closed: the file ends inside it, and the ${countLf(rest)} lines after it are unread (a damaged file)`);
        }
        if (rest.includes('\n') || rest.indexOf('<', 1) >= 0)
            throw this.unterminatedTag(rest);
    }
    /** A tag that never ends; named at its start (an unbalanced quote flips every later quote pair). */
    unterminatedTag(rest) {
        const what = hasOpenQuote(rest)
            ? 'a tag opened here never ends: an attribute quote in it is not closed, so the tag runs on over the rest of the file'
            : 'a tag opened here never ends';
        return new errors/* ResultsFileError */.dL(this.file, this.line, `${what}: the samples after it are unread (a damaged file)`);
    }
    bad(attr, value, expected) {
        const got = value === undefined ? 'missing' : (0,errors/* quote */.hD)(value, 40);
        return new errors/* ResultsFileError */.dL(this.file, this.line, `sample attribute ${attr} is ${got}, expected ${expected}`);
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
    finish(rest) {
        if (rest.trim() !== '')
            this.unfinished(rest);
        if (this.depth >= 2 && this.nestedSamples > 0) {
            throw new errors/* ResultsFileError */.dL(this.file, this.lines[0], `<${(0,errors/* quote */.hD)(this.names[0], 40).slice(1, -1)}> opened here is never closed and holds ${this.nestedSamples} sample elements: a closing tag is missing and the samples after it are hidden (a damaged file)`);
        }
        if (!this.rootSeen)
            throw new errors/* ResultsFileError */.dL(this.file, undefined, 'no <testResults> element: not a JMeter XML results file');
        if (this.otherTopLevel.size > 0) {
            this.sink.warnings.push(`${this.file}: ignored top-level elements ${[...this.otherTopLevel].map(n => `<${n}>`).join(', ')}`);
        }
        if (this.depth === 0 && rest.trim() === '')
            return;
        const unfinished = this.pending || rest.trim() !== '' ? '; the unfinished sample at its end is left out' : '';
        this.sink.warnings.push(`${this.file} has no closing </testResults> (JMeter did not finish writing it): read ${this.samples} complete samples${unfinished}`);
    }
}
/** The name of the element in a tag's text (without its `<`). */
function elementName(tag) {
    return /^<?\/?([^\s/>]+)/.exec(tag)?.[1] ?? '';
}
function after(s, terminator, from) {
    const i = s.indexOf(terminator, from);
    return i < 0 ? -1 : i + terminator.length;
}
/** The `>` ending the tag at `lt`, skipping any inside quoted attribute values. */
function tagEnd(s, lt) {
    let quote = 0;
    for (let i = lt + 1; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (quote !== 0) {
            if (c === quote)
                quote = 0;
        }
        else if (c === 34 || c === 39)
            quote = c;
        else if (c === 62)
            return i;
    }
    return -1;
}
/** Whether an attribute quote is left open at the end of an unfinished tag. */
function hasOpenQuote(rest) {
    let quote = 0;
    for (let i = 1; i < rest.length; i++) {
        const c = rest.charCodeAt(i);
        if (quote !== 0) {
            if (c === quote)
                quote = 0;
        }
        else if (c === 34 || c === 39)
            quote = c;
    }
    return quote !== 0;
}
const ATTRIBUTE = /\s([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
function attributes(tag) {
    const out = new Map();
    for (const m of tag.matchAll(ATTRIBUTE))
        if (!out.has(m[1]))
            out.set(m[1], m[2] ?? m[3] ?? '');
    return out;
}
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeEntities(text) {
    if (!text.includes('&'))
        return text;
    return text.replace(/&(#x[0-9A-Fa-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (whole, ref) => {
        if (ref[0] !== '#')
            return NAMED[ref] ?? whole;
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}

;// CONCATENATED MODULE: ./src/results-file/jtl-read.ts
/**
 * Reads a JTL file (CSV or XML, told apart by the first character) in fixed-size chunks: memory does
 * not grow with the number of samples, only with the longest single record. The first pass reads the next chunk on
 * libuv's thread pool while the scanner reads this one: on two cores the copy out of the page cache (about as long
 * as the scan) then runs beside it (see CHUNK).
 */








/**
 * 2 MB: each chunk costs a thread-pool round trip (tens of µs on this kind of VM), which smaller chunks do not
 * hide behind the scan. 4 files, 799 MB, medians of 10 alternating runs: 512 KB 0.36 s, 1 MB 0.34 s,
 * 1.5 MB 0.32 s, 2 MB 0.31 s, against 0.39 s for 512 KB read in turn.
 */
const CHUNK = 2 << 20;
/** Room before each chunk for the unfinished record carried over from the previous chunk. */
const RESERVE = 64 << 10;
/**
 * A construct (an XML comment or CDATA section, e.g. saved response data) longer than this is taken for
 * one never closed rather than read into memory.
 */
const MAX_RECORD = 64 << 20;
/**
 * A CSV record longer than this is taken for an unbalanced quote. JMeter's CSV holds no response data: its
 * longest fields are failure messages, far below this; the limit keeps memory small when a stray quote
 * would otherwise carry the rest of the file (e.g. 600,000 rows) as one record.
 */
const MAX_CSV_RECORD = 4 << 20;
/** `wasm` false forces the JavaScript hot path (tests compare the two). */
async function readJtl(file, sink, chunk = CHUNK, wasm = true) {
    const [one] = await readJtls([file], sink, chunk, wasm);
    return { format: one.format };
}
/**
 * Several results files (e.g. one per load generator, layouts may differ) read into one sink: its SLIs and
 * exact percentiles are those of the union. The files share one set of chunk buffers (and WebAssembly
 * instance): a set per file cost memory and start-up time per file. A damaged file fails naming it.
 */
async function readJtls(files, sink, chunk = CHUNK, wasm = true) {
    const chunks = new Chunks(chunk, wasm);
    const reads = [];
    for (const file of files) {
        const before = sink.total.count;
        const { format } = await readOneAhead(file, sink, chunks);
        reads.push({ file, format, samples: sink.total.count - before });
    }
    const counts = reads.map(r => r.samples);
    sink.refine = wanted => refine(files, counts, sink, wanted, chunks);
    for (const stats of [sink.total, ...sink.labels.values()])
        stats.hist.resolver = (hist, targets) => refine(files, counts, sink, new Map([[hist, targets]]), chunks);
    return reads;
}
/**
 * The two alternating chunk buffers, in the WebAssembly scanner's memory where it runs. The scanner's
 * histogram buckets belong to the sink being read (see Histogram.adopt and keepBuckets).
 */
class Chunks {
    size;
    buffers;
    /** The WebAssembly hot path, whose memory holds the buffers; null where unavailable. */
    wasm;
    constructor(size, wasm) {
        this.size = size;
        this.wasm = wasm ? WasmScanner.create(RESERVE + size) : null;
        this.buffers = this.wasm?.buffers ?? [
            Buffer.allocUnsafe(RESERVE + size),
            Buffer.allocUnsafe(RESERVE + size)
        ];
    }
}
/**
 * One file read with the next chunk in flight while this one is scanned. Chunks under OVERLAP_MIN are read in
 * turn by the same loop, whose order (the carried record copied out before the next fill) they check hardest.
 */
async function readOneAhead(file, sink, chunks) {
    const fd = openResults(file);
    const feeder = new Feeder(file, sink, chunks.wasm);
    let pending = 0;
    try {
        pending = fill(fd, chunks, 0);
        for (let k = 0;; k ^= 1) {
            const n = await pending;
            if (n === 0)
                break;
            // The carried record is copied out of the other buffer before the next read fills it.
            const view = feeder.attach(chunks.buffers[k], n);
            pending = fill(fd, chunks, k ^ 1);
            feeder.scan(view);
        }
        return feeder.finish();
    }
    catch (error) {
        // The read in flight ends before its descriptor is closed (and its number maybe reused).
        await Promise.resolve(pending).catch(() => 0);
        throw asResultsFileError(file, error);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Below this a chunk is read in turn: a thread-pool round trip (about 40 µs here) costs more than it saves. */
const OVERLAP_MIN = 1 << 20;
/** Fills chunk buffer `k` from the file's position: on libuv's pool for big chunks, else at once. */
function fill(fd, chunks, k) {
    const buf = chunks.buffers[k];
    if (chunks.size < OVERLAP_MIN)
        return (0,external_node_fs_.readSync)(fd, buf, RESERVE, chunks.size, null);
    return new Promise((resolve, reject) => (0,external_node_fs_.read)(fd, buf, RESERVE, chunks.size, null, (error, n) => (error ? reject(error) : resolve(n))));
}
/** One file read chunk after chunk: the further passes, which run inside synchronous percentile lookups. */
function readOne(file, sink, chunks) {
    const fd = openResults(file);
    const feeder = new Feeder(file, sink, chunks.wasm);
    try {
        for (let k = 0;; k ^= 1) {
            const n = (0,external_node_fs_.readSync)(fd, chunks.buffers[k], RESERVE, chunks.size, null);
            if (n === 0)
                break;
            feeder.scan(feeder.attach(chunks.buffers[k], n));
        }
        return feeder.finish();
    }
    catch (error) {
        throw asResultsFileError(file, error);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function openResults(file) {
    try {
        return (0,external_node_fs_.openSync)(file, 'r');
    }
    catch (error) {
        throw unreadable(file, error);
    }
}
function asResultsFileError(file, error) {
    return error instanceof errors/* ResultsFileError */.dL ? error : unreadable(file, error);
}
function unreadable(file, error) {
    const code = error.code ?? String(error);
    return new errors/* ResultsFileError */.dL(file, undefined, `cannot be read (${code})`);
}
/** One file's reading: the record carried from one chunk to the next, and the scanner. */
class Feeder {
    file;
    sink;
    wasm;
    carry = Buffer.alloc(0);
    /** The buffer a record longer than RESERVE grows in (see attach). */
    big = null;
    scanner = null;
    start = true;
    constructor(file, sink, wasm) {
        this.file = file;
        this.sink = sink;
        this.wasm = wasm;
    }
    /** The `n` bytes read at buf[RESERVE], preceded by the carried record (which is in the other buffer). */
    attach(buf, n) {
        const carry = this.carry;
        if (carry.length <= RESERVE) {
            this.big = null;
            carry.copy(buf, RESERVE - carry.length);
            return buf.subarray(RESERVE - carry.length, RESERVE + n);
        }
        const csv = this.scanner instanceof CsvScanner;
        const max = csv ? MAX_CSV_RECORD : MAX_RECORD;
        if (carry.length > max) {
            const line = this.scanner?.line;
            if (csv) {
                const text = carry.toString('latin1');
                const q = unclosedQuote(text);
                if (q >= 0)
                    throw unclosedField(this.file, line + countLf(text, 0, q), `is longer than ${max >> 20} MB`);
            }
            throw new errors/* ResultsFileError */.dL(this.file, line, `a ${csv ? 'record' : 'construct'} starting here is longer than ${max >> 20} MB: something opened here is never closed (a damaged file)`);
        }
        // A long record: appended to in one buffer that grows by doubling, so it costs about twice its size
        // in memory, not the sum of a new copy per chunk.
        const len = carry.length;
        let big = this.big;
        if (!big || big.length < len + n) {
            const grown = Buffer.allocUnsafe(Math.max(len + n, 2 * (big?.length ?? 0), 4 * RESERVE));
            carry.copy(grown, 0);
            big = this.big = grown;
        }
        else if (carry.buffer !== big.buffer || carry.byteOffset !== big.byteOffset) {
            carry.copy(big, 0); // may overlap (carry is the end of big): Buffer#copy moves memory safely
        }
        buf.copy(big, len, RESERVE, RESERVE + n);
        return big.subarray(0, len + n);
    }
    scan(view) {
        if (this.start) {
            this.start = false;
            if (view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf)
                view = view.subarray(3);
        }
        if (!this.scanner) {
            const first = view.findIndex(byte => byte !== 32 && byte !== 9 && byte !== 10 && byte !== 13);
            if (first < 0) {
                this.carry = Buffer.alloc(0);
                return;
            }
            this.scanner =
                view[first] === 60
                    ? new XmlScanner(this.file, this.sink)
                    : new CsvScanner(this.file, this.sink, this.wasm);
        }
        const s = this.scanner;
        const used = s instanceof CsvScanner ? s.scan(view) : s.scan(view.toString('latin1'));
        this.carry = view.subarray(used);
    }
    finish() {
        const { scanner, file, sink } = this;
        const rest = this.carry.toString('latin1');
        if (!scanner)
            throw new errors/* ResultsFileError */.dL(file, undefined, 'is empty: JMeter wrote no results');
        if (scanner instanceof XmlScanner) {
            scanner.finish(rest);
            return { format: 'xml' };
        }
        if (rest.trim() !== '') {
            // The file ends inside a quoted field: every line after the quote was taken into it, unread.
            const q = unclosedQuote(rest);
            if (q >= 0)
                throw unclosedField(file, scanner.line + countLf(rest, 0, q), 'runs to the end of the file');
            // Else the last line was cut off outside quotes (JMeter stopped mid-line): one sample lost, nothing hidden.
            sink.warnings.push(`${file}:${scanner.line}: the last line has no line end (file cut off?) and is ignored`);
        }
        if (!scanner.started)
            throw new errors/* ResultsFileError */.dL(file, undefined, 'has no complete line');
        return { format: 'csv' };
    }
}
function unclosedField(file, line, what) {
    return new errors/* ResultsFileError */.dL(file, line, `a quoted field opened here is never closed: it ${what}, and the rows after it are unread (an unbalanced quote: a damaged file)`);
}
/**
 * Further passes over the files that find exact percentiles the histograms cannot tell alone (many distinct
 * values above 65.5 s, see histogram.ts): each pass reads the files into a fresh sink whose histograms count
 * only the values inside the looked-for ranges, until each range is 1 ms wide. A file that changed between
 * passes (other counts) is refused.
 */
function refine(files, counts, sink, wanted, chunks) {
    const labelOf = new Map();
    for (const [label, stats] of sink.labels)
        labelOf.set(stats.hist, label);
    const all = [...wanted.values()].flat();
    // The passes' sinks take the scanner's buckets (its buffers are reused: a second set would cost memory).
    for (const stats of [sink.total, ...sink.labels.values()])
        stats.hist.keepBuckets();
    while (all.some(t => t.hi - t.lo > 1)) {
        (0,histogram/* prepare */.iA)(all);
        const again = new sli/* SampleSink */.o3(sink.trackLabels, sink.labelCap);
        // The same labels first, so the same ones are tracked under the cap.
        for (const label of sink.labels.keys())
            again.labels.set(label, new sli/* Stats */.Uz());
        for (const [hist, targets] of wanted) {
            const label = labelOf.get(hist);
            const twin = label === undefined ? again.total : again.labels.get(label);
            twin.hist.refining = targets.filter(t => t.hi - t.lo > 1);
        }
        files.forEach((file, i) => {
            const before = again.total.count;
            readOne(file, again, chunks);
            if (again.total.count - before !== counts[i])
                throw new errors/* ResultsFileError */.dL(file, undefined, 'changed while it was read: a second pass counted other samples');
        });
        // Equal counts but values outside the ranges found before: one of them changed.
        if (!(0,histogram/* narrow */.sc)(all))
            throw new errors/* ResultsFileError */.dL(files.join(', '), undefined, 'changed while it was read: a second pass counted other samples');
    }
    for (const [hist, targets] of wanted)
        hist.settle(targets);
}


/***/ }),

/***/ 6448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ resultsFilesOf)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(444);
/**
 * The results files a list of paths names: a file as it is, a folder as the results files under it
 * (`.jtl`, `.csv`, `.xml`, at any depth, sorted: download-artifact puts each artifact in its own folder).
 */



const RESULTS = /\.(jtl|csv|xml)$/i;
function resultsFilesOf(input, paths) {
    return paths.flatMap(given => {
        let folder;
        try {
            folder = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(given).isDirectory();
        }
        catch {
            return [given]; // the reader names a missing file, like any unreadable one
        }
        if (!folder)
            return [given];
        const found = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(given, { recursive: true, withFileTypes: true })
            .filter(entry => entry.isFile() && RESULTS.test(entry.name))
            .map(entry => node_path__WEBPACK_IMPORTED_MODULE_1___default().join(entry.parentPath, entry.name))
            .sort();
        if (found.length === 0)
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, 'results files (.jtl, .csv, .xml) in the folder', given);
        return found;
    });
}


/***/ }),

/***/ 4741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D4: () => (/* binding */ percentileOf),
/* harmony export */   FZ: () => (/* binding */ standardSlis),
/* harmony export */   Ld: () => (/* binding */ parseSliName),
/* harmony export */   Uz: () => (/* binding */ Stats),
/* harmony export */   ZF: () => (/* binding */ lookupSli),
/* harmony export */   aU: () => (/* binding */ DEFAULT_LABEL_CAP),
/* harmony export */   fq: () => (/* binding */ causeMessage),
/* harmony export */   l3: () => (/* binding */ STANDARD_PERCENTILES),
/* harmony export */   o3: () => (/* binding */ SampleSink),
/* harmony export */   tY: () => (/* binding */ FailureCauses)
/* harmony export */ });
/* unused harmony exports labelSliName, BASE_SLIS, sliOf */
/* harmony import */ var _histogram_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7185);

const DEFAULT_LABEL_CAP = 200;
/** Distinct values above 65.5 s kept exactly per label (the total keeps more): 200 labels stay small. */
const LABEL_EXACT_CAP = 1024;
const STANDARD_PERCENTILES = [50, 90, 95, 99];
/** Counters of one group of samples (all, or one label). */
class Stats {
    count = 0;
    failed = 0;
    /** Samples with a usable timestamp (> 0), and their window. */
    timed = 0;
    minTs = Infinity;
    maxEnd = -Infinity;
    hist;
    constructor(initialBuckets, exactCap) {
        this.hist = new _histogram_js__WEBPACK_IMPORTED_MODULE_0__/* .Histogram */ .dq(initialBuckets, exactCap);
    }
    add(ts, elapsed, ok) {
        this.count++;
        if (!ok)
            this.failed++;
        if (elapsed >= 0)
            this.hist.add(elapsed);
        // A timeStamp of 0 marks a sample that failed before it started: no place in the time window.
        if (ts > 0) {
            this.timed++;
            if (ts < this.minTs)
                this.minTs = ts;
            const end = ts + (elapsed > 0 ? elapsed : 0);
            if (end > this.maxEnd)
                this.maxEnd = end;
        }
    }
}
/** Distinct causes kept (more are counted as one "other" line): a file of random messages stays small. */
const CAUSE_CAP = 100;
const CAUSE_LENGTH = 200;
/** The failure causes of a results file: response code and message (or assertion message), counted. */
class FailureCauses {
    counts = new Map();
    other = 0;
    add(code, message) {
        const text = [code.trim(), firstLine(message)].filter(Boolean).join(': ') || '(no code, no message)';
        const cause = text.length > CAUSE_LENGTH ? `${text.slice(0, CAUSE_LENGTH - 1)}…` : text;
        const count = this.counts.get(cause);
        if (count !== undefined)
            this.counts.set(cause, count + 1);
        else if (this.counts.size < CAUSE_CAP)
            this.counts.set(cause, 1);
        else
            this.other++;
    }
    /** The `n` most frequent, most frequent first (ties in the order first seen). */
    top(n) {
        const all = [...this.counts].map(([cause, count]) => ({ cause, count }));
        if (this.other > 0)
            all.push({ cause: `(${CAUSE_CAP}+ other causes)`, count: this.other });
        return all.sort((a, b) => b.count - a.count).slice(0, n);
    }
}
/**
 * The message that says why: for a sample that got no HTTP response (JMeter's "Non HTTP response code"),
 * the response message (the exception's); otherwise an assertion's failure message when there is one.
 */
function causeMessage(code, responseMessage, failureMessage) {
    if (code.startsWith('Non HTTP response code'))
        return responseMessage || failureMessage;
    return failureMessage || responseMessage;
}
function firstLine(text) {
    return text.trim().split(/\r?\n/)[0] ?? '';
}
/** Receives every sample from a reader. */
class SampleSink {
    trackLabels;
    labelCap;
    total = new Stats(65536);
    /**
     * Set by the reader: finds by further passes over the file the percentiles that histograms holding many
     * distinct values above 65.5 s cannot tell alone (histogram.ts).
     */
    refine = null;
    labels = new Map();
    /** Distinct labels seen beyond the cap (not tracked per label). */
    untracked = new Set();
    columns = { timestamp: true, elapsed: true, success: true, label: true };
    warnings = [];
    /** Set before reading to collect why samples failed (the readers then read failed rows whole). */
    causes = null;
    constructor(trackLabels = false, labelCap = DEFAULT_LABEL_CAP) {
        this.trackLabels = trackLabels;
        this.labelCap = labelCap;
    }
    /** Resolves these percentiles of every group at once: one set of passes, not one per group and percentile. */
    prefetch(ps) {
        const wanted = new Map();
        for (const stats of [this.total, ...this.labels.values()]) {
            const targets = stats.hist.pendingTargets(ps);
            if (targets.length > 0)
                wanted.set(stats.hist, targets);
        }
        if (wanted.size > 0 && this.refine)
            this.refine(wanted);
    }
    add(ts, elapsed, ok, label) {
        this.total.add(ts, elapsed, ok);
        if (label !== undefined)
            this.addLabel(label, ts, elapsed, ok);
    }
    addLabel(label, ts, elapsed, ok) {
        let stats = this.labels.get(label);
        if (!stats) {
            if (this.labels.size >= this.labelCap) {
                if (this.untracked.size < 1000)
                    this.untracked.add(label);
                return;
            }
            stats = new Stats(undefined, LABEL_EXACT_CAP);
            this.labels.set(label, stats);
        }
        stats.add(ts, elapsed, ok);
    }
}
/** Parses `name` or `name{label="..."}` (backslash escapes \" \\ \n inside the quotes). */
function parseSliName(name) {
    const m = /^([A-Za-z_][A-Za-z0-9_.]*)(?:\{label="((?:[^"\\]|\\.)*)"\})?$/s.exec(name.trim());
    if (!m)
        return null;
    const base = m[1];
    if (m[2] === undefined)
        return { base };
    return { base, label: m[2].replace(/\\(.)/gs, (_, c) => (c === 'n' ? '\n' : c)) };
}
/** The canonical name of a per-label SLI. */
function labelSliName(base, label) {
    const escaped = label.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
    return `${base}{label="${escaped}"}`;
}
const PERCENTILE = /^response_time_p(\d{1,3}(?:\.\d{1,6})?)$/;
/** Every base SLI name this module knows (percentiles other than the standard ones also work). */
const BASE_SLIS = [
    'request_count',
    'error_rate',
    'throughput',
    'response_time_avg',
    'response_time_min',
    'response_time_max',
    ...STANDARD_PERCENTILES.map(p => `response_time_p${p}`)
];
/** The value of one base SLI over a group of samples. */
function sliOf(base, stats, columns) {
    const n = stats.count;
    if (base === 'request_count')
        return { value: n };
    if (n === 0)
        return { value: null, reason: 'no samples' };
    if (base === 'error_rate') {
        return columns.success ? { value: (100 * stats.failed) / n } : missing('success');
    }
    if (base === 'throughput')
        return throughput(stats, columns);
    if (!columns.elapsed)
        return missing('elapsed');
    const h = stats.hist;
    if (base === 'response_time_avg')
        return { value: h.sum / h.count };
    if (base === 'response_time_min')
        return { value: h.min };
    if (base === 'response_time_max')
        return { value: h.max };
    const p = percentileOf(base);
    if (p > 0 && p <= 100)
        return { value: h.percentile(p) };
    return {
        value: null,
        reason: `unknown SLI '${base}' (a results file gives request_count, error_rate, throughput, response_time_*)`
    };
}
/** The p of a `response_time_p<P>` SLI (global or per label), else NaN. */
function percentileOf(sli) {
    const m = PERCENTILE.exec(parseSliName(sli)?.base ?? '');
    return m ? Number(m[1]) : NaN;
}
function throughput(stats, columns) {
    if (!columns.timestamp)
        return missing('timeStamp');
    if (stats.timed === 0)
        return { value: null, reason: 'no sample has a timestamp' };
    const seconds = (stats.maxEnd - stats.minTs) / 1000;
    if (!(seconds > 0))
        return { value: null, reason: 'the samples span no time (window of 0 ms)' };
    return { value: stats.timed / seconds };
}
function missing(column) {
    return { value: null, reason: `the results file has no '${column}' column` };
}
/** Looks up any SLI name (global or per label) against what a reader collected. */
function lookupSli(sink, name) {
    const parsed = parseSliName(name);
    if (!parsed)
        return { value: null, reason: `'${name}' is not an SLI name` };
    if (parsed.label === undefined)
        return sliOf(parsed.base, sink.total, sink.columns);
    const stats = sink.labels.get(parsed.label);
    if (stats)
        return sliOf(parsed.base, stats, sink.columns);
    if (!sink.trackLabels)
        return { value: null, reason: 'per-label SLIs were not collected' };
    if (!sink.columns.label)
        return missing('label');
    if (sink.untracked.has(parsed.label) || sink.untracked.size >= 1000) {
        return { value: null, reason: `more than ${sink.labelCap} distinct labels; this label was not tracked` };
    }
    return { value: null, reason: `no sample has the label ${JSON.stringify(parsed.label)}` };
}
/** The standard SLIs, globally and (when collected) for each label. */
function standardSlis(sink) {
    sink.prefetch(STANDARD_PERCENTILES);
    const out = {};
    const put = (stats, name) => {
        for (const base of BASE_SLIS)
            out[name(base)] = sliOf(base, stats, sink.columns).value;
    };
    put(sink.total, base => base);
    for (const [label, stats] of sink.labels)
        put(stats, base => labelSliName(base, label));
    return out;
}


/***/ }),

/***/ 6824:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ii: () => (/* binding */ isCriterionError),
/* harmony export */   Jn: () => (/* binding */ parseCriterion),
/* harmony export */   mP: () => (/* binding */ hasInfiniteNumber),
/* harmony export */   z6: () => (/* binding */ check)
/* harmony export */ });
/* unused harmony exports targetOf, compare */
// Operator, optional sign, a plain decimal number, optional %; spaces allowed between the parts,
// as Keptn strips them. No `!=`, no exponent: anything else is an error, never a silent pass.
const CRITERION = /^\s*(<=|>=|<|>|=)\s*([+-])?\s*(\d+(?:\.\d*)?|\.\d+)\s*(%)?\s*$/;
function parseCriterion(text) {
    const m = CRITERION.exec(text);
    if (!m) {
        return {
            text,
            message: `criterion ${JSON.stringify(text)} is not <op><number>[%] with op one of <, <=, =, >=, > (e.g. "<600", "<=+10%")`
        };
    }
    const magnitude = Number(m[3]);
    if (!Number.isFinite(magnitude)) {
        return {
            text,
            message: `criterion ${JSON.stringify(text.slice(0, 60))} has a number too large to compare with`
        };
    }
    const percent = m[4] === '%';
    return {
        text,
        operator: m[1],
        amount: m[2] === '-' ? -magnitude : magnitude,
        percent,
        relative: m[2] !== undefined || percent
    };
}
/** A well-formed criterion whose number is too large to be finite (e.g. 400 digits). */
function hasInfiniteNumber(text) {
    const m = CRITERION.exec(text);
    return m !== null && !Number.isFinite(Number(m[3]));
}
function isCriterionError(c) {
    return 'message' in c;
}
/**
 * The number a criterion compares with: fixed, or derived from the baseline (aggregate of earlier
 * values) as lighthouse does: +x% → base·(100+x)/100, ±x → base±x. null: relative without baseline.
 */
function targetOf(c, baseline) {
    if (!c.relative)
        return c.amount;
    if (baseline === null)
        return null;
    return c.percent ? (baseline * (100 + c.amount)) / 100 : baseline + c.amount;
}
function compare(value, operator, target) {
    switch (operator) {
        case '<':
            return value < target;
        case '<=':
            return value <= target;
        case '=':
            return value === target;
        case '>=':
            return value >= target;
        case '>':
            return value > target;
    }
}
/** Checks one criterion; a relative criterion without baseline holds (Keptn), target null. */
function check(c, group, value, baseline) {
    const target = targetOf(c, baseline);
    const violated = target !== null && !compare(value, c.operator, target);
    return { criterion: c.text, group, operator: c.operator, target, relative: c.relative, violated };
}


/***/ }),

/***/ 3118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ evaluateResults)
/* harmony export */ });
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(444);
/* harmony import */ var _results_file_jtl_read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7038);
/* harmony import */ var _results_file_sli_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4741);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8933);
/* harmony import */ var _score_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7317);
/* harmony import */ var _thresholds_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7533);
/* harmony import */ var _explain_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5986);
/** The quality gate: results (or given values) + SLO (or thresholds) + history → Evaluation. */








const NO_SLO = {
    comparison: _history_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_COMPARISON */ .KJ,
    objectives: [],
    totalScore: { pass: 90, warning: null },
    notes: []
};
/** Throws InputError/ConfigFileError for unusable input; everything else becomes a result. */
async function evaluateResults(input) {
    const prometheus = input.prometheus;
    const files = input.resultsFiles ?? (input.resultsFile === undefined ? undefined : [input.resultsFile]);
    if (files?.length === 0)
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('results', 'at least one results file');
    if (files !== undefined && input.values !== undefined) {
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('results', 'at most one of a results file or SLI values');
    }
    const sloGiven = [input.slo, input.sloFile, input.thresholds].filter(x => x !== undefined).length;
    if (sloGiven > 1)
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('slo', 'at most one of an SLO file or thresholds');
    if (prometheus && prometheus.gate.kind !== 'sli') {
        if (sloGiven > 0)
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('slo', `no SLO or thresholds beside a pitometer gate (${prometheus.gate.kind})`);
        // Imported here, not at the top: see prometheus-slis.ts.
        const { pitometerGate } = await Promise.all(/* import() */[__webpack_require__.e(225), __webpack_require__.e(50)]).then(__webpack_require__.bind(__webpack_require__, 4050));
        const started = performance.now();
        const graded = await pitometerGate(prometheus, prometheus.gate);
        return { ...graded, prometheus: queried(prometheus, elapsedSince(started)) };
    }
    if (files === undefined && input.values === undefined && !prometheus) {
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('results', 'a results file, SLI values or Prometheus SLIs');
    }
    const slo = input.slo ??
        (input.sloFile
            ? // Loaded only when needed: the YAML parser is most of the code `evaluate --thresholds` would load.
                (await Promise.all(/* import() */[__webpack_require__.e(225), __webpack_require__.e(957)]).then(__webpack_require__.bind(__webpack_require__, 2957))).loadSlo(input.sloFile)
            : input.thresholds !== undefined
                ? (0,_thresholds_js__WEBPACK_IMPORTED_MODULE_4__/* .parseThresholds */ .S)(input.thresholds)
                : null);
    const local = files !== undefined
        ? await measure(files, slo ?? NO_SLO, input)
        : given(input.values ?? {}, input.values === undefined ? 'none' : 'values');
    const started = performance.now();
    let measured = local;
    if (prometheus?.gate.kind === 'sli') {
        const { sliQueries } = await Promise.all(/* import() */[__webpack_require__.e(225), __webpack_require__.e(50)]).then(__webpack_require__.bind(__webpack_require__, 4050));
        measured = withPrometheus(local, await sliQueries(prometheus, prometheus.gate.file, slo?.filters));
    }
    const waited = elapsedSince(started);
    // A promised history (read from the config branch) arrives while the queries ran.
    const evaluation = judge(slo, measured, (await input.history) ?? [], files?.length === 1 ? files[0] : undefined);
    return prometheus ? { ...evaluation, prometheus: queried(prometheus, waited) } : evaluation;
}
const elapsedSince = (started) => Math.round(performance.now() - started) / 1000;
function queried({ endpoint, context }, seconds) {
    return { url: endpoint.url, ...(context.window ? { window: context.window } : {}), seconds };
}
/** The SLIs of the sli.yaml are Prometheus's; the others stay the results file's (or the given values'). */
function withPrometheus(local, queried) {
    return {
        ...local,
        lookup: sli => queried.get(sli)?.value ?? local.lookup(sli),
        sourceOf: sli => {
            const q = queried.get(sli);
            return q ? { kind: 'prometheus', query: q.query } : local.sourceOf(sli);
        },
        slis: { ...local.slis, ...Object.fromEntries([...queried].map(([name, q]) => [name, q.value.value])) }
    };
}
async function measure(files, slo, input) {
    const perLabel = input.labels === true || slo.objectives.some(o => (0,_results_file_sli_js__WEBPACK_IMPORTED_MODULE_2__/* .parseSliName */ .Ld)(o.sli)?.label !== undefined);
    const sink = new _results_file_sli_js__WEBPACK_IMPORTED_MODULE_2__/* .SampleSink */ .o3(perLabel, input.labelCap ?? _results_file_sli_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_LABEL_CAP */ .aU);
    let reads = [];
    try {
        reads = await (0,_results_file_jtl_read_js__WEBPACK_IMPORTED_MODULE_1__/* .readJtls */ .ks)(files, sink);
        // Percentiles that need another pass over the files (many distinct values above 65.5 s) are found here,
        // all at once, where a file that changed in between is reported like any unusable file.
        const asked = slo.objectives.map(o => (0,_results_file_sli_js__WEBPACK_IMPORTED_MODULE_2__/* .percentileOf */ .D4)(o.sli)).filter(p => p > 0 && p <= 100);
        sink.prefetch([...new Set([..._results_file_sli_js__WEBPACK_IMPORTED_MODULE_2__/* .STANDARD_PERCENTILES */ .l3, ...asked])]);
    }
    catch (error) {
        if (!(error instanceof _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ResultsFileError */ .dL))
            throw error;
        const reason = `results file unusable: ${error.message}`;
        // The objectives say only that there is no value: the file and line are in the first reason, once.
        const none = { value: null, reason: 'the results file is unusable (see the reasons)' };
        return { lookup: () => none, sourceOf: RESULTS_FILE, slis: {}, warnings: sink.warnings, unusable: reason };
    }
    const samples = sink.total.count;
    const unusable = samples === 0 ? `the results file ${files.join(', ')} has no samples` : undefined;
    return {
        lookup: sli => (0,_results_file_sli_js__WEBPACK_IMPORTED_MODULE_2__/* .lookupSli */ .ZF)(sink, sli),
        sourceOf: RESULTS_FILE,
        slis: (0,_results_file_sli_js__WEBPACK_IMPORTED_MODULE_2__/* .standardSlis */ .FZ)(sink),
        samples,
        ...(files.length > 1 ? { files: reads.map(({ file, samples: n }) => ({ file, samples: n })) } : {}),
        warnings: sink.warnings,
        ...(unusable ? { unusable } : {})
    };
}
const RESULTS_FILE = () => ({ kind: 'results-file' });
function given(values, from) {
    return {
        sourceOf: () => (from === 'values' ? { kind: 'values' } : undefined),
        lookup: sli => {
            const value = Object.hasOwn(values, sli) ? values[sli] : undefined;
            if (typeof value === 'number' && Number.isFinite(value))
                return { value };
            return {
                value: null,
                reason: value === undefined ? `${sli} is not among the given values` : 'given as null'
            };
        },
        slis: { ...values },
        warnings: []
    };
}
function judge(slo, measured, history, resultsFile) {
    const used = slo ?? NO_SLO;
    const runs = (0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .selectRuns */ .b0)(history, used.comparison);
    const indicators = used.objectives.map(objective => {
        const { value, reason } = measured.lookup(objective.sli);
        const source = measured.sourceOf(objective.sli);
        const scored = (0,_score_js__WEBPACK_IMPORTED_MODULE_6__/* .scoreObjective */ .W0)({
            objective,
            value,
            ...(reason ? { missing: reason } : {}),
            earlier: (0,_history_js__WEBPACK_IMPORTED_MODULE_3__/* .earlierValues */ .FU)(runs, objective.sli),
            aggregateFunction: used.comparison.aggregateFunction,
            ...(used.file ? { sloFile: used.file } : {})
        });
        return source ? { ...scored, source } : scored;
    });
    const outcome = (0,_score_js__WEBPACK_IMPORTED_MODULE_6__/* .total */ .X5)(indicators, used.totalScore);
    const reasons = [...failClosed(slo, measured), ...outcome.reasons];
    const failed = reasons.length > outcome.reasons.length;
    const warnings = [
        ...measured.warnings,
        ...used.notes,
        ...baselineWarnings(indicators, runs.length, used.comparison)
    ];
    return {
        result: failed ? 'fail' : outcome.result,
        score: outcome.score,
        indicators,
        totalScore: used.totalScore,
        comparison: { ...used.comparison, baseline: runs.length === 0 ? 'none' : runs.length },
        reasons,
        warnings,
        ...(measured.samples === undefined ? {} : { samples: measured.samples }),
        ...(measured.files ? { resultsFiles: measured.files } : {}),
        ...(resultsFile ? { resultsFile } : {}),
        ...(used.file ? { sloFile: used.file } : {}),
        slis: measured.slis
    };
}
/** Reasons that fail the gate whatever the score: never pass on no data or no objectives. */
function failClosed(slo, measured) {
    const reasons = [];
    if (measured.unusable)
        reasons.push(measured.unusable);
    if (!slo)
        reasons.push('no SLO: nothing to gate on (give an slo.yaml or thresholds)');
    else if (slo.objectives.length === 0)
        reasons.push(`${slo.file ?? 'the SLO'} has no objectives`);
    return reasons;
}
function baselineWarnings(indicators, runs, comparison) {
    const relative = indicators.some(i => [...i.passTargets, ...i.warningTargets].some(t => t.relative));
    if (!relative || runs > 0)
        return [];
    return [
        `no baseline: no earlier evaluation with a result included by include_result_with_score=${comparison.includeResultWithScore}; relative criteria held by default`
    ];
}


/***/ }),

/***/ 5986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ explain)
/* harmony export */ });
/* harmony import */ var _score_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7317);
/* harmony import */ var _unscored_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2244);


const MARK = { pass: '✔', warning: '!', fail: '✘', info: 'i' };
function explain(e) {
    const unscored = (0,_unscored_js__WEBPACK_IMPORTED_MODULE_0__/* .unscoredReason */ .I)(e);
    const lines = [
        `Quality gate: ${e.result.toUpperCase()} (score ${(0,_score_js__WEBPACK_IMPORTED_MODULE_1__/* .formatNumber */ .ZV)(e.score)}${e.scoring === 'pitometer' ? ' points' : '%'})${unscored ? ` — but ${unscored}` : ''}`
    ];
    for (const reason of e.reasons)
        lines.push(`  ${reason}`);
    lines.push(baseline(e));
    if (e.samples !== undefined)
        lines.push(`Samples: ${e.samples}${e.resultsFile ? ` from ${e.resultsFile}` : ''}${e.resultsFiles
            ? ` from ${e.resultsFiles.length} files: ${e.resultsFiles.map(f => `${f.file} ${f.samples}`).join(', ')}`
            : ''}`);
    if (e.indicators.length)
        lines.push('Objectives:');
    for (const i of e.indicators)
        lines.push(indicator(i));
    for (const w of e.warnings)
        lines.push(`Warning: ${w}`);
    return `${lines.join('\n')}\n`;
}
function baseline(e) {
    const c = e.comparison;
    if (c.baseline === 'none')
        return 'Baseline: none (no earlier run to compare with; relative criteria hold by default)';
    return `Baseline: ${c.baseline} earlier run(s) (${c.includeResultWithScore}, ${c.aggregateFunction})`;
}
function indicator(i) {
    const name = i.displayName ? `${i.displayName} (${i.sli})` : i.sli;
    const where = i.line === undefined ? '' : ` [${i.sloFile ?? 'slo'}:${i.line}]`;
    const key = i.keySli ? ' key' : '';
    const compared = i.comparedValue === null ? '' : `, baseline ${(0,_score_js__WEBPACK_IMPORTED_MODULE_1__/* .formatNumber */ .ZV)(i.comparedValue)}`;
    const head = `  ${MARK[i.status]} ${name} = ${(0,_score_js__WEBPACK_IMPORTED_MODULE_1__/* .formatNumber */ .ZV)(i.value)}${compared}: ${i.status}${key}, ${(0,_score_js__WEBPACK_IMPORTED_MODULE_1__/* .formatNumber */ .ZV)(i.score)}/${(0,_score_js__WEBPACK_IMPORTED_MODULE_1__/* .formatNumber */ .ZV)(i.weight)}${where}`;
    const targets = [...targetsText('pass', i.passTargets), ...targetsText('warning', i.warningTargets)];
    const source = i.source?.kind === 'prometheus' ? [`      PromQL: ${i.source.query}`] : [];
    return [head, `      ${i.reason}`, ...source, ...targets].join('\n');
}
function targetsText(kind, targets) {
    if (targets.length === 0)
        return [];
    const text = targets
        .map(t => `${t.criterion.trim()}${t.relative ? ` → ${t.target === null ? 'no baseline' : `${t.operator}${(0,_score_js__WEBPACK_IMPORTED_MODULE_1__/* .formatNumber */ .ZV)(t.target)}`}` : ''}${t.violated ? ' ✘' : ' ✔'}`)
        .join(', ');
    return [`      ${kind}: ${text}`];
}


/***/ }),

/***/ 8933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FB: () => (/* binding */ loadHistory),
/* harmony export */   FU: () => (/* binding */ earlierValues),
/* harmony export */   KJ: () => (/* binding */ DEFAULT_COMPARISON),
/* harmony export */   b0: () => (/* binding */ selectRuns)
/* harmony export */ });
/* unused harmony export checkHistory */
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(444);
/* harmony import */ var _files_mini_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8014);
/* harmony import */ var _files_user_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3355);
/** Earlier evaluations used as the baseline of relative criteria. */



/** Keptn's comparison when slo.yaml has none: the one result before, whatever its score, averaged. */
const DEFAULT_COMPARISON = {
    compareWith: 'single_result',
    includeResultWithScore: 'all',
    numberOfComparisonResults: 1,
    aggregateFunction: 'avg'
};
const SCHEMA = {
    type: 'array',
    items: {
        type: 'object',
        required: ['result', 'indicators'],
        properties: {
            result: { type: 'string', enum: ['pass', 'warning', 'fail'] },
            indicators: {
                type: 'array',
                items: {
                    type: 'object',
                    required: ['sli', 'value'],
                    properties: { sli: { type: 'string' }, value: { type: 'number', nullable: true } }
                }
            }
        }
    }
};
/** Reads a JSON array of earlier `evaluate --json` outputs, newest first. */
function loadHistory(file) {
    return checkHistory((0,_files_user_file_js__WEBPACK_IMPORTED_MODULE_1__/* .readUserJson */ .YJ)(file), file);
}
function checkHistory(value, file = 'history') {
    const error = (0,_files_mini_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .check */ .z)(SCHEMA, value);
    if (!error)
        return value;
    const where = error.path.length ? error.path.join('.') : 'document';
    throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigFileError */ .x(file, undefined, `${where}: ${error.message} (expected an array of earlier evaluate --json outputs, newest first)`);
}
const INCLUDED = {
    pass: ['pass'],
    pass_or_warn: ['pass', 'warning'],
    all: ['pass', 'warning', 'fail']
};
/**
 * The runs to compare with: those whose overall result is included, then the newest N of them
 * (lighthouse filters its event query by result and limits it to N).
 */
function selectRuns(history, comparison) {
    const included = INCLUDED[comparison.includeResultWithScore];
    return history.filter(run => included.includes(run.result)).slice(0, comparison.numberOfComparisonResults);
}
/**
 * The SLI's earlier values, newest first; a run where it had no value is left out. A run's `slis`
 * map is used when no objective of that run named the SLI (an objective added since).
 */
function earlierValues(runs, sli) {
    const values = [];
    for (const run of runs) {
        const value = run.indicators.find(i => i.sli === sli)?.value ?? run.slis?.[sli];
        if (typeof value === 'number' && Number.isFinite(value))
            values.push(value);
    }
    return values;
}


/***/ }),

/***/ 7317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ZV: () => (/* binding */ formatNumber),
  W0: () => (/* binding */ scoreObjective),
  X5: () => (/* binding */ total)
});

;// CONCATENATED MODULE: ./src/scoring/aggregate.ts
function aggregate(values, fn) {
    if (values.length === 0)
        return null;
    if (fn === 'avg')
        return values.reduce((a, b) => a + b, 0) / values.length;
    return interpolatedPercentile(values, Number(fn.slice(1)) / 100);
}
/**
 * Position p·(n+1) on the sorted values (1-based), linear interpolation between neighbours, clamped
 * to the first and last value.
 */
function interpolatedPercentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    const n = sorted.length;
    const pos = p * (n + 1);
    if (pos <= 1)
        return sorted[0];
    if (pos >= n)
        return sorted[n - 1];
    const k = Math.floor(pos);
    const lower = sorted[k - 1];
    return lower + (pos - k) * (sorted[k] - lower);
}

// EXTERNAL MODULE: ./src/scoring/criteria.ts
var criteria = __webpack_require__(6824);
;// CONCATENATED MODULE: ./src/scoring/score.ts


function scoreObjective(input) {
    const { objective: o, value } = input;
    const comparedValue = aggregate(input.earlier, input.aggregateFunction);
    const groups = (list) => value === null ? [] : list.flatMap((group, g) => group.map(c => (0,criteria/* check */.z6)(c, g, value, comparedValue)));
    const passTargets = groups(o.pass);
    const warningTargets = groups(o.warning);
    const base = {
        sli: o.sli,
        ...(o.displayName ? { displayName: o.displayName } : {}),
        value,
        weight: o.weight,
        keySli: o.keySli,
        comparedValue,
        comparedValues: input.earlier,
        passTargets,
        warningTargets,
        ...(input.sloFile ? { sloFile: input.sloFile } : {}),
        ...(o.line === undefined ? {} : { line: o.line })
    };
    const verdict = judge(o, value, input.missing, passTargets, warningTargets, comparedValue);
    const score = verdict.status === 'pass' ? o.weight : verdict.status === 'warning' ? o.weight / 2 : 0;
    return { ...base, status: verdict.status, score, reason: verdict.reason };
}
function judge(o, value, missing, passTargets, warningTargets, baseline) {
    if (o.pass.length === 0 && o.errors.length === 0) {
        const none = value === null ? `; no value${missing ? `: ${missing}` : ''}` : '';
        return { status: 'info', reason: `informational: no pass criteria${none}` };
    }
    if (o.errors.length > 0)
        return { status: 'fail', reason: o.errors.map(e => e.message).join('; ') };
    if (value === null)
        return { status: 'fail', reason: `no value${missing ? `: ${missing}` : ''}` };
    const noBaseline = [...passTargets, ...warningTargets].some(t => t.relative) && baseline === null;
    const note = noBaseline ? ' (no baseline: relative criteria held by default)' : '';
    if (anyGroupHolds(o.pass, passTargets))
        return { status: 'pass', reason: `pass criteria hold${note}` };
    const violated = `violated ${describeViolations(passTargets)}`;
    if (anyGroupHolds(o.warning, warningTargets))
        return { status: 'warning', reason: `${violated}; warning criteria hold${note}` };
    const warned = o.warning.length ? `; warning violated ${describeViolations(warningTargets)}` : '';
    return { status: 'fail', reason: `${violated}${warned}${note}` };
}
/** OR across criteria lists, AND inside one. */
function anyGroupHolds(groups, targets) {
    return groups.some((_, g) => targets.filter(t => t.group === g).every(t => !t.violated));
}
function describeViolations(targets) {
    return targets
        .filter(t => t.violated)
        .map(t => `${JSON.stringify(t.criterion.trim())}${t.relative ? ` (target ${formatNumber(t.target)})` : ''}`)
        .join(', ');
}
function formatNumber(n) {
    if (n === null)
        return 'none';
    return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(3)));
}
/** Total score and result, with the key-SLI veto. */
function total(indicators, totalScore) {
    const scored = indicators.filter(i => i.status !== 'info');
    const max = scored.reduce((sum, i) => sum + i.weight, 0);
    const achieved = scored.reduce((sum, i) => sum + i.score, 0);
    const computed = max === 0 ? 100 : (100 * achieved) / max;
    // slo.yaml refuses weights that could get here; a score that is not a number still never passes.
    const finite = Number.isFinite(computed);
    const score = finite ? computed : 0;
    const vetoes = indicators.filter(i => i.keySli && i.status === 'fail');
    const reasons = vetoes.map(i => `key SLI ${i.sli} failed (${i.reason}): the gate cannot pass`);
    if (!finite) {
        reasons.push('the total score cannot be computed (the weights are not finite numbers): the gate fails');
        return { result: 'fail', score, reasons };
    }
    const shown = `${formatNumber(Math.round(score * 100) / 100)}%`;
    let result;
    if (score >= totalScore.pass && vetoes.length === 0) {
        result = 'pass';
        reasons.push(`score ${shown} reaches the pass threshold ${totalScore.pass}%`);
    }
    else if (totalScore.warning !== null && score >= totalScore.warning && vetoes.length === 0) {
        result = 'warning';
        reasons.push(`score ${shown} is below the pass threshold ${totalScore.pass}% but reaches the warning threshold ${totalScore.warning}%`);
    }
    else {
        result = 'fail';
        const warning = totalScore.warning === null ? '' : ` (warning ${totalScore.warning}%)`;
        if (vetoes.length === 0 || score < totalScore.pass)
            reasons.push(`score ${shown}, pass needs ${totalScore.pass}%${warning}`);
    }
    const failed = indicators.filter(i => i.status === 'fail' && !i.keySli).map(i => i.sli);
    if (failed.length)
        reasons.push(`failed: ${failed.join(', ')}`);
    return { result, score: Math.round(score * 100) / 100, reasons };
}


/***/ }),

/***/ 7533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ parseThresholds)
/* harmony export */ });
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(444);
/* harmony import */ var _results_file_sli_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4741);
/* harmony import */ var _criteria_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6824);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8933);
/**
 * The compact `thresholds` form: `response_time_p95<600, error_rate<=1`. Each item is a pass criterion
 * on one SLI (weight 1); the gate passes only if all hold (total_score.pass 100%, no warning band).
 */




const EXPECTED = 'comma-separated <sli><op><number>[%] items, e.g. "response_time_p95<600, error_rate<=1"';
function parseThresholds(text) {
    const items = splitItems(text);
    if (items.length === 0)
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('thresholds', EXPECTED, text);
    const objectives = items.map(item => objective(item));
    return {
        // Relative thresholds compare with the last run that passed, not with any run.
        comparison: { ..._history_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_COMPARISON */ .KJ, includeResultWithScore: 'pass' },
        objectives,
        totalScore: { pass: 100, warning: null },
        notes: []
    };
}
function objective(item) {
    const at = operatorIndex(item);
    const sli = at < 0 ? '' : item.slice(0, at).trim();
    if (at <= 0 || !(0,_results_file_sli_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSliName */ .Ld)(sli))
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('thresholds', EXPECTED, item);
    const criterion = (0,_criteria_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCriterion */ .Jn)(item.slice(at));
    if ((0,_criteria_js__WEBPACK_IMPORTED_MODULE_3__/* .isCriterionError */ .Ii)(criterion))
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('thresholds', EXPECTED, item);
    return { sli, keySli: false, weight: 1, pass: [[criterion]], warning: [], errors: [] };
}
/** Splits on commas, semicolons and newlines outside a quoted label. */
function splitItems(text) {
    const items = [];
    let current = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted && c === '\\') {
            current += c + (text[++i] ?? '');
            continue;
        }
        if (c === '"')
            quoted = !quoted;
        if (!quoted && (c === ',' || c === ';' || c === '\n')) {
            items.push(current);
            current = '';
        }
        else
            current += c;
    }
    items.push(current);
    return items.map(s => s.trim()).filter(s => s !== '');
}
/** Index of the first comparison operator outside `{label="..."}`, or -1. */
function operatorIndex(item) {
    let quoted = false;
    let braces = 0;
    for (let i = 0; i < item.length; i++) {
        const c = item[i];
        if (quoted && c === '\\')
            i++;
        else if (c === '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c === '{')
            braces++;
        else if (c === '}')
            braces--;
        else if (braces === 0 && (c === '<' || c === '>' || c === '='))
            return i;
    }
    return -1;
}


/***/ }),

/***/ 2244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ unscoredReason),
/* harmony export */   i: () => (/* binding */ failUnscored)
/* harmony export */ });
/** The indicator was checked against a number (or failed outright: no value, a malformed criterion). */
function scored(i) {
    if (i.status === 'fail')
        return true;
    if (i.status === 'info')
        return false;
    return [...i.passTargets, ...i.warningTargets].some(t => t.target !== null);
}
/** Why the gate scored nothing, in words; undefined when at least one objective was scored. */
function unscoredReason(e) {
    if (e.indicators.length === 0 || e.indicators.some(scored))
        return undefined;
    const info = e.indicators.filter(i => i.status === 'info').length;
    const relative = e.indicators.length - info;
    const parts = [
        ...(info ? [`${count(info)} no pass criteria (informational)`] : []),
        ...(relative ? [`${count(relative)} only relative criteria and there is no baseline yet`] : [])
    ];
    return `the gate scored nothing: ${parts.join(', and ')}; no objective was checked against a number`;
}
function count(n) {
    return n === 1 ? '1 objective has' : `${n} objectives have`;
}
/** fail-on-unscored: an evaluation that scored nothing fails, with the reason first. */
function failUnscored(e) {
    const reason = unscoredReason(e);
    if (reason === undefined)
        return e;
    return { ...e, result: 'fail', reasons: [`${reason} (fail-on-unscored is true)`, ...e.reasons] };
}


/***/ }),

/***/ 6243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ loadValues)
/* harmony export */ });
/* unused harmony export checkValues */
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(444);
/* harmony import */ var _files_user_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3355);
/** SLI values given directly (`--values FILE.json`): a JSON object of SLI name to number or null. */


function loadValues(file) {
    return checkValues((0,_files_user_file_js__WEBPACK_IMPORTED_MODULE_1__/* .readUserJson */ .YJ)(file), file);
}
function checkValues(value, file = 'values') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigFileError */ .x(file, undefined, 'expected a JSON object of SLI name to number (or null)');
    }
    const out = {};
    for (const [name, v] of Object.entries(value)) {
        if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) {
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigFileError */ .x(file, undefined, `${JSON.stringify(name)}: expected a number or null, got ${JSON.stringify(v)}`);
        }
        out[name] = v;
    }
    return out;
}


/***/ })

};
