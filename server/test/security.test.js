// CORS, the admin token, the rate limit, verified mode and hostile input: each refusal a clear
// 4xx naming the field, never a 5xx, never a changed total.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { ARTICLE, admin, key, pollVote, startServer, vote, voter } from './helpers.js';

const SITE = 'https://news.example.org';

describe('CORS and write origins', () => {
  let s;
  before(async () => (s = await startServer({ allowOrigins: [SITE, 'http://127.0.0.1:9999'] })));
  after(() => s.close());

  it('answers the preflight of an allowed origin, with the headers a vote needs', async () => {
    const r = await fetch(`${s.url}/api/ratings/c1/votes`, {
      method: 'OPTIONS',
      headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    assert.ok(r.status < 300);
    assert.equal(r.headers.get('access-control-allow-origin'), SITE);
    assert.match(r.headers.get('access-control-allow-headers'), /Idempotency-Key/i);
    const get = await s.api('GET', '/api/ratings/c1', { headers: { origin: SITE } });
    assert.equal(get.headers.get('access-control-allow-origin'), SITE);
  });

  it('gives a refused origin no CORS headers and refuses its writes with 403', async () => {
    const pre = await fetch(`${s.url}/api/ratings/c1/votes`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
    const r = await vote(s.api, 'c1', 5, { headers: { origin: 'https://evil.example' } });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'origin-not-allowed');
    assert.equal((await s.api('GET', '/api/ratings/c1')).body.votes, 0);
  });

  it('lets allowed origins and the server\'s own pages write', async () => {
    assert.equal((await vote(s.api, 'c1', 5, { headers: { origin: SITE } })).status, 200);
    assert.equal((await vote(s.api, 'c1', 5, { headers: { origin: new URL(s.url).origin } })).status, 200);
    assert.equal((await s.api('GET', '/api/ratings/c1')).body.votes, 2);
  });
});

describe('admin token', () => {
  let s;
  before(async () => (s = await startServer()));
  after(() => s.close());
  const poll = { id: 'p-admin', question: 'Q?', options: [{ id: 'a', label: 'A', votes: 0 }, { id: 'b', label: 'B', votes: 0 }] };

  it('refuses admin operations without the token or with a wrong one (401), changing nothing', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: 'Basic abc' }, { authorization: `Bearer ${admin.authorization.slice(7)}x` }]) {
      const r = await s.api('POST', '/api/admin/polls', { body: poll, headers });
      assert.equal(r.status, 401);
      assert.equal(r.body.error.field, 'headers.authorization');
    }
    assert.equal((await s.api('POST', `/api/admin/polls/${ARTICLE}/close`, { headers: { authorization: 'Bearer nope' } })).status, 401);
    assert.equal((await s.api('GET', '/api/polls/p-admin')).status, 404);
    assert.equal((await s.api('POST', '/api/admin/polls', { body: poll, headers: admin })).status, 201);
  });

  it('turns admin operations off when the server has no token', async () => {
    const t = await startServer({ adminToken: undefined });
    try {
      const r = await t.api('POST', '/api/admin/import', { body: {}, headers: { authorization: 'Bearer undefined' } });
      assert.equal(r.status, 403);
      assert.equal(r.body.error.code, 'admin-disabled');
    } finally {
      await t.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the limit, and the refused votes change nothing', async () => {
    const s = await startServer({ rateLimit: { max: 3, windowMs: 60_000 } });
    try {
      for (let i = 0; i < 3; i++) assert.equal((await vote(s.api, 'r1', 5)).status, 200);
      const r = await vote(s.api, 'r1', 1);
      assert.equal(r.status, 429);
      assert.equal(r.body.error.code, 'rate-limited');
      assert.ok(Number(r.headers.get('retry-after')) >= 1);
      assert.equal((await pollVote(s.api, 'reader-topics', ['asia'])).status, 429);
      assert.deepEqual((await s.api('GET', '/api/ratings/r1')).body, { articleId: 'r1', votes: 3, average: 5 });
    } finally {
      await s.close();
    }
  });
});

