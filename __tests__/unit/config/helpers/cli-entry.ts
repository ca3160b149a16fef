/**
 * A CLI with only the config command, handling errors as src/cli/index.ts does: what the CLI tests run
 * when dist/cli/index.js is not built yet.
 */
import { Command, CommanderError } from 'commander'
import { configCommand } from '../../../../src/cli/commands/config.js'
import { exitCodeFor } from '../../../../src/cli/exit-codes.js'
import { describe } from '../../../../src/errors.js'

const program = new Command('carts-deploy').addCommand(configCommand())
const all = (command: Command): Command[] => [command, ...command.commands.flatMap(all)]
for (const command of all(program)) command.exitOverride()

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2
  } else {
    process.stderr.write(`carts-deploy: ${describe(error)}\n`)
    process.exitCode = exitCodeFor(error)
  }
})
