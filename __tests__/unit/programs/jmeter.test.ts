import { describe, expect, it } from '@jest/globals'
import { keptnProperties } from '../../../src/jmeter-tests/keptn-properties.js'
import { BUILT_IN_WORKLOADS, type Workload } from '../../../src/jmeter-tests/workloads.js'
import {
  firstLogError,
  jmeterArgs,
  loadError,
  runFiles,
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
