/** `workflow`: the GitHub Actions delivery workflow for a shipyard. */
import { rename, writeFile } from 'node:fs/promises'
import { Command } from 'commander'
import { InputError } from '../../contracts/errors.js'
import { imageRepository } from '../../contracts/names.js'
import { loadShipyard } from '../../shipyard/shipyard.js'
import { deliveryWorkflow, type WorkflowOptions } from '../../workflow/delivery-workflow.js'

interface Options {
  shipyard?: string
  output?: string
  uses: string
  chart: string
  jmeterDir?: string
  slo: string[]
  image: string
}

const collect = (value: string, all: string[]) => [...all, value]

/** `--slo staging=slo.yaml` for each stage that has an SLO; the stage must be in the shipyard. */
function sloByStage(entries: readonly string[], stages: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of entries) {
    const at = entry.indexOf('=')
    const stage = entry.slice(0, at)
    const file = entry.slice(at + 1)
    if (at < 0 || !stages.includes(stage) || !file)
      throw new InputError('--slo', `STAGE=FILE with STAGE one of ${stages.join(', ')}`, entry)
    out[stage] = file
  }
  return out
}

export function workflowCommand(): Command {
  return new Command('workflow')
    .description('Write the GitHub Actions delivery workflow for a shipyard: a gated job per stage.')
    .option(
      '--shipyard <file>',
      'Keptn shipyard.yaml, as the workflow sees it from the repository root (default: the embedded dev, staging, production)'
    )
    .option('--output <file>', 'write the workflow here instead of to stdout')
    .option('--uses <action>', 'the action as `uses:` names it', 'org/carts-deploy-action@v1')
    .requiredOption('--chart <dir>', 'Helm chart of the service, from the repository root')
    .option('--jmeter-dir <dir>', "folder of the stages' jmeter.conf.yaml and .jmx files")
    .option('--slo <stage=file>', "a stage's slo.yaml (repeatable)", collect, [])
    .option(
      '--image <repository>',
      'image repository when the event names none',
      'docker.io/keptnexamples/carts'
    )
    .action(async (options: Options) => {
      const shipyard = await loadShipyard(options.shipyard)
      const settings: WorkflowOptions = {
        uses: options.uses,
        chart: options.chart,
        slo: sloByStage(
          options.slo,
          shipyard.stages.map(s => s.name)
        ),
        defaultImage: imageRepository('--image', options.image),
        ...(options.jmeterDir ? { jmeterDir: options.jmeterDir } : {}),
        ...(options.shipyard ? { shipyardFile: options.shipyard } : {})
      }
      const text = deliveryWorkflow(shipyard, settings)
      if (!options.output) return void process.stdout.write(text)
      // Whole or not at all: a workflow half-written is one GitHub refuses to run.
      const partial = `${options.output}.partial`
      await writeFile(partial, text)
      await rename(partial, options.output)
    })
}
