#!/usr/bin/env node
// Stand-in for the sockshop "carts" service, for end-to-end tests of carts-deploy-action.
// Plain Node 20, no dependencies. Listens on 127.0.0.1 only.
//
//   node server.mjs [--port 0] [--version 0.8.1 | --from-kube <namespace>/<deployment>]
//                   [--slow-ms 1000] [--slow-versions 0.8.2] [--fail-every N] [--unhealthy]
//
// The first line on stdout is `listening http://127.0.0.1:<port>`.
//
// Options (environment variable in brackets):
//   --port N               (PORT) 0 = pick a free port. Default 0.
//   --version X            (CARTS_VERSION) the version this process pretends to be.
//   --from-kube ns[/name]  (CARTS_FROM_KUBE) read the version from the image tag of a Deployment in
//                          the test cluster (without a name: the one changed last that has replicas), and
//                          re-read it every --kube-interval-ms (CARTS_KUBE_INTERVAL_MS, default 3000).
//                          --container NAME picks a container (default: the first one);
//                          --kubeconfig PATH and --context NAME are passed to kubectl (KUBECONFIG works too).
//                          --kubectl PATH (KUBECTL) names the kubectl binary.
//   --slow-ms N            (CARTS_SLOW_MS) latency added to every request by a slow version. Default 1000.
//   --slow-versions a,b    (CARTS_SLOW_VERSIONS) versions that are slow. Default 0.8.2.
//   --fast-ms N            (CARTS_FAST_MS) max random latency of other versions. Default 5.
//   --fail-every N         (CARTS_FAIL_EVERY) every Nth request to /carts/... answers 500
//                          (status message "Injected failure, request <n>"). 0 = never. Default 0.
//   --unhealthy            (CARTS_UNHEALTHY=1) GET /health answers 503.
//
// API:
//   GET    /health                      200 {"status":"ok"} (503 {"status":"unhealthy"} with --unhealthy)
//   GET    /version                     200 {"version":"0.8.1","source":"flag|env|kube|default"}
//   GET    /stats                       200 request/failure counters
//   POST   /carts/:customerId/items     201 the stored item ({"itemId","unitPrice","quantity"}); 400 on bad JSON
//   GET    /carts/:customerId           200 {"customerId","items":[...]}
//   GET    /carts/:customerId/items     200 [...items]
//   DELETE /carts/:customerId           202
//   anything else                       404 (405 for a known path with another method)
// Every response carries an `X-Carts-Version` header.
// SIGTERM / SIGINT: stop accepting, close idle connections, let in-flight requests finish
// (grace max(2 s, slow-ms + 1 s)), then cut the rest and exit 0.

import { execFile } from 'node:child_process'
import http from 'node:http'
import { parseArgs } from 'node:util'

const { values: opt } = parseArgs({
  options: {
    port: { type: 'string' },
    version: { type: 'string' },
    'from-kube': { type: 'string' },
    'kube-interval-ms': { type: 'string' },
    container: { type: 'string' },
    kubeconfig: { type: 'string' },
    context: { type: 'string' },
    kubectl: { type: 'string' },
    'slow-ms': { type: 'string' },
    'slow-versions': { type: 'string' },
    'fast-ms': { type: 'string' },
    'fail-every': { type: 'string' },
    unhealthy: { type: 'boolean' }
  },
  strict: true
})

const env = process.env
function int(name, value, dflt) {
  if (value === undefined || value === '') return dflt
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) {
    console.error(`carts-standin: --${name} must be a non-negative integer, got ${JSON.stringify(value)}`)
    process.exit(2)
  }
  return n
}

const cfg = {
  port: int('port', opt.port ?? env.PORT, 0),
  slowMs: int('slow-ms', opt['slow-ms'] ?? env.CARTS_SLOW_MS, 1000),
  fastMs: int('fast-ms', opt['fast-ms'] ?? env.CARTS_FAST_MS, 5),
  slowVersions: (opt['slow-versions'] ?? env.CARTS_SLOW_VERSIONS ?? '0.8.2')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean),
  failEvery: int('fail-every', opt['fail-every'] ?? env.CARTS_FAIL_EVERY, 0),
  unhealthy: opt.unhealthy === true || env.CARTS_UNHEALTHY === '1' || env.CARTS_UNHEALTHY === 'true',
  fromKube: opt['from-kube'] ?? env.CARTS_FROM_KUBE,
  kubeIntervalMs: int('kube-interval-ms', opt['kube-interval-ms'] ?? env.CARTS_KUBE_INTERVAL_MS, 3000),
  kubectl: opt.kubectl ?? env.KUBECTL ?? 'kubectl'
}

