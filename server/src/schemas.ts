// The API described once: shared JSON Schemas and the route table. Fastify validates requests and
// serialises replies with these; scripts/openapi.ts turns the same table into openapi.json. Every
// pattern and limit comes from the contract (src/contract/ids.ts), which the in-browser backends
// check with too; test/contract.test.js feeds both the same good and bad values.
import { ERROR_CODES } from '../../src/contract/errors.js';
import type { PollData, PollOption, PollView, RatingData, RatingSummary, RatingVoteResult, ShareCounts, WidgetData } from '../../src/contract/types.js';
import {
  DATE_TIME_PATTERN,
  IDEMPOTENCY_KEY_PATTERN,
  ID_PATTERN,
  LIMITS,
  NETWORK_PATTERN,
  SHARE_URL_PATTERN,
  VOTER_ID_PATTERN,
} from '../../src/contract/ids.js';

export { ID_PATTERN };

/** A JSON Schema, as Fastify and OpenAPI take it. */
export type Schema = Record<string, unknown>;

export const ID = { type: 'string', pattern: ID_PATTERN, maxLength: LIMITS.id };
/** The path of a route on one article, or on one poll. */
const ARTICLE_PARAMS = { type: 'object', required: ['articleId'], properties: { articleId: ID } };
export const POLL_PARAMS = { type: 'object', required: ['pollId'], properties: { pollId: ID } };
/** One id inside a longer pattern: ID_PATTERN without its anchors. */
const ID_BODY = ID_PATTERN.slice(1, -1);
const VOTER_ID = { type: 'string', pattern: VOTER_ID_PATTERN, description: 'The anonymous voter id the widget keeps in the site\'s localStorage.' };
const VOTER_SIGNATURE = {
  type: 'string',
  pattern: '^[0-9a-f]{64}$',
  description: 'Verified mode: hex HMAC-SHA256 of voterId, a newline and the item (rating:ID, poll:ID or share:URL) under the secret shared with the site.',
};
const IDEMPOTENCY = {
  type: 'object',
  required: ['idempotency-key'],
  properties: {
    'idempotency-key': {
      type: 'string',
      pattern: IDEMPOTENCY_KEY_PATTERN,
      description: 'The same for every retry of one action, so a retry counts once and gets the same reply.',
    },
  },
};
export const ADMIN = {
  type: 'object',
  properties: { authorization: { type: 'string', maxLength: 1024, description: 'Bearer ADMIN_TOKEN' } },
};
const SHARE_URL = { type: 'string', pattern: SHARE_URL_PATTERN, maxLength: LIMITS.url, description: 'An absolute http(s) address, encoded.' };
const NETWORK = { type: 'string', pattern: NETWORK_PATTERN };
const COUNT = { type: 'integer', minimum: 0, maximum: LIMITS.count };
const VISIBILITY = { type: 'string', enum: ['always', 'after-vote', 'after-close'] };
const CLOSES_AT = { type: ['string', 'null'], format: 'date-time', pattern: DATE_TIME_PATTERN };
/** Text a reader sees: not blank, at most `maxLength` characters. */
const words = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S' });
const QUESTION = words(LIMITS.question);
const LABEL = words(LIMITS.label);
const MAX_CHOICES = { type: 'integer', minimum: 1, maximum: LIMITS.options };

/** The fields of any member of a union type. */
type KeysOf<T> = T extends unknown ? keyof T : never;
/** The fields `T` always has. */
type RequiredKeysOf<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
/** A schema for each field of the contract's type `T`, and for no other (the compiler checks both). */
type PropertiesOf<T> = { [K in KeysOf<T>]-?: Schema };

/**
 * The schema of a reply of the contract's type `T`: a schema for every field and no other, and
 * `required` exactly the fields `T` always has; a field added to the type and not here fails to
 * compile. `objectOf<PollView>()(properties, required)`.
 */
const objectOf =
  <T>() =>
  <const R extends readonly RequiredKeysOf<T>[]>(
    properties: PropertiesOf<T>,
    required: R & ([Exclude<RequiredKeysOf<T>, R[number]>] extends [never] ? unknown : { missing: Exclude<RequiredKeysOf<T>, R[number]> }),
  ): Schema => ({ type: 'object', required, properties });

/** The fields of the contract's data type `T` (its file may leave out what the check fills in). */
const fieldsOf = <T>(properties: PropertiesOf<T>): PropertiesOf<T> => properties;

