// The storage a `--db` value names: a postgres:// (or postgresql://) URL opens PostgreSQL, anything
// else is a SQLite file. Either way, an unavailable database answers 503 (./unavailable.ts).
import { openPostgresStorage } from './postgres/postgres.js';
import { isPostgresUnavailable } from './postgres/errors.js';
import { openSqliteStorage } from './sqlite.js';
import { isSqliteUnavailable } from './sqlite-errors.js';
import { reportingUnavailable } from './unavailable.js';
import type { Storage, StorageOptions } from './storage.js';

export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//i.test(db);

/** `db` as people may see it: a URL without its password. */
export function describeDatabase(db: string): string {
  if (!isPostgresUrl(db)) return db;
  try {
    const url = new URL(db);
    if (url.password) url.password = '***';
    return url.href;
  } catch {
    return 'a PostgreSQL URL that does not parse';
  }
}

/** Opens (making and migrating where needed) the database `db`: a SQLite file path or a PostgreSQL URL. */
export async function openStorage(db: string, options: StorageOptions = {}): Promise<Storage> {
  if (isPostgresUrl(db)) return reportingUnavailable(await openPostgresStorage(db, options), isPostgresUnavailable);
  return reportingUnavailable(openSqliteStorage(db, options), isSqliteUnavailable);
}
