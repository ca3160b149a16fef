/**
 * Every slo.yaml of keptn/examples (0.6 to 0.12) parses, with each objective at its line. The tests are
 * the unit tier's (__tests__/helpers/suites/slo-files.ts), on Keptn's own files.
 */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { HAVE_SHARED_DATA, SHARED_DATA } from '../../helpers/paths.js'
import {
  itNotesTheUnsignedPercentage,
  itParsesEach,
  itParsesTheEmptySlo,
  itReadsTheQualityGate
} from '../../helpers/suites/slo-files.js'

const describeShared = HAVE_SHARED_DATA ? describe : describe.skip
const EXAMPLES = path.join(SHARED_DATA, 'keptn-examples')
const sloFiles = existsSync(EXAMPLES)
  ? readdirSync(EXAMPLES).filter(f => /slo/.test(f) && f.endsWith('.yaml'))
  : []
const example = (file: string) => path.join(EXAMPLES, file)

describeShared("Keptn's slo.yaml examples (needs ../shared/data)", () => {
  it('finds them', () => {
    expect(sloFiles.length).toBeGreaterThanOrEqual(20)
  })

  itParsesEach(EXAMPLES, sloFiles)

  itReadsTheQualityGate(
    'the carts quality gate reads as the reference says',
    example('0.8.1__onboarding-carts__slo-quality-gates.yaml'),
    10
  )

  itParsesTheEmptySlo(example('0.7.1__simplenodeservice__keptn__slo_empty.yaml'))

  itNotesTheUnsignedPercentage(example('0.7.0__simplenodeservice__keptn__slo_perftest.yaml'))
})
