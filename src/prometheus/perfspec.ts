/**
 * Keptn's pitometer gates: a 0.4 `perfspec.json` (indicators with Threshold grading, objectives in points)
 * and Keptn 0.5's `service-indicators.yaml` + `service-objectives.yaml`, which pitometer-service turned into
 * the same perfspec (each objective's `threshold` an upper severe threshold, its `score` the metric score).
 * Only Prometheus indicators with Threshold grading are supported; anything else is refused with the file
 * and line. JSON is read with the YAML parser (JSON is YAML) so that errors can name the line.
 */
import { ConfigFileError } from '../contracts/errors.js'
import { parseUserFile } from '../files/user-file.js'
import { lineAt, parseYaml, type YamlSource } from '../files/yaml-file.js'

export interface Thresholds {
  readonly upperSevere?: number
  readonly upperWarning?: number
  readonly lowerWarning?: number
  readonly lowerSevere?: number
}

export interface PerfIndicator {
  readonly id: string
  /** The PromQL query, placeholders still in. */
  readonly query: string
  readonly thresholds: Thresholds
  readonly metricScore: number
  /** An empty result scores full points (pitometer's `ignoreEmpty`). */
  readonly ignoreEmpty: boolean
  readonly file: string
  readonly line?: number
}

export interface PerfSpec {
  readonly file: string
  readonly indicators: readonly PerfIndicator[]
  /** Points (the sum of the indicators' scores) a run needs to pass, or to warn. */
  readonly objectives: { readonly pass: number; readonly warning: number }
  readonly notes: readonly string[]
}

const THRESHOLD_KEYS = ['upperSevere', 'upperWarning', 'lowerWarning', 'lowerSevere'] as const

export function loadPerfSpec(file: string): PerfSpec {
  return parseUserFile(file, 'yaml', text => parsePerfSpec(text, file))
}

/** Reads the fields of one mapping, refusing unknown keys and wrong types with the line. */
class Fields {
  constructor(
    private readonly src: YamlSource,
    private readonly path: (string | number)[],
    private readonly value: Record<string, unknown>,
    allowed: readonly string[],
    what: string
  ) {
    for (const key of Object.keys(value))
      if (!allowed.includes(key))
        throw this.error([key], `not supported in ${what} (expected ${allowed.join(', ')})`)
  }

  error(path: (string | number)[], message: string): ConfigFileError {
    const at = [...this.path, ...path]
    return new ConfigFileError(this.src.file, lineAt(this.src, at), `${at.join('.')}: ${message}`)
  }

  string(key: string): string {
    const v = this.value[key]
    if (typeof v !== 'string' || v.trim() === '') throw this.error([key], 'expected a non-empty string')
    return v.trim()
  }

  number(key: string, optional: true): number | undefined
  number(key: string): number
  number(key: string, optional = false): number | undefined {
    const v = this.value[key]
    if (v === undefined && optional) return undefined
    if (typeof v !== 'number') throw this.error([key], 'expected a number')
    return v
  }

  mapping(key: string): Record<string, unknown> {
    return asMapping(this.src, [...this.path, key], this.value[key])
  }

  list(key: string): unknown[] {
    const v = this.value[key]
    if (!Array.isArray(v) || v.length === 0) throw this.error([key], 'expected a non-empty list')
    return v
  }

  line(): number | undefined {
    return lineAt(this.src, this.path)
  }
}

function asMapping(src: YamlSource, path: (string | number)[], value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ConfigFileError(
      src.file,
      lineAt(src, path),
      `${path.join('.') || 'document'}: expected a mapping`
    )
  return value as Record<string, unknown>
}

function document(text: string, file: string): { src: YamlSource; root: Record<string, unknown> } {
  const src = parseYaml(text, file)
  if (src.value === null || src.value === undefined) throw new ConfigFileError(file, 1, 'is empty')
  return { src, root: asMapping(src, [], src.value) }
}

function prometheusSource(fields: Fields, key: string): void {
  const source = fields.string(key)
  if (source.toLowerCase() !== 'prometheus')
    throw fields.error([key], `source ${source} is not supported (only Prometheus)`)
}

