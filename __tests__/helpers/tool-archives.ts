/** Shared by the install tests: a loopback HTTP server serving real archives, and temp runner dirs. */
import { execFileSync } from 'node:child_process'
import { createReadStream, existsSync, readdirSync } from 'node:fs'
import { chmod, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { homedir, tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach } from '@jest/globals'
import { fileDigest } from '../../src/installers/checksums.js'

const made: string[] = []

/** A temp directory removed by cleanup(): the JMeter tests copy ~150 MB per install. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

export async function cleanup(): Promise<void> {
  await Promise.all(made.splice(0).map(dir => rm(dir, { recursive: true, force: true })))
}

export const CACHE_ROOT = process.env.CARTS_CACHE || path.join(homedir(), '.cache', 'carts-deploy')
export const JMETER_TGZ = path.join(CACHE_ROOT, 'jmeter-dist', '5.6.3', 'apache-jmeter-5.6.3.tgz')

/** Bodies by URL path: a file on disk (streamed) or bytes. Everything else is a 404. */
export interface ArchiveServer {
  readonly url: string
  readonly requests: string[]
  serve(urlPath: string, body: string | Buffer): void
  close(): Promise<void>
}

export async function startServer(): Promise<ArchiveServer> {
  const routes = new Map<string, string | Buffer>()
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    const urlPath = req.url ?? '/'
    requests.push(urlPath)
    const body = routes.get(urlPath)
    if (body === undefined) {
      res.writeHead(404).end('not found')
    } else if (Buffer.isBuffer(body)) {
      res.writeHead(200, { 'content-length': body.length }).end(body)
    } else {
      res.writeHead(200)
      createReadStream(body).pipe(res)
    }
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    serve: (urlPath, body) => void routes.set(urlPath, body),
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
}

/** A real Helm 3 built by e2e/cluster/build.sh (cluster/helm-v3.x.y/helm), if there is one yet. */
export function realHelm(): { path: string; version: string } | undefined {
  const dir = path.join(CACHE_ROOT, 'cluster')
  if (!existsSync(dir)) return undefined
  const build = readdirSync(dir)
    .filter(name => /^helm-v3\.\d+\.\d+$/.test(name))
    .find(name => existsSync(path.join(dir, name, 'helm')))
  return build ? { path: path.join(dir, build, 'helm'), version: build.slice('helm-v'.length) } : undefined
}

/** `helm-v<v>-linux-amd64.tar.gz` with the official layout `linux-amd64/helm`, from a real ELF program. */
export async function buildHelmArchive(binary: string, outDir: string, version: string): Promise<string> {
  const tree = await tempDir('helm-tree-')
  await mkdir(path.join(tree, 'linux-amd64'))
  await copyFile(binary, path.join(tree, 'linux-amd64', 'helm'))
  await chmod(path.join(tree, 'linux-amd64', 'helm'), 0o755)
  const archive = path.join(outDir, `helm-v${version}-linux-amd64.tar.gz`)
  // gzip -1: a real helm is ~60 MB and this 2-core machine is shared; the format is the same.
  tar(['-I', 'gzip -1', '-cf', archive, '-C', tree, 'linux-amd64'])
  await rm(tree, { recursive: true, force: true })
  return archive
}

/**
 * Fixtures are built with execFileSync, not execTool: execTool can fail with EPIPE when a program
 * exits before its stdin is closed (reported on src/programs/exec.ts), which made these tests flaky.
 */
export function tar(args: string[]): void {
  execFileSync('tar', args, { stdio: ['ignore', 'ignore', 'inherit'] })
}

export function sha(algorithm: 'sha256' | 'sha512', file: string): Promise<string> {
  return fileDigest(file, algorithm)
}

/** Fresh RUNNER_TOOL_CACHE and RUNNER_TEMP: tool-cache reads them at each call, so a test can swap them. */
export async function freshRunnerDirs(): Promise<{ cache: string; temp: string }> {
  const root = await tempDir('install-test-')
  const cache = path.join(root, 'tool-cache')
  const temp = path.join(root, 'temp')
  await mkdir(cache)
  await mkdir(temp)
  process.env.RUNNER_TOOL_CACHE = cache
  process.env.RUNNER_TEMP = temp
  return { cache, temp }
}

export function collectingLog(): {
  info: string[]
  log: { info(m: string): void; warning(m: string): void; debug(m: string): void }
} {
  const info: string[] = []
  return {
    info,
    log: { info: m => void info.push(m), warning: m => void info.push(m), debug: () => undefined }
  }
}

/** What a failed install may leave behind: nothing in the tool cache, nothing in RUNNER_TEMP. */
export function leftovers(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : []
}

/** What an install test file works against: its loopback server, and this test's runner dirs. */
export interface ArchiveTestBed {
  /** Started before the file's first test, closed after its last. */
  readonly server: ArchiveServer
  /** Fresh RUNNER_TOOL_CACHE and RUNNER_TEMP for each test. */
  readonly dirs: { cache: string; temp: string }
}

/**
 * Call at an install test file's top level. Before its first test: a loopback server, given to serve to
 * set up its archives (within timeoutMs). Before each test: fresh runner dirs and an empty request log.
 * After the last: the server closed and every temp directory removed.
 */
export function archiveTestBed(
  serve: (server: ArchiveServer) => Promise<void> = async () => undefined,
  timeoutMs?: number
): ArchiveTestBed {
  let server: ArchiveServer | undefined
  let dirs: { cache: string; temp: string } | undefined
  beforeAll(async () => {
    server = await startServer()
    await serve(server)
  }, timeoutMs)
  afterAll(async () => {
    await server?.close()
    await cleanup()
  })
  beforeEach(async () => {
    dirs = await freshRunnerDirs()
    server!.requests.length = 0
  })
  return {
    get server() {
      if (!server) throw new Error('the archive server starts in beforeAll')
      return server
    },
    get dirs() {
      if (!dirs) throw new Error('the runner dirs are made in beforeEach')
      return dirs
    }
  }
}

/**
 * A mirror that misbehaves, by the first segment of the path: `/silent/...` never answers, `/stall/...`
 * sends the headers (announcing 17 MB) and then nothing, `/trickle/...` sends a byte every 200 ms, and
 * `/endless/...` sends 64 KiB chunks for ever (as fast as the client reads). `sent` counts body bytes.
 */
export interface HostileServer {
  readonly url: string
  readonly sent: { bytes: number }
  close(): Promise<void>
}

export async function startHostileServer(): Promise<HostileServer> {
  const sockets = new Set<import('node:net').Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const sent = { bytes: 0 }
  const server: Server = createServer((req, res) => {
    const kind = (req.url ?? '/').split('/')[1]
    if (kind === 'silent') return
    if (kind === 'stall') return void res.writeHead(200, { 'content-length': '17000000' }).flushHeaders()
    res.writeHead(200)
    if (kind === 'trickle') {
      const timer = setInterval(() => {
        sent.bytes++
        res.write('x')
      }, 200)
      timers.add(timer)
      res.on('close', () => clearInterval(timer))
      return
    }
    const chunk = Buffer.alloc(64 * 1024, 120)
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) sent.bytes += chunk.length
    }
    res.on('drain', pump)
    pump()
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () => {
      for (const timer of timers) clearInterval(timer)
      for (const socket of sockets) socket.destroy()
      return new Promise(resolve => server.close(() => resolve()))
    }
  }
}
