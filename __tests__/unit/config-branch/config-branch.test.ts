import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import {
  appendEvaluation,
  getImage,
  readDeployment,
  readEvaluations,
  recordDeployment,
  recordRollback,
  setImage,
  type BranchTarget
} from '../../../src/config-branch/config-branch.js'
import { README_TEXT } from '../../../src/config-branch/layout.js'
import { InputError } from '../../../src/contracts/errors.js'
import { commits, files, git, parentOf, reflog, sandbox, show, subjects } from '../../helpers/repos.js'

// Real git processes: slow when the machine is busy.
jest.setTimeout(60_000)

const box = sandbox()
afterAll(() => box.cleanup())

const carts = { project: 'sockshop', stage: 'dev', service: 'carts' }
const image = { repository: 'docker.io/keptnexamples/carts', tag: '0.8.1' }
const fast = { baseDelayMs: 5, maxDelayMs: 20 }

function target(repo: string, extra: Partial<BranchTarget> = {}): BranchTarget {
  return { repo, branch: 'config', ...extra }
}

describe('a new branch', () => {
  it('is created as an orphan holding the README and the values file, in one commit', async () => {
    const repo = box.bare('new.git')
    const result = await setImage(
      target(repo, { runUrl: 'https://github.com/o/r/actions/runs/7' }),
      carts,
      image
    )
    expect(result).toMatchObject({ changed: true, attempts: 1, previous: undefined })
    expect(commits(repo)).toEqual([result.sha])
    expect(files(repo)).toEqual(['README.md', 'sockshop/dev/carts/values.yaml'])
    expect(show(repo, 'config:README.md')).toBe(README_TEXT.trim())
    expect(show(repo, 'config:sockshop/dev/carts/values.yaml')).toBe(
      'image:\n  repository: docker.io/keptnexamples/carts\n  tag: 0.8.1'
    )
    const message = git(['--git-dir', repo, 'log', '-1', '--format=%an <%ae>%n%B', 'config'])
    expect(message).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\n' +
        '[carts-deploy] carts:0.8.1 -> sockshop/dev\n\nWorkflow-Run: https://github.com/o/r/actions/runs/7'
    )
  })

  it('exists beside other branches of a repository that has history', async () => {
    const repo = box.bare('other.git')
    const work = join(box.root, 'work')
    git(['clone', '--quiet', repo, work])
    writeFileSync(join(work, 'app.txt'), 'app\n')
    git(['add', 'app.txt'], work)
    git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-m', 'app'], work)
    git(['push', '--quiet', 'origin', 'HEAD:main'], work)
    const result = await setImage(target(repo), carts, image)
    expect(commits(repo)).toEqual([result.sha])
    expect(commits(repo, 'main')).toHaveLength(1)
  })
})

describe('an existing branch', () => {
  const repo = box.bare('existing.git')
  let first: string
  beforeAll(async () => {
    first = (await setImage(target(repo), carts, image)).sha ?? ''
  })

  it('gets one commit on top, with the previous image reported', async () => {
    const next = { ...image, tag: '0.8.2' }
    const result = await setImage(
      target(repo, { author: { name: 'Ada', email: 'ada@example.com' } }),
      carts,
      next
    )
    expect(result).toMatchObject({ changed: true, previous: image })
    expect(commits(repo)).toEqual([result.sha, first])
    expect(git(['--git-dir', repo, 'log', '-1', '--format=%an <%ae>', 'config'])).toBe(
      'Ada <ada@example.com>'
    )
    expect(await getImage(target(repo), carts)).toEqual({ sha: result.sha, image: next })
  })

  it('makes no commit for the image it already has, and reports the branch tip', async () => {
    const before = commits(repo)
    const again = await setImage(target(repo), carts, { ...image, tag: '0.8.2' })
    expect(again).toMatchObject({ changed: false, sha: before[0], previous: { ...image, tag: '0.8.2' } })
    expect(commits(repo)).toEqual(before)
  })

  it('keeps the keys, comments and order people added', async () => {
    const work = join(box.root, 'edit')
    git(['clone', '--quiet', '--branch', 'config', repo, work])
    const custom =
      '# carts in dev\nreplicaCount: 2 # two\nimage:\n  # where from\n  repository: docker.io/keptnexamples/carts\n' +
      "  tag: '0.8.2' # pinned\n  pullPolicy: Always\nresources: {limits: {cpu: 500m}}\nenv: [A, B]\n"
    writeFileSync(join(work, 'sockshop/dev/carts/values.yaml'), custom)
    git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-am', 'tune'], work)
    git(['push', '--quiet', 'origin', 'config'], work)
    await setImage(target(repo), carts, { ...image, tag: '0.9.0' })
    expect(show(repo, 'config:sockshop/dev/carts/values.yaml') + '\n').toBe(
      custom.replace("'0.8.2'", "'0.9.0'")
    )
  })
})

