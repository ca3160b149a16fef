import { describe, expect, it } from '@jest/globals'
import { virtualService, weightsOf } from '../../../src/deployment/istio.js'
import {
  decideBlueGreen,
  decidePromote,
  decideReject,
  liveColourOf,
  otherColour,
  stableService
} from '../../../src/deployment/strategies/blue-green.js'
import { decideDirect, decideDirectReject } from '../../../src/deployment/strategies/direct.js'
import type { HistoryEntry } from '../../../src/programs/helm.js'

const h = (revision: number, status: string): HistoryEntry => ({ revision, status })
// A chart with fixed names that differ from the service's (the stable Service keeps the chart's name).
const chart = { deployment: 'carts-app', service: 'carts-svc' }

describe('direct', () => {
  it("upgrades the one release named after the service; the tests use the chart's Service", () =>
    expect(decideDirect('carts', chart)).toEqual({
      release: 'carts',
      chart,
      testService: 'carts-svc',
      traffic: 'service'
    }))

  const history = [h(1, 'superseded'), h(2, 'superseded'), h(3, 'deployed')]

  it('rolls back to the revision that last passed its gate', () =>
    expect(decideDirectReject(history, 1, 2)).toEqual({ kind: 'rollback', revision: 1 }))

  it('falls back to the revision live before this deploy', () =>
    expect(decideDirectReject(history, undefined, 2)).toEqual({ kind: 'rollback', revision: 2 }))

  it('keeps a first deploy: nothing earlier passed', () =>
    expect(decideDirectReject([h(1, 'deployed')], undefined, undefined).kind).toBe('nothing'))

  it('does nothing when the passed revision is the deployed one', () =>
    expect(decideDirectReject(history, 3, 2).kind).toBe('already'))

  it('says so when helm pruned the revision', () => {
    const decision = decideDirectReject(history, 9, 2)
    expect(decision).toEqual({
      kind: 'pruned',
      reason: "revision 9 is no longer in helm's history (kept: 1, 2, 3)"
    })
  })
})

describe('blue/green decisions', () => {
  it('deploys blue first, then always the colour that is not live', () => {
    expect(decideBlueGreen('carts', chart, undefined, 'service')).toEqual({
      release: 'carts-blue',
      chart,
      testService: 'carts-svc-blue',
      colour: 'blue',
      liveColour: undefined,
      traffic: 'service'
    })
    expect(decideBlueGreen('carts', chart, 'blue', 'istio')).toMatchObject({
      release: 'carts-green',
      testService: 'carts-svc-green',
      liveColour: 'blue'
    })
    expect(decideBlueGreen('carts', chart, 'green', 'service').colour).toBe('blue')
    expect(otherColour('green')).toBe('blue')
  })

  it('reads the live colour from the stable service selector', () => {
    expect(liveColourOf(undefined)).toBeUndefined()
    expect(liveColourOf({ spec: { selector: { colour: 'green' } } })).toBe('green')
    expect(liveColourOf({ spec: { selector: { app: 'carts' } } })).toBeUndefined()
    expect(liveColourOf({ spec: { selector: { colour: 'red' } } })).toBeUndefined()
  })

  it("promote selects the new colour and scales the old colour's Deployment down", () => {
    expect(decidePromote({ chart, colour: 'green', liveColour: 'blue' })).toEqual({
      live: 'green',
      scaleDown: 'carts-app-blue'
    })
    expect(decidePromote({ chart, colour: 'blue', liveColour: undefined })).toEqual({
      live: 'blue',
      scaleDown: undefined
    })
  })

  it("reject keeps the live colour and scales the new colour's Deployment down", () => {
    expect(decideReject({ chart, colour: 'green', liveColour: 'blue' })).toEqual({
      live: 'blue',
      scaleDown: 'carts-app-green'
    })
    expect(decideReject({ chart, colour: 'blue', liveColour: undefined })).toEqual({
      live: undefined,
      scaleDown: 'carts-app-blue'
    })
  })

  it('refuses to promote or reject without a blue/green deploy', () =>
    expect(() => decidePromote({ chart, colour: undefined })).toThrow(/nothing to promote or reject/))

  it('copies the colour service selector and ports into the stable service', () => {
    const colourService = {
      spec: {
        selector: { 'app.kubernetes.io/instance': 'carts-green', colour: 'green' },
        ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 31000 }]
      }
    }
    expect(stableService('carts', 'ns', colourService)).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'carts',
        namespace: 'ns',
        labels: { 'app.kubernetes.io/managed-by': 'carts-deploy' }
      },
      spec: {
        type: 'ClusterIP',
        selector: { 'app.kubernetes.io/instance': 'carts-green', colour: 'green' },
        ports: [{ name: 'http', port: 80, targetPort: 'http' }]
      }
    })
  })
})

describe('istio', () => {
  it('gives the live colour all the weight', () => {
    const vs = virtualService('carts', 'sockshop-staging', 'green', 'blue')
    expect(vs).toMatchObject({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'carts' },
      spec: { hosts: ['carts', 'carts.sockshop-staging.svc.cluster.local'] }
    })
    expect(weightsOf(vs, 'carts')).toEqual({ green: 100, blue: 0 })
    expect(weightsOf(virtualService('carts', 'ns', 'blue'), 'carts')).toEqual({ blue: 100 })
    expect(weightsOf(undefined, 'carts')).toEqual({})
  })
})
