import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import {
  BranchUpdateError,
  DEFAULT_PUSH_DEADLINE_MS,
  PUSH_DEADLINE_ENV,
  pushDeadlineMs,
  getImage,
  setImage,
  updateBranch
} from '../../../src/config-branch/config-branch.js'
import { InputError } from '../../../src/contracts/errors.js'
import { commits, files, git, reflog, sandbox, show } from '../../helpers/repos.js'

// Real git processes: slow when the machine is busy.
jest.setTimeout(60_000)

const box = sandbox()
afterAll(() => box.cleanup())

const image = { repository: 'docker.io/keptnexamples/carts', tag: '1.0.0' }
const fast = { baseDelayMs: 5, maxDelayMs: 50 }
let competitors = 0

/** Another writer that pushes a commit to the branch while our update is between its read and its push. */
function competingPush(repo: string, path: string): void {
  const work = join(box.root, `competitor-${++competitors}`)
  git(['clone', '--quiet', '--branch', 'config', repo, work])
  mkdirSync(dirname(join(work, path)), { recursive: true })
  writeFileSync(join(work, path), `written by competitor ${competitors}\n`)
  git(['add', path], work)
  git(
    ['-c', 'user.name=c', '-c', 'user.email=c@c', 'commit', '--quiet', '-m', `competitor ${competitors}`],
    work
  )
  git(['push', '--quiet', 'origin', 'config'], work)
}

describe('a push rejected because the branch moved', () => {
  it('is retried on the new tip, keeping the other writer’s commit', async () => {
    const repo = box.bare('moved.git')
    await setImage({ repo, branch: 'config' }, { project: 'p', stage: 'dev', service: 'a' }, image)
    let calls = 0
    const result = await updateBranch(
      { repo, branch: 'config' },
      {
        reads: ['p/dev/b/values.yaml'],
        mutate: () => {
          if (calls++ === 0) competingPush(repo, 'p/dev/other/notes.txt')
          return { 'p/dev/b/values.yaml': 'image: {repository: x, tag: "1"}\n' }
        },
        message: 'mine'
      },
      fast
    )
    expect(result).toMatchObject({ changed: true, attempts: 2 })
    expect(commits(repo)).toHaveLength(3)
    expect(files(repo)).toEqual([
      'README.md',
      'p/dev/a/values.yaml',
      'p/dev/b/values.yaml',
      'p/dev/other/notes.txt'
    ])
    expect(show(repo, 'config~1:p/dev/other/notes.txt')).toBe('written by competitor 1')
  })

  it('retries by time, not by a count: past 10 rejections, then gives up at the deadline saying how long', async () => {
    const repo = box.bare('deadline.git')
    await setImage({ repo, branch: 'config' }, { project: 'p', stage: 'dev', service: 'a' }, image)
    const update = {
      reads: [],
      mutate: () => {
        competingPush(repo, 'p/dev/busy.txt')
        return { 'p/dev/mine.txt': 'mine\n' }
      },
      message: 'mine'
    }
    const started = Date.now()
    const attempt = updateBranch({ repo, branch: 'config' }, update, {
      baseDelayMs: 1,
      maxDelayMs: 2,
      deadlineMs: 4_000
    })
    const error = (await attempt.catch((e: unknown) => e)) as BranchUpdateError
    const elapsed = Date.now() - started
    expect(error).toBeInstanceOf(BranchUpdateError)
    expect(error.attempts).toBeGreaterThan(10)
    expect(error.message).toMatch(
      /branch 'config' of .*deadline\.git: the push was rejected \d+ times over [0-9.]+ s because other runs/
    )
    expect(error.message.split('\n')).toHaveLength(1)
    expect(error.elapsedMs).toBeGreaterThanOrEqual(3_000)
    expect(elapsed).toBeGreaterThanOrEqual(3_000)
    expect(elapsed).toBeLessThan(30_000)
    expect(files(repo)).not.toContain('p/dev/mine.txt') // nothing overwritten
  })
})

describe('the retry deadline', () => {
  const saved = process.env[PUSH_DEADLINE_ENV]
  afterAll(() => {
    if (saved === undefined) delete process.env[PUSH_DEADLINE_ENV]
    else process.env[PUSH_DEADLINE_ENV] = saved
  })

  it('is 120 s by default, the option first, else the environment variable in seconds', () => {
    delete process.env[PUSH_DEADLINE_ENV]
    expect(pushDeadlineMs()).toBe(120_000)
    expect(DEFAULT_PUSH_DEADLINE_MS).toBe(120_000)
    process.env[PUSH_DEADLINE_ENV] = '2.5'
    expect(pushDeadlineMs()).toBe(2_500)
    expect(pushDeadlineMs({ deadlineMs: 10 })).toBe(10)
    for (const bad of ['0', '-1', 'abc', 'Infinity', '1e9']) {
      process.env[PUSH_DEADLINE_ENV] = bad
      expect(() => pushDeadlineMs()).toThrow(InputError)
    }
    delete process.env[PUSH_DEADLINE_ENV]
  })
})

describe('many writers in one process', () => {
  it('all land, one commit each, on a branch that did not exist', async () => {
    const repo = box.bare('many.git')
    const services = ['a', 'b', 'c', 'd', 'e', 'f']
    const results = await Promise.all(
      services.map(service =>
        setImage({ repo, branch: 'config' }, { project: 'p', stage: 'dev', service }, image)
      )
    )
    expect(results.every(r => r.changed)).toBe(true)
    expect(new Set(results.map(r => r.sha))).toEqual(new Set(commits(repo)))
    expect(reflog(repo)).toHaveLength(services.length)
    for (const service of services) {
      expect(
        (await getImage({ repo, branch: 'config' }, { project: 'p', stage: 'dev', service })).image
      ).toEqual(image)
    }
  })
})
