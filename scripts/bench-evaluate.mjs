#!/usr/bin/env node
/**
 * Benchmark of `evaluate` on a 5,000,000-sample JTL (JMeter 5.x default columns, ~800 MB, 1% failures,
 * some with multi-line quoted failure messages). Prints, measured in the same run: Node reading the
 * file and counting newlines, then `node dist/cli/index.js evaluate --results FILE --json`, its
 * wall time and peak RSS, and the ratio. Goals: evaluate within 2x the raw read, peak RSS < 64 MB.
 * A second case (issue 12) has every elapsed value distinct and above 65.5 s, where exact percentiles take
 * a further pass over the file: goal peak RSS <= 64 MB (the time is two passes over the file).
 *
 * A third case (issue 15) splits the samples over 4 files, as 4 load generators write them: evaluating the 4
 * (`--results` 4 times) beside Node reading the 4, goal <= 1.2x and <= 64 MB, and the values must equal those
 * of one file holding the same samples.
 *
 * Usage: node scripts/bench-evaluate.mjs [--samples N] [--cli path/to/cli.js] [--runs N] [--case usual|distinct|several]
 * With --runs, raw read and evaluate alternate N times (noise on a shared machine hits both alike).
 * The JTL is generated once and cached in $CARTS_CACHE or the OS temp folder.
 */
import { spawn } from 'node:child_process'
import { existsSync, openSync, writeSync, closeSync, renameSync, statSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(import.meta.url), '../..')
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : fallback
}
const samples = Number(option('--samples', '5000000'))
const runs = Math.max(1, Number(option('--runs', '1')))
const cli = resolve(option('--cli', join(root, 'dist/cli/index.js')))
const cacheDir = process.env.CARTS_CACHE || tmpdir()
const jtl = join(cacheDir, `carts-bench-${samples}-v1.jtl`)
const distinctJtl = join(cacheDir, `carts-bench-${samples}-distinct-v1.jtl`)

const HEADER =
  'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,' +
  'bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n'
const LABELS = ['GET /carts/{id}', 'Add to cart', 'GET /carts/{id}/items', 'Delete item', 'Checkout']
const URLS = [
  'http://carts.sockshop-staging.svc.cluster.local/carts/1/items',
  'http://carts.sockshop-staging.svc.cluster.local/carts/1',
  'http://carts.sockshop-staging.svc.cluster.local/carts/1/items?sort=desc&limit=10',
  'http://carts.sockshop-staging.svc.cluster.local/carts/1/items/a0a4f044',
  'http://carts.sockshop-staging.svc.cluster.local/orders/checkout'
]
const MULTILINE =
  '"Test failed: code expected to equal /\n\n****** received  : [[[500]]]\n\n' +
  '****** comparison: [[[200]]]\n\n/"'

/** A small deterministic PRNG (mulberry32) so every run writes the same file. */
function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `distinct`: every elapsed value different and above 65.5 s (a permutation of 65,536 .. 65,536 + n - 1). */
function generate(file, n, distinct = false, seed = 42) {
  const rnd = prng(seed)
  const tmp = `${file}.${process.pid}.tmp`
  const fd = openSync(tmp, 'w')
  writeSync(fd, HEADER)
  let ts = 1764400000000
  let batch = ''
  for (let i = 0; i < n; i++) {
    ts += rnd() < 0.5 ? 1 : 0
    const k = (rnd() * LABELS.length) | 0
    // Log-normal-ish response times around 120 ms, a long tail, and rare timeouts above 65 s.
    const r = rnd()
    const elapsed = distinct
      ? 65536 + Number((BigInt(i) * 2654435761n) % BigInt(n))
      : r < 0.0005
        ? 70000 + ((rnd() * 60000) | 0)
        : Math.round(20 + Math.exp(4.5 + 1.1 * gauss(rnd)))
    const failed = rnd() < 0.01
    const thread = `Thread Group 1-${1 + ((rnd() * 100) | 0)}`
    const msg = failed ? (rnd() < 0.3 ? MULTILINE : 'Test failed: code expected to equal /200/') : ''
    batch +=
      `${ts},${elapsed},${LABELS[k]},${failed ? '500,Internal Server Error' : '200,OK'},${thread},text,` +
      `${failed ? 'false' : 'true'},${msg},${1000 + k * 37},${300 + k},100,100,${URLS[k]},` +
      `${Math.max(0, elapsed - 3)},0,${(rnd() * 3) | 0}\n`
    if (batch.length > 1 << 20) {
      writeSync(fd, batch)
      batch = ''
    }
  }
  writeSync(fd, batch)
  closeSync(fd)
  renameSync(tmp, file)
}

