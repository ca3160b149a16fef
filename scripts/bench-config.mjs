#!/usr/bin/env node
// Benchmark: one `config set-image` against a config branch with 1,000 commits and 100 services, beside a
// plain `git clone --depth 1 --branch config` of the same repository, measured in the same run.
//
//   node scripts/bench-config.mjs [--cli dist/cli/index.js] [--runs 7]
//
// The repository is built once with git fast-import and cached in os.tmpdir(); each run works on a fresh
// copy of it. Runs alternate clone / set-image so that load from other processes hits both alike; the
// medians are compared. Both a local path and a file:// URL are measured: for a local path git ignores
// --depth and hardlinks the objects; file:// makes both sides really shallow.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values: args } = parseArgs({
  options: { cli: { type: 'string', default: 'dist/cli/index.js' }, runs: { type: 'string', default: '7' } }
})
const COMMITS = 1000
const SERVICES = 100
const STAGES = ['dev', 'staging', 'production']
const cli = resolve(args.cli)

function run(command, argv, options = {}) {
  const result = spawnSync(command, argv, { encoding: 'utf8', ...options })
  if (result.status !== 0)
    throw new Error(`${command} ${argv.join(' ')} failed: ${result.stderr || result.error}`)
  return result
}

function data(text) {
  return `data ${Buffer.byteLength(text)}\n${text}\n`
}

/** The fast-import stream: commit i sets the tag of service i % 100 in stage i % 3. */
function history() {
  const parts = []
  for (let i = 0; i < COMMITS; i++) {
    const service = `svc-${String(i % SERVICES).padStart(3, '0')}`
    const stage = STAGES[i % STAGES.length]
    const values = `# ${service} in ${stage}\nreplicaCount: 1\nimage:\n  repository: docker.io/example/${service}\n  tag: 1.${i}.0\n`
    const who = `github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com> ${1_700_000_000 + i * 60} +0000`
    parts.push(`commit refs/heads/config\nauthor ${who}\ncommitter ${who}\n`)
    parts.push(data(`[carts-deploy] ${service}:1.${i}.0 -> sockshop/${stage}\n`))
    if (i === 0) parts.push('M 100644 inline README.md\n', data('# Config branch (benchmark)\n'))
    parts.push(`M 100644 inline sockshop/${stage}/${service}/values.yaml\n`, data(values))
  }
  return parts.join('')
}

function cachedRepo() {
  const dir = join(tmpdir(), `carts-deploy-bench-config-${COMMITS}x${SERVICES}`)
  if (existsSync(join(dir, 'complete'))) return dir
  rmSync(dir, { recursive: true, force: true })
  run('git', ['init', '--quiet', '--bare', dir])
  run('git', ['--git-dir', dir, 'fast-import', '--quiet'], { input: history() })
  run('git', ['--git-dir', dir, 'gc', '--quiet'])
  writeFileSync(join(dir, 'complete'), '')
  return dir
}

function timeMs(command, argv) {
  const start = process.hrtime.bigint()
  run(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
  return Number(process.hrtime.bigint() - start) / 1e6
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function measure(label, repoArg, work, runs) {
  const clone = []
  const setImage = []
  const node = []
  for (let i = 0; i < runs; i++) {
    node.push(timeMs('node', [cli, 'config', '--help']))
    const target = join(work, `clone-${label}-${i}`)
    clone.push(timeMs('git', ['clone', '--quiet', '--depth', '1', '--branch', 'config', repoArg, target]))
    rmSync(target, { recursive: true, force: true })
    const service = `svc-${String((i * 37) % SERVICES).padStart(3, '0')}`
    const opts = ['--repo', repoArg, '--project', 'sockshop', '--stage', 'dev', '--service', service]
    setImage.push(
      timeMs('node', [
        cli,
        'config',
        'set-image',
        ...opts,
        '--image',
        'docker.io/example/svc',
        '--tag',
        `bench-${label.slice(0, 4)}-${i}`
      ])
    )
  }
  const [c, s, n] = [median(clone), median(setImage), median(node)]
  const ratio = s / c
  const ms = value => `${value.toFixed(0).padStart(5)} ms`
  console.log(
    `${label.padEnd(8)} clone --depth 1: ${ms(c)}   set-image: ${ms(s)}   ratio ${ratio.toFixed(2)} ` +
      `${ratio <= 1.5 ? '(goal <= 1.5 met)' : '(goal <= 1.5 NOT met)'}   [node start + --help alone: ${ms(n)}]`
  )
}

function main() {
  if (!existsSync(cli))
    throw new Error(`${cli} does not exist: build it first (npm run package), or pass --cli`)
  const runs = Math.max(1, Number(args.runs))
  const cached = cachedRepo()
  const work = mkdtempSync(join(tmpdir(), 'carts-deploy-bench-'))
  try {
    const repo = join(work, 'config.git')
    cpSync(cached, repo, { recursive: true })
    const count = run('git', ['--git-dir', repo, 'rev-list', '--count', 'config']).stdout.trim()
    const files = run('git', ['--git-dir', repo, 'ls-tree', '-r', '--name-only', 'config'])
      .stdout.trim()
      .split('\n')
    console.log(
      `config branch: ${count} commits, ${files.length - 1} values files of ${SERVICES} services; ${runs} runs each, medians`
    )
    run('node', [
      cli,
      'config',
      'set-image',
      '--repo',
      repo,
      '--project',
      'sockshop',
      '--stage',
      'dev',
      '--service',
      'warm',
      '--image',
      'x',
      '--tag',
      '1'
    ])
    measure('path', repo, work, runs)
    measure('file-url', `file://${repo}`, work, runs)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

main()
