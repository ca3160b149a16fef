/**
 * A stage fanned out over jobs: the `hold` and `results` inputs, the hold step's record on a real config
 * branch, the gate job's judging of results files from elsewhere, and its refusal of a deployment that is
 * not the held one. The cluster half (adopt, promote, roll back) is in __tests__/e2e/hold-results.test.ts.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { readDeployment, recordDeployment, setImage } from '../../../src/config-branch/config-branch.js'
import { configTarget } from '../../../src/config-branch/target.js'
import type { DeployResult } from '../../../src/contracts/deploy.js'
import { buildConfig } from '../../../src/inputs/build-config.js'
import { runStage, stepsFor } from '../../../src/pipeline/run-stage.js'
import { adoptStep } from '../../../src/stages/adopt.js'
import { holdStep } from '../../../src/stages/hold.js'
import { resultsTestStep } from '../../../src/stages/results-test.js'
import { recordingReporter, runStep, testContext } from '../../helpers/context.js'
import { REPO } from '../../helpers/paths.js'
import { sandbox } from '../../helpers/repos.js'

jest.setTimeout(60_000)

const box = sandbox()
afterAll(() => box.cleanup())
const ws = box.root
const HEADER = 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,success,failureMessage'

/** A JMeter 5 CSV of `n` samples of `elapsed` ms, the first `failed` of them failed. */
function jtl(file: string, n: number, failed = 0, elapsed = 100): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const ok = i >= failed
    return `${1795754627000 + i},${elapsed},cart,${ok ? 200 : 500},${ok ? 'OK' : 'Server Error'},load 1-1,${ok},`
  })
  const full = path.join(ws, file)
  mkdirSync(path.dirname(full), { recursive: true })
  writeFileSync(full, [HEADER, ...rows, ''].join('\n'))
  return full
}

const config = (raw: Record<string, string>) =>
  buildConfig({ tag: '0.8.1', stage: 'staging', 'config-repo': 'config.git', ...raw }, { workspace: ws })

describe('inputs hold and results', () => {
  it('reads results as newline-separated paths in the workspace, files or folders', () => {
    jtl('a/one.jtl', 1)
    mkdirSync(path.join(ws, 'artifacts'), { recursive: true })
    expect(config({ results: 'a/one.jtl\n\n  artifacts  \n' }).results).toEqual([
      path.join(ws, 'a/one.jtl'),
      path.join(ws, 'artifacts')
    ])
    expect(config({}).results).toBeUndefined()
    expect(config({ hold: 'true' }).hold).toBe(true)
    expect(config({ hold: 'false' }).hold).toBeUndefined()
  })

  it('refuses a missing path, a path outside the workspace, hold beside results, and a bad hold', () => {
    expect(() => config({ results: 'a/one.jtl\nartefacts' })).toThrow(
      `Input 'results': expected an existing results file or folder, got "artefacts"`
    )
    expect(() => config({ results: '../elsewhere.jtl' })).toThrow("Input 'results': expected a path inside")
    expect(() => config({ results: 'a/one.jtl', hold: 'true' })).toThrow(
      "Input 'results': expected no results beside 'hold: true'"
    )
    expect(() => config({ hold: 'yes' })).toThrow("Input 'hold'")
  })

  it('runs the steps of a hold job and of a gate job in their order', () => {
    expect(stepsFor({ hold: true }).map(s => s.name)).toEqual(['install', 'commit', 'deploy', 'gate'])
    // The gate job reads its files first: an unreadable one fails before anything changes.
    expect(stepsFor({ results: ['x'] }).map(s => s.name)).toEqual([
      'test',
      'install',
      'deploy',
      'evaluate',
      'gate'
    ])
    expect(stepsFor({}).map(s => s.name)).toEqual(['install', 'commit', 'deploy', 'test', 'evaluate', 'gate'])
  })
})

