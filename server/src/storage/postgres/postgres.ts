// PostgreSQL storage (pg's pool): the same tables, rules and replies as the SQLite storage, for
// several server processes on one database. Every write is one transaction holding the vote, its
// counters, its per-item count and its receipt. Counters move by atomic increments
// (`SET votes = votes + 1`, `ON CONFLICT DO UPDATE`) and a voter's earlier vote is read under its
// row lock, so concurrent votes on one item never lose an update; a transaction that collides with
// another (both inserting a voter's first vote) runs again and then sees the other's rows. Locks
// are taken in one order (the receipt, the voter's row, the options by id, the item's counters, the
// per-item count), so votes do not deadlock one another.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ApiError } from '../../../../src/contract/errors.js';
import { itemKey } from '../../../../src/contract/ids.js';
import { adminPollView, pollView, ratingSummary, unknownPoll } from '../../../../src/contract/rules.js';
import { checkBallot, checkRatingChange, replayed } from '../../../../src/contract/voting.js';
import { patchedPoll } from '../poll-patch.js';
import { sharesByUrl } from '../share-lists.js';
import type { CountedPoll, PollInput, ShareCounts, Storage, StorageOptions, WriteReceipt } from '../storage.js';
import { postgresAddressLimits } from './address-limits.js';
import { itemLimitError } from '../../limits/item-limit.js';
import { isPostgresUnavailable, isRetryable } from './errors.js';
import { migratePostgres } from './migrations.js';
import { postgresSessionStore } from './sessions.js';

/** How long a request may wait for the database before it gets a 503 instead of hanging. */
export const POSTGRES_TIMEOUTS = {
  /** To open a connection, or to get one from a busy pool. */
  connectMs: 3000,
  /** For one statement, on the server (statement_timeout). */
  statementMs: 5000,
  /** For one statement's reply, on the client: a server that went silent (a dead host, a cut network). */
  replyMs: 6000,
};
/** Connections each server process keeps at most. */
export const POOL_SIZE = 10;
/** The SQLSTATEs the vote functions (migrations.ts) refuse a vote with, having written nothing. */
const REFUSED = { ratingChange: 'AW409', itemLimit: 'AW429' };

/** An article's totals after a vote, as a rating vote's receipt keeps them. */
interface RatingTotals {
  votes: number;
  sum: number;
}

/** Runs of one transaction before a collision with concurrent ones is given up as an error. */
const ATTEMPTS = 5;

// Counts are BIGINT; they stay far below 2^53 (the contract caps them at 10^12), so numbers are exact.
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, Number);

/** A poll row with its options as one JSON array: one statement, one snapshot, so counts agree. */
const POLL_WITH_OPTIONS = `
  SELECT p.id, p.question, p.multiple, p.max_choices, p.results, p.closes_at, p.closed, p.allow_change,
         p.imported_voters, p.reader_voters,
         coalesce((SELECT json_agg(json_build_object('id', o.option_id, 'label', o.label,
                                   'votes', o.imported_votes + o.reader_votes, 'readerVotes', o.reader_votes) ORDER BY o.position)
                   FROM poll_options o WHERE o.poll_id = p.id), '[]') AS options
  FROM polls p`;

interface PollRow {
  id: string;
  question: string;
  multiple: boolean;
  max_choices: number;
  results: CountedPoll['results'];
  closes_at: string | null;
  closed: boolean;
  allow_change: boolean;
  imported_voters: number;
  reader_voters: number;
  options: { id: string; label: string; votes: number; readerVotes: number }[];
}

