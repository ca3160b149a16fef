/*
 * The CSV hot path of csv-hot.ts in WebAssembly, for the same records (timeStamp, elapsed first; success
 * at a fixed column; no quote before success) with the same results. Quoted fields after success (JMeter's
 * failure messages, some multi-line) are read here too, so such records do not stop the scan. Rebuild csv-scan-wasm.ts with
 * csv-scan.build.sh after a change. Records it is not sure about are left to the JavaScript paths.
 * JavaScript writes a line feed just after the chunk (in padding it reserves), so every loop stops.
 */
#include <stdint.h>
#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(name)))
#define DENSE 65536

/* The histogram's 1 ms buckets: JavaScript's Histogram uses this very array (no merging). */
static uint32_t hist[DENSE];
/* Per call: records, failed, timed, minTs, maxEnd, counted, sum, min, max, line ends inside quoted fields. */
static double out[10];
extern unsigned char __heap_base;

EXPORT("hist") uint32_t *hist_ptr(void) { return hist; }
EXPORT("out") double *out_ptr(void) { return out; }
EXPORT("heap") uint32_t heap(void) { return (uint32_t)(uintptr_t)&__heap_base; }

/* The first line feed or quote at or after i: 16 bytes per step. */
static inline const uint8_t *lf_or_quote(const uint8_t *i) {
  const v128_t lf = wasm_i8x16_splat('\n');
  const v128_t quote = wasm_i8x16_splat('"');
  for (;;) {
    v128_t v = wasm_v128_load(i);
    uint32_t m = wasm_i8x16_bitmask(wasm_v128_or(wasm_i8x16_eq(v, lf), wasm_i8x16_eq(v, quote)));
    if (m) return i + __builtin_ctz(m);
    i += 16;
  }
}

/* The first comma or line feed at or after i. A deliberate twin of lf_or_quote: each is the inner loop of one
   scanner state, written out with its constants so each compiles to its own tight loop; the module was measured
   as a whole (README), not against a shared variant. */
static inline const uint8_t *comma_or_lf(const uint8_t *i) {
  const v128_t lf = wasm_i8x16_splat('\n');
  const v128_t comma = wasm_i8x16_splat(',');
  for (;;) {
    v128_t v = wasm_v128_load(i);
    uint32_t m = wasm_i8x16_bitmask(wasm_v128_or(wasm_i8x16_eq(v, lf), wasm_i8x16_eq(v, comma)));
    if (m) return i + __builtin_ctz(m);
    i += 16;
  }
}

/*
 * The line feed that ends a record whose rest, from i (the separator after success, field number `fields`),
 * holds a quote: read byte by byte (rare records), counting its fields and the line ends inside quotes into
 * *inner. NULL leaves the record to JavaScript, which reports or carries it: a character after a closing quote,
 * more fields than `max_fields` (rows merged by a misplaced quote), or the chunk ending first.
 */
static const uint8_t *quoted_end(const uint8_t *i, const uint8_t *end, int32_t fields, int32_t max_fields,
                                 uint32_t *inner) {
  uint32_t lines = 0;
  for (;;) {
    if (*i == '\r' && i[1] == '\n') i++;
    if (*i == '\n') {
      if (i >= end) return 0;
      *inner += lines;
      return i;
    }
    if (++fields > max_fields) return 0;
    if (*++i == '"') {
      /* A quoted field: "" is a quote in it; the sentinel line feed at end stops the loop. */
      for (++i;; ++i) {
        if (*i == '\n') {
          if (i >= end) return 0;
          lines++;
        } else if (*i == '"') {
          if (i + 1 >= end) return 0;
          if (*++i != '"') break;
        }
      }
      if (*i != ',' && *i != '\n' && !(*i == '\r' && i[1] == '\n')) return 0;
    } else {
      /* An unquoted field; a quote inside it is a literal character. */
      while (*i != ',' && *i != '\n') i++;
    }
  }
}

