export const id = 336;
export const ids = [336];
export const modules = {

/***/ 2682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   evaluateCommand: () => (/* binding */ evaluateCommand)
/* harmony export */ });
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(444);
/* harmony import */ var _contracts_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(279);
/* harmony import */ var _prometheus_settings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9407);
/* harmony import */ var _results_file_results_paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6448);
/* harmony import */ var _scoring_evaluate_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3118);
/* harmony import */ var _scoring_explain_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5986);
/* harmony import */ var _scoring_history_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8933);
/* harmony import */ var _scoring_unscored_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2244);
/* harmony import */ var _scoring_values_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6243);
/**
 * `evaluate`: the quality gate on a results file (or given SLI values), Keptn lighthouse scoring; with
 * --prometheus-url also SLIs queried from Prometheus (an sli.yaml), or a pitometer gate (a perfspec.json,
 * or Keptn 0.5's service-indicators.yaml + service-objectives.yaml).
 */










const collect = (value, previous) => [...previous, value];
function evaluateCommand() {
    return new commander__WEBPACK_IMPORTED_MODULE_0__/* .Command */ .uB('evaluate')
        .description('Evaluate results against an SLO. Exit 0 pass or warning, 1 fail, 2 unusable input.')
        .option('--results <path>', 'JMeter results file (JTL, CSV or XML), or a folder of them; repeatable: all judged as one test', collect, [])
        .option('--prometheus-url <url>', 'Prometheus to query the SLIs of --sli, --perfspec or the 0.5 pair from (token: $PROMETHEUS_TOKEN)')
        .option('--sli <file>', "Keptn sli.yaml: PromQL per SLI, scored by --slo beside the results file's SLIs")
        .option('--perfspec <file>', "Keptn 0.4 pitometer perfspec.json: the whole gate, pitometer's scoring")
        .option('--service-indicators <file>', 'Keptn 0.5 service-indicators.yaml (with --service-objectives)')
        .option('--service-objectives <file>', 'Keptn 0.5 service-objectives.yaml (with --service-indicators)')
        .option('--start <time>', 'start of the test window: RFC 3339 or unix seconds')
        .option('--end <time>', 'end of the test window (the queries run at this time)')
        .option('--project <name>', 'for $PROJECT')
        .option('--stage <name>', 'for $STAGE and $ENVIRONMENT')
        .option('--service <name>', 'for $SERVICE')
        .option('--deployment <name>', 'for $DEPLOYMENT', 'direct')
        .option('--label <key=value>', 'for $LABEL.<key> (repeatable)', collect, [])
        .option('--values <file.json>', 'JSON object of SLI name to number (or null), instead of --results')
        .option('--slo <file>', 'Keptn slo.yaml')
        .option('--thresholds <list>', 'compact gate instead of --slo, e.g. "response_time_p95<600, error_rate<=1"')
        .option('--history <file.json>', 'JSON array of earlier `evaluate --json` outputs, newest first')
        .option('--labels', "also compute every label's SLIs (up to 200 labels)")
        .option('--json', 'print the evaluation as JSON')
        .option('--fail-on-unscored', 'fail a gate that scored nothing (no pass criteria, or only relative ones without a baseline)')
        .action(async (options) => {
        const prometheus = prometheusOf(options);
        const results = (0,_results_file_results_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .resultsFilesOf */ .P)('--results', options.results);
        if (results.length > 0 && options.values !== undefined) {
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--results/--values', 'at most one of --results FILE or --values FILE.json');
        }
        if (results.length === 0 && options.values === undefined && !prometheus) {
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--results/--values', '--results FILE, --values FILE.json or --prometheus-url');
        }
        if (options.slo !== undefined && options.thresholds !== undefined) {
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--slo/--thresholds', 'at most one of --slo or --thresholds');
        }
        const evaluated = await (0,_scoring_evaluate_js__WEBPACK_IMPORTED_MODULE_5__/* .evaluateResults */ .G)({
            ...(results.length > 0 ? { resultsFiles: results } : {}),
            ...(options.values !== undefined ? { values: (0,_scoring_values_js__WEBPACK_IMPORTED_MODULE_8__/* .loadValues */ .F)(options.values) } : {}),
            ...(options.slo !== undefined ? { sloFile: options.slo } : {}),
            ...(options.thresholds !== undefined ? { thresholds: options.thresholds } : {}),
            ...(options.history !== undefined ? { history: (0,_scoring_history_js__WEBPACK_IMPORTED_MODULE_7__/* .loadHistory */ .FB)(options.history) } : {}),
            labels: options.labels === true,
            ...(prometheus ? { prometheus } : {})
        });
        const evaluation = options.failOnUnscored === true ? (0,_scoring_unscored_js__WEBPACK_IMPORTED_MODULE_9__/* .failUnscored */ .i)(evaluated) : evaluated;
        process.stdout.write(options.json ? `${JSON.stringify(evaluation, null, 2)}\n` : (0,_scoring_explain_js__WEBPACK_IMPORTED_MODULE_6__/* .explain */ .W)(evaluation));
        process.exitCode = evaluation.result === 'fail' ? 1 : 0;
    });
}
function prometheusOf(options) {
    const gates = [
        ['--sli', options.sli === undefined ? undefined : { kind: 'sli', file: options.sli }],
        ['--perfspec', options.perfspec === undefined ? undefined : { kind: 'perfspec', file: options.perfspec }],
        ['--service-indicators/--service-objectives', serviceObjectives(options)]
    ];
    const given = gates.filter(([, gate]) => gate !== undefined);
    if (given.length > 1)
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(given.map(([name]) => name).join('/'), 'one Prometheus gate file (or pair), not several');
    const gate = given[0]?.[1];
    if (options.prometheusUrl === undefined) {
        if (gate)
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--prometheus-url', `the Prometheus to query for ${given[0][0]}`);
        return undefined;
    }
    if (!gate)
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--prometheus-url', 'with --sli, --perfspec or the 0.5 pair');
    if (options.start === undefined || options.end === undefined)
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--start/--end', 'the test window the queries are for');
    const authorization = (0,_contracts_names_js__WEBPACK_IMPORTED_MODULE_2__/* .authorizationOf */ .P_)(process.env.PROMETHEUS_TOKEN);
    return {
        endpoint: {
            url: (0,_contracts_names_js__WEBPACK_IMPORTED_MODULE_2__/* .prometheusUrl */ .C7)('--prometheus-url', options.prometheusUrl),
            timeoutMs: _prometheus_settings_js__WEBPACK_IMPORTED_MODULE_3__/* .QUERY_TIMEOUT_MS */ .Qh,
            ...(authorization ? { authorization } : {})
        },
        gate,
        context: {
            project: options.project ?? '',
            stage: options.stage ?? '',
            service: options.service ?? '',
            deployment: options.deployment,
            labels: Object.fromEntries(options.label.map(labelOf)),
            window: (0,_prometheus_settings_js__WEBPACK_IMPORTED_MODULE_3__/* .checkWindow */ .pr)((0,_prometheus_settings_js__WEBPACK_IMPORTED_MODULE_3__/* .parseTime */ .pe)('--start', options.start), (0,_prometheus_settings_js__WEBPACK_IMPORTED_MODULE_3__/* .parseTime */ .pe)('--end', options.end))
        }
    };
}
function serviceObjectives(options) {
    const { serviceIndicators: indicators, serviceObjectives: objectives } = options;
    if (indicators === undefined && objectives === undefined)
        return undefined;
    if (indicators === undefined || objectives === undefined)
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--service-indicators/--service-objectives', 'both files of the Keptn 0.5 pair');
    return { kind: 'service-objectives', indicators, objectives };
}
function labelOf(text) {
    const eq = text.indexOf('=');
    if (eq <= 0)
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--label', 'key=value', text);
    return [text.slice(0, eq), text.slice(eq + 1)];
}