export function parsePerfSpec(text: string, file: string): PerfSpec {
  const { src, root } = document(text, file)
  const top = new Fields(src, [], root, ['spec_version', 'indicators', 'objectives'], 'perfspec.json')
  const indicators = top.list('indicators').map((raw, i) => {
    const path = ['indicators', i]
    const f = new Fields(
      src,
      path,
      asMapping(src, path, raw),
      ['id', 'source', 'query', 'grading', 'metadata'],
      'an indicator'
    )
    prometheusSource(f, 'source')
    const g = new Fields(
      src,
      [...path, 'grading'],
      f.mapping('grading'),
      ['type', 'thresholds', 'metricScore', 'ignoreEmpty'],
      'a grading'
    )
    const type = g.string('type')
    if (type !== 'Threshold') throw g.error(['type'], `grading ${type} is not supported (only Threshold)`)
    const t = new Fields(
      src,
      [...path, 'grading', 'thresholds'],
      g.mapping('thresholds'),
      THRESHOLD_KEYS,
      'thresholds'
    )
    const thresholds: Record<string, number> = {}
    for (const key of THRESHOLD_KEYS) {
      const value = t.number(key, true)
      if (value !== undefined) thresholds[key] = value
    }
    const ignoreEmpty = (asMapping(src, path, raw).grading as Record<string, unknown>).ignoreEmpty
    if (ignoreEmpty !== undefined && typeof ignoreEmpty !== 'boolean')
      throw g.error(['ignoreEmpty'], 'expected true or false')
    const line = f.line()
    return {
      id: f.string('id'),
      query: f.string('query'),
      thresholds,
      metricScore: g.number('metricScore'),
      ignoreEmpty: ignoreEmpty === true,
      file,
      ...(line === undefined ? {} : { line })
    }
  })
  const o = new Fields(src, ['objectives'], top.mapping('objectives'), ['pass', 'warning'], 'objectives')
  return {
    file,
    indicators,
    objectives: { pass: o.number('pass'), warning: o.number('warning') },
    notes: zeroNotes(indicators)
  }
}

/** Keptn 0.5: indicators by metric name in one file, objectives (points per metric) in the other. */
export function loadServiceObjectives(indicatorsFile: string, objectivesFile: string): PerfSpec {
  const indicators = parseUserFile(indicatorsFile, 'yaml', text =>
    readServiceIndicators(text, indicatorsFile)
  )
  return parseUserFile(objectivesFile, 'yaml', text =>
    parseServiceObjectives(text, objectivesFile, indicators)
  )
}

interface ServiceIndicator {
  readonly query: string
  readonly file: string
  readonly line?: number
}

export function readServiceIndicators(text: string, file: string): ReadonlyMap<string, ServiceIndicator> {
  const { src, root } = document(text, file)
  const top = new Fields(src, [], root, ['indicators'], 'service-indicators.yaml')
  const out = new Map<string, ServiceIndicator>()
  top.list('indicators').forEach((raw, i) => {
    const path = ['indicators', i]
    const value = asMapping(src, path, raw)
    const f = new Fields(src, path, value, ['metric', 'source', 'query'], 'an indicator')
    prometheusSource(f, 'source')
    const line = f.line()
    out.set(f.string('metric'), { query: f.string('query'), file, ...(line === undefined ? {} : { line }) })
  })
  return out
}

export function parseServiceObjectives(
  text: string,
  file: string,
  indicators: ReadonlyMap<string, ServiceIndicator>
): PerfSpec {
  const { src, root } = document(text, file)
  const top = new Fields(src, [], root, ['pass', 'warning', 'objectives'], 'service-objectives.yaml')
  const notes: string[] = []
  const perf = top.list('objectives').map((raw, i) => {
    const path = ['objectives', i]
    const f = new Fields(
      src,
      path,
      asMapping(src, path, raw),
      ['metric', 'threshold', 'timeframe', 'score'],
      'an objective'
    )
    const metric = f.string('metric')
    const indicator = indicators.get(metric)
    if (!indicator)
      throw f.error(['metric'], `${metric} is not among the indicators of service-indicators.yaml`)
    if (f.number('threshold') === 0) notes.push(zeroNote(metric))
    if ((raw as Record<string, unknown>).timeframe !== undefined)
      notes.push(
        `${file}: ${metric}: timeframe is not used (nor was it by Keptn 0.5): the window is the test run`
      )
    return {
      id: metric,
      query: indicator.query,
      thresholds: { upperSevere: f.number('threshold') },
      metricScore: f.number('score'),
      ignoreEmpty: false,
      file: indicator.file,
      ...(indicator.line === undefined ? {} : { line: indicator.line })
    }
  })
  return {
    file,
    indicators: perf,
    objectives: { pass: top.number('pass'), warning: top.number('warning') },
    notes
  }
}

/** Pitometer tests each threshold for truthiness: one of 0 is ignored, as it was there. */
function zeroNotes(indicators: readonly PerfIndicator[]): string[] {
  return indicators.flatMap(i => (THRESHOLD_KEYS.some(k => i.thresholds[k] === 0) ? [zeroNote(i.id)] : []))
}

function zeroNote(id: string): string {
  return `${id}: a threshold of 0 is ignored, as pitometer ignored it`
}
