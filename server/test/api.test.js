// Every operation of the API against a real server on a real SQLite file; every reply is also
// checked against openapi.json by the client.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE, admin, key, pollVote, startServer, vote, voter } from './helpers.js';

describe('ratings', () => {
  let s;
  before(async () => (s = await startServer()));
  after(() => s.close());

  it('reads the seeded aggregate and answers 0 for an article nobody rated yet', async () => {
    assert.deepEqual((await s.api('GET', `/api/ratings/${ARTICLE}`)).body, { articleId: ARTICLE, votes: 4, average: 4.5 });
    assert.deepEqual((await s.api('GET', '/api/ratings/unrated-article')).body, { articleId: 'unrated-article', votes: 0, average: 0 });
  });

  it('counts a vote into the counters and returns the new aggregate', async () => {
    const r = await vote(s.api, 'a1', 4);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { summary: { articleId: 'a1', votes: 1, average: 4 }, rating: 4 });
    const r2 = await vote(s.api, 'a1', 5);
    assert.deepEqual(r2.body.summary, { articleId: 'a1', votes: 2, average: 4.5 });
  });

  it('adds readers to the imported aggregate', async () => {
    const r = await vote(s.api, ARTICLE, 5);
    assert.deepEqual(r.body.summary, { articleId: ARTICLE, votes: 5, average: 4.6 });
  });

  it('a re-vote by the same voter replaces the old rating, never counts twice', async () => {
    const id = voter();
    await vote(s.api, 'a2', 5, { voterId: id });
    await vote(s.api, 'a2', 3);
    const r = await vote(s.api, 'a2', 1, { voterId: id });
    assert.deepEqual(r.body, { summary: { articleId: 'a2', votes: 2, average: 2 }, rating: 1 });
    assert.deepEqual((await s.api('GET', '/api/ratings/a2')).body, { articleId: 'a2', votes: 2, average: 2 });
  });

  it('a retry with the same idempotency key counts once and gets the same reply', async () => {
    const id = voter();
    const k = key();
    const first = await vote(s.api, 'a3', 4, { voterId: id, idempotencyKey: k });
    await vote(s.api, 'a3', 2); // someone else votes in between
    const retry = await vote(s.api, 'a3', 4, { voterId: id, idempotencyKey: k });
    assert.equal(retry.status, 200);
    assert.deepEqual(retry.body, first.body);
    assert.deepEqual((await s.api('GET', '/api/ratings/a3')).body, { articleId: 'a3', votes: 2, average: 3 });
  });

  it('refuses an idempotency key reused for a different request (422), changing nothing', async () => {
    const id = voter();
    const k = key();
    await vote(s.api, 'a4', 4, { voterId: id, idempotencyKey: k });
    const r = await vote(s.api, 'a4', 1, { voterId: id, idempotencyKey: k });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'idempotency-key-reused');
    assert.equal(r.body.error.field, 'headers.idempotency-key');
    assert.deepEqual((await s.api('GET', '/api/ratings/a4')).body, { articleId: 'a4', votes: 1, average: 4 });
  });

  it('reads many ratings in one request, in order, without duplicates', async () => {
    const r = await s.api('GET', `/api/ratings?ids=a1,${ARTICLE},nobody,a1`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.ratings.map((x) => [x.articleId, x.votes]), [['a1', 2], [ARTICLE, 5], ['nobody', 0]]);
    const many = Array.from({ length: 101 }, (_, i) => `x${i}`).join(',');
    const tooMany = await s.api('GET', `/api/ratings?ids=${many}`);
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.error.field, 'query.ids');
    const missing = await s.api('GET', '/api/ratings');
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.field, 'query.ids');
  });

  it('aggregate reads are cacheable: ETag, Cache-Control, 304 on If-None-Match, new ETag after a vote', async () => {
    const first = await s.api('GET', '/api/ratings/a5');
    const etag = first.headers.get('etag');
    assert.match(etag, /^"[\w-]+"$/);
    assert.match(first.headers.get('cache-control'), /public/);
    const again = await s.api('GET', '/api/ratings/a5', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body, undefined);
    await vote(s.api, 'a5', 3);
    const changed = await s.api('GET', '/api/ratings/a5', { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.equal(changed.body.votes, 1);
    const batch = await s.api('GET', '/api/ratings?ids=a5');
    assert.equal((await s.api('GET', '/api/ratings?ids=a5', { headers: { 'if-none-match': batch.headers.get('etag') } })).status, 304);
  });
});

