export const id = 897;
export const ids = [897];
export const modules = {

/***/ 4035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J9: () => (/* binding */ resolveRepo),
/* harmony export */   Ub: () => (/* binding */ updateBranch),
/* harmony export */   e$: () => (/* binding */ checkTarget),
/* harmony export */   pG: () => (/* binding */ readBranch)
/* harmony export */ });
/* unused harmony exports DEFAULT_PUSH_DEADLINE_MS, PUSH_DEADLINE_ENV, BranchUpdateError, commitMessage, backoffMs, withClone, pushDeadlineMs */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(444);
/* harmony import */ var _contracts_names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(279);
/* harmony import */ var _programs_git_format_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8253);
/* harmony import */ var _programs_git_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2525);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9003);
/**
 * Read-modify-write of files on a branch that many runs push to at once.
 *
 * Each update works in its own temporary bare clone (never the user's working tree), applies a pure
 * mutation to the files it read, commits on top of the tip it read and pushes without force. When another
 * writer got there first the push is rejected; we fetch the new tip and apply the mutation again, so no
 * update is lost and none overwrites another. Retries are bounded by time, not by a count: a busy server
 * (many writers, each push taking a second) may reject a writer twenty times before its turn comes, and that is
 * still progress. We retry until a deadline (120 s by default; CARTS_DEPLOY_PUSH_DEADLINE_SECONDS overrides it,
 * e.g. for tests), with full-jitter exponential backoff so that writers who collided do not collide again in
 * lockstep, and the final error says how many pushes were rejected over how long.
 */









/** How long an update keeps retrying rejected pushes, unless the options or the environment say otherwise. */
const DEFAULT_PUSH_DEADLINE_MS = 120_000;
/** Overrides the deadline (seconds, > 0), e.g. for tests. */
const PUSH_DEADLINE_ENV = 'CARTS_DEPLOY_PUSH_DEADLINE_SECONDS';
class BranchUpdateError extends Error {
    branch;
    repo;
    attempts;
    lastReason;
    elapsedMs;
    constructor(branch, repo, attempts, lastReason, elapsedMs = 0) {
        super(`Could not update branch '${branch}' of ${repo}: the push was rejected ${attempts} times over ` +
            `${(elapsedMs / 1000).toFixed(1)} s because other runs kept moving the branch (last: ${lastReason}). ` +
            `Nothing was overwritten; run the job again.`);
        this.branch = branch;
        this.repo = repo;
        this.attempts = attempts;
        this.lastReason = lastReason;
        this.elapsedMs = elapsedMs;
        this.name = 'BranchUpdateError';
    }
}
/** Local paths become absolute: git runs with its own working directory. scp-like `host:path` stays. */
function resolveRepo(repo, base = process.cwd()) {
    (0,_contracts_names_js__WEBPACK_IMPORTED_MODULE_5__/* .checkRepo */ .LK)('repo', repo);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repo) || /^[^/]+:/.test(repo) || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(repo))
        return repo;
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(base, repo);
}
function checkTarget(target) {
    (0,_contracts_names_js__WEBPACK_IMPORTED_MODULE_5__/* .checkRepo */ .LK)('repo', target.repo);
    (0,_contracts_names_js__WEBPACK_IMPORTED_MODULE_5__/* .checkBranch */ .DC)('branch', target.branch);
    (0,_programs_git_format_js__WEBPACK_IMPORTED_MODULE_6__/* .checkAuthor */ .kf)(target.author ?? _programs_git_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_AUTHOR */ .gD);
    if (target.runUrl !== undefined && !/^https?:\/\/\S+$/.test(target.runUrl)) {
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('run URL', 'an http(s) URL on one line', target.runUrl);
    }
    return target;
}
function commitMessage(message, runUrl) {
    return runUrl ? `${message.trimEnd()}\n\nWorkflow-Run: ${runUrl}\n` : `${message.trimEnd()}\n`;
}
/** Full jitter: a random wait up to base * 2^(retry-1), capped. */
function backoffMs(retry, baseMs, maxMs, random = Math.random) {
    return Math.round(random() * Math.min(maxMs, baseMs * 2 ** (retry - 1)));
}
/** Runs `work` on a fresh temporary clone of the branch, then removes it. */
async function withClone(target, options, work) {
    checkTarget(target);
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.tempRoot ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'carts-deploy-branch-'));
    try {
        return await work(await _programs_git_js__WEBPACK_IMPORTED_MODULE_7__/* .Git */ .TU.cloneBranch(resolveRepo(target.repo), target.branch, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'repo.git'), target.auth));
    }
    finally {
        if (!options.keepClone)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    }
}
async function readBranch(target, paths, options = {}) {
    return withClone(target, options, git => git.read(target.branch, paths));
}
async function updateBranch(target, update, options = {}) {
    return withClone(target, options, git => attempts(git, target, update, options));
}
async function attempts(git, target, update, options) {
    const started = Date.now();
    const deadline = started + pushDeadlineMs(options);
    let reason = '';
    let attempt = 0;
    for (;;) {
        attempt++;
        if (attempt > 1) {
            const wait = backoffMs(attempt - 1, options.baseDelayMs ?? 100, options.maxDelayMs ?? 2000);
            // Never sleep past the deadline; a last attempt is worth making when time is left.
            if (Date.now() + wait >= deadline) {
                attempt--;
                break;
            }
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_3__.setTimeout)(wait);
            await git.fetchBranch(target.branch);
        }
        const snapshot = await git.read(target.branch, update.reads);
        const files = changedFiles(snapshot, await update.mutate(snapshot.files));
        if (!files)
            return { sha: snapshot.head, changed: false, attempts: attempt };
        const sha = await git.commit({
            parent: snapshot.head,
            author: target.author ?? _programs_git_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_AUTHOR */ .gD,
            message: commitMessage(update.message, target.runUrl),
            time: options.now?.() ?? new Date(),
            files
        });
        const outcome = await git.push(sha, target.branch);
        if (outcome.kind === 'pushed')
            return { sha, changed: true, attempts: attempt };
        reason = outcome.reason;
        if (Date.now() >= deadline)
            break;
    }
    throw new BranchUpdateError(target.branch, target.repo, attempt, reason, Date.now() - started);
}
/** The retry deadline: the option, else the environment variable (seconds), else 120 s. */
function pushDeadlineMs(options = {}) {
    if (options.deadlineMs !== undefined)
        return Math.max(0, options.deadlineMs);
    const raw = process.env[PUSH_DEADLINE_ENV]?.trim();
    if (!raw)
        return DEFAULT_PUSH_DEADLINE_MS;
    const seconds = Number(raw);
    if (!(Number.isFinite(seconds) && seconds > 0 && seconds <= 3600))
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(PUSH_DEADLINE_ENV, 'a number of seconds between 0 and 3600', raw);
    return seconds * 1000;
}
/** Only files whose content differs; a new (orphan) branch also gets the README. */
function changedFiles(snapshot, changes) {
    const files = new Map(Object.entries(changes ?? {}).filter(([path, text]) => snapshot.files.get(path) !== text));
    if (files.size === 0)
        return undefined;
    if (!snapshot.head)
        files.set(_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .README_PATH */ .zw, _layout_js__WEBPACK_IMPORTED_MODULE_8__/* .README_TEXT */ .jg);
    return files;
}


