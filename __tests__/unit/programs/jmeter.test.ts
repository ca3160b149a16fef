import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { keptnProperties } from '../../../src/jmeter-tests/keptn-properties.js'
import { BUILT_IN_WORKLOADS, type Workload } from '../../../src/jmeter-tests/workloads.js'
import {
  firstLogError,
  jmeterArgs,
  loadError,
  runFiles,
  runJmeter,
  SAVE_SERVICE_PROPERTIES
} from '../../../src/programs/jmeter.js'

const performance = BUILT_IN_WORKLOADS[2]!
const keptn = { project: 'sockshop', stage: 'staging', service: 'carts' }

describe('keptnProperties', () => {
  it("passes Keptn's properties, the host alone as SERVER_URL", () => {
    expect(keptnProperties('http://carts.sockshop-staging:8080/x', performance, keptn)).toEqual({
      PROTOCOL: 'http',
      SERVER_PROTOCOL: 'http',
      SERVER_URL: 'carts.sockshop-staging',
      SERVER_PORT: '8080',
      CHECK_PATH: '/health',
      VUCount: '10',
      LoopCount: '500',
      ThinkTime: '250',
      KEPTN_PROJECT: 'sockshop',
      KEPTN_STAGE: 'staging',
      KEPTN_SERVICE: 'carts',
      KEPTN_TESTSTRATEGY: 'performance'
    })
  })

  it.each([
    ['http://carts.sockshop-dev', '80'],
    ['https://carts.example.com', '443'],
    ['https://carts.example.com:8443', '8443'],
    ['http://127.0.0.1:80', '80']
  ])('%s → SERVER_PORT %s', (url, port) => {
    expect(keptnProperties(url, performance, keptn).SERVER_PORT).toBe(port)
  })

  it("adds the workload's own properties, which may override Keptn's", () => {
    const w: Workload = { ...performance, properties: { RampUp: '0', CHECK_PATH: '/carts/1' } }
    const props = keptnProperties('http://h', w, keptn)
    expect(props).toMatchObject({ RampUp: '0', CHECK_PATH: '/carts/1' })
  })
})

describe('jmeterArgs', () => {
  const files = runFiles('/r/2-performance')
  const args = jmeterArgs('/j/load.jmx', files, {
    VUCount: '10',
    'jmeter.save.saveservice.output_format': 'xml'
  })

  it('runs without GUI into a fresh JTL, its own log and an HTML dashboard', () => {
    expect(args.slice(0, 11)).toEqual([
      '-n',
      '-t',
      '/j/load.jmx',
      '-l',
      '/r/2-performance/results.jtl',
      '-j',
      '/r/2-performance/jmeter.log',
      '-f',
      '-e',
      '-o',
      '/r/2-performance/dashboard'
    ])
  })

  it('saves a CSV JTL with header and failure messages, whatever a workload says', () => {
    expect(args).toContain('-JVUCount=10')
    expect(args).toContain('-Jjmeter.save.saveservice.output_format=csv')
    expect(args).not.toContain('-Jjmeter.save.saveservice.output_format=xml')
    expect(args).toContain('-Jjmeter.save.saveservice.print_field_names=true')
    expect(args).toContain('-Jjmeter.save.saveservice.failure_message=true')
    expect(args).toContain('-Jjmeterengine.nongui.port=0')
    expect(args.filter(a => a.startsWith('-J'))).toHaveLength(1 + Object.keys(SAVE_SERVICE_PROPERTIES).length)
  })
})