/** Schemas shared by reference (`{ $ref: 'Name#' }`), each with its `$id`. */
export const sharedSchemas: Schema[] = [
  {
    $id: 'Error',
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: ERROR_CODES, description: 'Stable, for programs (src/contract/errors.ts).' },
          message: { type: 'string', description: 'For people.' },
          field: { type: 'string', description: 'The offending field, as body.rating, params.pollId, query.ids.' },
        },
      },
    },
  },
  {
    $id: 'RatingSummary',
    ...objectOf<RatingSummary>()(
      { articleId: { type: 'string' }, votes: COUNT, average: { type: 'number', minimum: 0, maximum: 5 } },
      ['articleId', 'votes', 'average'],
    ),
  },
  {
    $id: 'RatingVoteResult',
    ...objectOf<RatingVoteResult>()({ summary: { $ref: 'RatingSummary#' }, rating: { type: 'integer', minimum: 1, maximum: 5 } }, ['summary', 'rating']),
  },
  {
    $id: 'PollView',
    ...objectOf<PollView>()(
      {
        id: { type: 'string' },
        question: { type: 'string' },
        options: {
          type: 'array',
          items: objectOf<PollOption>()({ id: { type: 'string' }, label: { type: 'string' }, votes: COUNT }, ['id', 'label']),
        },
        multiple: { type: 'boolean' },
        maxChoices: { type: 'integer', minimum: 1 },
        results: VISIBILITY,
        closesAt: { type: ['string', 'null'] },
        closed: { type: 'boolean' },
        allowChange: { type: 'boolean' },
        voters: COUNT,
        myChoices: { type: 'array', items: { type: 'string' } },
      },
      ['id', 'question', 'options', 'multiple', 'maxChoices', 'results', 'closesAt', 'closed', 'allowChange'],
    ),
    description: 'A poll as one reader sees it: votes and voters are absent while its results are hidden from them.',
  },
  {
    $id: 'ShareCounts',
    ...objectOf<ShareCounts>()({ url: { type: 'string' }, counts: { type: 'object', additionalProperties: COUNT }, total: COUNT }, ['url', 'counts', 'total']),
  },
  {
    $id: 'RatingData',
    description: "One article's imported rating: votes and average, or the count of each of 1..5 stars.",
    type: 'object',
    required: ['articleId'],
    additionalProperties: false,
    properties: fieldsOf<RatingData>({
      articleId: ID,
      votes: COUNT,
      average: { type: 'number', minimum: 0, maximum: 5 },
      distribution: { type: 'array', items: COUNT, minItems: 5, maxItems: 5 },
    }),
  },
  {
    $id: 'PollData',
    description: 'A poll with its imported votes, as in the widget data file.',
    type: 'object',
    required: ['id', 'question', 'options'],
    additionalProperties: false,
    properties: fieldsOf<PollData>({
      id: ID,
      question: QUESTION,
      options: {
        type: 'array',
        minItems: 2,
        maxItems: LIMITS.options,
        items: {
          type: 'object',
          required: ['id', 'label', 'votes'],
          additionalProperties: false,
          properties: fieldsOf<PollData['options'][number]>({ id: ID, label: LABEL, votes: COUNT }),
        },
      },
      multiple: { type: 'boolean' },
      maxChoices: MAX_CHOICES,
      results: VISIBILITY,
      closesAt: CLOSES_AT,
      closed: { type: 'boolean' },
      allowChange: { type: 'boolean' },
      voters: COUNT,
    }),
  },
  {
    $id: 'WidgetData',
    description: 'The widget data shape: polls, and rating aggregates imported from a site\'s old system.',
    type: 'object',
    additionalProperties: false,
    properties: fieldsOf<WidgetData>({
      ratings: { type: 'array', maxItems: LIMITS.ratings, items: { $ref: 'RatingData#' } },
      polls: { type: 'array', maxItems: LIMITS.polls, items: { $ref: 'PollData#' } },
    }),
  },
];

export const ref = (name: string) => ({ $ref: `${name}#` });

/** The body of a vote: its own fields, all required, and the voter (signed in verified mode). */
const voteBody = (properties: Record<string, Schema>): Schema => ({
  type: 'object',
  required: [...Object.keys(properties), 'voterId'],
  additionalProperties: false,
  properties: { ...properties, voterId: VOTER_ID, voterSignature: VOTER_SIGNATURE },
});

/** A reply that lists items of a shared schema under one key: `{ polls: [PollView] }`. */
export const listOf = (key: string, item: string): Schema => ({ type: 'object', required: [key], properties: { [key]: { type: 'array', items: ref(item) } } });
export const errors = { '4xx': ref('Error') };

/** One route of the API: what Fastify registers and OpenAPI documents. */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  operationId: string;
  summary: string;
  tags: string[];
  cacheable?: boolean;
  admin?: boolean;
  write?: boolean;
  bodyLimit?: number;
  schema: { params?: Schema; querystring?: Schema; headers?: Schema; body?: Schema; response: Record<string, Schema> };
}

