/** Shipyard reading (0.1.x and 0.2.x) on the project's own fixtures, refusals with file:line, and planStage. */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { planStage } from '../../../src/shipyard/plan.js'
import { DEFAULT_SHIPYARD, loadShipyard, parseShipyard } from '../../../src/shipyard/shipyard.js'
import { REPO } from '../../helpers/paths.js'

const KEPTN = path.join(REPO, '__tests__/fixtures/keptn')
const shipyards = readdirSync(KEPTN).filter(f => f.startsWith('shipyard'))
const read = (file: string) => readFileSync(path.join(KEPTN, file), 'utf8')
const stagesOf = (file: string) =>
  parseShipyard(read(file), file).stages.map(s => [s.name, s.deploymentStrategy, s.testStrategy])

/** What each fixture must give: its stages as [name, deployment, test], or the refusal. */
const EXPECTED: Record<string, (string | undefined)[][] | RegExp> = {
  'shipyard-0.1-approval-map.yaml': [
    ['dev', 'direct', 'functional'],
    ['staging', 'blue_green_service', 'performance'],
    ['production', 'blue_green_service', undefined]
  ],
  'shipyard-0.1-approval-list.yaml': [
    ['dev', 'direct', undefined],
    ['prod', 'blue_green_service', 'performance']
  ],
  'shipyard-0.1-quality-gates-only.yaml': [['hardening', undefined, undefined]],
  'shipyard-0.2-delivery.yaml': [
    ['dev', 'direct', 'functional'],
    ['staging', 'blue_green_service', 'performance'],
    ['production', 'blue_green_service', undefined]
  ],
  'shipyard-0.2-four-stages-approval.yaml': [
    ['dev', 'direct', 'functional'],
    ['qa', 'direct', 'performance'],
    ['staging', 'blue_green_service', 'performance'],
    ['production', 'blue_green_service', undefined]
  ],
  'shipyard-0.2.2-artifact-delivery.yaml': [['production', 'blue_green_service', 'performance']],
  'shipyard-0.2-quality-gates-only.yaml': [['hardening', undefined, undefined]],
  'shipyard-0.2-user-managed.yaml':
    /^shipyard-0\.2-user-managed\.yaml:14: stage 'hardening': deploymentstrategy 'user_managed' is not supported/,
  'shipyard-0.2-custom-task.yaml':
    /^shipyard-0\.2-custom-task\.yaml:15: stage 'staging': task 'chaos-experiment' is not supported/
}

describe('shipyard fixtures (one per Keptn shipyard format)', () => {
  it('are each listed with what they must give', () => {
    expect(shipyards.sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  it.each(Object.entries(EXPECTED))(
    '%s is read, or refused naming what is not supported',
    (file, expected) => {
      if (expected instanceof RegExp) {
        expect(() => parseShipyard(read(file), file)).toThrow(expected)
        expect(() => parseShipyard(read(file), file)).toThrow(/not supported/)
      } else expect(stagesOf(file)).toEqual(expected)
    }
  )

  it('reads the map shape of approval_strategy (0.1.x), CRLF line ends included', () => {
    expect(read('shipyard-0.1-approval-map.yaml')).toContain('\r\n')
    const shipyard = parseShipyard(read('shipyard-0.1-approval-map.yaml'), 'x')
    expect(shipyard.stages.map(s => s.approval)).toEqual([
      { pass: 'automatic', warning: 'automatic' },
      { pass: 'automatic', warning: 'manual' },
      { pass: 'manual', warning: 'manual' }
    ])
    expect(planStage(shipyard, 'staging', 'shop').approval).toEqual({ pass: 'automatic', warning: 'manual' })
  })

  it('reads the list-of-one-key-maps shape of approval_strategy (0.1.x)', () => {
    const shipyard = parseShipyard(read('shipyard-0.1-approval-list.yaml'), 'x')
    expect(shipyard.stages[0]!.approval).toEqual({ pass: 'automatic', warning: 'manual' })
  })

  it('reads a quality-gate-only stage, in both formats', () => {
    for (const file of ['shipyard-0.1-quality-gates-only.yaml', 'shipyard-0.2-quality-gates-only.yaml'])
      expect(parseShipyard(read(file), 'x').stages).toEqual([
        { name: 'hardening', approval: { pass: 'automatic', warning: 'automatic' } }
      ])
  })

  it('reads the approval tasks of a 0.2.x delivery sequence', () => {
    const shipyard = parseShipyard(read('shipyard-0.2-delivery.yaml'), 'x')
    expect(shipyard.stages.map(s => s.approval)).toEqual([
      { pass: 'automatic', warning: 'automatic' },
      { pass: 'automatic', warning: 'manual' },
      { pass: 'manual', warning: 'manual' }
    ])
    expect(planStage(shipyard, 'staging', 'shop')).toMatchObject({
      deploymentStrategy: 'blue_green_service',
      testStrategy: 'performance',
      nextStage: 'production'
    })
  })

  it('takes the artifact-delivery sequence of a 0.2.2 shipyard, not the first one listed', () => {
    const [stage] = parseShipyard(read('shipyard-0.2.2-artifact-delivery.yaml'), 'x').stages
    expect(stage).toMatchObject({ deploymentStrategy: 'blue_green_service', testStrategy: 'performance' })
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
      '/nonexistent/shipyard.yaml: cannot be read (ENOENT)'
    )
  })
})
