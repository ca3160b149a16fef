/** `carts-deploy run`: the same stage pipeline from a terminal, against the current kube context. */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { DIST_CLI, REPO } from '../helpers/paths.js'
import { tempDirs } from '../helpers/temp-dirs.js'

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
      'config.git'
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
    expect(JSON.parse(run.stdout)).toMatchObject({ result: 'pass', promote: 'true', 'next-stage': '' })
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
  }, 300_000)
})
