import { describe, expect, it } from '@jest/globals'
import {
  Helm,
  historyArgs,
  parseHelmMajor,
  parseHistory,
  parseRelease,
  rollbackArgs,
  postRendererPlugin,
  rollbackOnFailureFlag,
  templateArgs,
  uninstallArgs,
  upgradeArgs,
  versionArgs,
  type UpgradeSpec
} from '../../../src/programs/helm.js'

const spec: UpgradeSpec = {
  release: 'carts',
  chart: '/w/chart',
  namespace: 'sockshop-dev',
  valuesFiles: ['/tmp/values.yaml'],
  setString: { 'keptn.service': 'carts' },
  timeoutSeconds: 300
}
const renderer = { node: '/usr/bin/node', script: '/a/dist/post-render/index.js', args: ['blue', 'carts'] }

describe('helm arguments', () => {
  it('upgrades with --atomic on Helm 3', () => {
    expect(upgradeArgs(spec, 3)).toEqual([
      'upgrade',
      '--install',
      'carts',
      '/w/chart',
      '--namespace',
      'sockshop-dev',
      '--values',
      '/tmp/values.yaml',
      '--set-string',
      'keptn.service=carts',
      '--wait',
      '--timeout',
      '300s',
      '--atomic',
      '--output',
      'json'
    ])
  })

  it('upgrades with --rollback-on-failure on Helm 4, never --atomic', () => {
    const args = upgradeArgs(spec, 4)
    expect(args).toContain('--rollback-on-failure')
    expect(args).not.toContain('--atomic')
    expect(rollbackOnFailureFlag(3)).toBe('--atomic')
  })

  it('runs a post-renderer itself on Helm 3 and as a plugin on Helm 4', () => {
    const three = upgradeArgs({ ...spec, postRenderer: renderer }, 3)
    expect(three.slice(three.indexOf('--post-renderer'), three.indexOf('--wait'))).toEqual([
      '--post-renderer',
      '/usr/bin/node',
      ...['/a/dist/post-render/index.js', 'blue', 'carts'].flatMap(a => ['--post-renderer-args', a])
    ])
    const four = upgradeArgs({ ...spec, postRenderer: renderer }, 4)
    expect(four.slice(four.indexOf('--post-renderer'), four.indexOf('--wait'))).toEqual([
      '--post-renderer',
      'carts-deploy-post-renderer',
      ...['blue', 'carts'].flatMap(a => ['--post-renderer-args', a])
    ])
    expect(postRendererPlugin(renderer)).toContain(
      'runtimeConfig:\n  platformCommand:\n    - command: /usr/bin/node\n      args:\n        - /a/dist/post-render/index.js\n'
    )
    expect(templateArgs(spec)).toEqual(['template', ...upgradeArgs(spec, 3).slice(2, 10)])
  })

  it('keeps --set-string values literal (commas and backslashes escaped for strvals)', () => {
    const args = upgradeArgs({ ...spec, valuesFiles: [], setString: { 'image.tag': 'a,b\\c' } }, 3)
    expect(args[args.indexOf('--set-string') + 1]).toBe('image.tag=a\\,b\\\\c')
    expect(args).not.toContain('--values')
  })

  it('builds rollback, uninstall, history and version', () => {
    expect(rollbackArgs('carts', 'ns', 3, 60)).toEqual([
      'rollback',
      'carts',
      '3',
      '--namespace',
      'ns',
      '--wait',
      '--timeout',
      '60s'
    ])
    expect(uninstallArgs('carts', 'ns', 60)).toEqual([
      'uninstall',
      'carts',
      '--namespace',
      'ns',
      '--wait',
      '--timeout',
      '60s'
    ])
    expect(historyArgs('carts', 'ns')).toEqual(['history', 'carts', '--namespace', 'ns', '--output', 'json'])
    expect(versionArgs()).toEqual(['version', '--short'])
  })
})

describe('helm output', () => {
  it.each([
    ['v3.22.0+gabc', 3],
    ['v4.3.1+g1234567', 4],
    ['3.19.0', 3]
  ])('reads the major version of %s', (out, major) => expect(parseHelmMajor(`${out}\n`)).toBe(major))

  it.each(['v2.17.0+g1', 'v5.0.0', 'garbage', ''])('refuses %j', out =>
    expect(() => parseHelmMajor(out)).toThrow(/Helm 3 or 4 is needed/)
  )

  it('sorts history oldest first', () => {
    const json = JSON.stringify([
      { revision: 2, status: 'deployed', description: 'Upgrade complete' },
      { revision: 1, status: 'superseded', description: 'Install complete' }
    ])
    expect(parseHistory(json).map(h => h.revision)).toEqual([1, 2])
  })

  it('reads the revision and manifest of a release', () => {
    const json = JSON.stringify({
      name: 'carts',
      namespace: 'ns',
      version: 4,
      info: { status: 'deployed' },
      manifest: 'kind: Service'
    })
    expect(parseRelease(json)).toEqual({
      name: 'carts',
      namespace: 'ns',
      revision: 4,
      status: 'deployed',
      manifest: 'kind: Service'
    })
  })
})

describe('Helm wrapper', () => {
  it('fails every call with the version check when helm cannot run', async () => {
    const helm = new Helm('/nonexistent/helm')
    await expect(helm.major()).rejects.toThrow(
      /^helm version failed \(exit signal\): spawn \/nonexistent\/helm ENOENT/
    )
    await expect(helm.history('carts', 'ns')).rejects.toThrow(/^helm version failed/)
  })
})
