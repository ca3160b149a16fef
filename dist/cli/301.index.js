export const id = 301;
export const ids = [301];
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


/***/ })

};
