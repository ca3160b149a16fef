export const id = 927;
export const ids = [927];
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
/* harmony import */ var _config_branch_config_branch_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8118);
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


/***/ })

};