/***/ }),

/***/ 7897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F3: () => (/* binding */ appendEvaluation),
  e$: () => (/* reexport */ branch_update/* checkTarget */.e$),
  Qp: () => (/* binding */ getImage),
  iJ: () => (/* binding */ readDeployment),
  O_: () => (/* binding */ readEvaluations),
  dj: () => (/* binding */ recordDeployment),
  Ij: () => (/* binding */ recordRollback),
  J9: () => (/* reexport */ branch_update/* resolveRepo */.J9),
  g7: () => (/* binding */ setImage)
});

// UNUSED EXPORTS: BranchUpdateError, DEFAULT_PUSH_DEADLINE_MS, PUSH_DEADLINE_ENV, backoffMs, commitMessage, pushDeadlineMs, readBranch, updateBranch, withClone

// EXTERNAL MODULE: ./src/config-branch/branch-update.ts
var branch_update = __webpack_require__(4035);
// EXTERNAL MODULE: ./src/config-branch/layout.ts
var layout = __webpack_require__(9003);
// EXTERNAL MODULE: ./src/contracts/errors.ts
var errors = __webpack_require__(444);
;// CONCATENATED MODULE: ./src/config-branch/records.ts

/** How many evaluations a stage keeps: enough for relative criteria, small enough to diff. */
const EVALUATIONS_CAP = 50;
function parseJson(text, file) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new errors/* ConfigFileError */.x(file, undefined, `invalid JSON: ${error.message}`);
    }
}
function render(value) {
    return `${JSON.stringify(value, null, 2)}\n`;
}
function renderDeployment(record) {
    return render(record);
}
function parseDeployment(text, file) {
    if (text === undefined)
        return undefined;
    const value = parseJson(text, file);
    if (!value || typeof value !== 'object' || typeof value.image?.tag !== 'string') {
        throw new errors/* ConfigFileError */.x(file, undefined, 'expected a deployment record with image.repository and image.tag');
    }
    return value;
}
/** The history, newest first; a missing file is an empty history. */
function parseEvaluations(text, file) {
    if (text === undefined)
        return [];
    const value = parseJson(text, file);
    if (!Array.isArray(value) || value.some(item => !item || typeof item !== 'object' || Array.isArray(item))) {
        throw new errors/* ConfigFileError */.x(file, undefined, 'expected a JSON array of evaluation objects');
    }
    return value;
}
/** The file with `entry` first and the oldest entries beyond `cap` dropped. */
function prependEvaluation(text, entry, file, cap = EVALUATIONS_CAP) {
    return render([entry, ...parseEvaluations(text, file)].slice(0, Math.max(1, cap)));
}

// EXTERNAL MODULE: ./src/config-branch/values-file.ts
var values_file = __webpack_require__(7637);
;// CONCATENATED MODULE: ./src/config-branch/config-branch.ts





const SUBJECT = '[carts-deploy]';
function sameImage(a, b) {
    return a?.repository === b.repository && a.tag === b.tag;
}
/** Messages are built from checked names; free text (results, reasons) is kept to one line in subjects. */
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
/** Sets the desired image of a service in a stage. The same image again: no commit, the tip's sha. */
async function setImage(target, key, image, options, { shape, check } = {}) {
    (0,layout/* checkImage */.cd)(image);
    const path = (0,layout/* valuesPath */._W)(key);
    let previous;
    let values = '';
    const result = await (0,branch_update/* updateBranch */.Ub)(target, {
        reads: [path],
        mutate: async (files) => {
            const text = files.get(path);
            previous = (0,values_file/* readImage */.AM)(text, path);
            const same = text !== undefined && sameImage(previous, image);
            values = same ? text : (0,values_file/* writeImage */.te)(text, image, path, shape);
            await check?.(values);
            return same ? null : { [path]: values };
        },
        message: `${SUBJECT} ${(0,layout/* describeChange */.uQ)(key, image.tag)}`
    }, options);
    return { ...result, previous, values };
}
async function getImage(target, key, options) {
    const path = (0,layout/* valuesPath */._W)(key);
    const snapshot = await (0,branch_update/* readBranch */.pG)(target, [path], options);
    return { sha: snapshot.head, image: (0,values_file/* readImage */.AM)(snapshot.files.get(path), path) };
}
/**
 * A commit that restores the previous image, saying why. When another run already moved the stage to a
 * different image, that newer intent wins: nothing is written (changed: false).
 */
