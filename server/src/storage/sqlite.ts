// SQLite storage (better-sqlite3, WAL). Every aggregate is a counter row updated in the same
// transaction as the vote and its idempotency receipt, so a read is one indexed row whatever the
// number of votes, and totals cannot drift from the votes. Votes that arrive together share one
// transaction and one fsync (sqlite-group-commit.ts). All SQL is parameterised.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { ApiError } from '../../../src/contract/errors.js';
import { itemKey } from '../../../src/contract/ids.js';
import { adminPollView, pollView, ratingSummary, unknownPoll } from '../../../src/contract/rules.js';
import { checkBallot, checkRatingChange, replayed } from '../../../src/contract/voting.js';
import { sqliteSessionStore } from './sqlite-sessions.js';
import { sqliteAddressLimits } from './sqlite-address-limits.js';
import { patchedPoll } from './poll-patch.js';
import { sharesByUrl } from './share-lists.js';
import { migrateSqlite } from './sqlite-migrations.js';
import { groupCommit } from './sqlite-group-commit.js';
import { sqliteVoteWriter, type VoteWriter } from './sqlite-writer.js';
import type { CountedPoll, PollInput, ShareCounts, Storage, StorageOptions, WriteReceipt } from './storage.js';

interface PollRow {
  id: string;
  question: string;
  multiple: number;
  max_choices: number;
  results: CountedPoll['results'];
  closes_at: string | null;
  closed: number;
  allow_change: number;
  imported_voters: number;
  reader_voters: number;
}

interface OptionRow {
  option_id: string;
  label: string;
  votes: number;
  reader_votes: number;
}

export interface SqliteOptions extends StorageOptions {
  /** Who writes the votes: a writer thread (the default for a file), or this thread (the writer thread itself). */
  writer?: 'writer-thread' | 'this-thread';
}

