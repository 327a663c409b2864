// The widget data shape ({ ratings, polls }) as the seed file and the admin import take it:
// checked against the same JSON schema the API validates with, then the rules a schema cannot say
// (unique ids, maxChoices, averages), each failure naming the path of the bad field.
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { ApiError } from './rules.js';
import { sharedSchemas } from './schemas.js';

/** @typedef {import('./storage/storage.js').ImportData} ImportData */

let validate;

function validator() {
  if (!validate) {
    const ajv = new Ajv({ allErrors: false, strict: false });
    addFormats.default(ajv);
    for (const schema of sharedSchemas) ajv.addSchema(schema);
    validate = ajv.getSchema('WidgetData');
  }
  return validate;
}

/** `/polls/0/options/2/votes` -> `polls[0].options[2].votes` */
export function jsonPointerToPath(pointer, prefix = '') {
  let path = prefix;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(key) ? `[${key}]` : path ? `.${key}` : key;
  }
  return path;
}

/** Describes one ajv error as [path, problem]. */
export function describeAjvError(error, prefix = '') {
  let path = jsonPointerToPath(error.instancePath, prefix);
  const p = error.params ?? {};
  if (error.keyword === 'required') path = path ? `${path}.${p.missingProperty}` : p.missingProperty;
  if (error.keyword === 'additionalProperties') {
    const field = path ? `${path}.${p.additionalProperty}` : p.additionalProperty;
    return [field, 'is not a known field'];
  }
  if (error.keyword === 'required') return [path, 'is required'];
  return [path || prefix || '$', error.message ?? 'is not valid'];
}

/**
 * Checks the rules past the schema and normalises: ratings as { votes, average }, polls with
 * every default filled in.
 * @param {any} data already schema-valid
 * @param {string} prefix the path prefix for errors ('' for a file, 'body' for a request)
 * @returns {ImportData}
 */
export function normalizeWidgetData(data, prefix = '') {
  const at = (/** @type {string} */ path) => (prefix ? `${prefix}.${path}` : path);
  const fail = (/** @type {string} */ path, /** @type {string} */ problem) => {
    throw new ApiError(400, 'invalid', `${at(path)}: ${problem}`, at(path));
  };
  /** @type {ImportData} */
  const out = {};
  if (data.ratings) {
    const seen = new Set();
    out.ratings = data.ratings.map((/** @type {any} */ r, /** @type {number} */ i) => {
      if (seen.has(r.articleId)) fail(`ratings[${i}].articleId`, `duplicate "${r.articleId}"`);
      seen.add(r.articleId);
      if (r.distribution) {
        const votes = r.distribution.reduce((/** @type {number} */ s, /** @type {number} */ n) => s + n, 0);
        const sum = r.distribution.reduce((/** @type {number} */ s, /** @type {number} */ n, /** @type {number} */ k) => s + n * (k + 1), 0);
        return { articleId: r.articleId, votes, average: votes === 0 ? 0 : sum / votes };
      }
      if (r.votes === undefined) fail(`ratings[${i}].votes`, 'is required (or give a distribution)');
      if (r.average === undefined) fail(`ratings[${i}].average`, 'is required (or give a distribution)');
      if (r.votes === 0 ? r.average !== 0 : r.average < 1) {
        fail(`ratings[${i}].average`, r.votes === 0 ? 'must be 0 when there are no votes' : 'expected a number from 1 to 5');
      }
      return { articleId: r.articleId, votes: r.votes, average: r.average };
    });
  }
  if (data.polls) {
    const seen = new Set();
    out.polls = data.polls.map((/** @type {any} */ p, /** @type {number} */ i) => normalizePoll(p, `polls[${i}]`, seen, fail));
  }
  return out;
}

/** @param {any} p @param {string} path @param {Set<string>} seen @param {(path: string, problem: string) => never} fail */
function normalizePoll(p, path, seen, fail) {
  if (seen.has(p.id)) fail(`${path}.id`, `duplicate "${p.id}"`);
  seen.add(p.id);
  const ids = new Set();
  p.options.forEach((/** @type {any} */ o, /** @type {number} */ k) => {
    if (ids.has(o.id)) fail(`${path}.options[${k}].id`, `duplicate option id "${o.id}"`);
    ids.add(o.id);
  });
  const multiple = p.multiple ?? false;
  const maxChoices = p.maxChoices ?? (multiple ? p.options.length : 1);
  if (maxChoices > p.options.length || (!multiple && maxChoices !== 1)) {
    fail(`${path}.maxChoices`, multiple ? `expected 1 to ${p.options.length}` : 'must be 1 for a single-choice poll');
  }
  return {
    id: p.id,
    question: p.question,
    options: p.options.map((/** @type {any} */ o) => ({ id: o.id, label: o.label, votes: o.votes })),
    multiple,
    maxChoices,
    results: p.results ?? 'always',
    closesAt: p.closesAt ?? null,
    closed: p.closed ?? false,
    allowChange: p.allowChange ?? false,
    ...(p.voters === undefined ? {} : { voters: p.voters }),
  };
}

/** Normalises one poll of a create request. */
export function normalizePollInput(p) {
  return normalizePoll(p, 'body', new Set(), (path, problem) => {
    throw new ApiError(400, 'invalid', `${path}: ${problem}`, path);
  });
}

/**
 * Checks a whole widget data value (a parsed seed file); throws an ApiError naming the bad field.
 * @param {unknown} value
 * @returns {ImportData}
 */
export function parseWidgetData(value) {
  const check = validator();
  if (!check(value)) {
    const [path, problem] = describeAjvError(check.errors[0]);
    throw new ApiError(400, 'invalid', `${path}: ${problem}`, path);
  }
  return normalizeWidgetData(value);
}
