/** Typed errors. Each renders as one line a user can act on. */

/** Shows a user-supplied value safely on one line (newlines and control characters escaped). */
export function quote(value: string, max = 60): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value
  return JSON.stringify(shown)
}

/** A bad action input or CLI option. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly expected: string,
    readonly got?: string
  ) {
    super(`Input '${input}': expected ${expected}${got === undefined ? '' : `, got ${quote(got)}`}`)
    this.name = 'InputError'
  }
}

/** A problem in a file the user gave us, with the line where it is. */
export class ConfigFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${detail}`)
    this.name = 'ConfigFileError'
  }
}

/** An external program failed; carries its own words. */
export class ToolError extends Error {
  constructor(
    readonly tool: string,
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly output: string
  ) {
    const said = lastLines(output, 3)
    super(`${tool} ${args[0] ?? ''} failed (exit ${exitCode ?? 'signal'})${said ? `: ${said}` : ''}`)
    this.name = 'ToolError'
  }
}

/** A pipeline step that does not exist yet: it says so instead of pretending. */
export class StepNotBuiltError extends Error {
  constructor(readonly step: string) {
    super(`The '${step}' step is not built yet in this version of carts-deploy-action; the run stops here.`)
    this.name = 'StepNotBuiltError'
  }
}

function lastLines(text: string, n: number): string {
  return text.trim().split(/\r?\n/).filter(Boolean).slice(-n).join(' | ')
}

/** One line for any thrown value. */
export function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/\r?\n/g, ' ')
}

/** The quality gate said no: the job fails with the gate's reason (after the rollback). */
export class GateFailedError extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'GateFailedError'
  }
}