describe('ratings when re-votes are refused', () => {
  let s;
  before(async () => (s = await startServer({ ratingChange: 'refuse' })));
  after(() => s.close());

  it('answers 409 already-voted and keeps the first rating', async () => {
    const id = voter();
    assert.equal((await vote(s.api, 'b1', 5, { voterId: id })).status, 200);
    const r = await vote(s.api, 'b1', 1, { voterId: id });
    assert.equal(r.status, 409);
    assert.equal(r.body.error.code, 'already-voted');
    assert.deepEqual((await s.api('GET', '/api/ratings/b1')).body, { articleId: 'b1', votes: 1, average: 5 });
  });
});

describe('polls', () => {
  let s;
  before(async () => (s = await startServer()));
  after(() => s.close());

  it('shows a closed poll with its results to everyone and refuses votes in it', async () => {
    const r = await s.api('GET', `/api/polls/${ARTICLE}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.closed, true);
    assert.deepEqual(r.body.options.map((o) => o.votes), [33, 30, 24, 21]);
    assert.equal(r.body.voters, 108);
    const v = await pollVote(s.api, ARTICLE, ['o1']);
    assert.equal(v.status, 409);
    assert.equal(v.body.error.code, 'poll-closed');
    assert.deepEqual((await s.api('GET', `/api/polls/${ARTICLE}`)).body.options.map((o) => o.votes), [33, 30, 24, 21]);
  });

  it('hides the results of an after-vote poll until this reader voted, then shows them with their choices', async () => {
    const id = voter();
    const hidden = await s.api('GET', '/api/polls/reader-topics', { headers: { 'x-voter-id': id } });
    assert.equal(hidden.body.options[0].votes, undefined);
    assert.equal(hidden.body.voters, undefined);
    assert.match(hidden.headers.get('cache-control'), /private/);
    const v = await pollVote(s.api, 'reader-topics', ['security', 'energy'], { voterId: id });
    assert.equal(v.status, 200);
    assert.deepEqual(v.body.options.map((o) => o.votes), [13, 10, 7, 4]);
    assert.equal(v.body.voters, 20);
    assert.deepEqual(v.body.myChoices, ['security', 'energy']);
    const mine = await s.api('GET', '/api/polls/reader-topics', { headers: { 'x-voter-id': id } });
    assert.deepEqual(mine.body.myChoices, ['security', 'energy']);
    assert.equal(mine.body.voters, 20);
    const anonymous = await s.api('GET', '/api/polls/reader-topics');
    assert.equal(anonymous.body.options[0].votes, undefined);
    assert.equal(anonymous.body.myChoices, undefined);
  });

  it('keeps one vote per voter when the poll does not allow a change', async () => {
    const id = voter();
    await pollVote(s.api, 'reader-topics', ['asia'], { voterId: id });
    const again = await pollVote(s.api, 'reader-topics', ['arctic'], { voterId: id });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'already-voted');
    const seen = await s.api('GET', '/api/polls/reader-topics', { headers: { 'x-voter-id': id } });
    assert.deepEqual(seen.body.options.map((o) => o.votes), [13, 10, 8, 4]);
    assert.equal(seen.body.voters, 21);
  });

  it('a retried poll vote counts once and gets the same reply', async () => {
    const id = voter();
    const k = key();
    const first = await pollVote(s.api, 'reader-topics', ['arctic'], { voterId: id, idempotencyKey: k });
    const retry = await pollVote(s.api, 'reader-topics', ['arctic'], { voterId: id, idempotencyKey: k });
    assert.equal(retry.status, 200);
    assert.deepEqual(retry.body, first.body);
    assert.equal(first.body.voters, 22);
    assert.equal((await s.api('GET', '/api/polls/reader-topics', { headers: { 'x-voter-id': id } })).body.voters, 22);
  });

  it('checks ballots: unknown poll 404, unknown option 404, too many choices 400, nothing counted', async () => {
    const missing = await pollVote(s.api, 'no-such-poll', ['a']);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.field, 'params.pollId');
    const unknown = await pollVote(s.api, 'reader-topics', ['security', 'mars']);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.field, 'body.optionIds[1]');
    const many = await pollVote(s.api, 'reader-topics', ['security', 'energy', 'asia']);
    assert.equal(many.status, 400);
    assert.equal(many.body.error.field, 'body.optionIds');
    const none = await pollVote(s.api, 'reader-topics', []);
    assert.equal(none.status, 400);
    assert.equal((await s.api('GET', '/api/polls/no-such-poll')).status, 404);
    const id = voter();
    await pollVote(s.api, 'reader-topics', ['security'], { voterId: id });
    const after = await s.api('GET', '/api/polls/reader-topics', { headers: { 'x-voter-id': id } });
    assert.equal(after.body.voters, 23);
    assert.deepEqual(after.body.options.map((o) => o.votes), [14, 10, 8, 5]);
  });

  it('admin: creates a poll, lets readers change votes where allowed, closes it by closesAt and by hand', async () => {
    const poll = {
      id: 'changeable', question: 'Tea or coffee?', results: 'after-close', allowChange: true, closed: false, closesAt: null,
      options: [{ id: 'tea', label: 'Tea', votes: 0 }, { id: 'coffee', label: 'Coffee', votes: 0 }],
    };
    const created = await s.api('POST', '/api/admin/polls', { body: poll, headers: admin });
    assert.equal(created.status, 201);
    assert.equal(created.body.multiple, false);
    assert.equal(created.body.maxChoices, 1);
    assert.equal((await s.api('POST', '/api/admin/polls', { body: poll, headers: admin })).status, 409);
    const id = voter();
    const first = await pollVote(s.api, 'changeable', ['tea'], { voterId: id });
    assert.equal(first.body.options[0].votes, undefined, 'after-close: hidden while open, even to voters');
    assert.deepEqual(first.body.myChoices, ['tea']);
    await pollVote(s.api, 'changeable', ['coffee'], { voterId: id });
    await pollVote(s.api, 'changeable', ['coffee']);
    const closed = await s.api('PATCH', '/api/admin/polls/changeable', { body: { closesAt: '2020-01-01T00:00:00Z', labels: { tea: 'Green tea' } }, headers: admin });
    assert.equal(closed.status, 200);
    assert.equal(closed.body.closed, true);
    assert.equal(closed.body.options[0].label, 'Green tea');
    assert.deepEqual(closed.body.options.map((o) => o.votes), [0, 2]);
    assert.equal(closed.body.voters, 2);
    assert.equal((await pollVote(s.api, 'changeable', ['tea'])).status, 409);
    const reopened = await s.api('PATCH', '/api/admin/polls/changeable', { body: { closesAt: null }, headers: admin });
    assert.equal(reopened.body.closed, false);
    const shut = await s.api('POST', '/api/admin/polls/changeable/close', { headers: admin });
    assert.equal(shut.status, 200);
    assert.equal(shut.body.closed, true);
    const bad = await s.api('PATCH', '/api/admin/polls/changeable', { body: { labels: { nope: 'x' } }, headers: admin });
    assert.equal(bad.status, 404);
    assert.equal(bad.body.error.field, 'body.labels.nope');
    assert.equal((await s.api('PATCH', '/api/admin/polls/nope', { body: { closed: true }, headers: admin })).status, 404);
  });

  it('admin: importing the same data twice changes nothing and keeps readers\' votes', async () => {
    const before = await s.api('GET', '/api/polls/reader-topics', { headers: { 'x-voter-id': voter() } });
    const data = { polls: [{ id: 'reader-topics', question: 'Which topics should we cover more often?', options: [
      { id: 'security', label: 'European security', votes: 12 }, { id: 'energy', label: 'Energy and sanctions', votes: 9 },
      { id: 'asia', label: 'Russia and Asia', votes: 7 }, { id: 'arctic', label: 'The Arctic', votes: 4 }],
      multiple: true, maxChoices: 2, voters: 19, results: 'after-vote', closesAt: '2027-06-30T21:00:00Z', closed: false }],
      ratings: [{ articleId: 'imported', distribution: [0, 0, 1, 1, 2] }] };
    for (let i = 0; i < 2; i++) {
      const r = await s.api('POST', '/api/admin/import', { body: data, headers: admin });
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, { ratings: 1, polls: 1 });
    }
    const id = voter();
    await pollVote(s.api, 'reader-topics', ['asia'], { voterId: id });
    const now = await s.api('GET', '/api/polls/reader-topics', { headers: { 'x-voter-id': id } });
    assert.equal(before.body.options[0].votes, undefined);
    assert.equal(now.body.voters, 24);
    assert.deepEqual(now.body.options.map((o) => o.votes), [14, 10, 9, 5]);
    assert.deepEqual((await s.api('GET', '/api/ratings/imported')).body, { articleId: 'imported', votes: 4, average: 4.25 });
    const bad = await s.api('POST', '/api/admin/import', { body: { polls: [{ ...data.polls[0], maxChoices: 9 }] }, headers: admin });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'body.polls[0].maxChoices');
  });
});

describe('shares', () => {
  let s;
  before(async () => (s = await startServer()));
  after(() => s.close());
  const url = 'https://example.org/analysis/one?x=1';
  const share = (network, { voterId = voter(), idempotencyKey = key() } = {}) =>
    s.api('POST', '/api/shares', { body: { url, network, voterId }, headers: { 'idempotency-key': idempotencyKey } });

  it('records shares by network, once per reader per network, and reads them back', async () => {
    assert.deepEqual((await s.api('GET', `/api/shares?url=${encodeURIComponent(url)}`)).body, { url, counts: {}, total: 0 });
    const id = voter();
    assert.deepEqual((await share('telegram', { voterId: id })).body, { url, counts: { telegram: 1 }, total: 1 });
    await share('telegram', { voterId: id });
    await share('vk', { voterId: id });
    await share('telegram');
    const read = await s.api('GET', `/api/shares?url=${encodeURIComponent(url)}`);
    assert.deepEqual(read.body, { url, counts: { telegram: 2, vk: 1 }, total: 3 });
    assert.ok(read.headers.get('etag'));
  });

  it('refuses a bad URL or network naming the field', async () => {
    const r = await s.api('POST', '/api/shares', { body: { url: 'javascript:alert(1)', network: 'vk', voterId: voter() }, headers: { 'idempotency-key': key() } });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.field, 'body.url');
    const n = await s.api('POST', '/api/shares', { body: { url, network: '<b>', voterId: voter() }, headers: { 'idempotency-key': key() } });
    assert.equal(n.body.error.field, 'body.network');
    assert.equal((await s.api('GET', '/api/shares?url=nope')).status, 400);
  });
});

describe('health', () => {
  it('answers ok with the version', async () => {
    const s = await startServer();
    try {
      const r = await s.api('GET', '/api/health');
      assert.equal(r.body.ok, true);
      assert.match(r.body.version, /^\d+\.\d+\.\d+/);
    } finally {
      await s.close();
    }
  });
});
