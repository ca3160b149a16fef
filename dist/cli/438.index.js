export const id = 438;
export const ids = [438];
export const modules = {

/***/ 4438:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  workflowCommand: () => (/* binding */ workflowCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/contracts/errors.ts
var errors = __webpack_require__(444);
// EXTERNAL MODULE: ./src/contracts/names.ts
var names = __webpack_require__(279);
// EXTERNAL MODULE: ./src/shipyard/shipyard.ts + 3 modules
var shipyard_shipyard = __webpack_require__(7804);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/workflow/delivery-workflow.ts
/**
 * Pure: the GitHub Actions delivery workflow for a shipyard. A job per stage in shipyard order, each
 * running only when the stage before promoted; a stage whose approval is manual (for pass or warning)
 * gets an approval job on a reviewer-protected environment between it and the next stage.
 */

/** Pure: the command that writes this workflow again (in the header, so nobody edits it by hand). */
function commandLine(options) {
    const slo = Object.entries(options.slo).flatMap(([stage, file]) => ['--slo', `${stage}=${file}`]);
    return [
        'carts-deploy workflow',
        ...(options.shipyardFile ? ['--shipyard', options.shipyardFile] : []),
        '--uses',
        options.uses,
        '--chart',
        options.chart,
        ...(options.jmeterDir ? ['--jmeter-dir', options.jmeterDir] : []),
        ...slo,
        '--image',
        options.defaultImage
    ].join(' ');
}
/**
 * Inputs a repository variable may set (Settings > Variables); an unset variable is empty, and an empty
 * input is the action's default.
 */
const VARIABLES = [
    ['config-repo', 'CONFIG_REPO'],
    ['service-url', 'SERVICE_URL'],
    ['helm-version', 'HELM_VERSION'],
    ['helm-download-url', 'HELM_DOWNLOAD_URL'],
    ['jmeter-download-url', 'JMETER_DOWNLOAD_URL'],
    ['domain', 'DOMAIN']
];
/** A YAML scalar exactly as `value` (quoted where YAML would read it otherwise). */
function scalar(value) {
    return (0,dist/* stringify */.As)(value, { lineWidth: 0 }).trimEnd();
}
/** Job ids start with a letter or `_`; a stage name may start with a digit. */
function jobId(stage) {
    return /^[a-z]/.test(stage) ? stage : `stage-${stage}`;
}
function needsManualApproval(stage) {
    return stage.approval.pass === 'manual' || stage.approval.warning === 'manual';
}
const ARTIFACT_JOB = `  artifact:
    name: New artifact
    runs-on: ubuntu-latest
    outputs:
      image: \${{ steps.read.outputs.image }}
      tag: \${{ steps.read.outputs.tag }}
    steps:
      - id: read
        name: Read image and tag from the event
        env:
          EVENT: \${{ github.event_name }}
          DISPATCH_IMAGE: \${{ inputs.image }}
          DISPATCH_TAG: \${{ inputs.tag }}
          PAYLOAD_IMAGE: \${{ github.event.client_payload.image }}
          PAYLOAD_TAG: \${{ github.event.client_payload.tag }}
          PACKAGE_NAMESPACE: \${{ github.event.registry_package.namespace }}
          PACKAGE_NAME: \${{ github.event.registry_package.name }}
          PACKAGE_TAG: \${{ github.event.registry_package.package_version.container_metadata.tag.name }}
          DEFAULT_IMAGE: __DEFAULT_IMAGE__
        run: |
          case "$EVENT" in
            workflow_dispatch)   image="$DISPATCH_IMAGE"; tag="$DISPATCH_TAG" ;;
            repository_dispatch) image="$PAYLOAD_IMAGE"; tag="$PAYLOAD_TAG" ;;
            registry_package)    image="ghcr.io/\${PACKAGE_NAMESPACE,,}/\${PACKAGE_NAME,,}"; tag="$PACKAGE_TAG" ;;
          esac
          # The action validates both again; this only keeps the job outputs on one line.
          if [[ ! "$tag" =~ ^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$ ]]; then
            echo "::error::no valid image tag in the $EVENT event"
            exit 1
          fi
          echo "image=\${image:-$DEFAULT_IMAGE}" >> "$GITHUB_OUTPUT"
          echo "tag=$tag" >> "$GITHUB_OUTPUT"
`;
function header(options, shipyard) {
    const stages = shipyard.stages.map(s => s.name).join(' -> ');
    return `# Multi-stage delivery: ${stages}, each stage gated by its quality gate.
# Written by carts-deploy from ${shipyard.source}; regenerate it rather than edit it:
#   ${commandLine(options)}
# Configure: the secret KUBECONFIG (a kubeconfig for the cluster), and in Settings > Environments one
# environment per stage (and required reviewers on each *-approval environment). Optional repository
# variables: CONFIG_REPO (the config branch in another repository), SERVICE_URL (\`port-forward\` for a
# GitHub-hosted runner and a remote cluster), HELM_VERSION, HELM_DOWNLOAD_URL and JMETER_DOWNLOAD_URL
# (mirrors), DOMAIN (each stage public at http://<service>.<namespace>.<domain>, linked from its
# environment); unset, the action's defaults apply.
# Start it with a new image: publish a container version to GitHub Packages, run it by hand with a tag,
# or send the equivalent of \`keptn send event new-artifact\`:
#   gh api repos/OWNER/REPO/dispatches -f event_type=new-artifact \\
#     -F 'client_payload[image]=${options.defaultImage}' -F 'client_payload[tag]=0.8.1'
name: Delivery

on:
  registry_package:
    types: [published]
  workflow_dispatch:
    inputs:
      tag:
        description: Image tag to deliver, e.g. 0.8.1
        required: true
        type: string
      image:
        description: Image repository
        required: false
        default: ${scalar(options.defaultImage)}
        type: string
  repository_dispatch:
    types: [new-artifact]

# Nothing by default; each job asks for what it needs.
permissions: {}

jobs:
`;
}
/** The condition for a stage: the one before promoted, or its approval job succeeded. */
function gate(previous) {
    if (!previous)
        return { needs: ['artifact'] };
    const id = jobId(previous.name);
    if (!needsManualApproval(previous))
        return { needs: ['artifact', id], if: `needs.${id}.outputs.promote == 'true'` };
    const approval = `${id}-approval`;
    return {
        needs: ['artifact', id, approval],
        // always(): a skipped approval job must not skip this one when the stage promoted by itself.
        if: `always() && (needs.${id}.outputs.promote == 'true' || needs.${approval}.result == 'success')`
    };
}
function stageJob(stage, previous, options) {
    const id = jobId(stage.name);
    const { needs, if: condition } = gate(previous);
    const tested = stage.testStrategy !== undefined;
    const deploys = stage.deploymentStrategy !== undefined;
    const slo = options.slo[stage.name];
    const inputs = [
        ['stage', scalar(stage.name)],
        ['image', '${{ needs.artifact.outputs.image }}'],
        ['tag', '${{ needs.artifact.outputs.tag }}'],
        ...(options.shipyardFile ? [['shipyard', scalar(options.shipyardFile)]] : []),
        ...(deploys ? [['chart', scalar(options.chart)]] : []),
        ...(tested && options.jmeterDir ? [['jmeter-dir', scalar(options.jmeterDir)]] : []),
        ...(slo ? [['slo', scalar(slo)]] : []),
        ...(deploys ? [['kubeconfig', '${{ secrets.KUBECONFIG }}']] : []),
        ...VARIABLES.map(([input, name]) => [input, `\${{ vars.${name} }}`])
    ];
    const lines = [
        `  ${id}:`,
        `    needs: ${needs.length === 1 ? needs[0] : `[${needs.join(', ')}]`}`,
        ...(condition ? [`    if: ${condition}`] : []),
        '    runs-on: ubuntu-latest',
        // The Environments page links each stage's public URL (the action's `url`, empty without DOMAIN).
        ...(deploys
            ? [
                '    environment:',
                `      name: ${scalar(stage.name)}`,
                '      url: ${{ steps.deliver.outputs.url }}'
            ]
            : [`    environment: ${scalar(stage.name)}`]),
        '    # One delivery per stage at a time; a running deploy is never cancelled.',
        '    concurrency:',
        `      group: ${scalar(`delivery-${stage.name}`)}`,
        '      cancel-in-progress: false',
        '    permissions:',
        '      contents: write # push the desired state to the config branch',
        '      deployments: write # the stage job as a GitHub deployment of its environment',
        '    outputs:',
        '      promote: ${{ steps.deliver.outputs.promote }}',
        ...(needsManualApproval(stage) ? ['      approval: ${{ steps.deliver.outputs.approval }}'] : []),
        '    steps:',
        '      - uses: actions/checkout@v6',
        ...(tested
            ? [
                '      - uses: actions/setup-java@v5 # JMeter needs Java',
                '        with:',
                '          distribution: temurin',
                '          java-version: 17'
            ]
            : []),
        '      - id: deliver',
        `        uses: ${options.uses}`,
        '        with:',
        ...inputs.map(([name, value]) => `          ${name}: ${value}`),
        ...(tested
            ? [
                "      - if: always() && steps.deliver.outputs.results-dir != ''",
                '        uses: actions/upload-artifact@v4',
                '        with:',
                `          name: ${scalar(`jmeter-${stage.name}`)}`,
                '          path: ${{ steps.deliver.outputs.results-dir }}'
            ]
            : [])
    ];
    return `${lines.join('\n')}\n`;
}
function approvalJob(stage) {
    const id = jobId(stage.name);
    const environment = `${stage.name}-approval`;
    return `  ${id}-approval:
    needs: ${id}
    if: needs.${id}.outputs.approval == 'required'
    runs-on: ubuntu-latest
    # Give this environment required reviewers (Settings > Environments): the run waits here for one.
    environment: ${scalar(environment)}
    permissions: {}
    steps:
      - run: echo "A reviewer approved promoting from ${stage.name}."
`;
}
function deliveryWorkflow(shipyard, options) {
    const jobs = shipyard.stages.flatMap((stage, i) => [
        stageJob(stage, shipyard.stages[i - 1], options),
        ...(needsManualApproval(stage) && i < shipyard.stages.length - 1 ? [approvalJob(stage)] : [])
    ]);
    const artifact = ARTIFACT_JOB.replace('__DEFAULT_IMAGE__', scalar(options.defaultImage));
    return `${header(options, shipyard)}${[artifact, ...jobs].join('\n')}`;
}

;// CONCATENATED MODULE: ./src/cli/commands/workflow.ts
/** `workflow`: the GitHub Actions delivery workflow for a shipyard. */






const collect = (value, all) => [...all, value];
/** `--slo staging=slo.yaml` for each stage that has an SLO; the stage must be in the shipyard. */
function sloByStage(entries, stages) {
    const out = {};
    for (const entry of entries) {
        const at = entry.indexOf('=');
        const stage = entry.slice(0, at);
        const file = entry.slice(at + 1);
        if (at < 0 || !stages.includes(stage) || !file)
            throw new errors/* InputError */.dz('--slo', `STAGE=FILE with STAGE one of ${stages.join(', ')}`, entry);
        out[stage] = file;
    }
    return out;
}
function workflowCommand() {
    return new esm/* Command */.uB('workflow')
        .description('Write the GitHub Actions delivery workflow for a shipyard: a gated job per stage.')
        .option('--shipyard <file>', 'Keptn shipyard.yaml, as the workflow sees it from the repository root (default: the embedded dev, staging, production)')
        .option('--output <file>', 'write the workflow here instead of to stdout')
        .option('--uses <action>', 'the action as `uses:` names it', 'org/carts-deploy-action@v1')
        .requiredOption('--chart <dir>', 'Helm chart of the service, from the repository root')
        .option('--jmeter-dir <dir>', "folder of the stages' jmeter.conf.yaml and .jmx files")
        .option('--slo <stage=file>', "a stage's slo.yaml (repeatable)", collect, [])
        .option('--image <repository>', 'image repository when the event names none', 'docker.io/keptnexamples/carts')
        .action(async (options) => {
        const shipyard = await (0,shipyard_shipyard/* loadShipyard */.HO)(options.shipyard);
        const settings = {
            uses: options.uses,
            chart: options.chart,
            slo: sloByStage(options.slo, shipyard.stages.map(s => s.name)),
            defaultImage: (0,names/* imageRepository */.an)('--image', options.image),
            ...(options.jmeterDir ? { jmeterDir: options.jmeterDir } : {}),
            ...(options.shipyard ? { shipyardFile: options.shipyard } : {})
        };
        const text = deliveryWorkflow(shipyard, settings);
        if (!options.output)
            return void process.stdout.write(text);
        // Whole or not at all: a workflow half-written is one GitHub refuses to run.
        const partial = `${options.output}.partial`;
        await (0,promises_.writeFile)(partial, text);
        await (0,promises_.rename)(partial, options.output);
    });
}


/***/ })

};
