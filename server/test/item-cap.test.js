// The per-item cap: at most N new votes per item per client address (IPv6 by /64) per UTC day,
// whatever the voter ids, counted in the database with the vote, so it holds across processes.
// Real servers over real HTTP, on SQLite and on PostgreSQL; clients are told apart by a trusted
// loopback proxy's X-Forwarded-For.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, inspect, key, pollVote, startServer, vote, voter } from './helpers.js';

const DAY_START = Date.parse('2026-11-28T00:00:00Z');
const from = (address) => ({ 'x-forwarded-for': address });
const share = (api, url, network, headers, voterId = voter()) =>
  api('POST', '/api/shares', { body: { url, network, voterId }, headers: { 'idempotency-key': key(), ...headers } });

for (const engine of ENGINES) {
  /** A server with a cap of 3, behind a trusted loopback proxy, on a clock the test moves. */
  async function cappedServer(extra = {}) {
    const clock = { now: DAY_START + 20 * 3600_000 }; // 20:00 UTC: 4 hours to midnight
    const s = await startServer({
      itemVotesPerAddress: 3,
      trustProxy: 'loopback',
      clock: () => clock.now,
      now: () => new Date(clock.now),
      engine,
      ...extra,
    });
    return Object.assign(s, { clock });
  }

  describe(`the per-item cap on ${engine}`, () => {
    it('refuses the vote past the cap with 429 item-limit and Retry-After until midnight UTC, however the voter ids rotate', async () => {
      const s = await cappedServer();
      try {
        const article = `cap-${key()}`;
        for (let i = 0; i < 3; i++) assert.equal((await vote(s.api, article, 5, { headers: from('198.51.100.1') })).status, 200);
        const r = await vote(s.api, article, 1, { headers: from('198.51.100.1') });
        assert.equal(r.status, 429);
        assert.equal(r.body.error.code, 'item-limit');
        assert.match(r.body.error.message, /article .*\(3\).*midnight UTC/);
        assert.equal(r.headers.get('retry-after'), String(4 * 3600));
        assert.deepEqual((await s.api('GET', `/api/ratings/${article}`)).body, { articleId: article, votes: 3, average: 5 });

        assert.equal((await vote(s.api, `other-${key()}`, 5, { headers: from('198.51.100.1') })).status, 200, 'another item');
        assert.equal((await vote(s.api, article, 2, { headers: from('198.51.100.2') })).status, 200, 'another address');
      } finally {
        await s.close();
      }
    });

    it('counts one IPv6 /64 as one address', async () => {
      const s = await cappedServer();
      try {
        const article = `cap6-${key()}`;
        const statuses = [];
        for (const address of ['2001:db8:5:6::1', '2001:db8:5:6::2', '2001:db8:5:6:ffff::3', '2001:db8:5:6:1:2:3:4']) {
          statuses.push((await vote(s.api, article, 4, { headers: from(address) })).status);
        }
        assert.deepEqual(statuses, [200, 200, 200, 429]);
        assert.equal((await vote(s.api, article, 4, { headers: from('2001:db8:5:7::1') })).status, 200, 'the next /64');
      } finally {
        await s.close();
      }
    });

    it('a replay, a changed rating or a second click of one reader never uses the cap', async () => {
      const s = await cappedServer();
      try {
        const article = `replay-${key()}`;
        const reader = voter();
        const idempotencyKey = key();
        const headers = from('198.51.100.3');
        const first = await vote(s.api, article, 5, { voterId: reader, idempotencyKey, headers });
        for (let i = 0; i < 5; i++) assert.deepEqual((await vote(s.api, article, 5, { voterId: reader, idempotencyKey, headers })).body, first.body);
        for (const stars of [1, 2, 3]) assert.equal((await vote(s.api, article, stars, { voterId: reader, headers })).status, 200);
        assert.equal((await vote(s.api, article, 5, { headers })).status, 200);
        assert.equal((await vote(s.api, article, 5, { headers })).status, 200);
        assert.equal((await vote(s.api, article, 5, { headers })).status, 429, 'three readers, then the cap');
        assert.deepEqual((await vote(s.api, article, 5, { voterId: reader, idempotencyKey, headers })).body, first.body, 'a replay past the cap still gets its reply');
      } finally {
        await s.close();
      }
    });

    it('caps polls and shared URLs too, each item on its own', async () => {
      const s = await cappedServer();
      try {
        const headers = from('198.51.100.4');
        const polls = [];
        for (let i = 0; i < 4; i++) polls.push((await pollVote(s.api, 'reader-topics', ['asia'], { headers })).status);
        assert.deepEqual(polls, [200, 200, 200, 429]);
        const url = `https://news.example.org/${key()}`;
        const reader = voter();
        const shares = [];
        for (const network of ['telegram', 'vk', 'telegram', 'x']) shares.push((await share(s.api, url, network, headers, reader)).status);
        for (const network of ['telegram', 'vk']) shares.push((await share(s.api, url, network, headers)).status);
        // The reader's second telegram click is not a share; its third network is the third share.
        assert.deepEqual(shares, [200, 200, 200, 200, 429, 429]);
        assert.equal((await s.api('GET', `/api/shares?url=${encodeURIComponent(url)}`)).body.total, 3);
        const refused = await share(s.api, url, 'ok', headers);
        assert.match(refused.body.error.message, /shared page/);
        assert.equal((await share(s.api, `${url}/other`, 'vk', headers)).status, 200, 'another URL');
      } finally {
        await s.close();
      }
    });

    it('holds across two server processes on one database', async () => {
      const a = await cappedServer();
      const b = await cappedServer({ db: a.db });
      try {
        const article = `two-${key()}`;
        const headers = from('198.51.100.5');
        const statuses = [];
        for (const s of [a, b, a, b, a, b]) statuses.push((await vote(s.api, article, 3, { headers })).status);
        assert.deepEqual(statuses, [200, 200, 200, 429, 429, 429]);
        assert.equal((await a.api('GET', `/api/ratings/${article}`)).body.votes, 3);
      } finally {
        await b.close();
        await a.close();
      }
    });

    it('starts again at midnight UTC, and the day before is deleted: its salt and its counts', async () => {
      const s = await cappedServer();
      try {
        const article = `night-${key()}`;
        const headers = from('198.51.100.6');
        for (let i = 0; i < 3; i++) await vote(s.api, article, 5, { headers });
        assert.equal((await vote(s.api, article, 5, { headers })).status, 429);
        const rows = async () => {
          const db = await inspect(s.db);
          try {
            return {
              days: (await db.all('SELECT DISTINCT day FROM item_votes_by_address ORDER BY day')).map((r) => r.day),
              salts: (await db.all('SELECT day FROM address_salts ORDER BY day')).map((r) => r.day),
            };
          } finally {
            await db.close();
          }
        };
        assert.deepEqual(await rows(), { days: ['2026-11-28'], salts: ['2026-11-28'] });
        s.clock.now = DAY_START + 86_400_000 + 1000;
        assert.equal((await vote(s.api, article, 5, { headers })).status, 200);
        assert.deepEqual(await rows(), { days: ['2026-11-29'], salts: ['2026-11-29'] });
      } finally {
        await s.close();
      }
    });

    it('is off at 0', async () => {
      const s = await cappedServer({ itemVotesPerAddress: 0 });
      try {
        const article = `off-${key()}`;
        for (let i = 0; i < 25; i++) assert.equal((await vote(s.api, article, 5, { headers: from('198.51.100.7') })).status, 200);
      } finally {
        await s.close();
      }
    });
  });
}