function gauss(rnd) {
  return Math.sqrt(-2 * Math.log(rnd() || 1e-12)) * Math.cos(2 * Math.PI * rnd())
}

/** Runs a command; returns wall seconds and peak RSS in MB (from /usr/bin/time -v or /proc VmHWM). */
function measure(command, commandArgs) {
  const useTime = existsSync('/usr/bin/time')
  const [cmd, argv] = useTime ? ['/usr/bin/time', ['-v', command, ...commandArgs]] : [command, commandArgs]
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint()
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let hwm = 0
    child.stdout.on('data', d => (out += d))
    child.stderr.on('data', d => (err += d))
    const poll = useTime ? null : setInterval(() => (hwm = Math.max(hwm, vmHwm(child.pid))), 20)
    child.on('error', fail)
    child.on('close', code => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      if (poll) clearInterval(poll)
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err)
      const rssMb = m ? Number(m[1]) / 1024 : hwm / 1024
      done({ seconds, rssMb, code, out, err })
    })
  })
}

function vmHwm(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) : 0
  } catch {
    return 0
  }
}

const RAW_READ = `
const fs = require('fs'); const fd = fs.openSync(process.argv[1], 'r'); const buf = Buffer.allocUnsafe(1 << 20)
let lines = 0, n
while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) {
  let i = -1; while ((i = buf.indexOf(10, i + 1)) !== -1 && i < n) lines++
}
console.log(lines)`

async function benchCase(name, file, distinct) {
  if (!existsSync(file)) {
    process.stdout.write(`generating ${samples} samples into ${file} ... `)
    const t = Date.now()
    generate(file, samples, distinct)
    process.stdout.write(`${((Date.now() - t) / 1000).toFixed(1)} s\n`)
  }
  const mb = statSync(file).size / 1e6
  // Warm the page cache so both measurements read from memory.
  await measure(process.execPath, ['-e', RAW_READ, file])
  console.log(`\n== ${name}`)
  console.log(`file            ${file} (${mb.toFixed(0)} MB, ${samples} samples)`)
  const ratios = []
  for (let run = 1; run <= runs; run++) {
    if (runs > 1) console.log(`run ${run} of ${runs}`)
    const raw = await measure(process.execPath, ['-e', RAW_READ, file])
    const evaluation = await measure(process.execPath, [cli, 'evaluate', '--results', file, '--json'])
    if (evaluation.code !== 0 && evaluation.code !== 1) throw new Error(`evaluate failed:\n${evaluation.err}`)
    const result = JSON.parse(evaluation.out)
    ratios.push(evaluation.seconds / raw.seconds)
    console.log(
      `raw read        ${raw.seconds.toFixed(2)} s (${raw.out.trim()} newlines), peak RSS ${raw.rssMb.toFixed(0)} MB`
    )
    console.log(
      `evaluate        ${evaluation.seconds.toFixed(2)} s, peak RSS ${evaluation.rssMb.toFixed(1)} MB`
    )
    console.log(
      `ratio           ${ratios.at(-1).toFixed(2)}x the raw read (${distinct ? 'two passes over the file: no time goal, memory is the goal' : 'goal <= 2x'})`
    )
    console.log(`rss goal        ${evaluation.rssMb <= 64 ? 'met' : 'MISSED'} (<= 64 MB)`)
    console.log(
      `samples read    ${result.samples}, p50 ${result.slis?.response_time_p50} ms, p95 ${result.slis?.response_time_p95} ms, error rate ${result.slis?.error_rate}%`
    )
    if (distinct) {
      // The values are 65,536 .. 65,536 + n - 1, each once: the nearest rank r is the value 65,535 + r.
      const expected = p => 65535 + Math.ceil((p * samples) / 100)
      const exact = [50, 95].every(p => result.slis?.[`response_time_p${p}`] === expected(p))
      console.log(
        `percentiles     ${exact ? 'exact' : 'WRONG'} (p50 ${expected(50)}, p95 ${expected(95)} expected)`
      )
    }
  }
  if (runs > 1) {
    const sorted = [...ratios].sort((a, b) => a - b)
    console.log(`median ratio    ${sorted[(runs - 1) >> 1].toFixed(2)}x over ${runs} runs`)
  }
}

