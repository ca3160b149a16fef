/**
 * Downloads a tool archive with limits that a broken or hostile mirror cannot get around: an overall
 * deadline (headers and body), a stall limit (no byte for that long), and a size cap checked before each
 * write, so at most `maxBytes` ever reach the disk. @actions/tool-cache's downloadTool has none of these
 * (a mirror that trickled a byte a minute never ended; an endless body filled RUNNER_TEMP).
 *
 * Proxies are honoured as tool-cache does, with the agent of @actions/http-client (https_proxy, no_proxy).
 * Redirects are followed (a mirror's CDN), never from https down to http.
 *
 * The limits come from the installer (its archive's size cap) and, to override them, from the environment:
 * CARTS_DEPLOY_DOWNLOAD_TIMEOUT_MS, CARTS_DEPLOY_DOWNLOAD_STALL_MS, CARTS_DEPLOY_DOWNLOAD_MAX_BYTES.
 */
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import { HttpClient } from '@actions/http-client'

export const DOWNLOAD_TIMEOUT_ENV = 'CARTS_DEPLOY_DOWNLOAD_TIMEOUT_MS'
export const DOWNLOAD_STALL_ENV = 'CARTS_DEPLOY_DOWNLOAD_STALL_MS'
export const DOWNLOAD_MAX_BYTES_ENV = 'CARTS_DEPLOY_DOWNLOAD_MAX_BYTES'

export interface DownloadLimits {
  /** The whole download, every redirect and retry included. */
  readonly deadlineMs: number
  /** Longest wait for the next bytes (headers or body). */
  readonly stallMs: number
  /** Most bytes written to disk. */
  readonly maxBytes: number
}

export const DEFAULT_DEADLINE_MS = 10 * 60_000
export const DEFAULT_STALL_MS = 60_000
const MAX_REDIRECTS = 5
const ATTEMPTS = 3

/** The limits for an archive whose cap is `maxBytes`, unless the environment sets others. */
export function downloadLimits(maxBytes: number, env: NodeJS.ProcessEnv = process.env): DownloadLimits {
  const num = (name: string, fallback: number) => {
    const value = Number(env[name])
    return env[name] && Number.isSafeInteger(value) && value > 0 ? value : fallback
  }
  return {
    deadlineMs: num(DOWNLOAD_TIMEOUT_ENV, DEFAULT_DEADLINE_MS),
    stallMs: num(DOWNLOAD_STALL_ENV, DEFAULT_STALL_MS),
    maxBytes: num(DOWNLOAD_MAX_BYTES_ENV, maxBytes)
  }
}

/** A download that cannot complete; `retry` when another attempt may succeed (5xx, a reset connection). */
export class DownloadError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retry = false
  ) {
    super(message)
    this.name = 'DownloadError'
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MiB`
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`
  return `${bytes} bytes`
}

function formatMs(ms: number): string {
  return ms < 10_000 ? `${+(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`
}

/**
 * Writes `url`'s body to `dest`. On any failure `dest` is removed and a DownloadError says why in one line
 * (without the URL: the caller names it).
 */
export async function downloadFile(url: string, dest: string, limits: DownloadLimits): Promise<void> {
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(), limits.deadlineMs)
  const overdue = () =>
    new DownloadError(`not complete within ${formatMs(limits.deadlineMs)} (overall download deadline)`)
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await attemptDownload(url, dest, limits, deadline.signal)
        return
      } catch (error) {
        await rm(dest, { force: true })
        if (deadline.signal.aborted) throw overdue()
        if (!(error instanceof DownloadError) || !error.retry || attempt >= ATTEMPTS) throw error
      }
      try {
        await sleep(1000 * attempt, undefined, { signal: deadline.signal })
      } catch {
        throw overdue()
      }
    }
  } finally {
    clearTimeout(timer)
  }
}

