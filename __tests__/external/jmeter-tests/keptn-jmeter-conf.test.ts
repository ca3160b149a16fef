/** Every jmeter.conf.yaml of keptn/examples reads unchanged, with the built-in workloads added. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parseWorkloads, workloadFor } from '../../../src/jmeter-tests/workloads.js'
import { HAVE_SHARED_DATA, SHARED_DATA } from '../../helpers/paths.js'

const describeShared = HAVE_SHARED_DATA ? describe : describe.skip
const EXAMPLES = path.join(SHARED_DATA, 'keptn-examples')
const keptnConfs = existsSync(EXAMPLES)
  ? readdirSync(EXAMPLES).filter(f => f.endsWith('jmeter.conf.yaml'))
  : []
const read = (file: string) => readFileSync(path.join(EXAMPLES, file), 'utf8')

describeShared("Keptn's own jmeter.conf.yaml files (needs ../shared/data)", () => {
  it('are all present', () => expect(keptnConfs.length).toBe(4))

  it.each(keptnConfs)('%s reads unchanged, with the built-ins added', file => {
    const set = parseWorkloads(read(file), file)
    const strategies = [...read(file).matchAll(/teststrategy: (\S+)/g)].map(m => m[1])
    for (const s of strategies) expect(set.workloads.get(s)?.origin).toMatch(new RegExp(`^${file}:\\d+$`))
    expect(set.workloads.get('healthcheck')?.origin).toBe('built-in')
    expect(set.workloads.get('functional')?.origin).toBe('built-in')
  })

  it('keeps every number of the 0.7.1 simplenodeservice file', () => {
    const file = '0.7.1__simplenodeservice__keptn__jmeter__jmeter.conf.yaml'
    const w = workloadFor(parseWorkloads(read(file), file), 'performance_peak')
    expect(w).toMatchObject({
      vuser: 10,
      loopcount: 500,
      thinktime: 250,
      acceptederrorrate: 1,
      avgrtvalidation: 0
    })
    expect(w.script).toBe('jmeter/load.jmx')
  })

  it('takes a workload that leaves out thinktime with Keptn’s 0, not the built-in 250', () => {
    const file = '0.12.0__quickstart__demo__jmeter__jmeter.conf.yaml'
    const w = workloadFor(parseWorkloads(read(file), file), 'performance')
    expect(w).toMatchObject({ vuser: 30, loopcount: 150, thinktime: 0, acceptederrorrate: 1 })
  })

  it('a strategy without a workload is an error naming what the file defines', () => {
    const set = parseWorkloads(read(keptnConfs[0]!), keptnConfs[0]!)
    expect(() => workloadFor(set, 'soak')).toThrow(
      /no workload for test strategy 'soak' \(defined: .*performance_light/
    )
  })
})
