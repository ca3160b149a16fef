/**
 * Every way a query can give no value, against a real HTTP server on loopback that answers as Prometheus
 * does (or does not answer at all), and the evaluation that gets them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { queryInstant, type PrometheusEndpoint } from '../../../src/prometheus/query.js'
import { evaluateResults } from '../../../src/scoring/evaluate.js'

const vector = (...values: string[]) => ({
  status: 'success',
  data: { resultType: 'vector', result: values.map((v, i) => ({ metric: { i: String(i) }, value: [1, v] })) }
})

/** The answer for each query text; `hang` never answers. */
const ANSWERS: Record<string, { status: number; body: unknown } | 'hang'> = {
  one: { status: 200, body: vector('12.5') },
  two: { status: 200, body: vector('1', '2') },
  empty: { status: 200, body: vector() },
  nan: { status: 200, body: vector('NaN') },
  scalar: { status: 200, body: { status: 'success', data: { resultType: 'scalar', result: [1, '7'] } } },
  bad: {
    status: 400,
    body: { status: 'error', errorType: 'bad_data', error: '1:5: parse error: unexpected <op:*>' }
  },
  hang: 'hang'
}

let server: Server
let url: string
const seen: { query: string | null; time: string | null; authorization?: string }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', chunk => (body += chunk))
    req.on('end', () => {
      const form = new URLSearchParams(body)
      seen.push({
        query: form.get('query'),
        time: form.get('time'),
        authorization: req.headers.authorization
      })
      const answer = ANSWERS[form.get('query') ?? '']
      if (answer === 'hang') return
      res.writeHead(answer?.status ?? 404, { 'content-type': 'application/json' })
      res.end(answer ? JSON.stringify(answer.body) : 'not found')
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
})

/** A loopback port nothing listens on any more. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise(resolve => probe.close(resolve))
  return port
}

const endpoint = (timeoutMs = 2_000): PrometheusEndpoint => ({
  url,
  timeoutMs,
  authorization: 'Bearer s3cret'
})

describe('one instant query', () => {
  it('posts the query at the given time with the authorization header and reads each series', async () => {
    expect(await queryInstant(endpoint(), 'one', 1_700_000_000_250)).toEqual({ values: [12.5] })
    expect(seen.at(-1)).toEqual({ query: 'one', time: '1700000000.250', authorization: 'Bearer s3cret' })
    expect(await queryInstant(endpoint(), 'two', 0)).toEqual({ values: [1, 2] })
    expect(await queryInstant(endpoint(), 'scalar', 0)).toEqual({ values: [7] })
  })

  it('gives no value, with the reason, for an error, an empty result, NaN, a timeout and no server', async () => {
    expect(await queryInstant(endpoint(), 'bad', 0)).toEqual({
      values: null,
      reason: 'Prometheus: bad_data: 1:5: parse error: unexpected <op:*>'
    })
    expect(await queryInstant(endpoint(), 'empty', 0)).toEqual({
      values: null,
      reason: 'no data: the query returned an empty result'
    })
    expect(await queryInstant(endpoint(), 'nan', 0)).toEqual({
      values: null,
      reason: 'the query returned NaN, not a number'
    })
    expect(await queryInstant(endpoint(300), 'hang', 0)).toEqual({
      values: null,
      reason: `Prometheus at ${url} unreachable: no answer within 0.3 s`
    })
    const closed = await closedPort()
    expect(await queryInstant({ url: `http://127.0.0.1:${closed}`, timeoutMs: 2_000 }, 'one', 0)).toEqual({
      values: null,
      reason: `Prometheus at http://127.0.0.1:${closed} unreachable: ECONNREFUSED`
    })
    expect(await queryInstant(endpoint(), 'unknown', 0)).toEqual({
      values: null,
      reason: 'Prometheus answered HTTP 404 without JSON: not found'
    })
  })
})

describe('an sli.yaml gate', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'carts-sli-'))
  const sli = path.join(dir, 'sli.yaml')
  const slo = path.join(dir, 'slo.yaml')
  writeFileSync(
    sli,
    [
      'indicators:',
      // $WHICH is the slo.yaml's filter, as Keptn's prometheus-service replaced it.
      '  one_sli: $WHICH',
      ...['two', 'empty', 'nan', 'bad'].map(q => `  ${q}_sli: ${q}`),
      '  late: hang',
      ''
    ].join('\n')
  )
  writeFileSync(
    slo,
    [
      'filter:',
      "  which: 'one'",
      'objectives:',
      '  - sli: one_sli',
      "    pass: [{ criteria: ['<20'] }]",
      ...['two_sli', 'empty_sli', 'nan_sli', 'bad_sli', 'late'].map(
        s => `  - sli: ${s}\n    key_sli: true\n    pass: [{ criteria: ['<20'] }]`
      ),
      ''
    ].join('\n')
  )

  it('scores the values it got and fails the key SLIs without one, each naming its query and the reason', async () => {
    const evaluation = await evaluateResults({
      sloFile: slo,
      prometheus: {
        endpoint: endpoint(500),
        gate: { kind: 'sli', file: sli },
        context: {
          project: 'p',
          stage: 's',
          service: 'c',
          deployment: 'direct',
          labels: {},
          window: { start: 0, end: 1000 }
        }
      }
    })
    const by = Object.fromEntries(evaluation.indicators.map(i => [i.sli, i]))
    expect(by.one_sli).toMatchObject({
      value: 12.5,
      status: 'pass',
      source: { kind: 'prometheus', query: 'one' }
    })
    expect(by.two_sli?.reason).toBe(
      'no value: the query returned 2 series, not one: aggregate it, e.g. with sum() or avg() (query: two)'
    )
    expect(by.empty_sli?.reason).toBe('no value: no data: the query returned an empty result (query: empty)')
    expect(by.nan_sli?.reason).toMatch(/NaN, not a number \(query: nan\)$/)
    expect(by.bad_sli?.reason).toMatch(/bad_data: 1:5: parse error/)
    expect(by.late?.reason).toMatch(/no answer within 0\.5 s \(query: hang\)$/)
    expect(evaluation.result).toBe('fail')
    expect(evaluation.reasons[0]).toMatch(/^key SLI two_sli failed/)
    expect(evaluation.prometheus).toEqual({
      url,
      window: { start: 0, end: 1000 },
      seconds: expect.any(Number)
    })
  })
})
