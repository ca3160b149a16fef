import { readFileSync, rmSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { childEnv, execTool, GIT_ENV, JAVA_ENV, KUBE_ENV, startTool } from '../../../src/programs/exec.js'

/** Whether a process with this pid still exists (a zombie counts as gone: it holds nothing). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

async function waitGone(pids: number[], ms = 2_000): Promise<number[]> {
  const end = Date.now() + ms
  while (Date.now() < end && pids.some(alive)) await new Promise(resolve => setTimeout(resolve, 50))
  return pids.filter(alive)
}

describe('execTool deadlines', () => {
  it('ends the whole process group: a grandchild holding the pipes does not keep the call open', async () => {
    const pidFile = `/tmp/exec-test-${process.pid}-${Date.now()}`
    const started = performance.now()
    // sh starts a background sleep that inherits stdout (as git's remote helper does) and waits for it.
    const script = `sleep 300 & echo $! > ${pidFile}; wait`
    const run = execTool('sh', ['-c', script], { timeoutMs: 500, killGraceMs: 500 })
    await expect(run).rejects.toThrow(/sh -c failed \(exit signal\): .*did not finish within 0\.5 s/)
    const elapsed = performance.now() - started
    expect(elapsed).toBeLessThan(3_000)
    const grandchild = Number(readFileSync(pidFile, 'utf8'))
    rmSync(pidFile)
    expect(await waitGone([grandchild])).toEqual([])
  })

  it('sends SIGKILL after the grace period to a group that ignores SIGTERM', async () => {
    const started = performance.now()
    const result = await execTool('sh', ['-c', 'trap "" TERM; sleep 300 & wait; wait'], {
      timeoutMs: 300,
      killGraceMs: 700,
      allowFailure: true
    })
    const elapsed = performance.now() - started
    expect(result.timedOut).toBe(true)
    expect(result.exitCode).toBeNull()
    expect(result.stderr).toMatch(/did not finish within 0\.3 s and was stopped \(its whole process group/)
    expect(elapsed).toBeGreaterThanOrEqual(900)
    expect(elapsed).toBeLessThan(4_000)
  })

  it('returns normally, without timedOut, when the program ends in time', async () => {
    const result = await execTool('sh', ['-c', 'echo ok'], { timeoutMs: 5_000 })
    expect(result).toMatchObject({ exitCode: 0, stdout: 'ok\n', timedOut: false })
  })
})

describe('startTool: a program that runs beside us', () => {
  const pidFile = () => `/tmp/start-tool-${process.pid}-${Date.now()}`

  it('finds its line, then stop() ends its whole group', async () => {
    const file = pidFile()
    const script = `sleep 300 & echo $! > ${file}; echo 'listening on 4711'; wait`
    const running = startTool('sh', ['-c', script], { timeoutMs: 60_000, killGraceMs: 500 })
    expect((await running.waitFor(/listening on (\d+)/, 5_000))[1]).toBe('4711')
    const grandchild = Number(readFileSync(file, 'utf8'))
    rmSync(file)
    await running.stop()
    await running.stop()
    expect(await waitGone([grandchild])).toEqual([])
  })

  it("rejects with the program's own words when it exits before the line", async () => {
    const running = startTool('sh', ['-c', 'echo "error: services \\"carts\\" not found" >&2; exit 1'], {
      name: 'kubectl',
      timeoutMs: 60_000
    })
    await expect(running.waitFor(/Forwarding/, 5_000)).rejects.toThrow(
      /^kubectl -c failed \(exit 1\): error: services "carts" not found$/
    )
  })

  it('gives up on a silent program at the deadline of the wait and stops it', async () => {
    const file = pidFile()
    const running = startTool('sh', ['-c', `echo $$ > ${file}; exec sleep 300`], {
      timeoutMs: 60_000,
      killGraceMs: 500
    })
    await expect(running.waitFor(/never/, 300)).rejects.toThrow(
      /said nothing that was expected within 0\.3 s/
    )
    await running.stop()
    const pid = Number(readFileSync(file, 'utf8'))
    rmSync(file)
    expect(await waitGone([pid])).toEqual([])
  })

  it('ends at its lifetime even if nobody stops it', async () => {
    const running = startTool('sleep', ['300'], { timeoutMs: 300, killGraceMs: 500 })
    await expect(running.waitFor(/never/, 10_000)).rejects.toThrow(/sleep 300 failed \(exit signal\)/)
  })
})

describe('execTool spawn errors', () => {
  it('explains E2BIG (a value over 128 KiB) instead of throwing it raw', async () => {
    const run = execTool('true', [], { env: { HUGE: 'x'.repeat(200 * 1024) } })
    await expect(run).rejects.toMatchObject({ name: 'ToolError' })
    await expect(run).rejects.toThrow(
      /spawn E2BIG: its arguments or environment are too large \(one value over 128 KiB\?\)/
    )
  })
})

describe('the environment of a child', () => {
  const ours = {
    PATH: '/usr/bin:/bin',
    HOME: '/home/runner',
    LANG: 'C.UTF-8',
    LC_ALL: 'C',
    https_proxy: 'http://proxy:3128',
    NO_PROXY: 'localhost',
    RUNNER_TEMP: '/tmp/r',
    INPUT_KUBECONFIG: 'apiVersion: v1\nusers: [{user: {token: s3cr3t}}]',
    'INPUT_GITHUB-TOKEN': 'ghs_x',
    GITHUB_TOKEN: 'ghs_y',
    GH_TOKEN: 'ghs_z',
    ACTIONS_RUNTIME_TOKEN: 'rt',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'idt',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x',
    GIT_SSL_CAINFO: '/ca.pem',
    HELM_CACHE_HOME: '/h',
    AWS_SESSION_TOKEN: 'aws',
    JAVA_HOME: '/jdk',
    JVM_ARGS: '-Xmx1g'
  }

  it('keeps only the base variables and the families the program asks for', () => {
    expect(childEnv({}, ours)).toEqual({
      PATH: '/usr/bin:/bin',
      HOME: '/home/runner',
      LANG: 'C.UTF-8',
      LC_ALL: 'C',
      https_proxy: 'http://proxy:3128',
      NO_PROXY: 'localhost',
      RUNNER_TEMP: '/tmp/r'
    })
    expect(childEnv({ inherit: GIT_ENV }, ours)).toHaveProperty('GIT_SSL_CAINFO', '/ca.pem')
    expect(childEnv({ inherit: KUBE_ENV }, ours)).toMatchObject({
      HELM_CACHE_HOME: '/h',
      AWS_SESSION_TOKEN: 'aws'
    })
    const java = childEnv({ inherit: JAVA_ENV }, ours)
    expect(java).toMatchObject({ JAVA_HOME: '/jdk', JVM_ARGS: '-Xmx1g' })
    expect(java).not.toHaveProperty('AWS_SESSION_TOKEN') // a test plan runs code: no cloud credentials
    for (const families of [[], GIT_ENV, KUBE_ENV, JAVA_ENV]) {
      const env = childEnv({ inherit: families }, ours)
      for (const secret of [
        'INPUT_KUBECONFIG',
        'INPUT_GITHUB-TOKEN',
        'GITHUB_TOKEN',
        'GH_TOKEN',
        'ACTIONS_RUNTIME_TOKEN',
        'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
        'ACTIONS_ID_TOKEN_REQUEST_URL'
      ]) {
        expect(env).not.toHaveProperty(secret)
      }
    }
  })

  it('adds what the caller passes and removes what it sets to undefined', () => {
    const env = childEnv({ env: { KUBECONFIG: '/k', HOME: undefined } }, ours)
    expect(env.KUBECONFIG).toBe('/k')
    expect(env).not.toHaveProperty('HOME')
  })

  it('a real child sees no INPUT_KUBECONFIG, GITHUB_TOKEN or ACTIONS_RUNTIME_TOKEN', async () => {
    const saved = { ...process.env }
    Object.assign(process.env, {
      INPUT_KUBECONFIG: 'apiVersion: v1',
      GITHUB_TOKEN: 'ghs_y',
      ACTIONS_RUNTIME_TOKEN: 'rt'
    })
    try {
      for (const inherit of [undefined, GIT_ENV, KUBE_ENV, JAVA_ENV]) {
        const { stdout } = await execTool('env', [], { inherit })
        const names = stdout.split('\n').map(line => line.split('=')[0])
        expect(names).toContain('PATH')
        expect(names).not.toContain('INPUT_KUBECONFIG')
        expect(names).not.toContain('GITHUB_TOKEN')
        expect(names).not.toContain('ACTIONS_RUNTIME_TOKEN')
      }
    } finally {
      for (const name of ['INPUT_KUBECONFIG', 'GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN']) {
        if (saved[name] === undefined) delete process.env[name]
        else process.env[name] = saved[name]
      }
    }
  })
})

describe('execTool streams and stops', () => {
  it('writes stdout to a file byte for byte (a results file is not held in memory)', async () => {
    const file = `${process.env.TMPDIR ?? '/tmp'}/exec-stdout-${process.pid}.bin`
    const script = 'process.stdout.write(Buffer.from([0, 255, 10, 200, 1]))'
    const result = await execTool(process.execPath, ['-e', script], { stdoutFile: file })
    expect(result.stdout).toBe('')
    expect([...readFileSync(file)]).toEqual([0, 255, 10, 200, 1])
    rmSync(file)
  })

  it('fails, naming the file, when stdout cannot be written there (and stops the program)', async () => {
    const file = `${process.env.TMPDIR ?? '/tmp'}/exec-no-such-dir-${process.pid}/out.bin`
    const script = 'setInterval(() => process.stdout.write("x".repeat(65536)), 1)'
    const started = Date.now()
    await expect(
      execTool(process.execPath, ['-e', script], { stdoutFile: file, allowFailure: true })
    ).rejects.toThrow(`its output could not be written to ${file}: ENOENT`)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('stops the program when the signal aborts (an engine died mid-test)', async () => {
    const stop = new AbortController()
    const started = Date.now()
    setTimeout(() => stop.abort(), 200)
    const result = await execTool(process.execPath, ['-e', 'setTimeout(() => {}, 30_000)'], {
      signal: stop.signal,
      allowFailure: true
    })
    expect(result.exitCode).not.toBe(0)
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})
