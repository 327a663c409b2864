// HttpBackend in real Chromium against the REAL reference server (server/, started by the wtr
// plugin in server/test/wtr-server-plugin.js on a temp SQLite file seeded with the demo data).
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ArticleRating } from '../../src/article-rating/article-rating.js';
import { BackendError } from '../../src/backend/backend.js';
import { HttpBackend } from '../../src/backend/http-backend.js';
import { ShapeError, parsePollView, parseRatingSummary } from '../../src/backend/shapes.js';
import { randomId } from '../../src/internal/voter.js';
import { SharedItem } from '../../src/internal/store.js';
import { SEED_ARTICLE, SEED_POLL, until, withPatience } from '../helpers.js';

ArticleRating.define();

type ServerState = { url: string; running: boolean };
const server = (action: 'start' | 'stop' | 'restart') => executeServerCommand<ServerState, { action: string }>('aw-server', { action });

let base = '';
let api = '';
before(async () => {
  base = (await server('start')).url;
  api = `${base}/api`;
});
after(async () => {
  await server('start'); // leave it running for the next test file
});

const write = (key = randomId(), voterId = randomId()) => ({ voterId, idempotencyKey: key });
const ratingRequests = () =>
  performance.getEntriesByType('resource').filter((e) => e.name.startsWith(`${api}/ratings`)).length;

async function failure(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(BackendError);
    return error as BackendError;
  }
  throw new Error('expected the call to fail');
}

