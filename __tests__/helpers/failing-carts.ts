/**
 * A fault injector in front of a real carts process, for the tests that need a service which fails
 * every Nth request ("functional fails on one error", "performance passes within the accepted error
 * rate"). No real carts version does that, so this is test-only scaffolding, not a carts version:
 * an `http.Server` in the jest process on a free 127.0.0.1 port that forwards every request to the
 * real carts it is given (e.g. 0.8.1 from e2e/images) and answers every Nth request to the carts
 * API (`/carts/...`) itself with a 500 "Injected failure, request <n>" instead of forwarding it.
 * Other paths (`/health`, `/version`, ...) are always forwarded and not counted, so a health check
 * before the workload does not shift which workload request fails. Everything the tests measure
 * besides the injected failures (status codes, bodies, latency) comes from the real service.
 */
import { Agent, createServer, request, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FailingCarts {
  /** `http://127.0.0.1:<port>`: give this to the test step as the service URL. */
  readonly url: string
  /** Requests to `/carts/...` seen so far, and how many of them were answered with the injected 500. */
  readonly stats: { cartRequests: number; injected: number }
  close(): Promise<void>
}

// Per-connection headers (RFC 9110 7.6.1): not forwarded, each hop sets its own.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade'
])

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)))
}

/** Starts the injector in front of `upstream` (a carts base URL); every `failEvery`th `/carts/` request fails. */
export async function startFailingCarts(upstream: string, failEvery: number): Promise<FailingCarts> {
  if (!Number.isInteger(failEvery) || failEvery < 1)
    throw new Error(`failEvery must be ≥ 1, got ${failEvery}`)
  const target = new URL(upstream)
  const agent = new Agent({ keepAlive: true })
  const stats = { cartRequests: 0, injected: 0 }

  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname
    if (pathname.startsWith('/carts/')) {
      const n = ++stats.cartRequests
      if (n % failEvery === 0) {
        stats.injected++
        req.resume() // drain the upload; it is not forwarded
        const body = JSON.stringify({ error: 'injected failure', request: n })
        res.writeHead(500, `Injected failure, request ${n}`, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body)
        })
        res.end(body)
        return
      }
    }
    const forward = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...endToEnd(req.headers), host: target.host }
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers))
        answer.pipe(res)
      }
    )
    forward.on('error', err => {
      if (res.headersSent) res.destroy(err)
      else
        res
          .writeHead(502, { 'content-type': 'text/plain' })
          .end(`failing-carts: upstream ${upstream}: ${err.message}`)
    })
    req.pipe(forward)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
        agent.destroy()
      })
  }
}
