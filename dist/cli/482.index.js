export const id = 482;
export const ids = [482];
export const modules = {

/***/ 8482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCommand: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/commander/esm.mjs
var esm = __webpack_require__(8179);
;// CONCATENATED MODULE: ./src/contracts/action-interface.ts
/**
 * Every action input and output, with its default: the single source that action.yml, the README table
 * and the defaults applied outside the runner (CLI, local runs) are checked against.
 */
// A table of data: entries of one shape are rows, not repeated logic.
const INPUTS = {
    tag: { description: 'Image tag to deliver, e.g. 0.8.1 (an OCI tag).', required: true },
    stage: {
        description: 'The shipyard stage this job runs, e.g. dev, staging or production.',
        required: true
    },
    image: { description: 'Image repository without tag.', default: 'docker.io/keptnexamples/carts' },
    service: { description: 'Service name: helm release, values folder and SLI labels.', default: 'carts' },
    project: { description: 'Project name; the namespace is <project>-<stage>.', default: 'sockshop' },
    shipyard: {
        description: 'Path of a Keptn shipyard.yaml (0.1.x or 0.2.x); empty: dev, staging, production.',
        default: ''
    },
    chart: { description: 'Path of the Helm chart to deploy.', default: 'chart' },
    'config-branch': { description: 'Branch that holds the desired state of every stage.', default: 'config' },
    'config-repo': {
        description: 'Repository of the config branch: a local path or an https URL. Empty: this workflow run’s repository.',
        default: ''
    },
    namespace: { description: 'Kubernetes namespace; empty: <project>-<stage>.', default: '' },
    kubeconfig: {
        description: 'Kubeconfig content (a secret); empty: the runner’s current kube context.',
        default: ''
    },
    'helm-version': {
        description: "Helm version to install (pinned, checksum-verified), or 'system'.",
        default: '3.19.0'
    },
    'helm-download-url': {
        description: 'Base URL of Helm release archives (a mirror).',
        default: 'https://get.helm.sh'
    },
    'jmeter-version': { description: "JMeter version to install, or 'system'.", default: '5.6.3' },
    'jmeter-download-url': {
        description: 'Base URL of JMeter binary archives (a mirror).',
        default: 'https://archive.apache.org/dist/jmeter/binaries'
    },
    'service-url': {
        description: "URL the tests reach the new version at ({service}, {namespace}, {stage}, {project} are replaced), or 'port-forward': kubectl port-forward to its Service while the tests run.",
        default: 'http://{service}.{namespace}'
    },
    'jmeter-dir': {
        description: 'Folder with jmeter.conf.yaml and the .jmx scripts; empty: no tests.',
        default: ''
    },
    'load-engines': {
        description: "JMeter engines in the cluster (JMeter's distributed mode: N jmeter-server pods and a controller pod in a namespace of their own, removed afterwards); 0: JMeter runs on the runner.",
        default: '0'
    },
    'jmeter-image': {
        description: 'The JMeter image of the engines and the controller (needed with load-engines): a JRE at /opt/java, JMeter at /opt/jmeter, /usr/local/bin/jmeter-pod, as e2e/images/build.sh builds it.',
        default: ''
    },
    slo: { description: 'Path of a Keptn slo.yaml for the quality gate.', default: '' },
    thresholds: {
        description: 'Compact gate instead of slo.yaml, e.g. "response_time_p95<600, error_rate<=1".',
        default: ''
    },
    'sli-values': {
        description: 'Path of a JSON file of SLI name to number, evaluated instead of test results.',
        default: ''
    },
    domain: {
        description: "Keptn's app domain: the stage gets http://<service>.<namespace>.<domain> through an Ingress (or Istio Gateway), output url.",
        default: ''
    },
    'ingress-class': {
        description: "IngressClass of that Ingress; empty: the cluster's default.",
        default: ''
    },
    'prometheus-url': {
        description: 'Prometheus to query the SLIs of sli, perfspec or the Keptn 0.5 pair from, e.g. http://prometheus.monitoring:9090.',
        default: ''
    },
    'prometheus-token': {
        description: "Token (or whole Authorization header value, e.g. 'Basic …') for a hosted Prometheus; a secret.",
        default: ''
    },
    sli: {
        description: "Path of a Keptn sli.yaml: PromQL per SLI, scored by the slo beside the results file's SLIs.",
        default: ''
    },
    perfspec: {
        description: 'Path of a Keptn 0.4 pitometer perfspec.json: the whole gate, with pitometer’s scoring.',
        default: ''
    },
    'service-indicators': {
        description: 'Path of a Keptn 0.5 service-indicators.yaml (with service-objectives): a pitometer gate.',
        default: ''
    },
    'service-objectives': {
        description: 'Path of a Keptn 0.5 service-objectives.yaml (with service-indicators).',
        default: ''
    },
    'github-token': { description: 'Token that pushes to the config branch.', default: '${{ github.token }}' },
    timeout: { description: 'How long a rollout may take (helm --timeout), e.g. 5m.', default: '5m' },
    'fail-on': { description: 'Gate result that fails the job: fail, warning or never.', default: 'fail' },
    hold: {
        description: "'true': deploy the new version and hold it, without tests or gate (blue/green: the stable Service stays); a later job gates it with results. Output result is held.",
        default: 'false'
    },
    results: {
        description: 'Results files of tests run elsewhere (newline-separated paths in the workspace, files or folders of .jtl/.csv/.xml): this job runs no JMeter, judges them as one test and gates the deployment a hold job left.',
        default: ''
    },
    'fail-on-unscored': {
        description: "'true': a gate that scored nothing (no pass criteria, or only relative ones without a baseline) fails.",
        default: 'false'
    },
    'commit-author': {
        description: 'Author of config-branch commits, "Name <email>".',
        default: 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>'
    }
};
const OUTPUTS = {
    result: 'Gate result: pass, warning or fail; held after hold: true (deployed, not judged).',
    score: 'Total score of the evaluation, 0 to 100.',
    promote: "true when the next stage's job should run.",
    'next-stage': 'Name of the next stage in the shipyard (empty after the last).',
    approval: "'required' when a warning needs a manual approval before promotion, else 'none'.",
    'deployment-url': 'URL the new version was tested at (after hold: true, the URL load jobs test it at).',
    'deployment-service': "The Service the new version answers on in the stage's namespace (blue/green: the new colour's, e.g. carts-green).",
    url: "The stage's public URL (input domain), reaching what the stage runs after this job; empty without domain.",
    'config-commit': 'Config-branch commit holding this stage’s desired image.',
    evaluation: 'Path of the evaluation JSON.',
    'helm-path': 'Path of the helm binary used.',
    'results-dir': 'Folder with the JMeter results (JTL, log, HTML dashboard), for upload as an artifact.'
};

// EXTERNAL MODULE: ./src/contracts/errors.ts
var errors = __webpack_require__(444);
// EXTERNAL MODULE: ./src/files/user-file.ts
var user_file = __webpack_require__(3355);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/contracts/config.ts
/** The image this run delivers. */
function imageOf(config) {
    return { repository: config.image, tag: config.tag };
}
/** The `service-url` value that asks for a port-forward instead of a URL. */
const PORT_FORWARD = 'port-forward';

// EXTERNAL MODULE: ./src/contracts/names.ts
var contracts_names = __webpack_require__(279);
;// CONCATENATED MODULE: ./src/inputs/build-config.ts
/** Raw input strings (from the runner or the CLI) to one validated, frozen ActionConfig. */





/**
 * Size limits of the secret inputs, checked before anything uses them. The token travels to git in one
 * HTTP header inside one environment variable (Linux refuses a variable over 128 KiB with `spawn E2BIG`;
 * servers refuse headers far smaller); real tokens are under 1 KiB. The kubeconfig goes to helm and kubectl
 * as a 0600 file, never in argv or the environment; real ones are a few KiB, embedded certificates included.
 */
const SECRET_INPUT_LIMITS = {
    'github-token': 16 * 1024,
    'prometheus-token': 16 * 1024,
    kubeconfig: 512 * 1024
};
/** An oversized secret names the limit and its size, never its content. */
function limited(name, value) {
    const size = value === undefined ? 0 : Buffer.byteLength(value);
    const limit = SECRET_INPUT_LIMITS[name];
    if (size <= limit)
        return value;
    throw new errors/* InputError */.dz(name, `at most ${limit / 1024} KiB (this value is ${Math.ceil(size / 1024)} KiB)`);
}
function buildConfig(raw, env) {
    const get = (name) => {
        const value = (raw[name] ?? '').trim();
        if (value)
            return value;
        const spec = INPUTS[name];
        if ('required' in spec)
            throw new errors/* InputError */.dz(name, 'a value (this input is required)');
        return spec.default.startsWith('${{') ? '' : spec.default;
    };
    const optional = (name) => get(name) || undefined;
    const inWorkspace = (name) => {
        const value = optional(name);
        return value === undefined ? undefined : contracts_names/* pathInWorkspace */.ep(name, value, env.workspace);
    };
    const project = contracts_names/* dnsLabel */.UG('project', get('project'));
    const stage = contracts_names/* dnsLabel */.UG('stage', get('stage'));
    const namespace = optional('namespace');
    contracts_names/* dnsLabel */.UG(namespace === undefined ? 'project' : 'namespace', namespace ?? `${project}-${stage}`);
    return Object.freeze({
        tag: contracts_names/* ociTag */.uR('tag', get('tag')),
        stage,
        project,
        image: contracts_names/* imageRepository */.an('image', get('image')),
        service: contracts_names/* dnsLabel */.UG('service', get('service')),
        shipyardFile: inWorkspace('shipyard'),
        chartDir: contracts_names/* pathInWorkspace */.ep('chart', get('chart'), env.workspace),
        configBranch: contracts_names/* checkBranch */.DC('config-branch', get('config-branch')),
        configRepo: configRepo(optional('config-repo'), env),
        namespace,
        kubeconfig: limited('kubeconfig', optional('kubeconfig')),
        helmVersion: contracts_names/* toolVersion */.fX('helm-version', get('helm-version')),
        jmeterVersion: contracts_names/* toolVersion */.fX('jmeter-version', get('jmeter-version')),
        helmDownloadUrl: contracts_names/* httpUrl */.q3('helm-download-url', get('helm-download-url')),
        jmeterDownloadUrl: contracts_names/* httpUrl */.q3('jmeter-download-url', get('jmeter-download-url')),
        serviceAccess: serviceAccess(get('service-url')),
        jmeterDir: inWorkspace('jmeter-dir'),
        loadEngines: loadEngines(get('load-engines'), optional('jmeter-image')),
        gate: gate(inWorkspace('slo'), optional('thresholds')),
        domain: domain(optional('domain')),
        ingressClass: optional('ingress-class') && contracts_names/* dnsLabel */.UG('ingress-class', get('ingress-class')),
        prometheus: prometheus(optional('prometheus-url'), limited('prometheus-token', optional('prometheus-token')), [
            ['sli', inWorkspace('sli')],
            ['perfspec', inWorkspace('perfspec')],
            ['service-indicators', inWorkspace('service-indicators')],
            ['service-objectives', inWorkspace('service-objectives')]
        ], optional('slo') ?? optional('thresholds')),
        sliValuesFile: inWorkspace('sli-values'),
        githubToken: limited('github-token', optional('github-token')),
        timeoutSeconds: contracts_names/* durationSeconds */.o8('timeout', get('timeout')),
        failOn: contracts_names/* oneOf */.yL('fail-on', get('fail-on'), ['fail', 'warning', 'never']),
        failOnUnscored: contracts_names/* oneOf */.yL('fail-on-unscored', get('fail-on-unscored'), ['true', 'false']) === 'true',
        ...holdOrResults(contracts_names/* oneOf */.yL('hold', get('hold'), ['true', 'false']) === 'true', optional('results'), env.workspace),
        author: author(get('commit-author')),
        workspace: env.workspace,
        runUrl: env.serverUrl && env.repository && env.runId
            ? `${env.serverUrl}/${env.repository}/actions/runs/${env.runId}`
            : undefined
    });
}
/** The most engines one run asks for: each is a JVM with up to 1 GiB. */
const MAX_LOAD_ENGINES = 50;
function loadEngines(count, image) {
    const engines = contracts_names/* wholeNumber */.rD('load-engines', count, 0, MAX_LOAD_ENGINES);
    if (engines === 0)
        return undefined;
    if (!image)
        throw new errors/* InputError */.dz('jmeter-image', `an image for the ${engines} load engine(s) of load-engines (none is given)`);
    return { count: engines, image: contracts_names/* imageReference */.rA('jmeter-image', image) };
}
/** The Prometheus gate files given (input name, path), checked for one coherent gate. */
function prometheus(url, token, files, slo) {
    const given = new Map(files.filter((f) => f[1] !== undefined));
    const names = [...given.keys()];
    if (url === undefined) {
        if (names.length)
            throw new errors/* InputError */.dz('prometheus-url', `the Prometheus to query for '${names[0]}'`);
        return undefined;
    }
    const gate = prometheusGate(given);
    const authorization = contracts_names/* authorizationOf */.P_(token);
    if (gate.kind !== 'sli' && slo !== undefined)
        throw new errors/* InputError */.dz(names[0], "a pitometer gate alone: leave 'slo' and 'thresholds' empty");
    return {
        url: contracts_names/* prometheusUrl */.C7('prometheus-url', url),
        ...(authorization ? { authorization } : {}),
        gate
    };
}
function prometheusGate(given) {
    const [sli, perfspec, indicators, objectives] = ['sli', 'perfspec', 'service-indicators', 'service-objectives'].map(name => given.get(name));
    const expected = "one of 'sli', 'perfspec', or 'service-indicators' with 'service-objectives'";
    const count = [sli, perfspec, indicators ?? objectives].filter(x => x !== undefined).length;
    if (count !== 1)
        throw new errors/* InputError */.dz('prometheus-url', expected, [...given.keys()].join(', ') || 'none');
    if (sli)
        return { kind: 'sli', file: sli };
    if (perfspec)
        return { kind: 'perfspec', file: perfspec };
    if (!indicators || !objectives)
        throw new errors/* InputError */.dz(indicators ? 'service-objectives' : 'service-indicators', 'both files of the Keptn 0.5 pair');
    return { kind: 'service-objectives', indicators, objectives };
}
/**
 * `hold` (deploy, no gate) and `results` (gate on files from elsewhere) are the two halves of a fanned-out
 * stage: one job each, never both. Each results path must exist in the workspace now: a typo in a gate
 * job fails before anything changes, not as a failed test that rolls the held version back.
 */
function holdOrResults(hold, results, workspace) {
    if (results === undefined)
        return hold ? { hold } : {};
    if (hold)
        throw new errors/* InputError */.dz('results', "no results beside 'hold: true' (the hold job runs no gate)", results);
    const paths = results
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(Boolean)
        .map(line => {
        const real = contracts_names/* pathInWorkspace */.ep('results', line, workspace);
        if (!(0,external_node_fs_.existsSync)(real))
            throw new errors/* InputError */.dz('results', 'an existing results file or folder', line);
        return real;
    });
    return { results: paths };
}
function domain(value) {
    if (value === undefined)
        return undefined;
    // 200: room for <service>.<namespace>. in front of it.
    if (value.length > 200 || !contracts_names/* isDnsName */.rM(value))
        throw new errors/* InputError */.dz('domain', 'a DNS domain in lower case, e.g. 34.77.10.10.nip.io', value);
    return value;
}
function gate(slo, thresholds) {
    if (slo && thresholds)
        throw new errors/* InputError */.dz('thresholds', "either 'slo' or 'thresholds', not both", thresholds);
    if (slo)
        return { kind: 'slo', file: slo };
    if (thresholds)
        return { kind: 'thresholds', text: thresholds };
    return { kind: 'none' };
}
function configRepo(value, env) {
    if (value === undefined) {
        if (!env.repository)
            throw new errors/* InputError */.dz('config-repo', 'a repository (none given and GITHUB_REPOSITORY is not set)');
        return `${env.serverUrl ?? 'https://github.com'}/${env.repository}.git`;
    }
    if (/^[\w.-]+\/[\w.-]+$/.test(value) && !value.startsWith('.')) {
        return `${env.serverUrl ?? 'https://github.com'}/${value}.git`;
    }
    // The config branch's own rules: no options, remote helpers, credentials or control characters.
    contracts_names/* checkRepo */.LK('config-repo', value);
    if (/^https:\/\//.test(value))
        return value;
    if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
        throw new errors/* InputError */.dz('config-repo', 'owner/name, an https URL or a local path', value);
    }
    return contracts_names/* pathInWorkspace */.ep('config-repo', value, env.workspace);
}
function serviceAccess(value) {
    if (value === PORT_FORWARD)
        return { kind: 'port-forward' };
    return { kind: 'url', template: serviceUrlTemplate(value) };
}
function serviceUrlTemplate(template) {
    const expected = `'${PORT_FORWARD}', or an http(s) URL with placeholders among {service} {namespace} {stage} {project}`;
    const unknown = /\{(?!service\}|namespace\}|stage\}|project\})[^}]*\}/.exec(template);
    if (unknown)
        throw new errors/* InputError */.dz('service-url', expected, unknown[0]);
    try {
        contracts_names/* httpUrl */.q3('service-url', template.replace(/\{(\w+)\}/g, 'x'));
    }
    catch {
        throw new errors/* InputError */.dz('service-url', expected, template);
    }
    return template;
}
function author(value) {
    const match = /^([^<>\r\n]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(value);
    if (!match)
        throw new errors/* InputError */.dz('commit-author', 'Name <email>', value);
    return { name: match[1], email: match[2] };
}

// EXTERNAL MODULE: ./src/files/yaml-file.ts
var yaml_file = __webpack_require__(9071);
;// CONCATENATED MODULE: ./src/jmeter-tests/workloads.ts
/**
 * Keptn's jmeter.conf.yaml (spec 0.1.0): the workloads a stage's test strategy can run, merged with
 * the built-in ones Keptn's jmeter-service used when the file does not define them.
 */


const JMETER_CONF_FILE = 'jmeter.conf.yaml';
const HEALTHCHECK = 'healthcheck';
const FUNCTIONAL = 'functional';
// The keys Keptn's jmeter-service read; anything else is a typo that would silently do nothing.
const schema = {
    type: 'object',
    nullable: true,
    additionalProperties: false,
    properties: {
        spec_version: { type: 'string', enum: ['0.1.0'] },
        workloads: {
            type: 'array',
            nullable: true,
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['teststrategy', 'script'],
                properties: {
                    teststrategy: { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' },
                    vuser: { type: 'integer', minimum: 1 },
                    loopcount: { type: 'integer', minimum: 1 },
                    thinktime: { type: 'integer', minimum: 0 },
                    script: { type: 'string', minLength: 1 },
                    acceptederrorrate: { type: 'number', minimum: 0, maximum: 1 },
                    avgrtvalidation: { type: 'number', minimum: 0 },
                    properties: {
                        type: 'object',
                        nullable: true,
                        propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' },
                        additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }
                    }
                }
            }
        }
    }
};
const validate = (0,yaml_file/* compileSchema */.Fc)(schema);
function builtIn(teststrategy, script, vuser, loopcount, acceptederrorrate) {
    const origin = 'built-in';
    return {
        teststrategy,
        vuser,
        loopcount,
        thinktime: 250,
        script,
        acceptederrorrate,
        avgrtvalidation: 0,
        properties: {},
        origin
    };
}
/** Keptn jmeter-service's defaults (keptn-model.md §3). */
const BUILT_IN_WORKLOADS = [
    builtIn(HEALTHCHECK, 'basiccheck.jmx', 1, 1, 0),
    builtIn(FUNCTIONAL, 'load.jmx', 1, 1, 0.1),
    builtIn('performance', 'load.jmx', 10, 500, 0.1)
];
/** Parses jmeter.conf.yaml text; `file` is only used in messages. */
function parseWorkloads(text, file) {
    const src = (0,yaml_file/* parseYaml */.hN)(text, file);
    const raw = (0,yaml_file/* checkSchema */._U)(src, validate) ?? {};
    const workloads = new Map();
    const lines = new Map();
    (raw.workloads ?? []).forEach((w, index) => {
        const line = (0,yaml_file/* lineAt */.mh)(src, ['workloads', index]);
        const seen = lines.get(w.teststrategy);
        if (lines.has(w.teststrategy)) {
            const first = seen === undefined ? '' : ` (first at line ${seen})`;
            throw new errors/* ConfigFileError */.x(file, line, `workload '${w.teststrategy}' is defined twice${first}`);
        }
        lines.set(w.teststrategy, line);
        workloads.set(w.teststrategy, fromRaw(w, origin(src, line)));
    });
    for (const w of BUILT_IN_WORKLOADS)
        if (!workloads.has(w.teststrategy))
            workloads.set(w.teststrategy, w);
    return { file, workloads };
}
/** The built-in workloads alone (no jmeter.conf.yaml in the jmeter dir). */
function builtInWorkloads() {
    return { workloads: new Map(BUILT_IN_WORKLOADS.map(w => [w.teststrategy, w])) };
}
/** The workload of a test strategy; a strategy nobody defined is an error that names it. */
function workloadFor(set, strategy) {
    const found = set.workloads.get(strategy);
    if (found)
        return found;
    const known = [...set.workloads.keys()].join(', ');
    const where = set.file ?? `${JMETER_CONF_FILE} (none found; built-ins only)`;
    throw new errors/* ConfigFileError */.x(where, undefined, `no workload for test strategy '${strategy}' (defined: ${known})`);
}
// Keptn's Go structs left an absent number at 0; for users and loops that meant a test that sends
// nothing, so those default to 1 (a workload that runs) while the others keep Keptn's 0.
function fromRaw(w, where) {
    return {
        teststrategy: w.teststrategy,
        vuser: w.vuser ?? 1,
        loopcount: w.loopcount ?? 1,
        thinktime: w.thinktime ?? 0,
        script: w.script.trim(),
        acceptederrorrate: w.acceptederrorrate ?? 0,
        avgrtvalidation: w.avgrtvalidation ?? 0,
        properties: Object.fromEntries(Object.entries(w.properties ?? {}).map(([k, v]) => [k, String(v)])),
        origin: where
    };
}
function origin(src, line) {
    return line === undefined ? src.file : `${src.file}:${line}`;
}

;// CONCATENATED MODULE: ./src/jmeter-tests/workloads-file.ts
/** Reads a jmeter-dir's jmeter.conf.yaml, or Keptn's built-in workloads when it has none. */




function readWorkloads(jmeterDir, workspace, log) {
    const file = external_node_path_default().join(jmeterDir, JMETER_CONF_FILE);
    if (!(0,external_node_fs_.existsSync)(file)) {
        log.info(`no ${JMETER_CONF_FILE} in ${jmeterDir}: Keptn's built-in workloads apply`);
        return builtInWorkloads();
    }
    const shown = external_node_path_default().relative(workspace, file);
    return (0,user_file/* parseUserFile */.HJ)(file, 'yaml', text => parseWorkloads(text, shown.startsWith('..') ? file : shown));
}

// EXTERNAL MODULE: ./src/programs/git.ts
var git = __webpack_require__(2525);
;// CONCATENATED MODULE: ./src/report/annotations.ts
/** Annotations for objectives that did not pass, pointing at their line in slo.yaml. */

