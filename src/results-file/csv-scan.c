/*
 * The CSV hot path of csv-hot.ts in WebAssembly, for the same records (timeStamp, elapsed first; success
 * at a fixed column; no quote before success) with the same results. Quoted fields after success (JMeter's
 * failure messages, some multi-line) are read here too, so such records do not stop the scan. Rebuild
 * csv-scan-wasm.ts with csv-scan.build.sh after a change. Records it is not sure about are left to the
 * JavaScript paths.
 * JavaScript writes a line feed just after the chunk (in padding it reserves), so every loop stops.
 * Numbers are read 8 digits at a time and fields passed 64 bytes at a time, with few branches: the scan of
 * 5,000,000 records took 0.165 s with a loop per digit and per 16 bytes, 0.14 s so (README, benchmarks).
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

/* Bits of the 64 bytes from i that equal a or b (a == b for one byte value: the compiler drops the twin). */
static inline uint64_t bits64(const uint8_t *i, uint8_t a, uint8_t b) {
  uint64_t m = 0;
  for (int k = 0; k < 4; k++) {
    v128_t v = wasm_v128_load(i + 16 * k);
    v128_t hit = wasm_v128_or(wasm_i8x16_eq(v, wasm_i8x16_splat(a)), wasm_i8x16_eq(v, wasm_i8x16_splat(b)));
    m |= (uint64_t)wasm_i8x16_bitmask(hit) << (16 * k);
  }
  return m;
}

/* The first byte that is a or b at or after i: 64 bytes per step. */
static inline const uint8_t *first_of(const uint8_t *i, uint8_t a, uint8_t b) {
  for (;; i += 64) {
    uint64_t m = bits64(i, a, b);
    if (m) return i + __builtin_ctzll(m);
  }
}

/* How many digits start at i (16 at most). */
static inline uint32_t digits_at(const uint8_t *i) {
  v128_t d = wasm_i8x16_sub(wasm_v128_load(i), wasm_i8x16_splat('0'));
  return __builtin_ctz(wasm_i8x16_bitmask(wasm_u8x16_ge(d, wasm_i8x16_splat(10))) | 0x10000);
}

/* The value of the len (1..8) digits at i, with no branch per digit (reads 8 bytes). */
static inline uint64_t value8(const uint8_t *i, uint32_t len) {
  uint64_t v;
  __builtin_memcpy(&v, i, 8);
  /* Bytes after the digits may borrow, but only from higher bytes, which the shift drops. */
  v = (v - 0x3030303030303030ULL) << (8 * (8 - len));
  v = v * 10 + (v >> 8);
  return (((v & 0x000000FF000000FFULL) * (100 + (1000000ULL << 32))) +
          (((v >> 16) & 0x000000FF000000FFULL) * (1 + (10000ULL << 32)))) >>
         32;
}

/* The value of the len (1..16) digits at i. */
static inline uint64_t value16(const uint8_t *i, uint32_t len) {
  return len <= 8 ? value8(i, len) : value8(i, len - 8) * 100000000ULL + value8(i + len - 8, 8);
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
    uint32_t len = digits_at(i);
    if (len == 0 || len > 15 || i[len] != ',') break;
    uint64_t ts = value16(i, len);
    i += len + 1;
    len = digits_at(i);
    if (len == 0 || len > 5 || i[len] != ',') break;
    uint64_t elapsed = value8(i, len);
    /* Values past the 1 ms buckets go to the histogram's overflow map, in JavaScript. */
    if (elapsed >= DENSE) break;
    i += len + 1;
    /* Usually the fields before success lie in the next 64 bytes: passed by counting their commas. */
    int32_t need = success_col - 2;
    if (need > 0) {
      uint64_t commas = bits64(i, ',', ','), special = bits64(i, '\n', '"');
      if (__builtin_popcountll(commas) >= need) {
        for (int32_t k = need; --k > 0;) commas &= commas - 1;
        uint32_t at = __builtin_ctzll(commas);
        if (!(special & ((2ull << at) - 1))) {
          i += at + 1;
          need = 0;
        }
      }
    }
    /* Else field by field. */
    for (; need > 0; need--) {
      if (*i == '"') break;
      i = first_of(i, ',', '\n');
      if (*i == '\n') break;
      i++;
    }
    if (need > 0) break;
    int ok;
    if (i[0] == 't' && i[1] == 'r' && i[2] == 'u' && i[3] == 'e') {
      ok = 1;
      i += 4;
    } else if (i[0] == 'f' && i[1] == 'a' && i[2] == 'l' && i[3] == 's' && i[4] == 'e') {
      ok = 0;
      i += 5;
    } else break;
    uint8_t c = *i;
    if (c == '\r') c = *++i;
    if (c != ',' && c != '\n') break;
    /* The record ends at the line end unless a quoted field (maybe multi-line) comes first. */
    const uint8_t *nl = c == '\n' ? i : first_of(i, '\n', '"');
    if (*nl == '"') nl = quoted_end(i, end, success_col + 1, max_fields, &inner);
    if (!nl || nl >= end) break;
    n++;
    failed += !ok;
    uint32_t e = (uint32_t)elapsed;
    hist[e]++;
    counted++;
    sum += e;
    /* Selects, not branches: a mispredicted branch per record costs more than the comparison. */
    hmin = e < hmin ? e : hmin;
    hmax = e > hmax ? e : hmax;
    /* A timeStamp of 0 marks a sample that failed before it started: no place in the time window. */
    if (ts > 0) {
      double t = (double)ts;
      timed++;
      min_ts = t < min_ts ? t : min_ts;
      max_end = t + e > max_end ? t + e : max_end;
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
