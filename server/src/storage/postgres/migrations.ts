// The PostgreSQL schema, as versioned migrations (see ../migrations.ts): the same tables as
// SQLite's, in PostgreSQL's types. Counts are BIGINT (read back as numbers: they stay below 2^53).
import type pg from 'pg';
import { pendingMigrations, type Migration } from '../migrations.js';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'votes, counters, receipts, per-item counts and their salts, console sessions',
    sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE ratings (
  article_id TEXT PRIMARY KEY,
  imported_votes BIGINT NOT NULL DEFAULT 0,
  imported_sum DOUBLE PRECISION NOT NULL DEFAULT 0,
  reader_votes BIGINT NOT NULL DEFAULT 0,
  reader_sum BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE rating_votes (
  article_id TEXT NOT NULL,
  voter TEXT NOT NULL,
  rating SMALLINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
  PRIMARY KEY (article_id, voter)
);
CREATE TABLE polls (
  id TEXT PRIMARY KEY,
  -- The order polls were made in: the admin list shows the newest first.
  created BIGINT GENERATED ALWAYS AS IDENTITY,
  question TEXT NOT NULL,
  multiple BOOLEAN NOT NULL,
  max_choices INTEGER NOT NULL,
  results TEXT NOT NULL,
  closes_at TEXT,
  closed BOOLEAN NOT NULL,
  allow_change BOOLEAN NOT NULL,
  imported_voters BIGINT NOT NULL DEFAULT 0,
  reader_voters BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE poll_options (
  poll_id TEXT NOT NULL REFERENCES polls (id),
  option_id TEXT NOT NULL,
  label TEXT NOT NULL,
  position INTEGER NOT NULL,
  imported_votes BIGINT NOT NULL DEFAULT 0,
  reader_votes BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (poll_id, option_id)
);
CREATE TABLE poll_ballots (
  poll_id TEXT NOT NULL,
  voter TEXT NOT NULL,
  choices TEXT NOT NULL,
  PRIMARY KEY (poll_id, voter)
);
CREATE TABLE shares (
  url TEXT NOT NULL,
  network TEXT NOT NULL,
  count BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (url, network)
);
CREATE TABLE share_events (
  url TEXT NOT NULL,
  network TEXT NOT NULL,
  voter TEXT NOT NULL,
  PRIMARY KEY (url, network, voter)
);
CREATE TABLE receipts (
  key TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  reply TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX receipts_by_age ON receipts (created_at);
CREATE TABLE address_salts (day TEXT PRIMARY KEY, salt TEXT NOT NULL);
CREATE TABLE item_votes_by_address (
  day TEXT NOT NULL,
  item TEXT NOT NULL,
  address TEXT NOT NULL,
  votes INTEGER NOT NULL,
  PRIMARY KEY (day, item, address)
);
CREATE TABLE console_sessions (
  id_hash TEXT PRIMARY KEY,
  csrf_token TEXT NOT NULL,
  token_tag TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'a rating vote in one statement (aw_rate_article), the per-item count in one function (aw_count_item_vote)',
    // A reader's rating as one statement, so one round trip and one transaction (its own, as any
    // statement outside BEGIN): the receipt claimed, the voter's earlier rating read under its row
    // lock, the vote, the article's counters, the per-item count, in that order (the order of
    // postgres.ts's other votes: no deadlock between them). It answers the receipt already there
    // (seen_*), or the article's new totals, which the receipt keeps as the reply's raw figures
    // (the reply itself is made in JavaScript, from them, the first time and on a replay). A
    // refusal raises, which undoes the whole statement: AW409 (a change of rating where changes
    // are refused; DETAIL: the earlier rating), AW429 (past the per-item cap).
    sql: `
-- One new vote on an item counted against an address's cap for the day, checked in the same
-- statement under the count's row lock (two processes cannot both take the last vote): true when
-- counted, false past the cap. The one copy of the cap's SQL: every vote calls it.
CREATE FUNCTION aw_count_item_vote(p_day TEXT, p_item TEXT, p_address TEXT, p_limit INTEGER) RETURNS BOOLEAN
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO item_votes_by_address AS c (day, item, address, votes) VALUES (p_day, p_item, p_address, 1)
    ON CONFLICT (day, item, address) DO UPDATE SET votes = c.votes + 1 WHERE c.votes < p_limit;
  RETURN FOUND;
END
$$;

CREATE FUNCTION aw_rate_article(
  p_receipt TEXT, p_fingerprint TEXT, p_created_at BIGINT,
  p_article TEXT, p_voter TEXT, p_rating INTEGER, p_may_change BOOLEAN,
  p_day TEXT, p_item TEXT, p_address TEXT, p_limit INTEGER
) RETURNS TABLE (seen_fingerprint TEXT, seen_reply TEXT, total_votes BIGINT, total_sum BIGINT)
LANGUAGE plpgsql AS $$
DECLARE
  previous INTEGER;
BEGIN
  INSERT INTO receipts (key, fingerprint, reply, created_at) VALUES (p_receipt, p_fingerprint, '', p_created_at)
    ON CONFLICT (key) DO NOTHING;
  IF NOT FOUND THEN
    RETURN QUERY SELECT r.fingerprint, r.reply, NULL::BIGINT, NULL::BIGINT FROM receipts r WHERE r.key = p_receipt;
    RETURN;
  END IF;
  SELECT v.rating INTO previous FROM rating_votes v WHERE v.article_id = p_article AND v.voter = p_voter FOR UPDATE;
  IF previous IS NULL THEN
    -- A first vote of this voter racing another: this insert fails (23505) and the caller runs it again.
    INSERT INTO rating_votes (article_id, voter, rating) VALUES (p_article, p_voter, p_rating);
  ELSIF p_may_change THEN
    UPDATE rating_votes SET rating = p_rating WHERE article_id = p_article AND voter = p_voter;
  ELSE
    RAISE EXCEPTION 'this reader has already rated this article' USING ERRCODE = 'AW409', DETAIL = previous::TEXT;
  END IF;
  INSERT INTO ratings AS r (article_id, reader_votes, reader_sum)
    VALUES (p_article, CASE WHEN previous IS NULL THEN 1 ELSE 0 END, p_rating - coalesce(previous, 0))
    ON CONFLICT (article_id) DO UPDATE SET reader_votes = r.reader_votes + excluded.reader_votes, reader_sum = r.reader_sum + excluded.reader_sum
    RETURNING r.imported_votes + r.reader_votes, r.imported_sum + r.reader_sum INTO total_votes, total_sum;
  IF previous IS NULL AND p_limit > 0 AND NOT aw_count_item_vote(p_day, p_item, p_address, p_limit) THEN
    RAISE EXCEPTION 'past the per-item cap' USING ERRCODE = 'AW429';
  END IF;
  UPDATE receipts SET reply = json_build_object('votes', total_votes, 'sum', total_sum)::TEXT WHERE key = p_receipt;
  RETURN QUERY SELECT NULL::TEXT, NULL::TEXT, total_votes, total_sum;
END
$$;
`,
  },
  {
    version: 3,
    name: 'a poll vote in two statements (poll_rows, aw_vote_poll), a share in one (aw_record_share)',
    // A poll vote is a read and a write, each one statement (its own transaction): the poll, the
    // voter's ballot and the receipt read together (poll_rows, where postgres.ts reads every poll);
    // the ballot checked in JavaScript, by the contract's rules (one copy of them); then
    // aw_vote_poll writes it all, having checked under the locks that what the rules were applied
    // to still holds: the poll's definition (polls.version, moved by every editor's change) and
    // the voter's ballot. If either moved it raises 40001 (a serialization failure), undoing
    // everything, and the caller reads again. Locks in the order of the other votes: the receipt,
    // the voter's row, the poll's row, its options by id (the caller sorts them), the per-item count.
    // The receipt keeps the poll as it was after the vote, the choices and the time of the vote:
    // the reply is made from those in JavaScript, the first time and on a replay alike.
    sql: `
ALTER TABLE polls ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- A write's receipt claimed, its reply empty until the same statement completes it: false when one
-- is under the key already (a retry, or the same key reused: the caller answers from it).
CREATE FUNCTION aw_claim_receipt(p_receipt TEXT, p_fingerprint TEXT, p_created_at BIGINT) RETURNS BOOLEAN
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO receipts (key, fingerprint, reply, created_at) VALUES (p_receipt, p_fingerprint, '', p_created_at)
    ON CONFLICT (key) DO NOTHING;
  RETURN FOUND;
END
$$;

CREATE VIEW poll_rows AS
  SELECT p.id, p.created, p.version, p.question, p.multiple, p.max_choices, p.results, p.closes_at, p.closed, p.allow_change,
         p.imported_voters, p.reader_voters,
         coalesce((SELECT json_agg(json_build_object('id', o.option_id, 'label', o.label,
                                   'votes', o.imported_votes + o.reader_votes, 'readerVotes', o.reader_votes) ORDER BY o.position)
                   FROM poll_options o WHERE o.poll_id = p.id), '[]') AS options
  FROM polls p;

CREATE FUNCTION aw_vote_poll(
  p_receipt TEXT, p_fingerprint TEXT, p_created_at BIGINT,
  p_poll TEXT, p_voter TEXT, p_version BIGINT, p_previous TEXT, p_choices TEXT,
  p_options TEXT[], p_deltas INTEGER[], p_at TEXT,
  p_day TEXT, p_item TEXT, p_address TEXT, p_limit INTEGER
) RETURNS TABLE (seen_fingerprint TEXT, seen_reply TEXT, poll JSON)
LANGUAGE plpgsql AS $$
DECLARE
  previous TEXT;
  after_vote JSON;
BEGIN
  IF NOT aw_claim_receipt(p_receipt, p_fingerprint, p_created_at) THEN
    RETURN QUERY SELECT r.fingerprint, r.reply, NULL::JSON FROM receipts r WHERE r.key = p_receipt;
    RETURN;
  END IF;
  SELECT b.choices INTO previous FROM poll_ballots b WHERE b.poll_id = p_poll AND b.voter = p_voter FOR UPDATE;
  IF previous IS DISTINCT FROM p_previous THEN
    RAISE EXCEPTION 'this voter''s ballot changed since it was read' USING ERRCODE = '40001';
  END IF;
  UPDATE polls SET reader_voters = reader_voters + CASE WHEN previous IS NULL THEN 1 ELSE 0 END
    WHERE id = p_poll AND version = p_version;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the poll changed since it was read' USING ERRCODE = '40001';
  END IF;
  FOR i IN 1 .. coalesce(array_length(p_options, 1), 0) LOOP
    UPDATE poll_options SET reader_votes = reader_votes + p_deltas[i] WHERE poll_id = p_poll AND option_id = p_options[i];
  END LOOP;
  IF previous IS NULL THEN
    -- A first ballot of this voter racing another: this insert fails (23505) and the caller reads again.
    INSERT INTO poll_ballots (poll_id, voter, choices) VALUES (p_poll, p_voter, p_choices);
    IF p_limit > 0 AND NOT aw_count_item_vote(p_day, p_item, p_address, p_limit) THEN
      RAISE EXCEPTION 'past the per-item cap' USING ERRCODE = 'AW429';
    END IF;
  ELSE
    UPDATE poll_ballots SET choices = p_choices WHERE poll_id = p_poll AND voter = p_voter;
  END IF;
  SELECT row_to_json(v) INTO after_vote FROM poll_rows v WHERE v.id = p_poll;
  UPDATE receipts SET reply = json_build_object('poll', after_vote, 'choices', p_choices::JSON, 'at', p_at)::TEXT WHERE key = p_receipt;
  RETURN QUERY SELECT NULL::TEXT, NULL::TEXT, after_vote;
END
$$;

-- A share in one statement: the receipt claimed, the reader's share of the URL on the network
-- (once), its counter and the per-item count, and the URL's counts by network after it, which the
-- receipt keeps (the reply is made from them in JavaScript).
CREATE FUNCTION aw_record_share(
  p_receipt TEXT, p_fingerprint TEXT, p_created_at BIGINT,
  p_url TEXT, p_network TEXT, p_voter TEXT,
  p_day TEXT, p_item TEXT, p_address TEXT, p_limit INTEGER
) RETURNS TABLE (seen_fingerprint TEXT, seen_reply TEXT, counts JSON)
LANGUAGE plpgsql AS $$
DECLARE
  after_share JSON;
BEGIN
  IF NOT aw_claim_receipt(p_receipt, p_fingerprint, p_created_at) THEN
    RETURN QUERY SELECT r.fingerprint, r.reply, NULL::JSON FROM receipts r WHERE r.key = p_receipt;
    RETURN;
  END IF;
  INSERT INTO share_events (url, network, voter) VALUES (p_url, p_network, p_voter) ON CONFLICT DO NOTHING;
  IF FOUND THEN
    INSERT INTO shares AS s (url, network, count) VALUES (p_url, p_network, 1)
      ON CONFLICT (url, network) DO UPDATE SET count = s.count + 1;
    IF p_limit > 0 AND NOT aw_count_item_vote(p_day, p_item, p_address, p_limit) THEN
      RAISE EXCEPTION 'past the per-item cap' USING ERRCODE = 'AW429';
    END IF;
  END IF;
  SELECT coalesce(json_object_agg(s.network, s.count ORDER BY s.network), '{}') INTO after_share FROM shares s WHERE s.url = p_url;
  UPDATE receipts SET reply = json_build_object('counts', after_share)::TEXT WHERE key = p_receipt;
  RETURN QUERY SELECT NULL::TEXT, NULL::TEXT, after_share;
END
$$;
`,
  },
];

/**
 * Applies the migrations the database lacks, under a session-level advisory lock: a second process
 * starting at once waits for the first, then finds them applied. Each migration is a transaction
 * of its own (PostgreSQL's DDL is transactional), recorded in schema_migrations as it commits.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = POSTGRES_MIGRATIONS): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('article-widgets:migrations'))");
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ current: number }>('SELECT coalesce(max(version), 0) AS current FROM schema_migrations');
    for (const migration of pendingMigrations(migrations, rows[0].current)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    await client.query("SELECT pg_advisory_unlock(hashtext('article-widgets:migrations'))");
    client.release();
  } catch (error) {
    // The session's lock goes with its connection.
    client.release(true);
    throw error;
  }
}
