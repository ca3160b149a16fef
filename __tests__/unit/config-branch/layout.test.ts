import { posix } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { backoffMs, commitMessage, resolveRepo } from '../../../src/config-branch/branch-update.js'
import {
  checkImage,
  checkName,
  deploymentPath,
  evaluationsPath,
  README_TEXT,
  valuesPath
} from '../../../src/config-branch/layout.js'
import { checkBranch, checkRepo } from '../../../src/contracts/names.js'

const key = { project: 'sockshop', stage: 'dev', service: 'carts' }

describe('paths on the branch', () => {
  it('are <project>/<stage>/<service>/<file>', () => {
    expect(valuesPath(key)).toBe('sockshop/dev/carts/values.yaml')
    expect(deploymentPath(key)).toBe('sockshop/dev/carts/deployment.json')
    expect(evaluationsPath(key)).toBe('sockshop/dev/carts/evaluations.json')
  })

  it('stay inside their directory for any name that is accepted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), name => {
        let path: string
        try {
          path = valuesPath({ ...key, service: name })
        } catch {
          return true
        }
        return (
          posix.normalize(path) === path && path.split('/').length === 4 && path.startsWith('sockshop/dev/')
        )
      }),
      { numRuns: 2000 }
    )
  })

  it('are explained by the README', () => {
    expect(README_TEXT).toContain('<project>/<stage>/<service>/values.yaml')
    expect(README_TEXT).toContain('evaluations.json')
  })
})

describe('names', () => {
  it.each(['carts', 'dev', 'a', 'carts-db', '0', 'a'.repeat(63)])('accepts %j', name => {
    expect(checkName('service', name)).toBe(name)
  })
  it.each(['', '..', '.', 'a/b', '/etc', 'Carts', '-a', 'a-', 'a\nb', 'a b', 'a'.repeat(64), 'a.b', 'ä'])(
    'refuses %j, naming the input',
    name => {
      expect(() => checkName('stage', name)).toThrow(/^Input 'stage': expected a Kubernetes DNS label/)
    }
  )
})

describe('images', () => {
  it.each([
    ['docker.io/keptnexamples/carts', '0.8.1'],
    ['localhost:5000/carts', 'latest'],
    ['carts', 'v1.2.3-rc.1_build'],
    ['ghcr.io/o/r/sub', 'sha-0123abc']
  ])('accepts %s:%s', (repository, tag) => {
    expect(checkImage({ repository, tag })).toEqual({ repository, tag })
  })
  it.each([
    ['tag', 'carts', '..'],
    ['tag', 'carts', '1..2'],
    ['tag', 'carts', '.1'],
    ['tag', 'carts', '1/2'],
    ['tag', 'carts', '1\n2'],
    ['tag', 'carts', ''],
    ['image', '/carts', '1'],
    ['image', 'docker.io/../carts', '1'],
    ['image', 'docker.io/x/carts:1', '1'],
    ['image', 'Docker.io/X/carts', '1'],
    ['image', 'carts\n', '1']
  ])('refuses a bad %s (%j:%j)', (input, repository, tag) => {
    expect(() => checkImage({ repository, tag })).toThrow(new RegExp(`^Input '${input}'`))
  })
})

describe('branches and remotes', () => {
  it.each(['config', 'deploy/config', 'config-v2', 'a.b'])('accepts branch %j', name => {
    expect(checkBranch('branch', name)).toBe(name)
  })
  it.each(['', '-f', '../x', 'a..b', '/a', 'a/', 'a.lock', 'a b', 'HEAD', 'a\nb', '.a', 'a/.b'])(
    'refuses branch %j',
    name => expect(() => checkBranch('branch', name)).toThrow(/^Input 'branch'/)
  )
  it.each([
    '/srv/r.git',
    '../r.git',
    'https://github.com/o/r.git',
    'file:///srv/r.git',
    'git@github.com:o/r.git'
  ])('accepts repo %j', repo => expect(checkRepo('repo', repo)).toBe(repo))
  it.each([
    ['ext::sh -c id', 'no remote helpers'],
    ['fd::3', 'no remote helpers'],
    ['--upload-pack=id', 'must not start with "-"'],
    ['https://x-access-token:ghs_x@github.com/o/r', 'no credentials'],
    ['https://ghs_x@github.com/o/r', 'no credentials'],
    ['ftp://host/r', 'unsupported scheme'],
    ['/srv/r.git\n', 'no control characters']
  ])('refuses repo %j (%s)', (repo, why) => {
    expect(() => checkRepo('repo', repo)).toThrow(why)
  })
  it('resolves local paths against a base, and leaves URLs alone', () => {
    expect(resolveRepo('cfg.git', '/work')).toBe('/work/cfg.git')
    expect(resolveRepo('https://github.com/o/r', '/work')).toBe('https://github.com/o/r')
    expect(resolveRepo('git@github.com:o/r.git', '/work')).toBe('git@github.com:o/r.git')
  })
})

describe('commits', () => {
  it('carry the workflow run as a trailer when it is known', () => {
    expect(commitMessage('[carts-deploy] carts:1 -> p/dev', 'https://github.com/o/r/actions/runs/1')).toBe(
      '[carts-deploy] carts:1 -> p/dev\n\nWorkflow-Run: https://github.com/o/r/actions/runs/1\n'
    )
    expect(commitMessage('[carts-deploy] carts:1 -> p/dev')).toBe('[carts-deploy] carts:1 -> p/dev\n')
  })

  it('retry after a random wait that grows and is capped', () => {
    expect(backoffMs(1, 100, 2000, () => 1)).toBe(100)
    expect(backoffMs(3, 100, 2000, () => 1)).toBe(400)
    expect(backoffMs(10, 100, 2000, () => 1)).toBe(2000)
    expect(backoffMs(10, 100, 2000, () => 0)).toBe(0)
  })
})
