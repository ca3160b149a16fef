/**
 * runStage from the sources with a recording reporter: a quality-gate-only stage (nothing to deploy or
 * test) judged on given SLI values, against a real bare git repository for the config branch.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { DeployError } from '../../../src/contracts/errors.js'
import type { Step } from '../../../src/contracts/run.js'
import { buildConfig } from '../../../src/inputs/build-config.js'
import { runStage } from '../../../src/pipeline/run-stage.js'
import type { AnyStep } from '../../../src/pipeline/steps.js'
import { commitStep } from '../../../src/stages/commit.js'
import { recordingReporter } from '../../helpers/context.js'
import { sandbox, subjects } from '../../helpers/repos.js'

jest.setTimeout(60_000)

const box = sandbox()
afterAll(() => box.cleanup())

const SHIPYARD = `stages:
  - name: dev
    deployment_strategy: direct
  - name: hardening
    approval_strategy: { pass: automatic, warning: manual }
`

function stage(values: Record<string, number>, tag: string) {
  mkdirSync(path.join(box.root, 'run'), { recursive: true })
  writeFileSync(path.join(box.root, 'shipyard.yaml'), SHIPYARD)
  writeFileSync(path.join(box.root, 'slis.json'), JSON.stringify(values))
  return buildConfig(
    {
      tag,
      stage: 'hardening',
      shipyard: 'shipyard.yaml',
      'config-repo': 'config.git',
      'sli-values': 'slis.json',
      thresholds: 'response_time_p95<600, error_rate<=1'
    },
    { workspace: box.root }
  )
}

describe('runStage', () => {
  const repo = box.bare('config.git')

  it('runs every step in order, judges the values and promotes', async () => {
    const reporter = recordingReporter()
    const tempDir = path.join(box.root, 'run-1')
    mkdirSync(tempDir)
    const outcome = await runStage(
      stage({ response_time_p95: 420, error_rate: 0 }, '0.8.1'),
      reporter,
      tempDir
    )
    expect(reporter.groups).toEqual(['install', 'commit', 'deploy', 'test', 'evaluate', 'gate'])
    expect(outcome.failure).toBeUndefined()
    expect(outcome.outputs).toMatchObject({ result: 'pass', score: '100', promote: 'true', 'next-stage': '' })
    expect(outcome.summary).toContain('Quality gate pass')
    expect(subjects(repo)[0]).toMatch(/hardening/)
  })

  it('fails the job on a failed gate, with the decision in the outputs and summary', async () => {
    const reporter = recordingReporter()
    const tempDir = path.join(box.root, 'run-2')
    mkdirSync(tempDir)
    const outcome = await runStage(
      stage({ response_time_p95: 1060, error_rate: 0 }, '0.8.2'),
      reporter,
      tempDir
    )
    expect(outcome.failure).toMatch(/^Quality gate failed/)
    expect(outcome.outputs).toMatchObject({ result: 'fail', promote: 'false' })
    expect(outcome.summary).toMatch(/response\\_time\\_p95 \| given values \| 1060 .*❌ fail/)
    expect(reporter.groups.at(-1)).toBe('gate')
  })

  it('a deploy that fails after the commit leaves the version before it as the desired state', async () => {
    const failingDeploy: Step<'deploy'> = {
      name: 'deploy',
      run: async () => {
        throw new DeployError('carts:0.9.2 did not become ready within 20s; helm rolled back to revision 1')
      }
    }
    const run = (tag: string, steps: AnyStep[]) => {
      const tempDir = path.join(box.root, `run-undo-${tag}`)
      mkdirSync(tempDir)
      return runStage(
        stage({ response_time_p95: 1, error_rate: 0 }, tag),
        recordingReporter(),
        tempDir,
        steps
      )
    }
    await run('0.9.1', [commitStep])
    const outcome = await run('0.9.2', [commitStep, failingDeploy])
    expect(outcome.failure).toMatch(/did not become ready/)
    expect(outcome.outputs.promote).toBe('false')
    const log = subjects(repo)
    const rollback = log.findIndex(s =>
      s.startsWith('[carts-deploy] rollback carts:0.9.1 -> sockshop/hardening (was 0.9.2)')
    )
    expect(rollback).toBeGreaterThanOrEqual(0)
    expect(rollback).toBeLessThan(
      log.findIndex(s => s.startsWith('[carts-deploy] carts:0.9.2 -> sockshop/hardening'))
    )
  })
})
