// The SQLite storage on its own: counters never drift from the votes, whatever the sequence of
// votes, re-votes, retries and refusals; reads never scan the votes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStorage } from '../dist/server/src/storage/sqlite.js';
import { checkWidgetData } from '../dist/server/src/data.js';
import { demoData, tempDir } from './helpers.js';

describe('SQLite storage', () => {
  it('keeps every counter equal to its votes through 2000 random operations', async () => {
    const { dir, remove } = tempDir();
    const path = join(dir, 'w.sqlite');
    const storage = openSqliteStorage(path);
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
      const db = new Database(path, { readonly: true });
      const drift = db.prepare(`
        SELECT r.article_id FROM ratings r
        LEFT JOIN (SELECT article_id, count(*) n, sum(rating) s FROM rating_votes GROUP BY article_id) v USING (article_id)
        WHERE r.reader_votes != coalesce(v.n, 0) OR r.reader_sum != coalesce(v.s, 0)`).all();
      assert.deepEqual(drift, []);
      const ballots = db.prepare('SELECT poll_id, choices FROM poll_ballots').all();
      const counted = {};
      for (const b of ballots) for (const c of JSON.parse(b.choices)) counted[`${b.poll_id}/${c}`] = (counted[`${b.poll_id}/${c}`] ?? 0) + 1;
      for (const o of db.prepare('SELECT poll_id, option_id, reader_votes FROM poll_options').all()) {
        assert.equal(o.reader_votes, counted[`${o.poll_id}/${o.option_id}`] ?? 0, `${o.poll_id}/${o.option_id}`);
      }
      for (const p of db.prepare('SELECT id, reader_voters FROM polls').all()) {
        assert.equal(p.reader_voters, ballots.filter((b) => b.poll_id === p.id).length, p.id);
      }
      assert.ok(ballots.length > 0 && db.prepare('SELECT count(*) n FROM rating_votes').get().n > 0);
      // A read is one row by primary key: it never looks at the votes.
      const plan = db.prepare('EXPLAIN QUERY PLAN SELECT imported_votes + reader_votes AS votes, imported_sum + reader_sum AS sum FROM ratings WHERE article_id = ?').all('x');
      assert.match(plan.map((p) => p.detail).join(' '), /SEARCH ratings USING INDEX sqlite_autoindex_ratings_1/);
      db.close();
    } finally {
      await storage.close();
      remove();
    }
  });

  it('stores voter ids only hashed', async () => {
    const id = 'feedfacecafebeef0123456789abcdef';
    const { dir, remove } = tempDir();
    const path = join(dir, 'h.sqlite');
    const storage = openSqliteStorage(path);
    const { buildApp } = await import('../dist/server/src/app.js');
    const app = await buildApp({ storage, rateLimit: { max: 0 } });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    await fetch(`${url}/api/ratings/hash/votes`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k-12345678' }, body: JSON.stringify({ rating: 4, voterId: id }) });
    await app.close();
    await storage.close();
    const bytes = (await import('node:fs')).readFileSync(path);
    assert.equal(bytes.includes(Buffer.from(id)), false, 'the raw voter id is not in the database file');
    const db = new Database(path, { readonly: true });
    assert.equal(db.prepare('SELECT count(*) n FROM rating_votes').get().n, 1);
    db.close();
    remove();
  });
});