describe("JMeter's own error lines (5.6.3, e2e/jmeter/README.md)", () => {
  const banner = 'WARN StatusConsoleListener The use of package scanning to locate plugins is deprecated\n'
  it.each([
    [
      `${banner}Error in NonGUIDriver com.thoughtworks.xstream.io.StreamException: \nAn error occurred: Error in NonGUIDriver \n`,
      'Error in NonGUIDriver com.thoughtworks.xstream.io.StreamException:'
    ],
    [
      `${banner}An error occurred: The file /tmp/bad/missing.jmx doesn't exist or can't be opened\n`,
      "An error occurred: The file /tmp/bad/missing.jmx doesn't exist or can't be opened"
    ],
    [
      "An error occurred: Cannot write to '/tmp/bad/rep' as folder is not empty\n",
      "An error occurred: Cannot write to '/tmp/bad/rep' as folder is not empty"
    ],
    [
      'usage...\n--- stderr ---\nError: Unknown option --bogus-option\n',
      'Error: Unknown option --bogus-option'
    ],
    ['Could not open /x.jmx\n', 'Could not open /x.jmx']
  ])('%j', (output, line) => expect(loadError(output)).toBe(line))

  it('finds nothing in a normal run', () => {
    const ok = `${banner}Creating summariser <summary>\nsummary =      2 in 00:00:01 =    2.0/s Err:     1 (50.00%)\n`
    expect(loadError(ok)).toBeUndefined()
  })

  it("quotes jmeter.log's first ERROR with its exception (a missing CSV data file)", () => {
    const log = [
      '2026-11-27 05:00:00,100 INFO o.a.j.JMeter: Loading file: load.jmx',
      '2026-11-27 05:00:01,200 ERROR o.a.j.t.JMeterThread: Test failed!',
      'java.lang.IllegalArgumentException: Could not read file header line for file items.csv',
      '\tat org.apache.jmeter.config.CSVDataSet.iterationStart(CSVDataSet.java:1)',
      '2026-11-27 05:00:02,300 ERROR o.a.j.JMeter: Error generating the report: Cannot invoke ...'
    ].join('\n')
    expect(firstLogError(log)).toBe(
      'o.a.j.t.JMeterThread: Test failed! java.lang.IllegalArgumentException: Could not read file header line for file items.csv'
    )
    expect(firstLogError('2026-11-27 05:00:00,100 INFO o.a.j.JMeter: fine')).toBeUndefined()
  })
})

describe('runJmeter, with a stand-in bin/jmeter (a test plan can run any code)', () => {
  function standIn(body: string): { dir: string; bin: string } {
    const dir = mkdtempSync(path.join(tmpdir(), 'jmeter-standin-'))
    const bin = path.join(dir, 'jmeter')
    writeFileSync(bin, `#!/bin/sh\n${body}\n`)
    chmodSync(bin, 0o755)
    return { dir, bin }
  }

  it('gives it no INPUT_* variable and no runner token, but Java and JMeter settings', async () => {
    const { dir, bin } = standIn('env > "$(dirname "$0")/env"')
    const saved = { ...process.env }
    Object.assign(process.env, {
      INPUT_KUBECONFIG: 'apiVersion: v1\nusers: [{user: {token: s3cr3t}}]',
      'INPUT_GITHUB-TOKEN': 'ghs_x',
      GITHUB_TOKEN: 'ghs_y',
      ACTIONS_RUNTIME_TOKEN: 'rt',
      AWS_SECRET_ACCESS_KEY: 'aws',
      JVM_ARGS: '-Xmx256m'
    })
    try {
      const files = runFiles(path.join(dir, 'run'))
      await runJmeter({ bin, cwd: dir, script: 'x.jmx', files, properties: {}, timeoutMs: 10_000 })
      const env = readFileSync(path.join(dir, 'env'), 'utf8')
      expect(env).toContain('JVM_ARGS=-Xmx256m')
      expect(env).toContain('PATH=')
      for (const name of ['INPUT_', 'GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'AWS_SECRET_ACCESS_KEY']) {
        expect(env).not.toContain(name)
      }
      expect(env).not.toContain('s3cr3t')
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('stops it, and what it started, at its deadline', async () => {
    const { dir, bin } = standIn('sleep 300 & echo $! > "$(dirname "$0")/pid"\nwait')
    try {
      const started = Date.now()
      const outcome = await runJmeter({
        bin,
        cwd: dir,
        script: 'x.jmx',
        files: runFiles(path.join(dir, 'run')),
        properties: {},
        timeoutMs: 500
      })
      expect(outcome.timedOut).toBe(true)
      expect(outcome.error).toMatch(/JMeter did not finish within/)
      expect(Date.now() - started).toBeLessThan(4_000)
      const pid = Number(readFileSync(path.join(dir, 'pid'), 'utf8'))
      await new Promise(resolve => setTimeout(resolve, 200))
      const stat = (() => {
        try {
          return readFileSync(`/proc/${pid}/stat`, 'utf8')
        } catch {
          return ''
        }
      })()
      expect(stat === '' || /\) Z /.test(stat)).toBe(true) // gone (or a zombie: holds nothing)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