export const routes: RouteSpec[] = [
  {
    method: 'GET', url: '/api/health', operationId: 'health', summary: 'Whether the server and its database answer.', tags: ['meta'],
    schema: {
      response: { 200: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' }, version: { type: 'string' } } } },
    },
  },
  {
    method: 'GET', url: '/api/ratings', operationId: 'getRatings', summary: 'Read many articles\' ratings at once (up to 100).', tags: ['ratings'], cacheable: true,
    schema: {
      querystring: {
        type: 'object', required: ['ids'], additionalProperties: false,
        properties: { ids: { type: 'string', description: 'Comma-separated article ids.', pattern: `^${ID_BODY}(,${ID_BODY}){0,99}$`, maxLength: 100 * (LIMITS.id + 1) } },
      },
      response: { 200: listOf('ratings', 'RatingSummary'), ...errors },
    },
  },
  {
    method: 'GET', url: '/api/ratings/:articleId', operationId: 'getRating', summary: 'Read one article\'s rating.', tags: ['ratings'], cacheable: true,
    schema: {
      params: ARTICLE_PARAMS,
      response: { 200: ref('RatingSummary'), ...errors },
    },
  },
  {
    method: 'POST', url: '/api/ratings/:articleId/votes', operationId: 'rateArticle', summary: 'Cast (or replace) this voter\'s rating of 1..5 stars.', tags: ['ratings'], write: true,
    schema: {
      params: ARTICLE_PARAMS,
      headers: IDEMPOTENCY,
      body: voteBody({ rating: { type: 'integer', minimum: 1, maximum: 5 } }),
      response: { 200: ref('RatingVoteResult'), ...errors },
    },
  },
  {
    method: 'GET', url: '/api/polls/:pollId', operationId: 'getPoll', summary: 'Read a poll as this reader sees it (send X-Voter-Id to see your own vote).', tags: ['polls'], cacheable: true,
    schema: {
      params: POLL_PARAMS,
      headers: { type: 'object', properties: { 'x-voter-id': VOTER_ID } },
      response: { 200: ref('PollView'), ...errors },
    },
  },
  {
    method: 'POST', url: '/api/polls/:pollId/votes', operationId: 'votePoll', summary: 'Cast this voter\'s choice; returns the poll as the voter now sees it.', tags: ['polls'], write: true,
    schema: {
      params: POLL_PARAMS,
      headers: IDEMPOTENCY,
      body: voteBody({ optionIds: { type: 'array', items: ID, minItems: 1, maxItems: LIMITS.options } }),
      response: { 200: ref('PollView'), ...errors },
    },
  },
  {
    method: 'GET', url: '/api/shares', operationId: 'getShareCounts', summary: 'Read the first-party share counts of a URL.', tags: ['shares'], cacheable: true,
    schema: {
      querystring: { type: 'object', required: ['url'], additionalProperties: false, properties: { url: SHARE_URL } },
      response: { 200: ref('ShareCounts'), ...errors },
    },
  },
  {
    method: 'POST', url: '/api/shares', operationId: 'recordShare', summary: 'Record one share of a URL on a network (once per reader per network).', tags: ['shares'], write: true,
    schema: {
      headers: IDEMPOTENCY,
      body: voteBody({ url: SHARE_URL, network: NETWORK }),
      response: { 200: ref('ShareCounts'), ...errors },
    },
  },
  {
    method: 'POST', url: '/api/admin/polls', operationId: 'createPoll', summary: 'Create a poll.', tags: ['admin'], admin: true,
    schema: { headers: ADMIN, body: ref('PollData'), response: { 201: ref('PollView'), ...errors } },
  },
  {
    method: 'PATCH', url: '/api/admin/polls/:pollId', operationId: 'updatePoll', summary: 'Change a poll: question, labels, rules, closing.', tags: ['admin'], admin: true,
    schema: {
      headers: ADMIN,
      params: POLL_PARAMS,
      body: {
        type: 'object', additionalProperties: false, minProperties: 1,
        properties: {
          question: QUESTION,
          results: VISIBILITY,
          closesAt: CLOSES_AT,
          closed: { type: 'boolean' },
          allowChange: { type: 'boolean' },
          multiple: { type: 'boolean' },
          maxChoices: MAX_CHOICES,
          labels: { type: 'object', description: 'New labels by option id.', additionalProperties: LABEL },
        },
      },
      response: { 200: ref('PollView'), ...errors },
    },
  },
  {
    method: 'POST', url: '/api/admin/polls/:pollId/close', operationId: 'closePoll', summary: 'Close a poll now.', tags: ['admin'], admin: true,
    schema: {
      headers: ADMIN,
      params: POLL_PARAMS,
      response: { 200: ref('PollView'), ...errors },
    },
  },
  {
    method: 'POST', url: '/api/admin/import', operationId: 'importData', summary: 'Import widget data: polls and rating aggregates. Importing the same data twice changes nothing; readers\' votes are kept.', tags: ['admin'], admin: true, bodyLimit: 4 * 1024 * 1024,
    schema: {
      headers: ADMIN,
      body: ref('WidgetData'),
      response: { 200: { type: 'object', required: ['ratings', 'polls'], properties: { ratings: COUNT, polls: COUNT } }, ...errors },
    },
  },
];
