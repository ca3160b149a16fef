import { describe, expect, it } from '@jest/globals'
import type { Evaluation, Indicator } from '../../../src/contracts/evaluation.js'
import { objectiveAnnotations } from '../../../src/report/annotations.js'
import { renderSummary, type SummaryInput } from '../../../src/report/summary.js'

const indicator = (over: Partial<Indicator>): Indicator => ({
  sli: 'response_time_p95',
  value: 1040,
  status: 'fail',
  score: 0,
  weight: 1,
  keySli: false,
  comparedValue: 520,
  comparedValues: [520],
  passTargets: [
    { criterion: '<=+10%', group: 0, operator: '<=', target: 572, relative: true, violated: true },
    { criterion: '<600', group: 0, operator: '<', target: 600, relative: false, violated: true }
  ],
  warningTargets: [
    { criterion: '<=800', group: 0, operator: '<=', target: 800, relative: false, violated: true }
  ],
  reason: 'response_time_p95 = 1040 violates <=+10% (572) and <600',
  sloFile: '/ws/slo.yaml',
  line: 12,
  ...over
})

const evaluation: Evaluation = {
  result: 'fail',
  score: 50,
  indicators: [
    indicator({}),
    indicator({
      sli: 'error_rate',
      value: 0,
      status: 'pass',
      score: 1,
      comparedValue: null,
      passTargets: [],
      warningTargets: [],
      reason: 'ok',
      line: 20
    }),
    indicator({
      sli: 'throughput',
      value: 12.5,
      status: 'info',
      score: 0,
      passTargets: [],
      warningTargets: [],
      reason: 'informational'
    })
  ],
  totalScore: { pass: 90, warning: 75 },
  comparison: {
    compareWith: 'single_result',
    includeResultWithScore: 'pass',
    numberOfComparisonResults: 1,
    aggregateFunction: 'avg',
    baseline: 1
  },
  reasons: ['score 50 % is below the warning threshold 75 %'],
  warnings: [],
  slis: {}
}

const input = (over: Partial<SummaryInput> = {}): SummaryInput => ({
  project: 'sockshop',
  stage: 'staging',
  namespace: 'sockshop-staging',
  service: 'carts',
  image: 'docker.io/keptnexamples/carts',
  tag: '0.8.2',
  strategy: 'blue_green_service',
  testStrategy: 'performance',
  decision: {
    action: 'rollback',
    promote: false,
    approval: 'none',
    failJob: true,
    headline: 'Quality gate failed: rolled back'
  },
  evaluation,
  trend: [
    { tag: '0.8.1', score: 100, result: 'pass' },
    { tag: '0.8.2', score: 50, result: 'fail' }
  ],
  configCommit: { sha: '0123456789abcdef0123', url: 'https://github.com/o/r/commit/0123456789abcdef0123' },
  runUrl: 'https://github.com/o/r/actions/runs/1',
  timings: [{ name: 'deploy', seconds: 3.21, outcome: 'ok' }],
  ...over
})

describe('renderSummary', () => {
  const md = renderSummary(input())

  it('leads with the stage, the image and the decision in one line', () => {
    expect(md.split('\n')[0]).toBe('## ❌ carts:0.8.2 in staging')
    expect(md).toContain('**Quality gate failed: rolled back**')
    expect(md).toContain('`docker.io/keptnexamples/carts:0.8.2`')
    expect(md).toContain('blue_green_service, performance tests')
  })

  it('tables every objective with value, compared value, criteria, status and score', () => {
    expect(md).toContain(
      '| SLI | source | value | compared | pass criteria | warning criteria | status | score |'
    )
    expect(md).toContain(
      '| response\\_time\\_p95 | – | 1040 | 520 | ~~`<=+10%` (<= 572)~~ and ~~`<600`~~ | ~~`<=800`~~ | ❌ fail | 0 / 1 |'
    )
    expect(md).toContain('| throughput | – | 12.5 |')
    expect(md).toContain(
      'Total score **50.0 %** (pass ≥ 90 %, warning ≥ 75 %); compared with 1 earlier run(s), avg.'
    )
  })

  it('counts the samples judged, per results file when there are several', () => {
    const several = renderSummary(
      input({
        evaluation: {
          ...evaluation,
          samples: 500,
          resultsFiles: [
            { file: 'load-1/results.jtl', samples: 400 },
            { file: 'load-2/results.jtl', samples: 100 }
          ]
        }
      })
    )
    expect(several).toContain(
      'Samples: **500** from 2 results files: `load-1/results.jtl` 400, `load-2/results.jtl` 100.'
    )
  })

  it('says why it failed and links the config commit and the run', () => {
    expect(md).toContain('### Why')
    expect(md).toContain('- score 50 % is below the warning threshold 75 %')
    expect(md).toContain('[0123456789ab](https://github.com/o/r/commit/0123456789abcdef0123)')
    expect(md).toContain('[this run](https://github.com/o/r/actions/runs/1)')
  })

  it('draws the trend as a mermaid xychart', () => {
    expect(md).toMatch(/```mermaid\n---\n[^`]*\n---\nxychart-beta/)
    expect(md).toContain('x-axis ["0.8.1", "0.8.2"]')
    expect(md).toContain('bar [100, 50]')
    expect(md).toContain('line [90, 90]')
  })

  it('says when there is no baseline', () => {
    const none = renderSummary(
      input({ evaluation: { ...evaluation, comparison: { ...evaluation.comparison, baseline: 'none' } } })
    )
    expect(none).toContain('no baseline: relative criteria held by default')
  })

  it('stays far below the 1 MiB limit with many objectives and escapes user text', () => {
    const many = Array.from({ length: 5000 }, (_, i) => indicator({ sli: `x|${i}`, reason: 'r' }))
    const big = renderSummary(input({ evaluation: { ...evaluation, indicators: many } }))
    expect(Buffer.byteLength(big)).toBeLessThan(64 * 1024)
    expect(big).toContain('x\\|0')
    expect(big).toContain('4900 more objectives')
  })

  it('shows why samples failed, as the results file says, escaped', () => {
    const md = renderSummary(
      input({
        failureCauses: [
          {
            cause: 'Non HTTP response code: java.net.UnknownHostException: carts.sockshop-staging',
            count: 3
          },
          { cause: '500: a | b', count: 1 }
        ]
      })
    )
    expect(md).toContain(
      '### Failed samples\n\n| Response code and message | Samples |\n|---|---|\n' +
        '| Non HTTP response code: java.net.UnknownHostException: carts.sockshop-staging | 3 |\n| 500: a \\| b | 1 |'
    )
    expect(renderSummary(input())).not.toContain('### Failed samples')
  })

  it('reports a run that stopped before the gate', () => {
    const stopped = renderSummary(
      input({ decision: undefined, evaluation: undefined, failure: 'chart not found at chart/', trend: [] })
    )
    expect(stopped.split('\n')[0]).toBe('## ❌ carts:0.8.2 in staging')
    expect(stopped).toContain('**chart not found at chart/**')
  })
})

describe('objectiveAnnotations', () => {
  it('points failed and warning objectives at their slo.yaml line', () => {
    expect(objectiveAnnotations(evaluation, '/ws')).toEqual([
      {
        level: 'error',
        title: 'SLO response_time_p95: fail',
        message: 'response_time_p95 = 1040 violates <=+10% (572) and <600',
        file: 'slo.yaml',
        line: 12
      }
    ])
  })
})
