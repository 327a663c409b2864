// Group commit on SQLite: votes that arrive together share one transaction (one commit record in
// the write-ahead log, so one fsync), a vote refused by its own checks leaves its neighbours
// alone, a failed commit acknowledges nothing; over HTTP, many concurrent writers on two processes
// count exactly, and kill -9 under load loses no acknowledged vote.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStorage } from '../dist/server/src/storage/sqlite.js';
import { checkWidgetData } from '../dist/server/src/data.js';
import { client, demoData, key, killSpawned, root, spawnCli, tempDir, voter } from './helpers.js';

const temp = tempDir();
after(() => {
  killSpawned();
  temp.remove();
});

/**
 * The commits in a database's write-ahead log: its frames that end a transaction (their "size of
 * the database after the commit" is set), as long as they carry the log header's salts (frames
 * after those are left from before the log last restarted). Each is one fsync under
 * synchronous=FULL. https://www.sqlite.org/fileformat.html#the_write_ahead_log
 */
function walCommits(path) {
  const wal = readFileSync(`${path}-wal`);
  const pageSize = wal.readUInt32BE(8);
  const salts = wal.subarray(16, 24);
  let commits = 0;
  for (let frame = 32; frame + 24 + pageSize <= wal.length; frame += 24 + pageSize) {
    if (!wal.subarray(frame + 8, frame + 16).equals(salts)) break;
    if (wal.readUInt32BE(frame + 4) !== 0) commits++;
  }
  return { commits, salts: salts.toString('hex') };
}

async function openSeeded(name) {
  const path = join(temp.dir, name);
  const storage = openSqliteStorage(path);
  await storage.importData(checkWidgetData(demoData));
  return { path, storage };
}

const receipt = (id, fingerprint = 'f') => ({ key: `key-${id}`, fingerprint });
const rating = (articleId, voter, options = {}) => ({ articleId, voter, rating: 4, receipt: receipt(voter), ...options });

