import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { allowedErrors, countJtl, judge } from '../../../src/jmeter-tests/verdict.js'
import { BUILT_IN_WORKLOADS, type Workload } from '../../../src/jmeter-tests/workloads.js'
import { causeMessage, FailureCauses } from '../../../src/results-file/sli.js'
import { REPO } from '../../helpers/paths.js'

const [healthcheck, functional, performance] = BUILT_IN_WORKLOADS as [Workload, Workload, Workload]
const counts = (samples: number, errors: number, avgMs: number | null = 10) => ({ samples, errors, avgMs })

describe("Keptn's test rules", () => {
  it('functional allows no error, whatever its acceptederrorrate', () => {
    expect(functional.acceptederrorrate).toBe(0.1)
    expect(judge(functional, counts(100, 0)).verdict).toBe('pass')
    expect(judge(functional, counts(100, 1))).toEqual({
      verdict: 'fail',
      reason: '1 of 100 samples failed (1.00 %): a functional test allows none'
    })
  })

  it('other strategies fail when errors > floor(acceptederrorrate × samples)', () => {
    expect(allowedErrors(performance, 1000)).toBe(100)
    expect(allowedErrors(performance, 19)).toBe(1)
    expect(judge(performance, counts(1000, 100)).verdict).toBe('pass')
    expect(judge(performance, counts(1000, 101)).reason).toBe(
      '101 of 1000 samples failed (10.10 %): more than the accepted 100 (acceptederrorrate 0.1 × 1000)'
    )
    expect(judge(performance, counts(9, 1)).verdict).toBe('fail')
  })

  it('floors without floating-point surprises (0.29 × 100 is 29)', () => {
    expect(allowedErrors({ ...performance, acceptederrorrate: 0.29 }, 100)).toBe(29)
  })

  it('a health check (acceptederrorrate 0) fails on one error', () => {
    expect(judge(healthcheck, counts(1, 0)).verdict).toBe('pass')
    expect(judge(healthcheck, counts(1, 1)).verdict).toBe('fail')
  })

  it('acceptederrorrate 1.0 (Keptn examples) tolerates every error', () => {
    expect(judge({ ...performance, acceptederrorrate: 1 }, counts(50, 50)).verdict).toBe('pass')
  })

  it('avgrtvalidation > 0 caps the average response time', () => {
    const capped = { ...performance, avgrtvalidation: 500 }
    expect(judge(capped, counts(10, 0, 500)).verdict).toBe('pass')
    expect(judge(capped, counts(10, 0, 1007.5))).toEqual({
      verdict: 'fail',
      reason: 'average response time 1007.5 ms is above avgrtvalidation 500 ms'
    })
    expect(judge(performance, counts(10, 0, 99999)).verdict).toBe('pass')
  })

  it('no samples is a failure, never a pass', () => {
    expect(judge({ ...performance, acceptederrorrate: 1 }, counts(0, 0, null))).toEqual({
      verdict: 'fail',
      reason: 'JMeter recorded no samples'
    })
  })
})

describe('countJtl', () => {
  it("reads a real JMeter 5.6.3 JTL with the gate engine's reader (multi-line failure messages)", async () => {
    const c = await countJtl(path.join(REPO, '__tests__/fixtures/jtl/jmeter563-standin.jtl'))
    expect(c.samples).toBe(8)
    expect(c.errors).toBe(2)
    expect(c.avgMs).toBeGreaterThan(0)
    // The assertion's own message (multi-line in the file) wins over the response message; first line only.
    expect(c.causes).toEqual([{ cause: '500: Test failed: code expected to equal /', count: 2 }])
  })

  const jtl = async (name: string) => (await countJtl(path.join(REPO, '__tests__/fixtures/jtl', name))).causes

  it('names the causes in every layout: header, no header, quoted multi-line messages, XML', async () => {
    expect(await jtl('noheader-jmeter563.jtl')).toEqual([{ cause: '400: Bad Request', count: 2 }])
    expect(await jtl('multiline-responsemessage.jtl')).toEqual([
      { cause: '500: javax.mail.MessagingException: Could not connect to SMTP host', count: 1 }
    ])
    expect((await jtl('xml-nested-assertions.jtl'))?.[0]).toMatchObject({
      cause: expect.stringMatching(/^(200: Embedded resource download error|Non HTTP response code)/)
    })
  })

  it('puts the most frequent cause in the reason of a failed test', async () => {
    const c = await countJtl(path.join(REPO, '__tests__/fixtures/jtl/noheader-jmeter563.jtl'))
    expect(judge(functional, c).reason).toMatch(
      /^2 of \d+ samples failed \([\d.]+ %\): a functional test allows none; most frequent: 400: Bad Request ×2$/
    )
  })
})

describe('FailureCauses', () => {
  it("takes the exception's message when no HTTP response came, else the assertion's", () => {
    const refused = 'Non HTTP response message: Connect to 127.0.0.1:9 failed: Connection refused'
    const assertion = 'Test failed: code expected to equal /200/'
    expect(
      causeMessage(
        'Non HTTP response code: org.apache.http.conn.HttpHostConnectException',
        refused,
        assertion
      )
    ).toBe(refused)
    expect(causeMessage('500', 'Internal Server Error', assertion)).toBe(assertion)
    expect(causeMessage('500', 'Internal Server Error', '')).toBe('Internal Server Error')
  })

  it('counts by code and first line, keeps at most 100 distinct causes and says how many more', () => {
    const causes = new FailureCauses()
    causes.add('Non HTTP response code: java.net.UnknownHostException', 'carts.sockshop-staging\nat ...')
    causes.add('Non HTTP response code: java.net.UnknownHostException', 'carts.sockshop-staging')
    causes.add('', '')
    for (let i = 0; i < 120; i++) causes.add('500', `request ${i}`)
    const top = causes.top(3)
    expect(top[0]).toEqual({ cause: '(100+ other causes)', count: 22 })
    expect(top[1]).toEqual({
      cause: 'Non HTTP response code: java.net.UnknownHostException: carts.sockshop-staging',
      count: 2
    })
    expect(top[2]).toEqual({ cause: '(no code, no message)', count: 1 })
  })
})
