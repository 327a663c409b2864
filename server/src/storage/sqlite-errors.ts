// Which SQLite failures mean "the database cannot serve just now": the disk or the database is
// full, the file cannot be written (read-only, moved, an I/O error), or another connection held
// the lock past busy_timeout. better-sqlite3 names them by SQLite's (extended) result code.
const UNAVAILABLE = /^SQLITE_(FULL|READONLY|IOERR|BUSY|LOCKED|CANTOPEN|NOMEM|PROTOCOL)/;

export function isSqliteUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNAVAILABLE.test(code);
}
