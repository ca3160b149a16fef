/**
 * The matrix example workflow (hold, load jobs, gate on their results): it passes the real actionlint, and
 * the README shows it as it is.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { REPO } from '../../helpers/paths.js'

const FILE = path.join(REPO, 'examples/workflows/matrix-load.yml')
const actionlint = execFileSync('bash', [path.join(REPO, 'scripts/actionlint.sh')], {
  encoding: 'utf8'
}).trim()

interface Step {
  uses?: string
  with?: Record<string, string | boolean>
}

describe('examples/workflows/matrix-load.yml', () => {
  it('passes actionlint', () => {
    expect(execFileSync(actionlint, ['-no-color', FILE], { encoding: 'utf8' })).toBe('')
  })

  it('holds, loads from a matrix uploading artifacts, and gates on their folder', () => {
    const jobs = (
      parse(readFileSync(FILE, 'utf8')) as { jobs: Record<string, { needs?: string[]; steps: Step[] }> }
    ).jobs
    const action = (job: string) => jobs[job]!.steps.find(s => s.uses?.includes('carts-deploy-action'))!.with!
    expect(action('deploy')).toMatchObject({ hold: true })
    expect(jobs.load!.steps.some(s => s.uses === 'actions/upload-artifact@v4')).toBe(true)
    const download = jobs.gate!.steps.find(s => s.uses === 'actions/download-artifact@v4')!
    expect(action('gate')).toMatchObject({ results: download.with!.path })
    expect(jobs.gate!.needs).toEqual(['deploy', 'load'])
  })

  it('is in the README as it is', () => {
    const text = readFileSync(FILE, 'utf8')
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8')
    const shown = /<!-- matrix-load:start -->\n```yaml\n([\s\S]*?)```\n<!-- matrix-load:end -->/.exec(readme)
    expect(shown?.[1]).toBe(text.slice(text.indexOf('name: ')))
  })
})
