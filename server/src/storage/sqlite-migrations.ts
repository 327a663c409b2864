// The SQLite schema, as versioned migrations (see migrations.ts). Version 1 is the schema the
// server had before migrations were recorded, written with IF NOT EXISTS, so a database made then
// takes it as it is.
import type { Database } from 'better-sqlite3';
import { pendingMigrations, type Migration } from './migrations.js';

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'votes, counters, receipts, per-item counts and their salts, console sessions',
    sql: `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS ratings (
  article_id TEXT PRIMARY KEY,
  imported_votes INTEGER NOT NULL DEFAULT 0,
  imported_sum REAL NOT NULL DEFAULT 0,
  reader_votes INTEGER NOT NULL DEFAULT 0,
  reader_sum INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE IF NOT EXISTS rating_votes (
  article_id TEXT NOT NULL,
  voter TEXT NOT NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  PRIMARY KEY (article_id, voter)
) STRICT;
CREATE TABLE IF NOT EXISTS polls (
  id TEXT PRIMARY KEY,
  question TEXT NOT NULL,
  multiple INTEGER NOT NULL,
  max_choices INTEGER NOT NULL,
  results TEXT NOT NULL,
  closes_at TEXT,
  closed INTEGER NOT NULL,
  allow_change INTEGER NOT NULL,
  imported_voters INTEGER NOT NULL DEFAULT 0,
  reader_voters INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE IF NOT EXISTS poll_options (
  poll_id TEXT NOT NULL REFERENCES polls(id),
  option_id TEXT NOT NULL,
  label TEXT NOT NULL,
  position INTEGER NOT NULL,
  imported_votes INTEGER NOT NULL DEFAULT 0,
  reader_votes INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (poll_id, option_id)
) STRICT;
CREATE TABLE IF NOT EXISTS poll_ballots (
  poll_id TEXT NOT NULL,
  voter TEXT NOT NULL,
  choices TEXT NOT NULL,
  PRIMARY KEY (poll_id, voter)
) STRICT;
CREATE TABLE IF NOT EXISTS shares (
  url TEXT NOT NULL,
  network TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (url, network)
) STRICT;
CREATE TABLE IF NOT EXISTS share_events (
  url TEXT NOT NULL,
  network TEXT NOT NULL,
  voter TEXT NOT NULL,
  PRIMARY KEY (url, network, voter)
) STRICT;
CREATE TABLE IF NOT EXISTS receipts (
  key TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  reply TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS address_salts (day TEXT PRIMARY KEY, salt TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS item_votes_by_address (
  day TEXT NOT NULL,
  item TEXT NOT NULL,
  address TEXT NOT NULL,
  votes INTEGER NOT NULL,
  PRIMARY KEY (day, item, address)
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS console_sessions (
  id_hash TEXT PRIMARY KEY,
  csrf_token TEXT NOT NULL,
  token_tag TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
`,
  },
];

/**
 * Applies the migrations `db` lacks. BEGIN IMMEDIATE takes the write lock before reading the
 * version, so a second process starting at once waits (busy_timeout) and then finds them applied.
 */
export function migrateSqlite(db: Database, migrations: readonly Migration[] = SQLITE_MIGRATIONS): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
    const current = db.prepare<[], number>('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get()!;
    const record = db.prepare<[number, string, string]>('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of pendingMigrations(migrations, current)) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  }).immediate();
}
