import { describe, expect, it } from '@jest/globals'
import { buildConfig, type RawInputs } from '../../../src/inputs/build-config.js'

const env = { workspace: '/work/ws', serverUrl: 'https://github.com', repository: 'org/app', runId: '42' }
const build = (raw: RawInputs) => buildConfig({ tag: '0.8.1', stage: 'dev', ...raw }, env)

describe('buildConfig', () => {
  it('applies the defaults of action.yml', () => {
    const config = build({})
    expect(config).toMatchObject({
      tag: '0.8.1',
      stage: 'dev',
      image: 'docker.io/keptnexamples/carts',
      service: 'carts',
      project: 'sockshop',
      chartDir: '/work/ws/chart',
      configBranch: 'config',
      configRepo: 'https://github.com/org/app.git',
      helmVersion: { kind: 'pinned' },
      jmeterVersion: { kind: 'pinned', version: '5.6.3' },
      gate: { kind: 'none' },
      timeoutSeconds: 300,
      failOn: 'fail',
      author: { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' },
      runUrl: 'https://github.com/org/app/actions/runs/42'
    })
    expect(config.shipyardFile).toBeUndefined()
    expect(config.githubToken).toBeUndefined()
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('requires tag and stage', () => {
    expect(() => buildConfig({ stage: 'dev' }, env)).toThrow(
      "Input 'tag': expected a value (this input is required)"
    )
    expect(() => buildConfig({ tag: '1' }, env)).toThrow("Input 'stage': expected a value")
  })

  it('reads the gate source and refuses both at once', () => {
    expect(build({ slo: 'slo.yaml' }).gate).toEqual({ kind: 'slo', file: '/work/ws/slo.yaml' })
    expect(build({ thresholds: 'error_rate<1' }).gate).toEqual({ kind: 'thresholds', text: 'error_rate<1' })
    expect(() => build({ slo: 'slo.yaml', thresholds: 'error_rate<1' })).toThrow("Input 'thresholds'")
  })

  it.each<[RawInputs, string]>([
    [{ tag: '$(id)' }, 'tag'],
    [{ stage: 'Prod' }, 'stage'],
    [{ project: 'a'.repeat(60) }, 'project'],
    [{ namespace: 'bad_ns' }, 'namespace'],
    [{ service: 'carts;rm' }, 'service'],
    [{ shipyard: '../shipyard.yaml' }, 'shipyard'],
    [{ chart: '/etc' }, 'chart'],
    [{ 'config-branch': '-delete' }, 'config-branch'],
    [{ 'config-repo': 'https://user:pw@github.com/a/b' }, 'config-repo'],
    [{ 'config-repo': 'ext::sh -c id' }, 'config-repo'],
    [{ 'helm-version': 'latest' }, 'helm-version'],
    [{ 'service-url': 'http://{host}' }, 'service-url'],
    [{ 'service-url': 'portforward' }, 'service-url'],
    [{ timeout: 'forever' }, 'timeout'],
    [{ 'fail-on': 'always' }, 'fail-on'],
    [{ 'commit-author': 'nobody' }, 'commit-author']
  ])('%j names the input %s in one line', (raw, input) => {
    let message = ''
    try {
      build(raw)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message.startsWith(`Input '${input}':`)).toBe(true)
    expect(message).not.toContain('\n')
  })

  it('reads service-url as a URL template or port-forward', () => {
    expect(build({}).serviceAccess).toEqual({ kind: 'url', template: 'http://{service}.{namespace}' })
    expect(build({ 'service-url': 'port-forward' }).serviceAccess).toEqual({ kind: 'port-forward' })
    expect(() => build({ 'service-url': 'carts:8080' })).toThrow(
      /^Input 'service-url': expected 'port-forward', or an http\(s\) URL/
    )
  })

  it('reads config-repo as owner/name, URL or workspace path', () => {
    expect(build({ 'config-repo': 'org/config' }).configRepo).toBe('https://github.com/org/config.git')
    expect(build({ 'config-repo': 'https://example.test/x.git' }).configRepo).toBe(
      'https://example.test/x.git'
    )
    expect(build({ 'config-repo': './repos/config.git' }).configRepo).toBe('/work/ws/repos/config.git')
  })

  it('ignores the unexpanded ${{ }} default outside the runner', () => {
    expect(build({ 'github-token': '' }).githubToken).toBeUndefined()
  })
})
