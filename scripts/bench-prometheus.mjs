#!/usr/bin/env node
// Benchmark: `evaluate --prometheus-url --sli --slo` with 10 SLIs beside Prometheus's own time for the same
// 10 queries (sent at once, as the evaluation sends them), measured in the same run against a real
// Prometheus 3.16 (the test cluster's binary, built by e2e/node/build.sh on first use) scraping itself.
//
//   node scripts/bench-prometheus.mjs [--cli dist/cli/index.js] [--runs 9]
//
// Runs alternate direct / evaluate so that load from other processes hits both alike; the medians are
// compared. The goal: the evaluation adds at most 0.5 s (the CLI's start-up included).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { homedir, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { URLSearchParams } from 'node:url'
import { parseArgs } from 'node:util'

const { values: args } = parseArgs({
  options: { cli: { type: 'string', default: 'dist/cli/index.js' }, runs: { type: 'string', default: '9' } }
})
const cli = resolve(args.cli)
const REPO = resolve(import.meta.dirname, '..')
const cache = process.env.CARTS_CACHE ?? join(homedir(), '.cache/carts-deploy')
const binary = join(cache, 'node/prometheus-v0.316.0/prometheus')

const QUERIES = {
  requests: 'sum(rate(prometheus_http_requests_total[$DURATION_SECONDS]))',
  requests_by_handler: 'count(sum by (handler) (rate(prometheus_http_requests_total[$DURATION_SECONDS])))',
  cpu: 'sum(rate(process_cpu_seconds_total[$DURATION_SECONDS]))',
  resident: 'max(max_over_time(process_resident_memory_bytes[$DURATION_SECONDS]))',
  scrape_p95: 'max(quantile_over_time(0.95, scrape_duration_seconds[$DURATION_SECONDS]))',
  scraped: 'avg(avg_over_time(scrape_samples_scraped[$DURATION_SECONDS]))',
  series: 'max(prometheus_tsdb_head_series)',
  heap: 'max(avg_over_time(go_memstats_heap_inuse_bytes[$DURATION_SECONDS]))',
  goroutines: 'max(max_over_time(go_goroutines[$DURATION_SECONDS]))',
  up: 'min(min_over_time(up{job="$SERVICE-$PROJECT-$STAGE"}[$DURATION_SECONDS]))'
}

async function freePort() {
  const server = createServer()
  await new Promise(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address()
  await new Promise(done => server.close(done))
  return port
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const sleep = ms => new Promise(done => setTimeout(done, ms))

async function main() {
  if (!existsSync(binary)) {
    process.stderr.write('building Prometheus (e2e/node/build.sh prometheus) ...\n')
    const built = spawnSync('bash', [join(REPO, 'e2e/node/build.sh'), 'prometheus'], { stdio: 'inherit' })
    if (built.status !== 0) throw new Error('could not build Prometheus')
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-prometheus-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  writeFileSync(
    join(dir, 'prometheus.yml'),
    `global: { scrape_interval: 1s, scrape_timeout: 1s }\nscrape_configs:\n  - job_name: carts-sockshop-staging\n    static_configs: [{ targets: ['127.0.0.1:${port}'] }]\n`
  )
  const prometheus = spawn(
    binary,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`
    ],
    { stdio: 'ignore' }
  )
  try {
    const start = Date.now()
    // Some seconds of data to compute rates over (the first scrape comes a few seconds after start).
    await sleep(8_000)
    const end = Date.now()
    const window = { start: Math.floor(start / 1000), end: Math.floor(end / 1000) }
    const seconds = window.end - window.start
    const sli = join(dir, 'sli.yaml')
    const slo = join(dir, 'slo.yaml')
    writeFileSync(
      sli,
      `indicators:\n${Object.entries(QUERIES)
        .map(([k, q]) => `  ${k}: '${q}'`)
        .join('\n')}\n`
    )
    writeFileSync(
      slo,
      `objectives:\n${Object.keys(QUERIES)
        .map(k => `  - sli: ${k}`)
        .join('\n')}\n`
    )
    const sent = Object.values(QUERIES).map(q =>
      q
        .replaceAll('$DURATION_SECONDS', `${seconds}s`)
        .replaceAll('$SERVICE', 'carts')
        .replaceAll('$PROJECT', 'sockshop')
        .replaceAll('$STAGE', 'staging')
    )
    const direct = async () => {
      const t0 = performance.now()
      const answers = await Promise.all(
        sent.map(query =>
          fetch(`${url}/api/v1/query`, {
            method: 'POST',
            body: new URLSearchParams({ query, time: String(window.end) })
          }).then(r => r.json())
        )
      )
      if (answers.some(a => a.status !== 'success' || a.data.result.length !== 1))
        throw new Error(`a direct query gave no single value: ${JSON.stringify(answers)}`)
      return performance.now() - t0
    }
    const evaluate = () =>
      new Promise((done, fail) => {
        const t0 = performance.now()
        const child = spawn(process.execPath, [
          cli,
          'evaluate',
          '--prometheus-url',
          url,
          '--sli',
          sli,
          '--slo',
          slo,
          '--start',
          String(window.start),
          '--end',
          String(window.end),
          '--project',
          'sockshop',
          '--stage',
          'staging',
          '--service',
          'carts',
          '--json'
        ])
        let out = ''
        child.stdout.on('data', chunk => (out += chunk))
        child.on('close', () => {
          const ms = performance.now() - t0
          const evaluation = JSON.parse(out)
          const missing = evaluation.indicators.filter(i => i.value === null)
          if (missing.length)
            fail(new Error(`no value for ${missing.map(i => `${i.sli}: ${i.reason}`).join('; ')}`))
          else done(ms)
        })
      })
    await direct()
    await evaluate() // warm-up: file cache, Prometheus's query caches
    const directMs = []
    const evaluateMs = []
    for (let i = 0; i < Number(args.runs); i++) {
      directMs.push(await direct())
      evaluateMs.push(await evaluate())
    }
    const d = median(directMs)
    const e = median(evaluateMs)
    const result = {
      slis: sent.length,
      window_seconds: seconds,
      prometheus_queries_ms: Math.round(d),
      evaluate_ms: Math.round(e),
      added_ms: Math.round(e - d),
      ratio: Number((e / d).toFixed(2)),
      goal: 'added <= 500 ms',
      met: e - d <= 500
    }
    process.stdout.write(`${JSON.stringify(result)}\n`)
    if (!result.met) process.exitCode = 1
  } finally {
    prometheus.kill()
    await new Promise(done => prometheus.once('exit', done))
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`)
  process.exit(1)
})
