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

  describe('Prometheus gates', () => {
    const url = 'http://prometheus.monitoring:9090'
    it('takes an sli.yaml, a perfspec.json or the 0.5 pair, with the token as an Authorization header', () => {
      expect(
        build({ 'prometheus-url': url, sli: 'carts/sli.yaml', 'prometheus-token': 't0k' }).prometheus
      ).toEqual({
        url,
        authorization: 'Bearer t0k',
        gate: { kind: 'sli', file: '/work/ws/carts/sli.yaml' }
      })
      expect(
        build({ 'prometheus-url': url, perfspec: 'p.json', 'prometheus-token': 'Basic dTpw' }).prometheus
      ).toEqual({
        url,
        authorization: 'Basic dTpw',
        gate: { kind: 'perfspec', file: '/work/ws/p.json' }
      })
      expect(
        build({ 'prometheus-url': url, 'service-indicators': 'si.yaml', 'service-objectives': 'so.yaml' })
          .prometheus?.gate
      ).toEqual({
        kind: 'service-objectives',
        indicators: '/work/ws/si.yaml',
        objectives: '/work/ws/so.yaml'
      })
      expect(build({}).prometheus).toBeUndefined()
    })

    it('refuses a gate without its Prometheus, a Prometheus without a gate, and mixed gates', () => {
      expect(() => build({ sli: 'sli.yaml' })).toThrow(
        "Input 'prometheus-url': expected the Prometheus to query for 'sli'"
      )
      expect(() => build({ 'prometheus-url': url })).toThrow(
        "Input 'prometheus-url': expected one of 'sli', 'perfspec', or 'service-indicators' with 'service-objectives', got \"none\""
      )
      expect(() => build({ 'prometheus-url': url, sli: 's.yaml', perfspec: 'p.json' })).toThrow(
        /got "sli, perfspec"/
      )
      expect(() => build({ 'prometheus-url': url, 'service-indicators': 'si.yaml' })).toThrow(
        "Input 'service-objectives': expected both files of the Keptn 0.5 pair"
      )
      expect(() => build({ 'prometheus-url': url, perfspec: 'p.json', slo: 'slo.yaml' })).toThrow(
        "Input 'perfspec': expected a pitometer gate alone: leave 'slo' and 'thresholds' empty"
      )
    })

    it('keeps credentials out of the URL (they would be logged): they belong in the masked token', () => {
      expect(() => build({ 'prometheus-url': 'https://user:pw@prom.example', sli: 's.yaml' })).toThrow(
        'Input \'prometheus-url\': expected a URL without credentials (give them as the Prometheus token), got "prom.example"'
      )
    })
  })
})
