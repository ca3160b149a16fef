import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { planStage } from '../../../src/config/plan.js'
import { DEFAULT_SHIPYARD, loadShipyard, parseShipyard } from '../../../src/config/shipyard.js'
import { KEPTN_EXAMPLES } from '../../helpers/paths.js'

const shipyards = readdirSync(KEPTN_EXAMPLES).filter(f => f.includes('shipyard'))
const read = (file: string) => readFileSync(path.join(KEPTN_EXAMPLES, file), 'utf8')

describe("Keptn's own shipyards", () => {
  it('are all present', () => expect(shipyards.length).toBeGreaterThanOrEqual(20))

  it.each(shipyards)('%s is read, or refused naming what is not supported', file => {
    try {
      const shipyard = parseShipyard(read(file), file)
      expect(shipyard.stages.length).toBeGreaterThan(0)
    } catch (error) {
      expect((error as Error).message).toMatch(new RegExp(`^${file}:\\d+: .*not supported`))
    }
  })

  it('reads the 0.1.0 carts shipyard as the hackfest pipeline', () => {
    const shipyard = parseShipyard(read('0.1.0__onboarding-carts__shipyard.yaml'), 'x')
    expect(shipyard.stages.map(s => [s.name, s.deploymentStrategy, s.testStrategy])).toEqual([
      ['dev', 'direct', 'functional'],
      ['staging', 'blue_green_service', 'performance'],
      ['production', 'blue_green_service', undefined]
    ])
  })

  it('reads the map shape of approval_strategy (0.7.0)', () => {
    const shipyard = parseShipyard(read('0.7.0__onboarding-carts__shipyard.yaml'), 'x')
    expect(planStage(shipyard, 'production', 'sockshop').approval).toEqual({
      pass: 'automatic',
      warning: 'manual'
    })
  })

  it('reads the 0.2.x delivery sequence of the 0.8.0 carts shipyard', () => {
    const shipyard = parseShipyard(read('0.8.0__onboarding-carts__shipyard.yaml'), 'x')
    expect(shipyard.stages.map(s => [s.name, s.deploymentStrategy, s.testStrategy])).toEqual([
      ['dev', 'direct', 'functional'],
      ['staging', 'blue_green_service', 'performance'],
      ['production', 'blue_green_service', undefined]
    ])
  })

  it('refuses user_managed deployments of the 0.11 quickstart with the line', () => {
    expect(() => parseShipyard(read('0.11.0__quickstart__demo__shipyard.yaml'), 'q.yaml')).toThrow(
      /^q\.yaml:13: stage 'hardening': deploymentstrategy 'user_managed' is not supported/
    )
  })

  it('reads a quality-gate-only stage', () => {
    const shipyard = parseShipyard(read('0.6.0__onboarding-carts__shipyard-quality-gates.yaml'), 'x')
    expect(shipyard.stages).toEqual([
      { name: 'hardening', approval: { pass: 'automatic', warning: 'automatic' } }
    ])
  })
})

describe('shipyard 0.1.x', () => {
  it('accepts the list shape of approval_strategy', () => {
    const text =
      'stages:\n  - name: dev\n    approval_strategy:\n      - pass: manual\n      - warning: manual\n'
    expect(parseShipyard(text, 's').stages[0].approval).toEqual({ pass: 'manual', warning: 'manual' })
  })

  it.each([
    [
      'stages:\n  - name: dev\n    deployment_strategy: rolling\n',
      /^s:3: stages\.0\.deployment_strategy: expected one of/
    ],
    ['stages:\n  - name: dev\n  - name: dev\n', /^s:3: stage 'dev' appears twice/],
    ['stages:\n  - name: Dev\n', /^s:2: stages\.0\.name: must match pattern/],
    ['stages:\n  - name: dev\n    colour: blue\n', /^s:2: stages\.0: unknown key 'colour'/],
    ['stages:\n  - name: dev\n   bad: [\n', /^s:3: invalid YAML/],
    ['stages: []\n', /^s:1: stages: must NOT have fewer than 1 items/],
    [
      'apiVersion: spec.keptn.sh/0.3.0\nkind: Shipyard\nspec:\n  stages: []\n',
      /^s:1: apiVersion: must match/
    ],
    [
      'apiVersion: spec.keptn.sh/0.2.0\nkind: Shipyard\nspec:\n  stages:\n    - name: dev\n      sequences:\n        - name: delivery\n          tasks:\n            - name: deployment\n            - name: chaos\n',
      /^s:10: stage 'dev': task 'chaos' is not supported/
    ]
  ])('reports file and line for %j', (text, expected) => {
    expect(() => parseShipyard(text, 's')).toThrow(expected)
  })
})

describe('planStage', () => {
  it('plans staging of the embedded default', () => {
    expect(planStage(DEFAULT_SHIPYARD, 'staging', 'sockshop')).toEqual({
      project: 'sockshop',
      stage: 'staging',
      namespace: 'sockshop-staging',
      deploymentStrategy: 'blue_green_service',
      testStrategy: 'performance',
      approval: { pass: 'automatic', warning: 'automatic' },
      nextStage: 'production',
      shipyard: '(embedded default)'
    })
  })

  it('honours a namespace override and has no next stage after the last', () => {
    const plan = planStage(DEFAULT_SHIPYARD, 'production', 'sockshop', 'prod-ns')
    expect(plan.namespace).toBe('prod-ns')
    expect(plan.nextStage).toBeUndefined()
  })

  it('names the known stages for an unknown one', () => {
    expect(() => planStage(DEFAULT_SHIPYARD, 'qa', 'sockshop')).toThrow(
      'Input \'stage\': expected one of the stages of (embedded default) (dev, staging, production), got "qa"'
    )
  })

  it('gives the embedded default without a file, and names an unreadable file', async () => {
    await expect(loadShipyard(undefined)).resolves.toBe(DEFAULT_SHIPYARD)
    await expect(loadShipyard('/nonexistent/shipyard.yaml')).rejects.toThrow(
      '/nonexistent/shipyard.yaml: cannot read the shipyard (ENOENT)'
    )
  })
})
