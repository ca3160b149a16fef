import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { ActionConfig } from '../../../src/contracts/config.js'
import type { StagePlan } from '../../../src/contracts/plan.js'
import type { StepResults } from '../../../src/contracts/run.js'
import { renderServiceUrl } from '../../../src/deployment/service-url.js'
import { deployStep, upgradeSpec } from '../../../src/stages/deploy.js'
import { testContext } from '../../helpers/context.js'

function context(
  overrides: Partial<ActionConfig> = {},
  plan: Partial<StagePlan> = {},
  results: StepResults = {}
) {
  return testContext({
    tempDir: '/nonexistent',
    config: { chartDir: '/nonexistent/chart', ...overrides },
    plan: { stage: 'dev', namespace: 'sockshop-dev', deploymentStrategy: 'direct', ...plan },
    results
  })
}

describe('service url', () => {
  it('fills the placeholders', () =>
    expect(
      renderServiceUrl('http://{service}.{namespace}:8080/{project}/{stage}', {
        service: 'carts-green',
        namespace: 'sockshop-staging',
        stage: 'staging',
        project: 'sockshop'
      })
    ).toBe('http://carts-green.sockshop-staging:8080/sockshop/staging'))

  it('leaves no known placeholder behind, whatever the template', () =>
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('{service}', '{namespace}', '{stage}', '{project}', 'x', '/', '{')),
        parts => {
          const url = renderServiceUrl(parts.join(''), {
            service: 's',
            namespace: 'n',
            stage: 'g',
            project: 'p'
          })
          expect(url).not.toMatch(/\{(service|namespace|stage|project)\}/)
        }
      )
    ))
})

describe('upgrade spec', () => {
  const target = {
    release: 'carts-green',
    testService: 'carts-green',
    setString: { colour: 'green' },
    traffic: 'service' as const
  }

  it('uses the config branch values file and adds the colour', () => {
    const ctx = context({}, {}, { commit: { sha: 'abc', changed: true, valuesFile: '/tmp/v.yaml' } })
    expect(upgradeSpec(ctx, target)).toEqual({
      release: 'carts-green',
      chart: '/nonexistent/chart',
      namespace: 'sockshop-dev',
      valuesFiles: ['/tmp/v.yaml'],
      setString: { colour: 'green' },
      timeoutSeconds: 300
    })
  })

  it('sets the image from the inputs when no commit step ran', () =>
    expect(upgradeSpec(context(), target).setString).toEqual({
      'image.repository': 'docker.io/keptnexamples/carts',
      'image.tag': '0.8.1',
      colour: 'green'
    }))
})

describe('deployStep without a cluster', () => {
  it('names a missing chart', async () =>
    await expect(deployStep.run(context())).rejects.toThrow(
      'chart not found at /nonexistent/chart (no Chart.yaml there)'
    ))

  it('deploys nothing in a quality-gate-only stage', async () => {
    const ctx = context({}, { deploymentStrategy: undefined })
    expect(await deployStep.run(ctx)).toBeUndefined()
  })
})