describe('verified mode', () => {
  it('counts only votes the site signed for that voter and that item', async () => {
    const secret = 'shared-with-the-site';
    const s = await startServer({ verifySecret: secret });
    try {
      const id = voter();
      const sign = (v, item) => createHmac('sha256', secret).update(item === undefined ? v : `${v}\n${item}`).digest('hex');
      const post = (article, body) => s.api('POST', `/api/ratings/${article}/votes`, { body, headers: { 'idempotency-key': key() } });
      const unsigned = await post('v1', { rating: 5, voterId: id });
      assert.equal(unsigned.status, 403);
      assert.equal(unsigned.body.error.field, 'body.voterSignature');
      assert.equal((await post('v1', { rating: 5, voterId: id, voterSignature: sign(voter(), 'rating:v1') })).status, 403, 'another voter\'s');
      assert.equal((await post('v1', { rating: 5, voterId: id, voterSignature: sign(id) })).status, 403, 'the voter id alone, as signed before items were');
      assert.equal((await post('v2', { rating: 5, voterId: id, voterSignature: sign(id, 'rating:v1') })).status, 403, 'another article\'s');
      assert.equal((await post('v1', { rating: 5, voterId: id, voterSignature: sign(id, 'poll:v1') })).status, 403, 'a poll\'s of the same id');
      assert.equal((await post('v1', { rating: 5, voterId: id, voterSignature: sign(id, 'rating:v1') })).status, 200);
      assert.deepEqual((await s.api('GET', '/api/ratings/v1')).body, { articleId: 'v1', votes: 1, average: 5 });
      assert.equal((await s.api('GET', '/api/ratings/v2')).body.votes, 0);

      const pollBody = { optionIds: ['asia'], voterId: id };
      const pollPost = (signature) => s.api('POST', '/api/polls/reader-topics/votes', { body: { ...pollBody, voterSignature: signature }, headers: { 'idempotency-key': key() } });
      assert.equal((await pollPost(sign(id, 'rating:v1'))).status, 403);
      assert.equal((await pollPost(sign(id, 'poll:reader-topics'))).status, 200);
      const url = 'https://news.example.org/a';
      const sharePost = (signature) => s.api('POST', '/api/shares', { body: { url, network: 'vk', voterId: id, voterSignature: signature }, headers: { 'idempotency-key': key() } });
      assert.equal((await sharePost(sign(id, 'share:https://news.example.org/b'))).status, 403);
      assert.equal((await sharePost(sign(id, `share:${url}`))).status, 200);
    } finally {
      await s.close();
    }
  });
});