async function recordRollback(target, key, rollback, options) {
    (0,layout/* checkImage */.cd)(rollback.to);
    const path = (0,layout/* valuesPath */._W)(key);
    const subject = `${SUBJECT} rollback ${(0,layout/* describeChange */.uQ)(key, rollback.to.tag)} (was ${rollback.from.tag})`;
    return (0,branch_update/* updateBranch */.Ub)(target, {
        reads: [path],
        mutate: files => {
            const text = files.get(path);
            if (!sameImage((0,values_file/* readImage */.AM)(text, path), rollback.from))
                return null;
            return { [path]: (0,values_file/* writeImage */.te)(text, rollback.to, path) };
        },
        message: `${subject}\n\n${rollback.reason.trim()}`
    }, options);
}
async function recordDeployment(target, key, record, options) {
    (0,layout/* checkImage */.cd)(record.image);
    const path = (0,layout/* deploymentPath */.nR)(key);
    const subject = `${SUBJECT} deployment ${(0,layout/* describeChange */.uQ)(key, record.image.tag)}: ${oneLine(record.result)}`;
    const text = renderDeployment(record);
    return (0,branch_update/* updateBranch */.Ub)(target, { reads: [path], mutate: () => ({ [path]: text }), message: subject }, options);
}
async function readDeployment(target, key, options) {
    const path = (0,layout/* deploymentPath */.nR)(key);
    const snapshot = await (0,branch_update/* readBranch */.pG)(target, [path], options);
    return parseDeployment(snapshot.files.get(path), path);
}
/** Adds an evaluation at the front of the stage's history (capped): one commit per evaluation. */
async function appendEvaluation(target, key, entry, options = {}) {
    const path = (0,layout/* evaluationsPath */.TI)(key);
    const said = options.summary ? `: ${oneLine(options.summary)}` : '';
    const subject = `${SUBJECT} evaluation ${key.service} in ${key.project}/${key.stage}${said}`;
    return (0,branch_update/* updateBranch */.Ub)(target, {
        reads: [path],
        mutate: files => ({ [path]: prependEvaluation(files.get(path), entry, path, options.cap) }),
        message: subject
    }, options);
}
/** The stage's evaluation history, newest first; empty when there is none (or no branch). */
async function readEvaluations(target, key, options) {
    (0,layout/* checkStageKey */.OX)(key);
    const path = (0,layout/* evaluationsPath */.TI)(key);
    const snapshot = await (0,branch_update/* readBranch */.pG)(target, [path], options);
    return parseEvaluations(snapshot.files.get(path), path);
}


/***/ }),

/***/ 9003:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OX: () => (/* binding */ checkStageKey),
/* harmony export */   TI: () => (/* binding */ evaluationsPath),
/* harmony export */   _W: () => (/* binding */ valuesPath),
/* harmony export */   cd: () => (/* binding */ checkImage),
/* harmony export */   jg: () => (/* binding */ README_TEXT),
/* harmony export */   nR: () => (/* binding */ deploymentPath),
/* harmony export */   uQ: () => (/* binding */ describeChange),
/* harmony export */   zw: () => (/* binding */ README_PATH)
/* harmony export */ });
/* unused harmony exports VALUES_FILE, DEPLOYMENT_FILE, EVALUATIONS_FILE, checkName, checkRepository */
/* harmony import */ var _contracts_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(279);

const README_PATH = 'README.md';
const VALUES_FILE = 'values.yaml';
const DEPLOYMENT_FILE = 'deployment.json';
const EVALUATIONS_FILE = 'evaluations.json';
const checkName = _contracts_names_js__WEBPACK_IMPORTED_MODULE_0__/* .dnsLabel */ .UG;
function checkStageKey(key) {
    checkName('project', key.project);
    checkName('stage', key.stage);
    checkName('service', key.service);
    return key;
}
const checkRepository = _contracts_names_js__WEBPACK_IMPORTED_MODULE_0__/* .imageRepository */ .an;
function checkImage(image, inputs = { repository: 'image', tag: 'tag' }) {
    checkRepository(inputs.repository, image.repository);
    (0,_contracts_names_js__WEBPACK_IMPORTED_MODULE_0__/* .ociTag */ .uR)(inputs.tag, image.tag);
    return image;
}
function dir(key) {
    checkStageKey(key);
    return `${key.project}/${key.stage}/${key.service}`;
}
function valuesPath(key) {
    return `${dir(key)}/${VALUES_FILE}`;
}
function deploymentPath(key) {
    return `${dir(key)}/${DEPLOYMENT_FILE}`;
}
function evaluationsPath(key) {
    return `${dir(key)}/${EVALUATIONS_FILE}`;
}
/** `service:tag -> project/stage`: the subject of every commit about this stage. */
function describeChange(key, tag) {
    return `${key.service}:${tag} -> ${key.project}/${key.stage}`;
}
const README_TEXT = `# Config branch of carts-deploy-action

This branch holds the desired state of every stage, written by carts-deploy-action
(the part of Keptn that its github-service used to do). Do not rebase or force-push it:
many workflow runs push here at once, and each run only ever adds a commit on top.

## Layout

    <project>/<stage>/<service>/values.yaml       Helm values: image.repository and image.tag
                                                  say what runs in the stage; add your own keys,
                                                  they are kept with their comments and order
    <project>/<stage>/<service>/deployment.json   the last deployment: image, result, time, run
    <project>/<stage>/<service>/evaluations.json  quality-gate evaluations, newest first (capped),
                                                  which relative SLO criteria compare against

Names of projects, stages and services are DNS labels (lowercase letters, digits, "-").

## Commits

    [carts-deploy] <service>:<tag> -> <project>/<stage>

with a \`Workflow-Run: <url>\` trailer naming the run that made the change. A rollback is a
commit that restores the previous image, and its message says why. \`git log -- <path>\`
shows the history of one stage.
`;


/***/ }),

/***/ 7637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AM: () => (/* binding */ readImage),
/* harmony export */   fq: () => (/* binding */ imageShape),
/* harmony export */   te: () => (/* binding */ writeImage)
/* harmony export */ });
/* unused harmony export splitRegistry */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(444);
/* harmony import */ var _contracts_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(279);
/* harmony import */ var _files_yaml_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9071);
/**
 * Reads and sets the image in a Helm values file, in the shape the chart reads it:
 *   `image: repo:tag` (one string, as Keptn's example charts have it),
 *   `image: {repository, tag}`, or `image: {registry, repository, tag}`.
 *
 * Pure text in, text out. The document is edited in place (yaml round-trip), so keys people added, their
 * comments and their order survive; only the image's scalars change.
 */




