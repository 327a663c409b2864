// The server side of the editors' console: sign-in, the session cookie's flags, CSRF, sign-out,
// idle expiry, failed sign-ins limited, the admin lists, and the console's files. Real server,
// real SQLite file or PostgreSQL database, real HTTP; every reply checked against openapi.json.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../dist/server/src/app.js';
import { ADMIN_TOKEN, ENGINES, admin, client, key, startServer, tempDir, voter } from './helpers.js';

const poll = (id, extra = {}) => ({
  id,
  question: `Question ${id}?`,
  options: [{ id: 'a', label: 'A', votes: 0 }, { id: 'b', label: 'B', votes: 0 }],
  ...extra,
});

/** Signs in with the admin token; the session's cookie (name=value) and CSRF token. */
async function signIn(api, headers = {}) {
  const r = await api('POST', '/api/admin/session', { body: { token: ADMIN_TOKEN }, headers });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const [setCookie] = r.headers.getSetCookie();
  return { cookie: setCookie.split(';')[0], csrf: r.body.csrfToken, setCookie, reply: r };
}

describe('console sign-in', () => {
  let s;
  before(async () => (s = await startServer({ trustProxy: 'loopback' })));
  after(() => s.close());

  it('refuses a wrong token, naming the field, and sets no cookie; the right one opens a session', async () => {
    const wrong = await s.api('POST', '/api/admin/session', { body: { token: `${ADMIN_TOKEN}x` } });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.field, 'body.token');
    assert.deepEqual(wrong.headers.getSetCookie(), []);
    const { cookie, csrf, reply } = await signIn(s.api);
    assert.match(cookie, /^aw_console=[\w-]{43}$/);
    assert.match(csrf, /^[\w-]{43}$/);
    assert.ok(Date.parse(reply.body.expiresAt) > Date.now() + 23 * 3600_000);
    const session = await s.api('GET', '/api/admin/session', { headers: { cookie } });
    assert.equal(session.status, 200);
    assert.equal(session.body.csrfToken, csrf);
    assert.equal(session.headers.get('cache-control'), 'no-store');
  });

  it('sets the cookie HttpOnly, SameSite=Strict, Path=/, and Secure only over HTTPS (here via a trusted proxy)', async () => {
    const plain = (await signIn(s.api)).setCookie.split('; ');
    assert.deepEqual(plain.slice(1).sort(), ['HttpOnly', 'Path=/', 'SameSite=Strict']);
    const https = (await signIn(s.api, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' })).setCookie.split('; ');
    assert.deepEqual(https.slice(1).sort(), ['HttpOnly', 'Path=/', 'SameSite=Strict', 'Secure']);
  });

  it('limits failed sign-ins per address: 429 with Retry-After, even for the right token, other addresses unaffected', async () => {
    const from = (address) => ({ 'x-forwarded-for': address });
    // The admin API's limit: 10 wrong tokens from an address, from the form or a script alike.
    for (let i = 0; i < 10; i++) {
      assert.equal((await s.api('POST', '/api/admin/session', { body: { token: 'wrong-token-wrong-token-1' }, headers: from('198.51.100.1') })).status, 401);
    }
    const blocked = await s.api('POST', '/api/admin/session', { body: { token: ADMIN_TOKEN }, headers: from('198.51.100.1') });
    assert.equal(blocked.status, 429);
    assert.equal(blocked.body.error.code, 'auth-limited');
    const wait = Number(blocked.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
    assert.deepEqual(blocked.headers.getSetCookie(), []);
    assert.equal((await s.api('POST', '/api/admin/session', { body: { token: ADMIN_TOKEN }, headers: from('198.51.100.2') })).status, 201);
  });

  it('refuses a sign-in without a token, or with another field, naming it', async () => {
    assert.equal((await s.api('POST', '/api/admin/session', { body: {} })).body.error.field, 'body.token');
    assert.equal((await s.api('POST', '/api/admin/session', { body: { token: ADMIN_TOKEN, admin: true } })).body.error.field, 'body.admin');
  });

  it('refuses a sign-in posted from another site', async () => {
    const r = await s.api('POST', '/api/admin/session', { body: { token: ADMIN_TOKEN }, headers: { origin: 'https://evil.example' } });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'origin-not-allowed');
  });
});

// What the database keeps (sessions, polls, counts) works alike on either engine.
for (const engine of ENGINES) {
  describe(`console session and CSRF on ${engine}`, () => {
    let s;
    before(async () => (s = await startServer({ engine })));
    after(() => s.close());

    it('a request with the cookie but without the CSRF token (or with a wrong one) is 403 and changes nothing', async () => {
      const { cookie, csrf } = await signIn(s.api);
      const missing = await s.api('POST', '/api/admin/polls', { body: poll('csrf-1'), headers: { cookie } });
      assert.equal(missing.status, 403);
      assert.equal(missing.body.error.code, 'csrf-token-invalid');
      assert.equal(missing.body.error.field, 'headers.x-csrf-token');
      const wrong = await s.api('POST', '/api/admin/polls', { body: poll('csrf-1'), headers: { cookie, 'x-csrf-token': `${csrf.slice(1)}A` } });
      assert.equal(wrong.status, 403);
      assert.equal((await s.api('GET', '/api/polls/csrf-1')).status, 404);
      const right = await s.api('POST', '/api/admin/polls', { body: poll('csrf-1'), headers: { cookie, 'x-csrf-token': csrf } });
      assert.equal(right.status, 201);
      const close = await s.api('POST', '/api/admin/polls/csrf-1/close', { headers: { cookie } });
      assert.equal(close.status, 403);
      assert.equal((await s.api('PATCH', '/api/admin/polls/csrf-1', { body: { question: 'New?' }, headers: { cookie, 'x-csrf-token': csrf } })).body.question, 'New?');
    });

    it('a client cannot claim HTTPS itself: X-Forwarded-Proto counts only from a trusted proxy', async () => {
      const { setCookie } = await signIn(s.api, { 'x-forwarded-proto': 'https' });
      assert.doesNotMatch(setCookie, /Secure/);
    });

    it('a read needs the cookie only; the bearer token keeps working without any cookie', async () => {
      const { cookie } = await signIn(s.api);
      assert.equal((await s.api('GET', '/api/admin/polls', { headers: { cookie } })).status, 200);
      assert.equal((await s.api('GET', '/api/admin/polls', { headers: admin })).status, 200);
      assert.equal((await s.api('POST', '/api/admin/polls', { body: poll('bearer-1'), headers: admin })).status, 201);
      const none = await s.api('GET', '/api/admin/polls');
      assert.equal(none.status, 401);
      assert.equal(none.body.error.field, 'headers.authorization');
    });

    it('a made-up cookie opens nothing', async () => {
      const r = await s.api('GET', '/api/admin/polls', { headers: { cookie: `aw_console=${'A'.repeat(43)}` } });
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, 'signed-out');
    });

    it('signing out needs the CSRF token, ends the session on the server and clears the cookie', async () => {
      const { cookie, csrf } = await signIn(s.api);
      assert.equal((await s.api('DELETE', '/api/admin/session', { headers: { cookie } })).status, 403);
      const out = await s.api('DELETE', '/api/admin/session', { headers: { cookie, 'x-csrf-token': csrf } });
      assert.equal(out.status, 204);
      assert.match(out.headers.getSetCookie()[0], /^aw_console=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0/);
      // The old cookie, kept by an attacker or a stale tab, no longer works.
      assert.equal((await s.api('GET', '/api/admin/session', { headers: { cookie } })).status, 401);
      assert.equal((await s.api('GET', '/api/admin/polls', { headers: { cookie } })).status, 401);
      assert.equal((await s.api('POST', '/api/admin/polls', { body: poll('after-out'), headers: { cookie, 'x-csrf-token': csrf } })).status, 401);
      assert.equal((await s.api('DELETE', '/api/admin/session', { headers: { cookie, 'x-csrf-token': csrf } })).status, 401);
    });
  });

  describe(`console session expiry on ${engine}`, () => {
    it('ends after a day idle; every use pushes the end back', async () => {
      let now = Date.parse('2026-11-28T12:00:00Z');
      const s = await startServer({ engine, now: () => new Date(now) });
      try {
        const { cookie } = await signIn(s.api);
        const use = async () => (await s.api('GET', '/api/admin/ratings', { headers: { cookie } })).status;
        now += 23 * 3600_000;
        assert.equal(await use(), 200);
        now += 23 * 3600_000; // 46 h after sign-in, 23 h after the last use
        assert.equal(await use(), 200);
        assert.equal((await s.api('GET', '/api/admin/session', { headers: { cookie } })).body.expiresAt, new Date(now + 24 * 3600_000).toISOString());
        now += 24 * 3600_000 + 1000;
        assert.equal(await use(), 401);
      } finally {
        await s.close();
      }
    });

    it('a new admin token signs every editor out', async () => {
      const s = await startServer({ engine });
      const other = await buildApp({ storage: s.storage, adminToken: 'another-admin-token-0123456789', rateLimit: { max: 0 } });
      try {
        const { cookie } = await signIn(s.api);
        const api = client(await other.listen({ port: 0, host: '127.0.0.1' }));
        assert.equal((await api('GET', '/api/admin/session', { headers: { cookie } })).status, 401);
        assert.equal((await s.api('GET', '/api/admin/session', { headers: { cookie } })).status, 200);
      } finally {
        await other.close();
        await s.close();
      }
    });

    it('without --admin-token the console says how to turn it on', async () => {
      const s = await startServer({ engine, adminToken: undefined });
      try {
        for (const [method, path, body] of [['POST', '/api/admin/session', { token: ADMIN_TOKEN }], ['GET', '/api/admin/session']]) {
          const r = await s.api(method, path, { body });
          assert.equal(r.status, 403);
          assert.equal(r.body.error.code, 'admin-disabled');
          assert.match(r.body.error.message, /--admin-token/);
        }
      } finally {
        await s.close();
      }
    });
  });

  describe(`admin lists on ${engine}`, () => {
    let s;
    before(async () => (s = await startServer({ engine })));
    after(() => s.close());

    it('lists every poll newest first, with every count even while readers may not see them', async () => {
      await s.api('POST', '/api/admin/polls', { body: poll('older', { results: 'after-close' }), headers: admin });
      await s.api('POST', '/api/admin/polls', { body: poll('newer'), headers: admin });
      const id = voter();
      await s.api('POST', '/api/polls/older/votes', { body: { optionIds: ['b'], voterId: id }, headers: { 'idempotency-key': key() } });
      const { polls } = (await s.api('GET', '/api/admin/polls', { headers: admin })).body;
      assert.deepEqual(polls.slice(0, 2).map((p) => p.id), ['newer', 'older']);
      assert.ok(polls.some((p) => p.id === 'reader-topics'), 'the seeded polls are listed too');
      const older = polls[1];
      assert.deepEqual(older.options.map((o) => o.votes), [0, 1]);
      assert.equal(older.voters, 1);
      assert.equal((await s.api('GET', '/api/polls/older')).body.options[1].votes, undefined, 'readers still see no counts');
      assert.deepEqual((await s.api('GET', '/api/admin/polls/older', { headers: admin })).body, older);
      const missing = await s.api('GET', '/api/admin/polls/nope', { headers: admin });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.field, 'params.pollId');
    });

    it('lists every rated article with its votes and average, and no unrated one', async () => {
      await s.api('POST', '/api/ratings/list-a/votes', { body: { rating: 4, voterId: voter() }, headers: { 'idempotency-key': key() } });
      await s.api('POST', '/api/ratings/list-a/votes', { body: { rating: 3, voterId: voter() }, headers: { 'idempotency-key': key() } });
      await s.api('GET', '/api/ratings/never-rated');
      const { ratings } = (await s.api('GET', '/api/admin/ratings', { headers: admin })).body;
      assert.deepEqual(ratings.find((r) => r.articleId === 'list-a'), { articleId: 'list-a', votes: 2, average: 3.5 });
      assert.equal(ratings.some((r) => r.articleId === 'never-rated'), false);
      assert.deepEqual(ratings.map((r) => r.articleId), ratings.map((r) => r.articleId).sort());
    });

    it('lists share counts per URL and network, most shared first', async () => {
      const share = (url, network) => s.api('POST', '/api/shares', { body: { url, network, voterId: voter() }, headers: { 'idempotency-key': key() } });
      await share('https://example.org/a', 'vk');
      await share('https://example.org/b', 'telegram');
      await share('https://example.org/b', 'telegram');
      await share('https://example.org/b', 'x');
      const { shares } = (await s.api('GET', '/api/admin/shares', { headers: admin })).body;
      assert.deepEqual(shares, [
        { url: 'https://example.org/b', counts: { telegram: 2, x: 1 }, total: 3 },
        { url: 'https://example.org/a', counts: { vk: 1 }, total: 1 },
      ]);
    });

    it('refuses the lists without the token', async () => {
      for (const path of ['/api/admin/polls', '/api/admin/polls/older', '/api/admin/ratings', '/api/admin/shares']) {
        assert.equal((await s.api('GET', path, { headers: { authorization: 'Bearer nope' } })).status, 401, path);
      }
    });
  });
}

