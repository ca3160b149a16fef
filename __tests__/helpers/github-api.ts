/**
 * A local GitHub REST API for the deployment calls, held to GitHub's own published description
 * (@octokit/openapi, api.github.com): every request is routed by the description's paths and checked
 * against its operation (path and query parameters, JSON body); every answer is built from the
 * operation's example and checked against its response schema. Anything that does not match is recorded
 * as a violation and refused (404 for no such operation, 422 for a request the schema rejects). Tokens
 * in `readOnly` get GitHub's 403 for writes.
 */
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { Ajv, type ValidateFunction } from 'ajv'

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required?: boolean
  schema: object
}
interface Operation {
  operationId: string
  parameters?: Parameter[]
  requestBody?: { required?: boolean; content: Record<string, { schema: object }> }
  responses: Record<
    string,
    { content?: Record<string, { schema: object; examples?: Record<string, { value: unknown }> }> }
  >
}
type PathItem = Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', Operation>>

export interface Recorded {
  readonly method: string
  readonly path: string
  readonly operationId: string
  readonly query: Record<string, string>
  readonly body: Record<string, unknown> | undefined
  readonly token: string | undefined
}

export interface GitHubApi {
  readonly url: string
  readonly requests: Recorded[]
  readonly violations: string[]
  close(): Promise<void>
}

let description: { paths: Record<string, PathItem> } | undefined
/** The description is 70 MB: read once per test file. */
function loadDescription(): { paths: Record<string, PathItem> } {
  const require = createRequire(import.meta.url)
  description ??= JSON.parse(
    readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.deref.json'), 'utf8')
  ) as { paths: Record<string, PathItem> }
  return description
}

const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false, coerceTypes: false })
const compiled = new WeakMap<object, ValidateFunction>()
function validator(schema: object): ValidateFunction {
  let v = compiled.get(schema)
  if (!v) compiled.set(schema, (v = ajv.compile(schema)))
  return v
}

function routes(
  paths: Record<string, PathItem>
): { pattern: RegExp; names: string[]; item: PathItem; template: string }[] {
  return Object.entries(paths).map(([template, item]) => {
    const names: string[] = []
    const source = template
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name)
        return '([^/]+)'
      })
    return { pattern: new RegExp(`^${source}$`), names, item, template }
  })
}

