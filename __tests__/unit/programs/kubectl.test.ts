import { describe, expect, it } from '@jest/globals'
import {
  apiResourcesArgs,
  applyArgs,
  createNamespaceArgs,
  FORWARDING,
  getJsonArgs,
  portForwardArgs,
  rolloutStatusArgs,
  scaleArgs
} from '../../../src/programs/kubectl.js'

describe('kubectl arguments', () => {
  it('port-forwards a free port on loopback only to a service port', () =>
    expect(portForwardArgs('carts-green', 'sockshop-staging', 80)).toEqual([
      'port-forward',
      '--address',
      '127.0.0.1',
      '--namespace',
      'sockshop-staging',
      'service/carts-green',
      ':80'
    ]))

  it("reads the local port from kubectl's own line, and only a loopback one", () => {
    const out = 'Forwarding from 127.0.0.1:41233 -> 8080\nHandling connection for 41233\n'
    expect(FORWARDING.exec(out)?.[1]).toBe('41233')
    expect(FORWARDING.exec('Forwarding from 0.0.0.0:41233 -> 8080')).toBeNull()
    expect(FORWARDING.exec('Forwarding from [::1]:41233 -> 8080')).toBeNull()
  })

  it('creates a namespace', () =>
    expect(createNamespaceArgs('sockshop-dev')).toEqual(['create', 'namespace', 'sockshop-dev']))

  it('gets JSON, tolerating a missing object', () =>
    expect(getJsonArgs('service', 'carts', 'ns')).toEqual([
      'get',
      'service',
      'carts',
      '--namespace',
      'ns',
      '--output',
      'json',
      '--ignore-not-found'
    ]))

  it('checks a rollout with a timeout', () =>
    expect(rolloutStatusArgs('carts', 'ns', 30)).toEqual([
      'rollout',
      'status',
      'deployment/carts',
      '--namespace',
      'ns',
      '--timeout=30s'
    ]))

  it('scales one deployment by name (a chart may label both colours alike)', () =>
    expect(scaleArgs('carts-blue', 'ns', 0)).toEqual([
      'scale',
      'deployment/carts-blue',
      '--namespace',
      'ns',
      '--replicas=0'
    ]))

  it('applies server-side from stdin as carts-deploy', () => {
    const args = applyArgs('ns')
    expect(args).toEqual(expect.arrayContaining(['apply', '--server-side', '--field-manager=carts-deploy']))
    expect(args.slice(-2)).toEqual(['--filename', '-'])
  })

  it('asks discovery for an API group', () =>
    expect(apiResourcesArgs('networking.istio.io')).toEqual([
      'api-resources',
      '--api-group=networking.istio.io',
      '--output',
      'name'
    ]))
})