/* Reads records from p (a record start) before end; returns the first record not read. */
EXPORT("scan")
const uint8_t *scan(const uint8_t *p, const uint8_t *end, int32_t success_col, int32_t max_fields) {
  uint32_t n = 0, failed = 0, timed = 0, counted = 0, inner = 0;
  double min_ts = __builtin_inf(), max_end = -__builtin_inf(), sum = 0;
  uint32_t hmin = UINT32_MAX, hmax = 0;
  for (;;) {
    const uint8_t *i = p;
    uint64_t ts = 0;
    uint8_t c = *i;
    while ((uint8_t)(c - '0') < 10) {
      ts = ts * 10 + (c - '0');
      c = *++i;
    }
    if (c != ',' || i == p || i - p > 15) break;
    const uint8_t *from = ++i;
    uint64_t elapsed = 0;
    c = *i;
    while ((uint8_t)(c - '0') < 10) {
      elapsed = elapsed * 10 + (c - '0');
      c = *++i;
    }
    /* Values past the 1 ms buckets go to the histogram's overflow map, in JavaScript. */
    if (c != ',' || i == from || i - from > 15 || elapsed >= DENSE) break;
    i++;
    /* Usually the fields before success are passed in 16-byte blocks, by counting their commas. */
    int32_t need = success_col - 2;
    for (const uint8_t *block = i; need > 0; block += 16) {
      v128_t v = wasm_v128_load(block);
      uint32_t commas = wasm_i8x16_bitmask(wasm_i8x16_eq(v, wasm_i8x16_splat(',')));
      uint32_t special = wasm_i8x16_bitmask(
          wasm_v128_or(wasm_i8x16_eq(v, wasm_i8x16_splat('\n')), wasm_i8x16_eq(v, wasm_i8x16_splat('"'))));
      int32_t count = __builtin_popcount(commas);
      if (count >= need) {
        for (int32_t k = need; --k > 0;) commas &= commas - 1;
        uint32_t at = __builtin_ctz(commas);
        if (!(special & ((2u << at) - 1))) {
          i = block + at + 1;
          need = 0;
        }
        break;
      }
      /* A line end or a quote: the loop below goes on from the last field start, field by field. */
      if (special) break;
      if (count) i = block + (32 - __builtin_clz(commas));
      need -= count;
    }
    /* Fields still to pass (none when the blocks passed them), one at a time. */
    int32_t col = success_col - need;
    for (; col < success_col; col++) {
      if (*i == '"') break;
      i = comma_or_lf(i);
      if (*i == '\n') break;
      i++;
    }
    if (col < success_col) break;
    int ok;
    if (i[0] == 't' && i[1] == 'r' && i[2] == 'u' && i[3] == 'e') {
      ok = 1;
      i += 4;
    } else if (i[0] == 'f' && i[1] == 'a' && i[2] == 'l' && i[3] == 's' && i[4] == 'e') {
      ok = 0;
      i += 5;
    } else break;
    c = *i;
    if (c == '\r') c = *++i;
    if (c != ',' && c != '\n') break;
    /* The record ends at the line end unless a quoted field (maybe multi-line) comes first. */
    const uint8_t *nl = c == '\n' ? i : lf_or_quote(i);
    if (*nl == '"') nl = quoted_end(i, end, success_col + 1, max_fields, &inner);
    if (!nl || nl >= end) break;
    n++;
    failed += !ok;
    uint32_t e = (uint32_t)elapsed;
    hist[e]++;
    counted++;
    sum += e;
    if (e < hmin) hmin = e;
    if (e > hmax) hmax = e;
    /* A timeStamp of 0 marks a sample that failed before it started: no place in the time window. */
    if (ts > 0) {
      double t = (double)ts;
      timed++;
      if (t < min_ts) min_ts = t;
      if (t + e > max_end) max_end = t + e;
    }
    p = nl + 1;
  }
  out[0] = n;
  out[1] = failed;
  out[2] = timed;
  out[3] = min_ts;
  out[4] = max_end;
  out[5] = counted;
  out[6] = sum;
  out[7] = counted ? hmin : __builtin_inf();
  out[8] = counted ? hmax : -__builtin_inf();
  out[9] = inner;
  return p;
}
