/** The bundled CLI's plan command. */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { DIST_CLI } from '../helpers/paths.js'
import { tempDirs } from '../helpers/temp-dirs.js'

const cli = (...args: string[]) => spawnSync(process.execPath, [DIST_CLI, ...args], { encoding: 'utf8' })

const temp = tempDirs('plan-')

describe('carts-deploy plan', () => {
  it('prints the plan of staging for the embedded shipyard', () => {
    const run = cli('plan', '--stage', 'staging', '--json')
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ namespace: 'sockshop-staging', nextStage: 'production' })
  })

  it('prints file, line and what was expected for a broken shipyard, exit 2', () => {
    const file = path.join(temp(), 'shipyard.yaml')
    writeFileSync(file, 'stages:\n  - name: dev\n    deployment_strategy: canary\n')
    const run = cli('plan', '--shipyard', file, '--stage', 'dev')
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).toBe(
      `carts-deploy: ${file}:3: stages.0.deployment_strategy: expected one of "direct", "blue_green_service"`
    )
  })

  it('exits 2 on a usage error and 0 on --help, for every command', () => {
    expect(cli('plan').status).toBe(2)
    for (const command of ['plan', 'config', 'evaluate']) expect(cli(command, '--help').status).toBe(0)
    expect(cli('--help').stdout).toContain('plan')
  })
})
