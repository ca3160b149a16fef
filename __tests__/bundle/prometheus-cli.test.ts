/**
 * `carts-deploy evaluate --prometheus-url` as users run it (the bundled CLI): an sli.yaml beside the results
 * of a real JMeter run, and a perfspec.json, against a loopback server that answers as Prometheus's HTTP API
 * does and records what it was asked (the real Prometheus is in the e2e tier).
 */
import { spawn } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cliEntry } from '../helpers/cli.js'
import { REPO } from '../helpers/paths.js'

const dir = mkdtempSync(path.join(tmpdir(), 'prometheus-cli-'))
const asked: { query: string; time: string; authorization?: string }[] = []
let server: Server
let url: string

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', chunk => (body += chunk))
    req.on('end', () => {
      const form = new URLSearchParams(body)
      asked.push({
        query: form.get('query')!,
        time: form.get('time')!,
        authorization: req.headers.authorization
      })
      const value = form.get('query')!.includes('latency') ? '0.9' : '420'
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          status: 'success',
          data: { resultType: 'vector', result: [{ metric: {}, value: [1, value] }] }
        })
      )
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  copyFileSync(path.join(REPO, '__tests__/fixtures/jtl/crlf-transactions.jtl'), path.join(dir, 'results.jtl'))
  writeFileSync(
    path.join(dir, 'sli.yaml'),
    'spec_version: \'1.0\'\nindicators:\n  service_p95: histogram_quantile(0.95, x{job="$SERVICE-$PROJECT-$STAGE",build="$LABEL.build"}[$DURATION_SECONDS])\n'
  )
  writeFileSync(
    path.join(dir, 'slo.yaml'),
    "objectives:\n  - sli: service_p95\n    key_sli: true\n    pass: [{ criteria: ['<600'] }]\n  - sli: error_rate\n    pass: [{ criteria: ['<=100'] }]\ntotal_score: { pass: '90%' }\n"
  )
  copyFileSync(
    path.join(REPO, '__tests__/fixtures/prometheus/perfspec.json'),
    path.join(dir, 'perfspec.json')
  )
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
})

function evaluate(
  args: string[],
  env: Record<string, string> = {}
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    const child = spawn('node', [cliEntry().path, 'evaluate', '--prometheus-url', url, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', ...env }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('close', status => resolve({ status, stdout, stderr }))
  })
}

describe('evaluate --prometheus-url', () => {
  it('queries the sli.yaml at --end for the window, beside the results file, with the token; --json names each source', async () => {
    const out = await evaluate(
      [
        '--results',
        'results.jtl',
        '--sli',
        'sli.yaml',
        '--slo',
        'slo.yaml',
        '--start',
        '2025-12-03T10:00:00Z',
        '--end',
        '1764756090',
        '--project',
        'sockshop',
        '--stage',
        'staging',
        '--service',
        'carts',
        '--label',
        'build=42',
        '--json'
      ],
      { PROMETHEUS_TOKEN: 's3cret' }
    )
    expect(out.stderr).toBe('')
    expect(out.status).toBe(0)
    expect(asked.at(-1)).toEqual({
      query: 'histogram_quantile(0.95, x{job="carts-sockshop-staging",build="42"}[90s])',
      time: '1764756090.000',
      authorization: 'Bearer s3cret'
    })
    const evaluation = JSON.parse(out.stdout) as {
      indicators: { sli: string; value: number; source: unknown }[]
      prometheus: unknown
    }
    expect(evaluation.indicators.map(i => [i.sli, i.value, i.source])).toEqual([
      ['service_p95', 420, { kind: 'prometheus', query: asked.at(-1)!.query }],
      ['error_rate', expect.any(Number), { kind: 'results-file' }]
    ])
    expect(evaluation.prometheus).toMatchObject({ url, window: { start: 1764756000000, end: 1764756090000 } })
  })

  it("grades a perfspec.json with pitometer's rules: a severe threshold fails it", async () => {
    const out = await evaluate([
      '--perfspec',
      'perfspec.json',
      '--start',
      '1764756000',
      '--end',
      '1764756300',
      '--stage',
      'staging'
    ])
    expect(out.status).toBe(1)
    expect(out.stdout).toMatch(/^Quality gate: FAIL \(score 50 points\)/)
    expect(asked.at(-1)?.query).toMatch(/job="carts-pitometer-staging"}\[5m\]/)
    expect(out.stdout).toContain('request_latency_seconds: 0.9 >= upperSevere 0.8')
  })

  it('refuses unusable input in one line naming it (exit 2)', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['--sli', 'sli.yaml', '--slo', 'slo.yaml', '--start', 'yesterday', '--end', '1'],
        /Input '--start': expected RFC 3339 .* or unix seconds, got "yesterday"/
      ],
      [
        ['--sli', 'sli.yaml', '--slo', 'slo.yaml', '--start', '5', '--end', '1'],
        /Input '--start\/--end': expected a start before the end/
      ],
      [
        ['--sli', 'sli.yaml', '--slo', 'slo.yaml'],
        /Input '--start\/--end': expected the test window the queries are for/
      ],
      [
        ['--sli', 'sli.yaml', '--perfspec', 'perfspec.json', '--start', '0', '--end', '1'],
        /Input '--sli\/--perfspec': expected one Prometheus gate file/
      ],
      [
        [
          '--sli',
          'sli.yaml',
          '--slo',
          'slo.yaml',
          '--start',
          '0',
          '--end',
          '60',
          '--project',
          'p',
          '--stage',
          's',
          '--service',
          'c'
        ],
        /sli\.yaml:3: service_p95: unsupported placeholder \$LABEL\.build \(no value for it was given\)/
      ]
    ]
    for (const [args, message] of cases) {
      const out = await evaluate(args)
      expect([out.status, out.stderr.trim().split('\n').length]).toEqual([2, 1])
      expect(out.stderr).toMatch(message)
    }
    expect(readFileSync(path.join(dir, 'sli.yaml'), 'utf8')).toContain('$LABEL.build')
  })
})
