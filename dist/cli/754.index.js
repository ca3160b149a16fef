export const id = 754;
export const ids = [754];
export const modules = {

/***/ 1754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describePlan: () => (/* binding */ describePlan),
/* harmony export */   planCommand: () => (/* binding */ planCommand)
/* harmony export */ });
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _config_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6234);
/* harmony import */ var _config_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9311);
/* harmony import */ var _config_shipyard_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3527);
/** `plan`: what a stage of the shipyard will do. */




function planCommand() {
    return new commander__WEBPACK_IMPORTED_MODULE_0__/* .Command */ .uB('plan')
        .description('Print the plan of one stage: namespace, strategies, approval, next stage.')
        .requiredOption('--stage <name>', 'stage of the shipyard')
        .option('--shipyard <file>', 'Keptn shipyard.yaml (default: the embedded dev, staging, production)')
        .option('--project <name>', 'project name', 'sockshop')
        .option('--namespace <name>', 'namespace instead of <project>-<stage>')
        .option('--json', 'print JSON')
        .action(async (options) => {
        if (options.namespace)
            (0,_config_names_js__WEBPACK_IMPORTED_MODULE_1__/* .dnsLabel */ .UG)('namespace', options.namespace);
        const shipyard = await (0,_config_shipyard_js__WEBPACK_IMPORTED_MODULE_3__/* .loadShipyard */ .HO)(options.shipyard);
        const plan = (0,_config_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .planStage */ .c)(shipyard, options.stage, (0,_config_names_js__WEBPACK_IMPORTED_MODULE_1__/* .dnsLabel */ .UG)('project', options.project), options.namespace);
        process.stdout.write(options.json ? `${JSON.stringify(plan, null, 2)}\n` : describePlan(plan));
    });
}
function describePlan(plan) {
    const rows = [
        ['stage', plan.stage],
        ['namespace', plan.namespace],
        ['deployment', plan.deploymentStrategy ?? 'none (quality gate only)'],
        ['test', plan.testStrategy ?? 'none'],
        ['approval', `pass ${plan.approval.pass}, warning ${plan.approval.warning}`],
        ['next stage', plan.nextStage ?? '(last stage)'],
        ['shipyard', plan.shipyard]
    ];
    return rows.map(([k, v]) => `${k.padEnd(11)} ${v}\n`).join('');
}


/***/ }),

/***/ 6234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UG: () => (/* binding */ dnsLabel),
/* harmony export */   an: () => (/* binding */ imageRepository),
/* harmony export */   ep: () => (/* binding */ pathInWorkspace),
/* harmony export */   fX: () => (/* binding */ toolVersion),
/* harmony export */   o8: () => (/* binding */ durationSeconds),
/* harmony export */   q3: () => (/* binding */ httpUrl),
/* harmony export */   uR: () => (/* binding */ ociTag),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/** Pure checks for the names and values users hand us. Each returns the value or throws an InputError. */


const OCI_TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
// registry[:port]/path components, lower case, as the OCI distribution spec allows; no tag or digest here.
const IMAGE_REPOSITORY = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
function ociTag(input, value) {
    if (!OCI_TAG.test(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'an OCI image tag ([A-Za-z0-9_][A-Za-z0-9._-]{0,127})', value);
    return value;
}
function dnsLabel(input, value) {
    if (!DNS_LABEL.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'a Kubernetes DNS label (lower-case letters, digits and -, at most 63)', value);
    }
    return value;
}
function imageRepository(input, value) {
    if (value.length > 255 || !IMAGE_REPOSITORY.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'an image repository without tag, e.g. docker.io/keptnexamples/carts', value);
    }
    return value;
}
/** Helm-style durations: 300, 300s, 5m, 1h30m. */
function durationSeconds(input, value) {
    const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value.trim());
    const [, h = '0', m = '0', s = '0'] = match ?? [];
    const seconds = Number(h) * 3600 + Number(m) * 60 + Number(s);
    if (!match || !value.trim() || seconds <= 0 || seconds > 6 * 3600) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'a duration such as 300s, 5m or 1h30m (at most 6h)', value);
    }
    return seconds;
}
/** Resolves a user path against the workspace and refuses one that leaves it. */
function pathInWorkspace(input, value, workspace) {
    if (value.includes('\0') || /[\r\n]/.test(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'a path on one line', value);
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(workspace, value);
    const relative = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(workspace, resolved);
    if (relative.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_0___default().isAbsolute(relative)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `a path inside the workspace (${workspace})`, value);
    }
    return resolved;
}
function oneOf(input, value, allowed) {
    if (allowed.includes(value))
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `one of ${allowed.join(', ')}`, value);
}
/** A semantic version (1.2.3) or the word 'system' for the tool already on PATH. */
function toolVersion(input, value) {
    if (value === 'system')
        return { kind: 'system' };
    const version = value.replace(/^v/, '');
    if (!/^\d+\.\d+\.\d+$/.test(version))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, "an exact version such as 3.18.4, or 'system'", value);
    return { kind: 'pinned', version };
}
function httpUrl(input, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'an http(s) URL', value);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'an http(s) URL', value);
    return value.replace(/\/+$/, '');
}