function objectiveAnnotations(evaluation, workspace) {
    return evaluation.indicators
        .filter(i => i.status === 'fail' || i.status === 'warning')
        .map(i => ({
        level: i.status === 'fail' ? 'error' : 'warning',
        title: `SLO ${i.sli}: ${i.status}${i.keySli ? ' (key SLI)' : ''}`,
        message: i.reason,
        file: i.sloFile ? external_node_path_default().relative(workspace, i.sloFile) : undefined,
        line: i.line
    }));
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
function collectOutputs(results, plan, failed) {
    const { commit, install, deploy, test, evaluate: evaluation, gate } = results;
    const passed = gate?.action === 'promote' && !failed;
    // Held: deployed, not judged. Neither a pass nor a fail, and no score.
    const held = gate?.action === 'hold' && !failed;
    return {
        result: evaluation?.evaluation.result ?? (held ? 'held' : passed ? 'pass' : 'fail'),
        score: evaluation ? String(evaluation.evaluation.score) : held ? '' : passed ? '100' : '0',
        // Only a gate that promoted lets the next stage run; any failure before it holds the pipeline.
        promote: gate?.promote === true && !failed ? 'true' : 'false',
        approval: gate?.approval ?? 'none',
        'next-stage': plan.nextStage ?? '',
        'deployment-url': deploy?.serviceUrl ?? '',
        'deployment-service': deploy?.testService ?? '',
        url: deploy?.publicUrl ?? '',
        'config-commit': commit?.sha ?? '',
        evaluation: evaluation?.file ?? '',
        'helm-path': install?.helm.path ?? '',
        'results-dir': test?.resultsDir ?? ''
    };
}

;// CONCATENATED MODULE: ./src/report/summary.ts
const MAX_ROWS = 100;
const MAX_TREND = 20;
const ICON = { pass: '✅', warning: '⚠️', fail: '❌', info: 'ℹ️', held: '⏸️' };
function renderSummary(input) {
    return [
        `## ${ICON[outcome(input)]} ${input.service}:${input.tag} in ${input.stage}`,
        '',
        `**${oneLine(input.decision?.headline ?? input.failure ?? 'Stopped before the gate')}**`,
        '',
        facts(input),
        ...failureSection(input),
        ...causesSection(input.failureCauses),
        ...evaluationSection(input.evaluation),
        ...trendSection(input),
        ...timingSection(input),
        ''
    ].join('\n');
}
function outcome(input) {
    if (input.failure && !input.evaluation)
        return 'fail';
    if (input.decision?.action === 'hold')
        return 'held';
    return input.evaluation?.result ?? (input.decision?.action === 'promote' ? 'pass' : 'fail');
}
function facts(input) {
    const rows = [
        ['Project / stage', `${input.project} / ${input.stage} (namespace ${code(input.namespace)})`],
        ['Image', code(`${input.image}:${input.tag}`)],
        ['Strategy', `${input.strategy}${input.testStrategy ? `, ${input.testStrategy} tests` : ', no tests'}`]
    ];
    if (input.configCommit)
        rows.push(['Config commit', summary_link(input.configCommit.sha.slice(0, 12), input.configCommit.url)]);
    if (input.runUrl)
        rows.push(['Workflow run', summary_link('this run', input.runUrl)]);
    const [[firstKey, firstValue], ...rest] = rows;
    return [`| ${firstKey} | ${firstValue} |`, '|---|---|', ...rest.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}
function failureSection(input) {
    const reasons = input.evaluation?.result === 'fail' ? input.evaluation.reasons : [];
    const lines = [input.failure, ...reasons].filter((x) => Boolean(x));
    if (!lines.length)
        return [];
    return ['', '### Why', '', ...[...new Set(lines)].map(line => `- ${summary_escape(line)}`)];
}
function causesSection(causes) {
    if (!causes?.length)
        return [];
    return [
        '',
        '### Failed samples',
        '',
        '| Response code and message | Samples |',
        '|---|---|',
        ...causes.map(c => `| ${summary_escape(c.cause)} | ${c.count} |`)
    ];
}
function evaluationSection(evaluation) {
    if (!evaluation)
        return [];
    const { pass, warning } = evaluation.totalScore;
    const unit = evaluation.scoring === 'pitometer' ? ' points' : ' %';
    const thresholds = `pass ≥ ${pass}${unit}${warning === null ? '' : `, warning ≥ ${warning}${unit}`}`;
    const baseline = evaluation.scoring === 'pitometer'
        ? "pitometer's scoring: an indicator's points are halved at a warning threshold, 0 at a severe one"
        : evaluation.comparison.baseline === 'none'
            ? 'no baseline: relative criteria held by default'
            : `compared with ${evaluation.comparison.baseline} earlier run(s), ${evaluation.comparison.aggregateFunction}`;
    const rows = evaluation.indicators.slice(0, MAX_ROWS).map(indicatorRow);
    const cut = evaluation.indicators.length - rows.length;
    return [
        '',
        '### Objectives',
        '',
        `Total score **${evaluation.score.toFixed(1)}${unit}** (${thresholds}); ${baseline}.`,
        ...samplesLine(evaluation),
        '',
        '| SLI | source | value | compared | pass criteria | warning criteria | status | score |',
        '|---|---|---:|---:|---|---|---|---:|',
        ...rows,
        ...(cut > 0 ? [`| … ${cut} more objectives in the evaluation JSON | | | | | | | |`] : []),
        ...queriesSection(evaluation.indicators.slice(0, MAX_ROWS))
    ];
}
/** The PromQL of each Prometheus SLI, as sent, below the table (a query would not fit in a cell). */
function queriesSection(indicators) {
    const queried = indicators.filter(i => i.source?.kind === 'prometheus');
    if (queried.length === 0)
        return [];
    return [
        '',
        'Queried from Prometheus at the end of the test window:',
        '',
        ...queried.flatMap(i => [
            `- ${summary_escape(i.sli)} = ${number(i.value)}${i.value === null ? `: ${summary_escape(i.reason)}` : ''}`,
            '',
            '  ```promql',
            `  ${i.source.query.replace(/\r?\n/g, ' ')}`,
            '  ```'
        ])
    ];
}
function indicatorRow(i) {
    const name = `${summary_escape(i.displayName ?? i.sli)}${i.keySli ? ' 🔑' : ''}`;
    const cells = [
        name,
        sourceCell(i),
        number(i.value),
        number(i.comparedValue),
        criteria(i.passTargets),
        criteria(i.warningTargets),
        `${ICON[i.status]} ${i.status}`,
        i.status === 'info' ? '–' : `${round(i.score)} / ${round(i.weight)}`
    ];
    return `| ${cells.join(' | ')} |`;
}
/** The samples judged: the total and, for several results files, each file's. */
function samplesLine(evaluation) {
    if (evaluation.samples === undefined)
        return [];
    const files = evaluation.resultsFiles;
    const each = files
        ? ` from ${files.length} results files: ${files.map(f => `${code(f.file)} ${f.samples}`).join(', ')}`
        : '';
    return ['', `Samples: **${evaluation.samples}**${each}.`];
}
/** Where the value came from (a query's text and, without a value, Prometheus's reason, come below the table). */
function sourceCell(i) {
    const source = i.source;
    if (!source)
        return '–';
    if (source.kind === 'prometheus')
        return 'Prometheus (query below)';
    return source.kind === 'values' ? 'given values' : 'results file';
}
/** AND inside a criteria list, OR across lists; a violated criterion is struck through. */
function criteria(targets) {
    if (!targets.length)
        return '–';
    const groups = new Map();
    for (const t of targets) {
        const resolved = t.relative && t.target !== null ? ` (${t.operator} ${round(t.target)})` : '';
        const text = `${code(t.criterion)}${resolved}`;
        groups.set(t.group, [...(groups.get(t.group) ?? []), t.violated ? `~~${text}~~` : text]);
    }
    return [...groups.values()].map(g => g.join(' and ')).join(' <br>or ');
}
function trendSection(input) {
    const points = input.trend.slice(-MAX_TREND);
    if (points.length < 2)
        return [];
    const labels = points.map(p => JSON.stringify(p.tag.replace(/"/g, '')));
    const pass = input.evaluation?.totalScore.pass;
    return [
        '',
        `### Trend of ${input.stage}`,
        '',
        '```mermaid',
        '---',
        'config:',
        '  xyChart:',
        '    width: 700',
        '    height: 260',
        '---',
        'xychart-beta',
        `  title "Score of the last ${points.length} evaluations in ${input.stage}"`,
        `  x-axis [${labels.join(', ')}]`,
        '  y-axis "score %" 0 --> 100',
        `  bar [${points.map(p => round(p.score)).join(', ')}]`,
        ...(pass === undefined ? [] : [`  line [${points.map(() => pass).join(', ')}]`]),
        '```',
        '',
        points.map(p => `${ICON[p.result]} ${summary_escape(p.tag)} ${round(p.score)} %`).join(' · ')
    ];
}
function timingSection(input) {
    if (!input.timings.length)
        return [];
    const steps = input.timings.map(t => `${t.name} ${t.seconds.toFixed(1)} s${t.outcome === 'ok' ? '' : ` (${t.outcome})`}`);
    return ['', `<sub>Steps: ${steps.join(' · ')}</sub>`];
}
const round = (n) => Math.round(n * 100) / 100;
const number = (n) => (n === null ? '–' : String(round(n)));
const summary_link = (text, url) => (url ? `[${text}](${url})` : code(text));
const oneLine = (text) => summary_escape(text.replace(/\s*\n\s*/g, ' '));
/** A code span: markdown is not interpreted inside, but a pipe still ends a table cell. */
const code = (text) => `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}\``;
/** Keeps user text from breaking the table or injecting markup. */
function summary_escape(text) {
    return text.replace(/[|\\`*_<>[\]]/g, c => `\\${c}`).replace(/\r?\n/g, ' ');
}

// EXTERNAL MODULE: ./src/scoring/slo.ts
var slo = __webpack_require__(2957);
// EXTERNAL MODULE: ./src/scoring/thresholds.ts
var thresholds = __webpack_require__(7533);
// EXTERNAL MODULE: ./src/shipyard/plan.ts
var shipyard_plan = __webpack_require__(5355);
// EXTERNAL MODULE: ./src/shipyard/shipyard.ts + 3 modules
var shipyard = __webpack_require__(7804);
// EXTERNAL MODULE: ./src/config-branch/config-branch.ts + 1 modules
var config_branch = __webpack_require__(7897);
// EXTERNAL MODULE: ./src/config-branch/branch-update.ts
var branch_update = __webpack_require__(4035);
;// CONCATENATED MODULE: ./src/config-branch/target.ts


/** The branch of the config repository; the token goes only to an http(s) remote. */
function configTarget(config) {
    const repo = (0,branch_update/* resolveRepo */.J9)(config.configRepo, config.workspace);
    const token = (0,git/* httpOrigin */.dp)(repo) ? config.githubToken : undefined;
    return {
        repo,
        branch: config.configBranch,
        auth: token ? { token } : undefined,
        author: config.author,
        runUrl: config.runUrl
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/programs/exec.ts
var exec = __webpack_require__(4276);
;// CONCATENATED MODULE: ./src/programs/helm.ts
/**
 * The one way this project calls helm: argument arrays built by pure functions (unit-tested), the
 * kubeconfig passed to the child process only, and errors that carry helm's own words.
 */






/** Helm 4 runs post-renderers only as plugins: this one, from a plugins folder made for the call. */
const POST_RENDERER_PLUGIN = 'carts-deploy-post-renderer';
/** Pure: the plugin.yaml of that plugin (Helm 4's subprocess runtime appends --post-renderer-args). */
function postRendererPlugin(renderer) {
    return (0,dist/* stringify */.As)({
        apiVersion: 'v1',
        type: 'postrenderer/v1',
        name: POST_RENDERER_PLUGIN,
        version: '1.0.0',
        runtime: 'subprocess',
        runtimeConfig: { platformCommand: [{ command: renderer.node, args: [renderer.script] }] }
    });
}
function versionArgs() {
    return ['version', '--short'];
}
/** `v3.22.0+g1234` or `v4.3.1+gabcd` -> 3 | 4; anything else is refused with what helm said. */
function parseHelmMajor(output) {
    const major = Number(/^v?(\d+)\.\d+/.exec(output.trim())?.[1]);
    if (major === 3 || major === 4)
        return major;
    throw new errors/* SetupError */.w3(`helm ${JSON.stringify(output.trim().slice(0, 60))} is not supported: Helm 3 or 4 is needed`);
}
/** Helm 4 deprecates --atomic in favour of --rollback-on-failure (same behaviour). */
function rollbackOnFailureFlag(major) {
    return major === 3 ? '--atomic' : '--rollback-on-failure';
}
// helm's strvals parser splits on `,` and treats `\` as an escape: keep values literal.
function escapeSetValue(value) {
    return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,');
}
function releaseArgs(spec) {
    return [
        spec.release,
        spec.chart,
        ...namespaceArgs(spec.namespace),
        ...spec.valuesFiles.flatMap(file => ['--values', file]),
        ...Object.entries(spec.setString ?? {}).flatMap(([k, v]) => ['--set-string', `${k}=${escapeSetValue(v)}`])
    ];
}
/** Helm 3 runs the program itself; Helm 4 the plugin of that name (see postRendererPlugin). */
function postRendererArgs(renderer, major) {
    if (!renderer)
        return [];
    const args = major === 3 ? [renderer.script, ...renderer.args] : renderer.args;
    return [
        '--post-renderer',
        major === 3 ? renderer.node : POST_RENDERER_PLUGIN,
        ...args.flatMap(arg => ['--post-renderer-args', arg])
    ];
}
function templateArgs(spec) {
    return ['template', ...releaseArgs(spec)];
}
function upgradeArgs(spec, major) {
    return [
        'upgrade',
        '--install',
        ...releaseArgs(spec),
        ...postRendererArgs(spec.postRenderer, major),
        ...waitArgs(spec.timeoutSeconds),
        rollbackOnFailureFlag(major),
        '--output',
        'json'
    ];
}
function rollbackArgs(release, namespace, revision, timeoutSeconds) {
    return ['rollback', release, String(revision), ...namespaceArgs(namespace), ...waitArgs(timeoutSeconds)];
}
function uninstallArgs(release, namespace, timeoutSeconds) {
    return ['uninstall', release, ...namespaceArgs(namespace), ...waitArgs(timeoutSeconds)];
}
function historyArgs(release, namespace) {
    return ['history', release, ...namespaceArgs(namespace), '--output', 'json'];
}
function namespaceArgs(namespace) {
    return ['--namespace', namespace];
}
// A bare --wait works in both: Helm 4 reads it as --wait=watcher (kstatus watches), Helm 3 as polling.
function waitArgs(timeoutSeconds) {
    return ['--wait', '--timeout', `${timeoutSeconds}s`];
}
/** `helm history -o json`, oldest first. */
function parseHistory(json) {
    const entries = JSON.parse(json);
    if (!Array.isArray(entries))
        throw new errors/* ToolOutputError */._G('helm history', 'expected a JSON array');
    return [...entries].sort((a, b) => a.revision - b.revision);
}
function parseRelease(json) {
    const raw = JSON.parse(json);
    return {
        name: raw.name,
        namespace: raw.namespace,
        revision: raw.version,
        status: raw.info?.status ?? 'unknown',
        manifest: raw.manifest ?? ''
    };
}
class Helm {
    path;
    env;
    detected;
    /**
     * Asks helm its version once, in the background (the step meanwhile talks to the cluster); every
     * call waits for it, so a missing or unsupported helm fails there, with that message.
     */
    constructor(path, env = {}) {
        this.path = path;
        this.env = env;
        this.detected = runHelm(path, versionArgs(), { env }).then(result => parseHelmMajor(result.stdout));
        this.detected.catch(() => { }); // reported by the first call that needs it, not as unhandled
    }
    major() {
        return this.detected;
    }
    async upgrade(spec, timeoutMs) {
        const major = await this.detected;
        const plugins = spec.postRenderer && major === 4 ? await pluginsFolder(spec.postRenderer) : undefined;
        try {
            const env = plugins ? { HELM_PLUGINS: plugins } : {};
            const result = await this.run(upgradeArgs(spec, major), timeoutMs, env);
            return parseRelease(result.stdout);
        }
        finally {
            if (plugins)
                await (0,promises_.rm)(plugins, { recursive: true, force: true });
        }
    }
    /** The manifest the release would have (no cluster needed: helm's default capabilities). */
    async template(spec) {
        return (await this.run(templateArgs(spec))).stdout;
    }
    async rollback(release, namespace, revision, timeoutSeconds) {
        await this.run(rollbackArgs(release, namespace, revision, timeoutSeconds), waitDeadlineMs(timeoutSeconds));
    }
    async uninstall(release, namespace, timeoutSeconds) {
        await this.run(uninstallArgs(release, namespace, timeoutSeconds), waitDeadlineMs(timeoutSeconds));
    }
    /** The release's revisions, oldest first; [] when there is no such release. */
    async history(release, namespace) {
        const args = historyArgs(release, namespace);
        await this.detected;
        const result = await runHelm(this.path, args, { env: this.env, allowFailure: true });
        if (result.exitCode === 0)
            return parseHistory(result.stdout);
        if (/release: not found/.test(result.stderr))
            return [];
        throw new errors/* ToolError */.v4('helm', args, result.exitCode, result.stderr || result.stdout);
    }
    async run(args, timeoutMs, env = {}) {
        await this.detected;
        return runHelm(this.path, args, { env: { ...this.env, ...env }, ...(timeoutMs ? { timeoutMs } : {}) });
    }
}
async function pluginsFolder(renderer) {
    const folder = await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'carts-helm-plugins-'));
    await (0,promises_.mkdir)(external_node_path_default().join(folder, POST_RENDERER_PLUGIN));
    await (0,promises_.writeFile)(external_node_path_default().join(folder, POST_RENDERER_PLUGIN, 'plugin.yaml'), postRendererPlugin(renderer));
    return folder;
}
/** The deadline of a call that asks helm itself to wait: its --timeout and a minute for the rest. */
function waitDeadlineMs(timeoutSeconds) {
    return (timeoutSeconds + 60) * 1000;
}
/** A helm call that does not wait for a rollout (version, history): a hung API server ends it. */
const HELM_QUERY_TIMEOUT_MS = 120_000;
/** Errors name `helm`, not the cache path of the binary, so messages stay short. */
function runHelm(path, args, options) {
    return (0,exec/* execTool */.wc)(path, args, {
        timeoutMs: HELM_QUERY_TIMEOUT_MS,
        ...options,
        name: 'helm',
        inherit: exec/* KUBE_ENV */._8
    });
}

;// CONCATENATED MODULE: ./src/programs/kubectl.ts
/**
 * The one way this project calls kubectl: argument arrays built by pure functions (unit-tested), the
 * kubeconfig passed to the child process only, and errors that carry kubectl's own words.
 */


/** Owner of the objects we apply ourselves (the stable service, the VirtualService). */
const FIELD_MANAGER = 'carts-deploy';
function createNamespaceArgs(namespace) {
    return ['create', 'namespace', namespace];
}
/** --ignore-not-found: a missing object prints nothing instead of failing. */
function getJsonArgs(kind, name, namespace) {
    return ['get', kind, name, '--namespace', namespace, '--output', 'json', '--ignore-not-found'];
}
/** Every object of a kind in the namespace, optionally those matching a label selector. */
function listArgs(kind, namespace, selector) {
    return [
        'get',
        kind,
        '--namespace',
        namespace,
        ...(selector ? ['--selector', selector] : []),
        '--output',
        'json'
    ];
}
/** The server's version, asked with a short request timeout: the cheapest call that proves access. */
function serverVersionArgs() {
    return ['version', '--output=json', '--request-timeout=20s'];
}
function rolloutStatusArgs(deployment, namespace, timeoutSeconds) {
    return [
        'rollout',
        'status',
        `deployment/${deployment}`,
        '--namespace',
        namespace,
        `--timeout=${timeoutSeconds}s`
    ];
}
function scaleArgs(deployment, namespace, replicas) {
    return ['scale', `deployment/${deployment}`, '--namespace', namespace, `--replicas=${replicas}`];
}
/**
 * Server-side apply of a manifest read from stdin. --force-conflicts: these objects are ours alone, so
 * a field someone changed by hand (a selector, a weight) is taken back rather than failing the switch.
 */
function applyArgs(namespace) {
    return [
        'apply',
        '--server-side',
        `--field-manager=${FIELD_MANAGER}`,
        '--force-conflicts',
        '--namespace',
        namespace,
        '--filename',
        '-'
    ];
}
/** Runs a command in a pod's (only) container; -i when stdin carries input. */
function execArgs(namespace, pod, command, stdin = false) {
    return ['exec', ...(stdin ? ['-i'] : []), '--namespace', namespace, pod, '--', ...command];
}
/** Deletes without waiting (the caller polls with its own deadline); a namespace already gone is fine. */
function deleteNamespaceArgs(namespace) {
    return ['delete', 'namespace', namespace, '--ignore-not-found', '--wait=false'];
}
/** The last lines a pod's container wrote. */
function logsArgs(namespace, pod, lines) {
    return ['logs', pod, '--namespace', namespace, `--tail=${lines}`];
}
function apiResourcesArgs(group) {
    return ['api-resources', `--api-group=${group}`, '--output', 'name'];
}
/** A local port on loopback only, chosen by kubectl (`:port`): nothing else on the runner can reach it. */
function portForwardArgs(service, namespace, port) {
    return [
        'port-forward',
        '--address',
        '127.0.0.1',
        '--namespace',
        namespace,
        `service/${service}`,
        `:${port}`
    ];
}
/** kubectl's own line once it listens: `Forwarding from 127.0.0.1:41233 -> 8080`. */
const FORWARDING = /^Forwarding from 127\.0\.0\.1:(\d+) -> \d+$/m;
/** How long kubectl may take to find a pod behind the service and listen. */
const PORT_FORWARD_START_MS = 60_000;
/** The deadline of a kubectl call that does not wait for a rollout: a hung API server ends it. */
const KUBECTL_TIMEOUT_MS = 120_000;
class Kubectl {
    path;
    env;
    constructor(path = 'kubectl', env = {}) {
        this.path = path;
        this.env = env;
    }
    /** Creates the namespace; one that exists already, or that we may not create, is not an error here. */
    async createNamespace(namespace) {
        const args = createNamespaceArgs(namespace);
        const result = await this.exec(args, { allowFailure: true });
        if (result.exitCode === 0)
            return 'created';
        if (/AlreadyExists|already exists/.test(result.stderr))
            return 'exists';
        if (/Forbidden|forbidden/.test(result.stderr))
            return 'forbidden';
        throw new errors/* ToolError */.v4('kubectl', args, result.exitCode, result.stderr || result.stdout);
    }
    /** The object as JSON, or undefined when it does not exist. */
    async getJson(kind, name, namespace) {
        const result = await this.exec(getJsonArgs(kind, name, namespace));
        return result.stdout.trim() ? JSON.parse(result.stdout) : undefined;
    }
    /** `v1.33.13`; throws kubectl's own words when the API server does not answer. */
    async serverVersion() {
        const result = await this.exec(serverVersionArgs(), { timeoutMs: 30_000 });
        const version = JSON.parse(result.stdout).serverVersion;
        return version?.gitVersion ?? 'unknown';
    }
    async listJson(kind, namespace, selector) {
        const result = await this.exec(listArgs(kind, namespace, selector));
        return JSON.parse(result.stdout).items ?? [];
    }
    async rolloutStatus(deployment, namespace, timeoutSeconds) {
        await this.exec(rolloutStatusArgs(deployment, namespace, timeoutSeconds), {
            timeoutMs: (timeoutSeconds + 60) * 1000
        });
    }
    async scale(deployment, namespace, replicas) {
        await this.exec(scaleArgs(deployment, namespace, replicas));
    }
    async apply(namespace, objects) {
        const input = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects });
        await this.exec(applyArgs(namespace), { input });
    }
    /**
     * A command in a pod, its exit code returned rather than thrown (a JMeter run's own exit code is a
     * verdict). Options as execTool's: input, stdoutFile, onOutput, signal, timeoutMs.
     */
    async execIn(namespace, pod, command, options = {}) {
        return this.exec(execArgs(namespace, pod, command, options.input !== undefined), {
            ...options,
            allowFailure: true
        });
    }
    /** The container's last lines; empty when there are none to read (never started). */
    async logsTail(namespace, pod, lines) {
        const result = await this.exec(logsArgs(namespace, pod, lines), { allowFailure: true });
        return result.exitCode === 0 ? result.stdout : '';
    }
    async deleteNamespace(namespace) {
        await this.exec(deleteNamespaceArgs(namespace));
    }
    /** Resource names (`virtualservices.networking.istio.io`) the API server serves in a group. */
    async apiResources(group) {
        const result = await this.exec(apiResourcesArgs(group));
        return result.stdout.split('\n').filter(Boolean);
    }
    /**
     * Forwards a free local port to the service's `port` (one of its pods, through the API server) until
     * close(), or until `lifetimeMs` has passed.
     */
    async portForward(service, namespace, port, lifetimeMs) {
        const running = (0,exec/* startTool */.pQ)(this.path, portForwardArgs(service, namespace, port), {
            name: 'kubectl',
            inherit: exec/* KUBE_ENV */._8,
            env: this.env,
            timeoutMs: lifetimeMs
        });
        try {
            const match = await running.waitFor(FORWARDING, PORT_FORWARD_START_MS);
            return { localPort: Number(match[1]), close: () => running.stop() };
        }
        catch (error) {
            await running.stop();
            throw error;
        }
    }
    exec(args, options = {}) {
        return (0,exec/* execTool */.wc)(this.path, args, {
            timeoutMs: KUBECTL_TIMEOUT_MS,
            ...options,
            name: 'kubectl',
            inherit: exec/* KUBE_ENV */._8,
            env: { ...this.env, ...options.env }
        });
    }
}

;// CONCATENATED MODULE: ./src/deployment/kubeconfig.ts
/**
 * The cluster credentials of a run. The kubeconfig input (masked by inputs.ts) is written 0600 into the
 * run's private temp dir (removed by the post step) and handed to our child processes through their
 * environment only: process.env is never changed, so nothing else in the job sees it.
 */


const KUBECONFIG_FILE = 'kubeconfig';
/** The input as YAML: accepts the file's text, or the same base64-encoded (as some secrets hold it). */
function kubeconfigText(input) {
    const text = input.trim();
    if (/^[A-Za-z0-9+/=\s]+$/.test(text) && !text.includes(':')) {
        const decoded = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
        if (/apiVersion|clusters:/.test(decoded))
            return decoded;
    }
    return `${text}\n`;
}
/** Keys whose value is a credential, in YAML or JSON kubeconfigs (users[].user and auth-provider config). */
const CREDENTIAL_KEYS = /["']?(token|client-key-data|client-certificate-data|password|id-token|refresh-token|access-token|client-secret)["']?\s*:\s*["']?([^"'\s,}]+)/g;
/** The shortest credential value masked: shorter ones (`v1`, `[]`) are not secrets. */
const MIN_MASKED = 4;
/**
 * The shortest line masked. A short line (`- name: c`, `user:`) is structure, and as a mask it would star
 * out parts of unrelated log lines (`name: carts`); every credential is also masked on its own below.
 */
const MIN_MASKED_LINE = 12;
/**
 * Every string the log must never show for this kubeconfig input: each of its lines (the runner masks
 * values line by line, so a multi-line value is never matched whole), the same for its base64-decoded text,
 * and each embedded credential on its own (token, client key and certificate data, password, ...), with
 * the decoded text of a *-data value (a PEM) line by line.
 */
function kubeconfigSecrets(input) {
    const secrets = new Set();
    const addLines = (text, min = MIN_MASKED_LINE) => {
        for (const line of text.split(/\r?\n/)) {
            const trimmed = line.trim();
            // A bare key (`users:`) or a PEM armour line is structure, not a secret.
            if (trimmed.length < min || /^[\w-]+:$/.test(trimmed) || /^-----(BEGIN|END) /.test(trimmed))
                continue;
            secrets.add(trimmed);
        }
    };
    addLines(input);
    const text = kubeconfigText(input);
    if (text.trim() !== input.trim())
        addLines(text);
    for (const match of text.matchAll(CREDENTIAL_KEYS)) {
        const value = match[2];
        if (value.length < MIN_MASKED)
            continue;
        secrets.add(value);
        if (match[1].endsWith('-data'))
            addLines(Buffer.from(value, 'base64').toString('utf8'), MIN_MASKED);
    }
    return [...secrets];
}
/** The file written, or undefined when the input is empty (the runner's current context is used). */
async function writeKubeconfig(input, tempDir) {
    if (!input?.trim())
        return undefined;
    const file = external_node_path_default().join(tempDir, KUBECONFIG_FILE);
    await (0,promises_.writeFile)(file, kubeconfigText(input), { mode: 0o600 });
    // mode applies only when the file is created; make sure a pre-existing file is private too.
    await (0,promises_.chmod)(file, 0o600);
    return file;
}
/** Environment additions for helm/kubectl: KUBECONFIG only when we wrote one. */
function kubeEnv(file) {
    return file ? { KUBECONFIG: file } : {};
}

;// CONCATENATED MODULE: ./src/deployment/cluster.ts



const opened = new WeakMap();
/** The same tools for the deploy step and, later in the run, the gate's promote/reject. */
function clusterFor(ctx) {
    let cluster = opened.get(ctx);
    if (!cluster) {
        cluster = openCluster(ctx);
        opened.set(ctx, cluster);
        // A failed open (no helm) must not be cached: the next caller gets the error afresh.
        cluster.catch(() => opened.delete(ctx));
    }
    return cluster;
}
/** The install step's helm, or the one on PATH when the install step did not run. */
function helmPath(ctx) {
    return ctx.results.install?.helm.path ?? 'helm';
}
async function openCluster(ctx) {
    const env = kubeEnv(await writeKubeconfig(ctx.config.kubeconfig, ctx.tempDir));
    return { helm: new Helm(helmPath(ctx), env), kubectl: new Kubectl('kubectl', env) };
}

;// CONCATENATED MODULE: ./src/deployment/recovery.ts
/**
 * A release left stuck by an earlier run (helm killed mid-upgrade, a runner that died) makes every later
 * `helm upgrade` fail with "another operation is in progress". Repair it first, and say so.
 */

const STUCK = new Set(['pending-install', 'pending-upgrade', 'pending-rollback', 'failed']);
const GOOD = new Set(['deployed', 'superseded']);
/** Pure: what to do with a release whose history (oldest first) is this. */
function planRecovery(history) {
    const stuck = history.at(-1);
    if (!stuck || !STUCK.has(stuck.status))
        return { kind: 'none' };
    const good = history.filter(h => h.revision < stuck.revision && GOOD.has(h.status)).at(-1);
    if (good)
        return { kind: 'rollback', stuck, revision: good.revision };
    // Uninstall only when we see the whole history: pruned revisions may have been deployed.
    return history[0]?.revision === 1 ? { kind: 'uninstall', stuck } : { kind: 'manual', stuck };
}
/** The revision that is live now (the newest deployed one), if any. */
function deployedRevision(history) {
    return history.filter(h => h.status === 'deployed').at(-1)?.revision;
}
/** One line for the log and the deploy result. */
function describeRecovery(release, recovery) {
    if (recovery.kind === 'none')
        return undefined;
    const was = `${release} was left ${recovery.stuck.status} at revision ${recovery.stuck.revision} by an earlier run`;
    if (recovery.kind === 'rollback')
        return `${was}; rolled back to revision ${recovery.revision}`;
    if (recovery.kind === 'uninstall')
        return `${was} and nothing was ever deployed; uninstalled it`;
    return `${was} and no deployed revision is left in its history; repair it by hand (helm rollback or helm uninstall)`;
}
/** Repairs the release if it is stuck; returns its history afterwards. */
async function recoverRelease(helm, release, namespace, timeoutSeconds) {
    const history = await helm.history(release, namespace);
    const recovery = planRecovery(history);
    const message = describeRecovery(release, recovery);
    if (recovery.kind === 'none')
        return { history };
    if (recovery.kind === 'manual')
        throw new errors/* DeployError */.sH(`${message} (namespace ${namespace})`);
    if (recovery.kind === 'rollback')
        await helm.rollback(release, namespace, recovery.revision, timeoutSeconds);
    else
        await helm.uninstall(release, namespace, timeoutSeconds);
    return { history: await helm.history(release, namespace), message };
}

;// CONCATENATED MODULE: ./src/deployment/serving.ts



/** Pure: `docker.io/library/x:1`, `docker.io/x:1` and `x:1` name the same image. */
function normalImage(image) {
    return image.replace(/^docker\.io\//, '').replace(/^library\//, '');
}
/** Pure: the repository (normalized) and tag of a reference; no tag is `latest`, as the runtime reads it. */
function splitImage(image) {
    const { repository, tag } = (0,contracts_names/* splitReference */.mQ)(normalImage(image));
    return { repository, tag: tag ?? 'latest' };
}
/** Pure: the ready endpoints of the slices, counted by the tag of `repository` their pod runs. */
function servingOf(slices, pods, repository) {
    const byName = new Map(pods.map(pod => [pod.metadata.name, pod]));
    const wanted = splitImage(repository).repository;
    const ready = new Map();
    const terminating = new Map();
    const count = (counts, version) => counts.set(version, (counts.get(version) ?? 0) + 1);
    let total = 0;
    for (const endpoint of slices.flatMap(slice => slice.endpoints ?? [])) {
        const pod = endpoint.targetRef?.kind === 'Pod' ? byName.get(endpoint.targetRef.name ?? '') : undefined;
        const tag = pod?.spec.containers
            .map(c => splitImage(c.image))
            .find(image => image.repository === wanted)?.tag;
        const version = tag ?? 'other';
        if (endpoint.conditions?.terminating === true)
            count(terminating, version);
        // A missing ready condition means ready (the EndpointSlice API's rule).
        else if (endpoint.conditions?.ready !== false) {
            count(ready, version);
            total++;
        }
    }
    return { ready, total, terminating };
}
/** Pure: true when at least one ready endpoint serves, all of them run `tag`, and no pod of another version is still terminating. */
function servesOnly(serving, tag) {
    const draining = [...serving.terminating.keys()].some(version => version !== tag);
    return serving.total > 0 && serving.ready.get(tag) === serving.total && !draining;
}
/** Pure: `2 ready pods of 0.8.1 and 1 of 0.8.3`, or `no ready pod`. */
function describeServing(serving) {
    const what = (version) => (version === 'other' ? 'without the service image' : `of ${version}`);
    const ready = serving.total === 0
        ? 'no ready pod'
        : [...serving.ready]
            .map(([version, n], i) => `${n}${i > 0 ? '' : n === 1 ? ' ready pod' : ' ready pods'} ${what(version)}`)
            .join(' and ');
    const terminating = [...serving.terminating].map(([version, n]) => `${n} terminating pod${n === 1 ? '' : 's'} ${what(version)}`);
    return [ready, ...terminating].join(' and ');
}
/** How long the endpoints may take to follow a switch (the EndpointSlice controller, pods terminating). */
const SERVING_DEADLINE_MS = 60_000;
const POLL_MS = 500;
/** The run's timeout, 60 s at most. */
function servingDeadlineMs(ctx) {
    return Math.min(SERVING_DEADLINE_MS, ctx.config.timeoutSeconds * 1000);
}
/**
 * Waits until `service` in `namespace` routes only to ready pods running `repository:tag`, and says so;
 * at the deadline it throws a DeployError saying what the service routes to instead.
 */
async function waitUntilServing(kubectl, service, namespace, image, deadlineMs = SERVING_DEADLINE_MS) {
    const end = Date.now() + deadlineMs;
    for (;;) {
        const serving = await readServing(kubectl, service, namespace, image.repository);
        if (servesOnly(serving, image.tag))
            return `${service} in ${namespace} routes to ${describeServing(serving)}`;
        if (Date.now() >= end)
            throw new errors/* DeployError */.sH(`${service} in ${namespace} routes to ${describeServing(serving)}, not only to ready pods of ${image.tag} ` +
                `(checked for ${Math.round(deadlineMs / 1000)} s)`);
        await new Promise(resolve => setTimeout(resolve, POLL_MS));
    }
}
async function readServing(kubectl, service, namespace, repository) {
    const [slices, pods] = await Promise.all([
        kubectl.listJson('endpointslices', namespace, `kubernetes.io/service-name=${service}`),
        kubectl.listJson('pods', namespace)
    ]);
    return servingOf(slices, pods, repository);
}
/** The Service users reach the stage by: the chart's own (direct), or the stable one (blue/green). */
function stableServiceOf(ctx) {
    return ctx.results.deploy?.chart.service ?? ctx.config.service;
}
/**
 * Checks that the stage's stable service routes only to ready pods of `image`; returns the line that
 * says so. Waits at most the run's timeout (60 s at most) for the endpoints to follow.
 */
async function confirmServing(ctx, image) {
    const { kubectl } = await clusterFor(ctx);
    return waitUntilServing(kubectl, stableServiceOf(ctx), ctx.plan.namespace, image, servingDeadlineMs(ctx));
}
/** What the stable service routes to now, in words (for a stage with nothing to restore). */
async function describeStableService(ctx, repository) {
    const { kubectl } = await clusterFor(ctx);
    const service = stableServiceOf(ctx);
    const serving = await readServing(kubectl, service, ctx.plan.namespace, repository);
    return `${service} in ${ctx.plan.namespace} routes to ${describeServing(serving)}`;
}

;// CONCATENATED MODULE: ./src/charts/manifest.ts
/**
 * Pure: a rendered helm manifest as objects, each with the chart file that rendered it (helm's
 * `# Source:` comment), and back to text for helm.
 */


const SOURCE = /^#\s*Source:\s*[^/\s]+\/(\S+)/m;
function parseManifest(manifest) {
    return (0,dist/* parseAllDocuments */.hR)(manifest).flatMap(doc => {
        if (doc.errors.length > 0)
            throw new errors/* DeployError */.sH(`the rendered manifest is not YAML: ${doc.errors[0].message}`);
        const object = doc.toJS({ maxAliasCount: 100 });
        if (!object || typeof object !== 'object')
            return [];
        const comment = doc.commentBefore ?? doc.contents?.commentBefore;
        const source = SOURCE.exec(`#${comment ?? ''}`)?.[1];
        return [{ object, ...(source ? { source } : {}) }];
    });
}
function printManifest(rendered) {
    return rendered
        .map(({ object, source }) => `---\n${source ? `# Source: ${source}\n` : ''}${stringify(object)}`)
        .join('');
}
/** Helm hooks (tests, jobs) are not part of what serves. */
function isHook(object) {
    return Boolean(object.metadata?.annotations?.['helm.sh/hook']);
}
function manifest_nameOf(object) {
    return object.metadata?.name ?? '';
}

;// CONCATENATED MODULE: ./src/charts/workload.ts
/**
 * Pure: which rendered objects are the service. Blue/green needs exactly one Deployment for it and a
 * Service that selects its pods; a chart that has not is refused before anything changes, naming the
 * chart file and what it needs.
 */

function podLabelsOf(object) {
    return (object.spec?.template?.metadata?.labels ?? {});
}
/** Pure: a selector selects labels when it is not empty and all its pairs are among them. */
function workload_selects(selector, labels) {
    const pairs = Object.entries(selector ?? {});
    return pairs.length > 0 && pairs.every(([key, value]) => labels[key] === value);
}
function where(rendered) {
    return `${rendered.object.kind} ${manifest_nameOf(rendered.object)}${rendered.source ? ` (${rendered.source})` : ''}`;
}
/** The Deployment named or labelled after the service, when the chart renders several. */
function isTheService(object, service, baseName) {
    const labels = podLabelsOf(object);
    return (baseName(manifest_nameOf(object)) === service ||
        labels['app.kubernetes.io/name'] === service ||
        labels.app === service);
}
function workload_findWorkload(rendered, service, baseName = name => name) {
    const live = rendered.filter(r => !isHook(r.object));
    const deployments = live.filter(r => r.object.kind === 'Deployment');
    const candidates = deployments.length > 1 ? deployments.filter(r => isTheService(r.object, service, baseName)) : deployments;
    if (deployments.length === 0)
        return { ok: false, problem: `it renders no Deployment (one Deployment for ${service} is needed)` };
    if (candidates.length !== 1)
        return {
            ok: false,
            problem: `it renders ${deployments.length} Deployments (${deployments.map(where).join(', ')}) and ` +
                `${candidates.length === 0 ? 'none' : candidates.length} of them is named ${service} or has the pod ` +
                `label app.kubernetes.io/name=${service} or app=${service} (exactly one is needed)`
        };
    const deployment = candidates[0];
    const podLabels = podLabelsOf(deployment.object);
    const services = live
        .filter(r => r.object.kind === 'Service' && workload_selects(r.object.spec?.selector, podLabels))
        .map(r => manifest_nameOf(r.object))
        // The one named after the service first: that is the name users and tests know.
        .sort((a, b) => Number(baseName(b) === service) - Number(baseName(a) === service));
    const [first, ...rest] = services;
    if (first === undefined)
        return {
            ok: false,
            problem: `no Service selects the pods of ${where(deployment)}: a Service whose selector matches some of ` +
                `its pod labels ${JSON.stringify(podLabels)} is needed`
        };
    return {
        ok: true,
        workload: { deployment: manifest_nameOf(deployment.object), services: [first, ...rest], podLabels }
    };
}

;// CONCATENATED MODULE: ./src/charts/colouring.ts



/** The pod label that tells the colours apart. */
const COLOUR_LABEL = 'colour';
/** Pure: a rendered name without the release in it, as a direct release named after the service has it. */
function baseNameIn({ service, release }) {
    return name => (release !== service && name.includes(release) ? name.replace(release, service) : name);
}
/** Pure: the name an object of the chart has in one colour. */
function colouredName(base, colour) {
    return `${base}-${colour}`;
}
/** Which names the release's own objects have, by kind, and what each becomes. */
class Renames {
    names = new Map();
    constructor(rendered, base, colour) {
        for (const { object } of rendered)
            this.names.set(`${object.kind}/${nameOf(object)}`, colouredName(base(nameOf(object)), colour));
    }
    /** holder[field] names an object of `kind`: it follows that object's new name (external ones stay). */
    follow(holder, field, kind) {
        const name = holder?.[field];
        const renamed = typeof name === 'string' ? this.names.get(`${kind}/${name}`) : undefined;
        if (renamed)
            holder[field] = renamed;
    }
    of(object) {
        return this.names.get(`${object.kind}/${nameOf(object)}`);
    }
}
function list(value) {
    return Array.isArray(value) ? value.filter(item => item && typeof item === 'object') : [];
}
function followPodSpec(pod, renames) {
    if (!pod)
        return;
    renames.follow(pod, 'serviceAccountName', 'ServiceAccount');
    for (const secret of list(pod.imagePullSecrets))
        renames.follow(secret, 'name', 'Secret');
    for (const volume of list(pod.volumes)) {
        renames.follow(volume.configMap, 'name', 'ConfigMap');
        renames.follow(volume.secret, 'secretName', 'Secret');
        renames.follow(volume.persistentVolumeClaim, 'claimName', 'PersistentVolumeClaim');
        for (const source of list(volume.projected?.sources)) {
            renames.follow(source.configMap, 'name', 'ConfigMap');
            renames.follow(source.secret, 'name', 'Secret');
        }
    }
    for (const container of [...list(pod.containers), ...list(pod.initContainers)]) {
        for (const from of list(container.envFrom)) {
            renames.follow(from.configMapRef, 'name', 'ConfigMap');
            renames.follow(from.secretRef, 'name', 'Secret');
        }
        for (const env of list(container.env)) {
            renames.follow(env.valueFrom?.configMapKeyRef, 'name', 'ConfigMap');
            renames.follow(env.valueFrom?.secretKeyRef, 'name', 'Secret');
        }
    }
}
/**
 * A chart that leaves `replicas` to an autoscaler would keep a retired colour at 0 when the next version
 * goes into it (helm sets only what the chart renders, and an autoscaler never scales up from 0): the
 * colour's Deployment starts at the autoscaler's minimum, or 1.
 */
function startingReplicas(rendered, deployment) {
    const hpa = rendered.find(({ object }) => object.kind === 'HorizontalPodAutoscaler' &&
        object.spec?.scaleTargetRef?.kind === 'Deployment' &&
        object.spec?.scaleTargetRef?.name === deployment);
    const min = Number(hpa?.object.spec?.minReplicas ?? 1);
    return Number.isInteger(min) && min > 0 ? min : 1;
}
function addLabel(holder, field, colour) {
    holder[field] = { ...holder[field], [COLOUR_LABEL]: colour };
}
/**
 * Pure: the release's objects in one colour. Throws a DeployError when the chart has no one Deployment
 * with a Service for the service (checked before the commit too, so this is only a last guard).
 */
function colourRelease(rendered, colouring) {
    const { service, colour } = colouring;
    const base = baseNameIn(colouring);
    const check = findWorkload(rendered, service, base);
    if (!check.ok)
        throw new DeployError(`the chart cannot be deployed blue/green: ${check.problem}`);
    const { deployment, services, podLabels } = check.workload;
    const renames = new Renames(rendered, base, colour);
    return rendered.map(({ object: original, source }) => {
        const object = structuredClone(original);
        const name = nameOf(object);
        object.metadata = { ...object.metadata, name: renames.of(original) };
        addLabel(object.metadata, 'labels', colour);
        // Kinds without a spec (ConfigMap, Secret) keep having none.
        const spec = object.spec ?? {};
        if (object.kind === 'Deployment' && name === deployment) {
            object.spec = spec;
            spec.selector = spec.selector ?? {};
            addLabel(spec.selector, 'matchLabels', colour);
            spec.template = spec.template ?? {};
            spec.template.metadata = spec.template.metadata ?? {};
            addLabel(spec.template.metadata, 'labels', colour);
            spec.replicas = spec.replicas ?? startingReplicas(rendered, name);
        }
        if (object.kind === 'Service' && services.includes(name))
            addLabel(spec, 'selector', colour);
        if (object.kind === 'PodDisruptionBudget' && selects(spec.selector?.matchLabels, podLabels))
            addLabel(spec.selector, 'matchLabels', colour);
        followPodSpec(spec.template?.spec, renames);
        renames.follow(spec.scaleTargetRef, 'name', spec.scaleTargetRef?.kind);
        renames.follow(object.roleRef, 'name', object.roleRef?.kind);
        for (const subject of list(object.subjects))
            renames.follow(subject, 'name', subject.kind);
        return { object, ...(source ? { source } : {}) };
    });
}

;// CONCATENATED MODULE: ./src/deployment/istio.ts
const ISTIO_GROUP = 'networking.istio.io';
const VIRTUAL_SERVICES = `virtualservices.${ISTIO_GROUP}`;
/** Discovery only (allowed to every authenticated user), so a namespace-scoped account can ask too. */
async function hasIstio(kubectl) {
    return (await kubectl.apiResources(ISTIO_GROUP)).includes(VIRTUAL_SERVICES);
}
/** Pure: the VirtualService that gives `live` all traffic and `other` (when it exists) none. */
function virtualService(service, namespace, live, other) {
    const destination = (colour, weight) => ({
        destination: { host: `${service}-${colour}.${namespace}.svc.cluster.local` },
        weight
    });
    return {
        apiVersion: `${ISTIO_GROUP}/v1`,
        kind: 'VirtualService',
        metadata: { name: service, namespace, labels: { 'app.kubernetes.io/managed-by': 'carts-deploy' } },
        spec: {
            hosts: [service, `${service}.${namespace}.svc.cluster.local`],
            http: [{ route: [destination(live, 100), ...(other ? [destination(other, 0)] : [])] }]
        }
    };
}
/** Pure: weight per colour, read back from a VirtualService (for checks and logs). */
function weightsOf(vs, service) {
    const routes = vs?.spec?.http?.[0]?.route;
    const out = {};
    for (const route of routes ?? []) {
        const colour = /^(?:.*-)?(blue|green)\./.exec(route.destination.host)?.[1];
        if (colour && route.destination.host.startsWith(`${service}-`))
            out[colour] = route.weight ?? 0;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/deployment/strategies/blue-green.ts
/**
 * `blue_green_service`: two releases of the user's chart, `<service>-blue` and `<service>-green`, side by
 * side. A helm post-renderer gives every object of a release the colour in its name and labels (see
 * charts/colouring), so each colour has its own Deployment and Service (`carts-blue` for the chart's
 * `carts`) and the tests reach the new colour directly. The stable Service, by the chart's Service name,
 * is ours (server-side applied, not helm's) and selects the live colour.
 *
 * Why two releases and not one release holding both colours: deploying the new colour never re-renders
 * the live one, and a failed deploy's --atomic rollback touches only the new colour's release. Each
 * colour also keeps its own helm history. The live colour is read from the stable service's selector:
 * the cluster itself is the record of which colour serves.
 */






function otherColour(colour) {
    return colour === 'blue' ? 'green' : 'blue';
}
/** Pure: the colour the stable service selects now; undefined before the first promote. */
function liveColourOf(stable) {
    const colour = stable?.spec?.selector?.[COLOUR_LABEL];
    return colour === 'blue' || colour === 'green' ? colour : undefined;
}
/** Pure: the new version goes to the colour that is not live (blue when none is). */
function decideBlueGreen(service, chart, live, traffic) {
    const colour = live ? otherColour(live) : 'blue';
    return {
        release: `${service}-${colour}`,
        chart,
        testService: colouredName(chart.service, colour),
        colour,
        liveColour: live,
        traffic
    };
}
/** Pure: promote selects the new colour and retires the old one (if there was one). */
function decidePromote(deploy) {
    const colour = requireColour(deploy.colour);
    const old = deploy.liveColour && deploy.liveColour !== colour ? deploy.liveColour : undefined;
    return { live: colour, scaleDown: old ? colouredName(deploy.chart.deployment, old) : undefined };
}
/** Pure: reject leaves the stable service where it was and retires the new colour. */
function decideReject(deploy) {
    const colour = requireColour(deploy.colour);
    return { live: deploy.liveColour, scaleDown: colouredName(deploy.chart.deployment, colour) };
}
/** Pure: the stable service selects exactly what the colour's own service selects, on the same ports. */
function stableService(service, namespace, colourService) {
    const ports = (colourService.spec?.ports ?? []).map(({ nodePort: _nodePort, ...port }) => port);
    return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: service, namespace, labels: { 'app.kubernetes.io/managed-by': 'carts-deploy' } },
        spec: { type: 'ClusterIP', selector: colourService.spec?.selector ?? {}, ports }
    };
}
const NOTHING = 'no blue/green deploy in this run: nothing to promote or reject';
function requireColour(colour) {
    if (!colour)
        throw new errors/* DeployError */.sH(NOTHING);
    return colour;
}
function requireDeploy(ctx) {
    const deploy = ctx.results.deploy;
    if (deploy?.strategy !== 'blue_green_service')
        throw new errors/* DeployError */.sH(NOTHING);
    return deploy;
}
async function routeMesh(kubectl, deploy, live) {
    if (deploy.traffic !== 'istio' || !live)
        return;
    const vs = virtualService(deploy.chart.service, deploy.namespace, live, otherColour(live));
    await kubectl.apply(deploy.namespace, [vs]);
}
/** The stable service selects what the colour's own service selects (server-side apply: idempotent). */
async function selectColour(kubectl, deploy, colour) {
    const { chart, namespace } = deploy;
    const name = colouredName(chart.service, colour);
    const colourService = await kubectl.getJson('service', name, namespace);
    if (!colourService)
        throw new errors/* DeployError */.sH(`service ${name} in ${namespace} is gone`);
    await kubectl.apply(namespace, [stableService(chart.service, namespace, colourService)]);
}
const blueGreen = {
    name: 'blue_green_service',
    async target(ctx, { kubectl }, chart) {
        const [stable, istio] = await Promise.all([
            kubectl.getJson('service', chart.service, ctx.plan.namespace),
            hasIstio(kubectl)
        ]);
        return decideBlueGreen(ctx.config.service, chart, liveColourOf(stable), istio ? 'istio' : 'service');
    },
    // The mesh keeps sending everything to the live colour while the new one is tested.
    afterDeploy: async (_ctx, { kubectl }, deploy) => routeMesh(kubectl, deploy, deploy.liveColour),
    async promote(ctx) {
        const deploy = requireDeploy(ctx);
        const { kubectl } = await clusterFor(ctx);
        const next = decidePromote(deploy);
        const stable = deploy.chart.service;
        // The stable service moves only to a colour whose own service routes to ready pods of the new version.
        const deadline = servingDeadlineMs(ctx);
        await waitUntilServing(kubectl, deploy.testService, deploy.namespace, imageOf(ctx.config), deadline).catch((error) => {
            throw new errors/* DeployError */.sH(`${stable} not switched to ${next.live}: ${error.message}`);
        });
        await selectColour(kubectl, deploy, next.live);
        await routeMesh(kubectl, deploy, next.live);
        if (next.scaleDown)
            await kubectl.scale(next.scaleDown, deploy.namespace, 0);
        const retired = next.scaleDown ? `; deployment ${next.scaleDown} scaled to 0` : '';
        ctx.log.info(`${stable} in ${deploy.namespace} now selects ${next.live}${retired}`);
    },
    async reject(ctx) {
        const deploy = requireDeploy(ctx);
        const { kubectl } = await clusterFor(ctx);
        const next = decideReject(deploy);
        // Back to the live colour, should a promote have moved the stable service before it failed.
        if (next.live)
            await selectColour(kubectl, deploy, next.live);
        await routeMesh(kubectl, deploy, next.live);
        await kubectl.scale(next.scaleDown, deploy.namespace, 0);
        const stays = next.live ? `stays on ${next.live}` : 'was never switched';
        ctx.log.info(`deployment ${next.scaleDown} scaled to 0; ${deploy.chart.service} in ${deploy.namespace} ${stays}`);
    }
};

;// CONCATENATED MODULE: ./src/stages/adopt.ts
/**
 * The deploy step of a gate job (input results): nothing is deployed here. The deploy a hold job left is
 * taken over as this run's, after checking it is still what runs: the config branch records this very
 * image as held, helm's release is still at the held revision, blue/green's stable Service still selects
 * the colour it did, and the held version's service routes only to ready pods of it. Anything else (no hold
 * job, another tag held or promoted since, a redeploy) is refused before anything changes.
 */








const adoptStep = { name: 'deploy', run: adoptHeld };
async function adoptHeld(ctx) {
    if (!ctx.plan.deploymentStrategy) {
        ctx.log.info(`Stage ${ctx.plan.stage} deploys nothing (quality gate only): the results alone are gated`);
        return undefined;
    }
    const record = await (0,config_branch/* readDeployment */.iJ)(configTarget(ctx.config), ctx.key, { tempRoot: ctx.tempDir });
    const held = heldOf(ctx, record);
    const { helm, kubectl } = await clusterFor(ctx);
    const { release, namespace, revision, colour, liveColour, chart, testService } = held;
    const now = deployedRevision(await helm.history(release, namespace));
    if (now !== revision)
        throw notHeld(ctx, `helm release ${release} in ${namespace} is at revision ${now ?? 'none'}, not the held ${revision}`);
    if (colour) {
        const live = liveColourOf(await kubectl.getJson('service', chart.service, namespace));
        if (live !== liveColour)
            throw notHeld(ctx, `service ${chart.service} selects ${live ?? 'no colour'}, not ${liveColour ?? 'no colour'} as when it was held`);
    }
    try {
        const image = imageOf(ctx.config);
        ctx.log.info(`Checked: ${await waitUntilServing(kubectl, testService, namespace, image, servingDeadlineMs(ctx))}`);
    }
    catch (error) {
        throw notHeld(ctx, error.message);
    }
    ctx.log.info(`Gating the held ${release} revision ${revision} in ${namespace} (held by ${record?.runUrl ?? 'an earlier job'})`);
    const { previous, ...deploy } = held;
    return { ...deploy, helmSeconds: 0, ...(previous ? { previousImage: previous } : {}) };
}
/** The held deploy of this image in this namespace, as the config branch records it. */
function heldOf(ctx, record) {
    const { image, tag } = ctx.config;
    const recorded = record
        ? `${record.image.repository}:${record.image.tag} ${record.result}`
        : 'no deployment';
    if (!record?.held ||
        record.result !== 'held' ||
        record.image.tag !== tag ||
        record.image.repository !== image)
        throw notHeld(ctx, `the config branch records ${recorded}`);
    if (record.held.namespace !== ctx.plan.namespace)
        throw notHeld(ctx, `it was held in namespace ${record.held.namespace}`);
    return record.held;
}
function notHeld(ctx, found) {
    const { service, tag } = ctx.config;
    return new errors/* InputError */.dz('results', `a held deployment of ${service}:${tag} in ${ctx.plan.namespace} to gate (a job with hold: true first); ${found}`);
}

// EXTERNAL MODULE: ./src/config-branch/layout.ts
var layout = __webpack_require__(9003);
// EXTERNAL MODULE: ./src/config-branch/values-file.ts
var values_file = __webpack_require__(7637);
;// CONCATENATED MODULE: ./src/charts/chart-names.ts




const MAX_NAME = 63;
/**
 * The service's Deployment and Service. Blue/green refuses a chart without one Deployment and a Service
 * for it; a direct deploy takes the chart as it is (the tests then use the service's name).
 */
function chartNamesOf(manifest, service, strategy, chartDir) {
    const check = workload_findWorkload(parseManifest(manifest), service);
    if (strategy === 'direct')
        return check.ok ? namesOf(check.workload) : { deployment: service, service };
    const refuse = (problem) => new errors/* DeployError */.sH(`chart ${chartDir} cannot be deployed blue/green: ${problem}`);
    if (!check.ok)
        throw refuse(check.problem);
    const names = namesOf(check.workload);
    for (const name of [names.deployment, names.service])
        if (colouredName(name, 'green').length > MAX_NAME)
            throw refuse(`${name} is too long for a colour suffix (at most ${MAX_NAME - '-green'.length} characters)`);
    return names;
}
function namesOf(workload) {
    return { deployment: workload.deployment, service: workload.services[0] };
}
/** `keptn.deployment` as Keptn's helm-service set it: the chart as it is, or the chart under test. */
function keptnDeploymentOf(strategy) {
    return strategy === 'direct' ? 'direct' : 'canary';
}
/** The `keptn.*` values Keptn's helm-service passed to every chart it deployed. */
function keptnValues(plan, service, strategy) {
    return {
        'keptn.project': plan.project,
        'keptn.stage': plan.stage,
        'keptn.service': service,
        'keptn.deployment': keptnDeploymentOf(strategy)
    };
}

;// CONCATENATED MODULE: ./src/deployment/chart-check.ts
/**
 * The user's chart rendered (`helm template`) with the values the deploy will use, before anything
 * changes: a chart that does not render, or that a blue/green stage cannot colour, fails here, with the
 * chart's own words, and not after the new image became the desired state.
 */


/**
 * Pure: the chart, values files and values of a release of the stage. Without a values file from the
 * config branch (CLI use, tests) the image comes from the inputs.
 */
function releaseSpec(ctx, release, strategy, valuesFile) {
    const image = valuesFile
        ? {}
        : { 'image.repository': ctx.config.image, 'image.tag': ctx.config.tag };
    return {
        release,
        chart: ctx.config.chartDir,
        namespace: ctx.plan.namespace,
        valuesFiles: valuesFile ? [valuesFile] : [],
        setString: { ...image, ...keptnValues(ctx.plan, ctx.config.service, strategy) }
    };
}
/** Renders the chart as a release named after the service and reads the names the strategy needs. */
async function inspectChart(ctx, helm, strategy, valuesFile) {
    const spec = releaseSpec(ctx, ctx.config.service, strategy, valuesFile);
    let manifest;
    try {
        manifest = await helm.template(spec);
    }
    catch (error) {
        if (!(error instanceof errors/* ToolError */.v4))
            throw error;
        const said = (0,errors/* lastLines */.w$)(error.output) || `exit ${error.exitCode}`;
        throw new errors/* DeployError */.sH(`chart ${spec.chart} does not render with the values of ${ctx.plan.stage}: ${said}`);
    }
    return chartNamesOf(manifest, ctx.config.service, strategy, spec.chart);
}

;// CONCATENATED MODULE: ./src/deployment/preflight.ts
/**
 * What can fail before anything changes, checked before the commit step writes the new image: a
 * version that was never deployed must not become the desired state because a chart path had a typo or
 * the cluster could not be reached.
 */




async function checkChart(chartDir) {
    try {
        await (0,promises_.access)(external_node_path_default().join(chartDir, 'Chart.yaml'));
    }
    catch {
        throw new errors/* DeployError */.sH(`chart not found at ${chartDir} (no Chart.yaml there)`);
    }
}
/** The chart is there and the cluster answers with the kubeconfig given; returns the server's version. */
async function checkDeployable(ctx) {
    await checkChart(ctx.config.chartDir);
    const { kubectl } = await clusterFor(ctx);
    try {
        return await kubectl.serverVersion();
    }
    catch (error) {
        throw new errors/* DeployError */.sH(`the cluster cannot be reached with the kubeconfig given: ${(0,errors/* describe */.q0)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/stages/commit.ts
/**
 * The commit step: the stage's desired image goes onto the config branch, and its values file to helm;
 * only once the chart is there, renders with the new values (in the shape the strategy needs) and the
 * cluster answers.
 */












/** How the chart's own values.yaml names its image (one string, repository/tag, or with a registry). */
function chartImageShape(chartDir) {
    const file = (0,external_node_path_.join)(chartDir, 'values.yaml');
    return (0,external_node_fs_.existsSync)(file) ? (0,values_file/* imageShape */.fq)((0,user_file/* readUserFile */.E1)(file, 'yaml'), file) : undefined;
}
const commitStep = {
    name: 'commit',
    async run(ctx) {
        // Nothing becomes the desired state that cannot be deployed (the tools were installed before).
        if (ctx.plan.deploymentStrategy) {
            const version = await checkDeployable(ctx);
            ctx.log.info(`Checked before committing: chart ${ctx.config.chartDir}, cluster ${version}`);
        }
        const image = imageOf(ctx.config);
        const target = configTarget(ctx.config);
        const shape = chartImageShape(ctx.config.chartDir);
        const valuesFile = (0,external_node_path_.join)(ctx.tempDir, 'config', (0,layout/* valuesPath */._W)(ctx.key));
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(valuesFile), { recursive: true });
        const strategy = ctx.plan.deploymentStrategy;
        let chart;
        const check = async (values) => {
            await (0,promises_.writeFile)(valuesFile, values);
            if (strategy)
                chart = await inspectChart(ctx, (await clusterFor(ctx)).helm, strategy, valuesFile);
        };
        const options = { tempRoot: ctx.tempDir };
        const result = await (0,config_branch/* setImage */.g7)(target, ctx.key, image, options, { shape, check });
        const change = (0,layout/* describeChange */.uQ)(ctx.key, image.tag);
        const where = `branch '${target.branch}' at ${result.sha?.slice(0, 12)}`;
        if (result.changed)
            ctx.log.info(`Committed ${change} to ${where}`);
        else
            ctx.log.info(`${change} is already the desired state on ${where}; no commit`);
        if (result.attempts > 1)
            ctx.log.info(`(pushed after ${result.attempts} attempts: other runs were writing too)`);
        return { sha: result.sha ?? '', changed: result.changed, previous: result.previous, valuesFile, chart };
    }
};

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/deployment/post-renderer.ts
/** The blue/green post-renderer (dist/post-render), run by the node that runs the action. */




const here = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
// From dist/index.js, dist/cli/index.js, and the sources the tests run (src/deployment/).
const CANDIDATES = ['post-render', '../post-render', '../../dist/post-render'].map(dir => external_node_path_default().join(here, dir, 'index.js'));
function postRendererFor({ colour, service, release }) {
    const script = CANDIDATES.find(file => (0,external_node_fs_.existsSync)(file));
    if (!script)
        throw new errors/* SetupError */.w3(`the blue/green post-renderer is missing (${CANDIDATES[0]}): dist/ is incomplete`);
    return { node: process.execPath, script, args: [colour, service, release] };
}

;// CONCATENATED MODULE: ./src/deployment/public-route.ts
/**
 * The stage's public URL, as Keptn gave each stage one: `http://<service>.<namespace>.<domain>`, through a
 * `networking.k8s.io/v1` Ingress, or where the cluster serves Istio's API through an Istio Gateway and a
 * VirtualService, as Keptn did. Both send the host to the stable Service, which selects the live colour:
 * the public host always reaches what the gate promoted.
 */



const MANAGED = { 'app.kubernetes.io/managed-by': 'carts-deploy' };
/** Istio's Gateway and VirtualService APIs both served (a mesh with only VirtualServices gets an Ingress). */
async function servesIstioGateways(kubectl) {
    const served = await kubectl.apiResources(ISTIO_GROUP);
    return served.includes(`gateways.${ISTIO_GROUP}`) && served.includes(`virtualservices.${ISTIO_GROUP}`);
}
/** Pure: Keptn's host for a stage; refused when DNS could not carry it. */
function publicHost(service, namespace, domain) {
    const host = `${service}.${namespace}.${domain}`.toLowerCase();
    if (!(0,contracts_names/* isDnsName */.rM)(host))
        throw new errors/* InputError */.dz('domain', `a DNS domain under which ${service}.${namespace}.<domain> is a valid host name`, domain);
    return host;
}
/** Pure: an Ingress sending every path of the host to the stable Service. */
function ingressFor(route) {
    return {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: route.service, namespace: route.namespace, labels: MANAGED },
        spec: {
            ...(route.ingressClass ? { ingressClassName: route.ingressClass } : {}),
            rules: [
                {
                    host: route.host,
                    http: {
                        paths: [
                            {
                                path: '/',
                                pathType: 'Prefix',
                                backend: { service: { name: route.service, port: { number: route.port } } }
                            }
                        ]
                    }
                }
            ]
        }
    };
}
/** Pure: Keptn's way on Istio: a Gateway for the host and a VirtualService to the stable Service. */
function istioRouteFor(route) {
    const name = `${route.service}-public`;
    return [
        {
            apiVersion: `${ISTIO_GROUP}/v1`,
            kind: 'Gateway',
            metadata: { name, namespace: route.namespace, labels: MANAGED },
            spec: {
                selector: { istio: 'ingressgateway' },
                servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: [route.host] }]
            }
        },
        {
            apiVersion: `${ISTIO_GROUP}/v1`,
            kind: 'VirtualService',
            metadata: { name, namespace: route.namespace, labels: MANAGED },
            spec: {
                hosts: [route.host],
                gateways: [name],
                http: [
                    {
                        route: [
                            {
                                destination: {
                                    host: `${route.service}.${route.namespace}.svc.cluster.local`,
                                    port: { number: route.port }
                                }
                            }
                        ]
                    }
                ]
            }
        }
    ];
}
/**
 * Applies the route (server-side apply: idempotent) and reads it back: the URL is said only once the
 * cluster holds an object that sends the host to the stable Service.
 */
async function exposeStage(kubectl, names, domain, ingressClass) {
    const { service, namespace } = names;
    const host = publicHost(service, namespace, domain);
    // The port of the service just deployed: blue/green's stable Service has the same, and exists only once
    // a colour was promoted.
    const deployed = await kubectl.getJson('service', names.deployed, namespace);
    const port = deployed?.spec?.ports?.[0]?.port;
    if (port === undefined)
        throw new errors/* DeployError */.sH(`service ${names.deployed} in ${namespace} has no port to route ${host} to`);
    const route = { service, namespace, host, port, ...(ingressClass ? { ingressClass } : {}) };
    if (await servesIstioGateways(kubectl)) {
        await kubectl.apply(namespace, istioRouteFor(route));
        return { url: `http://${host}`, kind: 'istio', via: `Istio Gateway and VirtualService ${service}-public` };
    }
    await kubectl.apply(namespace, [ingressFor(route)]);
    const ingress = await controllerAddress(kubectl, service, namespace);
    const rule = ingress?.spec?.rules?.find(r => r.host === host);
    const backend = rule?.http?.paths?.[0]?.backend?.service;
    if (backend?.name !== service)
        throw new errors/* DeployError */.sH(`ingress ${service} in ${namespace} does not send ${host} to service ${service}`);
    const className = ingress?.spec?.ingressClassName;
    const lb = ingress?.status?.loadBalancer?.ingress?.[0];
    const address = lb?.ip ?? lb?.hostname;
    return {
        url: `http://${host}`,
        kind: 'ingress',
        via: `Ingress ${service}${className ? ` (class ${className})` : ''}`,
        ...(address ? { address } : {})
    };
}
/** How long an ingress controller may take to publish its address into a new Ingress's status. */
const ADDRESS_DEADLINE_MS = 10_000;
/** The Ingress once a controller has written its address into the status, or as it is at the deadline. */
async function controllerAddress(kubectl, name, namespace) {
    const end = Date.now() + ADDRESS_DEADLINE_MS;
    for (;;) {
        const ingress = await kubectl.getJson('ingress', name, namespace);
        if (ingress?.status?.loadBalancer?.ingress?.length || Date.now() >= end)
            return ingress;
        await new Promise(resolve => setTimeout(resolve, 250));
    }
}

;// CONCATENATED MODULE: ./src/deployment/release.ts
/**
 * One `helm upgrade --install` with rollback on failure, and the one-line explanation a user gets when
 * it fails. Shared by both strategies: they differ only in which release and colour they deploy.
 */




// Helm 3 (poller): "timed out waiting for the condition"; Helm 4 (watcher): "resource Deployment/ns/x not
// ready. status: InProgress" and "context deadline exceeded". All after --timeout, whatever kept the
// rollout from finishing.
const TIMEOUT = /context deadline exceeded|timed out waiting for the condition|not ready\. status:/i;
/** Pure: the one line for a failed upgrade. */
function explainFailure(facts) {
    const after = facts.restored === 'removed'
        ? 'helm removed the failed first install'
        : facts.restored === undefined
            ? (facts.recovered ?? 'the release was left as helm left it')
            : `helm rolled back to revision ${facts.restored}`;
    if (TIMEOUT.test(facts.output))
        return `${facts.image} did not become ready within ${facts.timeoutSeconds}s in ${facts.namespace}; ${after}`;
    return `${facts.image} could not be deployed to ${facts.namespace}: ${lastLine(facts.output)}; ${after}`;
}
/** Pure: the revision the release was rolled back to, read from its newest history entry. */
function restoredRevision(history) {
    const last = history.at(-1);
    if (!last)
        return 'removed';
    if (last.status !== 'deployed')
        return undefined;
    // A rollback writes a new revision described as "Rollback to N": N is the one the user knows.
    const source = /Rollback to (\d+)/.exec(last.description ?? '');
    return source ? Number(source[1]) : last.revision;
}
/** Pure: the Deployments a rendered manifest contains. */
function deploymentsIn(manifest) {
    return (0,dist/* parseAllDocuments */.hR)(manifest)
        .map(doc => doc.toJS())
        .filter(obj => obj?.kind === 'Deployment' && obj.metadata?.name)
        .map(obj => obj.metadata.name);
}
/** `carts:0.8.2` from docker.io/keptnexamples/carts and 0.8.2: what people call a build. */
function shortImage(repository, tag) {
    return `${repository.split('/').at(-1)}:${tag}`;
}
/**
 * Upgrade a release already recovered (`before`: see recoverRelease), and on failure leave it deployable
 * and explain in one line.
 */
async function upgradeRelease(helm, spec, image, before) {
    const { release, namespace, timeoutSeconds } = spec;
    try {
        // A hung helm is stopped a minute after its own timeout; the next run recovers the release.
        const started = performance.now();
        const done = await helm.upgrade(spec, (timeoutSeconds + 60) * 1000);
        const helmSeconds = (performance.now() - started) / 1000;
        return {
            release: done,
            previousRevision: deployedRevision(before.history),
            recovered: before.message,
            helmSeconds
        };
    }
    catch (error) {
        if (!(error instanceof errors/* ToolError */.v4))
            throw error;
        // --atomic / --rollback-on-failure has restored the release; if helm died first, repair it now.
        const after = await recoverRelease(helm, release, namespace, timeoutSeconds).catch(() => undefined);
        const restored = after ? restoredRevision(after.history) : undefined;
        const facts = {
            image,
            namespace,
            timeoutSeconds,
            output: error.output,
            restored,
            recovered: after?.message
        };
        throw new errors/* DeployError */.sH(explainFailure(facts));
    }
}
/** `kubectl rollout status` for each Deployment of the release: the workload is really serving. */
async function checkRollout(kubectl, release, timeoutSeconds) {
    for (const deployment of deploymentsIn(release.manifest)) {
        try {
            await kubectl.rolloutStatus(deployment, release.namespace, timeoutSeconds);
        }
        catch (error) {
            if (!(error instanceof errors/* ToolError */.v4))
                throw error;
            throw new errors/* DeployError */.sH(`deployment/${deployment} in ${release.namespace} did not finish its rollout after helm: ${lastLine(error.output)}`);
        }
    }
}
function lastLine(text) {
    return (0,errors/* lastLines */.w$)(text) || '(no output)';
}

;// CONCATENATED MODULE: ./src/deployment/service-url.ts
/** The service-url template with {service} {namespace} {stage} {project} replaced. */
function renderServiceUrl(template, vars) {
    return template.replace(/\{(service|namespace|stage|project)\}/g, (_, key) => vars[key]);
}
/** The URL a template gives; none for a port-forward, whose local port exists only while the tests run. */
function serviceUrlOf(access, vars) {
    return access.kind === 'url' ? renderServiceUrl(access.template, vars) : undefined;
}
/** The port a port-forward goes to: the TCP port named `http`, else the first TCP port; none without one. */
function httpPortOf(ports) {
    const tcp = (ports ?? []).filter(p => (p.protocol ?? 'TCP') === 'TCP');
    return (tcp.find(p => p.name === 'http') ?? tcp[0])?.port;
}

;// CONCATENATED MODULE: ./src/deployment/strategies/direct.ts



/** Pure: a direct deploy always upgrades the one release, and the tests use the chart's own Service. */
function decideDirect(service, chart) {
    return { release: service, chart, testService: chart.service, traffic: 'service' };
}
/**
 * Pure: on a failed gate, go back to `toRevision` (the last one that passed its gate) or, when the gate
 * knows none, to the revision that was live before this deploy. A first deploy has nothing to go back to.
 */
function decideDirectReject(history, toRevision, previousRevision) {
    const target = toRevision ?? previousRevision;
    if (target === undefined)
        return { kind: 'nothing', reason: 'no earlier revision passed its gate' };
    if (target === deployedRevision(history))
        return { kind: 'already', reason: `revision ${target} is the deployed one already` };
    if (!history.some(h => h.revision === target)) {
        const kept = history.map(h => h.revision).join(', ') || 'none';
        return { kind: 'pruned', reason: `revision ${target} is no longer in helm's history (kept: ${kept})` };
    }
    return { kind: 'rollback', revision: target };
}
function releaseOf(ctx) {
    return { release: ctx.results.deploy?.release ?? ctx.config.service, namespace: ctx.plan.namespace };
}
/** `helm rollback` to a revision that passed its gate; returns the new revision helm wrote. */
async function rollbackDirect(ctx, toRevision) {
    const { helm } = await clusterFor(ctx);
    const { release, namespace } = releaseOf(ctx);
    const decision = decideDirectReject(await helm.history(release, namespace), toRevision, undefined);
    if (decision.kind === 'pruned')
        throw new errors/* DeployError */.sH(`cannot roll ${release} in ${namespace} back: ${decision.reason}`);
    if (decision.kind === 'rollback')
        await helm.rollback(release, namespace, toRevision, ctx.config.timeoutSeconds);
    const now = deployedRevision(await helm.history(release, namespace)) ?? 0;
    ctx.log.info(`${release} in ${namespace} runs revision ${toRevision} again (as revision ${now})`);
    return now;
}
const direct = {
    name: 'direct',
    target: async (ctx, _cluster, chart) => decideDirect(ctx.config.service, chart),
    afterDeploy: async () => { },
    async promote(ctx) {
        const deploy = ctx.results.deploy;
        ctx.log.info(`${releaseOf(ctx).release} revision ${deploy?.revision ?? '?'} is live (direct: nothing to switch)`);
    },
    async reject(ctx, options = {}) {
        const { helm } = await clusterFor(ctx);
        const { release, namespace } = releaseOf(ctx);
        const history = await helm.history(release, namespace);
        const decision = decideDirectReject(history, options.toRevision, ctx.results.deploy?.previousRevision);
        if (decision.kind === 'rollback')
            await rollbackDirect(ctx, decision.revision);
        else
            ctx.log.warning(`${release} in ${namespace} stays as it is: ${decision.reason}`);
    }
};

;// CONCATENATED MODULE: ./src/deployment/strategies/index.ts



const STRATEGIES = {
    direct: direct,
    blue_green_service: blueGreen
};
function strategyFor(name) {
    return STRATEGIES[name];
}
/** The strategy of this run's deploy (or of the stage, when nothing was deployed in this run). */
function strategyOf(ctx) {
    const name = ctx.results.deploy?.strategy ?? ctx.plan.deploymentStrategy;
    return name ? STRATEGIES[name] : undefined;
}
/** Gate passed. direct: nothing to do; blue/green: the stable service switches, the old colour scales to 0. */
async function promote(ctx) {
    await strategyOf(ctx)?.promote(ctx);
}
/**
 * Gate failed. direct: helm rollback to `toRevision` (the last revision that passed its gate), else to the
 * revision live before this deploy; blue/green: the new colour scales to 0, the stable service never moved.
 */
async function reject(ctx, options = {}) {
    await strategyOf(ctx)?.reject(ctx, options);
}

;// CONCATENATED MODULE: ./src/stages/deploy.ts









/** The helm upgrade of one deploy: a colour's release goes through the post-renderer. */
function upgradeSpec(ctx, strategy, target) {
    const { colour, release } = target;
    return {
        ...releaseSpec(ctx, release, strategy, ctx.results.commit?.valuesFile),
        timeoutSeconds: ctx.config.timeoutSeconds,
        ...(colour ? { postRenderer: postRendererFor({ colour, release, service: ctx.config.service }) } : {})
    };
}
const deployStep = { name: 'deploy', run: deploy };
async function deploy(ctx) {
    const strategyName = ctx.plan.deploymentStrategy;
    if (!strategyName) {
        ctx.log.info(`Stage ${ctx.plan.stage} deploys nothing (quality gate only)`);
        return undefined;
    }
    await checkChart(ctx.config.chartDir);
    const cluster = await clusterFor(ctx);
    const strategy = strategyFor(strategyName);
    // Independent cluster reads run side by side: they are most of the step's own time.
    const [{ target, before }] = await Promise.all([
        prepare(ctx, cluster, strategy),
        ensureNamespace(ctx, cluster)
    ]);
    const spec = upgradeSpec(ctx, strategyName, target);
    const image = shortImage(ctx.config.image, ctx.config.tag);
    const major = await cluster.helm.major();
    ctx.log.info(`helm ${major}: upgrade --install ${spec.release} into ${spec.namespace}`);
    if (before.message)
        ctx.log.warning(before.message);
    const upgraded = await upgradeRelease(cluster.helm, spec, image, before);
    await checkRollout(cluster.kubectl, upgraded.release, ctx.config.timeoutSeconds);
    const result = {
        strategy: strategyName,
        namespace: spec.namespace,
        release: spec.release,
        revision: upgraded.release.revision,
        previousRevision: upgraded.previousRevision,
        colour: target.colour,
        liveColour: target.liveColour,
        traffic: target.traffic,
        chart: target.chart,
        testService: target.testService,
        serviceUrl: serviceUrlOf(ctx.config.serviceAccess, { ...ctx.plan, service: target.testService }),
        image,
        helmMajor: major,
        recovered: upgraded.recovered,
        helmSeconds: upgraded.helmSeconds
    };
    await strategy.afterDeploy(ctx, cluster, result);
    const published = await publish(ctx, cluster, result);
    ctx.log.info(`${image} is ${spec.release} revision ${result.revision} in ${spec.namespace}: ${result.serviceUrl ?? `service/${result.testService}`}`);
    return published;
}
/** With `domain`: the stage's public host, routed to the stable Service (blue/green: the live colour). */
async function publish(ctx, cluster, result) {
    const { domain, ingressClass } = ctx.config;
    if (!domain)
        return result;
    const names = { service: result.chart.service, deployed: result.testService, namespace: result.namespace };
    const { url, kind, via, address } = await exposeStage(cluster.kubectl, names, domain, ingressClass);
    ctx.log.info(`${url} reaches service ${result.chart.service} in ${result.namespace} through the ${via}`);
    if (kind === 'ingress')
        if (address)
            ctx.log.info(`The ingress controller serves it at ${address}: point ${new URL(url).host} there`);
        else
            ctx.log.warning(`No ingress controller has taken ${via} (no address in its status after ${ADDRESS_DEADLINE_MS / 1000} s): ${url} may not answer; check the ingress-class`);
    return { ...result, publicUrl: url };
}
/** Where the deploy goes (the strategy's decision), and that release repaired if a crashed run left it stuck. */
async function prepare(ctx, cluster, strategy) {
    // The commit step checked the chart with these values already; without it (CLI, tests) check it here.
    const valuesFile = ctx.results.commit?.valuesFile;
    const chart = ctx.results.commit?.chart ?? (await inspectChart(ctx, cluster.helm, strategy.name, valuesFile));
    const target = await strategy.target(ctx, cluster, chart);
    const before = await recoverRelease(cluster.helm, target.release, ctx.plan.namespace, ctx.config.timeoutSeconds);
    return { target, before };
}
async function ensureNamespace(ctx, { kubectl }) {
    const outcome = await kubectl.createNamespace(ctx.plan.namespace);
    if (outcome === 'created')
        ctx.log.info(`Created namespace ${ctx.plan.namespace}`);
    // A namespace-scoped account may not create namespaces; helm says clearly if it is really missing.
    if (outcome === 'forbidden')
        ctx.log.debug(`Not allowed to create namespace ${ctx.plan.namespace}; using it as is`);
}

;// CONCATENATED MODULE: ./src/config-branch/evaluation-record.ts
function evaluationRecord(evaluation, tag, time, runUrl) {
    return {
        result: evaluation.result,
        score: evaluation.score,
        tag,
        time: time.toISOString(),
        ...(runUrl ? { runUrl } : {}),
        indicators: evaluation.indicators.map(i => ({ sli: i.sli, value: i.value, status: i.status }))
    };
}
const RESULTS = ['pass', 'warning', 'fail'];
/** Entries read back from the branch: anything not of this shape (hand edits, old formats) is skipped. */
function readEvaluationRecords(items) {
    return items.filter((item) => {
        const e = item;
        return RESULTS.includes(e.result) && typeof e.score === 'number' && Array.isArray(e.indicators);
    });
}

// EXTERNAL MODULE: ./src/prometheus/settings.ts
var prometheus_settings = __webpack_require__(9407);
// EXTERNAL MODULE: ./src/scoring/evaluate.ts
var evaluate = __webpack_require__(3118);
// EXTERNAL MODULE: ./src/scoring/explain.ts
var explain = __webpack_require__(5986);
// EXTERNAL MODULE: ./src/scoring/unscored.ts
var scoring_unscored = __webpack_require__(2244);
// EXTERNAL MODULE: ./src/scoring/values.ts
var values = __webpack_require__(6243);
;// CONCATENATED MODULE: ./src/stages/evaluate.ts
/**
 * The evaluate step: the test's results (or given SLI values) against the SLO or thresholds, compared with
 * this stage's earlier evaluations from the config branch; the result is recorded there too.
 */











const evaluateStep = { name: 'evaluate', run: evaluate_evaluate };
async function evaluate_evaluate(ctx) {
    const { config } = ctx;
    const test = ctx.results.test;
    if (config.gate.kind === 'none' && !config.prometheus) {
        ctx.log.info(test
            ? `No SLO: the gate follows the ${test.workload} test's verdict (${test.verdict}).`
            : 'No tests and no SLO: nothing to evaluate; the gate decides on the rollout.');
        return undefined;
    }
    const target = configTarget(config);
    // Read while Prometheus is queried (its queries wait for the last scrape of the test window to land).
    const reading = (0,config_branch/* readEvaluations */.O_)(target, ctx.key, { tempRoot: ctx.tempDir }).then(readEvaluationRecords);
    // Handled where it is awaited; this keeps a failed read from being unhandled should evaluation throw first.
    reading.catch(() => undefined);
    const prometheus = prometheusInput(ctx, test);
    const measured = await (0,evaluate/* evaluateResults */.G)({
        ...(prometheus?.gate.kind === 'sli' || !prometheus ? measurement(ctx, test) : {}),
        ...gateSource(ctx),
        history: reading,
        ...(prometheus ? { prometheus } : {})
    });
    const history = await reading;
    const judged = withTestVerdict(measured, test);
    const evaluation = config.failOnUnscored === true ? (0,scoring_unscored/* failUnscored */.i)(judged) : judged;
    const unscored = (0,scoring_unscored/* unscoredReason */.I)(evaluation);
    if (unscored) {
        const why = config.failOnUnscored === true || evaluation.result === 'fail'
            ? ''
            : " (it passes anyway, as Keptn's gate does; 'fail-on-unscored: true' makes it fail)";
        ctx.log.warning(`Quality gate: ${unscored}${why}`);
    }
    const file = external_node_path_default().join(ctx.tempDir, 'evaluation.json');
    await (0,promises_.writeFile)(file, `${JSON.stringify(evaluation, null, 2)}\n`);
    ctx.log.info((0,explain/* explain */.W)(evaluation));
    const entry = evaluationRecord(evaluation, config.tag, new Date(), config.runUrl);
    const summary = `${evaluation.result} (score ${evaluation.score})`;
    await (0,config_branch/* appendEvaluation */.F3)(target, ctx.key, { ...entry }, { tempRoot: ctx.tempDir, summary });
    return { evaluation, file, history: [entry, ...history] };
}
/** What is measured: SLI values given as a file, else the test's JTL (absent when the test never ran). */
function measurement(ctx, test) {
    if (ctx.config.sliValuesFile)
        return { values: (0,values/* loadValues */.F)(ctx.config.sliValuesFile) };
    if (test?.jtls)
        return { resultsFiles: test.jtls };
    if (test?.jtl)
        return { resultsFile: test.jtl };
    // Nothing was measured: every objective fails for lack of a value (fail closed).
    return { values: {} };
}
/** The Prometheus queries, for the main workload's run (the window Keptn queried too). */
function prometheusInput(ctx, test) {
    const settings = ctx.config.prometheus;
    if (!settings)
        return undefined;
    const strategy = ctx.plan.deploymentStrategy;
    return {
        endpoint: {
            url: settings.url,
            timeoutMs: prometheus_settings/* QUERY_TIMEOUT_MS */.Qh,
            ...(settings.authorization ? { authorization: settings.authorization } : {})
        },
        gate: settings.gate,
        context: {
            project: ctx.plan.project,
            stage: ctx.plan.stage,
            service: ctx.config.service,
            deployment: strategy ? keptnDeploymentOf(strategy) : 'direct',
            labels: {},
            ...(test?.window ? { window: test.window } : {})
        }
    };
}
function gateSource(ctx) {
    const gate = ctx.config.gate;
    if (gate.kind === 'slo')
        return { sloFile: gate.file };
    if (gate.kind === 'thresholds')
        return { thresholds: gate.text };
    return {};
}
/** A failed test fails the gate whatever the objectives say (Keptn let such runs pass). */
function withTestVerdict(evaluation, test) {
    if (!test || test.verdict === 'pass')
        return evaluation;
    const reason = `${test.workload} test failed: ${test.reason}`;
    return { ...evaluation, result: 'fail', reasons: [reason, ...evaluation.reasons] };
}

;// CONCATENATED MODULE: ./src/gate/decision.ts
function decideGate(input, rules) {
    const next = rules.nextStage ? `promoted to ${rules.nextStage}` : 'released (last stage)';
    if (input.kind === 'rollout-only') {
        return {
            action: 'promote',
            promote: true,
            approval: 'none',
            failJob: false,
            headline: `No tests and no SLO: healthy rollout, ${next}`
        };
    }
    const result = input.kind === 'evaluated' ? input.result : input.verdict;
    const unscored = input.kind === 'evaluated' ? input.unscored : undefined;
    const what = input.kind === 'evaluated' ? 'Quality gate' : 'Tests (no SLO)';
    if (unscored !== undefined)
        return unscoredDecision(result, unscored, rules, next);
    const failJob = rules.failOn === 'warning' ? result !== 'pass' : rules.failOn === 'fail' && result === 'fail';
    if (result === 'fail') {
        return {
            action: 'rollback',
            promote: false,
            approval: 'none',
            failJob,
            headline: `${what} failed: rolled back`
        };
    }
    const manual = rules.approval[result] === 'manual' && rules.nextStage !== undefined;
    return {
        action: 'promote',
        promote: !manual,
        approval: manual ? 'required' : 'none',
        failJob,
        headline: manual
            ? `${what} ${result}: waiting for a manual approval before ${rules.nextStage}`
            : `${what} ${result}: ${next}`
    };
}
/** The same rules, with a headline that says first that nothing was scored. */
function unscoredDecision(result, unscored, rules, next) {
    const decision = decideGate({ kind: 'evaluated', result }, rules);
    const said = result === 'fail' ? `Quality gate failed (${unscored})` : `Quality gate ${result}, but ${unscored}`;
    const then = decision.action === 'rollback'
        ? 'rolled back'
        : decision.approval === 'required'
            ? `waiting for a manual approval before ${rules.nextStage ?? ''}`
            : next;
    return { ...decision, headline: `${said}: ${then}` };
}

;// CONCATENATED MODULE: ./src/stages/gate.ts
/**
 * The gate step: decide from the evaluation and the stage's approval strategy, then promote the new version
 * or roll it back per strategy, and record either on the config branch so it says what runs and why.
 */








/**
 * The decision is returned even when the job fails: the pipeline stores it from the error, so the summary and
 * the outputs tell the decision that was carried out.
 */
const gateStep = {
    name: 'gate',
    async run(ctx) {
        const decision = decideGate(gateInput(ctx), {
            approval: ctx.plan.approval,
            failOn: ctx.config.failOn,
            nextStage: ctx.plan.nextStage
        });
        ctx.log.info(decision.headline);
        if (ctx.results.deploy) {
            if (decision.action === 'promote')
                await promoteDeploy(ctx);
            else
                await rollBack(ctx, gateReason(ctx, decision));
        }
        if (decision.failJob)
            throw new errors/* GateFailedError */.To(gateReason(ctx, decision), decision);
        return decision;
    }
};
function gateInput(ctx) {
    const { evaluate: evaluation, test } = ctx.results;
    if (evaluation) {
        const unscored = (0,scoring_unscored/* unscoredReason */.I)(evaluation.evaluation);
        return { kind: 'evaluated', result: evaluation.evaluation.result, ...(unscored ? { unscored } : {}) };
    }
    if (test)
        return { kind: 'tested', verdict: test.verdict };
    return { kind: 'rollout-only' };
}
function gateReason(ctx, decision) {
    const { evaluate: evaluation, test } = ctx.results;
    const reasons = evaluation?.evaluation.reasons ??
        (test?.verdict === 'fail' ? [`${test.workload} test: ${test.reason}`] : []);
    return [decision.headline, ...reasons].join('; ');
}
const gate_image = (ctx) => imageOf(ctx.config);
/** The outcome as the cluster shows it: the stable service routes only to ready pods of `image`. */
async function checkServing(ctx, image, what) {
    try {
        ctx.log.info(`Checked: ${await confirmServing(ctx, image)}`);
    }
    catch (error) {
        throw new errors/* DeployError */.sH(`${what} did not take: ${error.message}`);
    }
}
async function promoteDeploy(ctx) {
    await promote(ctx);
    await checkServing(ctx, gate_image(ctx), `Promoting ${ctx.config.tag}`);
    const revision = ctx.results.deploy?.revision;
    await (0,config_branch/* recordDeployment */.dj)(configTarget(ctx.config), ctx.key, {
        image: gate_image(ctx),
        result: 'promoted',
        time: new Date().toISOString(),
        runUrl: ctx.config.runUrl,
        release: ctx.results.deploy?.release,
        revision,
        passed: { image: gate_image(ctx), revision }
    }, { tempRoot: ctx.tempDir });
}
/** Called by the gate on a fail, and by the pipeline when a step after the deploy broke. */
async function rollBack(ctx, reason) {
    const options = { tempRoot: ctx.tempDir };
    const passed = (await (0,config_branch/* readDeployment */.iJ)(configTarget(ctx.config), ctx.key, options))?.passed;
    await reject(ctx, { toRevision: passed?.revision });
    const restore = restoreOf(ctx, passed);
    if (restore)
        await checkServing(ctx, restore, `Rolling back to ${restore.tag}`);
    else
        ctx.log.info(`Nothing to restore: ${await describeStableService(ctx, ctx.config.image)}`);
    await restoreDesiredState(ctx, passed, reason);
}
/**
 * Called by the pipeline when the deploy itself failed after the commit step wrote the new image: helm's
 * --atomic already put the release back, so only the config branch must stop naming the failed version.
 */
async function undoCommit(ctx, reason) {
    const passed = (await (0,config_branch/* readDeployment */.iJ)(configTarget(ctx.config), ctx.key, { tempRoot: ctx.tempDir }))?.passed;
    await restoreDesiredState(ctx, passed, reason);
}
/**
 * What a rollback restores: the last version that passed its gate here, else the one before this run (a
 * gate job of a held deploy: the one before the hold job's).
 */
function restoreOf(ctx, passed) {
    return passed?.image ?? ctx.results.commit?.previous ?? ctx.results.deploy?.previousImage;
}
/** The config branch names the last version that passed (or the one before this run) again, and says why. */
async function restoreDesiredState(ctx, passed, reason) {
    const target = configTarget(ctx.config);
    const options = { tempRoot: ctx.tempDir };
    const restore = restoreOf(ctx, passed);
    if (restore)
        await (0,config_branch/* recordRollback */.Ij)(target, ctx.key, { from: gate_image(ctx), to: restore, reason }, options);
    await (0,config_branch/* recordDeployment */.dj)(target, ctx.key, {
        image: gate_image(ctx),
        result: 'rolled-back',
        time: new Date().toISOString(),
        runUrl: ctx.config.runUrl,
        detail: reason,
        ...(passed ? { passed } : {})
    }, options);
    ctx.log.info(`Rolled back: ${restore ? `${restore.tag} is the desired state again` : 'nothing ran here before'}`);
}

;// CONCATENATED MODULE: ./src/stages/hold.ts
/**
 * The hold step (input hold), in place of test, evaluate and gate: the new version is deployed and left
 * unjudged for a later job that gates it on results of tests run elsewhere (a matrix of load jobs). It
 * promotes nothing: blue/green's stable Service stays on the live colour, the next stage's job does not
 * run, and the config branch records `held` with the deploy, so the gate job can check it still runs.
 */




const holdStep = {
    name: 'gate',
    async run(ctx) {
        const deploy = ctx.results.deploy;
        // The pipeline refuses hold for a stage that deploys nothing (run-stage.ts preflight).
        if (!deploy)
            throw new errors/* DeployError */.sH('nothing was deployed to hold');
        const image = imageOf(ctx.config);
        const target = configTarget(ctx.config);
        const options = { tempRoot: ctx.tempDir };
        const before = await (0,config_branch/* readDeployment */.iJ)(target, ctx.key, options);
        // A rerun of the hold job finds its own tag already committed: what ran before is the earlier hold's.
        const committed = ctx.results.commit?.previous;
        const previous = committed && committed.tag !== image.tag ? committed : before?.held?.previous;
        const where = heldWhere(deploy);
        const { helmSeconds: _helm, recovered: _recovered, previousImage: _previous, ...held } = deploy;
        await (0,config_branch/* recordDeployment */.dj)(target, ctx.key, {
            image,
            result: 'held',
            time: new Date().toISOString(),
            runUrl: ctx.config.runUrl,
            detail: `deployed ${where}; not judged yet: a job with results gates it`,
            release: deploy.release,
            revision: deploy.revision,
            // The last version that passed stays what a rollback goes back to.
            ...(before?.passed ? { passed: before.passed } : {}),
            held: { ...held, ...(previous ? { previous } : {}) }
        }, options);
        const decision = {
            action: 'hold',
            promote: false,
            approval: 'none',
            failJob: false,
            headline: `Held: ${ctx.config.tag} deployed ${where}; not judged, not promoted: a job with results gates it`
        };
        ctx.log.info(decision.headline);
        return decision;
    }
};
/** Where the held version runs, and what users reach meanwhile. */
function heldWhere(deploy) {
    const { release, revision, namespace, chart, liveColour } = deploy;
    if (!deploy.colour)
        return `in place as ${release} revision ${revision} in ${namespace} (direct: it serves the stage unjudged until the gate)`;
    const stable = liveColour ? `still selects ${liveColour}` : 'does not exist yet (nothing promoted here)';
    return `as ${release} revision ${revision} in ${namespace}, at service ${deploy.testService}; ${chart.service} ${stable}`;
}

// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/installers/versions.ts
/**
 * The versions this action installs, each with the checksum its publisher put beside the archive.
 * This is the one file to edit to add a version: a version missing here is refused, never downloaded
 * unverified. Add only a digest copied from the publisher's own .sha256sum / .sha512 file, and note
 * where it was cross-checked.
 */
/** The inputs' defaults (src/contracts/action-interface.ts) must name versions of these tables. */
const DEFAULT_HELM_VERSION = '3.19.0';
const DEFAULT_JMETER_VERSION = '5.6.3';
/** sha256 of `helm-v<version>-linux-<arch>.tar.gz` from get.helm.sh (the `.sha256sum` beside it). */
const HELM_SHA256 = {
    // Both archs in abrisco/rules_helm helm/private/versions.bzl (SRI base64 form, decoded) and in
    // cert-manager/makefile-modules modules/tools/00_mod.mk (at `tools += helm=v3.19.0`).
    '3.19.0': {
        amd64: 'a7f81ce08007091b86d8bd696eb4d86b8d0f2e1b9f6c714be62f82f96a594496',
        arm64: '440cf7add0aee27ebc93fada965523c1dc2e0ab340d4348da2215737fc0d76ad'
    },
    // The version the e2e cluster builds (e2e/cluster/versions.sh). amd64 and arm64 pinned together in
    // several public Dockerfiles and install scripts and in a copy of the v3.22.0 release notes
    // (exact-string search; the index does not name those repositories).
    '3.22.0': {
        amd64: '1e4ab49e429626cf6c6958d914248b78c9730803c2751b87627e171dc800e7bb',
        arm64: 'f14e804dfee240f55525b667488fe9adca349e63e00c9af634c0beb1421ac310'
    },
    // abrisco/rules_helm helm/private/versions.bzl (both archs); amd64 also in two public install
    // scripts (a Dockerfile's HELM_SHA256, a Debian setup script). arm64 has that one source only.
    '4.0.0': {
        amd64: 'c77e9e7c1cc96e066bd240d190d1beed9a6b08060b2043ef0862c4f865eca08f',
        arm64: '8c5c77e20cc29509d640e208a6a7d2b7e9f99bb04e5b5fbe22707b72a5235245'
    },
    // Helm 4 line: amd64 in many public pins (workflows, Dockerfiles, Terraform locals); arm64 in
    // several multi-arch Dockerfiles and install scripts beside the same amd64 value.
    '4.3.0': {
        amd64: '86584a54def73570558f66f5111cc53dfed56689637ae32c1201205d494f54fb',
        arm64: '31c5794dd55c66a51e6b7d2e2ac7a114ae8b1de41ff1d9ba51748ac973b06a08'
    }
};
/** sha512 of `apache-jmeter-<version>.tgz` from archive.apache.org (the `.sha512` beside it). */
const JMETER_SHA512 = {
    // archlinux/aur PKGBUILD of `jmeter` 5.6.3 (sha512sums) and several public Dockerfiles that quote
    // archive.apache.org's apache-jmeter-5.6.3.tgz.sha512.
    '5.6.3': '5978a1a35edb5a7d428e270564ff49d2b1b257a65e17a759d259a9283fc17093e522fe46f474a043864aea6910683486340706d745fcdf3db1505fd71e689083'
};
function helmArchiveName(version, arch) {
    return `helm-v${version}-linux-${arch}.tar.gz`;
}
function jmeterArchiveName(version) {
    return `apache-jmeter-${version}.tgz`;
}
/** Every pinned archive by file name: what the installer looks up before downloading anything. */
function pinnedDigests() {
    const table = new Map();
    for (const [version, archs] of Object.entries(HELM_SHA256)) {
        for (const [arch, hex] of Object.entries(archs)) {
            table.set(helmArchiveName(version, arch), { algorithm: 'sha256', hex });
        }
    }
    for (const [version, hex] of Object.entries(JMETER_SHA512)) {
        table.set(jmeterArchiveName(version), { algorithm: 'sha512', hex });
    }
    return table;
}

;// CONCATENATED MODULE: ./src/installers/checksums.ts
/**
 * Which digest an archive must have, and whether a file has it.
 *
 * The pinned table (versions.ts) can be extended or overridden, never switched off: an extra entry is
 * `"<archive file name>": "sha256:<64 hex>"` (or `sha512:<128 hex>`), given to the installer as its
 * `checksums` option or in a JSON file named by CARTS_DEPLOY_CHECKSUMS_FILE. Tests use this to serve
 * archives assembled locally (whose bytes differ from the published ones); a mirror that rebuilds a
 * version could use it too. Anything that is not a well-formed digest is an error, not a skip.
 */





const CHECKSUMS_FILE_ENV = 'CARTS_DEPLOY_CHECKSUMS_FILE';
const ARCHIVE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const HEX_LENGTH = { sha256: 64, sha512: 128 };
/** `sha256:<hex>` / `sha512:<hex>` -> Digest; undefined when malformed. */
function parseDigest(text) {
    const match = /^(sha256|sha512):([0-9a-fA-F]+)$/.exec(text.trim());
    if (!match)
        return undefined;
    const algorithm = match[1];
    const hex = match[2].toLowerCase();
    return hex.length === HEX_LENGTH[algorithm] ? { algorithm, hex } : undefined;
}
/** Validates extra entries; one bad entry rejects them all, so a typo cannot silently fall back. */
function parseEntries(entries, origin) {
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
        throw new errors/* ConfigFileError */.x(origin, undefined, 'expected a JSON object of "<archive>": "sha256:<hex>"');
    }
    const parsed = new Map();
    for (const [name, value] of Object.entries(entries)) {
        const digest = typeof value === 'string' ? parseDigest(value) : undefined;
        if (!ARCHIVE_NAME.test(name) || !digest) {
            const why = `entry ${JSON.stringify(name)} must map an archive file name to "sha256:<64 hex>" or "sha512:<128 hex>"`;
            throw new errors/* ConfigFileError */.x(origin, undefined, why);
        }
        parsed.set(name, { ...digest, origin });
    }
    return parsed;
}
/** The entries of the file named by CARTS_DEPLOY_CHECKSUMS_FILE, if set. */
async function readEntriesFile(env = process.env) {
    const file = env[CHECKSUMS_FILE_ENV];
    if (!file)
        return new Map();
    return parseEntries((0,user_file/* readUserJson */.YJ)(file), file);
}
/** Layers, last wins: pinned table, CARTS_DEPLOY_CHECKSUMS_FILE, the caller's entries. */
async function checksumTable(extra) {
    const table = new Map();
    for (const [name, digest] of pinnedDigests())
        table.set(name, { ...digest, origin: 'pinned' });
    for (const [name, digest] of await readEntriesFile())
        table.set(name, digest);
    if (extra)
        for (const [name, digest] of parseEntries(extra, 'checksums option'))
            table.set(name, digest);
    return table;
}
/** Hashes a file as a stream: archives can be tens of MB. */
async function fileDigest(file, algorithm) {
    const hash = (0,external_node_crypto_.createHash)(algorithm);
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}

// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 13 modules
var tool_cache = __webpack_require__(9241);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
;// CONCATENATED MODULE: ./src/installers/download.ts
/**
 * Downloads a tool archive with limits that a broken or hostile mirror cannot get around: an overall
 * deadline (headers and body), a stall limit (no byte for that long), and a size cap checked before each
 * write, so at most `maxBytes` ever reach the disk. @actions/tool-cache's downloadTool has none of these
 * (a mirror that trickled a byte a minute never ended; an endless body filled RUNNER_TEMP).
 *
 * Proxies are honoured as tool-cache does, with the agent of @actions/http-client (https_proxy, no_proxy).
 * Redirects are followed (a mirror's CDN), never from https down to http.
 *
 * The limits come from the installer (its archive's size cap) and, to override them, from the environment:
 * CARTS_DEPLOY_DOWNLOAD_TIMEOUT_MS, CARTS_DEPLOY_DOWNLOAD_STALL_MS, CARTS_DEPLOY_DOWNLOAD_MAX_BYTES.
 */








const DOWNLOAD_TIMEOUT_ENV = 'CARTS_DEPLOY_DOWNLOAD_TIMEOUT_MS';
const DOWNLOAD_STALL_ENV = 'CARTS_DEPLOY_DOWNLOAD_STALL_MS';
const DOWNLOAD_MAX_BYTES_ENV = 'CARTS_DEPLOY_DOWNLOAD_MAX_BYTES';
const DEFAULT_DEADLINE_MS = 10 * 60_000;
const DEFAULT_STALL_MS = 60_000;
const MAX_REDIRECTS = 5;
const ATTEMPTS = 3;
/** The limits for an archive whose cap is `maxBytes`, unless the environment sets others. */
function downloadLimits(maxBytes, env = process.env) {
    const num = (name, fallback) => {
        const value = Number(env[name]);
        return env[name] && Number.isSafeInteger(value) && value > 0 ? value : fallback;
    };
    return {
        deadlineMs: num(DOWNLOAD_TIMEOUT_ENV, DEFAULT_DEADLINE_MS),
        stallMs: num(DOWNLOAD_STALL_ENV, DEFAULT_STALL_MS),
        maxBytes: num(DOWNLOAD_MAX_BYTES_ENV, maxBytes)
    };
}
/** A download that cannot complete; `retry` when another attempt may succeed (5xx, a reset connection). */
class DownloadError extends Error {
    status;
    retry;
    constructor(message, status, retry = false) {
        super(message);
        this.status = status;
        this.retry = retry;
        this.name = 'DownloadError';
    }
}
function formatBytes(bytes) {
    if (bytes >= 1024 * 1024)
        return `${+(bytes / 1024 / 1024).toFixed(1)} MiB`;
    if (bytes >= 1024)
        return `${+(bytes / 1024).toFixed(1)} KiB`;
    return `${bytes} bytes`;
}
function formatMs(ms) {
    return ms < 10_000 ? `${+(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
/**
 * Writes `url`'s body to `dest`. On any failure `dest` is removed and a DownloadError says why in one line
 * (without the URL: the caller names it).
 */
async function downloadFile(url, dest, limits) {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), limits.deadlineMs);
    const overdue = () => new DownloadError(`not complete within ${formatMs(limits.deadlineMs)} (overall download deadline)`);
    try {
        for (let attempt = 1;; attempt++) {
            try {
                await attemptDownload(url, dest, limits, deadline.signal);
                return;
            }
            catch (error) {
                await (0,promises_.rm)(dest, { force: true });
                if (deadline.signal.aborted)
                    throw overdue();
                if (!(error instanceof DownloadError) || !error.retry || attempt >= ATTEMPTS)
                    throw error;
            }
            try {
                await (0,external_node_timers_promises_.setTimeout)(1000 * attempt, undefined, { signal: deadline.signal });
            }
            catch {
                throw overdue();
            }
        }
    }
    finally {
        clearTimeout(timer);
    }
}
async function attemptDownload(url, dest, limits, signal) {
    const response = await follow(url, limits, signal);
    const length = Number(response.headers['content-length']);
    if (Number.isFinite(length) && length > limits.maxBytes) {
        response.destroy();
        throw tooLarge(limits, `it announces ${formatBytes(length)}`);
    }
    let written = 0;
    const cap = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            written += chunk.length;
            if (written > limits.maxBytes)
                done(tooLarge(limits, 'the body went on past it'));
            else
                done(null, chunk);
        }
    });
    const stall = stallWatch(response, limits.stallMs);
    try {
        await (0,external_node_stream_promises_.pipeline)(response, cap, (0,external_node_fs_.createWriteStream)(dest, { mode: 0o600 }), { signal });
    }
    catch (error) {
        if (error instanceof DownloadError)
            throw error;
        if (stall.fired())
            throw stalled(limits);
        if (signal.aborted)
            throw error;
        throw new DownloadError(`the connection failed after ${formatBytes(written)}: ${message(error)}`, 0, true);
    }
    finally {
        stall.stop();
    }
}
function tooLarge(limits, why) {
    return new DownloadError(`larger than the size cap of ${formatBytes(limits.maxBytes)} (${why}); stopped`);
}
function stalled(limits) {
    return new DownloadError(`no data for ${formatMs(limits.stallMs)} (stall limit); stopped`);
}
function message(error) {
    return (error instanceof Error ? error.message : String(error)).replace(/\r?\n/g, ' ');
}
/** Destroys the stream when no data came for `ms`; `fired` tells afterwards whether that is why it ended. */
function stallWatch(stream, ms) {
    let fired = false;
    let timer = setTimeout(fire, ms);
    function fire() {
        fired = true;
        stream.destroy(new Error('stalled'));
    }
    const onData = () => {
        clearTimeout(timer);
        timer = setTimeout(fire, ms);
    };
    stream.on('data', onData);
    return {
        fired: () => fired,
        stop: () => {
            clearTimeout(timer);
            stream.off('data', onData);
        }
    };
}
/** The response with a 200 status, after at most MAX_REDIRECTS redirects. */
async function follow(url, limits, signal) {
    let current = new URL(url);
    for (let hop = 0;; hop++) {
        const response = await get(current, limits, signal);
        const status = response.statusCode ?? 0;
        if (status === 200)
            return response;
        response.resume(); // discard the body of a redirect or an error
        const location = response.headers.location;
        if ([301, 302, 303, 307, 308].includes(status) && location) {
            const next = new URL(location, current);
            if (hop >= MAX_REDIRECTS)
                throw new DownloadError(`more than ${MAX_REDIRECTS} redirects`, status);
            if (current.protocol === 'https:' && next.protocol !== 'https:') {
                throw new DownloadError(`redirected from https to ${next.protocol} (refused)`, status);
            }
            if (!['http:', 'https:'].includes(next.protocol)) {
                throw new DownloadError(`redirected to a ${next.protocol} URL (refused)`, status);
            }
            current = next;
            continue;
        }
        const retry = status >= 500 || status === 408 || status === 429;
        throw new DownloadError(`HTTP ${status}`, status, retry);
    }
}
/** One GET; the response once its headers are in (within the stall limit). */
function get(url, limits, signal) {
    const agent = new lib/* HttpClient */.Qq('carts-deploy-action').getAgent(url.href);
    const request = url.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
    return new Promise((resolve, reject) => {
        const headers = { 'user-agent': 'carts-deploy-action' };
        const req = request(url, { agent, signal, headers }, response => {
            req.setTimeout(0); // from here stallWatch watches the body
            resolve(response);
        });
        req.setTimeout(limits.stallMs, () => req.destroy(stalled(limits)));
        req.on('error', error => {
            if (error instanceof DownloadError || signal.aborted)
                reject(error);
            else
                reject(new DownloadError(`the request failed: ${message(error)}`, 0, true));
        });
        req.end();
    });
}

;// CONCATENATED MODULE: ./src/installers/installer.ts
/**
 * One install flow for every tool archive, like actions/setup-node: tool cache -> download -> verify ->
 * extract -> check the program is there -> cache. Nothing reaches the tool cache unless its digest
 * matched and it extracted completely, so a bad download can never be reused by a later run.
 */








/** An install that cannot go on; the message says what happened and that nothing was cached. */
class InstallError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InstallError';
    }
}
/**
 * tool-cache reads RUNNER_TOOL_CACHE and RUNNER_TEMP when called (not at import) and fails without
 * them. A runner always sets both; outside one (the CLI, local runs) we give them stable defaults.
 */
function ensureRunnerDirs(env = process.env) {
    const cacheRoot = env.CARTS_CACHE || external_node_path_default().join((0,external_node_os_.homedir)(), '.cache', 'carts-deploy');
    env.RUNNER_TOOL_CACHE ||= external_node_path_default().join(cacheRoot, 'tool-cache');
    env.RUNNER_TEMP ||= (0,external_node_os_.tmpdir)();
}
/** Installs (or finds) the archive's tool and returns the cached `root` directory. */
async function installArchive(spec, log) {
    ensureRunnerDirs();
    const cached = tool_cache/* find */.I6(spec.tool, spec.version, spec.arch);
    if (cached && (await isExecutable(external_node_path_default().join(cached, spec.binary)))) {
        log.info(`${spec.tool} ${spec.version}: found in the tool cache (${cached})`);
        return cached;
    }
    const work = await (0,promises_.mkdtemp)(external_node_path_default().join(process.env.RUNNER_TEMP, `${spec.tool}-install-`));
    try {
        const archive = await download(spec, external_node_path_default().join(work, spec.archiveName));
        await verify(spec, archive, log);
        const root = await extract(spec, archive, external_node_path_default().join(work, 'extracted'));
        const dir = await tool_cache/* cacheDir */.e8(root, spec.tool, spec.version, spec.arch);
        log.info(`${spec.tool} ${spec.version}: installed into the tool cache (${dir})`);
        return dir;
    }
    finally {
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
}
/** With a deadline, a stall limit and a size cap (download.ts); a failed download leaves no file. */
async function download(spec, dest) {
    try {
        await downloadFile(spec.url, dest, downloadLimits(spec.maxBytes));
        return dest;
    }
    catch (error) {
        const name = `${spec.tool} ${spec.version}`;
        if (error instanceof DownloadError && error.status === 404) {
            throw new InstallError(`${name} not found at ${spec.url} (HTTP 404)`);
        }
        const why = error instanceof DownloadError ? error.message : (0,errors/* describe */.q0)(error);
        throw new InstallError(`${name}: download from ${spec.url} failed: ${why}; nothing was cached`);
    }
}
/** Before extracting: tar must never see bytes we have not verified. */
async function verify(spec, archive, log) {
    const { algorithm, hex, origin } = spec.digest;
    const actual = await fileDigest(archive, algorithm);
    if (actual !== hex) {
        await (0,promises_.rm)(archive, { force: true });
        throw new InstallError(`${spec.archiveName} from ${spec.url}: ${algorithm} mismatch (expected ${hex}, got ${actual}); ` +
            'the download was deleted and nothing was cached');
    }
    log.info(`${spec.archiveName}: ${algorithm} verified (${origin === 'pinned' ? 'pinned value' : origin})`);
}
async function extract(spec, archive, dest) {
    try {
        await tool_cache/* extractTar */.nN(archive, dest);
    }
    catch (error) {
        throw new InstallError(`${spec.archiveName} could not be extracted (truncated or corrupt archive?): ${(0,errors/* describe */.q0)(error)}; ` +
            'nothing was cached');
    }
    const root = external_node_path_default().join(dest, spec.root);
    if (!(await isExecutable(external_node_path_default().join(root, spec.binary)))) {
        throw new InstallError(`${spec.archiveName} has no executable ${spec.root}/${spec.binary}; nothing was cached`);
    }
    return root;
}
async function isExecutable(file) {
    try {
        await (0,promises_.access)(file, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/installers/helm.ts
/** Helm: a pinned, checksum-verified release archive, or the helm already on PATH ('system'). */







/** Helm's release archives are 15 to 25 MB; a mirror that sends far more is broken or hostile. */
const HELM_MAX_BYTES = 128 * 1024 * 1024;
/** Node's process.arch -> the arch in Helm's archive names. */
function helmArch(nodeArch = process.arch) {
    if (nodeArch === 'x64')
        return 'amd64';
    if (nodeArch === 'arm64')
        return 'arm64';
    throw new InstallError(`helm: no pinned archive for this machine's architecture (${nodeArch}); use helm-version: system`);
}
function helmUrl(baseUrl, version, arch) {
    return `${baseUrl.replace(/\/+$/, '')}/${helmArchiveName(version, arch)}`;
}
/** `helm version --short` prints e.g. v3.19.0+g3d8990f. */
function parseHelmVersion(output) {
    return /v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)/.exec(output)?.[1];
}
async function installHelm(config, log, options = {}) {
    if (config.helmVersion.kind === 'system')
        return systemHelm(log);
    const version = config.helmVersion.version;
    const arch = options.arch ?? helmArch();
    const archiveName = helmArchiveName(version, arch);
    const table = await checksumTable(options.checksums);
    const digest = table.get(archiveName);
    if (!digest)
        throw unknownVersion(version, arch, [...table.keys()]);
    const root = await installArchive({
        tool: 'helm',
        version,
        url: helmUrl(config.helmDownloadUrl, version, arch),
        archiveName,
        digest,
        root: `linux-${arch}`,
        binary: 'helm',
        arch,
        maxBytes: HELM_MAX_BYTES
    }, log);
    return { path: external_node_path_default().join(root, 'helm'), version };
}
async function systemHelm(log) {
    const found = await io/* which */.K7('helm', false);
    if (!found)
        throw new InstallError("helm-version is 'system' but there is no helm on PATH");
    const { stdout } = await (0,exec/* execTool */.wc)(found, ['version', '--short'], {
        inherit: exec/* KUBE_ENV */._8,
        timeoutMs: 60_000
    });
    const version = parseHelmVersion(stdout);
    if (!version)
        throw new InstallError(`${found} version --short printed no version: ${stdout.trim()}`);
    log.info(`helm ${version}: the one on PATH (${found})`);
    return { path: found, version };
}
/** No unverified downloads: a version without a digest is refused, listing what is known. */
function unknownVersion(version, arch, archives) {
    const suffix = `-linux-${arch}.tar.gz`;
    const known = archives
        .filter(name => name.startsWith('helm-v') && name.endsWith(suffix))
        .map(name => name.slice('helm-v'.length, -suffix.length));
    return new errors/* InputError */.dz('helm-version', `'system' or a version with a pinned sha256 for linux-${arch} (${known.join(', ')}); ` +
        'to add one, put its published checksum in src/installers/versions.ts', version);
}

;// CONCATENATED MODULE: ./src/installers/jmeter.ts
/** JMeter: Java checked first, then a pinned, checksum-verified archive or the jmeter on PATH. */








/** JMeter 5.x refuses to start on older Java. */
const MIN_JAVA_MAJOR = 8;
/** JMeter 5.x binary archives are 60 to 90 MB; a mirror that sends far more is broken or hostile. */
const JMETER_MAX_BYTES = 256 * 1024 * 1024;
function jmeterUrl(baseUrl, version) {
    return `${baseUrl.replace(/\/+$/, '')}/${jmeterArchiveName(version)}`;
}
/** `java -version` (on stderr): `openjdk version "17.0.15"`, `java version "1.8.0_392"`, `"21"`. */
function parseJavaMajor(output) {
    const quoted = /version "([^"]+)"/.exec(output)?.[1];
    if (!quoted)
        return undefined;
    const parts = quoted
        .split(/[^0-9]+/)
        .filter(Boolean)
        .map(Number);
    // Up to Java 8 the major was the second number of 1.x.
    return parts[0] === 1 ? parts[1] : parts[0];
}
/** `jmeter --version` ends the last line of its ASCII-art banner with the version. */
function parseJmeterVersion(output) {
    return /(?:^|\s)(\d+\.\d+(?:\.\d+)?)[ \t]*$/m.exec(output)?.[1];
}
/** Finds java the way bin/jmeter does (JAVA_HOME, JRE_HOME, PATH) and checks its version. */
async function checkJava(log) {
    const java = await findJava();
    const hint = `add actions/setup-java (Java >= ${MIN_JAVA_MAJOR}) before this step`;
    if (!java)
        throw new InstallError(`Java not found: ${hint}`);
    const { stdout, stderr } = await (0,exec/* execTool */.wc)(java, ['-version'], {
        allowFailure: true,
        inherit: exec/* JAVA_ENV */.f9,
        timeoutMs: 60_000
    });
    const major = parseJavaMajor(stderr + stdout);
    if (major === undefined)
        throw new InstallError(`${java} -version printed no version: ${hint}`);
    if (major < MIN_JAVA_MAJOR) {
        throw new InstallError(`Java ${major} at ${java} is too old for JMeter: ${hint}`);
    }
    log.info(`java ${major}: ${java}`);
    return major;
}
async function findJava() {
    for (const home of [process.env.JAVA_HOME, process.env.JRE_HOME]) {
        if (home && (await isExecutable(external_node_path_default().join(home, 'bin', 'java'))))
            return external_node_path_default().join(home, 'bin', 'java');
    }
    return (await io/* which */.K7('java', false)) || undefined;
}
async function installJmeter(config, log, options = {}) {
    return (await prepareJmeter(config, log, options))();
}
/**
 * Checks what can be checked at once (Java, the version and its digest) and returns the slow part, the
 * download and unpacking, to run when the caller likes (the install step overlaps it with the deploy).
 */
async function prepareJmeter(config, log, options = {}) {
    await checkJava(log);
    if (config.jmeterVersion.kind === 'system') {
        const system = await systemJmeter(log);
        return async () => system;
    }
    const version = config.jmeterVersion.version;
    const archiveName = jmeterArchiveName(version);
    const table = await checksumTable(options.checksums);
    const digest = table.get(archiveName);
    if (!digest)
        throw jmeter_unknownVersion(version, [...table.keys()]);
    return () => unpackJmeter(config, version, archiveName, digest, log);
}
async function unpackJmeter(config, version, archiveName, digest, log) {
    const home = await installArchive({
        tool: 'jmeter',
        version,
        url: jmeterUrl(config.jmeterDownloadUrl, version),
        archiveName,
        digest,
        root: `apache-jmeter-${version}`,
        binary: external_node_path_default().join('bin', 'jmeter'),
        maxBytes: JMETER_MAX_BYTES
    }, log);
    return { home, bin: external_node_path_default().join(home, 'bin', 'jmeter'), version };
}
async function systemJmeter(log) {
    const found = await io/* which */.K7('jmeter', false);
    if (!found)
        throw new InstallError("jmeter-version is 'system' but there is no jmeter on PATH");
    // PATH often holds a symlink (/usr/local/bin/jmeter); JMETER_HOME is two levels above the real one.
    const bin = await (0,promises_.realpath)(found);
    const { stdout, stderr } = await (0,exec/* execTool */.wc)(bin, ['--version'], { inherit: exec/* JAVA_ENV */.f9, timeoutMs: 60_000 });
    const version = parseJmeterVersion(stdout + stderr);
    if (!version)
        throw new InstallError(`${bin} --version printed no version`);
    log.info(`jmeter ${version}: the one on PATH (${bin})`);
    return { home: external_node_path_default().dirname(external_node_path_default().dirname(bin)), bin, version };
}
function jmeter_unknownVersion(version, archives) {
    const known = archives
        .filter(name => name.startsWith('apache-jmeter-') && name.endsWith('.tgz'))
        .map(name => name.slice('apache-jmeter-'.length, -'.tgz'.length));
    return new errors/* InputError */.dz('jmeter-version', `'system' or a version with a pinned sha512 (${known.join(', ')}); ` +
        'to add one, put its published checksum in src/installers/versions.ts', version);
}

;// CONCATENATED MODULE: ./src/stages/install.ts


/**
 * What this stage needs: helm to deploy, JMeter when it runs tests with a jmeter-dir on the runner (with
 * load-engines JMeter runs in the cluster, from the image).
 */
function toolsNeeded(ctx) {
    // A hold job runs no tests; a gate job (results) judges files of tests run elsewhere.
    const elsewhere = ctx.config.hold === true || ctx.config.results !== undefined;
    const tests = Boolean(ctx.config.jmeterDir) && Boolean(ctx.plan.testStrategy) && !elsewhere;
    // InstalledTools.helm is not optional, so a test-only stage gets helm too (cached, cheap).
    return {
        helm: ctx.plan.deploymentStrategy !== undefined || tests,
        jmeter: tests && !ctx.config.loadEngines
    };
}
function installStepWith(options = {}) {
    return {
        name: 'install',
        async run(ctx) {
            const needed = toolsNeeded(ctx);
            if (!needed.helm) {
                ctx.log.info(`stage ${ctx.plan.stage} neither deploys nor tests: nothing to install`);
                return undefined;
            }
            const helm = await installHelm(ctx.config, ctx.log, options);
            if (!needed.jmeter)
                return { helm };
            const unpack = await prepareJmeter(ctx.config, ctx.log, options);
            // JMeter downloads and unpacks while helm deploys; the test step waits for it and reports a failure.
            const jmeter = unpack();
            jmeter.catch(() => undefined);
            return { helm, jmeter };
        }
    };
}
const installStep = installStepWith();

// EXTERNAL MODULE: ./src/results-file/jtl-read.ts + 9 modules
var jtl_read = __webpack_require__(7038);
// EXTERNAL MODULE: ./src/results-file/sli.ts
var sli = __webpack_require__(4741);
;// CONCATENATED MODULE: ./src/jmeter-tests/verdict.ts



/** Causes a test result keeps for the summary. */
const SHOWN_CAUSES = 5;
/**
 * Reads the JTL with the gate engine's reader (CSV or XML, quote-aware, fixed memory). A damaged file
 * (a quote, comment or CDATA section never closed, a missing closing tag) throws ResultsFileError naming
 * its line; the caller fails the test with it.
 */
function countJtl(file) {
    return countJtls([file]);
}
/** The same over several results files (load generators) as one test, with each file's sample count. */
async function countJtls(files) {
    const sink = new sli/* SampleSink */.o3();
    const causes = new sli/* FailureCauses */.tY();
    sink.causes = causes;
    const reads = await (0,jtl_read/* readJtls */.ks)(files, sink);
    const { count, failed, hist } = sink.total;
    return {
        samples: count,
        errors: failed,
        avgMs: hist.count > 0 ? hist.sum / hist.count : null,
        warnings: sink.warnings,
        causes: causes.top(SHOWN_CAUSES),
        files: reads
    };
}
/** The number of failed samples a workload tolerates. */
function allowedErrors(workload, samples) {
    if (workload.teststrategy === FUNCTIONAL)
        return 0;
    // 0.29 × 100 is 28.999999999999996 in floating point: nudge before flooring.
    return Math.floor(workload.acceptederrorrate * samples + 1e-9);
}
function judge(workload, counts) {
    const { samples, errors, avgMs } = counts;
    if (samples === 0)
        return fail('JMeter recorded no samples');
    const allowed = allowedErrors(workload, samples);
    const percent = ((100 * errors) / samples).toFixed(2);
    if (errors > allowed) {
        const rule = workload.teststrategy === FUNCTIONAL
            ? 'a functional test allows none'
            : `more than the accepted ${allowed} (acceptederrorrate ${workload.acceptederrorrate} × ${samples})`;
        const first = counts.causes?.[0];
        const cause = first ? `; most frequent: ${first.cause} ×${first.count}` : '';
        return fail(`${errors} of ${samples} samples failed (${percent} %): ${rule}${cause}`);
    }
    const avg = avgMs === null ? 'n/a' : `${avgMs.toFixed(1)} ms`;
    if (workload.avgrtvalidation > 0 && avgMs !== null && avgMs > workload.avgrtvalidation) {
        return fail(`average response time ${avg} is above avgrtvalidation ${workload.avgrtvalidation} ms`);
    }
    return { verdict: 'pass', reason: `${samples} samples, ${errors} failed (${percent} %), average ${avg}` };
}
function fail(reason) {
    return { verdict: 'fail', reason };
}

// EXTERNAL MODULE: ./src/results-file/results-paths.ts
var results_paths = __webpack_require__(6448);
;// CONCATENATED MODULE: ./src/stages/results-test.ts
/**
 * The test step of a gate job (input results): the tests ran elsewhere (a matrix of load jobs), so no
 * JMeter runs here. Their results files are judged as one test by the rules the test step applies to a
 * JMeter run (the stage's workload: accepted error rate, average response time, no samples), and handed to
 * the evaluate step, which scores their union. It runs first in that job: a results input it cannot read
 * fails the job before the held deployment is touched, so a fixed input can gate it again.
 */






const resultsTestStep = { name: 'test', run: judgeResults };
async function judgeResults(ctx) {
    const { config, plan } = ctx;
    const strategy = plan.testStrategy;
    if (!config.results || !strategy)
        return undefined;
    // The workload the load jobs ran: the jmeter-dir's jmeter.conf.yaml when given, else Keptn's built-in one.
    const set = config.jmeterDir
        ? readWorkloads(config.jmeterDir, config.workspace, ctx.log)
        : builtInWorkloads();
    const workload = workloadFor(set, strategy);
    const files = (0,results_paths/* resultsFilesOf */.P)('results', config.results);
    let counts;
    try {
        counts = await countJtls(files);
    }
    catch (error) {
        if (!(error instanceof errors/* ResultsFileError */.dL))
            throw error;
        throw new errors/* InputError */.dz('results', `results files the gate can read; ${(0,errors/* describe */.q0)(error)}`);
    }
    for (const warning of counts.warnings ?? [])
        ctx.log.warning(`results: ${warning}`);
    const shown = (file) => external_node_path_default().relative(config.workspace, file) || file;
    const each = counts.files.map(f => `${shown(f.file)} ${f.samples}`).join(', ');
    ctx.log.info(`${strategy} test from ${files.length} results file(s): ${each}`);
    // A load job that recorded nothing did not run the test it was meant to: the test fails, naming it.
    const empty = files.length > 1 ? counts.files.find(f => f.samples === 0) : undefined;
    const verdict = empty
        ? { verdict: 'fail', reason: `${shown(empty.file)} holds no samples` }
        : judge(workload, counts);
    const line = `tests (${strategy}, run elsewhere): ${verdict.verdict} — ${verdict.reason}`;
    if (verdict.verdict === 'pass')
        ctx.log.info(line);
    else
        ctx.log.warning(line);
    return {
        ...verdict,
        jtls: files,
        // No JMeter ran in this job: nothing of its own to upload.
        resultsDir: '',
        workload: strategy,
        samples: counts.samples,
        errors: counts.errors,
        ...(counts.causes?.length ? { causes: counts.causes } : {}),
        durationSeconds: 0,
        jmeterSeconds: 0
    };
}

;// CONCATENATED MODULE: ./src/deployment/service-endpoint.ts
/**
 * Where the tests reach the new version for as long as they run: the URL of the `service-url` template,
 * or a `kubectl port-forward` to its Service that is closed afterwards (a runner outside the cluster).
 */



/** `lifetimeMs` bounds a port-forward even if close() is never reached. */
async function openServiceEndpoint(ctx, service, lifetimeMs) {
    const access = ctx.config.serviceAccess;
    if (access.kind === 'url')
        return { url: renderServiceUrl(access.template, { ...ctx.plan, service }), close: async () => { } };
    const namespace = ctx.plan.namespace;
    const { kubectl } = await clusterFor(ctx);
    const port = await servicePort(ctx, service, 'service-url port-forward');
    const forward = await kubectl.portForward(service, namespace, port, lifetimeMs);
    const url = `http://127.0.0.1:${forward.localPort}`;
    ctx.log.info(`the tests reach service/${service}:${port} in ${namespace} through kubectl port-forward: ${url}`);
    return { url, close: () => forward.close() };
}
/**
 * The URL inside the cluster (load engines there): the service's DNS name, or the `service-url` template
 * when one is given (a cluster whose DNS domain is not the usual one).
 */
async function inClusterServiceUrl(ctx, service) {
    const access = ctx.config.serviceAccess;
    if (access.kind === 'url')
        return renderServiceUrl(access.template, { ...ctx.plan, service });
    const port = await servicePort(ctx, service, 'load-engines');
    return `http://${service}.${ctx.plan.namespace}.svc:${port}`;
}
/** The service's HTTP port, or why there is none; `purpose` names the input that needs it. */
async function servicePort(ctx, service, purpose) {
    const namespace = ctx.plan.namespace;
    const { kubectl } = await clusterFor(ctx);
    const found = await kubectl.getJson('service', service, namespace);
    if (!found)
        throw new errors/* DeployError */.sH(`${purpose}: there is no service ${service} in ${namespace} (the chart must create it)`);
    const port = httpPortOf(found.spec.ports);
    if (port === undefined)
        throw new errors/* DeployError */.sH(`${purpose}: service ${service} in ${namespace} has no TCP port`);
    return port;
}

;// CONCATENATED MODULE: ./src/programs/jmeter.ts
/**
 * The JMeter wrapper: the command line, and a runner that does not trust the exit
 * code (JMeter exits 0 when every sample fails or an option is unknown; see toolchain.md).
 */




/** CSV with a header and failure messages, whatever the installation's jmeter.properties says. */
const SAVE_SERVICE_PROPERTIES = {
    'jmeter.save.saveservice.output_format': 'csv',
    'jmeter.save.saveservice.print_field_names': 'true',
    'jmeter.save.saveservice.failure_message': 'true',
    'jmeter.save.saveservice.response_message': 'true',
    'jmeter.save.saveservice.successful': 'true',
    'jmeter.save.saveservice.time': 'true',
    'jmeter.save.saveservice.timestamp_format': 'ms',
    'jmeter.save.saveservice.label': 'true',
    // Otherwise non-GUI JMeter binds UDP *:4445 on every interface for shutdown messages.
    'jmeterengine.nongui.port': '0'
};
function runFiles(dir) {
    return {
        dir,
        jtl: external_node_path_default().join(dir, 'results.jtl'),
        log: external_node_path_default().join(dir, 'jmeter.log'),
        dashboard: external_node_path_default().join(dir, 'dashboard'),
        output: external_node_path_default().join(dir, 'jmeter.out')
    };
}
/** The non-GUI command line. Save-service properties come last so a workload cannot turn them off. */
function jmeterArgs(script, files, properties) {
    // -f deletes an existing JTL first: -l alone appends, and old samples would count.
    return [
        '-n',
        '-t',
        script,
        '-l',
        files.jtl,
        '-j',
        files.log,
        '-f',
        '-e',
        '-o',
        files.dashboard,
        ...flags('-J', properties)
    ];
}
/**
 * The controller's command line in distributed mode: the same properties, also as -G (global: sent to
 * every engine, where the plan's ${__P(...)} are read). RMI without TLS: the engines and the controller talk
 * only inside their own namespace, which a NetworkPolicy closes; TLS would need a keystore in every pod.
 * No dashboard: it would be written inside the controller pod.
 */
function distributedArgs(script, files, properties, engines) {
    const local = { ...properties, ...RMI_PROPERTIES };
    return [
        '-n',
        '-t',
        script,
        '-R',
        engines.join(','),
        '-l',
        files.jtl,
        '-j',
        files.log,
        '-f',
        ...flags('-J', local),
        ...flags('-G', properties)
    ];
}
/** What the engines and the controller both need to talk RMI without a keystore. */
const RMI_PROPERTIES = { 'server.rmi.ssl.disable': 'true' };
/** Save-service properties last, so a workload cannot turn them off. */
function flags(flag, properties) {
    const all = { ...properties, ...SAVE_SERVICE_PROPERTIES };
    return Object.entries(all).map(([name, value]) => `${flag}${name}=${value}`);
}
// JMeter's own words when a plan did not load or the command line was wrong (5.6.3, e2e/jmeter/README.md).
const LOAD_ERRORS = [
    /Error in NonGUIDriver.*/,
    /An error occurred:.*/,
    /Could not open.*/,
    /doesn't exist or can't be opened.*/,
    /^Error: Unknown option.*/m,
    /Cannot write to .*/
];
/** The first line of `text` that says the plan did not run at all, trimmed. */
function loadError(text) {
    let best;
    for (const pattern of LOAD_ERRORS) {
        const m = pattern.exec(text);
        if (m && (!best || m.index < best.index))
            best = { index: m.index, line: lineAround(text, m.index) };
    }
    return best?.line;
}
/** The first ERROR of a jmeter.log with the exception line that follows it (e.g. a missing CSV file). */
function firstLogError(logText) {
    const lines = logText.split(/\r?\n/);
    const at = lines.findIndex(l => / ERROR /.test(l));
    if (at < 0)
        return undefined;
    const message = lines[at].replace(/^.*? ERROR /, '').trim();
    const next = lines[at + 1]?.trim();
    return next && /^[\w.$]+(Exception|Error)\b/.test(next) ? `${message} ${next}` : message;
}
function lineAround(text, index) {
    const start = text.lastIndexOf('\n', index) + 1;
    const end = text.indexOf('\n', index);
    return text.slice(start, end < 0 ? undefined : end).trim();
}
/** JMeter on the runner: `bin` started in `cwd`. */
function localLauncher(bin, cwd) {
    return launch => runJmeter({ ...launch, bin, cwd });
}
async function runJmeter(options) {
    const { files } = options;
    (0,external_node_fs_.rmSync)(files.dir, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(files.dir, { recursive: true });
    const clock = startClock();
    const result = await (0,exec/* execTool */.wc)(options.bin, jmeterArgs(options.script, files, options.properties), {
        cwd: options.cwd,
        inherit: exec/* JAVA_ENV */.f9,
        timeoutMs: options.timeoutMs,
        allowFailure: true,
        onOutput: options.onLine ? splitLines(options.onLine) : undefined
    });
    return outcomeOf(result, clock, options.timeoutMs, files);
}
function startClock() {
    return { started: performance.now(), start: Date.now() };
}
/** Judges a finished JMeter process by its output, its log and its results file (all in `files`). */
function outcomeOf(result, clock, timeoutMs, files) {
    const seconds = (performance.now() - clock.started) / 1000;
    const output = `${result.stdout}${result.stderr ? `\n--- stderr ---\n${result.stderr}` : ''}`;
    (0,external_node_fs_.writeFileSync)(files.output, output);
    // Killed on timeout, the JVM may report 143 rather than a signal: elapsed time is what tells.
    const timedOut = result.timedOut === true || (result.exitCode !== 0 && seconds * 1000 >= timeoutMs - 50);
    const error = jmeter_explain(result.exitCode, timedOut, timeoutMs, output, readText(files.log));
    const window = { start: clock.start, end: Date.now() };
    return { exitCode: result.exitCode, seconds, window, timedOut, error, jtlWritten: nonEmpty(files.jtl) };
}
function jmeter_explain(exitCode, timedOut, timeoutMs, output, logText) {
    if (timedOut)
        return `JMeter did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`;
    const said = loadError(output);
    if (said)
        return `JMeter could not run the plan: ${said}`;
    if (exitCode !== 0) {
        const why = firstLogError(logText) ?? jmeter_lastLine(output);
        return `JMeter exited with ${exitCode ?? 'a signal'}${why ? `: ${why}` : ''}`;
    }
    return undefined;
}
function nonEmpty(file) {
    try {
        return (0,external_node_fs_.statSync)(file).size > 0;
    }
    catch {
        return false;
    }
}
function readText(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return '';
    }
}
/** log4j's own start-up warnings are never why JMeter failed. */
function jmeter_lastLine(text) {
    const said = text.split(/\r?\n/).filter(l => !l.trim().startsWith('WARN StatusConsoleListener'));
    return (0,errors/* lastLines */.w$)(said.join('\n')) || undefined;
}
/** Splits streamed output into whole lines, dropping log4j's harmless package-scanning warning. */
function splitLines(sink) {
    let rest = '';
    return chunk => {
        const parts = (rest + chunk).split(/\r?\n/);
        rest = parts.pop() ?? '';
        for (const line of parts)
            if (line.trim() && !line.startsWith('WARN StatusConsoleListener'))
                sink(line);
    };
}

;// CONCATENATED MODULE: ./src/jmeter-tests/cluster/engine-plan.ts

const JAVA = '/opt/java/bin/java';
const JMETER_JAR = '/opt/jmeter/bin/ApacheJMeter.jar';
const HELPER = '/usr/local/bin/jmeter-pod';
/** The tests' folder in every pod, and every JVM's working directory: the engines resolve a plan's data files (items.csv) against their own working directory joined with the controller's, so all must be the same. */
const TESTS_DIR = '/work/tests';
const RUN_DIR = '/work/run';
/** Where the controller writes the results and its log (fetched to the runner afterwards). */
const CONTROLLER_FILES = { jtl: `${RUN_DIR}/results.jtl`, log: `${RUN_DIR}/jmeter.log` };
const CONTROLLER = 'jmeter-controller';
const ENGINE_PORT = 1099;
/** Marks every object of a run, for the post step and for people looking at the cluster. */
const MANAGED_BY = {
    'app.kubernetes.io/managed-by': 'carts-deploy',
    'app.kubernetes.io/name': 'jmeter'
};
const ROLE_LABEL = 'carts-deploy.io/load-role';
const ENGINE_SELECTOR = `${ROLE_LABEL}=engine`;
/** Heap from the container's memory limit, not the node's. */
const JVM_OPTIONS = ['-XX:MaxRAMPercentage=75', '-XX:+ExitOnOutOfMemoryError'];
/** `carts-load-<stage>-<random>`: one namespace per run, never one a user owns. */
function loadNamespace(stage, random) {
    return `carts-load-${stage.slice(0, 40)}-${random}`.replace(/-+$/, '');
}
function engineName(index) {
    return `jmeter-engine-${index}`;
}
function namespaceObject(plan) {
    return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: plan.namespace, labels: MANAGED_BY } };
}
/** The namespace's objects: engines and controller, and a policy that lets only them reach each other. */
function podObjects(plan) {
    const engines = Array.from({ length: plan.count }, (_, i) => pod(plan, engineName(i), 'engine', {
        command: [
            JAVA,
            ...JVM_OPTIONS,
            // RMI tells the controller to call back on this address: the pod's, not its unresolvable name.
            '-Djava.rmi.server.hostname=$(POD_IP)',
            '-jar',
            JMETER_JAR,
            '-s',
            `-Jserver_port=${ENGINE_PORT}`,
            ...Object.entries(RMI_PROPERTIES).map(([name, value]) => `-J${name}=${value}`),
            '-j',
            `${RUN_DIR}/jmeter-server.log`
        ],
        env: [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }],
        ports: [{ name: 'rmi', containerPort: ENGINE_PORT }],
        readinessProbe: { tcpSocket: { port: ENGINE_PORT }, periodSeconds: 1, failureThreshold: 1 }
    }));
    const controller = pod(plan, CONTROLLER, 'controller', {
        command: [HELPER, 'hold', String(plan.lifetimeSeconds)]
    });
    const policy = {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'jmeter-only', namespace: plan.namespace, labels: MANAGED_BY },
        spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }] }] }
    };
    return [policy, ...engines, controller];
}
function pod(plan, name, role, container) {
    const volumes = [
        ['tests', TESTS_DIR],
        ['run', RUN_DIR],
        ['tmp', '/tmp']
    ];
    return {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: plan.namespace, labels: { ...MANAGED_BY, [ROLE_LABEL]: role } },
        spec: {
            restartPolicy: 'Never',
            activeDeadlineSeconds: plan.lifetimeSeconds,
            terminationGracePeriodSeconds: 2,
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            securityContext: { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534 },
            containers: [
                {
                    name: 'jmeter',
                    image: plan.image,
                    imagePullPolicy: 'IfNotPresent',
                    workingDir: TESTS_DIR,
                    resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } },
                    securityContext: {
                        allowPrivilegeEscalation: false,
                        readOnlyRootFilesystem: true,
                        capabilities: { drop: ['ALL'] }
                    },
                    volumeMounts: volumes.map(([volume, mountPath]) => ({ name: volume, mountPath })),
                    ...container
                }
            ],
            volumes: volumes.map(([volume]) => ({ name: volume, emptyDir: {} }))
        }
    };
}
/** `10.88.1.5:1099`, `[fd00::5]:1099`. */
function engineAddress(ip) {
    return `${ip.includes(':') ? `[${ip}]` : ip}:${ENGINE_PORT}`;
}
/** The controller's command, run in its pod: the plan at `script` (a path under TESTS_DIR). */
function controllerCommand(script, controllerIp, engineIps, properties) {
    return [
        JAVA,
        ...JVM_OPTIONS,
        `-Djava.rmi.server.hostname=${controllerIp}`,
        '-jar',
        JMETER_JAR,
        ...distributedArgs(script, CONTROLLER_FILES, properties, engineIps.map(engineAddress))
    ];
}
/** The engines JMeter says it started (`Remote engines have been started:[a:1099, b:1099]`). */
function startedEngines(output) {
    const m = /Remote engines have been started:\[([^\]]*)\]/.exec(output);
    return m
        ? m[1]
            .split(',')
            .map(s => s.trim())
            .filter(Boolean)
        : [];
}
/** Waiting reasons that do not pass by themselves. */
const engine_plan_STUCK = /^(ErrImagePull|ImagePullBackOff|InvalidImageName|ErrImageNeverPull|CreateContainerConfigError|CreateContainerError|CrashLoopBackOff|RunContainerError)$/;
/** Why this pod cannot serve (any more), or undefined while it can or may still. */
function podProblem(pod) {
    if (pod.metadata.deletionTimestamp)
        return 'was deleted';
    const status = pod.status ?? {};
    const container = status.containerStatuses?.[0]?.state;
    const terminated = container?.terminated;
    if (terminated)
        return `ended: exit code ${terminated.exitCode ?? '?'} (${terminated.reason ?? 'no reason'})${terminated.message ? `: ${terminated.message.trim()}` : ''}`;
    if (status.phase === 'Failed' || status.phase === 'Succeeded')
        return `ended: ${status.reason ?? status.phase}${status.message ? `: ${status.message}` : ''}`;
    const waiting = container?.waiting;
    if (waiting?.reason && engine_plan_STUCK.test(waiting.reason))
        return `${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}`;
    const unschedulable = status.conditions?.find(c => c.type === 'PodScheduled' && c.reason === 'Unschedulable');
    if (unschedulable)
        return `cannot be scheduled: ${unschedulable.message ?? 'no node fits'}`;
    return undefined;
}
function podReady(pod) {
    return !!pod.status?.podIP && pod.status.containerStatuses?.[0]?.ready === true;
}

