/** jmeter.conf.yaml: the project's fixtures of each Keptn version, built-in workloads, errors with file:line. */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { ConfigFileError } from '../../../src/contracts/errors.js'
import {
  BUILT_IN_WORKLOADS,
  builtInWorkloads,
  parseWorkloads,
  workloadFor
} from '../../../src/jmeter-tests/workloads.js'
import { REPO } from '../../helpers/paths.js'
import { itReadsEachUnchanged, itTakesTheWorkload } from '../../helpers/suites/jmeter-conf-files.js'

const KEPTN = path.join(REPO, '__tests__/fixtures/keptn')
const confs = readdirSync(KEPTN).filter(f => f.endsWith('jmeter.conf.yaml'))
const read = (file: string) => readFileSync(path.join(KEPTN, file), 'utf8')
const QUICKSTART = 'quickstart-0.12.jmeter.conf.yaml'
const SIMPLENODE = 'simplenodeservice-0.7.jmeter.conf.yaml'

function errorOf(text: string): ConfigFileError {
  try {
    parseWorkloads(text, 'jmeter.conf.yaml')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError)
    return error as ConfigFileError
  }
  throw new Error('expected a ConfigFileError')
}

describe('jmeter.conf.yaml fixtures (Keptn 0.7 and 0.11/0.12 styles)', () => {
  it('are both present', () => expect(confs.sort()).toEqual([QUICKSTART, SIMPLENODE]))

  itReadsEachUnchanged(confs, read)

  it('has the 0.7 simplenodeservice style: trailing spaces, no final line end', () => {
    expect(read(SIMPLENODE)).toMatch(/load\.jmx {4}\n/)
    expect(read(SIMPLENODE).endsWith('\n')).toBe(false)
  })

  itTakesTheWorkload('keeps every number of the 0.7 simplenodeservice style', read, SIMPLENODE, {
    strategy: 'performance_peak',
    values: {
      vuser: 12,
      loopcount: 400,
      thinktime: 200,
      acceptederrorrate: 0.5,
      avgrtvalidation: 0,
      origin: `${SIMPLENODE}:17`,
      script: 'jmeter/load.jmx'
    }
  })

  itTakesTheWorkload(
    'takes a workload that leaves out thinktime with Keptn’s 0, not the built-in 250',
    read,
    QUICKSTART,
    {
      strategy: 'performance',
      values: { vuser: 25, loopcount: 120, thinktime: 0, acceptederrorrate: 1 }
    }
  )
})

describe('the carts example', () => {
  it('defines healthcheck, functional and performance with their properties as strings', () => {
    const file = path.join(REPO, 'examples/carts/jmeter/jmeter.conf.yaml')
    const set = parseWorkloads(readFileSync(file, 'utf8'), 'examples/carts/jmeter/jmeter.conf.yaml')
    expect(workloadFor(set, 'healthcheck').script).toBe('jmeter/basiccheck.jmx')
    expect(workloadFor(set, 'functional').acceptederrorrate).toBe(0)
    expect(workloadFor(set, 'performance').properties).toEqual({ RampUp: '0' })
  })
})

describe('built-in workloads', () => {
  it("are Keptn jmeter-service's defaults", () => {
    const table = BUILT_IN_WORKLOADS.map(w => [
      w.teststrategy,
      w.script,
      w.vuser,
      w.loopcount,
      w.thinktime,
      w.acceptederrorrate
    ])
    expect(table).toEqual([
      ['healthcheck', 'basiccheck.jmx', 1, 1, 250, 0],
      ['functional', 'load.jmx', 1, 1, 250, 0.1],
      ['performance', 'load.jmx', 10, 500, 250, 0.1]
    ])
  })

  it('apply to an empty file and to no file', () => {
    expect([...parseWorkloads('', 'x').workloads.keys()]).toEqual([
      'healthcheck',
      'functional',
      'performance'
    ])
    expect([...parseWorkloads('workloads:\n', 'x').workloads.keys()]).toHaveLength(3)
    expect(builtInWorkloads().file).toBeUndefined()
  })

  it('give way to a workload of the same strategy in the file', () => {
    const set = parseWorkloads('workloads:\n  - teststrategy: functional\n    script: my.jmx\n', 'f.yaml')
    expect(workloadFor(set, 'functional')).toMatchObject({
      script: 'my.jmx',
      vuser: 1,
      loopcount: 1,
      origin: 'f.yaml:2'
    })
  })
})

describe('a strategy without a workload', () => {
  it('is an error naming the strategy and what is defined', () => {
    const set = parseWorkloads(read(QUICKSTART), QUICKSTART)
    expect(() => workloadFor(set, 'soak')).toThrow(
      /no workload for test strategy 'soak' \(defined: .*performance_light/
    )
    expect(() => workloadFor(builtInWorkloads(), 'soak')).toThrow(
      /jmeter.conf.yaml \(none found; built-ins only\)/
    )
  })
})

describe('errors name the file and line', () => {
  it.each([
    [
      'spec_version: 0.1.0\nworkloads:\n  - teststrategy: x\n    script: a.jmx\n    vusers: 3\n',
      3,
      "unknown key 'vusers'"
    ],
    ['workloads:\n  - teststrategy: x\n    script: a.jmx\n    acceptederrorrate: 5\n', 4, 'must be <= 1'],
    ['workloads:\n  - teststrategy: x\n    vuser: 2\n', 2, "missing required key 'script'"],
    ['workloads:\n  - teststrategy: x\n    script: a.jmx\n    vuser: 0\n', 4, 'must be >= 1'],
    [
      'workloads:\n  - teststrategy: x\n    script: a.jmx\n    properties:\n      "a=b": 1\n',
      5,
      'properties'
    ],
    ['spec_version: 0.2.0\n', 1, 'expected one of "0.1.0"'],
    ['workloads: [\n', 2, 'invalid YAML']
  ])('%j', (text, line, detail) => {
    const error = errorOf(text)
    expect(error.line).toBe(line)
    expect(error.detail).toContain(detail)
  })

  it('a strategy defined twice', () => {
    const text =
      'workloads:\n  - teststrategy: x\n    script: a.jmx\n  - teststrategy: x\n    script: b.jmx\n'
    expect(errorOf(text).message).toBe("jmeter.conf.yaml:4: workload 'x' is defined twice (first at line 2)")
  })
})