const RAW_READ_ALL = RAW_READ.replace('process.argv[1]', 'f')
  .replace(
    "const fs = require('fs'); ",
    "const fs = require('fs'); let total = 0; for (const f of process.argv.slice(1)) { "
  )
  .replace('console.log(lines)', 'total += lines }; console.log(total)')

/** 4 files of a quarter of the samples each (other seeds), and one file holding all of them. */
function severalFiles() {
  const parts = [1, 2, 3, 4].map(k => join(cacheDir, `carts-bench-${samples}-part${k}-v1.jtl`))
  const whole = join(cacheDir, `carts-bench-${samples}-parts-joined-v1.jtl`)
  parts.forEach((part, k) => existsSync(part) || generate(part, Math.ceil(samples / 4), false, 100 + k))
  if (!existsSync(whole)) {
    const tmp = `${whole}.${process.pid}.tmp`
    const fd = openSync(tmp, 'w')
    parts.forEach((part, k) => {
      const text = readFileSync(part)
      writeSync(fd, k === 0 ? text : text.subarray(text.indexOf(10) + 1))
    })
    closeSync(fd)
    renameSync(tmp, whole)
  }
  return { parts, whole }
}

async function benchSeveral() {
  const { parts, whole } = severalFiles()
  const mb = parts.reduce((sum, f) => sum + statSync(f).size, 0) / 1e6
  await measure(process.execPath, ['-e', RAW_READ_ALL, ...parts])
  console.log('\n== 4 results files (4 load generators) judged as one test (issue 15)')
  console.log(`files           4 x ${parts[0]} ... (${mb.toFixed(0)} MB in all, ${samples} samples)`)
  const ratios = []
  for (let run = 1; run <= runs; run++) {
    if (runs > 1) console.log(`run ${run} of ${runs}`)
    const raw = await measure(process.execPath, ['-e', RAW_READ_ALL, ...parts])
    const evaluation = await measure(process.execPath, [
      cli,
      'evaluate',
      ...parts.flatMap(p => ['--results', p]),
      '--json'
    ])
    if (evaluation.code !== 0 && evaluation.code !== 1) throw new Error(`evaluate failed:\n${evaluation.err}`)
    ratios.push(evaluation.seconds / raw.seconds)
    console.log(
      `raw read        ${raw.seconds.toFixed(2)} s (${raw.out.trim()} newlines), peak RSS ${raw.rssMb.toFixed(0)} MB`
    )
    console.log(
      `evaluate        ${evaluation.seconds.toFixed(2)} s, peak RSS ${evaluation.rssMb.toFixed(1)} MB`
    )
    console.log(`ratio           ${ratios.at(-1).toFixed(2)}x the raw read (goal <= 1.2x)`)
    console.log(`rss goal        ${evaluation.rssMb <= 64 ? 'met' : 'MISSED'} (<= 64 MB)`)
    if (run === 1) {
      const one = await measure(process.execPath, [cli, 'evaluate', '--results', whole, '--json'])
      const [a, b] = [JSON.parse(evaluation.out), JSON.parse(one.out)]
      const same = JSON.stringify(a.slis) === JSON.stringify(b.slis) && a.samples === b.samples
      console.log(`per file        ${a.resultsFiles.map(f => f.samples).join(' + ')} = ${a.samples} samples`)
      console.log(
        `values          ${same ? 'equal to' : 'DIFFERENT from'} one file holding every sample (p95 ${a.slis.response_time_p95} ms)`
      )
    }
  }
  if (runs > 1) {
    const sorted = [...ratios].sort((a, b) => a - b)
    console.log(`median ratio    ${sorted[(runs - 1) >> 1].toFixed(2)}x over ${runs} runs`)
  }
}

async function main() {
  if (!existsSync(cli)) throw new Error(`${cli} does not exist: run npm run build first (or pass --cli)`)
  const only = option('--case', 'all')
  if (only === 'all' || only === 'usual')
    await benchCase('usual response times (1% failures, rare timeouts)', jtl, false)
  if (only === 'all' || only === 'distinct')
    await benchCase('every elapsed value distinct and above 65.5 s (issue 12)', distinctJtl, true)
  if (only === 'all' || only === 'several') await benchSeveral()
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