describe('records beside the values file', () => {
  const repo = box.bare('records.git')

  it('keeps the last deployment', async () => {
    const record = { image, result: 'deployed', time: '2026-11-27T05:00:00Z', runUrl: 'https://x/runs/1' }
    await recordDeployment(target(repo), carts, record)
    expect(await readDeployment(target(repo), carts)).toEqual(record)
    expect(subjects(repo)[0]).toBe('[carts-deploy] deployment carts:0.8.1 -> sockshop/dev: deployed')
    const same = await recordDeployment(target(repo), carts, record)
    expect(same.changed).toBe(false)
  })

  it('keeps the evaluation history newest first, capped', async () => {
    for (const score of [1, 2, 3])
      await appendEvaluation(target(repo), carts, { score }, { cap: 2, summary: 'pass' })
    expect(await readEvaluations(target(repo), carts)).toEqual([{ score: 3 }, { score: 2 }])
    expect(await readEvaluations(target(repo), { ...carts, stage: 'prod' })).toEqual([])
    expect(subjects(repo)[0]).toBe('[carts-deploy] evaluation carts in sockshop/dev: pass')
  })

  it('rolls back with a commit that says why, only while the stage still has the failed image', async () => {
    const bad = { ...image, tag: '0.9.0' }
    await setImage(target(repo), carts, image)
    await setImage(target(repo), carts, bad)
    const rollback = { from: bad, to: image, reason: 'Quality gate failed: response time p95 612ms > 500ms' }
    const result = await recordRollback(target(repo), carts, rollback)
    expect(result.changed).toBe(true)
    expect((await getImage(target(repo), carts)).image).toEqual(image)
    expect(git(['--git-dir', repo, 'log', '-1', '--format=%B', 'config'])).toBe(
      '[carts-deploy] rollback carts:0.8.1 -> sockshop/dev (was 0.9.0)\n\n' + rollback.reason
    )
    expect((await recordRollback(target(repo), carts, rollback)).changed).toBe(false)
  })
})

describe('names that could escape the layout', () => {
  const marker = join(box.root, 'git-ran')
  const fakeBin = join(box.root, 'fake-bin')
  const realPath = process.env.PATH
  beforeAll(() => {
    mkdirSync(fakeBin)
    writeFileSync(join(fakeBin, 'git'), `#!/bin/sh\ntouch '${marker}'\nexit 1\n`)
    chmodSync(join(fakeBin, 'git'), 0o755)
    process.env.PATH = `${fakeBin}:${realPath}`
  })
  afterAll(() => {
    process.env.PATH = realPath
  })

  const repo = join(box.root, 'never-created.git')
  it.each([
    ['project', { ...carts, project: '..' }],
    ['stage', { ...carts, stage: '../../etc' }],
    ['stage', { ...carts, stage: '/etc' }],
    ['service', { ...carts, service: 'a/b' }],
    ['service', { ...carts, service: 'carts\nM 100644 inline x' }],
    ['service', { ...carts, service: 'Carts' }]
  ])('refuses a bad %s before git runs', async (input, key) => {
    await expect(setImage(target(repo), key, image)).rejects.toMatchObject({ name: 'InputError', input })
    expect(existsSync(marker)).toBe(false)
  })

  it.each([
    ['tag', { ...image, tag: '../1' }],
    ['tag', { ...image, tag: '1\n2' }],
    ['image', { ...image, repository: '/abs/carts' }],
    ['image', { ...image, repository: 'docker.io/x/carts:1' }]
  ])('refuses a bad %s before git runs', async (input, bad) => {
    await expect(setImage(target(repo), carts, bad)).rejects.toMatchObject({ name: 'InputError', input })
    expect(existsSync(marker)).toBe(false)
  })

  it.each([
    ['branch', target(repo, { branch: '../x' })],
    ['branch', target(repo, { branch: '-x' })],
    ['repo', target('ext::sh -c touch% /tmp/pwned')],
    ['repo', target('https://user:secret@github.com/o/r')],
    ['repo', target('--upload-pack=touch /tmp/pwned')],
    ['author name', target(repo, { author: { name: 'a>\ncommitter x', email: 'a@b' } })]
  ])('refuses a bad %s before git runs', async (input, bad) => {
    await expect(setImage(bad, carts, image, fast)).rejects.toBeInstanceOf(InputError)
    await expect(setImage(bad, carts, image, fast)).rejects.toMatchObject({ input })
    expect(existsSync(marker)).toBe(false)
    expect(existsSync(repo)).toBe(false)
  })
})

describe('history', () => {
  it('is never rewritten: every update of the branch is a fast-forward by one commit', async () => {
    const repo = box.bare('linear.git')
    for (const tag of ['1', '2', '2', '3']) await setImage(target(repo), carts, { ...image, tag })
    const updates = reflog(repo)
    expect(updates).toHaveLength(3)
    for (const [old, next] of updates) expect(parentOf(repo, next)).toBe(old)
  })
})