;// CONCATENATED MODULE: ./src/jmeter-tests/cluster/leftovers.ts
/**
 * Load namespaces a run made and has not removed yet, in a file of the run's private temp dir: the post
 * step removes what a cancelled or crashed run left (the runner runs it after a cancel, too).
 */


const FILE = 'load-namespaces.json';
function read(tempDir) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(external_node_path_default().join(tempDir, FILE), 'utf8'));
    }
    catch {
        return [];
    }
}
function write(tempDir, namespaces) {
    (0,external_node_fs_.writeFileSync)(external_node_path_default().join(tempDir, FILE), JSON.stringify(namespaces), { mode: 0o600 });
}
/** Called before the namespace is created: a cancel right after still finds it. */
function recordLoadNamespace(tempDir, namespace) {
    write(tempDir, [...new Set([...read(tempDir), namespace])]);
}
function forgetLoadNamespace(tempDir, namespace) {
    write(tempDir, read(tempDir).filter(n => n !== namespace));
}
function leftoverLoadNamespaces(tempDir) {
    return read(tempDir);
}

;// CONCATENATED MODULE: ./src/jmeter-tests/cluster/tests-upload.ts
/**
 * The jmeter dir's files (plans, CSV data, properties) as the one JSON document jmeter-pod's `put` reads from
 * stdin: every pod gets the same working folder, because engines resolve a plan's data files against it.
 */



