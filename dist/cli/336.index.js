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
/* harmony import */ var _scoring_evaluate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3118);
/* harmony import */ var _scoring_explain_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5986);
/* harmony import */ var _scoring_history_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8933);
/* harmony import */ var _scoring_unscored_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2244);
/* harmony import */ var _scoring_values_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6243);
/** `evaluate`: the quality gate on a results file (or given SLI values), Keptn lighthouse scoring. */







function evaluateCommand() {
    return new commander__WEBPACK_IMPORTED_MODULE_0__/* .Command */ .uB('evaluate')
        .description('Evaluate results against an SLO. Exit 0 pass or warning, 1 fail, 2 unusable input.')
        .option('--results <file>', 'JMeter results file (JTL, CSV or XML)')
        .option('--values <file.json>', 'JSON object of SLI name to number (or null), instead of --results')
        .option('--slo <file>', 'Keptn slo.yaml')
        .option('--thresholds <list>', 'compact gate instead of --slo, e.g. "response_time_p95<600, error_rate<=1"')
        .option('--history <file.json>', 'JSON array of earlier `evaluate --json` outputs, newest first')
        .option('--labels', "also compute every label's SLIs (up to 200 labels)")
        .option('--json', 'print the evaluation as JSON')
        .option('--fail-on-unscored', 'fail a gate that scored nothing (no pass criteria, or only relative ones without a baseline)')
        .action(async (options) => {
        if ((options.results === undefined) === (options.values === undefined)) {
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--results/--values', 'exactly one of --results FILE or --values FILE.json');
        }
        if (options.slo !== undefined && options.thresholds !== undefined) {
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('--slo/--thresholds', 'at most one of --slo or --thresholds');
        }
        const evaluated = await (0,_scoring_evaluate_js__WEBPACK_IMPORTED_MODULE_2__/* .evaluateResults */ .G)({
            ...(options.results !== undefined ? { resultsFile: options.results } : {}),
            ...(options.values !== undefined ? { values: (0,_scoring_values_js__WEBPACK_IMPORTED_MODULE_5__/* .loadValues */ .F)(options.values) } : {}),
            ...(options.slo !== undefined ? { sloFile: options.slo } : {}),
            ...(options.thresholds !== undefined ? { thresholds: options.thresholds } : {}),
            ...(options.history !== undefined ? { history: (0,_scoring_history_js__WEBPACK_IMPORTED_MODULE_4__/* .loadHistory */ .FB)(options.history) } : {}),
            labels: options.labels === true
        });
        const evaluation = options.failOnUnscored === true ? (0,_scoring_unscored_js__WEBPACK_IMPORTED_MODULE_6__/* .failUnscored */ .i)(evaluated) : evaluated;
        process.stdout.write(options.json ? `${JSON.stringify(evaluation, null, 2)}\n` : (0,_scoring_explain_js__WEBPACK_IMPORTED_MODULE_3__/* .explain */ .W)(evaluation));
        process.exitCode = evaluation.result === 'fail' ? 1 : 0;
    });
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
