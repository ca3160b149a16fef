/**
 * A failure before the deploy leaves the config branch as it was: a version that was never deployed never
 * becomes the desired state. The bundled action, run as the runner runs it, against a real bare repository.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { REPO } from '../helpers/paths.js'
import { runAction } from '../helpers/run-action.js'
import { tempDirs } from '../helpers/temp-dirs.js'

const temp = tempDirs('carts-before-deploy-')

/** A workspace with the example chart and an empty bare config repository; a `helm` on PATH that only tells its version. */
function workspace(): { dir: string; path: string } {
  const dir = temp()
  cpSync(path.join(REPO, 'examples/carts/chart'), path.join(dir, 'chart'), { recursive: true })
  execFileSync('git', ['init', '--quiet', '--bare', path.join(dir, 'config.git')])
  const bin = path.join(dir, 'bin')
  mkdirSync(bin)
  // Stands in for helm where it is only asked its version: every case here fails before helm deploys.
  writeFileSync(path.join(bin, 'helm'), '#!/bin/sh\necho v3.22.0+g0000000\n')
  chmodSync(path.join(bin, 'helm'), 0o755)
  return { dir, path: `${bin}:${process.env.PATH}` }
}

const refs = (dir: string) =>
  execFileSync('git', ['--git-dir', path.join(dir, 'config.git'), 'for-each-ref'], { encoding: 'utf8' })

const UNREACHABLE = `apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: { server: "https://127.0.0.1:1" } }]
users: [{ name: u, user: { token: not-a-real-token } }]
contexts: [{ name: c, context: { cluster: c, user: u } }]
current-context: c
`

describe('a failure before the deploy commits nothing', () => {
  it.each([
    [
      'an unknown helm version',
      { 'helm-version': '3.99.0' },
      /^::error::Input 'helm-version': .*got "3\.99\.0"$/m
    ],
    [
      'a chart path typo',
      { chart: 'chrat', 'helm-version': 'system' },
      /^::error::chart not found at .*chrat/m
    ],
    [
      'an unreachable cluster',
      { kubeconfig: UNREACHABLE, 'helm-version': 'system' },
      /^::error::the cluster cannot be reached with the kubeconfig given: kubectl version failed/m
    ]
  ])('%s', (_, inputs, error) => {
    const ws = workspace()
    const run = runAction(
      { tag: '0.8.1', stage: 'dev', chart: 'chart', 'config-repo': 'config.git', ...inputs },
      { PATH: ws.path },
      {},
      ws.dir
    )
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(error)
    expect(run.outputs.promote).toBe('false')
    expect(refs(ws.dir)).toBe('')
  })
})