async function attemptDownload(
  url: string,
  dest: string,
  limits: DownloadLimits,
  signal: AbortSignal
): Promise<void> {
  const response = await follow(url, limits, signal)
  const length = Number(response.headers['content-length'])
  if (Number.isFinite(length) && length > limits.maxBytes) {
    response.destroy()
    throw tooLarge(limits, `it announces ${formatBytes(length)}`)
  }
  let written = 0
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      written += chunk.length
      if (written > limits.maxBytes) done(tooLarge(limits, 'the body went on past it'))
      else done(null, chunk)
    }
  })
  const stall = stallWatch(response, limits.stallMs)
  try {
    await pipeline(response, cap, createWriteStream(dest, { mode: 0o600 }), { signal })
  } catch (error) {
    if (error instanceof DownloadError) throw error
    if (stall.fired()) throw stalled(limits)
    if (signal.aborted) throw error
    throw new DownloadError(`the connection failed after ${formatBytes(written)}: ${message(error)}`, 0, true)
  } finally {
    stall.stop()
  }
}

function tooLarge(limits: DownloadLimits, why: string): DownloadError {
  return new DownloadError(`larger than the size cap of ${formatBytes(limits.maxBytes)} (${why}); stopped`)
}

function stalled(limits: DownloadLimits): DownloadError {
  return new DownloadError(`no data for ${formatMs(limits.stallMs)} (stall limit); stopped`)
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\r?\n/g, ' ')
}

/** Destroys the stream when no data came for `ms`; `fired` tells afterwards whether that is why it ended. */
function stallWatch(stream: IncomingMessage, ms: number): { fired(): boolean; stop(): void } {
  let fired = false
  let timer = setTimeout(fire, ms)
  function fire() {
    fired = true
    stream.destroy(new Error('stalled'))
  }
  const onData = () => {
    clearTimeout(timer)
    timer = setTimeout(fire, ms)
  }
  stream.on('data', onData)
  return {
    fired: () => fired,
    stop: () => {
      clearTimeout(timer)
      stream.off('data', onData)
    }
  }
}

/** The response with a 200 status, after at most MAX_REDIRECTS redirects. */
async function follow(url: string, limits: DownloadLimits, signal: AbortSignal): Promise<IncomingMessage> {
  let current = new URL(url)
  for (let hop = 0; ; hop++) {
    const response = await get(current, limits, signal)
    const status = response.statusCode ?? 0
    if (status === 200) return response
    response.resume() // discard the body of a redirect or an error
    const location = response.headers.location
    if ([301, 302, 303, 307, 308].includes(status) && location) {
      const next = new URL(location, current)
      if (hop >= MAX_REDIRECTS) throw new DownloadError(`more than ${MAX_REDIRECTS} redirects`, status)
      if (current.protocol === 'https:' && next.protocol !== 'https:') {
        throw new DownloadError(`redirected from https to ${next.protocol} (refused)`, status)
      }
      if (!['http:', 'https:'].includes(next.protocol)) {
        throw new DownloadError(`redirected to a ${next.protocol} URL (refused)`, status)
      }
      current = next
      continue
    }
    const retry = status >= 500 || status === 408 || status === 429
    throw new DownloadError(`HTTP ${status}`, status, retry)
  }
}

/** One GET; the response once its headers are in (within the stall limit). */
function get(url: URL, limits: DownloadLimits, signal: AbortSignal): Promise<IncomingMessage> {
  const agent = new HttpClient('carts-deploy-action').getAgent(url.href)
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const headers = { 'user-agent': 'carts-deploy-action' }
    const req = request(url, { agent, signal, headers }, response => {
      req.setTimeout(0) // from here stallWatch watches the body
      resolve(response)
    })
    req.setTimeout(limits.stallMs, () => req.destroy(stalled(limits)))
    req.on('error', error => {
      if (error instanceof DownloadError || signal.aborted) reject(error)
      else reject(new DownloadError(`the request failed: ${message(error)}`, 0, true))
    })
    req.end()
  })
}