// No re-folding of long strings and `[a, b]` kept as written: a change touches only the lines it must.
const TO_STRING = { lineWidth: 0, flowCollectionPadding: false };
/** The image the file names, or undefined when it names none (missing file, or no image keys). */
function readImage(text, file) {
    if (text === undefined)
        return undefined;
    const doc = load(text, file);
    const image = doc.get('image', true);
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(image))
        return typeof image.value === 'string' ? withTag((0,_contracts_names_js__WEBPACK_IMPORTED_MODULE_2__/* .splitReference */ .mQ)(image.value)) : undefined;
    const repository = scalarText(doc, ['image', 'repository']);
    const tag = scalarText(doc, ['image', 'tag']);
    if (repository === undefined || tag === undefined)
        return undefined;
    const registry = scalarText(doc, ['image', 'registry']);
    return { repository: registry ? `${registry}/${repository}` : repository, tag };
}
/** The shape of the file's `image`, or undefined when it has none (then the chart's own values decide). */
function imageShape(text, file) {
    if (text === undefined)
        return undefined;
    const image = load(text, file).get('image', true);
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(image))
        return typeof image.value === 'string' ? 'string' : undefined;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(image))
        return undefined;
    return image.has('registry') ? 'registry-repository-tag' : 'repository-tag';
}
/**
 * The file with the image set in its own shape; a file without an image takes `shape` (the chart's
 * values.yaml's), else image.repository and image.tag. A missing file becomes a new minimal one.
 */
function writeImage(text, image, file, shape = 'repository-tag') {
    const doc = load(text ?? '', file);
    const own = imageShape(text, file) ?? shape;
    if (own === 'string') {
        setScalar(doc, ['image'], `${image.repository}:${image.tag}`);
    }
    else if (own === 'registry-repository-tag') {
        const { registry, path } = splitRegistry(image.repository);
        setScalar(doc, ['image', 'registry'], registry);
        setScalar(doc, ['image', 'repository'], path);
        setScalar(doc, ['image', 'tag'], image.tag);
    }
    else {
        setScalar(doc, ['image', 'repository'], image.repository);
        setScalar(doc, ['image', 'tag'], image.tag);
    }
    return doc.toString(TO_STRING);
}
/**
 * The registry part of a repository, as Docker tells it: a first component with a dot or a port, or
 * `localhost`; otherwise Docker Hub (`docker.io`), which charts with a registry key name explicitly.
 */
function splitRegistry(repository) {
    const slash = repository.indexOf('/');
    const first = slash < 0 ? '' : repository.slice(0, slash);
    if (first && (first.includes('.') || first.includes(':') || first === 'localhost'))
        return { registry: first, path: repository.slice(slash + 1) };
    return { registry: 'docker.io', path: repository };
}
/** A reference without a tag names no image a values file could hold. */
function withTag({ repository, tag }) {
    return tag === undefined ? undefined : { repository, tag };
}
function load(text, file) {
    // Helm values are the chart's business: a .inf there is not ours to refuse.
    const { doc } = (0,_files_yaml_file_js__WEBPACK_IMPORTED_MODULE_3__/* .parseYaml */ .hN)(text, file, { finiteNumbers: false });
    if (doc.contents !== null && !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(doc.contents)) {
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(file, 1, 'expected a map of Helm values at the top level');
    }
    const image = doc.get('image', true);
    const usable = image === undefined ||
        (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(image) ||
        ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(image) && (image.value === null || typeof image.value === 'string'));
    if (!usable) {
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(file, undefined, 'image: expected repo:tag, or a map with repository and tag (and registry)');
    }
    return doc;
}
/**
 * The scalar as written. A tag like `1.10` parses as the number 1.1, so plain scalars are read from
 * their source text.
 */
function scalarText(doc, path) {
    const node = doc.getIn(path, true);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || node.value === null || node.value === undefined)
        return undefined;
    if (typeof node.value === 'string')
        return node.value;
    return node.source ?? String(node.value);
}
/** Changes the existing scalar node when there is one, so its comment and quoting style stay. */
function setScalar(doc, path, value) {
    const node = doc.getIn(path, true);
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node)) {
        node.value = value;
        delete node.source;
        return;
    }
    // `image:` with no value: give it a map in the same place.
    const image = doc.get('image', true);
    if (path.length > 1 && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(image) && image.value === null)
        doc.set('image', doc.createNode({}));
    doc.setIn(path, value);
}


/***/ }),

/***/ 4276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NV: () => (/* binding */ GIT_ENV),
/* harmony export */   _8: () => (/* binding */ KUBE_ENV),
/* harmony export */   f9: () => (/* binding */ JAVA_ENV),
/* harmony export */   pQ: () => (/* binding */ startTool),
/* harmony export */   wc: () => (/* binding */ execTool)
/* harmony export */ });
/* unused harmony exports BASE_ENV, DEFAULT_TIMEOUT_MS, KILL_GRACE_MS, childEnv */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(444);
/**
 * The one way this project starts a program: an argument array, never a shell string.
 *
 * Why not @actions/exec (the design's package for this): every external operation here needs a deadline
 * that ends the program (a hung git, helm or JVM must not hold a job for hours), and @actions/exec's
 * ToolRunner gives no handle on the child to kill it and has no timeout. It also echoes each command line
 * to stdout, which the CLI's machine-readable output cannot have. So this wrapper spawns the child itself.
 *
 * Deadlines end the whole process group. Each child is started as the leader of its own process group
 * (`detached`, i.e. setsid), so that what it starts in turn (git's `git-remote-http`, the JVM under
 * bin/jmeter's shell, a kubeconfig's exec credential plugin) is in the same group. On its deadline the
 * group gets SIGTERM, then SIGKILL after a grace period: nothing is left holding our pipes, and the call
 * returns. Every call has a deadline (DEFAULT_TIMEOUT_MS unless the caller gives one).
 *
 * Environment: children never inherit ours wholesale. The runner gives the action every input as an
 * `INPUT_*` variable (the kubeconfig and the token among them) and its own tokens (ACTIONS_RUNTIME_TOKEN,
 * ACTIONS_ID_TOKEN_REQUEST_TOKEN, ...); a child (and a JMeter test plan from the repository) must see none
 * of them. A child gets the variables of BASE_ENV plus the families its wrapper asks for (`inherit`), plus
 * what the caller passes in `env` explicitly (KUBECONFIG, git's config entries).
 */



