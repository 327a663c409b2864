// Versioned schema migrations, the same way for every engine: each database records the versions
// applied to it (table schema_migrations); a server applies the missing ones at start, one
// transaction each, while holding the engine's lock (BEGIN IMMEDIATE on SQLite, an advisory lock
// on PostgreSQL), so two processes starting at once neither apply one twice nor see half a schema.
// A migration is never edited once released: a change of schema is a new version.

export interface Migration {
  version: number;
  /** What it does, for people reading schema_migrations. */
  name: string;
  sql: string;
}

/**
 * The migrations a database whose newest applied version is `current` still needs, in order.
 * @throws {Error} when the database was migrated by a newer server: this one does not know its schema
 */
export function pendingMigrations(migrations: readonly Migration[], current: number): Migration[] {
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new Error(`The database's schema is version ${current}, newer than this server knows (${newest}): run the newer server, or restore a backup.`);
  }
  return migrations.filter((m) => m.version > current);
}
