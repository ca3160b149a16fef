/**
 * The hackfest story, end to end: `npm run demo` runs node dist/index.js per stage job against the real
 * cluster (carts pods running the carts images on a real node), a real config repository, real helm and
 * real JMeter reaching each new version through kubectl port-forward; this checks what it left behind.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { REPO } from '../helpers/paths.js'

interface Run {
  tag: string
  stage: string
  exitCode: number
  outputs: Record<string, string>
  decision: string
  log: string
}
interface Story {
  runs: Run[]
  afterEachTag: Record<string, { images: Record<string, string>; serving: Record<string, string> }>
  running: Record<string, string>
  serving: Record<string, string>
  configBranch: string[]
  out: string
}

const IMAGE = 'docker.io/keptnexamples/carts'
let story: Story

beforeAll(() => {
  const out = mkdtempSync(path.join(tmpdir(), 'carts-story-'))
  const stdout = execFileSync(
    process.execPath,
    [path.join(REPO, 'scripts/demo.mjs'), '--out', out, '--keep-cluster', '--json'],
    {
      encoding: 'utf8',
      timeout: 900_000,
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  story = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Story
}, 900_000)

const summary = (tag: string, stage: string) =>
  readFileSync(path.join(story.out, 'summaries', `${tag}-${stage}.md`), 'utf8')

describe('the carts story', () => {
  it('runs the stages in order and stops 0.8.2 in staging', () => {
    expect(story.runs.map(r => [r.tag, r.stage, r.outputs.result, r.outputs.promote])).toEqual([
      ['0.8.1', 'dev', 'pass', 'true'],
      ['0.8.1', 'staging', 'pass', 'true'],
      ['0.8.1', 'production', 'pass', 'true'],
      ['0.8.2', 'dev', 'pass', 'true'],
      ['0.8.2', 'staging', 'fail', 'false'],
      ['0.8.3', 'dev', 'pass', 'true'],
      ['0.8.3', 'staging', 'pass', 'true'],
      ['0.8.3', 'production', 'pass', 'true']
    ])
  })

  it('tests each new version through a kubectl port-forward that is closed afterwards', () => {
    const staging = readFileSync(
      story.runs.find(r => r.tag === '0.8.2' && r.stage === 'staging')!.log,
      'utf8'
    )
    expect(staging).toMatch(
      /the tests reach service\/carts-green:80 in sockshop-staging through kubectl port-forward: http:\/\/127\.0\.0\.1:\d+/
    )
    expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toMatch(
      /kubectl port-forward .*sockshop-/
    )
  })

  it('says promoted or rolled back only after the stable service routes to that version alone', () => {
    const log = (tag: string, stage: string) =>
      readFileSync(story.runs.find(r => r.tag === tag && r.stage === stage)!.log, 'utf8')
    expect(log('0.8.3', 'staging')).toContain(
      'Checked: carts in sockshop-staging routes to 1 ready pod of 0.8.3'
    )
    expect(log('0.8.2', 'staging')).toContain(
      'Checked: carts in sockshop-staging routes to 1 ready pod of 0.8.1'
    )
    expect(log('0.8.1', 'production')).toContain(
      'Checked: carts in sockshop-production routes to 1 ready pod of 0.8.1'
    )
  })

  it('fails only the job whose gate failed, with the reason', () => {
    const failed = story.runs.filter(r => r.exitCode !== 0)
    expect(failed.map(r => `${r.tag}-${r.stage}`)).toEqual(['0.8.2-staging'])
    expect(readFileSync(failed[0].log, 'utf8')).toMatch(
      /::error::Quality gate failed: rolled back; .*response_time_p95/
    )
    // Staging gates on both sides of the wire: the p95 JMeter saw and the one carts reported to Prometheus.
    const summary0 = summary('0.8.2', 'staging')
    expect(summary0).toMatch(/\| Response time P95 \(ms\) 🔑 \| results file \| \d+ .*❌ fail/)
    expect(summary0).toMatch(
      /\| Service-side response time P95 \(ms, Prometheus\) 🔑 \| Prometheus \(query below\) \| \d+(\.\d+)? \|.*❌ fail/
    )
    expect(summary0).toMatch(
      /^ {2}histogram_quantile\(0\.95, sum\(rate\(http_response_time_milliseconds_bucket\{job="carts-sockshop-staging"\}/m
    )
  })

  it('gives every output of the action', () => {
    const staging = story.runs.find(r => r.tag === '0.8.1' && r.stage === 'staging')
    expect(staging?.outputs).toMatchObject({
      result: 'pass',
      promote: 'true',
      'next-stage': 'production',
      approval: 'none',
      'config-commit': expect.stringMatching(/^[0-9a-f]{40}$/),
      // service-url: port-forward; its local port existed only while the tests ran.
      'deployment-url': '',
      evaluation: expect.stringMatching(/evaluation\.json$/),
      'helm-path': expect.stringMatching(/helm$/),
      'results-dir': expect.stringMatching(/jmeter-results$/)
    })
    expect(Number(staging?.outputs.score)).toBeGreaterThanOrEqual(90)
  })

  it('keeps production on 0.8.1 while 0.8.2 is rolled back in staging', () => {
    expect(story.afterEachTag['0.8.1'].images).toEqual({
      dev: `${IMAGE}:0.8.1`,
      staging: `${IMAGE}:0.8.1`,
      production: `${IMAGE}:0.8.1`
    })
    expect(story.afterEachTag['0.8.2'].images).toEqual({
      dev: `${IMAGE}:0.8.2`,
      staging: `${IMAGE}:0.8.1`,
      production: `${IMAGE}:0.8.1`
    })
    // What the real pods behind each stable service answer, not only what the objects name.
    expect(story.afterEachTag['0.8.2'].serving).toEqual({
      dev: '0.8.2',
      staging: '0.8.1',
      production: '0.8.1'
    })
    expect(story.serving).toEqual({ dev: '0.8.3', staging: '0.8.3', production: '0.8.3' })
    expect(story.running).toEqual({
      dev: `${IMAGE}:0.8.3`,
      staging: `${IMAGE}:0.8.3`,
      production: `${IMAGE}:0.8.3`
    })
  })

  it('leaves the history of every decision on the config branch', () => {
    const log = [...story.configBranch].reverse()
    const index = (subject: string) => log.findIndex(s => s.startsWith(subject))
    expect(index('[carts-deploy] carts:0.8.1 -> sockshop/dev')).toBeGreaterThanOrEqual(0)
    expect(index('[carts-deploy] carts:0.8.2 -> sockshop/staging')).toBeGreaterThan(
      index('[carts-deploy] carts:0.8.1 -> sockshop/production')
    )
    expect(index('[carts-deploy] rollback carts:0.8.1 -> sockshop/staging (was 0.8.2)')).toBeGreaterThan(
      index('[carts-deploy] carts:0.8.2 -> sockshop/staging')
    )
    expect(log.filter(s => s.startsWith('[carts-deploy] evaluation carts in sockshop/staging'))).toHaveLength(
      3
    )
    expect(log.some(s => s.includes('-> sockshop/production') && s.includes('0.8.2'))).toBe(false)
  })

  it('writes summaries that tell the story', () => {
    const failed = summary('0.8.2', 'staging')
    expect(failed).toContain('## ❌ carts:0.8.2 in staging')
    expect(failed).toContain('**Quality gate failed: rolled back**')
    expect(failed).toMatch(/\| Response time P95 \(ms\) 🔑 \| results file \| \d{4}(\.\d+)? \|/)
    expect(failed).toContain('xychart-beta')
    expect(summary('0.8.3', 'staging')).toContain('**Quality gate pass: promoted to production**')
    expect(summary('0.8.1', 'production')).toContain(
      'No tests and no SLO: healthy rollout, released (last stage)'
    )
    expect(summary('0.8.2', 'dev')).toContain('Tests (no SLO) pass: promoted to staging')
  })

  // A measurement for the README, not a timed assertion: printed, and only checked to exist.
  it("measures the action's own overhead per stage beyond helm's wait and JMeter", () => {
    const own = story.runs.map(r =>
      Number(/the action's own work ([\d.]+) s/.exec(readFileSync(r.log, 'utf8'))?.[1])
    )
    const sorted = [...own].sort((a, b) => a - b)
    console.log(
      `the action's own work per stage job (s): ${own.join(', ')}; median ${sorted[sorted.length >> 1]}, max ${sorted.at(-1)}`
    )
    expect(own.every(Number.isFinite)).toBe(true)
  })
})