/** The files in all, sent to every pod on the stdin of `kubectl exec` (base64 in JSON: a third more). */
const MAX_TESTS_BYTES = 64 * 1024 * 1024;
/**
 * Every file under `jmeterDir`, symbolic links followed (data files are often links), as JSON. A link back to a
 * folder being walked is refused naming it: followed, it would repeat the folder until the size cap.
 */
function testsUpload(jmeterDir) {
    const files = [];
    let bytes = 0;
    const walk = (dir, walking) => {
        for (const entry of (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true })) {
            const full = external_node_path_default().join(dir, entry.name);
            const stat = (0,external_node_fs_.statSync)(full);
            if (stat.isDirectory()) {
                const real = (0,external_node_fs_.realpathSync)(full);
                if (walking.has(real))
                    throw new errors/* InputError */.dz('jmeter-dir', `a folder without links back to itself (${external_node_path_default().relative(jmeterDir, full)} leads back to ${real})`, jmeterDir);
                walk(full, new Set([...walking, real]));
            }
            else if (stat.isFile()) {
                bytes += stat.size;
                if (bytes > MAX_TESTS_BYTES)
                    throw new errors/* InputError */.dz('jmeter-dir', `at most ${MAX_TESTS_BYTES / 1024 / 1024} MB of files with load-engines (all are sent to every pod)`, jmeterDir);
                const relative = external_node_path_default().relative(jmeterDir, full).split((external_node_path_default()).sep).join('/');
                files.push({ path: relative, mode: stat.mode & 0o777, data: (0,external_node_fs_.readFileSync)(full).toString('base64') });
            }
        }
    };
    walk(jmeterDir, new Set([(0,external_node_fs_.realpathSync)(jmeterDir)]));
    return JSON.stringify({ files });
}