/** What any program needs to run at all: where programs are, home, temp dirs, locale, proxies, CA files. */
const BASE_ENV = [
    /^(PATH|HOME|USER|LOGNAME|SHELL|TERM|TZ|LANG|LANGUAGE|HOSTNAME|TMPDIR|TMP|TEMP)$/,
    /^LC_[A-Z]+$/,
    /^(RUNNER_TEMP|RUNNER_TOOL_CACHE)$/,
    // Corporate runners reach the network through these; no credentials of ours are in them.
    /^(http|https|no|all)_proxy$/i,
    /^(SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE)$/,
    /^XDG_[A-Z_]+$/
];
/** git: its own settings (GIT_SSL_CAINFO, GIT_SSH_COMMAND, GIT_CONFIG_*) and an ssh agent for ssh remotes. */
const GIT_ENV = [/^GIT_[A-Z0-9_]+$/, /^SSH_AUTH_SOCK$/];
/**
 * helm and kubectl: their settings, and the cloud credentials a kubeconfig's exec plugin needs to log in
 * (aws eks get-token, gke-gcloud-auth-plugin, kubelogin): those were put in the environment for exactly
 * these programs (by aws-actions/configure-aws-credentials, google-github-actions/auth, azure/login).
 */
const KUBE_ENV = [
    /^KUBECONFIG$/,
    /^(HELM|KUBE|KUBECTL)_[A-Z0-9_]+$/,
    /^(AWS|AZURE|GOOGLE|CLOUDSDK)_[A-Z0-9_]+$/
];
/** Java and JMeter: what bin/jmeter and the JVM read. No cloud or git credentials: test plans run code. */
const JAVA_ENV = [
    /^(JAVA_HOME|JRE_HOME|JAVA_OPTS|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|JVM_ARGS|HEAP|GC_ALGO|DUMP_HEAP)$/,
    /^JMETER_[A-Z0-9_]+$/
];
/** The deadline of a call that names none. */
const DEFAULT_TIMEOUT_MS = 10 * 60_000;
/** Between SIGTERM and SIGKILL: time for helm or the JVM to write what they were writing. */
const KILL_GRACE_MS = 5_000;
/** The environment a child starts with: only the variables that match, then the caller's own. */
function childEnv(options, base = process.env) {
    const env = {};
    if (!options.replaceEnv) {
        const keep = [...BASE_ENV, ...(options.inherit ?? [])];
        for (const [name, value] of Object.entries(base)) {
            if (value !== undefined && keep.some(pattern => pattern.test(name)))
                env[name] = value;
        }
    }
    for (const [name, value] of Object.entries(options.env ?? {})) {
        if (value === undefined)
            delete env[name];
        else
            env[name] = value;
    }
    return env;
}
function execTool(command, args, options = {}) {
    const name = options.name ?? command;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const graceMs = options.killGraceMs ?? KILL_GRACE_MS;
    return new Promise((resolve, reject) => {
        const fail = (code, output) => new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ToolError */ .v4(name, options.shownArgs ?? args, code, options.redact?.(output) ?? output);
        let child;
        try {
            child = spawnGroup(command, args, options);
        }
        catch (error) {
            reject(fail(null, error.message));
            return;
        }
        const out = [];
        const err = [];
        let timedOut = false;
        const timers = [];
        const stopTimers = () => timers.splice(0).forEach(clearTimeout);
        if (child.pid !== undefined)
            track(child);
        const stopGroup = () => {
            killGroup(child, 'SIGTERM');
            timers.push(setTimeout(() => {
                killGroup(child, 'SIGKILL');
                // A process that left the group (setsid) could still hold our pipes: stop waiting for them.
                timers.push(setTimeout(() => destroyPipes(child), 1_000));
            }, graceMs));
        };
        timers.push(setTimeout(() => {
            timedOut = true;
            stopGroup();
        }, timeoutMs));
        if (options.signal?.aborted)
            stopGroup();
        else
            options.signal?.addEventListener('abort', stopGroup, { once: true });
        const file = options.stdoutFile ? (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(options.stdoutFile, { mode: 0o600 }) : undefined;
        const written = file ? new Promise(resolve => file.on('close', () => resolve())) : Promise.resolve();
        // A file that cannot be written: the program is stopped (nobody reads its output) and the call fails.
        let unwritable;
        file?.on('error', error => {
            unwritable = error;
            stopGroup();
        });
        if (file)
            child.stdout.pipe(file);
        else
            child.stdout.on('data', (chunk) => {
                out.push(chunk);
                options.onOutput?.(chunk.toString());
            });
        child.stderr.on('data', (chunk) => {
            err.push(chunk);
            options.onOutput?.(chunk.toString());
        });
        child.on('error', error => {
            stopTimers();
            untrack(child);
            reject(fail(null, error.message));
        });
        child.on('close', code => {
            stopTimers();
            untrack(child);
            options.signal?.removeEventListener('abort', stopGroup);
            void written.then(() => settle(code));
        });
        const settle = (code) => {
            let stderr = Buffer.concat(err).toString();
            if (timedOut) {
                const shown = (options.shownArgs ?? args)[0] ?? '';
                stderr +=
                    `\n${name} ${shown} did not finish within ${seconds(timeoutMs)} and was stopped ` +
                        '(its whole process group: SIGTERM, then SIGKILL)';
            }
            const result = { exitCode: code, stdout: Buffer.concat(out).toString(), stderr, timedOut };
            if (unwritable)
                reject(fail(code, `its output could not be written to ${options.stdoutFile}: ${unwritable.message}`));
            else if (code === 0 && !timedOut)
                resolve(result);
            else if (options.allowFailure)
                resolve(result);
            else
                reject(fail(code, timedOut ? result.stderr : result.stderr || result.stdout));
        };
        // A program may exit without reading its stdin (git does, under load): the write then fails with EPIPE,
        // which must not crash the process; the exit code above already tells what happened.
        child.stdin.on('error', () => { });
        child.stdin.end(options.input ?? '');
    });
}
/** Spawns the program as the leader of its own process group (see the header), with the filtered environment. */
function spawnGroup(command, args, options) {
    try {
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, [...args], {
            cwd: options.cwd,
            env: childEnv(options),
            stdio: ['pipe', 'pipe', 'pipe'],
            detached: true
        });
    }
    catch (error) {
        // Node throws some spawn errors at once. Linux refuses one argument or variable over 128 KiB (and
        // all of them together over ~2 MiB) with E2BIG: say what that means.
        const { code, message } = error;
        const why = code === 'E2BIG' ? ': its arguments or environment are too large (one value over 128 KiB?)' : '';
        throw new Error(`${message}${why}`);
    }
}
/** Output kept for waitFor and errors: a chatty program must not grow our memory. */
const RUNNING_OUTPUT_CAP = 64 * 1024;
/**
 * Starts a program that runs until stop(); `timeoutMs` bounds its whole life all the same (the test step's
 * deadline), so one that is never stopped (a crash between start and stop) still ends.
 */