let version = 'unknown'
let versionSource = 'default'
if (opt.version) {
  version = opt.version
  versionSource = 'flag'
} else if (env.CARTS_VERSION) {
  version = env.CARTS_VERSION
  versionSource = 'env'
}

// ---- version from the test cluster -------------------------------------------------------------
/** "registry:5000/keptnexamples/carts:0.8.2" -> "0.8.2"; "carts@sha256:..." -> the digest; no tag -> "latest" */
function tagOf(image) {
  const at = image.indexOf('@')
  if (at >= 0) return image.slice(at + 1)
  const lastSlash = image.lastIndexOf('/')
  const colon = image.indexOf(':', lastSlash + 1)
  return colon >= 0 ? image.slice(colon + 1) : 'latest'
}

let kubeTimer
let kubeInFlight = false
function readKubeVersion() {
  if (kubeInFlight) return
  const m = /^([^/\s]+)(?:\/([^/\s]+))?$/.exec(cfg.fromKube)
  if (!m) {
    console.error(
      `carts-standin: --from-kube must be <namespace>[/<deployment>], got ${JSON.stringify(cfg.fromKube)}`
    )
    process.exit(2)
  }
  const [, ns, name] = m
  const args = []
  if (opt.kubeconfig) args.push('--kubeconfig', opt.kubeconfig)
  if (opt.context) args.push('--context', opt.context)
  // Without a name: the Deployment of the namespace that was changed last and has replicas, i.e. the
  // version a deploy just rolled out (blue/green: the new colour, until it is promoted or discarded).
  args.push(
    'get',
    'deployment',
    ...(name ? [name] : []),
    '--namespace',
    ns,
    '--output',
    'json',
    '--show-managed-fields'
  )
  kubeInFlight = true
  execFile(cfg.kubectl, args, { timeout: 10_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
    kubeInFlight = false
    if (err) {
      console.error(`carts-standin: kubectl ${args.join(' ')} failed: ${(stderr || err.message).trim()}`)
      return
    }
    const doc = JSON.parse(stdout)
    const deployment = name ? doc : newestLive(doc.items ?? [])
    const containers = deployment?.spec?.template?.spec?.containers ?? []
    const image = (opt.container ? containers.find(c => c.name === opt.container) : containers[0])?.image
    if (!image) {
      console.error(`carts-standin: no matching container image in ${ns}${name ? `/${name}` : ''}`)
      return
    }
    const next = tagOf(image)
    if (next !== version || versionSource !== 'kube') {
      console.error(`carts-standin: version ${version} -> ${next} (image ${image})`)
      version = next
      versionSource = 'kube'
    }
  })
}

/** The Deployment with replicas whose last change (managedFields time) is the newest. */
function newestLive(items) {
  const changed = d =>
    Math.max(0, ...(d.metadata?.managedFields ?? []).map(f => Date.parse(f.time ?? '') || 0))
  return items.filter(d => (d.spec?.replicas ?? 1) > 0).sort((a, b) => changed(b) - changed(a))[0]
}

// ---- carts -------------------------------------------------------------------------------------
/** @type {Map<string, Map<string, {itemId: string, unitPrice: number, quantity: number}>>} */
const carts = new Map()
const stats = { requests: 0, cartRequests: 0, injectedFailures: 0, byStatus: {} }

function cartOf(customerId) {
  let cart = carts.get(customerId)
  if (!cart) {
    cart = new Map()
    carts.set(customerId, cart)
  }
  return cart
}

function send(res, status, body, statusMessage) {
  const text = body === undefined ? '' : JSON.stringify(body)
  stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1
  res.writeHead(status, statusMessage, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-carts-version': version
  })
  res.end(text)
}

