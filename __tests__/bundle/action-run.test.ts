/** The bundled action, run the way the runner runs it. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/run-action.js'

const errorLines = (stdout: string) => stdout.split('\n').filter(line => line.startsWith('::error'))

describe('node dist/index.js', () => {
  it('fails with one line naming a missing required input', () => {
    const run = runAction({ stage: 'dev' })
    expect(run.status).toBe(1)
    expect(errorLines(run.stdout)).toEqual([
      "::error::Input 'tag': expected a value (this input is required)"
    ])
    expect(run.outputs.promote).toBe('false')
  })

  it.each(['0.8.1;touch pwned', '$(id)', '`id`', '0.8.1\ntouch pwned'])(
    'refuses the hostile tag %j before anything runs',
    tag => {
      const run = runAction({ tag, stage: 'dev', 'config-repo': './config.git' }, { PWNED_DIR: 'x' })
      expect(run.status).toBe(1)
      const lines = errorLines(run.stdout)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^::error::Input 'tag': expected an OCI image tag/)
      expect(existsSync(path.join(run.dir, 'pwned'))).toBe(false)
      expect(run.stdout).not.toContain('::group::')
    }
  )

  it('fails with one line naming a malformed input', () => {
    const run = runAction({ tag: '0.8.1', stage: 'dev', timeout: 'forever' })
    expect(run.status).toBe(1)
    expect(errorLines(run.stdout)).toEqual([
      '::error::Input \'timeout\': expected a duration such as 300s, 5m or 1h30m (at most 6h), got "forever"'
    ])
  })

  it('reports a broken shipyard with its file and line', () => {
    const run = runAction(
      { tag: '0.8.1', stage: 'dev', shipyard: 'shipyard.yaml', 'config-repo': './c.git' },
      {}
    )
    expect(run.status).toBe(1)
    expect(errorLines(run.stdout)[0]).toMatch(/shipyard\.yaml: cannot be read \(ENOENT\)/)
  })

  it('masks the kubeconfig before validation can print anything', () => {
    const run = runAction({
      tag: 'bad tag',
      stage: 'dev',
      kubeconfig: 'apiVersion: v1\nsecret-token: s3cr3t'
    })
    expect(run.stdout).toContain('::add-mask::')
    expect(run.stdout.indexOf('::add-mask::')).toBeLessThan(run.stdout.indexOf('::error::'))
  })

  it.each([
    [
      'slo',
      'slo.yaml',
      'objectives:\n  - sli: error_rate\n    pass: [{ criteria: ["<1"] }]\n    weight: heavy\n',
      /^::error::\S*slo\.yaml:4: objectives\.0\.weight: expected number$/
    ],
    [
      'jmeter-dir',
      'jm/jmeter.conf.yaml',
      'workloads:\n  - teststrategy: functional\n    vusers: 3\n',
      /^::error::jm\/jmeter\.conf\.yaml:2: workloads\.0: missing required key 'script'$/
    ]
  ])('reads the %s file before anything changes and names its line', (input, file, text, expected) => {
    const value = input === 'slo' ? file : path.dirname(file)
    const run = runAction(
      { tag: '0.8.1', stage: 'dev', 'config-repo': 'config.git', [input]: value },
      {},
      { [file]: text }
    )
    expect(run.status).toBe(1)
    expect(errorLines(run.stdout)[0]).toMatch(expected)
    expect(run.stdout).not.toContain('::group::commit')
    expect(existsSync(path.join(run.dir, 'config.git'))).toBe(false)
  })

  it('writes the next stage for a valid stage before the steps run', () => {
    // helm 'system' with none on PATH: the run stops at once, downloading nothing.
    const run = runAction(
      { tag: '0.8.1', stage: 'staging', 'config-repo': './missing.git', 'helm-version': 'system' },
      { PATH: '/usr/bin:/bin' }
    )
    expect(run.outputs['next-stage']).toBe('production')
  })
})