describe('HttpBackend against the reference server', () => {
  it('reads the seeded rating and poll', async () => {
    const backend = new HttpBackend(api);
    expect(await backend.getRating(SEED_ARTICLE)).to.deep.equal({ articleId: SEED_ARTICLE, votes: 4, average: 4.5 });
    const poll = await backend.getPoll(SEED_POLL);
    expect(poll.closed).to.equal(true);
    expect(poll.options.map((o) => o.votes)).to.deep.equal([33, 30, 24, 21]);
  });

  it('sends the ratings asked for in the same task as ONE request', async () => {
    const backend = new HttpBackend(`${api}/`);
    const before = ratingRequests();
    const ids = Array.from({ length: 30 }, (_, i) => `listing-${i}`);
    const replies = await Promise.all([...ids, ...ids.slice(0, 5)].map((id) => backend.getRating(id)));
    expect(replies.map((r) => r.articleId)).to.deep.equal([...ids, ...ids.slice(0, 5)]);
    expect(replies.every((r) => r.votes === 0)).to.equal(true);
    expect(ratingRequests() - before).to.equal(1);
  });

  it('splits a batch past 100 ratings into requests of 100', async () => {
    const backend = new HttpBackend(api);
    const before = ratingRequests();
    const ids = Array.from({ length: 150 }, (_, i) => `page-${i}`);
    const replies = await Promise.all(ids.map((id) => backend.getRating(id)));
    expect(replies.map((r) => r.articleId)).to.deep.equal(ids);
    expect(ratingRequests() - before).to.equal(2);
  });

  it('elements showing ratings share one request, and the same item one entry', async () => {
    const before = ratingRequests();
    const article = `shared-${randomId()}`;
    const wrapper = await fixture(html`<div>
      <article-rating api=${api} article-id=${article}></article-rating>
      <article-rating api=${api} article-id=${article}></article-rating>
      <article-rating api=${api} article-id=${SEED_ARTICLE}></article-rating>
    </div>`);
    await until(() => ratingRequests() > before, 'the ratings to load');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ratingRequests() - before).to.equal(1);
    const url = performance.getEntriesByType('resource').filter((e) => e.name.startsWith(`${api}/ratings`)).at(-1)!.name;
    expect(decodeURIComponent(new URL(url).searchParams.get('ids')!).split(',').sort()).to.deep.equal([article, SEED_ARTICLE].sort());
    wrapper.remove();
  });

  it('casts a rating; a re-vote replaces it; a retry with the same key counts once', async () => {
    const backend = new HttpBackend(api);
    const article = `rate-${randomId()}`;
    const voter = randomId();
    const first = await backend.rateArticle(article, 5, write(randomId(), voter));
    expect(first).to.deep.equal({ summary: { articleId: article, votes: 1, average: 5 }, rating: 5 });
    const context = write(randomId(), voter);
    const changed = await backend.rateArticle(article, 3, context);
    const retried = await backend.rateArticle(article, 3, context);
    expect(retried).to.deep.equal(changed);
    await backend.rateArticle(article, 4, write());
    expect(await backend.getRating(article)).to.deep.equal({ articleId: article, votes: 2, average: 3.5 });
  });

  it('votes in a poll and sees its own choices, results shown after the vote', async () => {
    const backend = new HttpBackend(api);
    const voterId = randomId();
    const hidden = await backend.getPoll('reader-topics', { voterId });
    expect(hidden.voters).to.equal(undefined);
    const view = await backend.votePoll('reader-topics', ['asia'], write(randomId(), voterId));
    expect(view.myChoices).to.deep.equal(['asia']);
    expect(view.voters).to.be.a('number');
    expect((await backend.getPoll('reader-topics', { voterId })).myChoices).to.deep.equal(['asia']);
  });

  it('records and reads shares', async () => {
    const backend = new HttpBackend(api);
    const url = `https://example.org/a/${randomId()}`;
    expect(await backend.recordShare(url, 'telegram', write())).to.deep.equal({ url, counts: { telegram: 1 }, total: 1 });
    expect(await backend.getShareCounts(url)).to.deep.equal({ url, counts: { telegram: 1 }, total: 1 });
  });

  it('answers with typed errors: refused, not-found, invalid-reply', async () => {
    const backend = new HttpBackend(api);
    expect((await failure(backend.votePoll(SEED_POLL, ['o1'], write()))).code).to.equal('refused');
    expect((await failure(backend.rateArticle('x', 9, write()))).code).to.equal('refused');
    const again = write();
    await backend.votePoll('reader-topics', ['energy'], again);
    expect((await failure(backend.votePoll('reader-topics', ['security'], { ...again, idempotencyKey: randomId() }))).code).to.equal('refused');
    expect((await failure(backend.getPoll('no-such-poll'))).code).to.equal('not-found');
    expect((await failure(backend.votePoll('reader-topics', ['mars'], write()))).code).to.equal('not-found');
    const fake = new HttpBackend(`${base}/fake-api`);
    expect((await failure(fake.getPoll('not-json'))).code).to.equal('invalid-reply');
    // A reply of the wrong shape is passed on: the page store checks every backend's replies.
    const odd = await fake.getPoll('bad-shape');
    expect(() => parsePollView(odd)).to.throw(ShapeError);
    const oddRating = await fake.getRating('x');
    expect(() => parseRatingSummary(oddRating)).to.throw(ShapeError, 'rating.votes');
  });

  it('honours an AbortSignal, before and during a request', async () => {
    const backend = new HttpBackend(api);
    expect((await failure(backend.getRating('x', { signal: AbortSignal.abort() }))).code).to.equal('aborted');
    const controller = new AbortController();
    const pending = backend.getPoll('reader-topics', { signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).code).to.equal('aborted');
    const rating = new AbortController();
    const read = backend.getRating('abort-me', { signal: rating.signal });
    rating.abort();
    expect((await failure(read)).code).to.equal('aborted');
  });

  it('has no timer of its own: the signal it is given is its limit, and running out of time is a network failure', async () => {
    const backend = new HttpBackend(api);
    expect((await failure(backend.getPoll('reader-topics', { signal: AbortSignal.timeout(1) }))).code).to.equal('network');
  });

  it('with the server down: a vote fails at once as a network error; the page store reads again until it is back', async function () {
    // Stops and starts a real server process: on a loaded machine that alone can take seconds.
    this.timeout(40000);
    const backend = new HttpBackend(api);
    const article = `outage-${randomId()}`;
    const context = write();
    await server('stop');
    try {
      expect((await failure(backend.rateArticle(article, 4, context))).code).to.equal('network');
      expect((await failure(backend.getRating(article))).code, 'one request, no retry of its own').to.equal('network');
      await withPatience({ readRetries: 8 }, async () => {
        const item = new SharedItem((signal) => backend.getRating(SEED_ARTICLE, { signal }));
        item.subscribe(() => {});
        const read = item.load();
        await new Promise((resolve) => setTimeout(resolve, 100));
        await server('start');
        await read;
        expect(item.state.data?.articleId).to.equal(SEED_ARTICLE);
      });
    } finally {
      await server('start');
    }
    // The reader retries the failed vote: same key, counted once.
    const first = await backend.rateArticle(article, 4, context);
    expect(await backend.rateArticle(article, 4, context)).to.deep.equal(first);
    expect((await backend.getRating(article)).votes).to.equal(1);
  });

  it('signs voter ids with the item in verified mode', async () => {
    const seen: string[][] = [];
    const backend = new HttpBackend(api, { signVoter: (id, item) => (seen.push([id, item]), 'f'.repeat(64)) });
    const context = write();
    const article = `signed-${randomId()}`;
    const url = `https://example.org/${randomId()}`;
    // This server is not in verified mode, so it accepts the votes; the signatures went along.
    await backend.rateArticle(article, 5, context);
    await backend.votePoll('reader-topics', ['arctic'], { ...context, idempotencyKey: randomId() });
    await backend.recordShare(url, 'vk', { ...context, idempotencyKey: randomId() });
    expect(seen).to.deep.equal([
      [context.voterId, `rating:${article}`],
      [context.voterId, 'poll:reader-topics'],
      [context.voterId, `share:${url}`],
    ]);
  });
});