function readBody(req, limit = 1 << 20) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    req.on('data', c => {
      size += c.length
      if (size > limit) {
        reject(new Error('body too large'))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const delay = ms => new Promise(r => setTimeout(r, ms))
function latencyMs() {
  const jitter = cfg.fastMs > 0 ? Math.floor(Math.random() * (cfg.fastMs + 1)) : 0
  return cfg.slowVersions.includes(version) ? cfg.slowMs + jitter : jitter
}

async function handle(req, res) {
  stats.requests++
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const path = url.pathname.replace(/\/+$/, '') || '/'
  const method = req.method ?? 'GET'

  // Read the body first so a delayed answer does not leave the client's upload hanging.
  const body = method === 'POST' || method === 'PUT' ? await readBody(req) : ''
  await delay(latencyMs())

  if (path === '/health') {
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, { error: 'method not allowed' })
    return cfg.unhealthy ? send(res, 503, { status: 'unhealthy' }) : send(res, 200, { status: 'ok' })
  }
  if (path === '/version') {
    if (method !== 'GET') return send(res, 405, { error: 'method not allowed' })
    return send(res, 200, { version, source: versionSource })
  }
  if (path === '/stats') {
    return send(res, 200, { version, ...stats, carts: carts.size })
  }

  const m = /^\/carts\/([^/]+)(\/items)?$/.exec(path)
  if (!m) return send(res, 404, { error: 'not found', path })
  const customerId = decodeURIComponent(m[1])
  const items = m[2] !== undefined

  stats.cartRequests++
  if (cfg.failEvery > 0 && stats.cartRequests % cfg.failEvery === 0) {
    stats.injectedFailures++
    return send(
      res,
      500,
      { error: 'injected failure', request: stats.cartRequests },
      `Injected failure, request ${stats.cartRequests}`
    )
  }

  if (items && method === 'POST') {
    let item
    try {
      item = JSON.parse(body)
    } catch {
      return send(res, 400, { error: 'invalid JSON body' })
    }
    if (!item || typeof item.itemId !== 'string' || item.itemId === '') {
      return send(res, 400, { error: 'itemId (string) is required' })
    }
    const unitPrice = Number(item.unitPrice ?? 0)
    if (!Number.isFinite(unitPrice)) return send(res, 400, { error: 'unitPrice must be a number' })
    const quantity = Number.isInteger(item.quantity) && item.quantity > 0 ? item.quantity : 1
    const cart = cartOf(customerId)
    const existing = cart.get(item.itemId)
    const stored = existing
      ? { ...existing, quantity: existing.quantity + quantity, unitPrice }
      : { itemId: item.itemId, unitPrice, quantity }
    cart.set(item.itemId, stored)
    return send(res, 201, stored)
  }
  if (items && method === 'GET') return send(res, 200, [...cartOf(customerId).values()])
  if (!items && method === 'GET') {
    return send(res, 200, { customerId, items: [...cartOf(customerId).values()] })
  }
  if (!items && method === 'DELETE') {
    carts.delete(customerId)
    return send(res, 202, undefined)
  }
  return send(res, 405, { error: 'method not allowed' })
}

const server = http.createServer((req, res) => {
  handle(req, res).catch(err => {
    if (!res.headersSent) send(res, 500, { error: String(err?.message ?? err) })
    else res.destroy()
  })
})
server.keepAliveTimeout = 30_000

if (cfg.fromKube) {
  readKubeVersion()
  kubeTimer = setInterval(readKubeVersion, Math.max(cfg.kubeIntervalMs, 200))
}

server.listen(cfg.port, '127.0.0.1', () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  process.stdout.write(`listening http://127.0.0.1:${port}\n`)
  console.error(
    `carts-standin: version ${version} (${versionSource})` +
      `${cfg.fromKube ? `, following deployment ${cfg.fromKube}` : ''}` +
      `${cfg.failEvery ? `, every ${cfg.failEvery}. /carts request answers 500` : ''}` +
      `${cfg.unhealthy ? ', unhealthy' : ''}`
  )
})

let stopping = false
function stop(signal) {
  if (stopping) return
  stopping = true
  console.error(`carts-standin: ${signal}, closing`)
  clearInterval(kubeTimer)
  server.close(() => process.exit(0))
  server.closeIdleConnections()
  // In-flight (possibly slowed-down) requests may finish; after the grace period everything is cut.
  const graceMs = Math.max(2000, cfg.slowMs + 1000)
  setTimeout(() => {
    server.closeAllConnections()
  }, graceMs).unref()
  setTimeout(() => process.exit(0), graceMs + 1000).unref()
}
process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))
