/**
 * `carts-deploy workflow`: the delivery workflow of every shipyard the fixtures hold, checked by the real
 * actionlint, with each stage gated on the one before; and the repository's own delivery.yml is its output.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { loadShipyard, parseShipyard } from '../../../src/shipyard/shipyard.js'
import { deliveryWorkflow, jobId, type WorkflowOptions } from '../../../src/workflow/delivery-workflow.js'
import { DIST_CLI, REPO } from '../../helpers/paths.js'
import { tempDirs } from '../../helpers/temp-dirs.js'

const temp = tempDirs('carts-workflow-')
const FIXTURES = path.join(REPO, '__tests__/fixtures/keptn')
const actionlint = execFileSync('bash', [path.join(REPO, 'scripts/actionlint.sh')], {
  encoding: 'utf8'
}).trim()

/** What the repository's own delivery.yml is written with (its header says so too). */
const OWN: WorkflowOptions = {
  uses: './',
  chart: 'examples/carts/chart',
  jmeterDir: 'examples/carts/jmeter',
  slo: { staging: 'examples/carts/slo.yaml' },
  defaultImage: 'docker.io/keptnexamples/carts'
}

interface Job {
  needs?: string | string[]
  if?: string
  environment?: string | { name: string; url: string }
  outputs?: Record<string, string>
  steps: { uses?: string; with?: Record<string, string> }[]
}

function lint(text: string): string {
  const file = path.join(temp(), 'delivery.yml')
  writeFileSync(file, text)
  try {
    return execFileSync(actionlint, ['-no-color', file], { encoding: 'utf8' })
  } catch (error) {
    return String((error as { stdout: string }).stdout)
  }
}

const readable = readdirSync(FIXTURES)
  .filter(f => f.startsWith('shipyard-'))
  .filter(f => {
    try {
      parseShipyard(readFileSync(path.join(FIXTURES, f), 'utf8'), f)
      return true
    } catch {
      return false // refused by the reader, by name and line (its own tests)
    }
  })

describe('carts-deploy workflow', () => {
  it('wrote the repository’s own delivery.yml (regenerate it with the command in its header)', async () => {
    const own = readFileSync(path.join(REPO, '.github/workflows/delivery.yml'), 'utf8')
    expect(own).toBe(deliveryWorkflow(await loadShipyard(undefined), OWN))
  })

  it('covers the fixtures, the 4-stage one with manual approvals among them', () =>
    expect(readable).toEqual(
      expect.arrayContaining(['shipyard-0.2-four-stages-approval.yaml', 'shipyard-0.2-delivery.yaml'])
    ))

  it.each(readable)('%s: passes actionlint; a job per stage in order, each gated on the one before', file => {
    const shipyard = parseShipyard(readFileSync(path.join(FIXTURES, file), 'utf8'), file)
    const text = deliveryWorkflow(shipyard, {
      ...OWN,
      uses: 'org/carts-deploy-action@v1',
      shipyardFile: `keptn/${file}`
    })
    expect(lint(text)).toBe('')
    const jobs = (parse(text) as { jobs: Record<string, Job> }).jobs
    const stageJobs = Object.keys(jobs).filter(id => id !== 'artifact' && !id.endsWith('-approval'))
    expect(stageJobs).toEqual(shipyard.stages.map(s => jobId(s.name)))
    shipyard.stages.forEach((stage, i) => {
      const job = jobs[jobId(stage.name)]
      const deliver = job.steps.find(s => s.uses === 'org/carts-deploy-action@v1')!
      expect(deliver.with).toMatchObject({ stage: stage.name, shipyard: `keptn/${file}` })
      // A stage that deploys links its public URL (the action's `url` output) from its environment.
      expect(job.environment).toEqual(
        stage.deploymentStrategy ? { name: stage.name, url: '${{ steps.deliver.outputs.url }}' } : stage.name
      )
      const before = shipyard.stages[i - 1]
      if (!before) return void expect(job.needs).toBe('artifact')
      const previous = jobId(before.name)
      const manual = before.approval.pass === 'manual' || before.approval.warning === 'manual'
      expect(job.if).toBe(
        manual
          ? `always() && (needs.${previous}.outputs.promote == 'true' || needs.${previous}-approval.result == 'success')`
          : `needs.${previous}.outputs.promote == 'true'`
      )
      if (manual) {
        const approval = jobs[`${previous}-approval`]
        expect(approval).toMatchObject({
          needs: previous,
          if: `needs.${previous}.outputs.approval == 'required'`,
          environment: `${before.name}-approval`
        })
        expect(jobs[previous].outputs?.approval).toBe('${{ steps.deliver.outputs.approval }}')
      }
    })
  })

  it('writes the file whole, and refuses an --slo for a stage the shipyard lacks in one line', () => {
    const output = path.join(temp(), 'delivery.yml')
    const args = [
      'workflow',
      '--shipyard',
      path.join(FIXTURES, 'shipyard-0.2-four-stages-approval.yaml'),
      '--chart',
      'chart'
    ]
    execFileSync(process.execPath, [DIST_CLI, ...args, '--output', output])
    expect(readFileSync(output, 'utf8')).toMatch(/^ {2}qa-approval:$/m)
    let stderr = ''
    try {
      execFileSync(process.execPath, [DIST_CLI, ...args, '--slo', 'prod=slo.yaml'], { stdio: 'pipe' })
    } catch (error) {
      stderr = String((error as { stderr: Buffer }).stderr)
      expect((error as { status: number }).status).toBe(2)
    }
    expect(stderr).toBe(
      `carts-deploy: Input '--slo': expected STAGE=FILE with STAGE one of dev, qa, staging, production, got "prod=slo.yaml"\n`
    )
  })
})
