// The write limit: a token bucket per hashed client address (IPv6 by /64), in bounded memory.
// Bursts at a window's edge are counted on a real server over real HTTP with an injected clock;
// speed at a million keys is measured by `npm run bench:limiter`, not here.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRateLimiter } from '../dist/server/src/limits/rate-limiter.js';
import { addressKeys, utcDay } from '../dist/server/src/limits/address-keys.js';
import { key, startServer, vote } from './helpers.js';

describe('createRateLimiter', () => {
  it('lets a burst of the limit through, then refills evenly, and says when to come back', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ limit: 3, periodMs: 60_000, clock: () => now });
    assert.deepEqual([1, 2, 3, 4].map(() => limiter.hit('a')), [0, 0, 0, 20]);
    assert.equal(limiter.retryAfter('a'), 20, 'asking counts nothing');
    assert.equal(limiter.hit('b'), 0, 'another key has its own bucket');
    now += 19_999;
    assert.equal(limiter.hit('a'), 1);
    now += 1;
    assert.equal(limiter.retryAfter('a'), 0);
    assert.deepEqual([limiter.hit('a'), limiter.hit('a')], [0, 20], 'one token refilled in 20 s');
    now += 60_000;
    assert.deepEqual([1, 2, 3, 4].map(() => limiter.hit('a')), [0, 0, 0, 20], 'a full bucket after a whole period');
  });

  it('never lets more than the limit plus two seconds\' refill through in any two seconds', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 60, periodMs: 60_000, clock: () => now });
    /** @type {number[]} */
    const allowed = [];
    // A client that sends every 5 ms for three minutes, starting just before a minute's edge.
    for (now = 59_000; now < 240_000; now += 5) if (limiter.hit('client') === 0) allowed.push(now);
    let most = 0;
    for (let i = 0, j = 0; i < allowed.length; i++) {
      while (allowed[i] - allowed[j] >= 2000) j++;
      most = Math.max(most, i - j + 1);
    }
    assert.equal(most, 61, 'the burst of 60 and the one token refilled within those two seconds');
    assert.equal(allowed.length, 60 + 180, 'the burst, then one a second');
  });

  it('keeps at most two generations of keys: memory is bounded by maxKeys', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 5, periodMs: 60_000, maxKeys: 1000, clock: () => now });
    for (let i = 0; i < 10_000; i++) limiter.hit(`flood-${i}`);
    assert.ok(limiter.size() <= 2000, `${limiter.size()} keys kept`);
    now += 60_000;
    limiter.hit('late');
    now += 60_000;
    limiter.hit('later');
    assert.equal(limiter.size(), 2, 'keys untouched for two periods are gone');
  });

  it('dropping a generation forgets nothing: a dropped key had a full bucket again', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 4, periodMs: 1000, clock: () => now });
    now = 999; // just before the generations first turn
    for (let i = 0; i < 4; i++) limiter.hit('k');
    // Full again at 1999: one more allowed from 1249 on. The generations turn at 1000 and 2000.
    for (; now <= 2200; now++) {
      limiter.hit(`other-${now}`);
      assert.equal(limiter.retryAfter('k') > 0, now < 1249, `at ${now} ms`);
    }
    assert.deepEqual([1, 2, 3, 4, 5].map(() => limiter.hit('k')), [0, 0, 0, 0, 1]);
  });
});

describe('address keys', () => {
  it('are the same for one IPv6 /64 and one day, different across days and addresses', async () => {
    const salts = new Map();
    const storage = { addressSalt: async (/** @type {string} */ day) => salts.get(day) ?? salts.set(day, `salt-${day}-${salts.size}`).get(day) };
    let now = Date.parse('2026-11-28T23:59:59Z');
    const keys = addressKeys(storage, () => now);
    const a = await keys.of('2001:db8:1:2::1');
    assert.equal(a.day, '2026-11-28');
    assert.equal((await keys.of('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).key, a.key);
    assert.notEqual((await keys.of('2001:db8:1:3::1')).key, a.key);
    assert.equal((await keys.of('::ffff:198.51.100.7')).key, (await keys.of('198.51.100.7')).key);
    assert.doesNotMatch(a.key, /2001|db8/);
    now += 1000;
    const tomorrow = await keys.of('2001:db8:1:2::1');
    assert.equal(tomorrow.day, utcDay(now));
    assert.notEqual(tomorrow.key, a.key);
  });
});

describe('the write limit on a real server', () => {
  it('a burst across a minute\'s edge gets the limit and two seconds\' refill, not twice the limit', async () => {
    let now = Date.parse('2026-11-28T10:00:00Z');
    const s = await startServer({ rateLimit: { max: 10 }, itemVotesPerAddress: 0, clock: () => now });
    try {
      const article = `edge-${key()}`;
      const burst = async (n) => {
        let ok = 0;
        for (let i = 0; i < n; i++) if ((await vote(s.api, article, 5)).status === 200) ok++;
        return ok;
      };
      now += 59_900; // just before the minute a fixed window would reset at
      const before = await burst(15);
      now += 200; // just after it
      const afterEdge = await burst(15);
      now += 1700; // two seconds after the first burst
      const late = await burst(15);
      assert.equal(before, 10);
      assert.equal(afterEdge + late, 0, 'nothing refilled yet: 10 a minute is one per 6 s');
      now += 6000;
      assert.equal(await burst(5), 1);
      const r = await vote(s.api, article, 5);
      assert.equal(r.status, 429);
      assert.equal(r.body.error.code, 'rate-limited');
      assert.equal(r.headers.get('retry-after'), '5', 'the next token in 4.1 s');
      assert.equal((await s.api('GET', `/api/ratings/${article}`)).body.votes, 11);
    } finally {
      await s.close();
    }
  });

  it('one IPv6 /64 behind a trusted proxy is one client', async () => {
    const s = await startServer({ rateLimit: { max: 3 }, itemVotesPerAddress: 0, trustProxy: 'loopback' });
    try {
      const from = (address) => vote(s.api, `v6-${key()}`, 4, { headers: { 'x-forwarded-for': address } }).then((r) => r.status);
      const statuses = [];
      for (let i = 1; i <= 4; i++) statuses.push(await from(`2001:db8:aa:bb:${i.toString(16)}::${i}`));
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      assert.equal(await from('2001:db8:aa:bc::1'), 200, 'the next /64 is another client');
    } finally {
      await s.close();
    }
  });
});