/***/ }),

/***/ 279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C7: () => (/* binding */ prometheusUrl),
/* harmony export */   DC: () => (/* binding */ checkBranch),
/* harmony export */   LK: () => (/* binding */ checkRepo),
/* harmony export */   P_: () => (/* binding */ authorizationOf),
/* harmony export */   UG: () => (/* binding */ dnsLabel),
/* harmony export */   an: () => (/* binding */ imageRepository),
/* harmony export */   ep: () => (/* binding */ pathInWorkspace),
/* harmony export */   fX: () => (/* binding */ toolVersion),
/* harmony export */   mQ: () => (/* binding */ splitReference),
/* harmony export */   o8: () => (/* binding */ durationSeconds),
/* harmony export */   q3: () => (/* binding */ httpUrl),
/* harmony export */   rA: () => (/* binding */ imageReference),
/* harmony export */   rD: () => (/* binding */ wholeNumber),
/* harmony export */   rM: () => (/* binding */ isDnsName),
/* harmony export */   uR: () => (/* binding */ ociTag),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(444);
/** Pure checks for the names and values users hand us. Each returns the value or throws an InputError. */



const OCI_TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
// registry[:port]/path components, lower case, as the OCI distribution spec allows; no tag or digest here.
const IMAGE_REPOSITORY = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
/**
 * Pure: the repository and tag of an image reference, as the registry reads it: a colon after the last
 * slash starts the tag (a registry's port is not one), `@` a digest (kept as the tag); no tag: undefined.
 */