function startTool(command, args, options) {
    const name = options.name ?? command;
    const graceMs = options.killGraceMs ?? KILL_GRACE_MS;
    const fail = (output, code = null) => new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ToolError */ .v4(name, options.shownArgs ?? args, code, options.redact?.(output) ?? output);
    const child = spawnGroup(command, args, options);
    let output = '';
    let exit;
    const listeners = new Set();
    const notify = () => listeners.forEach(listener => listener());
    const exited = new Promise(resolve => {
        child.on('error', error => {
            output += `\n${error.message}`;
            exit ??= { code: null };
            untrack(child);
            notify();
            resolve();
        });
        child.on('close', code => {
            exit ??= { code };
            untrack(child);
            notify();
            resolve();
        });
    });
    if (child.pid !== undefined)
        track(child);
    const onData = (chunk) => {
        if (output.length < RUNNING_OUTPUT_CAP)
            output += chunk.toString();
        notify();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.stdin.on('error', () => { });
    child.stdin.end();
    let stopping;
    const stop = () => (stopping ??= (async () => {
        if (!exit) {
            killGroup(child, 'SIGTERM');
            const kill = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
            await exited;
            clearTimeout(kill);
        }
        destroyPipes(child);
    })());
    const lifetime = setTimeout(() => void stop(), options.timeoutMs);
    void exited.then(() => clearTimeout(lifetime));
    const waitFor = (pattern, timeoutMs) => new Promise((resolve, reject) => {
        const check = () => {
            const match = pattern.exec(output);
            if (match)
                return done(() => resolve(match));
            if (exit)
                return done(() => reject(fail(output.trim() || 'it exited without a word', exit?.code)));
        };
        const timer = setTimeout(() => {
            done(() => reject(fail(`${output.trim()}\n${name} ${args[0] ?? ''} said nothing that was expected within ${seconds(timeoutMs)}`.trim())));
            void stop();
        }, timeoutMs);
        const done = (settle) => {
            clearTimeout(timer);
            listeners.delete(check);
            settle();
        };
        listeners.add(check);
        check();
    });
    return { waitFor, stop };
}
function seconds(ms) {
    return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
/** The group's id is the leader's pid; a group already gone is fine. */
function killGroup(child, signal) {
    if (child.pid === undefined)
        return;
    try {
        process.kill(-child.pid, signal);
    }
    catch {
        // ESRCH: every member has exited.
    }
}
function destroyPipes(child) {
    child.stdout?.destroy();
    child.stderr?.destroy();
    child.stdin?.destroy();
}
/*
 * Cancellation. A child in its own process group no longer gets the SIGINT a terminal's Ctrl-C or the
 * runner's cancel sends to us (or to our group), and if we then died by the signal's default action it
 * would run on, orphaned. So, only while children run, SIGINT and SIGTERM are forwarded to their groups
 * (SIGKILL after the grace period), and then we die by the same signal as we would have without the handler.
 */
const live = new Set();
let pendingSignal;
function track(child) {
    live.add(child);
    if (live.size === 1)
        for (const signal of SIGNALS)
            process.on(signal, onSignal);
}
function untrack(child) {
    if (!live.delete(child) || live.size > 0)
        return;
    for (const signal of SIGNALS)
        process.off(signal, onSignal);
    if (pendingSignal)
        process.kill(process.pid, pendingSignal);
}
const SIGNALS = ['SIGINT', 'SIGTERM'];
function onSignal(signal) {
    if (pendingSignal)
        return;
    pendingSignal = signal;
    for (const child of live)
        killGroup(child, 'SIGTERM');
    setTimeout(() => {
        for (const child of live)
            killGroup(child, 'SIGKILL');
        for (const sig of SIGNALS)
            process.off(sig, onSignal);
        process.kill(process.pid, signal);
    }, KILL_GRACE_MS);
}


/***/ }),

/***/ 8253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ED: () => (/* binding */ commitStream),
/* harmony export */   Gc: () => (/* binding */ parseBatch),
/* harmony export */   Y5: () => (/* binding */ parsePush),
/* harmony export */   gD: () => (/* binding */ DEFAULT_AUTHOR),
/* harmony export */   kf: () => (/* binding */ checkAuthor)
/* harmony export */ });
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(444);
/** Pure helpers of the git wrapper: the fast-import stream it writes and the outputs it parses. */

