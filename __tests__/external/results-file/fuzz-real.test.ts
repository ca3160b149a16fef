/**
 * Fuzzing from the real files, with a fixed seed and a time bound: mutated real JMeter results and a
 * mutated Keptn slo.yaml. Every input must end in a result or a typed error: no crash, no hang. The tests
 * are the unit tier's (__tests__/helpers/suites/fuzz-reader.ts), seeded with real files.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe } from '@jest/globals'
import { HAVE_SHARED_DATA, SHARED_DATA } from '../../helpers/paths.js'
import { fuzzReaderSuite } from '../../helpers/suites/fuzz-reader.js'

const describeShared = HAVE_SHARED_DATA ? describe : describe.skip
const shared = (file: string) => path.join(SHARED_DATA, file)

fuzzReaderSuite({
  title: 'fuzz from real files (needs ../shared/data)',
  describe: describeShared,
  scratchPrefix: 'fuzz-real-',
  seeds: () => [
    readFileSync(shared('jtl-real/x1-multiline-label-webdriver.jtl')),
    readFileSync(shared('jtl-real/x3-jmeter40-small.jtl')),
    readFileSync(shared('jtl-real/15-xml-unterminated-jmeter28.jtl')).subarray(0, 3000)
  ],
  slo: () =>
    readFileSync(shared('keptn-examples/0.7.0__simplenodeservice__keptn__slo_perftest.yaml'), 'utf8'),
  random: false,
  names: {
    jtl: 'JTL reader: mutated real JMeter files, any chunk size',
    slo: 'slo.yaml parser: a mutated Keptn SLO'
  }
})