describe('the gate job judges the files of tests run elsewhere', () => {
  const judgeWith = async (results: string[], stage = 'staging') => {
    const ctx = testContext({ tempDir: ws, config: { results }, plan: { stage } })
    await runStep(ctx, resultsTestStep)
    return { test: ctx.results.test!, lines: ctx.lines }
  }

  it('judges several files of different layouts as one test, counting each', async () => {
    const csv = jtl('load/engine-1/results.jtl', 40, 1)
    const xml = path.join(ws, 'load/engine-2/results.xml')
    mkdirSync(path.dirname(xml), { recursive: true })
    copyFileSync(path.join(REPO, '__tests__/fixtures/jtl/xml-nested-assertions.jtl'), xml)
    const { test, lines } = await judgeWith([path.join(ws, 'load')])
    expect(test).toMatchObject({ verdict: 'pass', workload: 'performance', jtls: [csv, xml], resultsDir: '' })
    expect(test.samples).toBeGreaterThan(40)
    expect(lines.join('\n')).toMatch(
      /performance test from 2 results file\(s\): load\/engine-1\/results\.jtl 40, load\/engine-2\/results\.xml \d+/
    )
  })

  it("fails by the workload's rules (functional: no error allowed), naming the most frequent cause", async () => {
    const files = [jtl('fn/1.jtl', 10), jtl('fn/2.jtl', 10, 1)]
    const { test } = await judgeWith(files, 'dev')
    expect(test.verdict).toBe('fail')
    expect(test.reason).toBe(
      '1 of 20 samples failed (5.00 %): a functional test allows none; most frequent: 500: Server Error ×1'
    )
  })

  it('fails when one load job recorded nothing, naming its file', async () => {
    const empty = path.join(ws, 'empty/2.jtl')
    mkdirSync(path.dirname(empty), { recursive: true })
    writeFileSync(empty, `${HEADER}\n`)
    const { test } = await judgeWith([jtl('empty/1.jtl', 5), empty])
    expect(test).toMatchObject({ verdict: 'fail', reason: 'empty/2.jtl holds no samples' })
  })

  it('refuses a damaged file and an empty folder in one line naming the input and the file', async () => {
    const damaged = path.join(ws, 'bad/2.jtl')
    mkdirSync(path.dirname(damaged), { recursive: true })
    copyFileSync(path.join(REPO, '__tests__/fixtures/jtl/damaged/csv-open-quote.jtl'), damaged)
    await expect(judgeWith([jtl('bad/1.jtl', 5), damaged])).rejects.toThrow(
      new RegExp(
        `^Input 'results': expected results files the gate can read; ${damaged}:\\d+: a quoted field`
      )
    )
    mkdirSync(path.join(ws, 'none'), { recursive: true })
    await expect(judgeWith([path.join(ws, 'none')])).rejects.toThrow(
      `Input 'results': expected results files (.jtl, .csv, .xml) in the folder, got "${path.join(ws, 'none')}"`
    )
  })
})

