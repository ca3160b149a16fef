/**
 * A git smart-HTTP server for tests: Node's http server in front of `git http-backend`, refusing any request
 * without the expected Authorization header and recording the headers it saw.
 */
import { spawn } from 'node:child_process'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'

export interface GitHttpServer {
  readonly url: string
  readonly seen: string[]
  close(): Promise<void>
}

export interface GitHttpServerOptions {
  /** The loopback address to listen on: another 127.0.0.x is another host to git and curl. */
  readonly host?: string
  /** Answer every request with this redirect (to the same path and query on `redirectTo`'s origin). */
  readonly redirectTo?: string
  readonly redirectStatus?: 301 | 302 | 307 | 308
  /** Serve HTTPS with this key and certificate (PEM), as a GitHub server would be reached. */
  readonly tls?: { readonly key: string; readonly cert: string }
}

export async function startGitHttpServer(
  root: string,
  expectedAuth: string,
  options: GitHttpServerOptions = {}
): Promise<GitHttpServer> {
  const seen: string[] = []
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const auth = req.headers.authorization ?? ''
    seen.push(auth)
    if (options.redirectTo) {
      const location = new URL(req.url ?? '/', options.redirectTo).href
      res.writeHead(options.redirectStatus ?? 301, { location }).end()
      return
    }
    if (auth.toLowerCase() !== expectedAuth.toLowerCase()) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test"' }).end()
      return
    }
    backend(root, req, res)
  }
  const server = options.tls ? createTlsServer(options.tls, handle) : createServer(handle)
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>(resolve => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    seen,
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
}

function backend(root: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const env = {
    ...process.env,
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    REMOTE_USER: 'test', // enables receive-pack
    REMOTE_ADDR: '127.0.0.1',
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
    GIT_PROTOCOL: String(req.headers['git-protocol'] ?? '')
  }
  const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'ignore'] })
  req.pipe(child.stdin)
  const out: Buffer[] = []
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
  child.on('close', () => respond(Buffer.concat(out), res))
}

/** CGI output: headers, a blank line, the body. */
function respond(output: Buffer, res: ServerResponse): void {
  const split = output.indexOf('\r\n\r\n')
  const head = output.subarray(0, split).toString().split('\r\n')
  let status = 200
  const headers: Record<string, string> = {}
  for (const line of head) {
    const [name, ...rest] = line.split(':')
    if (name.toLowerCase() === 'status') status = Number.parseInt(rest.join(':').trim(), 10)
    else headers[name] = rest.join(':').trim()
  }
  res.writeHead(status, headers).end(output.subarray(split + 4))
}