const DEFAULT_AUTHOR = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com'
};
/** `<`, `>` and newlines would let a name forge another header line of the commit. */
function checkAuthor(author) {
    if (!author.name.trim() || /[<>\n\r\0]/.test(author.name)) {
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('author name', 'a name without <, > or line breaks', author.name);
    }
    if (!/^[^<>\s@]+@[^<>\s@]+$/.test(author.email))
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('author email', 'an email address', author.email);
    return author;
}
function data(text) {
    return `data ${Buffer.byteLength(text)}\n${text}\n`;
}
// A path in the stream is a bare word: anything else could end the line and start another command.
function safePath(path) {
    if (/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/.test(path))
        return path;
    throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigBranchError */ .Vj(`refusing to write ${JSON.stringify(path)}: not a plain relative path`);
}
/** A fast-import stream for one commit; `get-mark` makes fast-import print the new commit's sha. */
function commitStream(spec) {
    const when = `${Math.floor(spec.time.getTime() / 1000)} +0000`;
    const who = `${spec.author.name} <${spec.author.email}> ${when}`;
    const lines = [`commit ${spec.ref}\nmark :1\nauthor ${who}\ncommitter ${who}\n`, data(spec.message)];
    if (spec.parent)
        lines.push(`from ${spec.parent}\n`);
    for (const [path, content] of spec.files)
        lines.push(`M 100644 inline ${safePath(path)}\n`, data(content));
    lines.push('\nget-mark :1\n');
    return lines.join('');
}
/**
 * Parses `git cat-file --batch` output for the given object names, in order. Sizes are bytes, so the
 * output is walked as a Buffer; a missing object prints `<name> missing`.
 */
function parseBatch(out, names) {
    const objects = new Map();
    let at = 0;
    for (const name of names) {
        const eol = out.indexOf(10, at);
        if (eol < 0)
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._G('git cat-file', `output ended before ${name}`);
        const header = out.subarray(at, eol).toString();
        at = eol + 1;
        if (header.endsWith(' missing'))
            continue;
        const [sha, type, size] = header.split(' ');
        const end = at + Number(size);
        if (!sha || !type || !(end < out.length) || out[end] !== 10) {
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ToolOutputError */ ._G('git cat-file', `unexpected output for ${name} (is the file valid UTF-8?)`);
        }
        objects.set(name, { sha, type, content: out.subarray(at, end).toString() });
        at = end + 1;
    }
    return objects;
}
// A lock lost to a concurrent writer on the remote side is a rejection like any other.
const RETRYABLE_REMOTE = /lock|failed to update ref|incorrect old value|stale info|fetch first|non-fast-forward/i;
/**
 * Reads `git push --porcelain`: `<flag>\t<from>:<to>\t<summary>` per ref. `!` with [rejected] (the branch
 * moved) or a lost lock is a rejection to retry after a fetch; anything else is left to the caller.
 */
function parsePush(stdout, ref) {
    for (const line of stdout.split('\n')) {
        const [flag, refs, summary = ''] = line.split('\t');
        if (!refs?.endsWith(`:${ref}`))
            continue;
        if (flag !== '!')
            return { kind: 'pushed' };
        const retry = summary.startsWith('[rejected]') || RETRYABLE_REMOTE.test(summary);
        return retry ? { kind: 'rejected', reason: summary } : { kind: 'unknown' };
    }
    return { kind: 'unknown' };
}


/***/ }),

/***/ 2525:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TU: () => (/* binding */ Git),
/* harmony export */   dp: () => (/* binding */ httpOrigin),
/* harmony export */   gD: () => (/* reexport safe */ _git_format_js__WEBPACK_IMPORTED_MODULE_3__.gD),
/* harmony export */   gp: () => (/* binding */ basicCredential)
/* harmony export */ });
/* unused harmony exports GIT_TIMEOUT_ENV, NETWORK_TIMEOUT_MS, networkTimeoutMs, MAX_TOKEN_BYTES, checkToken, gitEnv */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(444);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4276);
/* harmony import */ var _git_format_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8253);
/**
 * The git wrapper: a bare, shallow clone of one branch in a temporary directory, read and written with
 * plumbing (cat-file, fast-import) so no working tree is checked out, and pushes that are never forced.
 *
 * Auth: a token travels only as an `http.<origin>/.extraheader` passed through GIT_CONFIG_COUNT/KEY/VALUE
 * environment variables of each command: never on a command line (visible in `ps`), never in a URL,
 * never in a config file on disk, never in a log.
 */





/**
 * The deadline of each clone, fetch and push: 300 s, or CARTS_DEPLOY_GIT_TIMEOUT_MS (milliseconds; tests
 * use a short one). On it git's whole process group is stopped (remote helpers included, see exec.ts).
 */
const GIT_TIMEOUT_ENV = 'CARTS_DEPLOY_GIT_TIMEOUT_MS';
const NETWORK_TIMEOUT_MS = 300_000;
const LOCAL_TIMEOUT_MS = 60_000;
function networkTimeoutMs(env = process.env) {
    const value = Number(env[GIT_TIMEOUT_ENV]);
    return Number.isSafeInteger(value) && value > 0 ? value : NETWORK_TIMEOUT_MS;
}
const MISSING_BRANCH = /Remote branch .* not found|couldn't find remote ref/i;
/**
 * The largest token git is given: it travels in one environment variable (Linux refuses one over 128 KiB
 * with `spawn E2BIG`) and one HTTP header. Real tokens are under 1 KiB. The action checks its input against
 * the same limit; this check covers every other caller (the CLI's GITHUB_TOKEN).
 */
const MAX_TOKEN_BYTES = 16 * 1024;
function checkToken(token) {
    const size = Buffer.byteLength(token);
    if (size > MAX_TOKEN_BYTES) {
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('github-token', `at most ${MAX_TOKEN_BYTES / 1024} KiB (this value is ${Math.ceil(size / 1024)} KiB)`);
    }
}
function basicCredential(token) {
    return Buffer.from(`x-access-token:${token}`).toString('base64');
}
/**
 * `https://host:port/` for an https remote: the prefix the auth header is scoped to. Plain http only for
 * this machine (tests, a local mirror): a token must not cross a network unencrypted.
 */
