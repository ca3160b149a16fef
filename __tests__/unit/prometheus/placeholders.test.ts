import { describe, expect, it } from '@jest/globals'
import { substitute, type QueryContext } from '../../../src/prometheus/placeholders.js'

const context: QueryContext = {
  project: 'sockshop',
  stage: 'staging',
  service: 'carts',
  deployment: 'canary',
  labels: { build: '42' },
  window: { start: 1_000_000, end: 1_000_000 + 89_400 }
}

describe("Keptn's query placeholders", () => {
  it("replaces sli.yaml's as prometheus-service did: every occurrence, durations as whole seconds with the unit", () => {
    const query =
      'sum(rate(x{job="$SERVICE-$PROJECT-$STAGE",deployment="$DEPLOYMENT",build="$LABEL.build"}[$DURATION_SECONDS])) / $DURATION_SECONDS'
    expect(substitute(query, 'sli', context)).toEqual({
      query: 'sum(rate(x{job="carts-sockshop-staging",deployment="canary",build="42"}[90s])) / 90s'
    })
  })

  it("replaces pitometer's: $ENVIRONMENT is the stage, $DURATION_MINUTES whole minutes without a unit", () => {
    expect(
      substitute("rate(x{job='carts-$ENVIRONMENT'}[$DURATION_MINUTESm]) + y[$DURATION]", 'pitometer', context)
    ).toEqual({
      query: "rate(x{job='carts-staging'}[2m]) + y[90s]"
    })
  })

  it('refuses a placeholder of the other dialect, an unknown one, or one without a value', () => {
    expect(substitute('x{job="$ENVIRONMENT"}', 'sli', context)).toEqual({
      unsupported: expect.stringMatching(/^\$ENVIRONMENT \(not a placeholder of Keptn's sli\.yaml/)
    })
    expect(substitute('x[$DURATION_SECONDS]', 'pitometer', context)).toEqual({
      unsupported: expect.stringMatching(/^\$DURATION_SECONDS \(not a placeholder of Keptn's pitometer/)
    })
    expect(substitute('x{a="$LABEL.missing"}', 'sli', context)).toEqual({
      unsupported: '$LABEL.missing (no value for it was given)'
    })
    expect(substitute('x{a="$PROJECT"}', 'sli', { ...context, project: '' })).toEqual({
      unsupported: '$PROJECT (no value for it was given)'
    })
  })

  it('leaves PromQL that merely contains a dollar sign alone', () => {
    expect(substitute('x{code=~"^5..$"}', 'sli', context)).toEqual({ query: 'x{code=~"^5..$"}' })
  })

  it("replaces the slo.yaml's filters first, as $key and $KEY, the value without quotes", () => {
    const filtered = { ...context, filters: { handler: "'ItemsController.addToCart'" } }
    expect(substitute('x{handler="$handler",h2="$HANDLER",job="$SERVICE"}', 'sli', filtered)).toEqual({
      query: 'x{handler="ItemsController.addToCart",h2="ItemsController.addToCart",job="carts"}'
    })
    expect(substitute('x{h="$HANDLER"}', 'sli', context)).toEqual({
      unsupported: expect.stringMatching(/^\$HANDLER \(not a placeholder/)
    })
  })
})
