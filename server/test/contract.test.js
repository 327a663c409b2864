// The server validates requests with its JSON Schemas (schemas.ts, through Fastify's ajv); the
// in-browser backends check with the contract (src/contract/). Both are built from the same
// patterns and limits; this feeds both the same good and bad values and holds them to the same
// answer: the same verdict, and the same field for the first problem. The contract may refuse
// more than a schema can say (duplicate ids, a choice limit or an average that does not fit, a
// date-time no JavaScript engine reads), never less.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { routes, sharedSchemas } from '../dist/server/src/schemas.js';
import { describeAjvError } from '../dist/server/src/ajv-errors.js';
import { parseWidgetData } from '../dist/src/contract/widget-data.js';
import * as requests from '../dist/src/contract/requests.js';
import { demoData } from './helpers.js';

// As Fastify's own compiler is set up in app.ts: no coercion, no defaults, no removals.
const ajv = new Ajv({ coerceTypes: false, useDefaults: false, removeAdditional: false, allErrors: false, strict: false });
addFormats.default(ajv);
for (const schema of sharedSchemas) ajv.addSchema(schema);
const validateData = ajv.getSchema('WidgetData');

/** What the schema says of a value: undefined when it passes, else the field at fault. */
function schemaVerdict(validate, value, prefix = '') {
  if (validate(value)) return undefined;
  return describeAjvError(validate.errors[0], prefix)[0];
}

/** What the contract says: undefined when it passes, else [field, problem]. */
function contractVerdict(check) {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error.name !== 'ShapeError' && error.name !== 'ApiError') throw error;
    return [error.path ?? error.field, error.message];
  }
}

/** What only the contract can refuse: rules across fields, and dates Date.parse reads as nothing. */
const BEYOND_SCHEMA = /duplicate|expected 1 to \d+$|must be 1 for a single-choice poll|expected a number from 1 to 5|expected 0, with no votes|is required \(or give a distribution\)|date-time/;

const HOSTILE = [
  undefined, null, true, 0, -1, 1.5, 6, 1e12, 1e12 + 1, 1e20, Number.NaN, '', ' ', 'x', 'x'.repeat(129), 'x'.repeat(501), 'x'.repeat(1001),
  '😀'.repeat(400), '😀'.repeat(600), 'bad id', '.dot', '-dash', '__proto__', 'constructor', 'toString', 'a:b~c.d-e_f', [], [1], {}, { a: 1 },
  'always', 'sometimes', '2027-06-30T21:00:00Z', '2027-06-30T21:00:00.123+03:00', '2027-02-29T00:00:00Z', '2028-02-29T00:00:00Z',
  '2027-06-30t21:00:00z', '2027-06-30 21:00:00Z', '2027-06-30T21:00:00+0300', '2027-06-30T23:59:60Z', '2027-06-30T24:00:00Z', '2027-06-30',
  'tomorrow',
];

/** Every path to a value in `value`, as [parent, key] pairs to mutate. */
function slots(value, out = []) {
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      out.push([value, key]);
      slots(value[key], out);
    }
  }
  return out;
}

describe('the JSON Schemas and the contract agree', () => {
  it('on widget data: every field of the demo data set to each hostile value, and an unknown field in every object', () => {
    let compared = 0;
    let beyond = 0;
    const base = JSON.stringify(demoData);
    const slotCount = slots(JSON.parse(base)).length;
    for (let slot = 0; slot < slotCount; slot++) {
      for (const hostile of [...HOSTILE, 'unknown-field']) {
        const doc = JSON.parse(base);
        const [parent, key] = slots(doc)[slot];
        if (hostile === 'unknown-field') {
          if (!parent[key] || typeof parent[key] !== 'object' || Array.isArray(parent[key])) continue;
          parent[key].surprise = 1;
        } else if (hostile === undefined) delete parent[key];
        else parent[key] = hostile;
        // As it arrives: JSON (an array's hole or NaN is null there).
        const sent = JSON.parse(JSON.stringify(doc));
        const schema = schemaVerdict(validateData, sent);
        const contract = contractVerdict(() => parseWidgetData(sent));
        const what = `${JSON.stringify(hostile)} at slot ${slot} (${key})`;
        compared++;
        if (schema !== undefined) {
          assert.ok(contract, `the schema refuses ${what} at ${schema}; the contract takes it`);
          assert.equal(contract[0], schema, `${what}: the same field`);
        } else if (contract) {
          assert.match(contract[1], BEYOND_SCHEMA, `the contract refuses ${what} (${contract.join(': ')}), which the schema takes`);
          beyond++;
        }
      }
    }
    assert.ok(compared > 3000 && beyond > 0, `${compared} documents compared, ${beyond} refused by the contract alone`);
    console.log(`${compared} documents compared, ${beyond} refused by the contract alone`);
  });

  it('on the values of every write and read: ids, ratings, ballots, voter ids, keys, share addresses and networks', () => {
    const route = (id) => routes.find((r) => r.operationId === id).schema;
    const fields = [
      ['id', route('getRating').params.properties.articleId, (v) => requests.checkId(v, 'id')],
      ['rating', route('rateArticle').body.properties.rating, (v) => requests.checkRating(v)],
      ['voterId', route('rateArticle').body.properties.voterId, (v) => requests.checkVoterId(v, 'voterId')],
      ['idempotency key', route('rateArticle').headers.properties['idempotency-key'], (v) => requests.checkIdempotencyKey(v)],
      ['optionIds', route('votePoll').body.properties.optionIds, (v) => requests.checkOptionIds(v)],
      ['share url', route('recordShare').body.properties.url, (v) => requests.checkShareUrl(v, 'url')],
      ['network', route('recordShare').body.properties.network, (v) => requests.checkNetworkName(v)],
    ];
    const values = [
      ...HOSTILE, 1, 2, 5, 3.0, '3', 'a'.repeat(16), 'a'.repeat(15), 'A_b-0'.repeat(25), 'a'.repeat(129), 'key.with:colons', 'k'.repeat(8), 'k'.repeat(7),
      ['a'], ['a', 'b'], ['a', 'bad id'], Array.from({ length: 50 }, (_, i) => `o${i}`), Array.from({ length: 51 }, (_, i) => `o${i}`), [''],
      'https://example.org/a', 'http://example.org/a?b=1#c', 'https://exa mple.org/', 'https://example.org/статья', 'https://example.org/%D1%81',
      'ftp://example.org/', 'javascript:alert(1)', `https://e.org/${'x'.repeat(2040)}`, `https://e.org/${'x'.repeat(2050)}`, 'https://e.org/"<>',
      'telegram', 'vk', 'Telegram', 'my-network', '-x', 'x'.repeat(32), 'x'.repeat(33),
    ];
    for (const [name, schema, check] of fields) {
      const validate = ajv.compile(schema);
      for (const value of values) {
        const schemaTakes = validate(value);
        const contractTakes = contractVerdict(() => check(value)) === undefined;
        assert.equal(contractTakes, schemaTakes, `${name} ${JSON.stringify(value)}: the schema ${schemaTakes ? 'takes' : 'refuses'} it, the contract ${contractTakes ? 'takes' : 'refuses'} it`);
      }
    }
  });
});
