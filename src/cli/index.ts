#!/usr/bin/env node
/** carts-deploy: the same pipeline code as the action, for people and scripts. */
import { Command, CommanderError, Help } from 'commander'
import { describe } from '../contracts/errors.js'
import { exitCodeFor } from '../contracts/errors.js'

interface Entry {
  /** How the top-level help lists the command, and its description there. */
  readonly term: string
  readonly description: string
  readonly load: () => Promise<Command>
}

// Only the chosen command's module is loaded: `evaluate` should not pay (in start-up time and memory)
// for the helm, git and @actions code of `run`. The top-level help lists these stand-ins; each
// command's own help comes from its module, so keep these descriptions in step with the modules.
const COMMANDS: Record<string, Entry> = {
  plan: {
    term: 'plan [options]',
    description: 'Print the plan of one stage: namespace, strategies, approval, next stage.',
    load: async () => (await import('./commands/plan.js')).planCommand()
  },
  config: {
    term: 'config',
    description: 'read and write the desired image of each stage',
    load: async () => (await import('./commands/config.js')).configCommand()
  },
  evaluate: {
    term: 'evaluate [options]',
    description: 'Evaluate results against an SLO. Exit 0 pass or warning, 1 fail, 2 unusable input.',
    load: async () => (await import('./commands/evaluate.js')).evaluateCommand()
  },
  workflow: {
    term: 'workflow [options]',
    description: 'Write the GitHub Actions delivery workflow for a shipyard: a gated job per stage.',
    load: async () => (await import('./commands/workflow.js')).workflowCommand()
  },
  run: {
    term: 'run [options]',
    description:
      'Run one stage (commit, install, deploy, test, evaluate, gate) against the current kube context.',
    load: async () => (await import('./commands/run.js')).runCommand()
  }
}

async function buildProgram(argv: readonly string[]): Promise<Command> {
  // `carts-deploy help <command>` needs the real command as much as `carts-deploy <command>` does.
  const chosen = argv[0] === 'help' ? argv[1] : argv[0]
  const program = new Command('carts-deploy')
    .description('Keptn-style multi-stage delivery with quality gates: plan, config branch, evaluate, run.')
    .configureHelp({
      subcommandTerm: command => COMMANDS[command.name()]?.term ?? new Help().subcommandTerm(command)
    })
  for (const [name, entry] of Object.entries(COMMANDS)) {
    program.addCommand(
      name === chosen ? await entry.load() : new Command(name).description(entry.description)
    )
  }
  // addCommand() does not pass these settings down: every command must throw instead of exiting.
  const all = (command: Command): Command[] => [command, ...command.commands.flatMap(all)]
  for (const command of all(program))
    command.exitOverride().configureOutput({ outputError: (text, write) => write(text) })
  return program
}

try {
  const program = await buildProgram(process.argv.slice(2))
  await program.parseAsync(process.argv)
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    process.exitCode = error.exitCode === 0 ? 0 : 2
  } else {
    process.stderr.write(`carts-deploy: ${describe(error)}\n`)
    process.exitCode = exitCodeFor(error)
  }
}
