// Admin operations against attackers and editors' slips: every mistake a 4xx (huge counts, option
// ids named like Object.prototype's members), wrong tokens limited per address, short tokens
// refused at start. Real server, real HTTP; addresses through a trusted loopback proxy.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildApp } from '../dist/server/src/app.js';
import { ADMIN_TOKEN, admin, killSpawned, spawnCli, startServer, tempDir } from './helpers.js';

const poll = (id, options = ['a', 'b']) => ({ id, question: 'Q?', options: options.map((o) => ({ id: o, label: o.toUpperCase(), votes: 0 })) });

describe('admin mistakes are 4xx, never 500', () => {
  let s;
  before(async () => (s = await startServer()));
  after(() => s.close());

  it('refuses counts past a trillion, naming the field', async () => {
    const cases = [
      ['POST', '/api/admin/polls', { ...poll('huge'), options: [{ id: 'a', label: 'A', votes: 1e20 }, { id: 'b', label: 'B', votes: 0 }] }, 'body.options[0].votes'],
      ['POST', '/api/admin/polls', { ...poll('huge'), voters: 1e20 }, 'body.voters'],
      ['POST', '/api/admin/polls', { ...poll('huge'), multiple: true, maxChoices: 1e20 }, 'body.maxChoices'],
      ['POST', '/api/admin/import', { ratings: [{ articleId: 'x', votes: 1e20, average: 4 }] }, 'body.ratings[0].votes'],
      ['POST', '/api/admin/import', { ratings: [{ articleId: 'x', distribution: [0, 0, 0, 0, 1e20] }] }, 'body.ratings[0].distribution[4]'],
      ['PATCH', '/api/admin/polls/reader-topics', { maxChoices: 1e20 }, 'body.maxChoices'],
    ];
    for (const [method, path, body, field] of cases) {
      const r = await s.api(method, path, { body, headers: admin });
      assert.equal(r.status, 400, `${field}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.field, field);
    }
    assert.equal((await s.api('GET', '/api/polls/huge')).status, 404);
    assert.equal((await s.api('GET', '/api/ratings/x')).body.votes, 0);
  });

  it('an option named toString, then a label patch: labels are looked up as own properties only', async () => {
    assert.equal((await s.api('POST', '/api/admin/polls', { body: poll('proto', ['toString', 'constructor', 'b']), headers: admin })).status, 201);
    const patched = await s.api('PATCH', '/api/admin/polls/proto', { body: { labels: { b: 'Bee' } }, headers: admin });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.deepEqual(patched.body.options.map((o) => o.label), ['TOSTRING', 'CONSTRUCTOR', 'Bee']);
    const named = await s.api('PATCH', '/api/admin/polls/proto', { body: { labels: { toString: 'Named', constructor: 'Made' } }, headers: admin });
    assert.deepEqual(named.body.options.map((o) => o.label), ['Named', 'Made', 'Bee']);
    const other = await s.api('PATCH', '/api/admin/polls/reader-topics', { body: { labels: { toString: 'x', hasOwnProperty: 'y' } }, headers: admin });
    assert.equal(other.status, 404);
    assert.equal(other.body.error.code, 'unknown-option');
    const proto = await s.api('PATCH', '/api/admin/polls/proto', { raw: '{"labels":{"__proto__":"x"}}', headers: { ...admin, 'content-type': 'application/json' } });
    assert.equal(proto.status, 400);
  });
});

describe('admin token guessing', () => {
  it('allows 10 wrong tokens an address, then answers 429 with Retry-After, even to the right token', async () => {
    let now = Date.parse('2026-11-28T12:00:00Z');
    const s = await startServer({ trustProxy: 'loopback', clock: () => now });
    try {
      const attempt = (token, address = '198.51.100.9') =>
        s.api('POST', '/api/admin/polls/reader-topics/close', { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': address } });
      for (let i = 0; i < 10; i++) assert.equal((await attempt(`guess-${i}-${'x'.repeat(20)}`)).status, 401);
      const limited = await attempt('guess-10');
      assert.equal(limited.status, 429);
      assert.equal(limited.body.error.code, 'auth-limited');
      assert.equal(limited.headers.get('retry-after'), '60');
      assert.equal((await attempt(ADMIN_TOKEN)).status, 429, 'no answer on any token while limited');
      assert.equal((await attempt(ADMIN_TOKEN, '198.51.100.10')).status, 200, 'another address is not held up');
      for (let i = 0; i < 30; i++) assert.equal((await attempt(ADMIN_TOKEN, '198.51.100.10')).status, 200, 'right tokens never count');
      now += 60_000;
      assert.equal((await attempt('guess-11')).status, 401, 'one more try a minute');
      assert.equal((await attempt('guess-12')).status, 429);
      now += 60_000;
      assert.equal((await attempt(ADMIN_TOKEN)).status, 200);
    } finally {
      await s.close();
    }
  });
});

describe('a short admin token', () => {
  const temp = tempDir();
  after(() => {
    killSpawned();
    temp.remove();
  });

  it('is refused at start, by the CLI and by buildApp', async () => {
    const r = spawnCli(['--port', '0', '--db', join(temp.dir, 'never.sqlite')], { env: { AW_ADMIN_TOKEN: 'secret-but-short-123' } });
    const error = await r.ready.catch((e) => e);
    assert.equal(error.code, 1);
    assert.match(error.err, /--admin-token: the admin token must be at least 24 characters \(this one has 20\)/);
    await assert.rejects(buildApp({ storage: /** @type {any} */ ({}), adminToken: 'x'.repeat(23) }), /at least 24 characters/);
  });
});
