/** installStep: what a stage needs, what it leaves in ctx.results.install, the helm-path output. */
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { ActionConfig } from '../../../src/contracts/config.js'
import type { StagePlan } from '../../../src/contracts/plan.js'
import { installStep, installStepWith, toolsNeeded } from '../../../src/stages/install.js'
import { testContext } from '../../helpers/context.js'
import { itOnAmd64 } from '../../helpers/skip.js'
import { archiveTestBed, buildHelmArchive, JMETER_TGZ, sha, tempDir } from '../../helpers/tool-archives.js'

const ARCHIVE = 'helm-v3.19.0-linux-amd64.tar.gz'

let digest: string
let outputFile: string
const savedOutput = process.env.GITHUB_OUTPUT
const bed = archiveTestBed(async server => {
  const archive = await buildHelmArchive('/bin/true', await tempDir('step-'), '3.19.0')
  digest = await sha('sha256', archive)
  server.serve(`/${ARCHIVE}`, archive)
})

function context(plan: Partial<StagePlan>, config: Partial<ActionConfig> = {}) {
  return testContext({
    tempDir: tmpdir(),
    config: {
      helmVersion: { kind: 'pinned', version: '3.19.0' },
      helmDownloadUrl: bed.server.url,
      jmeterVersion: { kind: 'pinned', version: '5.6.3' },
      jmeterDownloadUrl: `${bed.server.url}/jmeter`,
      ...config
    },
    // A stage of its own: neither deploys nor tests unless the test says so.
    plan: { stage: 'dev', deploymentStrategy: undefined, testStrategy: undefined, ...plan }
  })
}

beforeEach(async () => {
  outputFile = path.join(bed.dirs.temp, '..', 'output')
  await writeFile(outputFile, '')
  process.env.GITHUB_OUTPUT = outputFile
})
afterEach(() => {
  if (savedOutput === undefined) delete process.env.GITHUB_OUTPUT
  else process.env.GITHUB_OUTPUT = savedOutput
})

describe('toolsNeeded', () => {
  it('wants helm to deploy and JMeter for tests with a jmeter-dir', () => {
    const needs = (plan: Partial<StagePlan>, jmeterDir?: string) => toolsNeeded(context(plan, { jmeterDir }))
    expect(needs({ deploymentStrategy: 'direct' })).toEqual({ helm: true, jmeter: false })
    expect(needs({ deploymentStrategy: 'direct', testStrategy: 'performance' }, '/j')).toEqual({
      helm: true,
      jmeter: true
    })
    expect(needs({ deploymentStrategy: 'direct', testStrategy: 'performance' })).toEqual({
      helm: true,
      jmeter: false
    })
    expect(needs({})).toEqual({ helm: false, jmeter: false })
  })

  it('leaves JMeter out when the tests run on load engines in the cluster', () => {
    const plan = { testStrategy: 'performance' as const }
    const config = { jmeterDir: '/j', loadEngines: { count: 2, image: 'jmeter:5.6.3' } }
    expect(toolsNeeded(context(plan, config))).toEqual({ helm: true, jmeter: false })
  })
})

describe('installStep', () => {
  itOnAmd64('installs helm for a deploying stage', async () => {
    const ctx = context({ deploymentStrategy: 'blue_green_service' })
    const install = await installStepWith({ checksums: { [ARCHIVE]: `sha256:${digest}` } }).run(ctx)
    expect(install?.helm.version).toBe('3.19.0')
    expect(install?.helm.path).toMatch(/tool-cache\/helm\/3\.19\.0\/amd64\/helm$/)
    expect(install?.jmeter).toBeUndefined()
  })

  itOnAmd64(
    'adds JMeter for a stage with tests and a jmeter-dir',
    async () => {
      bed.server.serve('/jmeter/apache-jmeter-5.6.3.tgz', JMETER_TGZ)
      const ctx = context({ deploymentStrategy: 'direct', testStrategy: 'performance' }, { jmeterDir: '/j' })
      const checksums = {
        [ARCHIVE]: `sha256:${digest}`,
        'apache-jmeter-5.6.3.tgz': `sha512:${await sha('sha512', JMETER_TGZ)}`
      }
      const install = await installStepWith({ checksums }).run(ctx)
      expect(install?.helm.version).toBe('3.19.0')
      const jmeter = await install?.jmeter
      expect(jmeter).toMatchObject({ version: '5.6.3' })
      expect(existsSync(jmeter?.bin ?? '')).toBe(true)
    },
    60_000
  )

  it('installs nothing for a stage that neither deploys nor tests', async () => {
    const ctx = context({})
    expect(await installStep.run(ctx)).toBeUndefined()
    expect(bed.server.requests).toEqual([])
    expect(await readFile(outputFile, 'utf8')).toBe('')
  })
})