/** Statements run often, prepared once per connection. */
const STATEMENTS = {
  // A receipt is claimed (its reply still empty) before the write, and completed in the same transaction.
  claimReceipt: "INSERT INTO receipts (key, fingerprint, reply, created_at) VALUES ($1, $2, '', $3) ON CONFLICT (key) DO NOTHING",
  receipt: 'SELECT fingerprint, reply FROM receipts WHERE key = $1',
  completeReceipt: 'UPDATE receipts SET reply = $2 WHERE key = $1',
  rating: 'SELECT imported_votes + reader_votes AS votes, imported_sum + reader_sum AS sum FROM ratings WHERE article_id = $1',
  poll: `${POLL_WITH_OPTIONS} WHERE p.id = $1`,
  ballot: 'SELECT choices FROM poll_ballots WHERE poll_id = $1 AND voter = $2',
  myBallot: 'SELECT choices FROM poll_ballots WHERE poll_id = $1 AND voter = $2 FOR UPDATE',
  insertBallot: 'INSERT INTO poll_ballots (poll_id, voter, choices) VALUES ($1, $2, $3)',
  updateBallot: 'UPDATE poll_ballots SET choices = $1 WHERE poll_id = $2 AND voter = $3',
  addOptionVotes: 'UPDATE poll_options SET reader_votes = reader_votes + $1 WHERE poll_id = $2 AND option_id = $3',
  addVoter: 'UPDATE polls SET reader_voters = reader_voters + 1 WHERE id = $1',
  shares: 'SELECT network, count FROM shares WHERE url = $1 ORDER BY network',
  shareEvent: 'INSERT INTO share_events (url, network, voter) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
  addShare: 'INSERT INTO shares AS s (url, network, count) VALUES ($1, $2, 1) ON CONFLICT (url, network) DO UPDATE SET count = s.count + 1',
} as const;

type Queryable = pg.Pool | pg.ClientBase;

function run<R extends pg.QueryResultRow>(db: Queryable, statement: keyof typeof STATEMENTS, values: unknown[]) {
  return db.query<R>({ name: statement, text: STATEMENTS[statement], values });
}

function toCountedPoll(row: PollRow): CountedPoll {
  return {
    id: row.id,
    question: row.question,
    options: row.options.map(({ id, label, votes }) => ({ id, label, votes })),
    multiple: row.multiple,
    maxChoices: row.max_choices,
    results: row.results,
    closesAt: row.closes_at,
    closed: row.closed,
    allowChange: row.allow_change,
    voters: row.imported_voters + row.reader_voters,
  };
}

/**
 * Rolls a failed transaction back; false when its connection failed (it broke, or a reply timed
 * out mid-statement) and must not go back to the pool.
 */
async function rolledBack(tx: pg.PoolClient, error: unknown): Promise<boolean> {
  if (!(error instanceof pg.DatabaseError) && isPostgresUnavailable(error)) return false;
  return tx.query('ROLLBACK').then(
    () => true,
    () => false,
  );
}

/**
 * Connects to the database at `url` (`postgres://user:password@host:port/database`), applies the
 * migrations it lacks and answers the storage. Its errors are PostgreSQL's own; openStorage turns
 * an unavailable database into 503s.
 */
