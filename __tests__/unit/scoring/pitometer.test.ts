import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { ConfigFileError } from '../../../src/contracts/errors.js'
import {
  loadPerfSpec,
  loadServiceObjectives,
  parsePerfSpec,
  parseServiceObjectives,
  readServiceIndicators
} from '../../../src/prometheus/perfspec.js'
import { parseSliFile } from '../../../src/prometheus/sli-file.js'
import { gradePerfSpec, gradeValue } from '../../../src/scoring/pitometer.js'
import { REPO } from '../../helpers/paths.js'

const FIXTURES = path.join(REPO, '__tests__/fixtures/prometheus')

describe("pitometer's Threshold grading", () => {
  const t = { upperSevere: 1000, upperWarning: 600, lowerWarning: 10, lowerSevere: 5 }
  it('scores full points inside the thresholds, half at a warning one, 0 at a severe one (inclusive)', () => {
    expect(gradeValue(300, t, 50).score).toBe(50)
    expect(gradeValue(600, t, 50)).toEqual({ score: 25, violations: ['600 >= upperWarning 600'] })
    expect(gradeValue(1000, t, 50).score).toBe(0)
    expect(gradeValue(10, t, 50).score).toBe(25)
    expect(gradeValue(5, t, 50).score).toBe(0)
  })

  it('quarters a value beyond a lower and an upper warning, and ignores thresholds of 0, as pitometer did', () => {
    expect(gradeValue(50, { lowerWarning: 60, upperWarning: 40 }, 100).score).toBe(25)
    expect(gradeValue(-1, { lowerSevere: 0, upperSevere: 0 }, 100).score).toBe(100)
  })

  const spec = parsePerfSpec(
    JSON.stringify({
      indicators: [
        {
          id: 'a',
          source: 'Prometheus',
          query: 'a',
          grading: { type: 'Threshold', thresholds: { upperSevere: 10, upperWarning: 5 }, metricScore: 60 }
        },
        {
          id: 'b',
          source: 'Prometheus',
          query: 'b',
          grading: { type: 'Threshold', thresholds: { upperSevere: 10 }, metricScore: 40 }
        },
        {
          id: 'c',
          source: 'Prometheus',
          query: 'c',
          grading: { type: 'Threshold', thresholds: { upperSevere: 1 }, metricScore: 0, ignoreEmpty: true }
        }
      ],
      objectives: { pass: 90, warning: 70 }
    }),
    'perfspec.json'
  )
  const measured = (a: number[] | null, b: number[] | null) => [
    {
      name: 'a',
      query: 'a',
      values: a,
      ...(a ? {} : { reason: 'no data: the query returned an empty result' })
    },
    { name: 'b', query: 'b', values: b },
    { name: 'c', query: 'c', values: [] }
  ]

  it('sums the points: pass at objectives.pass or more, warning at objectives.warning or more, else fail', () => {
    expect(gradePerfSpec(spec, measured([1], [1]))).toMatchObject({
      result: 'pass',
      score: 100,
      scoring: 'pitometer'
    })
    expect(gradePerfSpec(spec, measured([6], [1]))).toMatchObject({ result: 'warning', score: 70 })
    const failed = gradePerfSpec(spec, measured([6], [20]))
    expect(failed).toMatchObject({ result: 'fail', score: 30 })
    expect(failed.reasons).toEqual([
      '30 points: below the 70 to warn',
      'a: 6 >= upperWarning 5',
      'b: 20 >= upperSevere 10'
    ])
  })

  it('grades each series alone and keeps the lowest; a query without values scores 0 with its reason', () => {
    const several = gradePerfSpec(spec, measured([1, 7, 12], [1]))
    expect(several.indicators[0]).toMatchObject({ score: 0, value: 12, status: 'fail' })
    expect(several.indicators[0]?.reason).toMatch(/\(the lowest of 3 series\)$/)
    const none = gradePerfSpec(spec, measured(null, [1]))
    expect(none.indicators[0]).toMatchObject({
      score: 0,
      value: null,
      reason: 'no value: no data: the query returned an empty result'
    })
  })
})

describe("Keptn's Prometheus files", () => {
  it('reads the fixtures as Keptn wrote them: a perfspec.json and the 0.5 pair', () => {
    const perfspec = loadPerfSpec(path.join(FIXTURES, 'perfspec.json'))
    expect(perfspec.indicators.map(i => [i.id, i.metricScore, i.line])).toEqual([
      ['request_latency_p95', 50, 4],
      ['request_latency_seconds', 50, 14]
    ])
    const pair = loadServiceObjectives(
      path.join(FIXTURES, 'service-indicators.yaml'),
      path.join(FIXTURES, 'service-objectives.yaml')
    )
    expect(pair.objectives).toEqual({ pass: 90, warning: 75 })
    expect(pair.indicators[0]).toMatchObject({
      id: 'request_latency_seconds',
      thresholds: { upperSevere: 0.8 },
      metricScore: 50
    })
    expect(pair.notes[0]).toMatch(/timeframe is not used/)
  })

  const refused = (fn: () => unknown) => {
    try {
      fn()
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigFileError)
      return (error as Error).message
    }
    throw new Error('not refused')
  }

  it('refuses what is not supported, naming the file, the line and what', () => {
    const dynatrace =
      '{\n  "indicators": [\n    { "id": "x", "source": "Dynatrace", "query": "q",\n      "grading": {} }\n  ],\n  "objectives": { "pass": 1, "warning": 1 }\n}'
    expect(refused(() => parsePerfSpec(dynatrace, 'perfspec.json'))).toMatch(
      /^perfspec\.json:3: indicators\.0\.source: source Dynatrace is not supported \(only Prometheus\)/
    )
    const grading = dynatrace.replace('Dynatrace', 'Prometheus').replace('{}', '{ "type": "Baseline" }')
    expect(refused(() => parsePerfSpec(grading, 'perfspec.json'))).toMatch(
      /grading Baseline is not supported \(only Threshold\)/
    )
    expect(refused(() => parseSliFile('spec_version: 1.0\nindicators:\n  p95: ""\n', 'sli.yaml'))).toMatch(
      /^sli\.yaml:3: indicators\.p95: expected a PromQL query/
    )
    expect(refused(() => parseSliFile('indicators:\n  p95: up\nfilters: {}\n', 'sli.yaml'))).toMatch(
      /^sli\.yaml:3: filters: not part of Keptn's sli\.yaml/
    )
    const indicators = readServiceIndicators(
      'indicators:\n- metric: a\n  source: Prometheus\n  query: up\n',
      'si.yaml'
    )
    expect(
      refused(() =>
        parseServiceObjectives(
          'pass: 90\nwarning: 75\nobjectives:\n- metric: b\n  threshold: 1\n  score: 100\n',
          'so.yaml',
          indicators
        )
      )
    ).toMatch(/^so\.yaml:4: objectives\.0\.metric: b is not among the indicators of service-indicators\.yaml/)
  })
})