/** A query or path value as its schema's type reads it. */
function coerce(value: string, schema: { type?: string }): unknown {
  if (schema.type === 'integer' || schema.type === 'number')
    return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value
  if (schema.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value
  return value
}

export async function startGitHubApi(options: { readOnly?: readonly string[] } = {}): Promise<GitHubApi> {
  const table = routes(loadDescription().paths)
  const requests: Recorded[] = []
  const violations: string[] = []
  const deployments: Record<string, unknown>[] = []
  let nextId = 1000

  function answer(res: ServerResponse, op: Operation, status: number, body: unknown, where: string): void {
    const schema = op.responses[String(status)]?.content?.['application/json']?.schema
    if (!schema) violations.push(`${where}: the description has no ${status} answer`)
    else if (!validator(schema)(body))
      violations.push(
        `${where}: our ${status} answer breaks the description: ${ajv.errorsText(validator(schema).errors)}`
      )
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify(body))
  }

  function example(op: Operation, status: number): Record<string, unknown> {
    const content = op.responses[String(status)]?.content?.['application/json']
    const value = Object.values(content?.examples ?? {})[0]?.value
    return structuredClone((Array.isArray(value) ? value[0] : value) ?? {}) as Record<string, unknown>
  }

  function handle(req: IncomingMessage, res: ServerResponse, text: string): void {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const method = (req.method ?? 'GET').toLowerCase() as keyof PathItem
    const where = `${req.method} ${url.pathname}`
    const route = table.find(r => r.pattern.test(url.pathname) && r.item[method])
    const refuse = (status: number, message: string) => {
      violations.push(`${where}: ${message}`)
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message }))
    }
    if (!route) return refuse(404, 'no such operation in the description')
    const op = route.item[method]!
    const values = route.pattern.exec(url.pathname)!.slice(1)
    const params: Record<string, unknown> = {}
    for (const p of op.parameters ?? []) {
      if (p.in === 'path') {
        const raw = decodeURIComponent(values[route.names.indexOf(p.name)] ?? '')
        params[p.name] = coerce(raw, p.schema)
        if (!validator(p.schema)(params[p.name]))
          return refuse(422, `path parameter ${p.name}: ${ajv.errorsText(validator(p.schema).errors)}`)
      }
    }
    const query = Object.fromEntries(url.searchParams)
    const declared = new Map((op.parameters ?? []).filter(p => p.in === 'query').map(p => [p.name, p]))
    for (const [name, raw] of Object.entries(query)) {
      const p = declared.get(name)
      if (!p) return refuse(422, `query parameter ${name} is not in the description`)
      if (!validator(p.schema)(coerce(raw, p.schema)))
        return refuse(422, `query parameter ${name}: ${ajv.errorsText(validator(p.schema).errors)}`)
    }
    let body: Record<string, unknown> | undefined
    if (op.requestBody) {
      const schema = op.requestBody.content['application/json']?.schema
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined
      } catch {
        return refuse(400, 'the body is not JSON')
      }
      if (body === undefined && op.requestBody.required) return refuse(422, 'the body is required')
      if (body !== undefined && schema && !validator(schema)(body))
        return refuse(422, `body: ${ajv.errorsText(validator(schema).errors)}`)
    } else if (text) return refuse(422, 'this operation takes no body')
    const token = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      operationId: op.operationId,
      query,
      body,
      token
    })
    if (method !== 'get' && token && options.readOnly?.includes(token)) {
      res.writeHead(403, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: 'Resource not accessible by integration', status: '403' }))
      return
    }
    const now = new Date().toISOString()
    const repoUrl = `http://${req.headers.host}/repos/${String(params.owner)}/${String(params.repo)}`
    switch (op.operationId) {
      case 'repos/create-deployment': {
        const id = nextId++
        const d = {
          ...example(op, 201),
          id,
          node_id: `DE_${id}`,
          url: `${repoUrl}/deployments/${id}`,
          statuses_url: `${repoUrl}/deployments/${id}/statuses`,
          sha: String(body?.ref),
          ref: String(body?.ref),
          task: 'deploy',
          payload: body?.payload ?? {},
          environment: String(body?.environment ?? 'production'),
          description: (body?.description as string | undefined) ?? null,
          created_at: now,
          updated_at: now
        }
        deployments.unshift(d)
        return answer(res, op, 201, d, where)
      }
      case 'repos/create-deployment-status': {
        const d = deployments.find(x => x.id === params.deployment_id)
        if (!d) return refuse(404, `no deployment ${String(params.deployment_id)}`)
        const status = {
          ...example(op, 201),
          id: nextId++,
          state: body?.state,
          environment: d.environment,
          environment_url: (body?.environment_url as string | undefined) ?? '',
          log_url: (body?.log_url as string | undefined) ?? '',
          target_url: '',
          description: '',
          deployment_url: d.url,
          url: `${String(d.url)}/statuses/${nextId}`,
          repository_url: repoUrl,
          created_at: now,
          updated_at: now
        }
        return answer(res, op, 201, status, where)
      }
      case 'repos/list-deployments': {
        const list = deployments.filter(d => !query.environment || d.environment === query.environment)
        return answer(res, op, 200, list.slice(0, Number(query.per_page ?? 30)), where)
      }
      default:
        return refuse(501, `${op.operationId} is in the description but not answered here`)
    }
  }

  const server = createServer((req, res) => {
    let text = ''
    req.on('data', chunk => (text += chunk))
    req.on('end', () => handle(req, res, text))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    violations,
    close: async () => {
      server.closeAllConnections()
      await new Promise(resolve => server.close(resolve))
    }
  }
}
