import { describe, expect, it } from '@jest/globals'
import { httpPortOf, serviceUrlOf } from '../../../src/deployment/service-url.js'

const vars = { service: 'carts-green', namespace: 'sockshop-staging', stage: 'staging', project: 'sockshop' }

describe('where the tests reach a service', () => {
  it('renders a URL template; a port-forward has no URL before it starts', () => {
    expect(serviceUrlOf({ kind: 'url', template: 'http://{service}.{namespace}' }, vars)).toBe(
      'http://carts-green.sockshop-staging'
    )
    expect(serviceUrlOf({ kind: 'url', template: 'https://{stage}.{project}.example' }, vars)).toBe(
      'https://staging.sockshop.example'
    )
    expect(serviceUrlOf({ kind: 'port-forward' }, vars)).toBeUndefined()
  })

  it('port-forwards to the port named http, else the first TCP port', () => {
    expect(httpPortOf([{ port: 80 }])).toBe(80)
    expect(
      httpPortOf([
        { name: 'metrics', port: 9090 },
        { name: 'http', port: 8080 }
      ])
    ).toBe(8080)
    expect(
      httpPortOf([
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'web', port: 81 }
      ])
    ).toBe(81)
    expect(httpPortOf([{ name: 'dns', port: 53, protocol: 'UDP' }])).toBeUndefined()
    expect(httpPortOf(undefined)).toBeUndefined()
  })
})
