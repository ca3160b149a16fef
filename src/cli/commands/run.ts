/** `run`: one stage of the pipeline from a terminal, against the current kube context; same code as the action. */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Command, Option } from 'commander'
import { INPUTS, type InputName } from '../../contracts/action-interface.js'
import { EXIT } from '../../contracts/errors.js'
import type { Reporter } from '../../contracts/reporter.js'
import { readUserFile } from '../../files/user-file.js'
import { buildConfig, type RawInputs } from '../../inputs/build-config.js'
import { runStage } from '../../pipeline/run-stage.js'
import type { Outputs } from '../../report/outputs.js'

// The kubeconfig and token are files or environment here: never secrets on a command line.
const NOT_FLAGS: readonly InputName[] = ['kubeconfig', 'github-token']

export function runCommand(): Command {
  const command = new Command('run').description(
    'Run one stage (commit, install, deploy, test, evaluate, gate) against the current kube context.'
  )
  for (const [name, spec] of Object.entries(INPUTS) as [InputName, (typeof INPUTS)[InputName]][]) {
    if (NOT_FLAGS.includes(name)) continue
    const option = new Option(`--${name} <value>`, spec.description)
    command.addOption('required' in spec ? option.makeOptionMandatory() : option)
  }
  return command
    .option('--kubeconfig-file <file>', 'kubeconfig to use (default: KUBECONFIG or ~/.kube/config)')
    .option('--summary <file>', 'write the job summary (markdown) to this file')
    .option(
      '--out <dir>',
      'keep the JMeter results and evaluation.json in this folder (without it they are removed at the end, and not printed)'
    )
    .option('--json', 'print the outputs as JSON')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const raw: RawInputs = Object.fromEntries(
        Object.keys(INPUTS).map(name => [name, options[camel(name)] as string | undefined])
      )
      raw['github-token'] = process.env.GITHUB_TOKEN
      if (typeof options.kubeconfigFile === 'string')
        raw.kubeconfig = readUserFile(options.kubeconfigFile, 'small')
      const config = buildConfig(raw, { workspace: process.cwd() })
      const tempDir = await mkdtemp(path.join(tmpdir(), 'carts-deploy-'))
      try {
        const outcome = await runStage(config, consoleReporter, tempDir)
        if (typeof options.summary === 'string') await writeFile(options.summary, outcome.summary)
        const outputs = await keepFiles(
          outcome.outputs,
          typeof options.out === 'string' ? path.resolve(options.out) : undefined
        )
        process.stdout.write(options.json ? `${JSON.stringify(outputs, null, 2)}\n` : formatOutputs(outputs))
        if (outcome.failure) process.stderr.write(`carts-deploy: ${outcome.failure}\n`)
        process.exitCode = outcome.failure ? EXIT.failed : EXIT.ok
      } finally {
        await rm(tempDir, { recursive: true, force: true })
      }
    })
}

/**
 * The run's temp folder (which also held the kubeconfig) is removed at the end: the files the outputs name
 * are copied to `out` first and named there, or not named at all.
 */
async function keepFiles(outputs: Outputs, out: string | undefined): Promise<Outputs> {
  const kept: Outputs = { ...outputs, 'results-dir': undefined, evaluation: undefined }
  if (!out) return kept
  await mkdir(out, { recursive: true })
  for (const [name, file] of [
    ['results-dir', 'jmeter-results'],
    ['evaluation', 'evaluation.json']
  ] as const) {
    const from = outputs[name]
    if (!from) continue
    await cp(from, path.join(out, file), { recursive: true })
    kept[name] = path.join(out, file)
  }
  return kept
}

const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())

const formatOutputs = (outputs: Outputs) =>
  Object.entries(outputs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}\n`)
    .join('')

const consoleReporter: Reporter = {
  info: message => process.stderr.write(`${message}\n`),
  warning: message => process.stderr.write(`warning: ${message}\n`),
  debug: message => {
    if (process.env.CARTS_DEBUG) process.stderr.write(`debug: ${message}\n`)
  },
  group: async (name, work) => {
    process.stderr.write(`\n▶ ${name}\n`)
    return work()
  },
  // A terminal keeps no log that a mask could protect; secrets are never printed in the first place.
  mask: () => undefined,
  annotate: a =>
    process.stderr.write(
      `${a.file ?? ''}${a.line ? `:${a.line}` : ''}: ${a.level}: ${a.title}: ${a.message}\n`
    )
}
