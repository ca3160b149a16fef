/**
 * Prometheus's HTTP API, `/api/v1/query`: one instant query, one number or the reason there is none (an
 * unreachable server, a query error, an empty result, NaN, no answer in time). Never throws for those: a
 * missing value is for the gate to judge, per Keptn.
 */

export interface PrometheusEndpoint {
  /** The server's base URL, e.g. http://prometheus.monitoring:9090 (a path prefix is kept). */
  readonly url: string
  /** The whole Authorization header value for a hosted Prometheus (`Bearer …`); a secret. */
  readonly authorization?: string
  readonly timeoutMs: number
}

/** The value of each series the query returned (at least one), or why there is none. */
export type QueryOutcome =
  { readonly values: readonly number[] } | { readonly values: null; readonly reason: string }

/** Prometheus answers an instant query in a few KiB; a larger body is not a single value. */
export const MAX_ANSWER_BYTES = 1 << 20

interface Answer {
  status?: string
  errorType?: string
  error?: string
  data?: { resultType?: string; result?: unknown }
}

/** Evaluates `query` at `time` (epoch ms). */
export async function queryInstant(
  endpoint: PrometheusEndpoint,
  query: string,
  time: number
): Promise<QueryOutcome> {
  const url = `${endpoint.url.replace(/\/+$/, '')}/api/v1/query`
  const body = new URLSearchParams({ query, time: (time / 1000).toFixed(3) })
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        ...(endpoint.authorization ? { authorization: endpoint.authorization } : {})
      },
      body,
      signal: AbortSignal.timeout(endpoint.timeoutMs)
    })
  } catch (error) {
    return { values: null, reason: unreachable(endpoint, error) }
  }
  let text: string
  try {
    text = await readCapped(response)
  } catch (error) {
    return { values: null, reason: unreachable(endpoint, error) }
  }
  return outcomeOf(response.status, text)
}

/** Pure: the outcome of Prometheus's answer (HTTP status and body). */
export function outcomeOf(status: number, text: string): QueryOutcome {
  let answer: Answer
  try {
    answer = JSON.parse(text) as Answer
  } catch {
    return { values: null, reason: `Prometheus answered HTTP ${status} without JSON: ${firstLine(text)}` }
  }
  if (answer.status !== 'success')
    return {
      values: null,
      reason: `Prometheus: ${answer.errorType ?? `HTTP ${status}`}: ${firstLine(answer.error ?? 'no error message')}`
    }
  const data = answer.data ?? {}
  const samples = samplesOf(data.resultType, data.result)
  if (samples === null)
    return { values: null, reason: `Prometheus answered a ${String(data.resultType)}, not a number` }
  if (samples.length === 0) return { values: null, reason: 'no data: the query returned an empty result' }
  const values = samples.map(Number)
  const bad = values.findIndex(v => !Number.isFinite(v))
  if (bad >= 0) return { values: null, reason: `the query returned ${samples[bad]}, not a number` }
  return { values }
}

/** The sample values of a vector (one per series) or scalar result; null for other result types. */
function samplesOf(type: string | undefined, result: unknown): string[] | null {
  if (type === 'scalar' && Array.isArray(result)) return [String(result[1])]
  if (type !== 'vector' || !Array.isArray(result)) return null
  return (result as { value?: [number, string] }[]).map(series => String(series.value?.[1]))
}

async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader()
  if (!reader) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel()
      throw new Error(`answer larger than ${MAX_ANSWER_BYTES >> 20} MiB`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function unreachable(endpoint: PrometheusEndpoint, error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } }
  const why =
    e.name === 'TimeoutError'
      ? `no answer within ${endpoint.timeoutMs / 1000} s`
      : (e.cause?.code ?? e.cause?.message ?? e.message)
  return `Prometheus at ${endpoint.url} unreachable: ${why}`
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? ''
  return line.length > 200 ? `${line.slice(0, 200)}…` : line
}