describe('the console files at /admin', () => {
  it('serves the built console with a strict CSP, and nothing but its files', async () => {
    const { dir, remove } = tempDir();
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Console</title>');
    writeFileSync(join(dir, 'assets/console-abc123.js'), 'export {};');
    const s = await startServer({ consoleDir: dir });
    try {
      const bare = await fetch(`${s.url}/admin`, { redirect: 'manual' });
      assert.equal(bare.status, 302);
      assert.equal(bare.headers.get('location'), '/admin/');
      const page = await fetch(`${s.url}/admin/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type'), /^text\/html/);
      assert.match(page.headers.get('content-security-policy'), /default-src 'self'.*frame-ancestors 'none'/);
      assert.equal(page.headers.get('x-frame-options'), 'DENY');
      assert.equal(await page.text(), '<!doctype html><title>Console</title>');
      const script = await fetch(`${s.url}/admin/assets/console-abc123.js`);
      assert.match(script.headers.get('content-type'), /^text\/javascript/);
      assert.match(script.headers.get('cache-control'), /immutable/);
      for (const path of ['/admin/../package.json', '/admin/%2e%2e/package.json', '/admin/assets/missing.js', '/admin/index.html/x']) {
        assert.equal((await fetch(`${s.url}${path}`)).status, 404, path);
      }
    } finally {
      await s.close();
      remove();
    }
  });

  it('says how to build the console when it is not built', async () => {
    const { dir, remove } = tempDir();
    const s = await startServer({ consoleDir: dir });
    try {
      const page = await fetch(`${s.url}/admin/`);
      assert.equal(page.status, 404);
      assert.match(await page.text(), /npm run build/);
    } finally {
      await s.close();
      remove();
    }
  });
});