/***/ }),

/***/ 9311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ planStage)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/** The plan of one stage: everything the pipeline needs to know from the shipyard. */

function planStage(shipyard, stage, project, namespace) {
    const index = shipyard.stages.findIndex(s => s.name === stage);
    if (index < 0) {
        const known = shipyard.stages.map(s => s.name).join(', ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('stage', `one of the stages of ${shipyard.source} (${known})`, stage);
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


/***/ }),

/***/ 3527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HO: () => (/* binding */ loadShipyard)
});

// UNUSED EXPORTS: DEFAULT_SHIPYARD, parseShipyard

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/config/yaml-file.ts
var yaml_file = __webpack_require__(2434);
;// CONCATENATED MODULE: ./src/config/shipyard-model.ts
/** The one model of a shipyard that both Keptn formats are read into. */


const STAGE_NAME_PATTERN = '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$';
const approvalValueSchema = { enum: ['automatic', 'manual'] };
function checkUniqueNames(src, names, at) {
    const seen = new Set();
    names.forEach((name, i) => {
        if (seen.has(name))
            throw new errors/* ConfigFileError */.x(src.file, (0,yaml_file/* lineAt */.mh)(src, [...at, i]), `stage '${name}' appears twice`);
        seen.add(name);
    });
}

;// CONCATENATED MODULE: ./src/config/shipyard-v01.ts


const approvalMap = {
    type: 'object',
    properties: { pass: approvalValueSchema, warning: approvalValueSchema },
    additionalProperties: false
};
const validate = (0,yaml_file/* compileSchema */.Fc)({
    type: 'object',
    required: ['stages'],
    properties: {
        registry: { type: 'string' },
        stages: {
            type: 'array',
            minItems: 1,
            items: {
                type: 'object',
                required: ['name'],
                properties: {
                    name: { type: 'string', pattern: STAGE_NAME_PATTERN },
                    deployment_strategy: { enum: ['direct', 'blue_green_service'] },
                    test_strategy: { type: 'string' },
                    remediation_strategy: { type: 'string' },
                    // Both shapes exist in the wild: a map, and a list of one-key maps.
                    approval_strategy: {
                        anyOf: [approvalMap, { type: 'array', items: { ...approvalMap, maxProperties: 1 } }]
                    }
                },
                additionalProperties: false
            }
        }
    },
    additionalProperties: false
});
function readV01(src) {
    const doc = (0,yaml_file/* checkSchema */._U)(src, validate);
    checkUniqueNames(src, doc.stages.map(s => s.name), ['stages']);
    return { source: src.file, stages: doc.stages.map(toStage) };
}
function toStage(stage) {
    const approval = Array.isArray(stage.approval_strategy)
        ? Object.assign({}, ...stage.approval_strategy)
        : (stage.approval_strategy ?? {});
    return {
        name: stage.name,
        deploymentStrategy: stage.deployment_strategy,
        testStrategy: stage.test_strategy?.trim() || undefined,
        approval: { pass: approval.pass ?? 'automatic', warning: approval.warning ?? 'automatic' }
    };
}

