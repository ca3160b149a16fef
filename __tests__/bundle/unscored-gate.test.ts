/**
 * Issue 12, class 7: a gate that scored nothing keeps Keptn's result but says so in the log and the summary
 * headline; fail-on-unscored makes it fail. Through the CLI and through node dist/index.js (a quality-gate-only
 * stage: no cluster needed).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { cliEntry } from '../helpers/cli.js'
import { REPO } from '../helpers/paths.js'
import { runAction } from '../helpers/run-action.js'

const dir = mkdtempSync(path.join(tmpdir(), 'unscored-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const TERRIBLE = '{"error_rate": 100, "response_time_p95": 60000}\n'
const INFO_ONLY = 'objectives:\n  - sli: error_rate\n  - sli: response_time_p95\n'
const RELATIVE_ONLY = 'objectives:\n  - sli: error_rate\n    pass: [{criteria: ["<=+0"]}]\n'
writeFileSync(path.join(dir, 'values.json'), TERRIBLE)
writeFileSync(path.join(dir, 'info.yaml'), INFO_ONLY)
writeFileSync(path.join(dir, 'relative.yaml'), RELATIVE_ONLY)

const evaluate = (args: string[]) =>
  spawnSync('node', [cliEntry().path, 'evaluate', '--values', 'values.json', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' }
  })

describe('evaluate on the command line', () => {
  it.each([
    ['info.yaml', /2 objectives have no pass criteria/],
    ['relative.yaml', /1 objective has only relative criteria and there is no baseline yet/]
  ])('%s: PASS as Keptn says, and the first line says the gate scored nothing', (slo, why) => {
    const out = evaluate(['--slo', slo])
    expect(out.status).toBe(0)
    const first = out.stdout.split('\n')[0]!
    expect(first).toMatch(/^Quality gate: PASS \(score 100%\) — but the gate scored nothing: /)
    expect(first).toMatch(why)
  })

  it('--fail-on-unscored: FAIL, exit 1, the reason first', () => {
    const out = evaluate(['--slo', 'info.yaml', '--fail-on-unscored', '--json'])
    expect(out.status).toBe(1)
    const e = JSON.parse(out.stdout) as { result: string; reasons: string[] }
    expect(e.result).toBe('fail')
    expect(e.reasons[0]).toMatch(/^the gate scored nothing: .*\(fail-on-unscored is true\)$/)
  })

  it('--fail-on-unscored leaves a scored gate alone', () => {
    writeFileSync(
      path.join(dir, 'fixed.yaml'),
      'objectives:\n  - sli: error_rate\n    pass: [{criteria: ["<101"]}]\n'
    )
    const out = evaluate(['--slo', 'fixed.yaml', '--fail-on-unscored'])
    expect(out.status).toBe(0)
    expect(out.stdout).not.toMatch(/scored nothing/)
  })
})

describe('node dist/index.js on a quality-gate-only stage', () => {
  function stage(name: string, inputs: Record<string, string>) {
    const ws = path.join(dir, name)
    mkdirSync(ws)
    execFileSync('git', ['init', '--quiet', '--bare', path.join(ws, 'config.git')])
    copyFileSync(
      path.join(REPO, '__tests__/fixtures/keptn/shipyard-0.2-quality-gates-only.yaml'),
      path.join(ws, 'shipyard.yaml')
    )
    writeFileSync(path.join(ws, 'slo.yaml'), INFO_ONLY)
    writeFileSync(path.join(ws, 'values.json'), TERRIBLE)
    return runAction(
      {
        tag: '0.8.1',
        stage: 'hardening',
        shipyard: 'shipyard.yaml',
        'config-repo': './config.git',
        slo: 'slo.yaml',
        'sli-values': 'values.json',
        ...inputs
      },
      { GITHUB_WORKSPACE: ws }
    )
  }

  it('by default: passes as Keptn does, and the log and the summary headline say it scored nothing', () => {
    const run = stage('default', {})
    expect(run.status).toBe(0)
    expect(run.outputs.result).toBe('pass')
    expect(run.stdout).toMatch(
      /::warning::Quality gate: the gate scored nothing: 2 objectives have no pass criteria/
    )
    expect(run.stdout).toMatch(/Quality gate pass, but the gate scored nothing/)
    expect(run.summary.split('\n')[2]).toMatch(/^\*\*Quality gate pass, but the gate scored nothing: .*\*\*$/)
  })

  it("fail-on-unscored: 'true' fails the gate and the job, saying why", () => {
    const run = stage('fail', { 'fail-on-unscored': 'true' })
    expect(run.status).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.outputs.promote).toBe('false')
    expect(run.summary.split('\n')[2]).toMatch(
      /^\*\*Quality gate failed \(the gate scored nothing: .*\): rolled back\*\*$/
    )
    expect(run.stdout).toMatch(/::error::.*the gate scored nothing/)
  })
})
