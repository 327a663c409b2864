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
