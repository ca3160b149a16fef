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
    chart: { deployment: 'carts', service: 'carts' },
    testService: 'carts-green',
    colour: 'green' as const,
    traffic: 'service' as const
  }
  const keptn = {
    'keptn.project': 'sockshop',
    'keptn.stage': 'dev',
    'keptn.service': 'carts',
    'keptn.deployment': 'canary'
  }

  it("uses the config branch values file, passes Keptn's values and colours through the post-renderer", () => {
    const ctx = context({}, {}, { commit: { sha: 'abc', changed: true, valuesFile: '/tmp/v.yaml' } })
    expect(upgradeSpec(ctx, 'blue_green_service', target)).toEqual({
      release: 'carts-green',
      chart: '/nonexistent/chart',
      namespace: 'sockshop-dev',
      valuesFiles: ['/tmp/v.yaml'],
      setString: keptn,
      timeoutSeconds: 300,
      postRenderer: {
        node: process.execPath,
        script: expect.stringMatching(/dist\/post-render\/index\.js$/),
        args: ['green', 'carts', 'carts-green']
      }
    })
  })

  it('sets the image from the inputs when no commit step ran; a direct deploy is not post-rendered', () => {
    const direct = { ...target, release: 'carts', testService: 'carts', colour: undefined }
    const spec = upgradeSpec(context(), 'direct', direct)
    expect(spec.setString).toEqual({
      'image.repository': 'docker.io/keptnexamples/carts',
      'image.tag': '0.8.1',
      ...keptn,
      'keptn.deployment': 'direct'
    })
    expect(spec.postRenderer).toBeUndefined()
  })
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
