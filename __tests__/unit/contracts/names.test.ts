import { describe, expect, it } from '@jest/globals'
import * as check from '../../../src/contracts/names.js'

describe('ociTag', () => {
  it.each(['0.8.1', 'latest', '_x', 'v1.2.3-rc.1', 'A'.repeat(128)])('accepts %s', tag => {
    expect(check.ociTag('tag', tag)).toBe(tag)
  })
  it.each([
    '0.8.1;touch pwned',
    '$(id)',
    '',
    '.hidden',
    '-x',
    'a/b',
    '..',
    'a\nb',
    'A'.repeat(129),
    'a b',
    '`id`'
  ])('refuses %j in one line naming the input', tag => {
    expect(() => check.ociTag('tag', tag)).toThrow(/^Input 'tag': expected an OCI image tag[^\n]*$/)
  })
})

describe('dnsLabel', () => {
  it.each(['dev', 'sockshop-staging', 'a', 'a1'])('accepts %s', v =>
    expect(check.dnsLabel('stage', v)).toBe(v)
  )
  it.each(['Dev', '-dev', 'dev-', 'a_b', 'a.b', '', 'x'.repeat(64), '../x'])('refuses %j', v => {
    expect(() => check.dnsLabel('stage', v)).toThrow("Input 'stage': expected a Kubernetes DNS label")
  })
})

describe('imageRepository', () => {
  it.each(['docker.io/keptnexamples/carts', 'carts', 'localhost:5000/a/b', 'ghcr.io/org/my_app'])(
    'accepts %s',
    v => expect(check.imageRepository('image', v)).toBe(v)
  )
  it.each(['carts:0.8.1', 'Docker.io/x/Carts', 'a;b', '', 'x/../y'])('refuses %j', v => {
    expect(() => check.imageRepository('image', v)).toThrow("Input 'image'")
  })
})

describe('durationSeconds', () => {
  it.each([
    ['300', 300],
    ['300s', 300],
    ['5m', 300],
    ['1h30m', 5400],
    ['2m30s', 150]
  ])('%s is %i s', (text, seconds) => expect(check.durationSeconds('timeout', text)).toBe(seconds))
  it.each(['', '0', 'soon', '5 minutes', '7h', '-5m'])('refuses %j', v => {
    expect(() => check.durationSeconds('timeout', v)).toThrow("Input 'timeout'")
  })
})

describe('pathInWorkspace', () => {
  it('resolves inside the workspace', () => {
    expect(check.pathInWorkspace('slo', 'qg/slo.yaml', '/w')).toBe('/w/qg/slo.yaml')
  })
  it.each(['../etc/passwd', '/etc/passwd', 'a/../../b', 'a\nb'])('refuses %j', v => {
    expect(() => check.pathInWorkspace('slo', v, '/w')).toThrow("Input 'slo'")
  })
})

describe('toolVersion', () => {
  it('reads system and exact versions', () => {
    expect(check.toolVersion('helm-version', 'system')).toEqual({ kind: 'system' })
    expect(check.toolVersion('helm-version', 'v3.19.0')).toEqual({ kind: 'pinned', version: '3.19.0' })
  })
  it.each(['latest', '3.19', '3.19.0;id', ''])('refuses %j', v => {
    expect(() => check.toolVersion('helm-version', v)).toThrow("Input 'helm-version'")
  })
})
