// End to end: the demo page in headless Chromium against the real reference server (the real
// CLI, a temp SQLite file, the demo data), readers in separate browser contexts.
// Run: npm run test:e2e (builds dist/ first).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, launchChromium } from './chromium.mjs';
import { demoServer } from './demo-server.mjs';

const repo = new URL('../..', import.meta.url).pathname;
const ARTICLE = 'us-long-term-goals-for-russia';
// The open poll the demo page shows, with its seeded figures (the demo data may change).
const seededPoll = JSON.parse(readFileSync(join(repo, 'demo/data/widgets.json'), 'utf8')).polls.find((p) => p.id === 'reader-topics');
const demo = demoServer('aw-e2e-');
const base = demo.base;
let browser;
const api = async (path, headers = {}) => (await fetch(`${base()}/api${path}`, { headers })).json();

/**
 * Reports every Content-Security-Policy violation of `page` into `errors`: the demo must run under
 * the server's CSP (nothing inline, nothing from elsewhere) without one.
 */
async function watchCsp(page, errors) {
  await page.exposeFunction('reportCspViolation', (violation) => errors.push(`CSP violation: ${violation}`));
  await page.evaluateOnNewDocument(() =>
    document.addEventListener('securitypolicyviolation', (e) => window.reportCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)),
  );
}

/** A reader: a browser context of its own (own localStorage, own voter id) on the demo page. */
async function reader() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await watchCsp(page, errors);
  await page.goto(`${base()}/demo/`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('article-rating').length === 2 && customElements.get('article-rating'));
  return { context, page, errors };
}

/** The summary text of each <article-rating> on the page. */
const summaries = (page) =>
  page.evaluate(() => [...document.querySelectorAll('article-rating')].map((el) => el.shadowRoot?.querySelector('[part="summary"]')?.textContent?.trim()));

async function waitForSummaries(page, expected) {
  await page
    .waitForFunction(
      (want) => JSON.stringify([...document.querySelectorAll('article-rating')].map((el) => el.shadowRoot?.querySelector('[part="summary"]')?.textContent?.trim())) === JSON.stringify(want),
      { timeout: 10000 },
      expected,
    )
    .catch(async () => assert.deepEqual(await summaries(page), expected));
}

/** Clicks star `n` of the first rating on the page with the real mouse. */
async function clickStar(page, n, which = 0) {
  const star = await page.evaluateHandle(
    (n, which) => document.querySelectorAll('article-rating')[which].shadowRoot.querySelector(`[part~="star"][data-value="${n}"]`),
    n,
    which,
  );
  await star.click();
}

/** Waits until rating `which` says the reader's vote was counted (the figures show before that: they are optimistic). */
async function waitForCounted(page, which = 0) {
  await page.waitForFunction(
    (which) => document.querySelectorAll('article-rating')[which].shadowRoot.querySelector('[role="status"]').textContent.startsWith('Thank you!'),
    { timeout: 10000 },
    which,
  );
}

/** Waits (up to 20 s) until `done()` holds. */
async function until(done, what) {
  for (const started = Date.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (Date.now() - started > 20000) assert.fail(`timed out waiting for ${what}`);
  }
}

const voterIdOf = (page) => page.evaluate(() => localStorage.getItem('article-widgets:voter-id'));

before(async () => {
  assert.ok(existsSync(join(repo, 'dist/article-widgets.js')), 'build first: npm run build');
  await demo.start();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo.close();
});

