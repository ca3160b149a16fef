export const id = 311;
export const ids = [311];
export const modules = {

/***/ 9927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   configCommand: () => (/* binding */ configCommand),
/* harmony export */   runGet: () => (/* binding */ runGet),
/* harmony export */   runSetImage: () => (/* binding */ runSetImage)
/* harmony export */ });
/* harmony import */ var commander__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _config_branch_config_branch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7897);
/* harmony import */ var _config_branch_layout_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9003);
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(444);
/* harmony import */ var _programs_git_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2525);
/** `carts-deploy config set-image | get`: the config branch from a terminal or any CI. */





/** Checks names as the options they came from, so the error says `--service`, not `service`. */
function asOptions(work) {
    try {
        return work();
    }
    catch (error) {
        if (error instanceof _contracts_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz && !error.input.startsWith('--')) {
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`--${error.input}`, error.expected, error.got);
        }
        throw error;
    }
}
function runUrl(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
    return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}
function parse(opts, env) {
    return asOptions(() => {
        const key = (0,_config_branch_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .checkStageKey */ .OX)({ project: opts.project, stage: opts.stage, service: opts.service });
        const repo = (0,_config_branch_config_branch_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveRepo */ .J9)(opts.repo);
        const token = (0,_programs_git_js__WEBPACK_IMPORTED_MODULE_4__/* .httpOrigin */ .dp)(repo) ? env.GITHUB_TOKEN : undefined;
        const auth = token ? { token } : undefined;
        return { key, target: (0,_config_branch_config_branch_js__WEBPACK_IMPORTED_MODULE_1__/* .checkTarget */ .e$)({ repo, branch: opts.branch, auth, runUrl: runUrl(env) }) };
    });
}
/** Sets the image; returns the commit sha that holds it (new, or the tip when nothing changed). */
async function runSetImage(opts, env = process.env) {
    const { target, key } = parse(opts, env);
    const image = asOptions(() => (0,_config_branch_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .checkImage */ .cd)({ repository: opts.image, tag: opts.tag }));
    const result = await (0,_config_branch_config_branch_js__WEBPACK_IMPORTED_MODULE_1__/* .setImage */ .g7)(target, key, image);
    return result.sha ?? '';
}
/** `REPO:TAG`, or with json a `{repository, tag, sha}` object. */
async function runGet(opts, env = process.env) {
    const { target, key } = parse(opts, env);
    const { sha, image } = await (0,_config_branch_config_branch_js__WEBPACK_IMPORTED_MODULE_1__/* .getImage */ .Qp)(target, key);
    if (!image) {
        const where = `${key.project}/${key.stage} on branch '${target.branch}' of ${target.repo}`;
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigBranchError */ .Vj(`No image is set for ${key.service} in ${where}`);
    }
    return opts.json ? JSON.stringify({ ...image, sha }) : `${image.repository}:${image.tag}`;
}
/** Errors propagate: the CLI entry prints them on one line and picks the exit code (2 for bad input). */
async function print(work) {
    process.stdout.write(`${await work()}\n`);
}
function stageOptions(command) {
    return command
        .requiredOption('--repo <path|url>', 'repository that holds the config branch (local path or https URL)')
        .option('--branch <name>', 'the config branch', 'config')
        .requiredOption('--project <name>', 'project')
        .requiredOption('--stage <name>', 'stage')
        .requiredOption('--service <name>', 'service');
}
function configCommand() {
    const config = new commander__WEBPACK_IMPORTED_MODULE_0__/* .Command */ .uB('config').description('read and write the desired image of each stage');
    stageOptions(config.command('set-image'))
        .description('set the image of a service in a stage; prints the commit sha (token: env GITHUB_TOKEN)')
        .requiredOption('--image <repository>', 'image repository without tag, e.g. docker.io/keptnexamples/carts')
        .requiredOption('--tag <tag>', 'image tag')
        .action((opts) => print(() => runSetImage(opts)));
    stageOptions(config.command('get'))
        .description('print the image of a service in a stage as REPO:TAG')
        .option('--json', 'print {"repository", "tag", "sha"}')
        .action((opts) => print(() => runGet(opts)));
    return config;
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


/***/ }),

/***/ 9071:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fc: () => (/* binding */ compileSchema),
/* harmony export */   _U: () => (/* binding */ checkSchema),
/* harmony export */   hN: () => (/* binding */ parseYaml),
/* harmony export */   mh: () => (/* binding */ lineAt)
/* harmony export */ });
/* unused harmony export pointerToPath */
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2463);
/* harmony import */ var ajv__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(ajv__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(444);
/* harmony import */ var _excerpt_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7506);
/* harmony import */ var _user_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3355);
/** YAML documents that remember where each value came from, and schema checks that report the line. */





const ajv = new ajv__WEBPACK_IMPORTED_MODULE_3__.Ajv({ allErrors: false, strict: true });
function compileSchema(schema) {
    return ajv.compile(schema);
}
/** Parses YAML text; syntax errors and non-finite numbers become a ConfigFileError with the line. */
function parseYaml(text, file, options = {}) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const first = doc.errors[0];
    if (first) {
        const line = first.linePos?.[0]?.line ?? lines.linePos(first.pos[0]).line;
        // The parser's own words only: never the bytes of the file (it may not be a text file of the user's).
        throw (0,_user_file_js__WEBPACK_IMPORTED_MODULE_2__/* .withoutContent */ .gH)(new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(file, line, `invalid YAML: ${(0,_excerpt_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$)(first.message.split('\n')[0], 120)}`));
    }
    if (options.finiteNumbers !== false)
        refuseNonFinite(doc, lines, file);
    return { file, doc, lines, value: doc.toJS({ maxAliasCount: 100 }) };
}
function refuseNonFinite(doc, lines, file) {
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Scalar(_, node) {
            if (typeof node.value !== 'number' || Number.isFinite(node.value))
                return;
            const line = node.range ? lines.linePos(node.range[0]).line : undefined;
            const written = typeof node.source === 'string' ? node.source : String(node.value);
            throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(file, line, `expected a finite number, got ${(0,_excerpt_js__WEBPACK_IMPORTED_MODULE_4__/* .excerpt */ .K)(written, 40)} (infinite and not-a-number values are refused)`);
        }
    });
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
        throw new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(src.file, undefined, 'does not match its schema');
    const path = pointerToPath(error.instancePath);
    const where = path.length ? path.join('.') : 'document';
    throw (0,_user_file_js__WEBPACK_IMPORTED_MODULE_2__/* .withoutContent */ .gH)(new _contracts_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigFileError */ .x(src.file, lineAt(src, path), `${where}: ${explain(error)}`));
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
            return `unknown key '${(0,_excerpt_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$)(String(p.additionalProperty), 60)}'`;
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