/** Opens (creating if needed) the SQLite file at `path` (a file path, or ':memory:'). */
export function openSqliteStorage(path: string, options: SqliteOptions = {}): Storage {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL: a vote acknowledged to a reader survives even a power cut, not just a crash.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrateSqlite(db);
  const ratingChange = options.ratingChange ?? 'replace';
  const now = options.now ?? (() => new Date());
  const addressLimits = sqliteAddressLimits(db);
  const writes = groupCommit(db);

  const q = {
    meta: db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
    setMeta: db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
    rating: db.prepare<[string], { votes: number; sum: number }>('SELECT imported_votes + reader_votes AS votes, imported_sum + reader_sum AS sum FROM ratings WHERE article_id = ?'),
    myRating: db.prepare<[string, string], number>('SELECT rating FROM rating_votes WHERE article_id = ? AND voter = ?').pluck(),
    insertRatingVote: db.prepare<[string, string, number]>('INSERT INTO rating_votes (article_id, voter, rating) VALUES (?, ?, ?)'),
    updateRatingVote: db.prepare<[number, string, string]>('UPDATE rating_votes SET rating = ? WHERE article_id = ? AND voter = ?'),
    // Adds to the article's counters (making its row on its first vote) and answers the new totals.
    addRating: db.prepare<[string, number, number], { votes: number; sum: number }>(
      `INSERT INTO ratings (article_id, reader_votes, reader_sum) VALUES (?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET reader_votes = reader_votes + excluded.reader_votes, reader_sum = reader_sum + excluded.reader_sum
       RETURNING imported_votes + reader_votes AS votes, imported_sum + reader_sum AS sum`,
    ),
    importRating: db.prepare<[string, number, number]>(
      `INSERT INTO ratings (article_id, imported_votes, imported_sum) VALUES (?, ?, ?)
       ON CONFLICT (article_id) DO UPDATE SET imported_votes = excluded.imported_votes, imported_sum = excluded.imported_sum`,
    ),
    poll: db.prepare<[string], PollRow>('SELECT * FROM polls WHERE id = ?'),
    options: db.prepare<[string], OptionRow>('SELECT option_id, label, imported_votes + reader_votes AS votes, reader_votes FROM poll_options WHERE poll_id = ? ORDER BY position'),
    ballot: db.prepare<[string, string], string>('SELECT choices FROM poll_ballots WHERE poll_id = ? AND voter = ?').pluck(),
    insertBallot: db.prepare<[string, string, string]>('INSERT INTO poll_ballots (poll_id, voter, choices) VALUES (?, ?, ?)'),
    updateBallot: db.prepare<[string, string, string]>('UPDATE poll_ballots SET choices = ? WHERE poll_id = ? AND voter = ?'),
    addOptionVote: db.prepare<[number, string, string]>('UPDATE poll_options SET reader_votes = reader_votes + ? WHERE poll_id = ? AND option_id = ?'),
    addVoter: db.prepare<[string]>('UPDATE polls SET reader_voters = reader_voters + 1 WHERE id = ?'),
    insertPoll: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO polls (id, question, multiple, max_choices, results, closes_at, closed, allow_change, imported_voters)
       VALUES (@id, @question, @multiple, @maxChoices, @results, @closesAt, @closed, @allowChange, @importedVoters)`,
    ),
    updatePoll: db.prepare<[Record<string, unknown>]>(
      `UPDATE polls SET question = @question, multiple = @multiple, max_choices = @maxChoices, results = @results,
       closes_at = @closesAt, closed = @closed, allow_change = @allowChange, imported_voters = @importedVoters WHERE id = @id`,
    ),
    upsertOption: db.prepare<[string, string, string, number, number]>(
      `INSERT INTO poll_options (poll_id, option_id, label, position, imported_votes) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (poll_id, option_id) DO UPDATE SET label = excluded.label, position = excluded.position, imported_votes = excluded.imported_votes`,
    ),
    deleteOption: db.prepare<[string, string]>('DELETE FROM poll_options WHERE poll_id = ? AND option_id = ?'),
    shares: db.prepare<[string], { network: string; count: number }>('SELECT network, count FROM shares WHERE url = ? ORDER BY network'),
    shareEvent: db.prepare<[string, string, string]>('INSERT INTO share_events (url, network, voter) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    addShare: db.prepare<[string, string]>(
      'INSERT INTO shares (url, network, count) VALUES (?, ?, 1) ON CONFLICT (url, network) DO UPDATE SET count = count + 1',
    ),
    receipt: db.prepare<[string], { fingerprint: string; reply: string }>('SELECT fingerprint, reply FROM receipts WHERE key = ?'),
    putReceipt: db.prepare<[string, string, string, number]>('INSERT INTO receipts (key, fingerprint, reply, created_at) VALUES (?, ?, ?, ?)'),
    pruneReceipts: db.prepare<[number]>('DELETE FROM receipts WHERE created_at < ?'),
    // The admin lists. Polls newest first: a rowid table numbers its rows in insertion order.
    pollIdsNewestFirst: db.prepare<[], string>('SELECT id FROM polls ORDER BY rowid DESC').pluck(),
    ratedArticles: db.prepare<[], { articleId: string; votes: number; sum: number }>(
      `SELECT article_id AS articleId, imported_votes + reader_votes AS votes, imported_sum + reader_sum AS sum
       FROM ratings WHERE imported_votes + reader_votes > 0 ORDER BY article_id`,
    ),
    allShares: db.prepare<[], { url: string; network: string; count: number }>('SELECT url, network, count FROM shares ORDER BY url, network'),
  };

  q.setMeta.run('voter-pepper', randomBytes(32).toString('hex'));
  /** A per-database secret mixed into voter hashes: the file never holds a raw voter id. */
  const pepper = q.meta.get('voter-pepper') as string;

  function loadPoll(pollId: string): CountedPoll | undefined {
    const row = q.poll.get(pollId);
    if (!row) return undefined;
    return {
      id: row.id,
      question: row.question,
      options: q.options.all(pollId).map((o) => ({ id: o.option_id, label: o.label, votes: o.votes })),
      multiple: row.multiple === 1,
      maxChoices: row.max_choices,
      results: row.results,
      closesAt: row.closes_at,
      closed: row.closed === 1,
      allowChange: row.allow_change === 1,
      voters: row.imported_voters + row.reader_voters,
    };
  }

  function requirePoll(pollId: string): CountedPoll {
    const poll = loadPoll(pollId);
    if (!poll) throw unknownPoll(pollId);
    return poll;
  }

  function choicesOf(pollId: string, voter: string): string[] | undefined {
    const raw = q.ballot.get(pollId, voter);
    return raw === undefined ? undefined : (JSON.parse(raw) as string[]);
  }

  function readRating(articleId: string) {
    const row = q.rating.get(articleId);
    return ratingSummary(articleId, row?.votes ?? 0, row?.sum ?? 0);
  }

  function readShares(url: string): ShareCounts {
    const rows = q.shares.all(url);
    const counts = Object.fromEntries(rows.map((r) => [r.network, r.count]));
    return { url, counts, total: rows.reduce((sum, r) => sum + r.count, 0) };
  }

  /**
   * Runs a write once per receipt key, with its receipt, in the transaction its batch commits in
   * (group commit): a retry gets the first reply again; the same key with a different request is
   * refused. Resolves once the write is on disk. The write is given the time it was asked for,
   * which its rules (a poll's closing, the day of the per-item cap) go by.
   */
  function once<T>(receipt: WriteReceipt, write: (at: Date) => T): Promise<{ reply: T; replayed: boolean }> {
    const at = now();
    return writes.run(() => {
      const seen = q.receipt.get(receipt.key);
      const first = replayed(seen && { fingerprint: seen.fingerprint, reply: seen.reply }, receipt.fingerprint);
      if (first !== undefined) return { reply: JSON.parse(first) as T, replayed: true };
      const reply = write(at);
      q.putReceipt.run(receipt.key, receipt.fingerprint, JSON.stringify(reply), Date.now());
      return { reply, replayed: false };
    });
  }

  function writePoll(poll: PollInput, create: boolean): void {
    const importedVoters = poll.voters ?? poll.options.reduce((sum, o) => sum + o.votes, 0);
    const row = {
      id: poll.id,
      question: poll.question,
      multiple: poll.multiple ? 1 : 0,
      maxChoices: poll.maxChoices,
      results: poll.results,
      closesAt: poll.closesAt,
      closed: poll.closed ? 1 : 0,
      allowChange: poll.allowChange ? 1 : 0,
      importedVoters,
    };
    if (create) q.insertPoll.run(row);
    else q.updatePoll.run(row);
    const keep = new Set(poll.options.map((o) => o.id));
    for (const old of q.options.all(poll.id)) {
      if (keep.has(old.option_id)) continue;
      if (old.reader_votes > 0) {
        throw new ApiError(409, 'option-has-votes', `Option "${old.option_id}" has readers' votes and cannot be removed.`, 'options');
      }
      q.deleteOption.run(poll.id, old.option_id);
    }
    poll.options.forEach((o, i) => q.upsertOption.run(poll.id, o.id, o.label, i, o.votes));
  }

  /** The votes, written by this thread. */
  const here: VoteWriter = {
    async rate({ articleId, voter, rating, receipt, quota }) {
      return once(receipt, (at) => {
        const previous = q.myRating.get(articleId, voter);
        checkRatingChange(previous, ratingChange);
        let totals;
        if (previous === undefined) {
          q.insertRatingVote.run(articleId, voter, rating);
          totals = q.addRating.get(articleId, 1, rating)!;
          addressLimits.countVote(itemKey('rating', articleId), quota, at);
        } else {
          q.updateRatingVote.run(rating, articleId, voter);
          totals = q.addRating.get(articleId, 0, rating - previous)!;
        }
        return { summary: ratingSummary(articleId, totals.votes, totals.sum), rating };
      });
    },

    async votePoll({ pollId, voter, optionIds, receipt, quota }) {
      return once(receipt, (at) => {
        const poll = requirePoll(pollId);
        const previous = choicesOf(pollId, voter);
        const choices = checkBallot(poll, optionIds, previous, at);
        for (const id of previous ?? []) q.addOptionVote.run(-1, pollId, id);
        for (const id of choices) q.addOptionVote.run(1, pollId, id);
        if (previous) q.updateBallot.run(JSON.stringify(choices), pollId, voter);
        else {
          q.insertBallot.run(pollId, voter, JSON.stringify(choices));
          q.addVoter.run(pollId);
          addressLimits.countVote(itemKey('poll', pollId), quota, at);
        }
        return pollView(requirePoll(pollId), choices, at);
      });
    },

    async recordShare({ url, network, voter, receipt, quota }) {
      return once(receipt, (at) => {
        // One share per reader per network per URL: a second click is not a second share.
        if (q.shareEvent.run(url, network, voter).changes === 1) {
          q.addShare.run(url, network);
          addressLimits.countVote(itemKey('share', url), quota, at);
        }
        return readShares(url);
      });
    },
  };

  // A database file's votes are written by a thread of their own (sqlite-writer.ts), so the event
  // loop never waits on a commit; ':memory:' cannot be shared with one.
  const writer = path === ':memory:' || options.writer === 'this-thread' ? undefined : sqliteVoteWriter(path, { ratingChange, now });
  const votes: VoteWriter = writer ?? here;

  return {
    pepper,
    rate: votes.rate,
    votePoll: votes.votePoll,
    recordShare: votes.recordShare,
    sessions: sqliteSessionStore(db),

    async health() {
      q.meta.get('voter-pepper');
      return true;
    },

    async getRating(articleId) {
      return readRating(articleId);
    },

    async getRatings(articleIds) {
      return db.transaction(() => articleIds.map(readRating))();
    },

    async getPoll(pollId, voter) {
      const poll = requirePoll(pollId);
      return pollView(poll, voter === undefined ? undefined : choicesOf(pollId, voter), now());
    },

    async getShares(url) {
      return readShares(url);
    },

    async createPoll(poll) {
      db.transaction(() => {
        if (q.poll.get(poll.id)) throw new ApiError(409, 'poll-exists', `A poll "${poll.id}" already exists.`, 'body.id');
        writePoll(poll, true);
      }).immediate();
      return pollView(requirePoll(poll.id), undefined, now());
    },

    async updatePoll(pollId, patch) {
      db.transaction(() => {
        const stored = q.options.all(pollId);
        const imported = {
          votes: (optionId: string) => {
            const option = stored.find((o) => o.option_id === optionId)!;
            return option.votes - option.reader_votes;
          },
          voters: q.poll.get(pollId)?.imported_voters ?? 0,
        };
        writePoll(patchedPoll(requirePoll(pollId), patch, imported), false);
      }).immediate();
      return pollView(requirePoll(pollId), undefined, now());
    },

    async importData(data) {
      return db.transaction(() => {
        for (const r of data.ratings ?? []) q.importRating.run(r.articleId, r.votes, r.votes * r.average);
        for (const p of data.polls ?? []) writePoll(p, !q.poll.get(p.id));
        return { ratings: data.ratings?.length ?? 0, polls: data.polls?.length ?? 0 };
      }).immediate();
    },

    async adminPolls() {
      return q.pollIdsNewestFirst.all().map((id) => adminPollView(requirePoll(id), now()));
    },

    async adminPoll(pollId) {
      return adminPollView(requirePoll(pollId), now());
    },

    async ratedArticles() {
      return q.ratedArticles.all().map((r) => ratingSummary(r.articleId, r.votes, r.sum));
    },

    async allShares() {
      return sharesByUrl(q.allShares.all());
    },

    async addressSalt(day) {
      return addressLimits.saltOf(day);
    },

    async pruneReceipts(olderThanMs) {
      return q.pruneReceipts.run(Date.now() - olderThanMs).changes;
    },

    async close() {
      if (!db.open) return;
      await writer?.close();
      writes.commitQueued();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