function splitReference(reference) {
    const at = reference.indexOf('@');
    if (at >= 0)
        return { repository: reference.slice(0, at), tag: reference.slice(at + 1) };
    const colon = reference.lastIndexOf(':');
    if (colon <= reference.lastIndexOf('/'))
        return { repository: reference };
    return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) };
}
/** An OCI tag; `..` is refused on top so that no tag can read like a path step on the config branch. */
function ociTag(input, value) {
    if (!OCI_TAG.test(value) || value.includes('..'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, 'an OCI image tag ([A-Za-z0-9_][A-Za-z0-9._-]{0,127}, no "..")', value);
    return value;
}
function dnsLabel(input, value) {
    if (!DNS_LABEL.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, 'a Kubernetes DNS label (lower-case letters, digits and -, at most 63)', value);
    }
    return value;
}
/** Dot-separated DNS labels, at most 253 characters: a host or domain name. */
function isDnsName(value) {
    return value.length <= 253 && value.split('.').every(label => DNS_LABEL.test(label));
}
function imageRepository(input, value) {
    if (value.length > 255 || !IMAGE_REPOSITORY.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, 'an image repository without tag, e.g. docker.io/keptnexamples/carts', value);
    }
    return value;
}
/** An image reference with a tag or a digest (`registry/repo:tag`, `repo@sha256:…`): what a pod names. */
function imageReference(input, value) {
    const { repository, tag } = splitReference(value);
    const tagOk = tag !== undefined && (/^sha256:[a-f0-9]{64}$/.test(tag) || (OCI_TAG.test(tag) && !value.includes('@')));
    if (value.length > 255 || !IMAGE_REPOSITORY.test(repository) || !tagOk)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, 'an image with a tag or digest, e.g. registry.example.com/jmeter:5.6.3', value);
    return value;
}
/** A whole number from `min` to `max`. */
function wholeNumber(input, value, min, max) {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `a whole number from ${min} to ${max}`, value);
    return n;
}
/** Helm-style durations: 300, 300s, 5m, 1h30m. */
function durationSeconds(input, value) {
    const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value.trim());
    const [, h = '0', m = '0', s = '0'] = match ?? [];
    const seconds = Number(h) * 3600 + Number(m) * 60 + Number(s);
    if (!match || !value.trim() || seconds <= 0 || seconds > 6 * 3600) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, 'a duration such as 300s, 5m or 1h30m (at most 6h)', value);
    }
    return seconds;
}
/**
 * Resolves a user path against the workspace and refuses one that leaves it: lexically (`../x`), and then by
 * its real path, symlinks followed (a committed `slo.yaml -> /proc/self/environ`), against the workspace's own
 * real path. Returns the real path, so that what is read later is what was checked. A path that does not exist
 * yet is checked through its deepest existing folder.
 */
function pathInWorkspace(input, value, workspace) {
    if (value.includes('\0') || /[\r\n]/.test(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, 'a path on one line', value);
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace, value);
    if (!isInside(workspace, resolved)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `a path inside the workspace (${workspace})`, value);
    }
    const realWorkspace = realOrSelf(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace));
    const real = realPath(input, resolved, value);
    if (!isInside(realWorkspace, real)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `a path inside the workspace (${workspace}); symlinks followed, it leads to ${JSON.stringify(real.slice(0, 200))}`, value);
    }
    return real;
}
function isInside(root, target) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, target);
    return !(relative === '..' || relative.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) || node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative));
}
function realOrSelf(dir) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(dir);
    }
    catch {
        return dir;
    }
}
/** The real path of `target`, or of its deepest existing ancestor joined with the rest. */
function realPath(input, target, value) {
    let existing = target;
    const rest = [];
    for (;;) {
        try {
            return node_path__WEBPACK_IMPORTED_MODULE_1___default().join((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(existing), ...rest);
        }
        catch (error) {
            const code = error.code;
            let present = false;
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(existing);
                present = true;
            }
            catch {
                // Not there at all: look at its folder.
            }
            // There but not resolvable: a dangling or looping symlink, or a folder we may not enter.
            if (present)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `a path that can be resolved (${code ?? 'error'})`, value);
            const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(existing);
            if (parent === existing)
                return target;
            rest.unshift(node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(existing));
            existing = parent;
        }
    }
}
function oneOf(input, value, allowed) {
    if (allowed.includes(value))
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `one of ${allowed.join(', ')}`, value);
}
/** A semantic version (1.2.3) or the word 'system' for the tool already on PATH. */
function toolVersion(input, value) {
    if (value === 'system')
        return { kind: 'system' };
    const version = value.replace(/^v/, '');
    if (!/^\d+\.\d+\.\d+$/.test(version))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, "an exact version such as 3.18.4, or 'system'", value);
    return { kind: 'pinned', version };
}
function httpUrl(input, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, 'an http(s) URL', value);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, 'an http(s) URL', value);
    return value.replace(/\/+$/, '');
}
/** A branch name git accepts and that cannot be read as an option or a path outside refs/heads. */
function checkBranch(input, value) {
    const bad = !/^[A-Za-z0-9._/-]{1,200}$/.test(value) ||
        /^[-/.]|[/.]$|\.\.|\/\/|\/\.|\.lock$|\.lock\//.test(value) ||
        value === 'HEAD';
    if (bad)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, 'a git branch name such as "config"', value);
    return value;
}
/**
 * A remote git accepts with no surprises: a local path, or a file/http(s)/ssh URL without credentials.
 * Refused: `transport::address` (git's remote helpers, e.g. ext:: runs commands), a leading "-" (read as
 * an option), user:password@ in a URL (the token travels in a header, never in the URL), control characters.
 */
