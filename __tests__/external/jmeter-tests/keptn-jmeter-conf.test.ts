/**
 * Every jmeter.conf.yaml of keptn/examples reads unchanged, with the built-in workloads added. The shared
 * tests are the unit tier's (__tests__/helpers/suites/jmeter-conf-files.ts), on Keptn's own files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parseWorkloads, workloadFor } from '../../../src/jmeter-tests/workloads.js'
import { HAVE_SHARED_DATA, SHARED_DATA } from '../../helpers/paths.js'
import { itReadsEachUnchanged, itTakesTheWorkload } from '../../helpers/suites/jmeter-conf-files.js'

const describeShared = HAVE_SHARED_DATA ? describe : describe.skip
const EXAMPLES = path.join(SHARED_DATA, 'keptn-examples')
const keptnConfs = existsSync(EXAMPLES)
  ? readdirSync(EXAMPLES).filter(f => f.endsWith('jmeter.conf.yaml'))
  : []
const read = (file: string) => readFileSync(path.join(EXAMPLES, file), 'utf8')

describeShared("Keptn's own jmeter.conf.yaml files (needs ../shared/data)", () => {
  it('are all present', () => expect(keptnConfs.length).toBe(4))

  itReadsEachUnchanged(keptnConfs, read)

  itTakesTheWorkload(
    'keeps every number of the 0.7.1 simplenodeservice file',
    read,
    '0.7.1__simplenodeservice__keptn__jmeter__jmeter.conf.yaml',
    {
      strategy: 'performance_peak',
      values: {
        vuser: 10,
        loopcount: 500,
        thinktime: 250,
        acceptederrorrate: 1,
        avgrtvalidation: 0,
        script: 'jmeter/load.jmx'
      }
    }
  )

  itTakesTheWorkload(
    'takes a workload that leaves out thinktime with Keptn’s 0, not the built-in 250',
    read,
    '0.12.0__quickstart__demo__jmeter__jmeter.conf.yaml',
    { strategy: 'performance', values: { vuser: 30, loopcount: 150, thinktime: 0, acceptederrorrate: 1 } }
  )

  it('a strategy without a workload is an error naming what the file defines', () => {
    const set = parseWorkloads(read(keptnConfs[0]!), keptnConfs[0]!)
    expect(() => workloadFor(set, 'soak')).toThrow(
      /no workload for test strategy 'soak' \(defined: .*performance_light/
    )
  })
})