;// CONCATENATED MODULE: ./src/jmeter-tests/cluster/engine-pool.ts
/**
 * JMeter's distributed mode in the cluster: opens a namespace with N `jmeter-server` engines and a
 * controller pod, sends them the tests, runs each workload from the controller while watching the engines,
 * brings the results file and the log back to the runner, and removes the namespace (also when anything
 * fails; a cancelled run's namespace is removed by the post step, and every pod ends by itself after its
 * lifetime).
 */









/** Pulling a 130 MB image and starting N JVMs. */
const ENGINE_START_MS = 180_000;
const engine_pool_POLL_MS = 1_000;
const REMOVE_MS = 60_000;
const FETCH_MS = 10 * 60_000;
class EnginePool {
    kubectl;
    settings;
    namespace;
    controllerIp;
    engineIps;
    constructor(kubectl, settings, namespace, controllerIp, engineIps) {
        this.kubectl = kubectl;
        this.settings = settings;
        this.namespace = namespace;
        this.controllerIp = controllerIp;
        this.engineIps = engineIps;
    }
    /** Throws LoadEngineError when the engines do not start (the namespace is removed first). */
    static async open(kubectl, settings) {
        const upload = testsUpload(settings.jmeterDir);
        const plan = {
            ...settings.engines,
            namespace: loadNamespace(settings.stage, (0,external_node_crypto_.randomBytes)(3).toString('hex')),
            lifetimeSeconds: Math.ceil((settings.testTimeoutMs + ENGINE_START_MS + REMOVE_MS) / 1000)
        };
        recordLoadNamespace(settings.tempDir, plan.namespace);
        try {
            const started = performance.now();
            await kubectl.apply(plan.namespace, [namespaceObject(plan)]);
            await kubectl.apply(plan.namespace, podObjects(plan));
            const pods = await waitReady(kubectl, plan);
            await Promise.all(pods.map(p => put(kubectl, plan.namespace, p.metadata.name, upload)));
            const ip = (name) => pods.find(p => p.metadata.name === name).status.podIP;
            const engines = pods.filter(p => p.metadata.name !== CONTROLLER).map(p => p.status.podIP);
            settings.log.info(`${engines.length} JMeter engine(s) ready in namespace ${plan.namespace} ` +
                `(${engines.join(', ')}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
            return new EnginePool(kubectl, settings, plan.namespace, ip(CONTROLLER), engines);
        }
        catch (error) {
            await removeNamespace(kubectl, plan.namespace, settings);
            throw error;
        }
    }
    /** One workload from the controller; an engine that dies ends it with that reason. */
    launch = async (launch) => {
        const { files } = launch;
        (0,external_node_fs_.rmSync)(files.dir, { recursive: true, force: true });
        (0,external_node_fs_.mkdirSync)(files.dir, { recursive: true });
        const script = `${TESTS_DIR}/${inTests(this.settings.jmeterDir, launch.script)}`;
        const command = controllerCommand(script, this.controllerIp, this.engineIps, launch.properties);
        const stop = new AbortController();
        const watch = this.watchEngines(stop);
        const clock = startClock();
        let result;
        let died;
        try {
            result = await this.kubectl.execIn(this.namespace, CONTROLLER, command, {
                timeoutMs: launch.timeoutMs,
                signal: stop.signal,
                onOutput: launch.onLine ? splitLines(launch.onLine) : undefined
            });
        }
        finally {
            died = await watch.end();
        }
        await this.fetch(CONTROLLER_FILES.jtl, files.jtl);
        await this.fetch(CONTROLLER_FILES.log, files.log);
        const outcome = outcomeOf(result, clock, launch.timeoutMs, files);
        const started = startedEngines(result.stdout);
        const error = died ??
            (outcome.error === undefined && started.length < this.engineIps.length
                ? `only ${started.length} of ${this.engineIps.length} JMeter engines started (${started.join(', ') || 'none'})`
                : outcome.error);
        return { ...outcome, error };
    };
    async close() {
        await removeNamespace(this.kubectl, this.namespace, this.settings);
    }
    /** Polls the engines while the controller runs; the first problem stops the controller. */
    watchEngines(stop) {
        let problem;
        let running = true;
        const loop = (async () => {
            while (running && !problem) {
                await (0,external_node_timers_promises_.setTimeout)(engine_pool_POLL_MS);
                if (!running)
                    break;
                const pods = await this.kubectl
                    .listJson('pods', this.namespace, ENGINE_SELECTOR)
                    .catch(() => undefined);
                if (!pods)
                    continue;
                const gone = this.engineIps.length - pods.length;
                const bad = pods.map(p => [p, podProblem(p)]).find(([, why]) => why);
                if (bad)
                    problem = `JMeter engine ${bad[0].metadata.name} (${bad[0].status?.podIP ?? 'no IP'}) ${bad[1]} mid-test`;
                else if (gone > 0)
                    problem = `${gone} JMeter engine pod(s) disappeared mid-test`;
                if (problem)
                    stop.abort();
            }
        })();
        return {
            end: async () => {
                running = false;
                await loop;
                return problem;
            }
        };
    }
    /** A file of the controller pod to the runner; none when it does not exist (JMeter did not write it). */
    async fetch(podFile, local) {
        const result = await this.kubectl.execIn(this.namespace, CONTROLLER, [HELPER, 'cat', podFile], {
            stdoutFile: local,
            timeoutMs: FETCH_MS
        });
        if (result.exitCode !== 0)
            (0,external_node_fs_.rmSync)(local, { force: true });
    }
}
/** Until every pod is ready, the first that cannot start fails it, or the deadline. */
async function waitReady(kubectl, plan) {
    const deadline = performance.now() + ENGINE_START_MS;
    const expected = plan.count + 1;
    for (;;) {
        const pods = await kubectl.listJson('pods', plan.namespace);
        for (const pod of pods) {
            const why = podProblem(pod);
            if (why) {
                const said = lastWords(await kubectl.logsTail(plan.namespace, pod.metadata.name, 20));
                throw new errors/* LoadEngineError */.jY(`JMeter pod ${pod.metadata.name} (image ${plan.image}) did not start: ${why}${said ? `; it said: ${said}` : ''}`);
            }
        }
        if (pods.length === expected && pods.every(podReady))
            return pods;
        if (performance.now() > deadline) {
            const waiting = pods.filter(p => !podReady(p)).map(p => p.metadata.name);
            throw new errors/* LoadEngineError */.jY(`JMeter pods not ready within ${ENGINE_START_MS / 1000} s in ${plan.namespace}: ${waiting.join(', ') || 'none created'}`);
        }
        await (0,external_node_timers_promises_.setTimeout)(engine_pool_POLL_MS);
    }
}
/** The last lines that say something (not log4j's start-up warnings), on one line. */
function lastWords(log) {
    const lines = log.split('\n').map(l => l.trim());
    return lines
        .filter(l => l && !l.startsWith('WARN StatusConsoleListener'))
        .slice(-3)
        .join(' / ');
}
async function put(kubectl, namespace, pod, upload) {
    const result = await kubectl.execIn(namespace, pod, [HELPER, 'put', TESTS_DIR], {
        input: upload,
        timeoutMs: FETCH_MS
    });
    if (result.exitCode !== 0)
        throw new errors/* LoadEngineError */.jY(`the tests could not be sent to JMeter pod ${pod}: ${result.stderr.trim()}`);
}
/** The plan's path inside the tests folder of the pods: it must lie inside the jmeter dir that is sent. */
function inTests(jmeterDir, script) {
    const relative = external_node_path_default().relative(jmeterDir, script);
    if (relative.startsWith('..') || external_node_path_default().isAbsolute(relative))
        throw new errors/* InputError */.dz('jmeter-dir', `the folder that holds the plans with load-engines (only it is sent to the pods), not one beside ${script}`, jmeterDir);
    return relative.split((external_node_path_default()).sep).join('/');
}
/** Deletes the namespace and waits until it is gone (bounded): "nothing left" must be true when we say so. */
async function removeNamespace(kubectl, namespace, settings) {
    try {
        const started = performance.now();
        await kubectl.deleteNamespace(namespace);
        const deadline = started + REMOVE_MS;
        while (await kubectl.getJson('namespace', namespace, 'default')) {
            if (performance.now() > deadline) {
                settings.log.warning(`namespace ${namespace} is still being removed after ${REMOVE_MS / 1000} s`);
                return;
            }
            await (0,external_node_timers_promises_.setTimeout)(engine_pool_POLL_MS);
        }
        forgetLoadNamespace(settings.tempDir, namespace);
        settings.log.info(`namespace ${namespace} removed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    catch (error) {
        settings.log.warning(`namespace ${namespace} of the JMeter engines was not removed: ${(0,errors/* describe */.q0)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/jmeter-tests/keptn-properties.ts
const DEFAULT_CHECK_PATH = '/health';
/** Keptn's -J properties for one workload, then the workload's own (which may override them). */
function keptnProperties(serviceUrl, workload, keptn) {
    const url = new URL(serviceUrl);
    const protocol = url.protocol.replace(/:$/, '');
    const port = url.port || (protocol === 'https' ? '443' : '80');
    return {
        PROTOCOL: protocol,
        SERVER_PROTOCOL: protocol,
        SERVER_URL: url.hostname,
        SERVER_PORT: port,
        CHECK_PATH: DEFAULT_CHECK_PATH,
        VUCount: String(workload.vuser),
        LoopCount: String(workload.loopcount),
        ThinkTime: String(workload.thinktime),
        KEPTN_PROJECT: keptn.project,
        KEPTN_STAGE: keptn.stage,
        KEPTN_SERVICE: keptn.service,
        KEPTN_TESTSTRATEGY: workload.teststrategy,
        ...workload.properties
    };
}

;// CONCATENATED MODULE: ./src/jmeter-tests/run-workload.ts
/** One workload, run once: find its script, run JMeter into a fresh folder, judge the JTL. */







/**
 * Keptn's files name scripts from the service folder (`jmeter/load.jmx` beside `jmeter/jmeter.conf.yaml`);
 * ours may name them from the jmeter dir. Absolute paths are taken as they are.
 */
function scriptCandidates(jmeterDir, script) {
    if (external_node_path_default().isAbsolute(script))
        return [script];
    const candidates = [external_node_path_default().resolve(jmeterDir, script), external_node_path_default().resolve(jmeterDir, '..', script)];
    return [...new Set(candidates)];
}
function findScript(jmeterDir, script) {
    const tried = scriptCandidates(jmeterDir, script);
    return { found: tried.find(isFile), tried };
}
function isFile(file) {
    try {
        return (0,external_node_fs_.statSync)(file).isFile();
    }
    catch {
        return false;
    }
}
async function runWorkload(settings, workload, dir) {
    const { found, tried } = findScript(settings.jmeterDir, workload.script);
    const none = { workload, dir, samples: 0, errors: 0, seconds: 0 };
    if (!found) {
        // Keptn's jmeter-service reported this as a pass; a test that cannot run must not let a release through.
        const reason = `script ${workload.script} of workload '${workload.teststrategy}' not found (looked for ${tried.join(', ')})`;
        return { ...none, verdict: 'fail', reason };
    }
    const files = runFiles(dir);
    const properties = keptnProperties(settings.serviceUrl, workload, settings.keptn);
    settings.log.info(`${workload.teststrategy}: ${external_node_path_default().relative(settings.jmeterDir, found) || found}, ` +
        `${workload.vuser} users × ${workload.loopcount} loops, think ${workload.thinktime} ms ` +
        `against ${settings.serviceUrl} (${workload.origin})`);
    const outcome = await settings.launch({
        script: found,
        files,
        properties,
        timeoutMs: settings.timeoutMs,
        onLine: line => settings.log.info(line)
    });
    const base = {
        ...none,
        seconds: outcome.seconds,
        window: outcome.window,
        jtl: outcome.jtlWritten ? files.jtl : undefined
    };
    // A non-zero exit fails even with a JTL: 5.6.3 exits 1 only when the run itself went wrong.
    if (outcome.error)
        return { ...base, verdict: 'fail', reason: outcome.error };
    if (!outcome.jtlWritten)
        return { ...base, verdict: 'fail', reason: noResults(files.log, 'wrote no results file') };
    const counts = await readCounts(files.jtl);
    if ('reason' in counts)
        return { ...base, verdict: 'fail', reason: counts.reason };
    for (const warning of counts.warnings ?? [])
        settings.log.warning(`${workload.teststrategy} results: ${warning}`);
    const verdict = judge(workload, counts);
    const reason = counts.samples === 0 ? noResults(files.log, 'recorded no samples') : verdict.reason;
    return {
        ...base,
        ...verdict,
        reason,
        samples: counts.samples,
        errors: counts.errors,
        ...(counts.causes?.length ? { causes: counts.causes } : {})
    };
}
async function readCounts(jtl) {
    try {
        return await countJtl(jtl);
    }
    catch (error) {
        if (error instanceof errors/* ResultsFileError */.dL)
            return { reason: `the results file cannot be read: ${(0,errors/* describe */.q0)(error)}` };
        throw error;
    }
}
/** A run without samples: quote what JMeter logged (e.g. a CSV data file it could not read). */
function noResults(logFile, what) {
    const said = (0,external_node_fs_.existsSync)(logFile) ? firstLogError(readText(logFile)) : undefined;
    return `JMeter ${what}${said ? `: ${said}` : ''}`;
}

;// CONCATENATED MODULE: ./src/stages/test.ts
/**
 * The test step (Keptn's jmeter-service, failing closed): the health check first, then the workload of
 * the stage's test strategy, each into its own folder of the `results-dir` output. A failed test is a
 * verdict for the gate, not an error: only a bad jmeter.conf.yaml, a strategy it lacks or a missing JMeter
 * stop the run here.
 */










/** Long enough for Keptn's biggest example workloads; a hung JVM still ends. */
const DEFAULT_TEST_TIMEOUT_MS = 60 * 60_000;
function testStepWith(options = {}) {
    return { name: 'test', run: ctx => runStageTests(ctx, options) };
}
const testStep = testStepWith();
async function runStageTests(ctx, options) {
    const strategy = ctx.plan.testStrategy;
    const jmeterDir = ctx.config.jmeterDir;
    if (!strategy) {
        ctx.log.info(`stage ${ctx.plan.stage} has no test strategy: no tests`);
        return undefined;
    }
    if (!jmeterDir) {
        ctx.log.info(`no jmeter-dir: the '${strategy}' tests of stage ${ctx.plan.stage} are not run`);
        return undefined;
    }
    const set = readWorkloads(jmeterDir, ctx.config.workspace, ctx.log);
    const main = workloadFor(set, strategy);
    const resultsDir = external_node_path_default().join(ctx.tempDir, 'jmeter-results');
    (0,external_node_fs_.rmSync)(resultsDir, { recursive: true, force: true });
    (0,external_node_fs_.mkdirSync)(resultsDir, { recursive: true });
    const timeoutMs = options.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS;
    const rig = await openRig(ctx, options, jmeterDir, timeoutMs);
    if ('failure' in rig)
        return failedToStart(rig.failure, main, resultsDir, ctx);
    let result;
    try {
        result = await runTests(runSettings(ctx, jmeterDir, rig, timeoutMs), set, main, resultsDir);
    }
    finally {
        await rig.close();
    }
    const line = `tests (${main.teststrategy}): ${result.verdict} — ${result.reason}`;
    if (result.verdict === 'pass')
        ctx.log.info(line);
    else
        ctx.log.warning(line);
    return result;
}
async function openRig(ctx, options, jmeterDir, timeoutMs) {
    const engines = ctx.config.loadEngines;
    if (!engines) {
        const launch = localLauncher(await jmeterBin(ctx, options), jmeterDir);
        const endpoint = await endpointOf(ctx, options, timeoutMs);
        return { launch, url: endpoint.url, close: () => endpoint.close() };
    }
    const url = options.serviceUrl ?? (await inClusterServiceUrl(ctx, testedService(ctx)));
    const { kubectl } = await clusterFor(ctx);
    const settings = {
        engines,
        stage: ctx.plan.stage,
        jmeterDir,
        tempDir: ctx.tempDir,
        testTimeoutMs: timeoutMs,
        log: ctx.log
    };
    try {
        const pool = await EnginePool.open(kubectl, settings);
        return { launch: pool.launch, url, close: () => pool.close() };
    }
    catch (error) {
        if (error instanceof errors/* LoadEngineError */.jY)
            return { failure: error.message };
        throw error;
    }
}
/** Engines that never started: the test fails with their reason (it did not run, so it cannot pass). */
function failedToStart(reason, main, resultsDir, ctx) {
    ctx.log.warning(`tests (${main.teststrategy}): fail — ${reason}`);
    return {
        verdict: 'fail',
        reason,
        resultsDir,
        workload: main.teststrategy,
        samples: 0,
        errors: 0,
        durationSeconds: 0,
        jmeterSeconds: 0
    };
}
async function jmeterBin(ctx, options) {
    const found = options.jmeterBin ?? (await ctx.results.install?.jmeter)?.bin;
    if (!found)
        throw new errors/* SetupError */.w3('JMeter is not installed: the install step did not provide it for this stage');
    return found;
}
function runSettings(ctx, jmeterDir, rig, timeoutMs) {
    return {
        launch: rig.launch,
        jmeterDir,
        serviceUrl: rig.url,
        keptn: { project: ctx.plan.project, stage: ctx.plan.stage, service: ctx.config.service },
        timeoutMs,
        log: ctx.log
    };
}
/** The deploy step knows which service the new version answers on (blue/green: the new colour's). */
function testedService(ctx) {
    return ctx.results.deploy?.testService ?? ctx.config.service;
}
// A port-forward lives as long as the tests may, and a minute more to start.
function endpointOf(ctx, options, timeoutMs) {
    if (options.serviceUrl)
        return Promise.resolve({ url: options.serviceUrl, close: async () => { } });
    return openServiceEndpoint(ctx, testedService(ctx), timeoutMs + 60_000);
}
/** Health check (when there is one), then the main workload unless the health check failed. */
async function runTests(settings, set, main, resultsDir) {
    const health = healthCheckOf(settings, set, main);
    let healthSeconds = 0;
    if (health) {
        const run = await runWorkload(settings, health, external_node_path_default().join(resultsDir, `1-${HEALTHCHECK}`));
        if (run.verdict === 'fail')
            return toResult(run, main, resultsDir, `health check failed: ${run.reason}`, 0);
        settings.log.info(`health check passed: ${run.reason}`);
        healthSeconds = run.seconds;
    }
    const run = await runWorkload(settings, main, external_node_path_default().join(resultsDir, `${health ? 2 : 1}-${main.teststrategy}`));
    return toResult(run, main, resultsDir, run.reason, healthSeconds);
}
// Keptn ran basiccheck.jmx whenever it existed; a healthcheck workload the user wrote must run.
function healthCheckOf(settings, set, main) {
    if (main.teststrategy === HEALTHCHECK)
        return undefined;
    const health = set.workloads.get(HEALTHCHECK);
    if (!health)
        return undefined;
    if (health.origin !== 'built-in' || findScript(settings.jmeterDir, health.script).found)
        return health;
    settings.log.info(`no health check: ${health.script} is not in ${settings.jmeterDir}`);
    return undefined;
}
function toResult(run, main, resultsDir, reason, earlierSeconds) {
    const isMain = run.workload === main;
    return {
        verdict: run.verdict,
        reason,
        jtl: isMain ? run.jtl : undefined,
        resultsDir,
        workload: main.teststrategy,
        samples: isMain ? run.samples : 0,
        errors: isMain ? run.errors : 0,
        ...(run.causes ? { causes: run.causes } : {}),
        durationSeconds: isMain ? run.seconds : 0,
        ...(isMain && run.window ? { window: run.window } : {}),
        jmeterSeconds: earlierSeconds + run.seconds
    };
}

;// CONCATENATED MODULE: ./src/pipeline/steps.ts
/**
 * Runs the steps of one stage in order: one log group each, with its duration; stores what each returns
 * under its name; stops at the first failure.
 */

/** Appends to `timings` as it goes, so a caller still has them when a step throws. */
async function runSteps(ctx, store, steps, reporter, timings) {
    for (const step of steps) {
        const started = performance.now();
        let outcome = 'failed';
        try {
            await reporter.group(step.name, async () => {
                await runOne(ctx, store, step);
                outcome = 'ok';
            });
        }
        finally {
            const seconds = (performance.now() - started) / 1000;
            timings.push({ name: step.name, seconds, outcome });
            reporter.info(`${step.name}: ${outcome} in ${seconds.toFixed(2)} s`);
        }
    }
}
async function runOne(ctx, store, step) {
    try {
        store[step.name] = await step.run(ctx);
    }
    catch (error) {
        // A failed gate still decided (and carried out) something: the summary and outputs must tell it.
        if (error instanceof errors/* GateFailedError */.To)
            store.gate = error.decision;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/run-stage.ts





















/** The steps of a stage job, in the order they run: the tools first, so that a missing one commits nothing. */
const STEPS = [
    installStep,
    commitStep,
    deployStep,
    testStep,
    evaluateStep,
    gateStep
];
/**
 * A stage fanned out over jobs (a matrix of load jobs between two): `hold` deploys and holds without a
 * gate; `results` judges the files of tests run elsewhere first (a bad input fails before anything
 * changes), takes over the held deploy instead of deploying, and gates it as any stage job does.
 */
function stepsFor(config) {
    if (config.hold)
        return [installStep, commitStep, deployStep, holdStep];
    if (config.results)
        return [resultsTestStep, installStep, adoptStep, evaluateStep, gateStep];
    return STEPS;
}
async function runStage(config, reporter, tempDir, steps = stepsFor(config)) {
    const plan = (0,shipyard_plan/* planStage */.c)(await (0,shipyard/* loadShipyard */.HO)(config.shipyardFile), config.stage, config.project, config.namespace);
    const store = {};
    const key = { project: plan.project, stage: plan.stage, service: config.service };
    const ctx = { config, plan, key, tempDir, log: reporter, results: store };
    // The runner masks the token, not the base64 form git sends; mask that too before git ever runs.
    if (config.githubToken)
        reporter.mask((0,git/* basicCredential */.gp)(config.githubToken));
    preflight(ctx);
    reporter.info(`${config.service}:${config.tag} -> ${plan.project}/${plan.stage} (namespace ${plan.namespace})`);
    const timings = [];
    let failure;
    // Why, for the summary: a failed gate is told by its objectives (or the test), anything else by the error.
    let why;
    try {
        await runSteps(ctx, store, steps, reporter, timings);
    }
    catch (error) {
        failure = (0,errors/* describe */.q0)(error);
        why = error instanceof errors/* GateFailedError */.To ? gateWhy(ctx) : failure;
        await undoUnjudgedDeploy(ctx, failure);
    }
    reporter.info(overheadLine(ctx, timings));
    const evaluation = ctx.results.evaluate?.evaluation;
    if (evaluation)
        objectiveAnnotations(evaluation, config.workspace).forEach(a => reporter.annotate(a));
    return {
        outputs: collectOutputs(ctx.results, plan, failure !== undefined),
        summary: summary(ctx, plan, timings, why),
        failure
    };
}
/** The files that decide the tests and the gate are read before anything changes: a typo cannot half-run a stage. */
function preflight(ctx) {
    const { config, plan } = ctx;
    if (config.gate.kind === 'slo')
        (0,slo.loadSlo)(config.gate.file);
    if (config.gate.kind === 'thresholds')
        (0,thresholds/* parseThresholds */.S)(config.gate.text);
    if (config.jmeterDir && plan.testStrategy)
        workloadFor(readWorkloads(config.jmeterDir, config.workspace, ctx.log), plan.testStrategy);
    if (config.hold && !plan.deploymentStrategy)
        throw new errors/* InputError */.dz('hold', `a stage that deploys (stage ${plan.stage} is a quality gate only)`, 'true');
    if (config.results && !plan.testStrategy)
        throw new errors/* InputError */.dz('results', `a stage with a test strategy: stage ${plan.stage} has none to judge them by`);
    // Prometheus is queried for the test's window, which only a job that ran the test knows.
    if (config.results && config.prometheus)
        throw new errors/* InputError */.dz('prometheus-url', "none beside 'results' (the gate job does not know the test's window)");
}
function gateWhy(ctx) {
    const test = ctx.results.test;
    if (ctx.results.evaluate || !test || test.verdict === 'pass')
        return undefined;
    return `${test.workload} test: ${test.reason}`;
}
/**
 * The run broke before the gate judged. After a deploy: the new version must not stay live unjudged. When
 * the deploy itself failed (helm put the release back): the config branch must not keep naming it.
 */
async function undoUnjudgedDeploy(ctx, failure) {
    if (ctx.results.gate)
        return;
    try {
        if (ctx.results.deploy)
            await rollBack(ctx, `the run failed before the gate: ${failure}`);
        else if (ctx.results.commit?.changed)
            await undoCommit(ctx, `the deploy failed: ${failure}`);
    }
    catch (error) {
        ctx.log.warning(`Rollback after the failure did not complete: ${(0,errors/* describe */.q0)(error)}`);
    }
}
/** What the action itself cost: the stage's time beyond helm's upgrade --wait, JMeter's runs and Prometheus. */
function overheadLine(ctx, timings) {
    const total = timings.reduce((sum, t) => sum + t.seconds, 0);
    const helm = ctx.results.deploy?.helmSeconds ?? 0;
    const jmeter = ctx.results.test?.jmeterSeconds ?? 0;
    const prometheus = ctx.results.evaluate?.evaluation.prometheus?.seconds ?? 0;
    const own = total - helm - jmeter - prometheus;
    const waited = prometheus > 0 ? `, Prometheus ${prometheus.toFixed(2)} s` : '';
    return `Stage time ${total.toFixed(2)} s: helm ${helm.toFixed(2)} s, JMeter ${jmeter.toFixed(2)} s${waited}, the action's own work ${own.toFixed(2)} s`;
}
function summary(ctx, plan, timings, failure) {
    const { config, results } = ctx;
    const commitUrl = config.configRepo.startsWith('https://') && results.commit?.sha
        ? `${config.configRepo.replace(/\.git$/, '')}/commit/${results.commit.sha}`
        : undefined;
    return renderSummary({
        project: plan.project,
        stage: plan.stage,
        namespace: plan.namespace,
        service: config.service,
        image: config.image,
        tag: config.tag,
        strategy: plan.deploymentStrategy ?? 'quality gate only',
        testStrategy: plan.testStrategy,
        decision: results.gate,
        failure,
        evaluation: results.evaluate?.evaluation,
        failureCauses: results.test?.causes,
        trend: [...(results.evaluate?.history ?? [])].reverse(),
        configCommit: results.commit?.sha ? { sha: results.commit.sha, url: commitUrl } : undefined,
        runUrl: config.runUrl,
        timings
    });
}

;// CONCATENATED MODULE: ./src/cli/commands/run.ts
/** `run`: one stage of the pipeline from a terminal, against the current kube context; same code as the action. */









// The kubeconfig and token are files or environment here: never secrets on a command line.
const NOT_FLAGS = ['kubeconfig', 'github-token'];
function runCommand() {
    const command = new esm/* Command */.uB('run').description('Run one stage (commit, install, deploy, test, evaluate, gate) against the current kube context.');
    for (const [name, spec] of Object.entries(INPUTS)) {
        if (NOT_FLAGS.includes(name))
            continue;
        const option = new esm/* Option */.c$(`--${name} <value>`, spec.description);
        command.addOption('required' in spec ? option.makeOptionMandatory() : option);
    }
    return command
        .option('--kubeconfig-file <file>', 'kubeconfig to use (default: KUBECONFIG or ~/.kube/config)')
        .option('--summary <file>', 'write the job summary (markdown) to this file')
        .option('--out <dir>', 'keep the JMeter results and evaluation.json in this folder (without it they are removed at the end, and not printed)')
        .option('--json', 'print the outputs as JSON')
        .action(async (options) => {
        const raw = Object.fromEntries(Object.keys(INPUTS).map(name => [name, options[camel(name)]]));
        raw['github-token'] = process.env.GITHUB_TOKEN;
        if (typeof options.kubeconfigFile === 'string')
            raw.kubeconfig = (0,user_file/* readUserFile */.E1)(options.kubeconfigFile, 'small');
        const config = buildConfig(raw, { workspace: process.cwd() });
        const tempDir = await (0,promises_.mkdtemp)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 'carts-deploy-'));
        try {
            const outcome = await runStage(config, consoleReporter, tempDir);
            if (typeof options.summary === 'string')
                await (0,promises_.writeFile)(options.summary, outcome.summary);
            const outputs = await keepFiles(outcome.outputs, typeof options.out === 'string' ? external_node_path_default().resolve(options.out) : undefined);
            process.stdout.write(options.json ? `${JSON.stringify(outputs, null, 2)}\n` : formatOutputs(outputs));
            if (outcome.failure)
                process.stderr.write(`carts-deploy: ${outcome.failure}\n`);
            process.exitCode = outcome.failure ? errors/* EXIT */.dc.failed : errors/* EXIT */.dc.ok;
        }
        finally {
            await (0,promises_.rm)(tempDir, { recursive: true, force: true });
        }
    });
}
/**
 * The run's temp folder (which also held the kubeconfig) is removed at the end: the files the outputs name
 * are copied to `out` first and named there, or not named at all.
 */
async function keepFiles(outputs, out) {
    const kept = { ...outputs, 'results-dir': undefined, evaluation: undefined };
    if (!out)
        return kept;
    await (0,promises_.mkdir)(out, { recursive: true });
    for (const [name, file] of [
        ['results-dir', 'jmeter-results'],
        ['evaluation', 'evaluation.json']
    ]) {
        const from = outputs[name];
        if (!from)
            continue;
        await (0,promises_.cp)(from, external_node_path_default().join(out, file), { recursive: true });
        kept[name] = external_node_path_default().join(out, file);
    }
    return kept;
}
const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
const formatOutputs = (outputs) => Object.entries(outputs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${v}\n`)
    .join('');
const consoleReporter = {
    info: message => process.stderr.write(`${message}\n`),
    warning: message => process.stderr.write(`warning: ${message}\n`),
    debug: message => {
        if (process.env.CARTS_DEBUG)
            process.stderr.write(`debug: ${message}\n`);
    },
    group: async (name, work) => {
        process.stderr.write(`\n▶ ${name}\n`);
        return work();
    },
    // A terminal keeps no log that a mask could protect; secrets are never printed in the first place.
    mask: () => undefined,
    annotate: a => process.stderr.write(`${a.file ?? ''}${a.line ? `:${a.line}` : ''}: ${a.level}: ${a.title}: ${a.message}\n`)
};


/***/ }),

/***/ 2957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   comparison: () => (/* binding */ comparison),
/* harmony export */   loadSlo: () => (/* binding */ loadSlo),
/* harmony export */   parseSlo: () => (/* binding */ parseSlo)
/* harmony export */ });
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(444);
/* harmony import */ var _files_mini_schema_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8014);
/* harmony import */ var _files_user_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3355);
/* harmony import */ var _files_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9071);
/* harmony import */ var _criteria_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6824);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8933);
/** Keptn slo.yaml: schema, defaults, and objectives that remember their line. */






const scalar = { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] };
const groups = {
    type: 'array',
    nullable: true,
    items: {
        type: 'object',
        nullable: true,
        properties: { criteria: { type: 'array', nullable: true, items: scalar } },
        additionalProperties: false
    }
};
const percent = { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'null' }] };
const SCHEMA = {
    type: 'object',
    properties: {
        spec_version: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        filter: { type: 'object', nullable: true },
        comparison: {
            type: 'object',
            nullable: true,
            properties: {
                compare_with: { type: 'string', nullable: true, enum: ['single_result', 'several_results', null] },
                include_result_with_score: {
                    type: 'string',
                    nullable: true,
                    enum: ['pass', 'pass_or_warn', 'all', null]
                },
                number_of_comparison_results: { type: 'integer', nullable: true, minimum: 1 },
                aggregate_function: { type: 'string', nullable: true, enum: ['avg', 'p50', 'p90', 'p95', null] }
            },
            additionalProperties: false
        },
        objectives: {
            type: 'array',
            nullable: true,
            items: {
                type: 'object',
                required: ['sli'],
                properties: {
                    sli: { type: 'string', minLength: 1 },
                    displayName: { type: 'string', nullable: true },
                    key_sli: { type: 'boolean', nullable: true },
                    weight: { type: 'number', nullable: true, minimum: 0 },
                    pass: groups,
                    warning: groups
                },
                additionalProperties: false
            }
        },
        total_score: {
            type: 'object',
            nullable: true,
            properties: { pass: percent, warning: percent },
            additionalProperties: false
        }
    },
    additionalProperties: false
};
function loadSlo(file) {
    return (0,_files_user_file_js__WEBPACK_IMPORTED_MODULE_1__/* .parseUserFile */ .HJ)(file, 'yaml', text => parseSlo(text, file));
}
/** Parses slo.yaml text; schema errors throw ConfigFileError with the line. */
function parseSlo(text, file) {
    const src = (0,_files_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .parseYaml */ .hN)(text, file);
    if (src.value === null || src.value === undefined)
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigFileError */ .x(file, 1, 'is empty');
    const error = (0,_files_mini_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .check */ .z)(SCHEMA, src.value);
    if (error) {
        const where = error.path.length ? error.path.join('.') : 'document';
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigFileError */ .x(file, (0,_files_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .lineAt */ .mh)(src, error.path), `${where}: ${error.message}`);
    }
    const raw = src.value;
    const notes = [];
    const objectives = (raw.objectives ?? []).map((o, i) => {
        const lineOf = (...path) => (0,_files_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .lineAt */ .mh)(src, ['objectives', i, ...path]);
        return objective(o, lineOf, notes, (line, detail) => new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigFileError */ .x(file, line, `objectives.${i}.${detail}`));
    });
    checkWeights(objectives, file, i => (0,_files_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .lineAt */ .mh)(src, ['objectives', i, 'weight']));
    const totalScore = {
        pass: scoreThreshold(raw.total_score?.pass, 'pass', file, (0,_files_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .lineAt */ .mh)(src, ['total_score', 'pass'])),
        warning: scoreThreshold(raw.total_score?.warning, 'warning', file, (0,_files_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .lineAt */ .mh)(src, ['total_score', 'warning']))
    };
    if (totalScore.pass === null)
        notes.push(`${file}: no total_score.pass; a score of 90% is needed to pass`);
    return {
        file,
        comparison: comparison(raw),
        objectives,
        totalScore: { pass: totalScore.pass ?? 90, warning: totalScore.warning },
        ...(raw.filter && Object.keys(raw.filter).length ? { filters: filtersOf(raw.filter, src) } : {}),
        notes
    };
}
/** Keptn's `filter:` (e.g. `handler: ItemsController.addToCart`): placeholders of the SLI queries. */
function filtersOf(filter, src) {
    return Object.fromEntries(Object.entries(filter).map(([key, value]) => {
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigFileError */ .x(src.file, (0,_files_yaml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .lineAt */ .mh)(src, ['filter', key]), `filter.${key}: expected a string`);
        return [key, String(value)];
    }));
}
/** Lighthouse defaults: no block → single_result/all/1/avg; empty fields → all, 3 results, avg. */
function comparison(raw) {
    if (raw.comparison === undefined)
        return _history_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_COMPARISON */ .KJ;
    const c = raw.comparison ?? {};
    const compareWith = c.compare_with ?? 'single_result';
    return {
        compareWith,
        includeResultWithScore: c.include_result_with_score ?? 'all',
        numberOfComparisonResults: compareWith === 'single_result' ? 1 : (c.number_of_comparison_results ?? 3),
        aggregateFunction: c.aggregate_function ?? 'avg'
    };
}
/** The largest total of weights a score can be computed from (100 × the total must stay finite). */
const MAX_TOTAL_WEIGHT = Number.MAX_VALUE / 1000;
function objective(o, lineOf, notes, fileError) {
    const line = lineOf();
    const errors = [];
    const parse = (kind, list) => (list ?? []).map((group, g) => {
        const items = group?.criteria ?? [];
        if (items.length === 0)
            errors.push({ text: '', message: 'a criteria list is empty' });
        const parsed = items.map(item => (0,_criteria_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCriterion */ .Jn)(String(item)));
        const good = [];
        parsed.forEach((c, k) => {
            if (!(0,_criteria_js__WEBPACK_IMPORTED_MODULE_5__/* .isCriterionError */ .Ii)(c))
                good.push(c);
            // Well formed but its number is not finite (e.g. 400 digits): the file is wrong, not the run.
            else if ((0,_criteria_js__WEBPACK_IMPORTED_MODULE_5__/* .hasInfiniteNumber */ .mP)(c.text))
                throw fileError(lineOf(kind, g, 'criteria', k), `${kind}.${g}.criteria.${k}: ${c.message}`);
            else
                errors.push(c);
        });
        return good;
    });
    const pass = parse('pass', o.pass);
    const warning = parse('warning', o.warning);
    for (const c of [...pass, ...warning].flat()) {
        if (c.percent && c.amount >= 0 && !c.text.includes('+')) {
            notes.push(`${o.sli}: "${c.text.trim()}" is relative to earlier runs (a % makes a Keptn criterion relative); write "${c.operator}${c.amount}" for a fixed limit`);
        }
    }
    return {
        sli: o.sli,
        ...(o.displayName ? { displayName: o.displayName } : {}),
        keySli: o.key_sli === true,
        // Keptn: a missing or zero weight counts as 1. (Non-finite weights never get here: parseYaml refuses them.)
        weight: o.weight ? o.weight : 1,
        pass,
        warning,
        errors,
        ...(line === undefined ? {} : { line })
    };
}
/** Weights whose total would overflow the score (1e308 twice is Infinity, and the score NaN) are refused. */
function checkWeights(objectives, file, lineOf) {
    let sum = 0;
    for (const [i, o] of objectives.entries()) {
        sum += o.weight;
        if (!(Number.isFinite(o.weight) && sum <= MAX_TOTAL_WEIGHT))
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigFileError */ .x(file, lineOf(i), `objectives.${i}.weight: ${o.weight} makes the total of the weights too large to score (keep weights small, e.g. 1 to 10)`);
    }
}
/** "90%", "90" or 90 → 90; absent → null. */
function scoreThreshold(value, key, file, line) {
    if (value === null || value === undefined)
        return null;
    const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(String(value));
    const n = m ? Number(m[1]) : NaN;
    if (!(n >= 0 && n <= 100))
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigFileError */ .x(file, line, `total_score.${key}: expected a percentage like "90%", got ${JSON.stringify(value)}`);
    return n;
}


/***/ }),

/***/ 5355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ planStage)
/* harmony export */ });
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(444);
/** The plan of one stage: everything the pipeline needs to know from the shipyard. */

function planStage(shipyard, stage, project, namespace) {
    const index = shipyard.stages.findIndex(s => s.name === stage);
    if (index < 0) {
        const known = shipyard.stages.map(s => s.name).join(', ');
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('stage', `one of the stages of ${shipyard.source} (${known})`, stage);
    }
    const spec = shipyard.stages[index];
    return {
        project,
        stage,
        namespace: namespace ?? `${project}-${stage}`,
        deploymentStrategy: spec.deploymentStrategy,
        testStrategy: spec.testStrategy,
        approval: spec.approval,
        nextStage: shipyard.stages[index + 1]?.name,
        shipyard: shipyard.source
    };
}


/***/ })

};
