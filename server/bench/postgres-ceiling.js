// The ceilings of `npm run bench:server` on PostgreSQL: what the database itself does on this
// machine, with no HTTP and no server in front of it, for the vote targets to be read against.
// - commits: a one-row INSERT, each its own transaction, from 1 client and from CONCURRENCY at once
//   (the disk's flush rate, and how many commits PostgreSQL flushes together);
// - the votes' own statements (postgres.ts's STATEMENTS) from a bare `pg` pool of `poolSize`
//   connections, CONCURRENCY callers at once, each a new voter: a rating vote (aw_rate_article, one
//   round trip) and a poll vote (its read, then aw_vote_poll: two), with no rules, hashing or HTTP.
// Each call takes `settings`, set on every connection as it opens (commit_delay and commit_siblings
// need a superuser, as in the bench's private cluster).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStorage, STATEMENTS } from '../dist/server/src/storage/postgres/postgres.js';

export const CONCURRENCY = 50;
const ARTICLES = 50;
const POLL = 'ceiling-poll';

/** Makes the tables and the poll the ceilings write to (the server's own schema). */
export async function prepareCeilings(url) {
  const storage = await openPostgresStorage(url);
  try {
    await storage.importData({ polls: [{ id: POLL, question: 'Which?', options: ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id, votes: 0 })), multiple: false, maxChoices: 1, results: 'always', closesAt: null, closed: false, allowChange: false }] });
  } finally {
    await storage.close();
  }
  const client = new pg.Client(url);
  await client.connect();
  await client.query('CREATE TABLE IF NOT EXISTS bench_commits (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at BIGINT NOT NULL)');
  await client.end();
}

/**
 * `work(client, n)` run by `callers` loops at once for `seconds`, each taking a connection of a pool
 * of `poolSize` for each call (as the server does). Answers the calls a second and their p99 in ms.
 */
async function load(url, { poolSize, callers, seconds, settings }, work) {
  const options = Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`).join(' ');
  const pool = new pg.Pool({ connectionString: url, max: poolSize, ...(options && { options }) });
  let n = 0;
  let failed = 0;
  const latencies = [];
  const run = async (until, record) => {
    while (Date.now() < until) {
      const started = performance.now();
      const client = await pool.connect();
      try {
        await work(client, n++);
      } catch {
        failed++;
      } finally {
        client.release();
      }
      if (record) latencies.push(performance.now() - started);
    }
  };
  const loops = (ms, record) => Promise.all(Array.from({ length: callers }, () => run(Date.now() + ms, record)));
  await loops(1000, false); // warm-up: connections open, statements prepared
  const started = performance.now();
  await loops(seconds * 1000, true);
  const elapsed = (performance.now() - started) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / elapsed, p99: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? NaN), failed, total: latencies.length };
}

const unique = () => randomBytes(12).toString('base64url');
const prepared = (client, name, values) => client.query({ name, text: STATEMENTS[name], values });

/** One-row commits a second: from 1 client, or from `callers` at once. */
export const commits = (url, { callers, seconds, settings = {} }) =>
  load(url, { poolSize: callers, callers, seconds, settings }, (client) => client.query('INSERT INTO bench_commits (at) VALUES ($1)', [Date.now()]));

/** Rating votes a second: aw_rate_article from a bare pool, each a new voter (the server's arguments, no per-item cap). */
export const ratingStatements = (url, { poolSize, seconds, settings = {} }) =>
  load(url, { poolSize, callers: CONCURRENCY, seconds, settings }, (client, n) => {
    const article = `ceiling-${n % ARTICLES}`;
    return prepared(client, 'rateArticle', [unique(), 'f', Date.now(), article, unique(), 1 + (n % 5), true, null, `rating:${article}`, null, 0]);
  });

/** Poll votes a second: the poll vote's read and aw_vote_poll from a bare pool, each a new voter on one poll. */
export const pollStatements = (url, { poolSize, seconds, settings = {} }) =>
  load(url, { poolSize, callers: CONCURRENCY, seconds, settings }, async (client, n) => {
    const [voter, receipt] = [unique(), unique()];
    const [read] = (await prepared(client, 'ballotContext', [POLL, voter, receipt])).rows;
    const option = 'abcd'[n % 4];
    await prepared(client, 'votePoll', [receipt, 'f', Date.now(), POLL, voter, read.version, null, JSON.stringify([option]), [option], [1], new Date().toISOString(), null, `poll:${POLL}`, null, 0]);
  });
