/** Issue 12, classes 5 and 7: path inputs by their real path inside the workspace; the fail-on-unscored input. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { InputError } from '../../../src/contracts/errors.js'
import { pathInWorkspace } from '../../../src/contracts/names.js'
import { buildConfig, type RawInputs } from '../../../src/inputs/build-config.js'

const root = mkdtempSync(path.join(tmpdir(), 'paths-realpath-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const ws = path.join(root, 'ws')
const outside = path.join(root, 'outside')
mkdirSync(ws)
mkdirSync(outside)
writeFileSync(path.join(ws, 'slo.yaml'), 'objectives: []\n')
writeFileSync(path.join(outside, 'secret.yaml'), 'x: 1\n')
symlinkSync('/proc/self/environ', path.join(ws, 'environ.yaml'))
symlinkSync('/etc/shadow', path.join(ws, 'shadow.yaml'))
symlinkSync('/etc', path.join(ws, 'etc'))
symlinkSync(path.join(outside, 'secret.yaml'), path.join(ws, 'sibling.yaml'))
symlinkSync('slo.yaml', path.join(ws, 'inside-link.yaml'))
symlinkSync(path.join(root, 'nowhere'), path.join(ws, 'dangling.yaml'))
symlinkSync(outside, path.join(ws, 'out-dir'))
// The workspace itself reached through a symlink: its real path is what paths are compared with.
symlinkSync(ws, path.join(root, 'ws-link'))

const env = { workspace: ws, repository: 'org/app' }
const build = (raw: RawInputs, workspace = ws) =>
  buildConfig({ tag: '0.8.1', stage: 'dev', ...raw }, { ...env, workspace })

function inputError(work: () => unknown): InputError {
  try {
    work()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('accepted')
}

describe('path inputs by their real path', () => {
  it.each([
    ['slo', 'environ.yaml'],
    ['slo', 'shadow.yaml'],
    ['slo', 'etc/shadow'],
    ['slo', 'sibling.yaml'],
    ['shipyard', 'shadow.yaml'],
    ['sli-values', 'environ.yaml'],
    ['jmeter-dir', 'out-dir'],
    ['chart', 'out-dir'],
    ['chart', 'out-dir/not-yet-there'],
    ['config-repo', './out-dir/config.git']
  ])('%s: %s leads outside the workspace and is refused in one line naming the input', (input, value) => {
    const error = inputError(() => build({ [input]: value }))
    expect(error.input).toBe(input)
    expect(error.message).toMatch(new RegExp(`^Input '${input}': expected a path inside the workspace`))
    expect(error.message).toContain('symlinks followed')
    expect(error.message).not.toContain('\n')
  })

  it('a symlink that stays inside is resolved to its real path', () => {
    const real = realpathSync(path.join(ws, 'slo.yaml'))
    expect(build({ slo: 'inside-link.yaml' }).gate).toEqual({ kind: 'slo', file: real })
    expect(pathInWorkspace('slo', 'inside-link.yaml', ws)).toBe(real)
  })

  it('a path that does not exist yet is checked through its deepest existing folder', () => {
    expect(build({ chart: 'charts/carts' }).chartDir).toBe(path.join(realpathSync(ws), 'charts/carts'))
    expect(build({ 'config-repo': './config.git' }).configRepo).toBe(
      path.join(realpathSync(ws), 'config.git')
    )
  })

  it('a dangling symlink is refused (it could point anywhere later)', () => {
    expect(inputError(() => build({ slo: 'dangling.yaml' })).message).toMatch(
      /^Input 'slo': expected a path that can be resolved \(ENOENT\)/
    )
  })

  it('a workspace reached through a symlink still works: both sides are compared by real path', () => {
    const viaLink = path.join(root, 'ws-link')
    expect(build({ slo: 'slo.yaml' }, viaLink).gate).toEqual({
      kind: 'slo',
      file: realpathSync(path.join(ws, 'slo.yaml'))
    })
    expect(() => build({ slo: 'shadow.yaml' }, viaLink)).toThrow(InputError)
  })

  it('lexical escapes are still refused first', () => {
    expect(inputError(() => build({ slo: '../outside/secret.yaml' })).message).toMatch(
      /^Input 'slo': expected a path inside the workspace \(.*\), got "\.\.\/outside\/secret\.yaml"$/
    )
  })
})

describe('fail-on-unscored', () => {
  it("is false by default, true with 'true', and refuses anything else naming the input", () => {
    expect(build({}).failOnUnscored).toBe(false)
    expect(build({ 'fail-on-unscored': 'true' }).failOnUnscored).toBe(true)
    expect(build({ 'fail-on-unscored': 'false' }).failOnUnscored).toBe(false)
    expect(inputError(() => build({ 'fail-on-unscored': 'yes' })).message).toBe(
      'Input \'fail-on-unscored\': expected one of true, false, got "yes"'
    )
  })
})