describe('group commit', () => {
  it('commits the votes that arrive together in one transaction, and each waited vote in one of its own', async () => {
    const { path, storage } = await openSeeded('one-commit.sqlite');
    try {
      const start = walCommits(path);
      for (const id of ['s1', 's2', 's3']) await storage.rate(rating('alone', id));
      const sequential = walCommits(path);
      assert.equal(sequential.commits - start.commits, 3, 'three votes awaited one by one: three commits');

      const together = await Promise.all([
        ...Array.from({ length: 20 }, (_, i) => storage.rate(rating(`together-${i % 4}`, `t${i}`))),
        storage.votePoll({ pollId: 'reader-topics', voter: 'p1', optionIds: ['energy'], receipt: receipt('p1') }),
        storage.recordShare({ url: 'https://example.org/a', network: 'telegram', voter: 'sh1', receipt: receipt('sh1') }),
      ]);
      const batched = walCommits(path);
      assert.equal(batched.salts, start.salts, 'the log did not restart in between');
      assert.equal(batched.commits - sequential.commits, 1, '22 votes sent together: one commit');
      assert.equal(together.length, 22);
      assert.deepEqual(together.slice(0, 4).map((w) => w.reply.summary.votes), [1, 1, 1, 1], 'each vote sees the ones before it');
      assert.equal(together[19].reply.summary.votes, 5);
      assert.equal((await storage.getRating('together-3')).votes, 5);
      assert.deepEqual((await storage.getShares('https://example.org/a')).counts, { telegram: 1 });
    } finally {
      await storage.close();
    }
  });

  it('a vote refused by its own checks rolls back alone; the votes around it in the batch count', async () => {
    const { path, storage } = await openSeeded('neighbours.sqlite');
    const quota = { key: 'hashed-address', day: '2026-11-28', limit: 1 };
    try {
      const before = walCommits(path);
      const outcomes = await Promise.allSettled([
        storage.rate(rating('a1', 'good-1')),
        storage.rate(rating('a2', 'good-2', { quota })),
        // Past the per-item cap: refused after its vote row and counter were written, which roll back.
        storage.rate(rating('a2', 'capped', { quota })),
        storage.rate(rating('a3', 'good-3', { receipt: { key: 'shared-key', fingerprint: 'first request' } })),
        // The same key for another request.
        storage.rate(rating('a3', 'good-3', { rating: 1, receipt: { key: 'shared-key', fingerprint: 'another request' } })),
        storage.votePoll({ pollId: 'reader-topics', voter: 'bad-option', optionIds: ['security', 'nope'], receipt: receipt('bad-option') }),
        storage.votePoll({ pollId: 'us-long-term-goals-for-russia', voter: 'closed', optionIds: ['o1'], receipt: receipt('closed') }),
        storage.votePoll({ pollId: 'reader-topics', voter: 'good-4', optionIds: ['security'], receipt: receipt('good-4') }),
        storage.rate(rating('a4', 'good-5')),
      ]);
      assert.equal(walCommits(path).commits - before.commits, 1, 'one batch, one commit');
      const codes = outcomes.map((o) => (o.status === 'fulfilled' ? 'ok' : o.reason.code));
      assert.deepEqual(codes, ['ok', 'ok', 'item-limit', 'ok', 'idempotency-key-reused', 'unknown-option', 'poll-closed', 'ok', 'ok']);

      const db = new Database(path, { readonly: true });
      const votes = Object.fromEntries(db.prepare('SELECT article_id, count(*) AS n, sum(rating) AS s FROM rating_votes GROUP BY article_id').all().map((r) => [r.article_id, [r.n, r.s]]));
      const counters = Object.fromEntries(db.prepare("SELECT article_id, reader_votes, reader_sum FROM ratings WHERE article_id LIKE 'a_'").all().map((r) => [r.article_id, [r.reader_votes, r.reader_sum]]));
      assert.deepEqual(votes, { a1: [1, 4], a2: [1, 4], a3: [1, 4], a4: [1, 4] });
      assert.deepEqual(counters, votes, 'the counters are the votes: nothing of a refused vote stayed');
      assert.equal(db.prepare('SELECT votes FROM item_votes_by_address WHERE address = ?').pluck().get('hashed-address'), 1);
      assert.deepEqual(db.prepare("SELECT voter FROM poll_ballots WHERE poll_id = 'reader-topics'").pluck().all(), ['good-4']);
      assert.equal(db.prepare('SELECT count(*) FROM receipts').pluck().get(), 5, 'a receipt for each vote that counted');
      db.close();
    } finally {
      await storage.close();
    }
  });

  it('a retry in the same batch as its first try counts once and gets the same reply', async () => {
    const { storage } = await openSeeded('retry.sqlite');
    try {
      const vote = rating('retried', 'reader', { receipt: { key: 'same-key', fingerprint: 'same request' } });
      const [first, retry] = await Promise.all([storage.rate(vote), storage.rate(vote)]);
      assert.deepEqual([first.replayed, retry.replayed], [false, true]);
      assert.deepEqual(retry.reply, first.reply);
      assert.equal((await storage.getRating('retried')).votes, 1);
    } finally {
      await storage.close();
    }
  });

  it('a vote waiting on the database blocks no read: the votes have a thread of their own', async () => {
    const { path, storage } = await openSeeded('no-wait.sqlite');
    const other = new Database(path);
    other.prepare('BEGIN IMMEDIATE').run(); // another process holds the write lock
    try {
      let settled = false;
      const waiting = storage.rate(rating('waits', 'w1')).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(await storage.getRating('us-long-term-goals-for-russia'), { articleId: 'us-long-term-goals-for-russia', votes: 4, average: 4.5 });
      assert.equal(settled, false, 'the vote still waits for the lock, and the read was answered');
      other.prepare('COMMIT').run();
      assert.equal((await waiting).reply.summary.votes, 1, 'then the vote commits');
    } finally {
      if (other.inTransaction) other.prepare('ROLLBACK').run();
      other.close();
      await storage.close();
    }
  });

  it('a batch whose commit fails acknowledges none of its votes, and writes none', async () => {
    const { path, storage } = await openSeeded('busy.sqlite');
    // Another process holds the write lock longer than the busy timeout (5 s): the commit cannot happen.
    const other = new Database(path);
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const outcomes = await Promise.allSettled([storage.rate(rating('busy', 'b1')), storage.rate(rating('busy', 'b2'))]);
      assert.deepEqual(outcomes.map((o) => o.status), ['rejected', 'rejected']);
      assert.match(outcomes[0].reason.code, /^SQLITE_BUSY/);
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    try {
      assert.equal((await storage.getRating('busy')).votes, 0);
      await storage.rate(rating('busy', 'b3'));
      assert.equal((await storage.getRating('busy')).votes, 1, 'the next batch commits again');
    } finally {
      await storage.close();
    }
  });
});