describe('the demo page against the reference server', () => {
  let a;
  let b;

  it('shows the seeded figures in both ratings of the page', async () => {
    a = await reader();
    b = await reader();
    await waitForSummaries(a.page, ['(votes: 4, rating: 4.5)', '(4 votes)']);
    await waitForSummaries(b.page, ['(votes: 4, rating: 4.5)', '(4 votes)']);
  });

  it("loads the vote's code only once a reader reaches for the stars, never as the page loads", async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${base()}/demo/`, { waitUntil: 'networkidle0' });
    await waitForSummaries(page, ['(votes: 4, rating: 4.5)', '(4 votes)']);
    const voteCode = () => requested.filter((path) => /\/(vote-sending|http-writes)-[\w-]+\.js$/.test(path));
    assert.deepEqual(voteCode(), [], 'nothing of the vote loads before the reader acts');
    const star = await page.evaluateHandle(() => document.querySelector('article-rating').shadowRoot.querySelector('[part~="star"][data-value="3"]'));
    const loaded = page.waitForResponse((response) => /\/vote-sending-[\w-]+\.js$/.test(new URL(response.url()).pathname));
    await star.hover();
    assert.equal((await loaded).status(), 200);
    assert.equal(requested.filter((path) => path.endsWith('/votes')).length, 0, 'no vote was cast');
    await context.close();
  });

  it('counts the votes of two readers; both ratings on a page change together', async () => {
    await clickStar(a.page, 5);
    await waitForSummaries(a.page, ['(votes: 5, rating: 4.6)', '(5 votes)']);
    await waitForCounted(a.page);
    await clickStar(b.page, 3, 1); // the lower rating on the page
    await waitForSummaries(b.page, ['(votes: 6, rating: 4.3)', '(6 votes)']);
    await waitForCounted(b.page, 1);
    assert.deepEqual(await api(`/ratings/${ARTICLE}`), { articleId: ARTICLE, votes: 6, average: Math.round((26 / 6) * 1e6) / 1e6 });
    await a.page.reload({ waitUntil: 'load' });
    await waitForSummaries(a.page, ['(votes: 6, rating: 4.3)', '(6 votes)']);
    assert.notEqual(await voterIdOf(a.page), await voterIdOf(b.page));
  });

  it('a second vote from one reader (who forgot her vote, not her id) replaces the first, never counts twice', async () => {
    // The element offers no second vote (allow-change is off), so forget the remembered vote
    // but keep the voter id, as a reader who cleared part of the site's storage would.
    await a.page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key !== 'article-widgets:voter-id') localStorage.removeItem(key);
    });
    await a.page.reload({ waitUntil: 'load' });
    await waitForSummaries(a.page, ['(votes: 6, rating: 4.3)', '(6 votes)']);
    await clickStar(a.page, 1);
    await waitForSummaries(a.page, ['(votes: 6, rating: 3.7)', '(6 votes)']);
    await waitForCounted(a.page);
    await a.page.reload({ waitUntil: 'load' });
    await waitForSummaries(a.page, ['(votes: 6, rating: 3.7)', '(6 votes)']);
    assert.equal((await api(`/ratings/${ARTICLE}`)).votes, 6);
  });

  it('counts poll votes of two readers, and one reader once', async () => {
    const vote = async (page, options) => {
      await page.waitForFunction(() => document.querySelector('opinion-poll[poll-id="reader-topics"]')?.shadowRoot?.querySelector('[part~="input"]'));
      for (const option of options) {
        const input = await page.evaluateHandle(
          (o) => document.querySelector('opinion-poll[poll-id="reader-topics"]').shadowRoot.querySelector(`input[value="${o}"]`),
          option,
        );
        await input.click();
      }
      const button = await page.evaluateHandle(() => document.querySelector('opinion-poll[poll-id="reader-topics"]').shadowRoot.querySelector('[part~="vote"]'));
      await button.click();
      await page.waitForFunction(() => document.querySelector('opinion-poll[poll-id="reader-topics"]').shadowRoot.querySelector('[part~="figures"]'), { timeout: 10000 });
      // The results show at once (optimistic); the thanks once the vote is counted.
      await page.waitForFunction(
        () => document.querySelector('opinion-poll[poll-id="reader-topics"]').shadowRoot.querySelector('[role="status"]')?.textContent.startsWith('Thank you!'),
        { timeout: 10000 },
      );
    };
    await vote(a.page, ['security']);
    await vote(b.page, ['energy', 'asia']);
    const view = await api('/polls/reader-topics', { 'x-voter-id': await voterIdOf(a.page) });
    assert.deepEqual(view.myChoices, ['security']);
    const seeded = Object.fromEntries(seededPoll.options.map((o) => [o.id, o.votes]));
    const expected = { ...seeded, security: seeded.security + 1, energy: seeded.energy + 1, asia: seeded.asia + 1 };
    const seededVoters = seededPoll.voters ?? seededPoll.options.reduce((n, o) => n + o.votes, 0);
    assert.deepEqual(Object.fromEntries(view.options.map((o) => [o.id, o.votes])), expected);
    assert.equal(view.voters, seededVoters + 2);
    // The same reader again, by hand: refused, nothing counted.
    const again = await fetch(`${base()}/api/polls/reader-topics/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-again-123' },
      body: JSON.stringify({ optionIds: ['arctic'], voterId: await voterIdOf(a.page) }),
    });
    assert.equal(again.status, 409);
    assert.equal((await api('/polls/reader-topics', { 'x-voter-id': await voterIdOf(a.page) })).voters, seededVoters + 2);
    const figures = await b.page.evaluate(() =>
      [...document.querySelector('opinion-poll[poll-id="reader-topics"]').shadowRoot.querySelectorAll('[part~="figures"]')].map((f) => f.textContent.trim()),
    );
    const energy = seededPoll.options.findIndex((o) => o.id === 'energy');
    assert.match(figures[energy], new RegExp(`^${expected.energy}\\b`));
  });

  it('survives the server stopping and coming back under the page', async () => {
    const c = await reader();
    await waitForSummaries(c.page, ['(votes: 6, rating: 3.7)', '(6 votes)']);
    await demo.stop();
    await clickStar(c.page, 4);
    // The vote fails: the figures stay, an error is shown with a retry.
    // The server serves the scripts too, so the failure's own words cannot load: the ones every bundle has say it.
    await c.page.waitForFunction(() => document.querySelector('article-rating').shadowRoot.querySelector('[part~="retry"]'), { timeout: 20000 });
    assert.equal(
      await c.page.evaluate(() => document.querySelector('article-rating').shadowRoot.querySelector('[part~="error"] span').textContent.trim()),
      'Could not reach the server. Your vote was not counted.',
    );
    assert.deepEqual(await summaries(c.page), ['(votes: 6, rating: 3.7)', '(6 votes)']);
    await demo.start();
    const retry = await c.page.evaluateHandle(() => document.querySelector('article-rating').shadowRoot.querySelector('[part~="retry"]'));
    await retry.click();
    // 18 imported + 1 (a) + 3 (b) + 4 (c) over 7 votes; the figures show at once (optimistic), the thanks once it is counted.
    await waitForSummaries(c.page, ['(votes: 7, rating: 3.7)', '(7 votes)']);
    await waitForCounted(c.page);
    assert.deepEqual(await api(`/ratings/${ARTICLE}`), { articleId: ARTICLE, votes: 7, average: Math.round((26 / 7) * 1e6) / 1e6 });
    // The other readers' pages pick the new figures up on their next load.
    await b.page.reload({ waitUntil: 'load' });
    await waitForSummaries(b.page, ['(votes: 7, rating: 3.7)', '(7 votes)']);
    for (const r of [a, b, c]) assert.deepEqual(r.errors, []);
  });
  it("a first vote on a page whose server stopped after it loaded: its code cannot load, it rolls back and says so; once the server is back, Try again counts it once, with one idempotency key", async () => {
    // The code that sends a vote loads on a reader's first sign of voting: this reader gave none
    // before the server stopped, so neither it nor the failure's own words can load.
    const d = await reader();
    await waitForSummaries(d.page, ['(votes: 7, rating: 3.7)', '(7 votes)']);
    const errorEvents = [];
    await d.page.exposeFunction('recordRatingError', (detail) => errorEvents.push(detail));
    await d.page.evaluate(() => document.addEventListener('aw-rating-error', (e) => window.recordRatingError(e.detail)));
    // Every vote the browser sends, and what became of it: the first one that reaches the server
    // back is counted there but its answer is lost on the way (the connection reset), as on a bad
    // network; the page sees a failure and must retry with the same key.
    const votes = [];
    await d.page.setRequestInterception(true);
    d.page.on('request', async (request) => {
      if (request.method() !== 'POST' || !request.url().endsWith('/votes')) return request.continue();
      const { 'idempotency-key': key, 'content-type': type, origin } = request.headers();
      votes.push(key);
      if (votes.length > 1) return request.continue();
      const counted = await fetch(request.url(), { method: 'POST', headers: { 'idempotency-key': key, 'content-type': type, ...(origin && { origin }) }, body: request.postData() });
      assert.equal(counted.status, 200, 'the first vote reaches the server and is counted');
      await request.abort('connectionreset');
    });
    const error = () => d.page.evaluate(() => document.querySelector('article-rating').shadowRoot.querySelector('[part~="error"] span')?.textContent.trim());
    const retryButton = () => d.page.evaluateHandle(() => document.querySelector('article-rating').shadowRoot.querySelector('[part~="retry"]'));

    await demo.stop();
    await clickStar(d.page, 2);
    await d.page.waitForFunction(() => document.querySelector('article-rating').shadowRoot.querySelector('[part~="retry"]'), { timeout: 20000 });
    assert.equal(await error(), 'Could not reach the server. Your vote was not counted.');
    assert.deepEqual(await summaries(d.page), ['(votes: 7, rating: 3.7)', '(7 votes)'], 'both ratings rolled back');
    assert.equal(await d.page.evaluate(() => document.querySelector('article-rating').shadowRoot.querySelector('[role="status"]').textContent), 'Could not reach the server. Your vote was not counted.');
    assert.deepEqual(votes, [], 'nothing was sent');
    assert.deepEqual(errorEvents.map(({ articleId, rating, code }) => ({ articleId, rating, code })), [{ articleId: ARTICLE, rating: 2, code: 'network' }]);

    // The server is back: Try again loads the code (Chromium keeps the failed import: it is loaded
    // from a new address) and sends the vote, whose answer is lost.
    await demo.start();
    await (await retryButton()).click();
    await until(() => errorEvents.length === 2, 'the second failure');
    assert.equal(votes.length, 1);
    assert.equal(await error(), 'Could not reach the server. Your vote was not counted.');
    assert.deepEqual(await summaries(d.page), ['(votes: 7, rating: 3.7)', '(7 votes)']);
    assert.equal((await api(`/ratings/${ARTICLE}`)).votes, 8, 'the server counted the vote whose answer was lost');

    // Try again sends it with the same key: the server answers it as it did, counting nothing more.
    await (await retryButton()).click();
    await waitForCounted(d.page);
    await waitForSummaries(d.page, ['(votes: 8, rating: 3.5)', '(8 votes)']);
    assert.equal(votes.length, 2);
    assert.equal(votes[1], votes[0], 'one idempotency key for both sends');
    assert.deepEqual(await api(`/ratings/${ARTICLE}`), { articleId: ARTICLE, votes: 8, average: 3.5 });
    assert.equal(await error(), undefined);
    assert.deepEqual(d.errors, []);
    await d.context.close();
  });
});

describe('the whole demo page for every reader', () => {
  for (const [page, scheme] of [['index.html', 'light'], ['index.html', 'dark'], ['ru.html', 'light'], ['ru.html', 'dark']]) {
    it(`axe finds nothing on ${page} in the ${scheme} scheme, and the page loads nothing from elsewhere and breaks no CSP rule`, async () => {
      const context = await browser.createBrowserContext();
      const tab = await context.newPage();
      const requests = [];
      const errors = [];
      tab.on('request', (request) => requests.push(request.url()));
      await watchCsp(tab, errors);
      await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const response = await tab.goto(`${base()}/demo/${page}`, { waitUntil: 'networkidle0' });
      assert.match(response.headers()['content-security-policy'], /script-src 'self'.*frame-ancestors 'none'/);
      await tab.waitForFunction(() => [...document.querySelectorAll('opinion-poll')].every((poll) => poll.shadowRoot?.querySelector('[part="options"]')));
      assert.deepEqual(await axeViolations(tab), []);
      assert.deepEqual(requests.filter((url) => !url.startsWith(base())), [], 'no request leaves the site');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
