/** Downloads end: a mirror that stalls, trickles or never stops fails in one line, leaving nothing behind. */
import { execFileSync } from 'node:child_process'
import { createReadStream } from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import type { ActionConfig } from '../../../src/contracts/config.js'
import {
  DOWNLOAD_MAX_BYTES_ENV,
  DOWNLOAD_STALL_ENV,
  DOWNLOAD_TIMEOUT_ENV,
  downloadFile,
  downloadLimits
} from '../../../src/installers/download.js'
import { HELM_MAX_BYTES, installHelm } from '../../../src/installers/helm.js'
import { JMETER_MAX_BYTES } from '../../../src/installers/jmeter.js'
import {
  cleanup,
  collectingLog,
  freshRunnerDirs,
  leftovers,
  startHostileServer,
  type HostileServer
} from '../../helpers/tool-archives.js'

const ARCHIVE = 'helm-v3.19.0-linux-amd64.tar.gz'
const ENV = [DOWNLOAD_TIMEOUT_ENV, DOWNLOAD_STALL_ENV, DOWNLOAD_MAX_BYTES_ENV]

let server: HostileServer
let dirs: { cache: string; temp: string }
beforeAll(async () => {
  server = await startHostileServer()
})
afterAll(async () => {
  await server.close()
  await cleanup()
})
beforeEach(async () => {
  dirs = await freshRunnerDirs()
  server.sent.bytes = 0
})
afterEach(() => ENV.forEach(name => delete process.env[name]))

const config = (kind: string) =>
  ({
    helmVersion: { kind: 'pinned', version: '3.19.0' },
    helmDownloadUrl: `${server.url}/${kind}`
  }) as Pick<ActionConfig, 'helmVersion' | 'helmDownloadUrl'>

async function failure(kind: string): Promise<{ message: string; ms: number }> {
  const started = performance.now()
  const message = await installHelm(config(kind), collectingLog().log, { arch: 'amd64' }).then(
    () => 'installed',
    (error: Error) => error.message
  )
  return { message, ms: performance.now() - started }
}

describe('a download from a misbehaving mirror', () => {
  it('that never answers ends at the stall limit', async () => {
    process.env[DOWNLOAD_STALL_ENV] = '500'
    const { message, ms } = await failure('silent')
    expect(message).toBe(
      `helm 3.19.0: download from ${server.url}/silent/${ARCHIVE} failed: no data for 0.5 s (stall limit); ` +
        'stopped; nothing was cached'
    )
    expect(ms).toBeLessThan(3_000)
  })

  it('that stalls after the headers ends at the stall limit', async () => {
    process.env[DOWNLOAD_STALL_ENV] = '500'
    const { message, ms } = await failure('stall')
    expect(message).toMatch(
      new RegExp(`download from ${server.url}/stall/${ARCHIVE} failed: no data for 0.5 s`)
    )
    expect(ms).toBeLessThan(3_000)
  })

  it('that trickles a byte at a time ends at the overall deadline', async () => {
    process.env[DOWNLOAD_TIMEOUT_ENV] = '1500'
    process.env[DOWNLOAD_STALL_ENV] = '1000'
    const { message, ms } = await failure('trickle')
    expect(message).toBe(
      `helm 3.19.0: download from ${server.url}/trickle/${ARCHIVE} failed: not complete within 1.5 s ` +
        '(overall download deadline); nothing was cached'
    )
    expect(server.sent.bytes).toBeGreaterThan(3) // it was sending, just too slowly
    expect(ms).toBeGreaterThanOrEqual(1_400)
    expect(ms).toBeLessThan(4_000)
  })

  it('that never ends stops at the size cap, with no more than the cap on disk', async () => {
    process.env[DOWNLOAD_MAX_BYTES_ENV] = String(1024 * 1024)
    const { message, ms } = await failure('endless')
    expect(message).toBe(
      `helm 3.19.0: download from ${server.url}/endless/${ARCHIVE} failed: larger than the size cap of ` +
        '1 MiB (the body went on past it); stopped; nothing was cached'
    )
    expect(ms).toBeLessThan(5_000)
  })

  afterEach(() => {
    // Nothing in the tool cache, nothing in RUNNER_TEMP, whatever the failure.
    expect(leftovers(dirs.cache)).toEqual([])
    expect(leftovers(dirs.temp)).toEqual([])
  })
})

describe('downloadFile', () => {
  it('writes no more than the cap: every byte written is counted at the other end of a FIFO', async () => {
    const fifo = path.join(dirs.temp, 'archive')
    execFileSync('mkfifo', [fifo])
    let received = 0
    const reader = new Promise<void>(resolve => {
      const stream = createReadStream(fifo)
      stream.on('data', chunk => (received += chunk.length))
      stream.on('close', () => resolve())
    })
    const cap = 1024 * 1024 + 123 // not a multiple of the server's 64 KiB chunks
    const limits = { deadlineMs: 10_000, stallMs: 5_000, maxBytes: cap }
    await expect(downloadFile(`${server.url}/endless/x.tgz`, fifo, limits)).rejects.toThrow(
      'larger than the size cap of 1 MiB (the body went on past it); stopped'
    )
    await reader
    expect(received).toBeGreaterThan(0)
    expect(received).toBeLessThanOrEqual(cap)
    expect(leftovers(dirs.temp)).toEqual([]) // the partial file is removed
  })
})

describe('downloadLimits', () => {
  it('defaults to 10 min, a 60 s stall limit and the archive cap; the environment overrides', () => {
    expect(downloadLimits(HELM_MAX_BYTES, {})).toEqual({
      deadlineMs: 600_000,
      stallMs: 60_000,
      maxBytes: 128 * 1024 * 1024
    })
    expect(JMETER_MAX_BYTES).toBe(256 * 1024 * 1024)
    const env = { [DOWNLOAD_TIMEOUT_ENV]: '5000', [DOWNLOAD_STALL_ENV]: 'x', [DOWNLOAD_MAX_BYTES_ENV]: '10' }
    expect(downloadLimits(1, env)).toEqual({ deadlineMs: 5000, stallMs: 60_000, maxBytes: 10 })
  })
})
