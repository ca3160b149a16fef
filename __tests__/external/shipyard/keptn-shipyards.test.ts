/** Every shipyard of keptn/examples (0.1.0 to 0.12.0) is read, or refused naming what is not supported. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { planStage } from '../../../src/shipyard/plan.js'
import { parseShipyard } from '../../../src/shipyard/shipyard.js'
import { HAVE_SHARED_DATA, SHARED_DATA } from '../../helpers/paths.js'

const describeShared = HAVE_SHARED_DATA ? describe : describe.skip
const EXAMPLES = path.join(SHARED_DATA, 'keptn-examples')
const shipyards = existsSync(EXAMPLES) ? readdirSync(EXAMPLES).filter(f => f.includes('shipyard')) : []
const read = (file: string) => readFileSync(path.join(EXAMPLES, file), 'utf8')

describeShared("Keptn's own shipyards (needs ../shared/data)", () => {
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
