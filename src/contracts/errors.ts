/**
 * Every failure the project raises, each a typed error that renders as one line a user can act on, and the
 * one map from error to exit code (0 done, 1 failed, 2 unusable input).
 */
import type { GateDecision } from './gate.js'

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

/** The last non-empty lines of a program's output, joined on one line: what it said last is why it failed. */
export function lastLines(text: string, n = 1): string {
  return text.trim().split(/\r?\n/).filter(Boolean).slice(-n).join(' | ')
}

/** One line for any thrown value. */
export function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/\r?\n/g, ' ')
}

/** The quality gate said no: the job fails with the gate's reason (after the rollback it decided). */
export class GateFailedError extends Error {
  constructor(
    reason: string,
    readonly decision: GateDecision
  ) {
    super(reason)
    this.name = 'GateFailedError'
  }
}

/** A results file that cannot be read right: the gate fails with this message rather than guess. */
export class ResultsFileError extends ConfigFileError {
  constructor(file: string, line: number | undefined, detail: string) {
    super(file, line, detail)
    this.name = 'ResultsFileError'
  }
}

/** A deploy, promote or rollback that could not be done; the release was left deployable. */
export class DeployError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DeployError'
  }
}

/** The config branch holds something this project did not write (or git answered unexpectedly). */
export class ConfigBranchError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigBranchError'
  }
}

/** A program answered in a form this project cannot read (an output format changed, a truncated answer). */
export class ToolOutputError extends Error {
  constructor(
    readonly tool: string,
    detail: string
  ) {
    super(`${tool}: ${detail}`)
    this.name = 'ToolOutputError'
  }
}

/** A program the stage needs is missing or unusable (not installed, wrong version, bad archive). */
export class SetupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SetupError'
  }
}

/** Load engines in the cluster that did not start, or died: the test fails with this reason. */
export class LoadEngineError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LoadEngineError'
  }
}

export const EXIT = { ok: 0, failed: 1, unusable: 2 } as const
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** Unusable input (a bad input, option or file, results files included) is 2; every other failure is 1. */
export function exitCodeFor(error: unknown): ExitCode {
  const unusable = error instanceof InputError || error instanceof ConfigFileError
  return unusable ? EXIT.unusable : EXIT.failed
}