describe('a quality-gate-only stage gated on results from elsewhere', () => {
  box.bare('config.git')

  it('judges them as one test with thresholds, and promotes', async () => {
    writeFileSync(
      path.join(ws, 'shipyard.yaml'),
      'stages:\n  - name: hardening\n    test_strategy: performance\n'
    )
    jtl('qg/1.jtl', 30, 0, 100)
    jtl('qg/2.jtl', 10, 0, 300)
    const reporter = recordingReporter()
    const tempDir = path.join(ws, 'run-qg')
    mkdirSync(tempDir)
    const cfg = config({
      stage: 'hardening',
      shipyard: 'shipyard.yaml',
      results: 'qg',
      thresholds: 'response_time_p95<=300, response_time_p50<200'
    })
    const outcome = await runStage(cfg, reporter, tempDir)
    expect(reporter.groups).toEqual(['test', 'install', 'deploy', 'evaluate', 'gate'])
    expect(outcome.failure).toBeUndefined()
    expect(outcome.outputs).toMatchObject({ result: 'pass', promote: 'true', 'results-dir': '' })
    expect(outcome.summary).toContain('Samples: **40** from 2 results files')
  })

  it('refuses Prometheus SLIs beside results: the gate job does not know the test window', async () => {
    writeFileSync(path.join(ws, 'sli.yaml'), 'spec_version: 1.0\nindicators:\n  x: up\n')
    const cfg = config({
      stage: 'hardening',
      shipyard: 'shipyard.yaml',
      results: 'qg',
      'prometheus-url': 'http://prometheus:9090',
      sli: 'sli.yaml',
      thresholds: 'x<1'
    })
    await expect(runStage(cfg, recordingReporter(), ws)).rejects.toThrow(
      "Input 'prometheus-url': expected none beside 'results'"
    )
  })

  it('refuses results for a stage without a test strategy', async () => {
    writeFileSync(path.join(ws, 'shipyard-2.yaml'), 'stages:\n  - name: release\n')
    const cfg = config({ stage: 'release', shipyard: 'shipyard-2.yaml', results: 'qg' })
    await expect(runStage(cfg, recordingReporter(), ws)).rejects.toThrow(
      "Input 'results': expected a stage with a test strategy: stage release has none to judge them by"
    )
  })
})

describe('hold, then the gate job finds what was held', () => {
  box.bare('held.git')
  const deploy: DeployResult = {
    strategy: 'blue_green_service',
    namespace: 'sockshop-staging',
    release: 'carts-green',
    revision: 3,
    previousRevision: 2,
    colour: 'green',
    liveColour: 'blue',
    traffic: 'service',
    chart: { deployment: 'carts', service: 'carts' },
    testService: 'carts-green',
    serviceUrl: 'http://carts-green.sockshop-staging',
    image: 'docker.io/keptnexamples/carts:0.8.3',
    helmMajor: 3,
    helmSeconds: 1.5
  }
  const heldContext = (tag: string) =>
    testContext({ tempDir: ws, config: { tag, configRepo: path.join(ws, 'held.git') } })

  it('records held with the deploy, keeps the last version that passed, and promotes nothing', async () => {
    const ctx = heldContext('0.8.3')
    const target = configTarget(ctx.config)
    const before = { repository: ctx.config.image, tag: '0.8.1' }
    await setImage(target, ctx.key, before, { tempRoot: ws })
    await recordDeployment(
      target,
      ctx.key,
      { image: before, result: 'promoted', time: 'x', passed: { image: before, revision: 2 } },
      { tempRoot: ws }
    )
    const held = {
      ...ctx,
      results: { deploy, commit: { sha: 'x', changed: true, previous: before, valuesFile: '' } }
    }
    expect(await runStep(held, holdStep)).toMatchObject({ action: 'hold', promote: false, failJob: false })
    expect(ctx.lines.join('\n')).toContain(
      'Held: 0.8.3 deployed as carts-green revision 3 in sockshop-staging, at service carts-green; carts still selects blue'
    )
    const record = await readDeployment(target, ctx.key, { tempRoot: ws })
    expect(record).toMatchObject({
      image: { tag: '0.8.3' },
      result: 'held',
      release: 'carts-green',
      revision: 3,
      passed: { image: before, revision: 2 },
      held: { colour: 'green', liveColour: 'blue', testService: 'carts-green', previous: before }
    })
    expect(record?.held).not.toHaveProperty('helmSeconds')
  })

  it('refuses to gate another tag than the held one, before touching the cluster', async () => {
    const ctx = heldContext('0.8.4')
    await expect(runStep(ctx, adoptStep)).rejects.toThrow(
      "Input 'results': expected a held deployment of carts:0.8.4 in sockshop-staging to gate (a job with hold: true first); the config branch records docker.io/keptnexamples/carts:0.8.3 held"
    )
  })
})