describe('bad input: a clear 4xx, never a 5xx, never a changed total', () => {
  let s;
  before(async () => (s = await startServer()));
  after(() => s.close());

  const totals = async () => [
    (await s.api('GET', `/api/ratings/${ARTICLE}`)).body,
    (await s.api('GET', '/api/polls/reader-topics', { headers: { 'x-voter-id': 'x'.repeat(16) } })).body,
  ];
  const ok = { rating: 4, voterId: 'v'.repeat(32) };
  const k = () => ({ 'idempotency-key': key() });
  const json = { 'content-type': 'application/json' };
  const cases = [
    ['malformed JSON', 'POST', `/api/ratings/${ARTICLE}/votes`, { raw: '{"rating": 4,', headers: { ...json, ...k() } }, 400, 'body'],
    ['empty JSON body', 'POST', `/api/ratings/${ARTICLE}/votes`, { raw: '', headers: { ...json, ...k() } }, 400, 'body'],
    ['JSON array body', 'POST', `/api/ratings/${ARTICLE}/votes`, { body: [ok], headers: k() }, 400, 'body'],
    ['rating as a string', 'POST', `/api/ratings/${ARTICLE}/votes`, { body: { ...ok, rating: '4' }, headers: k() }, 400, 'body.rating'],
    ['rating 4.5', 'POST', `/api/ratings/${ARTICLE}/votes`, { body: { ...ok, rating: 4.5 }, headers: k() }, 400, 'body.rating'],
    ['rating 0', 'POST', `/api/ratings/${ARTICLE}/votes`, { body: { ...ok, rating: 0 }, headers: k() }, 400, 'body.rating'],
    ['rating 6', 'POST', `/api/ratings/${ARTICLE}/votes`, { body: { ...ok, rating: 6 }, headers: k() }, 400, 'body.rating'],
    ['rating null', 'POST', `/api/ratings/${ARTICLE}/votes`, { body: { ...ok, rating: null }, headers: k() }, 400, 'body.rating'],
    ['no voter id', 'POST', `/api/ratings/${ARTICLE}/votes`, { body: { rating: 4 }, headers: k() }, 400, 'body.voterId'],
    ['voter id too short', 'POST', `/api/ratings/${ARTICLE}/votes`, { body: { ...ok, voterId: 'abc' }, headers: k() }, 400, 'body.voterId'],
    ['voter id as an object', 'POST', `/api/ratings/${ARTICLE}/votes`, { body: { ...ok, voterId: { $gt: '' } }, headers: k() }, 400, 'body.voterId'],
    ['an unknown field', 'POST', `/api/ratings/${ARTICLE}/votes`, { body: { ...ok, admin: true }, headers: k() }, 400, 'body.admin'],
    ['__proto__ pollution', 'POST', `/api/ratings/${ARTICLE}/votes`, { raw: '{"rating":4,"voterId":"vvvvvvvvvvvvvvvvvvvv","__proto__":{"x":1}}', headers: { ...json, ...k() } }, 400, 'body'],
    ['no idempotency key', 'POST', `/api/ratings/${ARTICLE}/votes`, { body: ok }, 400, 'headers.idempotency-key'],
    ['a hostile idempotency key', 'POST', `/api/ratings/${ARTICLE}/votes`, { body: ok, headers: { 'idempotency-key': "'; DROP TABLE ratings; --" } }, 400, 'headers.idempotency-key'],
    ['text/plain body', 'POST', `/api/ratings/${ARTICLE}/votes`, { raw: JSON.stringify(ok), headers: { 'content-type': 'text/plain', ...k() } }, 415, undefined],
    ['form body', 'POST', `/api/ratings/${ARTICLE}/votes`, { raw: 'rating=4', headers: { 'content-type': 'application/x-www-form-urlencoded', ...k() } }, 415, undefined],
    ['a huge body', 'POST', `/api/ratings/${ARTICLE}/votes`, { body: { ...ok, pad: 'x'.repeat(200_000) }, headers: k() }, 413, 'body'],
    ['a huge id list', 'GET', `/api/ratings?ids=${'a,'.repeat(3000)}a`, {}, 400, 'query.ids'],
    ["SQL in an id", 'POST', `/api/ratings/${encodeURIComponent("x' OR '1'='1")}/votes`, { body: ok, headers: k() }, 400, 'params.articleId'],
    ['markup in an id', 'GET', `/api/ratings/${encodeURIComponent('<script>alert(1)</script>')}`, {}, 400, 'params.articleId'],
    ['a path in an id', 'GET', `/api/polls/${encodeURIComponent('../../etc/passwd')}`, {}, 400, 'params.pollId'],
    ['a NUL in an id', 'GET', '/api/ratings/a%00b', {}, 400, 'params.articleId'],
    ['unicode in an id', 'GET', `/api/ratings/${encodeURIComponent('статья')}`, {}, 400, 'params.articleId'],
    ['a 1000-character id', 'GET', `/api/ratings/${'a'.repeat(1000)}`, {}, 400, 'params.articleId'],
    ['bad percent-encoding', 'GET', '/api/ratings/%E0%A4%A', {}, 400, undefined],
    ['an unknown poll', 'POST', '/api/polls/nope/votes', { body: { optionIds: ['a'], voterId: 'v'.repeat(32) }, headers: k() }, 404, 'params.pollId'],
    ['option ids as a string', 'POST', '/api/polls/reader-topics/votes', { body: { optionIds: 'asia', voterId: 'v'.repeat(32) }, headers: k() }, 400, 'body.optionIds'],
    ['a hostile option id', 'POST', '/api/polls/reader-topics/votes', { body: { optionIds: ['<img src=x>'], voterId: 'v'.repeat(32) }, headers: k() }, 400, 'body.optionIds[0]'],
    ['a hostile X-Voter-Id', 'GET', '/api/polls/reader-topics', { headers: { 'x-voter-id': "' OR 1=1" } }, 400, 'headers.x-voter-id'],
    ['a share URL with a space', 'POST', '/api/shares', { body: { url: 'https://exa mple.org/', network: 'vk', voterId: 'v'.repeat(32) }, headers: k() }, 400, 'body.url'],
    ['a poll closing "tomorrow"', 'POST', '/api/admin/polls', { body: { id: 'p', question: 'Q', closesAt: 'tomorrow', options: [{ id: 'a', label: 'A', votes: 0 }, { id: 'b', label: 'B', votes: 0 }] }, headers: admin }, 400, 'body.closesAt'],
    ['a poll with one option', 'POST', '/api/admin/polls', { body: { id: 'p', question: 'Q', options: [{ id: 'a', label: 'A', votes: 0 }] }, headers: admin }, 400, 'body.options'],
    ['a poll with duplicate options', 'POST', '/api/admin/polls', { body: { id: 'p', question: 'Q', options: [{ id: 'a', label: 'A', votes: 0 }, { id: 'a', label: 'B', votes: 0 }] }, headers: admin }, 400, 'body.options[1].id'],
    ['an unknown route', 'GET', '/api/nothing-here', {}, 404, undefined],
    ['a wrong method', 'DELETE', `/api/ratings/${ARTICLE}`, {}, 404, undefined],
  ];

  it('refuses each bad request clearly', async () => {
    const before = await totals();
    for (const [name, method, path, init, status, field] of cases) {
      const r = await s.api(method, path, init);
      assert.equal(r.status, status, `${name}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
      assert.equal(typeof r.body.error.code, 'string', name);
      assert.ok(r.body.error.message.length > 0, name);
      if (field !== undefined) assert.equal(r.body.error.field, field, `${name}: ${JSON.stringify(r.body)}`);
    }
    assert.deepEqual(await totals(), before);
    assert.equal((await s.api('GET', '/api/polls/p')).status, 404, 'no refused poll was created');
  });
});

describe('random bodies (seeded, reproducible)', () => {
  it('never answer a 5xx and never change a total', async () => {
    const s = await startServer();
    try {
      let seed = 20261128;
      const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const pick = (list) => list[Math.floor(rand() * list.length)];
      const value = (depth = 0) => {
        const kinds = ['num', 'str', 'bool', 'null', 'arr', 'obj', 'big', 'neg', 'float', 'hostile'];
        switch (pick(depth > 2 ? kinds.slice(0, 4) : kinds)) {
          case 'num': return Math.floor(rand() * 7);
          case 'str': return 'x'.repeat(Math.floor(rand() * 40));
          case 'bool': return rand() < 0.5;
          case 'null': return null;
          case 'arr': return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
          case 'obj': return Object.fromEntries(Array.from({ length: Math.floor(rand() * 4) }, () => [pick(['rating', 'voterId', 'optionIds', 'url', 'network', 'x']), value(depth + 1)]));
          case 'big': return 2 ** 60;
          case 'neg': return -1;
          case 'float': return rand() * 5;
          default: return pick(["'; DROP TABLE polls; --", '<script>', '../..', '\u0000', '💥', '%00', '{{7*7}}']);
        }
      };
      const before = [(await s.api('GET', `/api/ratings/${ARTICLE}`)).body, (await s.api('GET', '/api/polls/reader-topics', { headers: { 'x-voter-id': 'y'.repeat(16) } })).body];
      const paths = [`/api/ratings/${ARTICLE}/votes`, '/api/polls/reader-topics/votes', '/api/shares', '/api/admin/import', '/api/admin/polls'];
      for (let i = 0; i < 300; i++) {
        const body = rand() < 0.7 ? { ...value(), rating: value(), voterId: pick(['v'.repeat(32), value()]), optionIds: value() } : value();
        const headers = { 'idempotency-key': pick([key(), 'short', '']), ...(rand() < 0.3 ? { authorization: 'Bearer nope' } : {}) };
        const r = await s.api('POST', pick(paths), { body, headers });
        assert.ok(r.status < 500, `${r.status} for ${JSON.stringify(body)}`);
        const accepted = r.status === 200 || r.status === 201;
        if (accepted) assert.fail(`accepted ${JSON.stringify(body)}`);
      }
      const after = [(await s.api('GET', `/api/ratings/${ARTICLE}`)).body, (await s.api('GET', '/api/polls/reader-topics', { headers: { 'x-voter-id': 'y'.repeat(16) } })).body];
      assert.deepEqual(after, before);
    } finally {
      await s.close();
    }
  });
});
