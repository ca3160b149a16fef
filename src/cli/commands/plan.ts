/** `plan`: what a stage of the shipyard will do. */
import { Command } from 'commander'
import { dnsLabel } from '../../contracts/names.js'
import type { StagePlan } from '../../contracts/plan.js'
import { planStage } from '../../shipyard/plan.js'
import { loadShipyard } from '../../shipyard/shipyard.js'

export function planCommand(): Command {
  return new Command('plan')
    .description('Print the plan of one stage: namespace, strategies, approval, next stage.')
    .requiredOption('--stage <name>', 'stage of the shipyard')
    .option('--shipyard <file>', 'Keptn shipyard.yaml (default: the embedded dev, staging, production)')
    .option('--project <name>', 'project name', 'sockshop')
    .option('--namespace <name>', 'namespace instead of <project>-<stage>')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        stage: string
        shipyard?: string
        project: string
        namespace?: string
        json?: boolean
      }) => {
        if (options.namespace) dnsLabel('namespace', options.namespace)
        const shipyard = await loadShipyard(options.shipyard)
        const plan = planStage(
          shipyard,
          options.stage,
          dnsLabel('project', options.project),
          options.namespace
        )
        process.stdout.write(options.json ? `${JSON.stringify(plan, null, 2)}\n` : describePlan(plan))
      }
    )
}

export function describePlan(plan: StagePlan): string {
  const rows: [string, string][] = [
    ['stage', plan.stage],
    ['namespace', plan.namespace],
    ['deployment', plan.deploymentStrategy ?? 'none (quality gate only)'],
    ['test', plan.testStrategy ?? 'none'],
    ['approval', `pass ${plan.approval.pass}, warning ${plan.approval.warning}`],
    ['next stage', plan.nextStage ?? '(last stage)'],
    ['shipyard', plan.shipyard]
  ]
  return rows.map(([k, v]) => `${k.padEnd(11)} ${v}\n`).join('')
}
