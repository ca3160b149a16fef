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
/* harmony import */ var _contracts_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(279);
/* harmony import */ var _shipyard_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5355);
/* harmony import */ var _shipyard_shipyard_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7804);
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
            (0,_contracts_names_js__WEBPACK_IMPORTED_MODULE_1__/* .dnsLabel */ .UG)('namespace', options.namespace);
        const shipyard = await (0,_shipyard_shipyard_js__WEBPACK_IMPORTED_MODULE_3__/* .loadShipyard */ .HO)(options.shipyard);
        const plan = (0,_shipyard_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .planStage */ .c)(shipyard, options.stage, (0,_contracts_names_js__WEBPACK_IMPORTED_MODULE_1__/* .dnsLabel */ .UG)('project', options.project), options.namespace);
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
