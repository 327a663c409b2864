// The storage on its own, on SQLite and on PostgreSQL alike: counters never drift from the votes,
// whatever the sequence of votes, re-votes, retries and refusals, nor under concurrent votes; reads
// never scan the votes; migrations apply once, even to two processes starting at once.
import { describe, it } from 'node:test';
import pg from 'pg';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openStorage } from '../dist/server/src/storage/open.js';
import { checkWidgetData } from '../dist/server/src/data.js';
import { SQLITE_MIGRATIONS } from '../dist/server/src/storage/sqlite-migrations.js';
import { POSTGRES_MIGRATIONS } from '../dist/server/src/storage/postgres/migrations.js';
import { ratingSummary } from '../dist/src/contract/rules.js';
import { ENGINES, demoData, inspect, newDatabase } from './helpers.js';

for (const engine of ENGINES) describe(`${engine} storage`, () => {
  it('keeps every counter equal to its votes through 2000 random operations', async () => {
    const { db: path, remove } = await newDatabase(engine);
    const storage = await openStorage(path);
    try {
      await storage.importData(checkWidgetData(demoData));
      await storage.createPoll({ id: 'free', question: 'Q', options: ['a', 'b', 'c'].map((id) => ({ id, label: id, votes: 0 })), multiple: true, maxChoices: 2, results: 'always', closesAt: null, closed: false, allowChange: true });
      let seed = 7;
      const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
      const voters = Array.from({ length: 40 }, (_, i) => `voter-${i}`);
      const keys = [];
      for (let i = 0; i < 2000; i++) {
        const voter = voters[rand(voters.length)];
        const reuse = keys.length > 0 && rand(5) === 0;
        const key = reuse ? keys[rand(keys.length)] : `k${i}`;
        keys.push(key);
        const receipt = { key: `${voter}:${key}`, fingerprint: String(rand(3)) };
        try {
          if (rand(2) === 0) await storage.rate({ articleId: `art-${rand(3)}`, voter, rating: 1 + rand(5), receipt });
          else await storage.votePoll({ pollId: rand(2) ? 'free' : 'reader-topics', voter, optionIds: [['a', 'b', 'c', 'security', 'energy'][rand(5)]], receipt });
        } catch (error) {
          assert.ok(error.status >= 400 && error.status < 500, String(error));
        }
      }
      const db = await inspect(path);
      const drift = await db.all(`
        SELECT r.article_id FROM ratings r
        LEFT JOIN (SELECT article_id, count(*) n, sum(rating) s FROM rating_votes GROUP BY article_id) v USING (article_id)
        WHERE r.reader_votes != coalesce(v.n, 0) OR r.reader_sum != coalesce(v.s, 0)`);
      assert.deepEqual(drift, []);
      const ballots = await db.all('SELECT poll_id, choices FROM poll_ballots');
      const counted = {};
      for (const b of ballots) for (const c of JSON.parse(b.choices)) counted[`${b.poll_id}/${c}`] = (counted[`${b.poll_id}/${c}`] ?? 0) + 1;
      for (const o of await db.all('SELECT poll_id, option_id, reader_votes FROM poll_options')) {
        assert.equal(o.reader_votes, counted[`${o.poll_id}/${o.option_id}`] ?? 0, `${o.poll_id}/${o.option_id}`);
      }
      for (const p of await db.all('SELECT id, reader_voters FROM polls')) {
        assert.equal(p.reader_voters, ballots.filter((b) => b.poll_id === p.id).length, p.id);
      }
      assert.ok(ballots.length > 0 && (await db.all('SELECT count(*) AS n FROM rating_votes'))[0].n > 0);
      // A read is one row by primary key: it never looks at the votes.
      const read = 'SELECT imported_votes + reader_votes AS votes, imported_sum + reader_sum AS sum FROM ratings WHERE article_id = \'x\'';
      if (engine === 'sqlite') {
        const plan = await db.all(`EXPLAIN QUERY PLAN ${read}`);
        assert.match(plan.map((p) => p.detail).join(' '), /SEARCH ratings USING INDEX sqlite_autoindex_ratings_1/);
      } else {
        // A table this small is cheaper to scan: ask whether the key's index can serve the read.
        await db.all('SET enable_seqscan = off');
        const plan = await db.all(`EXPLAIN ${read}`);
        assert.match(plan.map((p) => p['QUERY PLAN']).join(' '), /Index Scan using ratings_pkey on ratings/);
      }
      await db.close();
    } finally {
      await storage.close();
      remove();
    }
  });

  it('stores voter ids only hashed', async () => {
    const id = 'feedfacecafebeef0123456789abcdef';
    const { db: path, remove } = await newDatabase(engine);
    const storage = await openStorage(path);
    const { buildApp } = await import('../dist/server/src/app.js');
    const app = await buildApp({ storage, rateLimit: { max: 0 } });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const reply = await fetch(`${url}/api/ratings/hash/votes`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k-12345678' }, body: JSON.stringify({ rating: 4, voterId: id }) });
    assert.equal(reply.status, 200);
    await app.close();
    await storage.close();
    const db = await inspect(path);
    if (engine === 'sqlite') {
      assert.equal(readFileSync(path).includes(Buffer.from(id)), false, 'the raw voter id is not in the database file');
    } else {
      // Every row of every table, as text.
      const tables = await db.all("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'");
      assert.ok(tables.length >= 10);
      for (const { name } of tables) {
        assert.deepEqual(await db.all(`SELECT * FROM ${name} t WHERE t::text LIKE '%${id}%'`), [], `the raw voter id is not in ${name}`);
      }
    }
    assert.equal((await db.all('SELECT count(*) AS n FROM rating_votes'))[0].n, 1);
    await db.close();
    await remove();
  });

  it('loses no update under concurrent votes: one item, many voters, retries and a voter voting twice at once', async () => {
    const { db: path, remove } = await newDatabase(engine);
    const storage = await openStorage(path);
    try {
      const receipt = (key) => ({ key, fingerprint: 'f' });
      const voters = Array.from({ length: 200 }, (_, i) => `racer-${i}`);
      // 25 voters at a time, 100 operations at once: many more than the pool's connections, and
      // not so many that some wait past its connect timeout on a loaded machine (they would get a
      // 503, as a request would).
      const inTurns = async (operations) => {
        const results = [];
        for (let i = 0; i < voters.length; i += 25) results.push(...(await Promise.all(voters.slice(i, i + 25).flatMap((voter) => operations(voter, voters.indexOf(voter))))));
        return results;
      };
      // Each voter's vote sent three times at once under one key, and once more under another key.
      const replies = await inTurns((voter, i) => [
        ...[1, 2, 3].map(() => storage.rate({ articleId: 'raced', voter, rating: 1 + (i % 5), receipt: receipt(`${voter}:a`) })),
        storage.rate({ articleId: 'raced', voter, rating: 1 + (i % 5), receipt: receipt(`${voter}:b`) }),
      ]);
      assert.equal(replies.filter((r) => !r.replayed).length, 400, 'one run per key: the other two replayed');
      const sum = voters.reduce((total, _, i) => total + 1 + (i % 5), 0);
      assert.deepEqual(await storage.getRating('raced'), ratingSummary('raced', 200, sum));
      for (let i = 0; i < voters.length; i++) {
        const [first, ...retries] = replies.slice(i * 4, i * 4 + 3);
        for (const retry of retries) assert.deepEqual(retry.reply, first.reply, 'a retry gets the first reply');
      }

      await storage.createPoll({ id: 'raced', question: 'Q', options: ['a', 'b', 'c'].map((id) => ({ id, label: id, votes: 0 })), multiple: true, maxChoices: 2, results: 'always', closesAt: null, closed: false, allowChange: true });
      // Every voter changes their ballot at once with itself: the counts must still match the ballots.
      await inTurns((voter) => [
        storage.votePoll({ pollId: 'raced', voter, optionIds: ['a', 'b'], receipt: receipt(`${voter}:p1`) }),
        storage.votePoll({ pollId: 'raced', voter, optionIds: ['c'], receipt: receipt(`${voter}:p2`) }),
        storage.recordShare({ url: 'https://example.org/raced', network: 'vk', voter, receipt: receipt(`${voter}:s1`) }),
        storage.recordShare({ url: 'https://example.org/raced', network: 'vk', voter, receipt: receipt(`${voter}:s2`) }),
      ]);
      const db = await inspect(path);
      const ballots = await db.all("SELECT choices FROM poll_ballots WHERE poll_id = 'raced'");
      await db.close();
      const expected = { a: 0, b: 0, c: 0 };
      for (const { choices } of ballots) for (const id of JSON.parse(choices)) expected[id]++;
      const poll = await storage.adminPoll('raced');
      assert.equal(poll.voters, 200);
      assert.deepEqual(Object.fromEntries(poll.options.map((o) => [o.id, o.votes])), expected);
      assert.equal(expected.a + expected.c, 200);
      assert.deepEqual((await storage.getShares('https://example.org/raced')).counts, { vk: 200 });
    } finally {
      await storage.close();
      await remove();
    }
  });

  it('answers a rating vote, replays it under its receipt, and refuses a change, a reused key and a vote past the cap, writing nothing of them', async () => {
    const { db: path, remove } = await newDatabase(engine);
    const storage = await openStorage(path, { ratingChange: 'refuse' });
    try {
      const quota = { key: 'address-1', day: '2026-11-29', limit: 1 };
      const first = await storage.rate({ articleId: 'a1', voter: 'v1', rating: 4, receipt: { key: 'k1', fingerprint: 'f1' }, quota });
      assert.deepEqual(first, { reply: { summary: ratingSummary('a1', 1, 4), rating: 4 }, replayed: false });
      await storage.rate({ articleId: 'a1', voter: 'v2', rating: 2, receipt: { key: 'k2', fingerprint: 'f2' } });
      // The retry gets the first reply, not today's totals.
      assert.deepEqual(await storage.rate({ articleId: 'a1', voter: 'v1', rating: 4, receipt: { key: 'k1', fingerprint: 'f1' }, quota }), { ...first, replayed: true });
      await assert.rejects(storage.rate({ articleId: 'a1', voter: 'v1', rating: 5, receipt: { key: 'k1', fingerprint: 'other' }, quota }), { status: 422, code: 'idempotency-key-reused' });
      await assert.rejects(storage.rate({ articleId: 'a1', voter: 'v1', rating: 5, receipt: { key: 'k3', fingerprint: 'f3' }, quota }), { status: 409, code: 'already-voted' });
      // The cap counts per item: the address may still vote on another article.
      await storage.rate({ articleId: 'a2', voter: 'v3', rating: 5, receipt: { key: 'k4', fingerprint: 'f4' }, quota });
      await assert.rejects(storage.rate({ articleId: 'a1', voter: 'v3', rating: 5, receipt: { key: 'k5', fingerprint: 'f5' }, quota }), { status: 429, code: 'item-limit' });
      assert.deepEqual(await storage.getRating('a1'), ratingSummary('a1', 2, 6));
      const db = await inspect(path);
      assert.deepEqual((await db.all('SELECT key FROM receipts ORDER BY key')).map((r) => r.key), ['k1', 'k2', 'k4']);
      assert.deepEqual((await db.all("SELECT voter, rating FROM rating_votes WHERE article_id = 'a1' ORDER BY voter")).map((r) => [r.voter, Number(r.rating)]), [['v1', 4], ['v2', 2]]);
      if (engine === 'postgres') {
        // A receipt from before aw_rate_article (schema version 1) holds the whole reply: replayed as it is.
        const before = { summary: ratingSummary('a3', 7, 21), rating: 3 };
        await db.all(`INSERT INTO receipts (key, fingerprint, reply, created_at) VALUES ('k-v1', 'f-v1', '${JSON.stringify(before)}', 0)`);
        assert.deepEqual(await storage.rate({ articleId: 'a3', voter: 'v4', rating: 3, receipt: { key: 'k-v1', fingerprint: 'f-v1' } }), { reply: before, replayed: true });
      }
      await db.close();
    } finally {
      await storage.close();
      await remove();
    }
  });

  it('answers a poll vote and a share, replays each under its receipt, and refuses a reused key and a vote past the cap, writing nothing of them', async () => {
    const clock = { now: Date.parse('2026-11-29T10:00:00Z') };
    const { db: path, remove } = await newDatabase(engine);
    const storage = await openStorage(path, { now: () => new Date(clock.now) });
    try {
      const quota = { key: 'address-1', day: '2026-11-29', limit: 1 };
      await storage.createPoll({ id: 'p', question: 'Q', options: ['a', 'b'].map((id) => ({ id, label: id, votes: 1 })), multiple: false, maxChoices: 1, results: 'after-close', closesAt: null, closed: false, allowChange: true, voters: 2 });
      const first = await storage.votePoll({ pollId: 'p', voter: 'v1', optionIds: ['a'], receipt: { key: 'k1', fingerprint: 'f1' }, quota });
      assert.equal(first.replayed, false);
      assert.deepEqual(first.reply.myChoices, ['a']);
      assert.equal(first.reply.options[0].votes, undefined, 'results hidden until the poll closes');
      await storage.votePoll({ pollId: 'p', voter: 'v2', optionIds: ['b'], receipt: { key: 'k2', fingerprint: 'f2' } });
      await storage.updatePoll('p', { closed: true });
      clock.now += 60_000;
      // The retry gets the first reply: not the poll closed since, nor the later vote.
      assert.deepEqual(await storage.votePoll({ pollId: 'p', voter: 'v1', optionIds: ['a'], receipt: { key: 'k1', fingerprint: 'f1' }, quota }), { ...first, replayed: true });
      await assert.rejects(storage.votePoll({ pollId: 'p', voter: 'v1', optionIds: ['b'], receipt: { key: 'k1', fingerprint: 'other' }, quota }), { status: 422, code: 'idempotency-key-reused' });
      await assert.rejects(storage.votePoll({ pollId: 'p', voter: 'v3', optionIds: ['b'], receipt: { key: 'k3', fingerprint: 'f3' } }), { status: 409, code: 'poll-closed' });
      await assert.rejects(storage.votePoll({ pollId: 'none', voter: 'v3', optionIds: ['b'], receipt: { key: 'k4', fingerprint: 'f4' } }), { status: 404, code: 'unknown-poll' });
      await storage.updatePoll('p', { closed: false });
      const other = { ...quota, key: 'address-2' };
      await storage.votePoll({ pollId: 'p', voter: 'v4', optionIds: ['b'], receipt: { key: 'k5', fingerprint: 'f5' }, quota: other });
      await assert.rejects(storage.votePoll({ pollId: 'p', voter: 'v5', optionIds: ['b'], receipt: { key: 'k6', fingerprint: 'f6' }, quota: other }), { status: 429, code: 'item-limit' });
      assert.deepEqual((await storage.adminPoll('p')).options.map((o) => o.votes), [2, 3]);
      assert.equal((await storage.adminPoll('p')).voters, 5);

      const url = 'https://example.org/shared';
      const share = await storage.recordShare({ url, network: 'vk', voter: 'v1', receipt: { key: 's1', fingerprint: 'f1' }, quota });
      assert.deepEqual(share, { reply: { url, counts: { vk: 1 }, total: 1 }, replayed: false });
      assert.deepEqual((await storage.recordShare({ url, network: 'vk', voter: 'v1', receipt: { key: 's2', fingerprint: 'f2' }, quota })).reply.total, 1, 'a second click is not a second share');
      await storage.recordShare({ url, network: 'telegram', voter: 'v2', receipt: { key: 's3', fingerprint: 'f3' } });
      assert.deepEqual(await storage.recordShare({ url, network: 'vk', voter: 'v1', receipt: { key: 's1', fingerprint: 'f1' }, quota }), { ...share, replayed: true });
      await assert.rejects(storage.recordShare({ url, network: 'ok', voter: 'v1', receipt: { key: 's1', fingerprint: 'other' }, quota }), { status: 422, code: 'idempotency-key-reused' });
      await assert.rejects(storage.recordShare({ url, network: 'ok', voter: 'v3', receipt: { key: 's4', fingerprint: 'f4' }, quota }), { status: 429, code: 'item-limit' });
      assert.deepEqual(await storage.getShares(url), { url, counts: { telegram: 1, vk: 1 }, total: 2 });

      const db = await inspect(path);
      assert.deepEqual((await db.all('SELECT key FROM receipts ORDER BY key')).map((r) => r.key), ['k1', 'k2', 'k5', 's1', 's2', 's3']);
      assert.deepEqual((await db.all("SELECT voter FROM poll_ballots WHERE poll_id = 'p' ORDER BY voter")).map((r) => r.voter), ['v1', 'v2', 'v4']);
      if (engine === 'postgres') {
        // Receipts from before aw_vote_poll and aw_record_share (schema version 3) hold the whole reply: replayed as they are.
        const poll = first.reply;
        const shares = { url, counts: { vk: 7 }, total: 7 };
        await db.all(`INSERT INTO receipts (key, fingerprint, reply, created_at) VALUES ('kp-v2', 'f', '${JSON.stringify(poll)}', 0), ('ks-v2', 'f', '${JSON.stringify(shares)}', 0)`);
        assert.deepEqual(await storage.votePoll({ pollId: 'p', voter: 'v9', optionIds: ['a'], receipt: { key: 'kp-v2', fingerprint: 'f' } }), { reply: poll, replayed: true });
        assert.deepEqual(await storage.recordShare({ url, network: 'vk', voter: 'v9', receipt: { key: 'ks-v2', fingerprint: 'f' } }), { reply: shares, replayed: true });
      }
      await db.close();
    } finally {
      await storage.close();
      await remove();
    }
  });

  it('refuses to remove an option readers voted for, and removes one they did not', async () => {
    const { db: path, remove } = await newDatabase(engine);
    const storage = await openStorage(path);
    try {
      const poll = (ids) => ({ id: 'p', question: 'Q', options: ids.map((id) => ({ id, label: id, votes: 0 })), multiple: false, maxChoices: 1, results: 'always', closesAt: null, closed: false, allowChange: true });
      await storage.importData(checkWidgetData({ polls: [poll(['a', 'b', 'c', 'd'])] }));
      await storage.votePoll({ pollId: 'p', voter: 'v1', optionIds: ['b'], receipt: { key: 'k1', fingerprint: 'f' } });
      await assert.rejects(storage.importData(checkWidgetData({ polls: [poll(['a', 'c', 'd'])] })), { status: 409, code: 'option-has-votes' });
      await storage.importData(checkWidgetData({ polls: [poll(['a', 'b', 'c'])] }));
      assert.deepEqual((await storage.adminPoll('p')).options.map((o) => [o.id, o.votes]), [['a', 0], ['b', 1], ['c', 0]]);
      // A reader's changed ballot leaves the option with no votes: now it may go.
      await storage.votePoll({ pollId: 'p', voter: 'v1', optionIds: ['a'], receipt: { key: 'k2', fingerprint: 'f' } });
      await storage.importData(checkWidgetData({ polls: [poll(['a', 'c'])] }));
      assert.deepEqual((await storage.adminPoll('p')).options.map((o) => [o.id, o.votes]), [['a', 1], ['c', 0]]);
      assert.equal((await storage.adminPoll('p')).voters, 1);
    } finally {
      await storage.close();
      await remove();
    }
  });

  if (engine === 'postgres') {
    it('writes no poll vote checked against a poll or a ballot that changed before the write (aw_vote_poll)', async () => {
      const { db: path, remove } = await newDatabase(engine);
      const storage = await openStorage(path);
      const db = await inspect(path);
      try {
        await storage.createPoll({ id: 'p', question: 'Q', options: ['a', 'b'].map((id) => ({ id, label: id, votes: 0 })), multiple: false, maxChoices: 1, results: 'always', closesAt: null, closed: false, allowChange: true });
        const [{ version }] = await db.all("SELECT version FROM polls WHERE id = 'p'");
        await storage.updatePoll('p', { question: 'Changed?' });
        // v1's ballot for "a", as the storage writes it when v1 had `previous` (SQL) and its counts moved by `deltas`.
        const write = (key, pollVersion, previous, deltas = "ARRAY['a'], ARRAY[1]") =>
          db.all(`SELECT * FROM aw_vote_poll('${key}', 'f', 0, 'p', 'v1', ${pollVersion}, ${previous}, '["a"]', ${deltas}, '2026-11-29T10:00:00.000Z', NULL, 'poll:p', NULL, 0)`);
        await assert.rejects(write('k1', version, 'NULL'), { code: '40001', message: /the poll changed since it was read/ });
        await storage.votePoll({ pollId: 'p', voter: 'v1', optionIds: ['b'], receipt: { key: 'k0', fingerprint: 'f' } });
        const [{ version: now }] = await db.all("SELECT version FROM polls WHERE id = 'p'");
        assert.equal(now, version + 1, 'an editor\'s change moved the version; a vote does not');
        await assert.rejects(write('k2', now, 'NULL'), { code: '40001', message: /ballot changed since it was read/ });
        assert.deepEqual((await db.all('SELECT key FROM receipts')).map((r) => r.key), ['k0'], 'nothing of the refused writes');
        assert.deepEqual((await storage.adminPoll('p')).options.map((o) => o.votes), [0, 1]);
        const written = await write('k3', now, `'["b"]'`, "ARRAY['a', 'b'], ARRAY[1, -1]");
        assert.equal(written[0].seen_fingerprint, null);
        assert.deepEqual((await storage.adminPoll('p')).options.map((o) => o.votes), [1, 0]);
        assert.deepEqual((await storage.getPoll('p', 'v1')).myChoices, ['a']);
      } finally {
        await db.close();
        await storage.close();
        await remove();
      }
    });
  }

  if (engine === 'postgres') {
    it('replays a retry sent while its first try is still being written, even once the poll has closed in between', async () => {
      const clock = { now: Date.parse('2026-11-29T10:00:00Z') };
      const { db: path, remove } = await newDatabase(engine);
      const storage = await openStorage(path, { now: () => new Date(clock.now) });
      // One connection holds a lock; another watches who waits (a transaction sees pg_stat_activity as it first read it).
      const [locker, watcher] = [new pg.Client(path), new pg.Client(path)];
      await Promise.all([locker.connect(), watcher.connect()]);
      /** Until `count` statements of this database wait on a lock, or `settled` says to stop. */
      const lockWaiters = async (count, settled) => {
        for (;;) {
          const { rows } = await watcher.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
          if (rows[0].n >= count || settled()) return;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };
      const tracked = (promise) => {
        const state = { settled: false, promise: promise.finally(() => (state.settled = true)) };
        state.promise.catch(() => {});
        return state;
      };
      try {
        await storage.createPoll({ id: 'p', question: 'Q', options: ['a', 'b'].map((id) => ({ id, label: id, votes: 0 })), multiple: false, maxChoices: 1, results: 'always', closesAt: new Date(clock.now + 30_000).toISOString(), closed: false, allowChange: false });
        const ballot = { pollId: 'p', voter: 'v1', optionIds: ['a'], receipt: { key: 'k1', fingerprint: 'f1' } };
        // The first try is held mid-write (its receipt claimed, the poll's row locked by the test)...
        await locker.query('BEGIN');
        await locker.query("SELECT 1 FROM polls WHERE id = 'p' FOR UPDATE");
        const first = tracked(storage.votePoll(ballot));
        await lockWaiters(1, () => first.settled);
        // ...the poll's time comes, and the reader's retry (the first try's reply was lost) arrives.
        clock.now += 60_000;
        const retry = tracked(storage.votePoll(ballot));
        await lockWaiters(2, () => retry.settled || first.settled);
        await locker.query('COMMIT');
        const written = await first.promise;
        assert.equal(written.replayed, false);
        assert.deepEqual(await retry.promise, { reply: written.reply, replayed: true }, 'the retry gets the first try\'s reply, not 409 poll-closed');
        // The wait changes no refusal: a new ballot now is refused, and leaves no receipt.
        await assert.rejects(storage.votePoll({ ...ballot, voter: 'v2', receipt: { key: 'k2', fingerprint: 'f2' } }), { status: 409, code: 'poll-closed' });
        const db = await inspect(path);
        assert.deepEqual((await db.all('SELECT key FROM receipts')).map((r) => r.key), ['k1']);
        await db.close();
        assert.deepEqual((await storage.adminPoll('p')).options.map((o) => o.votes), [1, 0]);
      } finally {
        await Promise.all([locker.end(), watcher.end()]);
        await storage.close();
        await remove();
      }
    });
  }

  it('applies its migrations once, even to two processes opening a new database at once, and refuses a newer schema', async () => {
    const { db: path, remove } = await newDatabase(engine);
    try {
      const both = await Promise.all([openStorage(path), openStorage(path)]);
      assert.equal(both[0].pepper, both[1].pepper, 'one voter secret for the database');
      await Promise.all(both.map((s) => s.close()));
      const db = await inspect(path);
      const versions = (await db.all('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);
      const known = (engine === 'sqlite' ? SQLITE_MIGRATIONS : POSTGRES_MIGRATIONS).map((m) => m.version);
      assert.deepEqual(versions, known);
      await db.close();
      const reopened = await openStorage(path);
      await reopened.close();

      const { sqliteMigrate, postgresMigrate } = await migrators();
      await (engine === 'sqlite' ? sqliteMigrate(path, 99) : postgresMigrate(path, 99));
      await assert.rejects(openStorage(path), new RegExp(`schema is version 99, newer than this server knows \\(${known.at(-1)}\\)`));
    } finally {
      await remove();
    }
  });
});

/** Records a schema version from the future in a database, as a newer server would. */
async function migrators() {
  const { default: Database } = await import('better-sqlite3');
  const { default: pg } = await import('pg');
  return {
    sqliteMigrate(path, version) {
      const db = new Database(path);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from the future', '')").run(version);
      db.close();
    },
    async postgresMigrate(url, version) {
      const client = new pg.Client(url);
      await client.connect();
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from the future')", [version]);
      await client.end();
    },
  };
}
