/**
 * The gate with Keptn's own slo.yaml files and a real results file that must be refused. The quality-gate
 * tests are the unit tier's (__tests__/helpers/suites/keptn-quality-gate.ts), on Keptn's carts SLO.
 */
import path from 'node:path'
import { describe, it } from '@jest/globals'
import { HAVE_SHARED_DATA, SHARED_DATA } from '../../helpers/paths.js'
import { expectFailsClosed, P95_400_JTL, qualityGateTests } from '../../helpers/suites/keptn-quality-gate.js'

const describeShared = HAVE_SHARED_DATA ? describe : describe.skip
const CARTS_SLO = path.join(SHARED_DATA, 'keptn-examples/0.8.1__onboarding-carts__slo-quality-gates.yaml')

describeShared("evaluateResults with Keptn's own files (needs ../shared/data)", () => {
  qualityGateTests({ name: "Keptn's carts SLO", sloFile: CARTS_SLO, objectiveLine: 10 })

  it('fails closed on a real results file that is refused', async () => {
    await expectFailsClosed(
      {
        resultsFile: path.join(SHARED_DATA, 'jtl-real/09-noheader-no-timestamp-custom.jtl'),
        thresholds: 'error_rate<=100'
      },
      /no header row/
    )
  })

  it("fails closed on Keptn's SLO with no objectives", async () => {
    const empty = path.join(SHARED_DATA, 'keptn-examples/0.7.1__simplenodeservice__keptn__slo_empty.yaml')
    await expectFailsClosed({ resultsFile: P95_400_JTL, sloFile: empty }, /has no objectives/)
  })
})
