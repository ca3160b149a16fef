import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { configTarget } from '../../../src/config-branch/target.js'
import type { ActionConfig } from '../../../src/contracts/config.js'
import { commitStep } from '../../../src/stages/commit.js'
import { testContext, type TestContext } from '../../helpers/context.js'
import { commits, sandbox, show, subjects } from '../../helpers/repos.js'

// Real git processes: slow when the machine is busy.
jest.setTimeout(60_000)

const box = sandbox()
afterAll(() => box.cleanup())

function context(tag: string, overrides: Partial<ActionConfig> = {}): TestContext {
  const tempDir = join(box.root, `run-${tag}`)
  mkdirSync(tempDir, { recursive: true })
  return testContext({
    tempDir,
    // configRepo is relative: resolved against the workspace
    config: {
      tag,
      configRepo: 'config.git',
      workspace: box.root,
      runUrl: 'https://github.com/o/r/actions/runs/42',
      ...overrides
    },
    // A quality-gate-only stage: the chart and cluster checks before a deploying stage's commit are below.
    plan: { deploymentStrategy: undefined }
  })
}

describe('commitStep', () => {
  const repo = box.bare('config.git')

  it('commits the image and leaves the values file for helm in the run’s temp dir', async () => {
    const ctx = context('0.8.1')
    const result = (await commitStep.run(ctx))!
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
    const next = (await commitStep.run(context('0.8.2')))!
    expect(next).toMatchObject({
      changed: true,
      previous: { repository: 'docker.io/keptnexamples/carts', tag: '0.8.1' }
    })
    const ctx = context('0.8.2')
    const again = (await commitStep.run(ctx))!
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

  it('commits nothing for a deploying stage whose chart is not there', async () => {
    const before = commits(repo)
    const ctx = testContext({
      tempDir: join(box.root, 'run-nochart'),
      config: {
        tag: '0.9.9',
        configRepo: 'config.git',
        workspace: box.root,
        chartDir: join(box.root, 'nope')
      },
      plan: { deploymentStrategy: 'direct' }
    })
    await expect(commitStep.run(ctx)).rejects.toThrow(`chart not found at ${join(box.root, 'nope')}`)
    expect(commits(repo)).toEqual(before)
  })

  it("writes a new stage's image in the shape the chart's values.yaml uses (one string, as Keptn's charts)", async () => {
    const chart = join(box.root, 'keptn-chart')
    mkdirSync(chart, { recursive: true })
    writeFileSync(join(chart, 'values.yaml'), 'image: docker.io/keptnexamples/carts:0.6.0\nreplicaCount: 1\n')
    const ctx = context('0.8.1', {
      chartDir: chart,
      project: 'keptn',
      image: 'docker.io/keptnexamples/carts'
    })
    const result = (await commitStep.run(ctx))!
    expect(readFileSync(result.valuesFile, 'utf8')).toBe('image: docker.io/keptnexamples/carts:0.8.1\n')
    const { project, stage, service } = ctx.key
    expect(show(repo, `config:${project}/${stage}/${service}/values.yaml`)).toBe(
      'image: docker.io/keptnexamples/carts:0.8.1'
    )
  })
})