describe('group commit over HTTP', () => {
  const seedFile = join(root, 'test/fixtures/widgets.json');
  const serverArgs = (db) => ['--port', '0', '--db', db, '--log', 'silent', '--rate-limit', '0', '--item-votes-per-address', '0'];
  const post = (url, path, body, idempotencyKey) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey }, body: JSON.stringify(body) })
      .then(async (r) => ({ status: r.status, body: await r.json() }), () => ({ status: 0 }));

  it('100 concurrent writers on two processes sharing one file, with retries: every total is exact', async () => {
    const db = join(temp.dir, 'two-processes.sqlite');
    const first = spawnCli([...serverArgs(db), '--seed', seedFile]);
    const firstUrl = await first.ready;
    const second = spawnCli(serverArgs(db));
    const urls = [firstUrl, await second.ready];
    const writers = Array.from({ length: 100 }, (_, i) => ({ voterId: voter(), article: `exact-${i % 5}`, rating: 1 + (Math.floor(i / 5) % 5), key: key(), option: ['security', 'energy', 'asia', 'arctic'][i % 4] }));
    // Every writer rates and votes in the poll; every fifth sends each request twice at once, the
    // retry to the other process: a retry counts once wherever it lands.
    const sends = writers.flatMap((w, i) => {
      const copies = i % 5 === 0 ? [0, 1] : [i % 2];
      return copies.flatMap((c) => [
        post(urls[c], `/api/ratings/${w.article}/votes`, { rating: w.rating, voterId: w.voterId }, `${w.key}-r`),
        post(urls[1 - c], '/api/polls/reader-topics/votes', { optionIds: [w.option], voterId: w.voterId }, `${w.key}-p`),
      ]);
    });
    const replies = await Promise.all(sends);
    assert.deepEqual([...new Set(replies.map((r) => r.status))], [200]);

    const api = client(urls[1]);
    for (let a = 0; a < 5; a++) {
      const mine = writers.filter((w) => w.article === `exact-${a}`);
      const expected = mine.reduce((sum, w) => sum + w.rating, 0) / mine.length;
      assert.deepEqual((await api('GET', `/api/ratings/exact-${a}`)).body, { articleId: `exact-${a}`, votes: mine.length, average: Math.round(expected * 1e6) / 1e6 });
    }
    const poll = (await api('GET', '/api/polls/reader-topics', { headers: { 'x-voter-id': writers[0].voterId } })).body;
    const seeded = demoData.polls.find((p) => p.id === 'reader-topics');
    for (const option of poll.options) {
      const imported = seeded.options.find((o) => o.id === option.id).votes;
      assert.equal(option.votes, imported + writers.filter((w) => w.option === option.id).length, option.id);
    }
    first.child.kill('SIGTERM');
    second.child.kill('SIGTERM');
    await Promise.all([first.exited, second.exited]);
  });

  it('kill -9 under load: every acknowledged vote is on disk', async () => {
    const db = join(temp.dir, 'kill.sqlite');
    const server = spawnCli([...serverArgs(db), '--seed', seedFile]);
    const url = await server.ready;
    // Each vote on an article of its own, so the file says exactly which votes it holds.
    let next = 0;
    const acknowledged = [];
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const article = `kill-${next++}`;
        const reply = await post(url, `/api/ratings/${article}/votes`, { rating: 5, voterId: voter() }, key());
        if (reply.status === 200) acknowledged.push(article);
      }
    };
    const writers = Array.from({ length: 20 }, writer);
    while (acknowledged.length < 300) await new Promise((resolve) => setTimeout(resolve, 10));
    server.child.kill('SIGKILL');
    killed = true;
    await Promise.all(writers);
    assert.equal((await server.exited).signal, 'SIGKILL');

    const file = new Database(db, { readonly: true });
    const stored = new Set(file.prepare("SELECT article_id FROM rating_votes WHERE article_id LIKE 'kill-%'").pluck().all());
    const counted = file.prepare("SELECT count(*) FROM ratings WHERE article_id LIKE 'kill-%' AND reader_votes = 1").pluck().get();
    file.close();
    const lost = acknowledged.filter((article) => !stored.has(article));
    assert.deepEqual(lost, [], `${acknowledged.length} acknowledged`);
    assert.equal(counted, stored.size, 'each stored vote is counted');
  });
});
