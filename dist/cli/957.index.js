export const id = 957;
export const ids = [957];
export const modules = {

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


/***/ })

};
