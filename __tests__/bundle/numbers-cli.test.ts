/** Issue 12, class 6: `evaluate` refuses non-finite numbers in slo.yaml with the file and line; never a NaN score. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { cliEntry } from '../helpers/cli.js'

const dir = mkdtempSync(path.join(tmpdir(), 'numbers-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
writeFileSync(path.join(dir, 'values.json'), '{"a": 0.5, "b": 0.5}\n')

function evaluate(slo: string, extra: string[] = []) {
  writeFileSync(path.join(dir, 'slo.yaml'), slo)
  return spawnSync(
    'node',
    [cliEntry().path, 'evaluate', '--values', 'values.json', '--slo', 'slo.yaml', ...extra],
    { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }
  )
}

const objective = (sli: string, weight: string) =>
  `  - sli: ${sli}\n    weight: ${weight}\n    pass: [{criteria: ["<1"]}]\n`

describe('evaluate --values --slo with numbers that are not finite', () => {
  it.each([
    ['.inf', `objectives:\n${objective('a', '.inf')}${objective('b', '1')}`, 3],
    ['.nan', `objectives:\n${objective('a', '1')}${objective('b', '.nan')}`, 6],
    ['1e308', `objectives:\n${objective('a', '1e308')}${objective('b', '1e308')}`, 3],
    ['1e999', `objectives:\n${objective('a', '1e999')}`, 3],
    [
      'a criterion of 400 digits',
      `objectives:\n  - sli: a\n    pass: [{criteria: ["<${'9'.repeat(400)}"]}]\n`,
      3
    ]
  ])('%s: exit 2 with one line naming slo.yaml and the line', (_, slo, line) => {
    const out = evaluate(slo)
    expect(out.status).toBe(2)
    expect(out.stdout).toBe('')
    const lines = out.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`slo\\.yaml:${line}: `))
    expect(lines[0]!.length).toBeLessThan(300)
  })

  it('finite weights, every objective passed: PASS with a number for a score', () => {
    const out = evaluate(`objectives:\n${objective('a', '1e300')}${objective('b', '2')}`, ['--json'])
    expect(out.status).toBe(0)
    const evaluation = JSON.parse(out.stdout) as { result: string; score: number }
    expect(evaluation).toMatchObject({ result: 'pass', score: 100 })
    expect(out.stdout).not.toContain('NaN')
  })
})
