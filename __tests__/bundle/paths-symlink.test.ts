/**
 * Issue 12, class 5: a committed symlink (slo.yaml -> /proc/self/environ, -> /etc/shadow) gives one line that
 * names the input or the file, and none of the target's content: through node dist/index.js as the runner runs
 * it, and through the CLI's `evaluate --slo`.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { cliEntry } from '../helpers/cli.js'
import { runAction } from '../helpers/run-action.js'

const root = mkdtempSync(path.join(tmpdir(), 'paths-symlink-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** A marker in the action's environment: /proc/self/environ of the action holds it. */
const MARKER = 'paths-symlink-marker-7f3a9c'
const TOKEN = 'ghs_pathsSymlinkTokenNeverPrinted0123'
const shadowFirstLine = (() => {
  try {
    return readFileSync('/etc/shadow', 'utf8').split('\n')[0] ?? ''
  } catch {
    return ''
  }
})()

function workspace(name: string, links: Record<string, string>): string {
  const ws = path.join(root, name)
  mkdirSync(ws, { recursive: true })
  writeFileSync(path.join(ws, 'values.json'), '{"error_rate": 0}\n')
  for (const [file, target] of Object.entries(links)) symlinkSync(target, path.join(ws, file))
  return ws
}

/** The runner's mask command carries the token by design: everything else must not. */
function expectNoContent(output: string): void {
  const text = output
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  expect(text).not.toContain(MARKER)
  expect(text).not.toContain(TOKEN)
  expect(text).not.toContain('PATH=')
  if (shadowFirstLine) {
    expect(text).not.toContain(shadowFirstLine.slice(0, 12))
    expect(text).not.toContain(`${shadowFirstLine.split(':')[0]}:`)
  }
}

const errorLines = (stdout: string) => stdout.split('\n').filter(line => line.startsWith('::error'))

describe('node dist/index.js with a committed symlink', () => {
  it.each([
    ['slo', 'slo.yaml', '/proc/self/environ'],
    ['slo', 'slo.yaml', '/etc/shadow'],
    ['shipyard', 'shipyard.yaml', '/etc/shadow'],
    ['sli-values', 'values-link.json', '/proc/self/environ'],
    ['slo', 'etc/shadow', '/etc']
  ])(
    '%s: %s -> %s is refused in one line naming the input, with none of its content',
    (input, file, target) => {
      const link = file.includes('/') ? file.split('/')[0]! : file
      const ws = workspace(`action-${input}-${link}-${target.replace(/\//g, '_')}`, { [link]: target })
      const run = runAction(
        { tag: '0.8.1', stage: 'dev', 'config-repo': './config.git', [input]: file, 'github-token': TOKEN },
        { GITHUB_WORKSPACE: ws, PATHS_SYMLINK_MARKER: MARKER }
      )
      expect(run.status).toBe(1)
      const lines = errorLines(run.stdout)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(
        new RegExp(
          `^::error::Input '${input}': expected a path inside the workspace .*symlinks followed, it leads to`
        )
      )
      expectNoContent(run.stdout + run.stderr + run.summary)
      expect(run.stdout).not.toContain('::group::')
    }
  )
})

describe('the CLI: evaluate --slo with a symlink', () => {
  const cli = (args: string[], cwd: string) =>
    spawnSync('node', [cliEntry().path, 'evaluate', ...args], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', PATHS_SYMLINK_MARKER: MARKER, GITHUB_TOKEN: TOKEN }
    })

  it.each([
    ['/proc/self/environ', /slo\.yaml: is not a regular file \(it leads to \/proc\/\d+\/environ\)$/],
    ['/etc/shadow', /slo\.yaml(:\d+)?: (is not valid here; its text is not quoted|cannot be read)/]
  ])('slo.yaml -> %s: exit 2, one line, none of its content', (target, expected) => {
    const ws = workspace(`cli-${target.replace(/\//g, '_')}`, { 'slo.yaml': target })
    const out = cli(['--values', 'values.json', '--slo', 'slo.yaml'], ws)
    expect(out.status).toBe(2)
    const lines = out.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(expected)
    expect(out.stdout).toBe('')
    expectNoContent(out.stdout + out.stderr)
  })

  it('--values -> /etc/shadow: exit 2, one line, none of its content', () => {
    const ws = workspace('cli-values-shadow', { 'v.json': '/etc/shadow' })
    writeFileSync(
      path.join(ws, 'slo.yaml'),
      'objectives:\n  - sli: error_rate\n    pass: [{criteria: ["<1"]}]\n'
    )
    const out = cli(['--values', 'v.json', '--slo', 'slo.yaml'], ws)
    expect(out.status).toBe(2)
    expect(out.stderr.trim().split('\n')).toHaveLength(1)
    expectNoContent(out.stdout + out.stderr)
  })
})