;// CONCATENATED MODULE: ./src/config/shipyard-v02.ts
/**
 * Keptn shipyard spec 0.2.x (Keptn 0.8+): stages with task sequences. The delivery sequence of each
 * stage maps onto this pipeline; anything it cannot honour is refused by name and line.
 */



const SUPPORTED_TASKS = new Set(['deployment', 'test', 'evaluation', 'approval', 'release', 'rollback']);
const DELIVERY_NAMES = ['delivery', 'artifact-delivery'];
const shipyard_v02_validate = (0,yaml_file/* compileSchema */.Fc)({
    type: 'object',
    required: ['apiVersion', 'kind', 'spec'],
    properties: {
        apiVersion: { type: 'string', pattern: '^spec\\.keptn\\.sh/0\\.2\\.[0-9]+$' },
        kind: { const: 'Shipyard' },
        metadata: { type: 'object' },
        spec: {
            type: 'object',
            required: ['stages'],
            properties: {
                stages: {
                    type: 'array',
                    minItems: 1,
                    items: {
                        type: 'object',
                        required: ['name'],
                        properties: {
                            name: { type: 'string', pattern: STAGE_NAME_PATTERN },
                            sequences: {
                                type: 'array',
                                items: {
                                    type: 'object',
                                    required: ['name', 'tasks'],
                                    properties: {
                                        name: { type: 'string' },
                                        tasks: {
                                            type: 'array',
                                            items: {
                                                type: 'object',
                                                required: ['name'],
                                                properties: { name: { type: 'string' }, properties: { type: ['object', 'null'] } }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
});
function readV02(src) {
    const doc = (0,yaml_file/* checkSchema */._U)(src, shipyard_v02_validate);
    const stages = doc.spec.stages;
    checkUniqueNames(src, stages.map(s => s.name), ['spec', 'stages']);
    return { source: src.file, stages: stages.map((stage, i) => shipyard_v02_toStage(src, stage, ['spec', 'stages', i])) };
}
function shipyard_v02_toStage(src, stage, at) {
    const sequences = stage.sequences ?? [];
    const index = deliveryIndex(sequences);
    const base = { name: stage.name, approval: { pass: 'automatic', warning: 'automatic' } };
    if (index < 0)
        return base;
    const seqAt = [...at, 'sequences', index, 'tasks'];
    return sequences[index].tasks.reduce((spec, task, t) => applyTask(src, spec, task, [...seqAt, t]), base);
}
/** The sequence this pipeline runs: 'delivery', 'artifact-delivery', else the first that deploys. */
function deliveryIndex(sequences) {
    for (const name of DELIVERY_NAMES) {
        const i = sequences.findIndex(s => s.name === name);
        if (i >= 0)
            return i;
    }
    const deploying = sequences.findIndex(s => s.tasks.some(t => t.name === 'deployment'));
    return deploying >= 0 ? deploying : sequences.findIndex(s => s.tasks.some(t => t.name === 'evaluation'));
}
function applyTask(src, spec, task, at) {
    const refuse = (what, property) => {
        const where = property ? [...at, 'properties', property] : at;
        throw new errors/* ConfigFileError */.x(src.file, (0,yaml_file/* lineAt */.mh)(src, where), `stage '${spec.name}': ${what}`);
    };
    if (!SUPPORTED_TASKS.has(task.name)) {
        return refuse(`task '${task.name}' is not supported (supported: ${[...SUPPORTED_TASKS].join(', ')})`);
    }
    const props = task.properties ?? {};
    switch (task.name) {
        case 'deployment':
            return { ...spec, deploymentStrategy: deploymentStrategy(props.deploymentstrategy, refuse) };
        case 'test':
            return { ...spec, testStrategy: stringProp(props.teststrategy) ?? 'functional' };
        case 'approval':
            return {
                ...spec,
                approval: {
                    pass: approval(props.pass, 'pass', refuse),
                    warning: approval(props.warning, 'warning', refuse)
                }
            };
        default:
            return spec;
    }
}
function deploymentStrategy(value, refuse) {
    const strategy = stringProp(value) ?? 'direct';
    if (strategy === 'direct' || strategy === 'blue_green_service')
        return strategy;
    return refuse(`deploymentstrategy '${strategy}' is not supported (expected direct or blue_green_service)`, 'deploymentstrategy');
}
function approval(value, key, refuse) {
    const text = stringProp(value) ?? 'automatic';
    if (approvalValueSchema.enum.includes(text))
        return text;
    return refuse(`approval ${key} '${text}' is not supported (expected automatic or manual)`, key);
}
function stringProp(value) {
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

;// CONCATENATED MODULE: ./src/config/shipyard.ts
/** Loads a shipyard from text or file, or gives the embedded default. */





function parseShipyard(text, file) {
    const src = (0,yaml_file/* parseYaml */.hN)(text, file);
    const apiVersion = src.value?.apiVersion;
    return apiVersion === undefined ? readV01(src) : readV02(src);
}
async function loadShipyard(file) {
    if (file === undefined)
        return DEFAULT_SHIPYARD;
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigFileError */.x(file, undefined, `cannot read the shipyard (${error.code})`);
    }
    return parseShipyard(text, file);
}
/** The carts hackfest pipeline: used when no shipyard is given. */
const DEFAULT_SHIPYARD = {
    source: '(embedded default)',
    stages: [
        {
            name: 'dev',
            deploymentStrategy: 'direct',
            testStrategy: 'functional',
            approval: { pass: 'automatic', warning: 'automatic' }
        },
        {
            name: 'staging',
            deploymentStrategy: 'blue_green_service',
            testStrategy: 'performance',
            approval: { pass: 'automatic', warning: 'automatic' }
        },
        {
            name: 'production',
            deploymentStrategy: 'blue_green_service',
            approval: { pass: 'automatic', warning: 'automatic' }
        }
    ]
};


/***/ }),

/***/ 2434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fc: () => (/* binding */ compileSchema),
/* harmony export */   _U: () => (/* binding */ checkSchema),
/* harmony export */   hN: () => (/* binding */ parseYaml),
/* harmony export */   mh: () => (/* binding */ lineAt)
/* harmony export */ });
/* unused harmony export pointerToPath */
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2463);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(ajv__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/** YAML documents that remember where each value came from, and schema checks that report the line. */



const ajv = new ajv__WEBPACK_IMPORTED_MODULE_2__.Ajv({ allErrors: false, strict: true });
function compileSchema(schema) {
    return ajv.compile(schema);
}
/** Parses YAML text; syntax errors become a ConfigFileError with the line. */
function parseYaml(text, file) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const first = doc.errors[0];
    if (first) {
        const line = first.linePos?.[0]?.line ?? lines.linePos(first.pos[0]).line;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(file, line, `invalid YAML: ${first.message.split('\n')[0]}`);
    }
    return { file, doc, lines, value: doc.toJS({ maxAliasCount: 100 }) };
}
/** The 1-based line of the node at `path`, or of its nearest existing parent. */
function lineAt(src, path) {
    for (let depth = path.length; depth >= 0; depth--) {
        const node = src.doc.getIn(path.slice(0, depth), true);
        const start = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(node) ? node.range?.[0] : depth === 0 ? src.doc.contents?.range?.[0] : undefined;
        if (start !== undefined)
            return src.lines.linePos(start).line;
    }
    return undefined;
}
/** Validates the parsed value; the first error names its location, line and what was expected. */
function checkSchema(src, validate) {
    if (validate(src.value))
        return src.value;
    const error = validate.errors?.[0];
    if (!error)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(src.file, undefined, 'does not match its schema');
    const path = pointerToPath(error.instancePath);
    const where = path.length ? path.join('.') : 'document';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(src.file, lineAt(src, path), `${where}: ${explain(error)}`);
}
function pointerToPath(pointer) {
    if (!pointer)
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map(part => (/^\d+$/.test(part) ? Number(part) : part));
}
function explain(error) {
    const p = error.params;
    switch (error.keyword) {
        case 'enum':
            return `expected one of ${p.allowedValues.map(v => JSON.stringify(v)).join(', ')}`;
        case 'additionalProperties':
            return `unknown key '${String(p.additionalProperty)}'`;
        case 'required':
            return `missing required key '${String(p.missingProperty)}'`;
        case 'type':
            return `expected ${String(p.type)}`;
        default:
            return error.message ?? 'invalid';
    }
}


/***/ })

};
