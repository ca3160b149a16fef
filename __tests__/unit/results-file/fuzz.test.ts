/**
 * Fuzzing with a fixed seed and a time bound: random and mutated JTL bytes, slo.yaml and thresholds
 * strings. Every input must end in a result or a typed error: no crash, no hang. Seeds are the project's
 * fixtures; the external tier fuzzes from the real files (__tests__/external/results-file/fuzz-real.test.ts).
 * The JTL and slo.yaml tests are shared with it (__tests__/helpers/suites/fuzz-reader.ts).
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { it } from '@jest/globals'
import fc from 'fast-check'
import { InputError } from '../../../src/contracts/errors.js'
import { parseThresholds } from '../../../src/scoring/thresholds.js'
import { FIXTURES } from '../../helpers/naive-jtl.js'
import { REPO } from '../../helpers/paths.js'
import { FUZZ_BUDGET, FUZZ_TIMEOUT, fuzzReaderSuite, typed } from '../../helpers/suites/fuzz-reader.js'

fuzzReaderSuite({
  title: 'fuzz',
  scratchPrefix: 'fuzz-',
  // Every layout fixture: CSV of each JMeter version, headerless, multi-line fields, XML nested and cut off.
  seeds: () =>
    readdirSync(FIXTURES)
      .filter(f => f.endsWith('.jtl'))
      .map(f => readFileSync(path.join(FIXTURES, f))),
  slo: () => readFileSync(path.join(REPO, '__tests__/fixtures/keptn/slo-perftest.yaml'), 'utf8'),
  random: true,
  names: {
    jtl: 'JTL reader: mutated and random bytes, any chunk size',
    slo: 'slo.yaml parser: mutated Keptn SLOs and random text'
  },
  more: () => {
    it(
      'thresholds parser',
      () => {
        const piece = fc.constantFrom(
          'response_time_p95',
          'error_rate',
          '{label="',
          '"}',
          '\\',
          '<',
          '<=',
          '=',
          '>',
          '+',
          '-',
          '%',
          ',',
          ';',
          '\n',
          '1',
          '0.5',
          ' ',
          'x'
        )
        const text = fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.array(piece, { maxLength: 20 }).map(p => p.join(''))
        )
        fc.assert(
          fc.property(text, t => typed(() => parseThresholds(t), InputError)),
          FUZZ_BUDGET
        )
      },
      FUZZ_TIMEOUT
    )
  }
})