function checkRepo(input, value) {
    const refuse = (why) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `a local path or an https URL of a git repository (${why})`, value);
    };
    if (!value || hasControl(value))
        refuse('no control characters');
    if (value.startsWith('-'))
        refuse('must not start with "-"');
    if (/^[A-Za-z][A-Za-z0-9+.-]*::/.test(value))
        refuse('no remote helpers');
    const url = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value);
    if (!url)
        return value;
    if (!['https', 'http', 'file', 'ssh'].includes(url[1].toLowerCase()))
        refuse(`unsupported scheme ${url[1]}`);
    const parsed = new URL(value);
    if (parsed.password || (parsed.username && url[1].toLowerCase() !== 'ssh'))
        refuse('no credentials in the URL');
    return value;
}
function hasControl(value) {
    return [...value].some(char => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);
}
/** A Prometheus URL without credentials in it: they belong in the (masked) token, not in logs. */
function prometheusUrl(input, value) {
    const url = httpUrl(input, value);
    const parsed = new URL(url);
    if (parsed.username || parsed.password)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, 'a URL without credentials (give them as the Prometheus token)', parsed.host);
    return url;
}
/** A token alone is sent as `Bearer <token>`; a value with a scheme (`Basic …`, `Bearer …`) as it is. */
function authorizationOf(token) {
    const value = token?.trim();
    if (!value)
        return undefined;
    return /^[A-Za-z][\w-]* \S/.test(value) ? value : `Bearer ${value}`;
}


/***/ }),

/***/ 7506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ clip),
/* harmony export */   K: () => (/* binding */ excerpt)
/* harmony export */ });
/**
 * Pieces of a file's text fit for an error line. Error lines quote at most a short excerpt of what they saw,
 * on one line: a file may be large, and may not be a text file of the user's at all.
 */
/** At most `max` characters on one line, control characters shown as escapes (no quotes added). */
function clip(text, max = 60) {
    const shown = text.length > max ? `${text.slice(0, max)}…` : text;
    // eslint-disable-next-line no-control-regex
    return shown.replace(/[\u0000-\u001f\u007f]/g, char => JSON.stringify(char).slice(1, -1));
}
/**
 * A short piece of a file's text fit for an error line: at most `max` characters, control characters and
 * quotes escaped (JSON string form).
 */
function excerpt(text, max = 60) {
    return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}


/***/ }),

/***/ 3355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ readUserFile),
/* harmony export */   HJ: () => (/* binding */ parseUserFile),
/* harmony export */   YJ: () => (/* binding */ readUserJson),
/* harmony export */   gH: () => (/* binding */ withoutContent)
/* harmony export */ });
/* unused harmony exports USER_FILE_CAPS, mayQuote */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(444);
/* harmony import */ var _excerpt_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7506);
/**
 * The one way to read a file a user names (shipyard, slo.yaml, jmeter.conf.yaml, JSON inputs, kubeconfig):
 * a regular file, at most a size suited to its kind, as UTF-8 text. A FIFO, a device or a directory is refused
 * before a byte is read (opened non-blocking, so a FIFO cannot hang the run), and so is an oversized file, and
 * so is a kernel pseudo-file (/proc, /sys, /dev: /proc/self/environ holds the run's secrets).
 *
 * Error lines quote a file's text only when it is a user's text file: one everybody on the machine may read.
 * A file that is not readable by everyone (/etc/shadow, a private key, a 0600 token file: a committed symlink
 * can lead to any of them) is read, but an error about it names the file and the line, never its bytes.
 */



