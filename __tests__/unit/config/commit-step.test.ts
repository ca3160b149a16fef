import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ActionConfig } from '../../../src/config/action-config.js'
import type { StagePlan } from '../../../src/config/plan.js'
import { commitStep, configTarget } from '../../../src/stages/commit.js'
import type { RunContext } from '../../../src/stages/context.js'
import { commits, sandbox, subjects } from './helpers/repos.js'

// Real git processes: slow when the machine is busy.
jest.setTimeout(60_000)

const box = sandbox()
afterAll(() => box.cleanup())

function context(tag: string, overrides: Partial<ActionConfig> = {}): RunContext & { lines: string[] } {
  const lines: string[] = []
  const tempDir = join(box.root, `run-${tag}`)
  mkdirSync(tempDir, { recursive: true })
  const config = {
    image: 'docker.io/keptnexamples/carts',
    tag,
    service: 'carts',
    project: 'sockshop',
    stage: 'staging',
    configBranch: 'config',
    configRepo: 'config.git', // relative: resolved against the workspace
    workspace: box.root,
    author: { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' },
    runUrl: 'https://github.com/o/r/actions/runs/42',
    ...overrides
  } as ActionConfig
  const plan = { project: 'sockshop', stage: 'staging' } as StagePlan
  const log = { info: (m: string) => lines.push(m), warning: (m: string) => lines.push(m), debug: () => {} }
  return { config, plan, tempDir, log, results: {}, lines }
}

describe('commitStep', () => {
  const repo = box.bare('config.git')

  it('commits the image and leaves the values file for helm in the run’s temp dir', async () => {
    const ctx = context('0.8.1')
    const result = await commitStep(ctx)
    expect(result).toEqual({
      sha: commits(repo)[0],
      changed: true,
      previous: undefined,
      valuesFile: join(ctx.tempDir, 'config', 'sockshop/staging/carts/values.yaml')
    })
    expect(readFileSync(result.valuesFile, 'utf8')).toBe(
      'image:\n  repository: docker.io/keptnexamples/carts\n  tag: 0.8.1\n'
    )
    expect(subjects(repo)).toEqual(['[carts-deploy] carts:0.8.1 -> sockshop/staging'])
    expect(ctx.lines[0]).toMatch(
      /^Committed carts:0.8.1 -> sockshop\/staging to branch 'config' at [0-9a-f]{12}$/
    )
  })

  it('reports the previous image, and makes no commit when the stage already has the image', async () => {
    const next = await commitStep(context('0.8.2'))
    expect(next).toMatchObject({
      changed: true,
      previous: { repository: 'docker.io/keptnexamples/carts', tag: '0.8.1' }
    })
    const ctx = context('0.8.2')
    const again = await commitStep(ctx)
    expect(again).toMatchObject({ changed: false, sha: next.sha })
    expect(readFileSync(again.valuesFile, 'utf8')).toContain('tag: 0.8.2')
    expect(ctx.lines[0]).toContain('already the desired state')
  })

  it('gives the token only to an http(s) remote', () => {
    const local = configTarget(context('x', { githubToken: 'T' }).config)
    expect(local).toMatchObject({ repo: join(box.root, 'config.git'), auth: undefined })
    const https = configTarget(
      context('y', { githubToken: 'T', configRepo: 'https://github.com/o/r' }).config
    )
    expect(https).toMatchObject({ repo: 'https://github.com/o/r', auth: { token: 'T' } })
  })
})
