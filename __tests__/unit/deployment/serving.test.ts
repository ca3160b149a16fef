import { describe, expect, it } from '@jest/globals'
import {
  describeServing,
  normalImage,
  servesOnly,
  servingOf,
  splitImage,
  type EndpointSliceJson,
  type PodJson
} from '../../../src/deployment/serving.js'

const pod = (name: string, ...images: string[]): PodJson => ({
  metadata: { name },
  spec: { containers: images.map(image => ({ image })) }
})
const endpoint = (name: string, ready?: boolean, terminating?: boolean) => ({
  ...(ready === undefined ? {} : { conditions: { ready, ...(terminating ? { terminating } : {}) } }),
  targetRef: { kind: 'Pod', name }
})
const REPO = 'docker.io/keptnexamples/carts'

describe('what a service routes to', () => {
  it('reads image references as the registry does', () => {
    expect(normalImage('docker.io/library/nginx:1')).toBe('nginx:1')
    expect(splitImage('docker.io/keptnexamples/carts:0.8.1')).toEqual({
      repository: 'keptnexamples/carts',
      tag: '0.8.1'
    })
    expect(splitImage('localhost:5000/carts')).toEqual({ repository: 'localhost:5000/carts', tag: 'latest' })
    expect(splitImage('carts@sha256:abc')).toEqual({ repository: 'carts', tag: 'sha256:abc' })
  })

  it('counts ready endpoints by the version of the service image their pod runs', () => {
    const slices: EndpointSliceJson[] = [
      { endpoints: [endpoint('a', true), endpoint('b'), endpoint('old', false)] },
      { endpoints: [endpoint('sidecar', true)] },
      {}
    ]
    const pods = [
      pod('a', 'keptnexamples/carts:0.8.3'),
      pod('b', 'docker.io/keptnexamples/carts:0.8.3', 'istio/proxyv2:1.31'),
      pod('old', `${REPO}:0.8.1`),
      pod('sidecar', 'istio/proxyv2:1.31')
    ]
    const serving = servingOf(slices, pods, REPO)
    expect([...serving.ready]).toEqual([
      ['0.8.3', 2],
      ['other', 1]
    ])
    expect(serving.total).toBe(3)
    expect(servesOnly(serving, '0.8.3')).toBe(false)
    expect(describeServing(serving)).toBe('2 ready pods of 0.8.3 and 1 without the service image')
  })

  it('serves a version only when every ready endpoint runs it, and at least one does', () => {
    const one = servingOf([{ endpoints: [endpoint('a', true)] }], [pod('a', `${REPO}:0.8.1`)], REPO)
    expect(servesOnly(one, '0.8.1')).toBe(true)
    expect(servesOnly(one, '0.8.2')).toBe(false)
    expect(describeServing(one)).toBe('1 ready pod of 0.8.1')
    const none = servingOf([{ endpoints: [endpoint('a', false)] }], [pod('a', `${REPO}:0.8.1`)], REPO)
    expect(servesOnly(none, '0.8.1')).toBe(false)
    expect(describeServing(none)).toBe('no ready pod')
  })

  it('waits out a terminating pod of another version: the proxy rules may still send it requests', () => {
    const pods = [pod('new', `${REPO}:0.8.1`), pod('old', `${REPO}:0.8.2`)]
    const draining = servingOf(
      [{ endpoints: [endpoint('new', true), endpoint('old', false, true)] }],
      pods,
      REPO
    )
    expect(servesOnly(draining, '0.8.1')).toBe(false)
    expect(describeServing(draining)).toBe('1 ready pod of 0.8.1 and 1 terminating pod of 0.8.2')
    const gone = servingOf([{ endpoints: [endpoint('new', true)] }], pods, REPO)
    expect(servesOnly(gone, '0.8.1')).toBe(true)
    // A terminating pod of the same version (a restart) changes nothing that answers.
    const restart = servingOf(
      [{ endpoints: [endpoint('new', true), endpoint('old', false, true)] }],
      [pod('new', `${REPO}:0.8.1`), pod('old', `${REPO}:0.8.1`)],
      REPO
    )
    expect(servesOnly(restart, '0.8.1')).toBe(true)
  })
})