export async function openPostgresStorage(url: string, options: StorageOptions = {}): Promise<Storage> {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: POSTGRES_TIMEOUTS.connectMs,
    statement_timeout: POSTGRES_TIMEOUTS.statementMs,
    query_timeout: POSTGRES_TIMEOUTS.replyMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'article-widgets-server',
    types,
  });
  // A connection the server dropped (a restart, a failover) reports it as an 'error' event, which
  // would end the process without a listener. An idle one is dropped from the pool (its 'error');
  // a checked-out one fails its next statement, and its transaction drops it.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  let pepper;
  try {
    await migratePostgres(pool);
    await pool.query("INSERT INTO meta (key, value) VALUES ('voter-pepper', $1) ON CONFLICT (key) DO NOTHING", [randomBytes(32).toString('hex')]);
    /** A per-database secret mixed into voter hashes: the database never holds a raw voter id. */
    pepper = (await pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'voter-pepper'")).rows[0].value;
  } catch (error) {
    await pool.end();
    throw error;
  }

  const ratingChange = options.ratingChange ?? 'replace';
  const now = options.now ?? (() => new Date());
  const addressLimits = postgresAddressLimits(now);

  /** Runs one statement (a transaction of its own), again after a collision with a concurrent one. */
  async function retried<T>(statement: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await statement();
      } catch (error) {
        if (attempt < ATTEMPTS && isRetryable(error)) continue;
        throw error;
      }
    }
  }

  /** Runs `work` in a transaction, again from the start after a collision with a concurrent one. */
  async function transaction<T>(work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const tx = await pool.connect();
      let reusable = true;
      try {
        await tx.query('BEGIN');
        const result = await work(tx);
        await tx.query('COMMIT');
        return result;
      } catch (error) {
        reusable = await rolledBack(tx, error);
        if (attempt < ATTEMPTS && isRetryable(error)) continue;
        throw error;
      } finally {
        tx.release(!reusable);
      }
    }
  }

  async function loadPoll(db: Queryable, pollId: string): Promise<CountedPoll | undefined> {
    const { rows } = await run<PollRow>(db, 'poll', [pollId]);
    return rows[0] && toCountedPoll(rows[0]);
  }

  async function requirePoll(db: Queryable, pollId: string): Promise<CountedPoll> {
    const poll = await loadPoll(db, pollId);
    if (!poll) throw unknownPoll(pollId);
    return poll;
  }

  async function choicesOf(db: Queryable, pollId: string, voter: string, { lock = false } = {}): Promise<string[] | undefined> {
    const { rows } = await run<{ choices: string }>(db, lock ? 'myBallot' : 'ballot', [pollId, voter]);
    return rows[0] && (JSON.parse(rows[0].choices) as string[]);
  }

  async function readRating(db: Queryable, articleId: string) {
    const row = (await run<{ votes: number; sum: number }>(db, 'rating', [articleId])).rows[0];
    return ratingSummary(articleId, row?.votes ?? 0, row?.sum ?? 0);
  }

  async function readShares(db: Queryable, url: string): Promise<ShareCounts> {
    const { rows } = await run<{ network: string; count: number }>(db, 'shares', [url]);
    const counts = Object.fromEntries(rows.map((r) => [r.network, r.count]));
    return { url, counts, total: rows.reduce((sum, r) => sum + r.count, 0) };
  }

  /**
   * Runs a write once per receipt key, in one transaction with its receipt: a retry gets the first
   * reply again; the same key with a different request is refused. The receipt's row is claimed
   * first, so a second request under the key waits for the first to end: then it finds the
   * receipt committed with the vote, and replays it (or, had the first failed, runs itself).
   * Reading the receipt first instead would let the second miss it, then see the vote committed
   * after that read and refuse it as a second vote.
   */
  function once<T>(receipt: WriteReceipt, write: (tx: pg.PoolClient) => Promise<T>): Promise<{ reply: T; replayed: boolean }> {
    return transaction(async (tx) => {
      const claimed = await run(tx, 'claimReceipt', [receipt.key, receipt.fingerprint, Date.now()]);
      if (claimed.rowCount === 0) {
        const seen = (await run<{ fingerprint: string; reply: string }>(tx, 'receipt', [receipt.key])).rows[0];
        const first = replayed(seen, receipt.fingerprint);
        if (first !== undefined) return { reply: JSON.parse(first) as T, replayed: true };
      }
      const reply = await write(tx);
      await run(tx, 'completeReceipt', [receipt.key, JSON.stringify(reply)]);
      return { reply, replayed: false };
    });
  }

  async function writePoll(tx: pg.ClientBase, poll: PollInput, create: boolean): Promise<void> {
    const importedVoters = poll.voters ?? poll.options.reduce((sum, o) => sum + o.votes, 0);
    const values = [poll.id, poll.question, poll.multiple, poll.maxChoices, poll.results, poll.closesAt, poll.closed, poll.allowChange, importedVoters];
    if (create) {
      await tx.query(
        `INSERT INTO polls (id, question, multiple, max_choices, results, closes_at, closed, allow_change, imported_voters)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        values,
      );
    } else {
      await tx.query(
        `UPDATE polls SET question = $2, multiple = $3, max_choices = $4, results = $5, closes_at = $6, closed = $7,
         allow_change = $8, imported_voters = $9 WHERE id = $1`,
        values,
      );
    }
    const keep = new Set(poll.options.map((o) => o.id));
    const stored = await tx.query<{ option_id: string; reader_votes: number }>('SELECT option_id, reader_votes FROM poll_options WHERE poll_id = $1', [poll.id]);
    for (const old of stored.rows) {
      if (keep.has(old.option_id)) continue;
      if (old.reader_votes > 0) {
        throw new ApiError(409, 'option-has-votes', `Option "${old.option_id}" has readers' votes and cannot be removed.`, 'options');
      }
      await tx.query('DELETE FROM poll_options WHERE poll_id = $1 AND option_id = $2', [poll.id, old.option_id]);
    }
    for (const [position, option] of poll.options.entries()) {
      await tx.query(
        `INSERT INTO poll_options (poll_id, option_id, label, position, imported_votes) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (poll_id, option_id) DO UPDATE SET label = excluded.label, position = excluded.position, imported_votes = excluded.imported_votes`,
        [poll.id, option.id, option.label, position, option.votes],
      );
    }
  }

  const storage: Storage = {
    pepper,
    sessions: postgresSessionStore(pool),

    async health() {
      await pool.query('SELECT 1');
      return true;
    },

    async getRating(articleId) {
      return readRating(pool, articleId);
    },

    async getRatings(articleIds) {
      const { rows } = await pool.query<{ article_id: string; votes: number; sum: number }>(
        'SELECT article_id, imported_votes + reader_votes AS votes, imported_sum + reader_sum AS sum FROM ratings WHERE article_id = ANY ($1)',
        [articleIds],
      );
      const byId = new Map(rows.map((r) => [r.article_id, r]));
      return articleIds.map((id) => ratingSummary(id, byId.get(id)?.votes ?? 0, byId.get(id)?.sum ?? 0));
    },

    async rate({ articleId, voter, rating, receipt, quota }) {
      const item = itemKey('rating', articleId);
      const counted = quota && quota.limit > 0 ? quota : undefined;
      /** The reply, from the article's totals after the vote (the receipt keeps those). */
      const replyOf = (totals: RatingTotals) => ({ summary: ratingSummary(articleId, totals.votes, totals.sum), rating });
      try {
        const { rows } = await retried(() =>
          pool.query<{ seen_fingerprint: string | null; seen_reply: string | null; total_votes: number; total_sum: number }>({
            name: 'rate-article',
            text: 'SELECT * FROM aw_rate_article($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
            values: [receipt.key, receipt.fingerprint, Date.now(), articleId, voter, rating, ratingChange !== 'refuse', counted?.day ?? null, item, counted?.key ?? null, counted?.limit ?? 0],
          }),
        );
        const [{ seen_fingerprint: fingerprint, seen_reply: reply, total_votes: votes, total_sum: sum }] = rows;
        if (fingerprint === null) return { reply: replyOf({ votes, sum }), replayed: false };
        const stored = JSON.parse(replayed({ fingerprint, reply: reply! }, receipt.fingerprint)!) as RatingTotals | ReturnType<typeof replyOf>;
        // A receipt written before aw_rate_article (schema version 1) holds the whole reply.
        return { reply: 'summary' in stored ? stored : replyOf(stored), replayed: true };
      } catch (error) {
        if (error instanceof pg.DatabaseError && error.code === REFUSED.ratingChange) checkRatingChange(Number(error.detail), ratingChange);
        if (error instanceof pg.DatabaseError && error.code === REFUSED.itemLimit) throw itemLimitError(item, counted!.limit, counted!.day, now().getTime());
        throw error;
      }
    },

    async getPoll(pollId, voter) {
      const poll = await requirePoll(pool, pollId);
      return pollView(poll, voter === undefined ? undefined : await choicesOf(pool, pollId, voter), now());
    },

    async votePoll({ pollId, voter, optionIds, receipt, quota }) {
      return once(receipt, async (tx) => {
        const poll = await requirePoll(tx, pollId);
        const previous = await choicesOf(tx, pollId, voter, { lock: true });
        const choices = checkBallot(poll, optionIds, previous, now());
        const change = new Map<string, number>();
        for (const id of previous ?? []) change.set(id, (change.get(id) ?? 0) - 1);
        for (const id of choices) change.set(id, (change.get(id) ?? 0) + 1);
        // Options in one order for every vote: two votes never wait on each other's options.
        for (const [id, delta] of [...change].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
          if (delta !== 0) await run(tx, 'addOptionVotes', [delta, pollId, id]);
        }
        if (previous) await run(tx, 'updateBallot', [JSON.stringify(choices), pollId, voter]);
        else {
          await run(tx, 'insertBallot', [pollId, voter, JSON.stringify(choices)]);
          await run(tx, 'addVoter', [pollId]);
          await addressLimits.countVote(tx, itemKey('poll', pollId), quota);
        }
        return pollView(await requirePoll(tx, pollId), choices, now());
      });
    },

    async getShares(url) {
      return readShares(pool, url);
    },

    async recordShare({ url, network, voter, receipt, quota }) {
      return once(receipt, async (tx) => {
        // One share per reader per network per URL: a second click is not a second share.
        if ((await run(tx, 'shareEvent', [url, network, voter])).rowCount === 1) {
          await run(tx, 'addShare', [url, network]);
          await addressLimits.countVote(tx, itemKey('share', url), quota);
        }
        return readShares(tx, url);
      });
    },

    async createPoll(poll) {
      await transaction(async (tx) => {
        if (await loadPoll(tx, poll.id)) throw new ApiError(409, 'poll-exists', `A poll "${poll.id}" already exists.`, 'body.id');
        await writePoll(tx, poll, true);
      });
      return pollView(await requirePoll(pool, poll.id), undefined, now());
    },

    async updatePoll(pollId, patch) {
      const poll = await transaction(async (tx) => {
        const row = (await run<PollRow>(tx, 'poll', [pollId])).rows[0];
        if (!row) throw unknownPoll(pollId);
        const imported = {
          votes: (optionId: string) => {
            const option = row.options.find((o) => o.id === optionId)!;
            return option.votes - option.readerVotes;
          },
          voters: row.imported_voters,
        };
        await writePoll(tx, patchedPoll(toCountedPoll(row), patch, imported), false);
        return requirePoll(tx, pollId);
      });
      return pollView(poll, undefined, now());
    },

    async importData(data) {
      return transaction(async (tx) => {
        for (const r of data.ratings ?? []) {
          await tx.query(
            `INSERT INTO ratings (article_id, imported_votes, imported_sum) VALUES ($1, $2, $3)
             ON CONFLICT (article_id) DO UPDATE SET imported_votes = excluded.imported_votes, imported_sum = excluded.imported_sum`,
            [r.articleId, r.votes, r.votes * r.average],
          );
        }
        for (const p of data.polls ?? []) await writePoll(tx, p, !(await loadPoll(tx, p.id)));
        return { ratings: data.ratings?.length ?? 0, polls: data.polls?.length ?? 0 };
      });
    },

    async adminPolls() {
      const { rows } = await pool.query<PollRow>(`${POLL_WITH_OPTIONS} ORDER BY p.created DESC`);
      return rows.map((row) => adminPollView(toCountedPoll(row), now()));
    },

    async adminPoll(pollId) {
      return adminPollView(await requirePoll(pool, pollId), now());
    },

    async ratedArticles() {
      const { rows } = await pool.query<{ article_id: string; votes: number; sum: number }>(
        `SELECT article_id, imported_votes + reader_votes AS votes, imported_sum + reader_sum AS sum
         FROM ratings WHERE imported_votes + reader_votes > 0 ORDER BY article_id COLLATE "C"`,
      );
      return rows.map((r) => ratingSummary(r.article_id, r.votes, r.sum));
    },

    async allShares() {
      const { rows } = await pool.query<{ url: string; network: string; count: number }>('SELECT url, network, count FROM shares ORDER BY url COLLATE "C", network COLLATE "C"');
      return sharesByUrl(rows);
    },

    async addressSalt(day) {
      return transaction((tx) => addressLimits.saltOf(tx, day));
    },

    async pruneReceipts(olderThanMs) {
      return (await pool.query('DELETE FROM receipts WHERE created_at < $1', [Date.now() - olderThanMs])).rowCount ?? 0;
    },

    async close() {
      if (!pool.ended) await pool.end();
    },
  };
  return storage;
}
