/** Runs the bundled action exactly as the runner does: INPUT_* variables and the runner's files. */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DIST_ACTION } from './paths.js'

export interface ActionRun {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
  readonly dir: string
}

/**
 * `workspace` files are written first (path relative to the workspace -> content), into `dir` when given
 * (a workspace prepared by the test), else into a new temp dir.
 */
export function runAction(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  workspace: Record<string, string> = {},
  dir = mkdtempSync(path.join(tmpdir(), 'carts-action-'))
): ActionRun {
  const run = prepare(inputs, env, workspace, dir)
  const result = spawnSync(process.execPath, [DIST_ACTION], {
    env: run.env,
    encoding: 'utf8',
    timeout: 600_000
  })
  return run.finish(result.status, result.stdout, result.stderr)
}

/** The same without blocking this process: for tests that serve the action's downloads themselves. */
export function runActionAsync(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  workspace: Record<string, string> = {},
  dir = mkdtempSync(path.join(tmpdir(), 'carts-action-'))
): Promise<ActionRun> {
  const run = prepare(inputs, env, workspace, dir)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DIST_ACTION], { env: run.env, timeout: 600_000 })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', status => resolve(run.finish(status, stdout, stderr)))
  })
}

function prepare(
  inputs: Record<string, string>,
  env: Record<string, string>,
  workspace: Record<string, string>,
  dir: string
) {
  for (const [file, text] of Object.entries(workspace)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
  const files = {
    GITHUB_OUTPUT: 'output',
    GITHUB_STEP_SUMMARY: 'summary',
    GITHUB_STATE: 'state',
    GITHUB_ENV: 'env',
    GITHUB_PATH: 'path'
  }
  const runnerEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    RUNNER_TEMP: dir,
    RUNNER_TOOL_CACHE: path.join(dir, 'tool-cache'),
    GITHUB_WORKSPACE: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'sockshop/carts',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '1'
  }
  for (const [name, file] of Object.entries(files)) {
    runnerEnv[name] = path.join(dir, file)
    writeFileSync(runnerEnv[name], '')
  }
  for (const [name, value] of Object.entries(inputs)) runnerEnv[`INPUT_${name.toUpperCase()}`] = value
  return {
    env: { ...runnerEnv, ...env },
    finish: (status: number | null, stdout: string, stderr: string): ActionRun => ({
      status,
      stdout,
      stderr,
      outputs: parseFileCommands(readFileSync(runnerEnv.GITHUB_OUTPUT, 'utf8')),
      summary: readFileSync(runnerEnv.GITHUB_STEP_SUMMARY, 'utf8'),
      dir
    })
  }
}

/** Reads `name<<delimiter ... delimiter` blocks as the runner does. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const value: string[] = []
    while (++i < lines.length && lines[i] !== match[2]) value.push(lines[i])
    out[match[1]] = value.join('\n')
  }
  return out
}