function httpOrigin(remote) {
    if (!/^https?:\/\//i.test(remote))
        return undefined;
    const url = new URL(remote);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'https:' || local ? `${url.origin}/` : undefined;
}
/**
 * The environment of every git command. Our config entries are appended after any the caller's
 * environment already has. The empty extraheader first resets headers inherited from other config.
 *
 * http.followRedirects=false: by default ('initial') git follows a redirect of its first request and uses
 * the new URL as the base of every later one, sending our Authorization header (and the push) to whatever
 * host the remote named. With false, a redirect is an error: the token stays with its origin.
 */
function gitEnv(remote, auth, base = process.env) {
    const env = {
        GIT_TERMINAL_PROMPT: '0',
        GIT_TRACE_REDACT: '1',
        LC_ALL: 'C', // error messages are matched below
        GIT_DIR: undefined,
        GIT_WORK_TREE: undefined,
        GIT_INDEX_FILE: undefined,
        GIT_OBJECT_DIRECTORY: undefined,
        GIT_ALTERNATE_OBJECT_DIRECTORIES: undefined
    };
    const origin = httpOrigin(remote);
    let count = Number(base.GIT_CONFIG_COUNT ?? 0) || 0;
    const entries = [['http.followRedirects', 'false']];
    if (auth && origin) {
        for (const value of ['', `AUTHORIZATION: basic ${basicCredential(auth.token)}`]) {
            entries.push([`http.${origin}.extraheader`, value]);
        }
    }
    for (const [key, value] of entries) {
        env[`GIT_CONFIG_KEY_${count}`] = key;
        env[`GIT_CONFIG_VALUE_${count}`] = value;
        count++;
    }
    env.GIT_CONFIG_COUNT = String(count);
    return env;
}
class Git {
    dir;
    remote;
    auth;
    commits = 0;
    constructor(dir, remote, auth) {
        this.dir = dir;
        this.remote = remote;
        this.auth = auth;
    }
    /** A bare shallow clone of `branch` in `dir` (which must not exist); a missing branch gives an empty repo. */
    static async cloneBranch(remote, branch, dir, auth) {
        if (auth)
            checkToken(auth.token);
        const git = new Git(dir, remote, auth);
        const args = ['clone', '--bare', '--quiet', '--depth', '1', '--single-branch', '--no-tags'];
        const result = await git.run([...args, '--branch', branch, '--', remote, dir], networkTimeoutMs(), true);
        if (result.exitCode === 0)
            return git;
        if (!MISSING_BRANCH.test(result.stderr))
            throw git.failure(['clone'], result);
        await git.run(['init', '--bare', '--quiet', '--', dir], LOCAL_TIMEOUT_MS);
        return git;
    }
    /**
     * Moves the local branch to the remote's tip (the branch may have moved, or appeared, since we cloned).
     * The `+` forces only our temporary local ref: two depth-1 tips need not connect. Pushes are never forced.
     */
    async fetchBranch(branch) {
        const ref = `refs/heads/${branch}`;
        const args = ['fetch', '--quiet', '--depth', '1', '--no-tags', '--', this.remote, `+${ref}:${ref}`];
        const result = await this.run(args, networkTimeoutMs(), true);
        if (result.exitCode === 0)
            return;
        if (!MISSING_BRANCH.test(result.stderr))
            throw this.failure(['fetch'], result);
        await this.run(['update-ref', '-d', ref], LOCAL_TIMEOUT_MS, true);
    }
    /** The branch's commit and the given files at it, in one cat-file process. */
    async read(branch, paths) {
        const ref = `refs/heads/${branch}`;
        const names = [ref, ...paths.map(path => `${ref}:${path}`)];
        const result = await this.run(['cat-file', '--batch'], LOCAL_TIMEOUT_MS, false, names.join('\n') + '\n');
        const objects = (0,_git_format_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBatch */ .Gc)(Buffer.from(result.stdout), names);
        const head = objects.get(ref)?.sha;
        const files = new Map();
        for (const path of paths) {
            const blob = objects.get(`${ref}:${path}`);
            if (blob?.type === 'blob')
                files.set(path, blob.content);
        }
        return { head, files };
    }
    /** Writes one commit (no parent: an orphan) with fast-import and returns its sha. Nothing is checked out. */
    async commit(spec) {
        const ref = `refs/carts-deploy/commit-${++this.commits}`;
        const stream = (0,_git_format_js__WEBPACK_IMPORTED_MODULE_3__/* .commitStream */ .ED)({ ...spec, ref });
        const result = await this.run(['fast-import', '--quiet', '--date-format=raw'], LOCAL_TIMEOUT_MS, false, stream);
        const sha = result.stdout.trim();
        if (!/^[0-9a-f]{40,64}$/.test(sha))
            throw this.failure(['fast-import'], result);
        return sha;
    }
    /** Pushes `sha` to the branch, never forced: another writer's newer commit makes it 'rejected'. */
    async push(sha, branch) {
        const ref = `refs/heads/${branch}`;
        const args = ['push', '--porcelain', '--no-verify', '--', this.remote, `${sha}:${ref}`];
        const result = await this.run(args, networkTimeoutMs(), true);
        const outcome = (0,_git_format_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePush */ .Y5)(result.stdout, ref);
        if (outcome.kind === 'pushed' && result.exitCode === 0)
            return outcome;
        if (outcome.kind === 'rejected')
            return outcome;
        throw this.failure(['push'], result);
    }
    async run(args, timeoutMs, allowFailure = false, input) {
        const options = {
            cwd: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(this.dir),
            env: gitEnv(this.remote, this.auth),
            inherit: _exec_js__WEBPACK_IMPORTED_MODULE_2__/* .GIT_ENV */ .NV,
            timeoutMs,
            allowFailure,
            input
        };
        const dirArgs = args[0] === 'clone' || args[0] === 'init' ? [] : ['--git-dir', this.dir];
        return (0,_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .execTool */ .wc)('git', [...dirArgs, ...args], {
            ...options,
            shownArgs: args,
            redact: text => this.redact(text)
        });
    }
    failure(what, result) {
        return new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ToolError */ .v4('git', what, result.exitCode, this.redact(result.stderr || result.stdout));
    }
    /** Git never prints the header; this is the belt to that pair of braces. */
    redact(text) {
        if (!this.auth?.token)
            return text;
        return text.split(this.auth.token).join('***').split(basicCredential(this.auth.token)).join('***');
    }
}


/***/ })

};
