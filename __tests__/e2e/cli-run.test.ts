/** `carts-deploy run`: the same stage pipeline from a terminal, against the current kube context. */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { DIST_CLI, REPO } from '../helpers/paths.js'
import { tempDirs } from '../helpers/temp-dirs.js'
import { JMETER_TGZ } from '../helpers/tool-archives.js'

const temp = tempDirs('carts-cli-run-')

describe('carts-deploy run', () => {
  it('deploys a stage without tests and promotes it on a healthy rollout', () => {
    const ws = temp()
    cpSync(path.join(REPO, 'examples/carts/chart'), path.join(ws, 'chart'), { recursive: true })
    execFileSync('git', ['init', '--quiet', '--bare', path.join(ws, 'config.git')])
    const helmDir = path.dirname(process.env.HELM3 ?? '')
    const args = [
      'run',
      '--tag',
      '0.8.1',
      '--stage',
      'production',
      '--project',
      'cli',
      '--config-repo',
      'config.git',
      '--timeout',
      '20s'
    ]
    const run = spawnSync(
      process.execPath,
      [
        DIST_CLI,
        ...args,
        '--helm-version',
        'system',
        '--kubeconfig-file',
        process.env.KUBECONFIG ?? '',
        '--summary',
        'summary.md',
        '--json'
      ],
      {
        cwd: ws,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${helmDir}:${process.env.PATH}` },
        timeout: 300_000
      }
    )
    if (run.status !== 0) console.error(run.stderr)
    expect(run.status).toBe(0)
    const outputs = JSON.parse(run.stdout) as Record<string, string>
    expect(outputs).toMatchObject({ result: 'pass', promote: 'true', 'next-stage': '' })
    // Nothing names a file the run removed at its end.
    expect(Object.keys(outputs)).not.toContain('results-dir')
    expect(Object.keys(outputs)).not.toContain('evaluation')
    expect(run.stderr).toContain('▶ deploy')
    expect(readFileSync(path.join(ws, 'summary.md'), 'utf8')).toContain(
      'No tests and no SLO: healthy rollout, released (last stage)'
    )
    const log = execFileSync(
      'git',
      ['--git-dir', path.join(ws, 'config.git'), 'log', '--format=%s', 'config'],
      { encoding: 'utf8' }
    )
    expect(log).toContain('[carts-deploy] carts:0.8.1 -> cli/production')

    // A version that never becomes ready fails its deploy (helm puts the release back): the config branch
    // must not keep naming it as the desired state.
    const failed = spawnSync(
      process.execPath,
      [
        DIST_CLI,
        ...args.map(a => (a === '0.8.1' ? '0.8.4' : a)),
        ...['--helm-version', 'system', '--kubeconfig-file', process.env.KUBECONFIG ?? '']
      ],
      {
        cwd: ws,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${helmDir}:${process.env.PATH}` },
        timeout: 300_000
      }
    )
    if (failed.status !== 1) console.error(failed.stderr)
    expect(failed.status).toBe(1)
    expect(failed.stderr).toMatch(/carts:0\.8\.4 did not become ready within 20s/)
    const after = execFileSync(
      'git',
      ['--git-dir', path.join(ws, 'config.git'), 'log', '--format=%s', 'config'],
      { encoding: 'utf8' }
    )
    const subjects = after.trim().split('\n') // newest first
    const rollback = subjects.indexOf('[carts-deploy] rollback carts:0.8.1 -> cli/production (was 0.8.4)')
    expect(rollback).toBeGreaterThanOrEqual(0)
    expect(rollback).toBeLessThan(subjects.indexOf('[carts-deploy] carts:0.8.4 -> cli/production'))
  }, 300_000)

  it('keeps the JMeter results and the evaluation it names in --out, through a port-forward', () => {
    const ws = temp()
    for (const part of ['chart', 'jmeter', 'slo.yaml'])
      cpSync(path.join(REPO, 'examples/carts', part), path.join(ws, part), { recursive: true })
    execFileSync('git', ['init', '--quiet', '--bare', path.join(ws, 'config.git')])
    execFileSync('tar', ['-xzf', JMETER_TGZ, '-C', ws])
    const paths = [path.dirname(process.env.HELM3 ?? ''), path.join(ws, 'apache-jmeter-5.6.3/bin')]
    const run = spawnSync(
      process.execPath,
      [
        DIST_CLI,
        'run',
        ...['--tag', '0.8.1', '--stage', 'staging', '--project', 'cli', '--config-repo', 'config.git'],
        ...['--helm-version', 'system', '--jmeter-version', 'system', '--jmeter-dir', 'jmeter'],
        ...['--slo', 'slo.yaml', '--service-url', 'port-forward', '--out', 'kept'],
        ...['--kubeconfig-file', process.env.KUBECONFIG ?? '']
      ],
      {
        cwd: ws,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${paths.join(':')}:${process.env.PATH}` },
        timeout: 300_000
      }
    )
    if (run.status !== 0) console.error(run.stderr)
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(`results-dir=${path.join(ws, 'kept/jmeter-results')}\n`)
    expect(run.stdout).toContain(`evaluation=${path.join(ws, 'kept/evaluation.json')}\n`)
    expect(JSON.parse(readFileSync(path.join(ws, 'kept/evaluation.json'), 'utf8'))).toMatchObject({
      result: 'pass'
    })
    expect(readdirSync(path.join(ws, 'kept/jmeter-results'))).toEqual(['1-healthcheck', '2-performance'])
  }, 300_000)
})
