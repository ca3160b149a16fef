import { describe, expect, it } from '@jest/globals'
import {
  apiResourcesArgs,
  applyArgs,
  createNamespaceArgs,
  getJsonArgs,
  rolloutStatusArgs,
  scaleArgs
} from '../../../src/programs/kubectl.js'

describe('kubectl arguments', () => {
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

  it('scales the deployments of one release by label', () =>
    expect(scaleArgs('app.kubernetes.io/instance=carts-blue', 'ns', 0)).toEqual([
      'scale',
      'deployment',
      '--namespace',
      'ns',
      '--selector',
      'app.kubernetes.io/instance=carts-blue',
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
