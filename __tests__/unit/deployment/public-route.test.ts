import { describe, expect, it } from '@jest/globals'
import { ingressFor, istioRouteFor, publicHost } from '../../../src/deployment/public-route.js'

describe("a stage's public URL", () => {
  it("is Keptn's host: <service>.<namespace>.<domain>", () => {
    expect(publicHost('carts', 'sockshop-staging', '34.77.10.10.nip.io')).toBe(
      'carts.sockshop-staging.34.77.10.10.nip.io'
    )
    expect(() => publicHost('carts', 'sockshop-staging', 'a'.repeat(250))).toThrow(
      /^Input 'domain': expected a DNS domain under which carts\.sockshop-staging\.<domain> is a valid host name/
    )
  })

  const route = {
    service: 'carts',
    namespace: 'sockshop-staging',
    host: 'carts.sockshop-staging.example',
    port: 80
  }

  it('is an Ingress to the stable Service (its class only when given)', () => {
    const ingress = ingressFor(route) as { spec: Record<string, unknown> }
    expect(ingress.spec.ingressClassName).toBeUndefined()
    expect(ingress).toMatchObject({
      kind: 'Ingress',
      metadata: { name: 'carts', namespace: 'sockshop-staging' },
      spec: {
        rules: [
          {
            host: 'carts.sockshop-staging.example',
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: 'carts', port: { number: 80 } } }
                }
              ]
            }
          }
        ]
      }
    })
    expect(ingressFor({ ...route, ingressClass: 'nginx' })).toMatchObject({
      spec: { ingressClassName: 'nginx' }
    })
  })

  it("is, on Istio, a Gateway for the host and a VirtualService bound to it, as Keptn's were", () => {
    const [gateway, vs] = istioRouteFor(route)
    expect(gateway).toMatchObject({
      kind: 'Gateway',
      spec: { servers: [{ hosts: ['carts.sockshop-staging.example'] }] }
    })
    expect(vs).toMatchObject({
      kind: 'VirtualService',
      spec: {
        hosts: ['carts.sockshop-staging.example'],
        gateways: ['carts-public'],
        http: [
          {
            route: [
              { destination: { host: 'carts.sockshop-staging.svc.cluster.local', port: { number: 80 } } }
            ]
          }
        ]
      }
    })
  })
})
