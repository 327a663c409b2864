// PostgreSQL storage (pg's pool): the same tables, rules and replies as the SQLite storage, for
// several server processes on one database. Every write is one transaction holding the vote, its
// counters, its per-item count and its receipt; a vote's is one statement, a function of
// migrations.ts (one round trip), and a poll vote's rules, which are the contract's in JavaScript,
// are checked between a read and that statement, which checks under its locks that what was read
// still holds. Counters move by atomic increments (`SET votes = votes + 1`, `ON CONFLICT DO
// UPDATE`) and a voter's earlier vote is read under its row lock, so concurrent votes on one item
// never lose an update; a vote that collides with another (both inserting a voter's first vote)
// runs again and then sees the other's rows. Locks are taken in one order (the receipt, the voter's
// row, the item's counters, a poll's options by id, the per-item count), so votes do not deadlock
// one another.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ApiError } from '../../../../src/contract/errors.js';
import { itemKey } from '../../../../src/contract/ids.js';
import { adminPollView, pollView, ratingSummary, unknownPoll } from '../../../../src/contract/rules.js';
import { checkBallot, checkRatingChange, replayed } from '../../../../src/contract/voting.js';
import { patchedPoll } from '../poll-patch.js';
import { sharesByUrl } from '../share-lists.js';
import type { CountedPoll, PollInput, PollView, ShareCounts, Storage, StorageOptions, WriteReceipt, Written } from '../storage.js';
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
/**
 * Connections each server process keeps at most, unless told (--db-pool-size). Votes in flight past
 * it wait for a connection; PostgreSQL commits together the votes that end at once, so a larger
 * pool lets more of them share a flush (bench:server measures both).
 */
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

/** Polls with their options as one JSON array (the view poll_rows): one statement, one snapshot, so counts agree. */
const POLL_WITH_OPTIONS = 'SELECT * FROM poll_rows p';

