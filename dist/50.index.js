export const id = 50;
export const ids = [50];
export const modules = {

/***/ 4050:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pitometerGate: () => (/* binding */ pitometerGate),
  sliQueries: () => (/* binding */ sliQueries)
});

// EXTERNAL MODULE: ./src/contracts/errors.ts
var errors = __webpack_require__(444);
;// CONCATENATED MODULE: ./src/prometheus/placeholders.ts
function substitute(query, dialect, context) {
    const { start, end } = context.window ?? { start: 0, end: 0 };
    const seconds = Math.max(1, Math.ceil((end - start) / 1000));
    const filters = dialect === 'sli' ? Object.entries(context.filters ?? {}) : [];
    const filterNames = filters.flatMap(([key]) => [`$${key}`, `$${key.toUpperCase()}`]);
    const replacements = dialect === 'sli'
        ? [
            ...filters.flatMap(([key, value]) => [key, key.toUpperCase()].map(name => [
                new RegExp(`\\$${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g'),
                () => value.replace(/['"]/g, '')
            ])),
            [/\$LABEL\.([A-Za-z0-9_.-]+)/g, (_, key) => context.labels[key]],
            [/\$DURATION_SECONDS/g, () => `${seconds}s`],
            [/\$PROJECT/g, () => context.project],
            [/\$STAGE/g, () => context.stage],
            [/\$SERVICE/g, () => context.service],
            [/\$DEPLOYMENT/g, () => context.deployment]
        ]
        : [
            [/\$DURATION_MINUTES/g, () => String(Math.ceil(seconds / 60))],
            [/\$DURATION/g, () => `${seconds}s`],
            [/\$ENVIRONMENT/g, () => context.stage]
        ];
    // Every `$NAME` must be one of the dialect's own: Keptn's plain replacement would turn a `$DURATION_SECONDS`
    // in a perfspec into `90s_SECONDS`, a query error far from its cause.
    for (const [token] of query.matchAll(/\$[A-Z][A-Z0-9_]*/g))
        if (!NAMES[dialect].includes(token) && !filterNames.includes(token))
            return { unsupported: `${token} (not a placeholder of Keptn's ${KNOWN[dialect]})` };
    let out = query;
    for (const [pattern, value] of replacements) {
        let missing;
        out = out.replace(pattern, (match, key) => {
            const replaced = value(match, key) || undefined;
            if (replaced === undefined)
                missing ??= match;
            return replaced ?? match;
        });
        if (missing)
            return { unsupported: `${missing} (no value for it was given)` };
    }
    return { query: out };
}
const NAMES = {
    sli: ['$PROJECT', '$STAGE', '$SERVICE', '$DEPLOYMENT', '$DURATION_SECONDS', '$LABEL'],
    pitometer: ['$ENVIRONMENT', '$DURATION_MINUTES', '$DURATION']
};
const KNOWN = {
    sli: 'sli.yaml: $PROJECT $STAGE $SERVICE $DEPLOYMENT $DURATION_SECONDS $LABEL.<key>',
    pitometer: 'pitometer: $ENVIRONMENT $DURATION_MINUTES $DURATION'
};

;// CONCATENATED MODULE: ./src/prometheus/query.ts
/**
 * Prometheus's HTTP API, `/api/v1/query`: one instant query, one number or the reason there is none (an
 * unreachable server, a query error, an empty result, NaN, no answer in time). Never throws for those: a
 * missing value is for the gate to judge, per Keptn.
 */
/** Prometheus answers an instant query in a few KiB; a larger body is not a single value. */
const MAX_ANSWER_BYTES = 1 << 20;
/** Evaluates `query` at `time` (epoch ms). */
async function queryInstant(endpoint, query, time) {
    const url = `${endpoint.url.replace(/\/+$/, '')}/api/v1/query`;
    const body = new URLSearchParams({ query, time: (time / 1000).toFixed(3) });
    let response;
    try {
        response = await fetch(url, {
            method: 'POST',
            headers: {
                'content-type': 'application/x-www-form-urlencoded',
                accept: 'application/json',
                ...(endpoint.authorization ? { authorization: endpoint.authorization } : {})
            },
            body,
            signal: AbortSignal.timeout(endpoint.timeoutMs)
        });
    }
    catch (error) {
        return { values: null, reason: unreachable(endpoint, error) };
    }
    let text;
    try {
        text = await readCapped(response);
    }
    catch (error) {
        return { values: null, reason: unreachable(endpoint, error) };
    }
    return outcomeOf(response.status, text);
}
/** Pure: the outcome of Prometheus's answer (HTTP status and body). */
function outcomeOf(status, text) {
    let answer;
    try {
        answer = JSON.parse(text);
    }
    catch {
        return { values: null, reason: `Prometheus answered HTTP ${status} without JSON: ${firstLine(text)}` };
    }
    if (answer.status !== 'success')
        return {
            values: null,
            reason: `Prometheus: ${answer.errorType ?? `HTTP ${status}`}: ${firstLine(answer.error ?? 'no error message')}`
        };
    const data = answer.data ?? {};
    const samples = samplesOf(data.resultType, data.result);
    if (samples === null)
        return { values: null, reason: `Prometheus answered a ${String(data.resultType)}, not a number` };
    if (samples.length === 0)
        return { values: null, reason: 'no data: the query returned an empty result' };
    const values = samples.map(Number);
    const bad = values.findIndex(v => !Number.isFinite(v));
    if (bad >= 0)
        return { values: null, reason: `the query returned ${samples[bad]}, not a number` };
    return { values };
}
/** The sample values of a vector (one per series) or scalar result; null for other result types. */
function samplesOf(type, result) {
    if (type === 'scalar' && Array.isArray(result))
        return [String(result[1])];
    if (type !== 'vector' || !Array.isArray(result))
        return null;
    return result.map(series => String(series.value?.[1]));
}
async function readCapped(response) {
    const reader = response.body?.getReader();
    if (!reader)
        return '';
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > MAX_ANSWER_BYTES) {
            await reader.cancel();
            throw new Error(`answer larger than ${MAX_ANSWER_BYTES >> 20} MiB`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
}
function unreachable(endpoint, error) {
    const e = error;
    const why = e.name === 'TimeoutError'
        ? `no answer within ${endpoint.timeoutMs / 1000} s`
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    return `Prometheus at ${endpoint.url} unreachable: ${why}`;
}
function firstLine(text) {
    const line = text.trim().split('\n')[0] ?? '';
    return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

;// CONCATENATED MODULE: ./src/prometheus/measure.ts
/** Runs a gate's PromQL queries for a window, all at once: placeholders first, then one instant query each. */



/**
 * The queries run at the window's end, but no sooner than this after it: a scrape that started before the
 * end lands (its samples are stamped with its start) within its scrape timeout, and the gate should see it.
 */
const SETTLE_MS = 1_000;
async function measureQueries(endpoint, definitions, dialect, context) {
    // Every query is checked before any is sent: an unsupported placeholder is a file to fix, not a missing value.
    const queries = definitions.map(definition => {
        const substituted = substitute(definition.query, dialect, context);
        if ('unsupported' in substituted)
            throw new errors/* ConfigFileError */.x(definition.file, definition.line, `${definition.name}: unsupported placeholder ${substituted.unsupported}`);
        return substituted.query;
    });
    const window = context.window;
    if (!window)
        return definitions.map(({ name }, i) => ({
            name,
            query: queries[i],
            values: null,
            reason: 'not queried: the tests did not run, so there is no test window'
        }));
    const early = window.end + SETTLE_MS - Date.now();
    if (early > 0)
        await new Promise(resolve => setTimeout(resolve, early));
    return Promise.all(definitions.map(async ({ name }, i) => {
        const query = queries[i];
        const outcome = await queryInstant(endpoint, query, window.end);
        return outcome.values === null
            ? { name, query, values: null, reason: outcome.reason }
            : { name, query, values: outcome.values };
    }));
}

// EXTERNAL MODULE: ./src/files/user-file.ts
var user_file = __webpack_require__(3355);
// EXTERNAL MODULE: ./src/files/yaml-file.ts
var yaml_file = __webpack_require__(9071);
;// CONCATENATED MODULE: ./src/prometheus/perfspec.ts
/**
 * Keptn's pitometer gates: a 0.4 `perfspec.json` (indicators with Threshold grading, objectives in points)
 * and Keptn 0.5's `service-indicators.yaml` + `service-objectives.yaml`, which pitometer-service turned into
 * the same perfspec (each objective's `threshold` an upper severe threshold, its `score` the metric score).
 * Only Prometheus indicators with Threshold grading are supported; anything else is refused with the file
 * and line. JSON is read with the YAML parser (JSON is YAML) so that errors can name the line.
 */



const THRESHOLD_KEYS = ['upperSevere', 'upperWarning', 'lowerWarning', 'lowerSevere'];
function loadPerfSpec(file) {
    return (0,user_file/* parseUserFile */.HJ)(file, 'yaml', text => parsePerfSpec(text, file));
}
/** Reads the fields of one mapping, refusing unknown keys and wrong types with the line. */
class Fields {
    src;
    path;
    value;
    constructor(src, path, value, allowed, what) {
        this.src = src;
        this.path = path;
        this.value = value;
        for (const key of Object.keys(value))
            if (!allowed.includes(key))
                throw this.error([key], `not supported in ${what} (expected ${allowed.join(', ')})`);
    }
    error(path, message) {
        const at = [...this.path, ...path];
        return new errors/* ConfigFileError */.x(this.src.file, (0,yaml_file/* lineAt */.mh)(this.src, at), `${at.join('.')}: ${message}`);
    }
    string(key) {
        const v = this.value[key];
        if (typeof v !== 'string' || v.trim() === '')
            throw this.error([key], 'expected a non-empty string');
        return v.trim();
    }
    number(key, optional = false) {
        const v = this.value[key];
        if (v === undefined && optional)
            return undefined;
        if (typeof v !== 'number')
            throw this.error([key], 'expected a number');
        return v;
    }
    mapping(key) {
        return asMapping(this.src, [...this.path, key], this.value[key]);
    }
    list(key) {
        const v = this.value[key];
        if (!Array.isArray(v) || v.length === 0)
            throw this.error([key], 'expected a non-empty list');
        return v;
    }
    line() {
        return (0,yaml_file/* lineAt */.mh)(this.src, this.path);
    }
}
function asMapping(src, path, value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new errors/* ConfigFileError */.x(src.file, (0,yaml_file/* lineAt */.mh)(src, path), `${path.join('.') || 'document'}: expected a mapping`);
    return value;
}
function perfspec_document(text, file) {
    const src = (0,yaml_file/* parseYaml */.hN)(text, file);
    if (src.value === null || src.value === undefined)
        throw new errors/* ConfigFileError */.x(file, 1, 'is empty');
    return { src, root: asMapping(src, [], src.value) };
}
function prometheusSource(fields, key) {
    const source = fields.string(key);
    if (source.toLowerCase() !== 'prometheus')
        throw fields.error([key], `source ${source} is not supported (only Prometheus)`);
}
function parsePerfSpec(text, file) {
    const { src, root } = perfspec_document(text, file);
    const top = new Fields(src, [], root, ['spec_version', 'indicators', 'objectives'], 'perfspec.json');
    const indicators = top.list('indicators').map((raw, i) => {
        const path = ['indicators', i];
        const f = new Fields(src, path, asMapping(src, path, raw), ['id', 'source', 'query', 'grading', 'metadata'], 'an indicator');
        prometheusSource(f, 'source');
        const g = new Fields(src, [...path, 'grading'], f.mapping('grading'), ['type', 'thresholds', 'metricScore', 'ignoreEmpty'], 'a grading');
        const type = g.string('type');
        if (type !== 'Threshold')
            throw g.error(['type'], `grading ${type} is not supported (only Threshold)`);
        const t = new Fields(src, [...path, 'grading', 'thresholds'], g.mapping('thresholds'), THRESHOLD_KEYS, 'thresholds');
        const thresholds = {};
        for (const key of THRESHOLD_KEYS) {
            const value = t.number(key, true);
            if (value !== undefined)
                thresholds[key] = value;
        }
        const ignoreEmpty = asMapping(src, path, raw).grading.ignoreEmpty;
        if (ignoreEmpty !== undefined && typeof ignoreEmpty !== 'boolean')
            throw g.error(['ignoreEmpty'], 'expected true or false');
        const line = f.line();
        return {
            id: f.string('id'),
            query: f.string('query'),
            thresholds,
            metricScore: g.number('metricScore'),
            ignoreEmpty: ignoreEmpty === true,
            file,
            ...(line === undefined ? {} : { line })
        };
    });
    const o = new Fields(src, ['objectives'], top.mapping('objectives'), ['pass', 'warning'], 'objectives');
    return {
        file,
        indicators,
        objectives: { pass: o.number('pass'), warning: o.number('warning') },
        notes: zeroNotes(indicators)
    };
}
/** Keptn 0.5: indicators by metric name in one file, objectives (points per metric) in the other. */
function loadServiceObjectives(indicatorsFile, objectivesFile) {
    const indicators = (0,user_file/* parseUserFile */.HJ)(indicatorsFile, 'yaml', text => readServiceIndicators(text, indicatorsFile));
    return (0,user_file/* parseUserFile */.HJ)(objectivesFile, 'yaml', text => parseServiceObjectives(text, objectivesFile, indicators));
}
function readServiceIndicators(text, file) {
    const { src, root } = perfspec_document(text, file);
    const top = new Fields(src, [], root, ['indicators'], 'service-indicators.yaml');
    const out = new Map();
    top.list('indicators').forEach((raw, i) => {
        const path = ['indicators', i];
        const value = asMapping(src, path, raw);
        const f = new Fields(src, path, value, ['metric', 'source', 'query'], 'an indicator');
        prometheusSource(f, 'source');
        const line = f.line();
        out.set(f.string('metric'), { query: f.string('query'), file, ...(line === undefined ? {} : { line }) });
    });
    return out;
}
function parseServiceObjectives(text, file, indicators) {
    const { src, root } = perfspec_document(text, file);
    const top = new Fields(src, [], root, ['pass', 'warning', 'objectives'], 'service-objectives.yaml');
    const notes = [];
    const perf = top.list('objectives').map((raw, i) => {
        const path = ['objectives', i];
        const f = new Fields(src, path, asMapping(src, path, raw), ['metric', 'threshold', 'timeframe', 'score'], 'an objective');
        const metric = f.string('metric');
        const indicator = indicators.get(metric);
        if (!indicator)
            throw f.error(['metric'], `${metric} is not among the indicators of service-indicators.yaml`);
        if (f.number('threshold') === 0)
            notes.push(zeroNote(metric));
        if (raw.timeframe !== undefined)
            notes.push(`${file}: ${metric}: timeframe is not used (nor was it by Keptn 0.5): the window is the test run`);
        return {
            id: metric,
            query: indicator.query,
            thresholds: { upperSevere: f.number('threshold') },
            metricScore: f.number('score'),
            ignoreEmpty: false,
            file: indicator.file,
            ...(indicator.line === undefined ? {} : { line: indicator.line })
        };
    });
    return {
        file,
        indicators: perf,
        objectives: { pass: top.number('pass'), warning: top.number('warning') },
        notes
    };
}
/** Pitometer tests each threshold for truthiness: one of 0 is ignored, as it was there. */
function zeroNotes(indicators) {
    return indicators.flatMap(i => (THRESHOLD_KEYS.some(k => i.thresholds[k] === 0) ? [zeroNote(i.id)] : []));
}
function zeroNote(id) {
    return `${id}: a threshold of 0 is ignored, as pitometer ignored it`;
}

;// CONCATENATED MODULE: ./src/prometheus/sli-file.ts
/**
 * Keptn 0.6+ `sli.yaml`: the PromQL query of each SLI, as Keptn's prometheus-service read it
 * (`spec_version` and `indicators: {name: query}`). Read unchanged from a Keptn repository; anything else
 * is refused with the file and line.
 */



function loadSliFile(file) {
    return (0,user_file/* parseUserFile */.HJ)(file, 'yaml', text => parseSliFile(text, file));
}
const sli_file_KNOWN = new Set(['spec_version', 'indicators']);
function parseSliFile(text, file) {
    const src = (0,yaml_file/* parseYaml */.hN)(text, file);
    const raw = src.value;
    if (raw === null || raw === undefined)
        throw new errors/* ConfigFileError */.x(file, 1, 'is empty');
    if (typeof raw !== 'object' || Array.isArray(raw))
        throw new errors/* ConfigFileError */.x(file, 1, 'expected a mapping with spec_version and indicators');
    for (const key of Object.keys(raw))
        if (!sli_file_KNOWN.has(key))
            throw new errors/* ConfigFileError */.x(file, (0,yaml_file/* lineAt */.mh)(src, [key]), `${key}: not part of Keptn's sli.yaml (expected spec_version and indicators)`);
    const { spec_version: version, indicators } = raw;
    if (version !== undefined && typeof version !== 'string' && typeof version !== 'number')
        throw new errors/* ConfigFileError */.x(file, (0,yaml_file/* lineAt */.mh)(src, ['spec_version']), 'spec_version: expected a string');
    if (indicators === null || typeof indicators !== 'object' || Array.isArray(indicators))
        throw new errors/* ConfigFileError */.x(file, (0,yaml_file/* lineAt */.mh)(src, ['indicators']), 'indicators: expected a mapping of SLI name to PromQL query');
    const queries = Object.entries(indicators).map(([name, query]) => {
        const line = (0,yaml_file/* lineAt */.mh)(src, ['indicators', name]);
        if (typeof query !== 'string' || query.trim() === '')
            throw new errors/* ConfigFileError */.x(file, line, `indicators.${name}: expected a PromQL query (a non-empty string)`);
        return { name, query: query.trim(), file, ...(line === undefined ? {} : { line }) };
    });
    if (queries.length === 0)
        throw new errors/* ConfigFileError */.x(file, (0,yaml_file/* lineAt */.mh)(src, ['indicators']), 'indicators: none given');
    return queries;
}

// EXTERNAL MODULE: ./src/scoring/history.ts
var scoring_history = __webpack_require__(8933);
// EXTERNAL MODULE: ./src/scoring/score.ts + 1 modules
var scoring_score = __webpack_require__(7317);
;// CONCATENATED MODULE: ./src/scoring/pitometer.ts


/** Pure: one value against the thresholds. */
function gradeValue(value, t, metricScore) {
    let score = metricScore;
    const violations = [];
    const breach = (name, op, severe) => {
        violations.push(`${(0,scoring_score/* formatNumber */.ZV)(value)} ${op} ${name} ${(0,scoring_score/* formatNumber */.ZV)(t[name])}`);
        score = severe ? 0 : score / 2;
    };
    if (t.lowerSevere && value <= t.lowerSevere)
        breach('lowerSevere', '<=', true);
    else if (t.lowerWarning && value <= t.lowerWarning)
        breach('lowerWarning', '<=', false);
    if (t.upperSevere && value >= t.upperSevere)
        breach('upperSevere', '>=', true);
    else if (t.upperWarning && value >= t.upperWarning)
        breach('upperWarning', '>=', false);
    return { score, violations };
}
function gradeIndicator(indicator, measured) {
    const { thresholds: t, metricScore } = indicator;
    const values = measured.values;
    const grades = (values ?? []).map(v => gradeValue(v, t, metricScore));
    const score = values === null
        ? 0
        : grades.length === 0
            ? indicator.ignoreEmpty
                ? metricScore
                : 0
            : Math.min(...grades.map(g => g.score));
    const violations = grades.flatMap(g => g.violations);
    const value = values?.length ? worst(values, t) : null;
    const reason = values === null
        ? `no value: ${measured.reason ?? 'the indicator returned no values'}`
        : violations.length
            ? `${violations.join('; ')}${values.length > 1 ? ` (the lowest of ${values.length} series)` : ''}`
            : `within every threshold${values.length > 1 ? ` (${values.length} series)` : ''}`;
    const targets = (pairs) => pairs.flatMap(([name, operator]) => {
        const target = t[name];
        if (!target)
            return [];
        const holds = (v) => (operator === '<' ? v < target : v > target);
        return [
            {
                criterion: `${operator}${(0,scoring_score/* formatNumber */.ZV)(target)}`,
                group: 0,
                operator,
                target,
                relative: false,
                violated: values === null || (values ?? []).some(v => !holds(v))
            }
        ];
    });
    return {
        sli: indicator.id,
        source: { kind: 'prometheus', query: measured.query },
        value,
        status: score >= metricScore ? 'pass' : score > 0 ? 'warning' : 'fail',
        score,
        weight: metricScore,
        keySli: false,
        comparedValue: null,
        comparedValues: [],
        passTargets: targets([
            ['upperWarning', '<'],
            ['lowerWarning', '>']
        ]),
        warningTargets: targets([
            ['upperSevere', '<'],
            ['lowerSevere', '>']
        ]),
        reason,
        sloFile: indicator.file,
        ...(indicator.line === undefined ? {} : { line: indicator.line })
    };
}
/** The series value that scored lowest (the one shown). */
function worst(values, t) {
    return values.reduce((a, b) => (gradeValue(b, t, 1).score < gradeValue(a, t, 1).score ? b : a));
}
function gradePerfSpec(spec, measured) {
    const byName = new Map(measured.map(m => [m.name, m]));
    const indicators = spec.indicators.map(i => gradeIndicator(i, byName.get(i.id)));
    const score = indicators.reduce((sum, i) => sum + i.score, 0);
    const { pass, warning } = spec.objectives;
    const result = pass <= score ? 'pass' : warning <= score ? 'warning' : 'fail';
    const points = `${(0,scoring_score/* formatNumber */.ZV)(score)} points`;
    const headline = result === 'pass'
        ? `${points}: at least the ${(0,scoring_score/* formatNumber */.ZV)(pass)} to pass`
        : result === 'warning'
            ? `${points}: below the ${(0,scoring_score/* formatNumber */.ZV)(pass)} to pass, at least the ${(0,scoring_score/* formatNumber */.ZV)(warning)} to warn`
            : `${points}: below the ${(0,scoring_score/* formatNumber */.ZV)(warning)} to warn`;
    const failing = indicators.filter(i => i.status !== 'pass').map(i => `${i.sli}: ${i.reason}`);
    return {
        result,
        score,
        scoring: 'pitometer',
        indicators,
        totalScore: { pass, warning },
        comparison: { ...scoring_history/* DEFAULT_COMPARISON */.KJ, baseline: 'none' },
        reasons: result === 'pass' ? [headline] : [headline, ...failing],
        warnings: [...spec.notes],
        sloFile: spec.file,
        slis: Object.fromEntries(indicators.map(i => [i.sli, i.value]))
    };
}

;// CONCATENATED MODULE: ./src/scoring/prometheus-slis.ts




async function pitometerGate({ endpoint, context }, gate) {
    const spec = gate.kind === 'perfspec'
        ? loadPerfSpec(gate.file)
        : loadServiceObjectives(gate.indicators, gate.objectives);
    const definitions = spec.indicators.map(i => ({ ...i, name: i.id }));
    return gradePerfSpec(spec, await measureQueries(endpoint, definitions, 'pitometer', context));
}
/** The SLIs of an sli.yaml, by name, queried with the slo.yaml's filters. */
async function sliQueries({ endpoint, context }, file, filters) {
    const withFilters = filters ? { ...context, filters } : context;
    const measurements = await measureQueries(endpoint, loadSliFile(file), 'sli', withFilters);
    return new Map(measurements.map(m => [m.name, { value: sliValueOf(m), query: m.query }]));
}
/** An sli.yaml query must give one number, as Keptn's prometheus-service required. */
function sliValueOf(m) {
    if (m.values === null)
        return { value: null, reason: `${m.reason} (query: ${m.query})` };
    if (m.values.length > 1)
        return {
            value: null,
            reason: `the query returned ${m.values.length} series, not one: aggregate it, e.g. with sum() or avg() (query: ${m.query})`
        };
    return { value: m.values[0] };
}


/***/ })

};
