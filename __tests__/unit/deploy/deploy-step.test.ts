import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { ActionConfig } from '../../../src/config/action-config.js'
import type { StagePlan } from '../../../src/config/plan.js'
import type { RunContext } from '../../../src/stages/context.js'
import { deployStep, renderServiceUrl, upgradeSpec } from '../../../src/stages/deploy.js'

const quiet = { info: () => {}, warning: () => {}, debug: () => {} }

function context(overrides: Partial<ActionConfig> = {}, plan: Partial<StagePlan> = {}): RunContext {
  const config = {
    service: 'carts',
    image: 'docker.io/keptnexamples/carts',
    tag: '0.8.1',
    chartDir: '/nonexistent/chart',
    serviceUrl: 'http://{service}.{namespace}',
    timeoutSeconds: 300,
    ...overrides
  } as ActionConfig
  const stage = {
    project: 'sockshop',
    stage: 'dev',
    namespace: 'sockshop-dev',
    deploymentStrategy: 'direct',
    ...plan
  }
  return { config, plan: stage as StagePlan, tempDir: '/nonexistent', log: quiet, results: {} }
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
    const ctx = context()
    ctx.results.commit = { sha: 'abc', changed: true, valuesFile: '/tmp/v.yaml' }
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
    await expect(deployStep(context())).rejects.toThrow(
      'chart not found at /nonexistent/chart (no Chart.yaml there)'
    ))

  it('deploys nothing in a quality-gate-only stage', async () => {
    const ctx = context({}, { deploymentStrategy: undefined })
    await deployStep(ctx)
    expect(ctx.results.deploy).toBeUndefined()
  })
})