interface PollRow {
  id: string;
  /** Moved by every change of the poll's definition (writePoll): a vote checked against it still holds. */
  version: number;
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

/** Statements run often, prepared once per connection (and run bare by the benchmark's ceilings). */
export const STATEMENTS = {
  rating: 'SELECT imported_votes + reader_votes AS votes, imported_sum + reader_sum AS sum FROM ratings WHERE article_id = $1',
  poll: `${POLL_WITH_OPTIONS} WHERE p.id = $1`,
  ballot: 'SELECT choices FROM poll_ballots WHERE poll_id = $1 AND voter = $2',
  // What a ballot is checked against, in one snapshot: the poll (none: unknown), the voter's earlier
  // ballot, and the receipt of a write under the same key (a retry is answered before any check).
  ballotContext: `
    SELECT r.fingerprint AS seen_fingerprint, r.reply AS seen_reply, b.choices AS previous, p.*
    FROM (SELECT) AS one
    LEFT JOIN receipts r ON r.key = $3
    LEFT JOIN poll_rows p ON p.id = $1
    LEFT JOIN poll_ballots b ON b.poll_id = $1 AND b.voter = $2`,
  rateArticle: 'SELECT * FROM aw_rate_article($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
  votePoll: 'SELECT * FROM aw_vote_poll($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)',
  shares: 'SELECT network, count FROM shares WHERE url = $1 ORDER BY network',
  recordShare: 'SELECT * FROM aw_record_share($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
} as const;

/** What a vote's statement answers: the receipt already under its key (seen_*), else what it wrote. */
interface VoteRow {
  seen_fingerprint: string | null;
  seen_reply: string | null;
}

type Queryable = pg.Pool | pg.ClientBase;

function run<R extends pg.QueryResultRow>(db: Queryable, statement: keyof typeof STATEMENTS, values: unknown[]) {
  return db.query<R>({ name: statement, text: STATEMENTS[statement], values });
}

/** What a poll vote's receipt keeps (aw_vote_poll): the poll after the vote, the choices, the time of the vote. */
interface PollVoteRecord {
  poll: PollRow;
  choices: string[];
  at: string;
}

/** A URL's share counts from its counts by network. */
function shareCounts(url: string, counts: Record<string, number>): ShareCounts {
  return { url, counts, total: Object.values(counts).reduce((sum, count) => sum + count, 0) };
}

/**
 * The reply to a retry of a poll vote, from the receipt `seen` under its key (or the refusal of
 * the key reused for another request).
 */
function replayedPollVote(seen: VoteRow, receipt: WriteReceipt, replyOf: (record: PollVoteRecord) => PollView): Written<PollView> {
  const stored = JSON.parse(replayed({ fingerprint: seen.seen_fingerprint!, reply: seen.seen_reply! }, receipt.fingerprint)!) as PollView | PollVoteRecord;
  // A receipt written before aw_vote_poll (schema version 3) holds the whole reply.
  return { reply: 'at' in stored ? replyOf(stored) : stored, replayed: true };
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
    max: options.poolSize ?? POOL_SIZE,
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
  const addressLimits = postgresAddressLimits();

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

  /**
   * Whether a write under `receipt`'s key has been committed by now, after waiting for any still
   * in flight: claiming the key (aw_claim_receipt, undone at once) waits on an uncommitted claim of it.
   */
  function writtenMeanwhile(receipt: WriteReceipt): Promise<boolean> {
    return transaction(async (tx) => {
      await tx.query('SAVEPOINT claim');
      const { rows } = await tx.query<{ claimed: boolean }>('SELECT aw_claim_receipt($1, $2, $3) AS claimed', [receipt.key, receipt.fingerprint, Date.now()]);
      await tx.query('ROLLBACK TO SAVEPOINT claim');
      return !rows[0].claimed;
    });
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

  async function choicesOf(db: Queryable, pollId: string, voter: string): Promise<string[] | undefined> {
    const { rows } = await run<{ choices: string }>(db, 'ballot', [pollId, voter]);
    return rows[0] && (JSON.parse(rows[0].choices) as string[]);
  }

  async function readRating(db: Queryable, articleId: string) {
    const row = (await run<{ votes: number; sum: number }>(db, 'rating', [articleId])).rows[0];
    return ratingSummary(articleId, row?.votes ?? 0, row?.sum ?? 0);
  }

  async function readShares(db: Queryable, url: string): Promise<ShareCounts> {
    const { rows } = await run<{ network: string; count: number }>(db, 'shares', [url]);
    return shareCounts(url, Object.fromEntries(rows.map((r) => [r.network, r.count])));
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
        // A new version: a vote checked against the poll as it was is checked again (aw_vote_poll).
        `UPDATE polls SET question = $2, multiple = $3, max_choices = $4, results = $5, closes_at = $6, closed = $7,
         allow_change = $8, imported_voters = $9, version = version + 1 WHERE id = $1`,
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
          run<VoteRow & { total_votes: number; total_sum: number }>(pool, 'rateArticle', [
            receipt.key, receipt.fingerprint, Date.now(), articleId, voter, rating, ratingChange !== 'refuse', counted?.day ?? null, item, counted?.key ?? null, counted?.limit ?? 0,
          ]),
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
      const item = itemKey('poll', pollId);
      const counted = quota && quota.limit > 0 ? quota : undefined;
      /** The reply: the poll as the vote left it, seen by this voter at the time of the vote. */
      const replyOf = ({ poll, choices, at }: PollVoteRecord) => pollView(toCountedPoll(poll), choices, new Date(at));
      // Read, check by the contract's rules, write if what was checked still holds; else again.
      for (let attempt = 1; ; attempt++) {
        const [read] = (await run<VoteRow & Partial<PollRow> & { previous: string | null }>(pool, 'ballotContext', [pollId, voter, receipt.key])).rows;
        if (read.seen_fingerprint !== null) return replayedPollVote(read, receipt, replyOf);
        if (read.id == null) throw unknownPoll(pollId);
        const poll = read as PollRow;
        const previous = read.previous === null ? undefined : (JSON.parse(read.previous) as string[]);
        const at = now();
        let choices: string[];
        try {
          choices = checkBallot(toCountedPoll(poll), optionIds, previous, at);
        } catch (refusal) {
          // A retry racing its own first try, still being written, read no receipt; if the poll
          // closed in between (its time came, or an editor closed it), the rules refuse the retry
          // although the first try counts. So before refusing, wait for any write of this key:
          // once it is committed, reading again replays it.
          if (refusal instanceof ApiError && attempt < ATTEMPTS && (await writtenMeanwhile(receipt))) continue;
          throw refusal;
        }
        const change = new Map<string, number>();
        for (const id of previous ?? []) change.set(id, (change.get(id) ?? 0) - 1);
        for (const id of choices) change.set(id, (change.get(id) ?? 0) + 1);
        // Options in one order for every vote: two votes never wait on each other's options.
        const moved = [...change].filter(([, delta]) => delta !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        try {
          const [written] = (
            await run<VoteRow & { poll: PollRow | null }>(pool, 'votePoll', [
              receipt.key, receipt.fingerprint, Date.now(), pollId, voter, poll.version, read.previous, JSON.stringify(choices),
              moved.map(([id]) => id), moved.map(([, delta]) => delta), at.toISOString(),
              counted?.day ?? null, item, counted?.key ?? null, counted?.limit ?? 0,
            ])
          ).rows;
          if (written.seen_fingerprint !== null) return replayedPollVote(written, receipt, replyOf);
          return { reply: replyOf({ poll: written.poll!, choices, at: at.toISOString() }), replayed: false };
        } catch (error) {
          if (attempt < ATTEMPTS && isRetryable(error)) continue;
          if (error instanceof pg.DatabaseError && error.code === REFUSED.itemLimit) throw itemLimitError(item, counted!.limit, counted!.day, now().getTime());
          throw error;
        }
      }
    },

    async getShares(url) {
      return readShares(pool, url);
    },

    async recordShare({ url, network, voter, receipt, quota }) {
      const item = itemKey('share', url);
      const counted = quota && quota.limit > 0 ? quota : undefined;
      try {
        const [written] = (
          await retried(() =>
            run<VoteRow & { counts: Record<string, number> | null }>(pool, 'recordShare', [
              receipt.key, receipt.fingerprint, Date.now(), url, network, voter, counted?.day ?? null, item, counted?.key ?? null, counted?.limit ?? 0,
            ]),
          )
        ).rows;
        if (written.seen_fingerprint === null) return { reply: shareCounts(url, written.counts!), replayed: false };
        const stored = JSON.parse(replayed({ fingerprint: written.seen_fingerprint, reply: written.seen_reply! }, receipt.fingerprint)!) as ShareCounts | { counts: Record<string, number> };
        // A receipt written before aw_record_share (schema version 3) holds the whole reply.
        return { reply: 'total' in stored ? stored : shareCounts(url, stored.counts), replayed: true };
      } catch (error) {
        if (error instanceof pg.DatabaseError && error.code === REFUSED.itemLimit) throw itemLimitError(item, counted!.limit, counted!.day, now().getTime());
        throw error;
      }
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