const MiB = 1024 * 1024;
/** How large each kind of user file may be: generous for real files, small enough to bound memory. */
const USER_FILE_CAPS = {
    /** shipyard.yaml, slo.yaml, jmeter.conf.yaml: Keptn's largest examples are a few KiB. */
    yaml: MiB,
    /** History and SLI-value JSON files, which grow with the evaluations they hold. */
    json: 16 * MiB,
    /** Kubeconfig and checksum lists. */
    small: MiB
};
/** Files read whose text must not be quoted (by the name they were read under and by real path), with their mode. */
const UNQUOTABLE = new Map();
/**
 * The mode of an unquotable file that `file` names: the same name, its real path, or a name it ends with (callers
 * show a file relative to the workspace: `jm/jmeter.conf.yaml` for `/ws/jm/jmeter.conf.yaml`).
 */
function unquotableMode(file) {
    const direct = UNQUOTABLE.get(file) ?? UNQUOTABLE.get(realOrUndefined(file) ?? '');
    if (direct !== undefined)
        return direct;
    const suffix = file.startsWith('/') ? undefined : `/${file.replace(/^\.\//, '')}`;
    if (suffix === undefined)
        return undefined;
    for (const [name, mode] of UNQUOTABLE)
        if (name.endsWith(suffix))
            return mode;
    return undefined;
}
/** Whether an error about `file` may quote its text. */
function mayQuote(file) {
    return unquotableMode(file) === undefined;
}
/** The same error without a byte of the file's text, when the file is not a user's text file. */
function withoutContent(error) {
    const mode = unquotableMode(error.file);
    if (mode === undefined)
        return error;
    return new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(error.file, error.line, `is not valid here; its text is not quoted because the file is not readable by everyone (mode ${(mode & 0o777).toString(8).padStart(4, '0')}), as a user's text file is`);
}
function realOrUndefined(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(file);
    }
    catch {
        return undefined;
    }
}
/** Reads a user file and parses it; errors about a file that is not a user's text file quote none of it. */
function parseUserFile(file, kind, parse) {
    const text = readUserFile(file, kind);
    try {
        return parse(text);
    }
    catch (error) {
        throw error instanceof _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x ? withoutContent(error) : error;
    }
}
/** Kernel pseudo-files; /dev/shm is a plain tmpfs where some runners keep their work. */
const PSEUDO_FILES = /^\/(?:proc|sys|dev(?!\/shm\/))(?:\/|$)/;
function readUserFile(file, kind) {
    const cap = USER_FILE_CAPS[kind];
    // Missing or unreadable: the open below says which.
    const real = realOrUndefined(file);
    if (real !== undefined && PSEUDO_FILES.test(real))
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(file, undefined, `is not a regular file (it leads to ${real})`);
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch (error) {
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(file, undefined, `cannot be read (${errorCode(error)})`);
    }
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!stat.isFile())
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(file, undefined, 'is not a regular file');
        if (stat.size > cap)
            throw tooLarge(file, cap);
        for (const name of real === undefined ? [file] : [file, real]) {
            if ((stat.mode & 0o004) === 0)
                UNQUOTABLE.set(name, stat.mode);
            else
                UNQUOTABLE.delete(name);
        }
        const buffer = Buffer.alloc(Math.min(stat.size, cap) + 1);
        let length = 0;
        // The size can change under us; read until EOF, never past the cap.
        for (let n; length < buffer.length && (n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, buffer.length - length, null)) > 0;)
            length += n;
        if (length > cap)
            throw tooLarge(file, cap);
        // A pseudo-file elsewhere reports no size yet has content: not a file of the user's either.
        if (stat.size === 0 && length > 0)
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(file, undefined, 'is not a regular file (it has content but reports none)');
        return buffer.subarray(0, length).toString('utf8');
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/** A user's JSON file, parsed; unreadable or malformed ones name the file. */
function readUserJson(file) {
    return parseUserFile(file, 'json', text => {
        try {
            return JSON.parse(text);
        }
        catch (error) {
            // Node's message quotes the text around the error: kept short and on one line.
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(file, undefined, `is not valid JSON (${(0,_excerpt_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$)(error.message, 120)})`);
        }
    });
}
function tooLarge(file, cap) {
    return new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(file, undefined, `is larger than ${cap / MiB} MiB, the most this kind of file may be`);
}
function errorCode(error) {
    return error.code ?? String(error);
}


/***/ })

};
