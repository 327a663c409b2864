// The editors' console sessions in the SQLite file, so every process on one database shares them
// (a session started on one process works on the next request to another). The rules (idle
// expiry, the admin token a session belongs to) are in ../console/sessions.ts; this is storage.
import type { Database } from 'better-sqlite3';
import type { SessionStore, StoredSession } from './storage.js';

export function sqliteSessionStore(db: Database): SessionStore {
  const q = {
    insert: db.prepare<[string, string, string, number]>('INSERT INTO console_sessions (id_hash, csrf_token, token_tag, expires_at) VALUES (?, ?, ?, ?)'),
    find: db.prepare<[string], StoredSession>('SELECT csrf_token AS csrfToken, token_tag AS tokenTag, expires_at AS expiresAt FROM console_sessions WHERE id_hash = ?'),
    extend: db.prepare<[number, string]>('UPDATE console_sessions SET expires_at = ? WHERE id_hash = ?'),
    end: db.prepare<[string]>('DELETE FROM console_sessions WHERE id_hash = ?'),
    prune: db.prepare<[number]>('DELETE FROM console_sessions WHERE expires_at <= ?'),
  };
  return {
    async create({ idHash, csrfToken, tokenTag, expiresAt }) {
      q.insert.run(idHash, csrfToken, tokenTag, expiresAt);
    },
    async find(idHash) {
      return q.find.get(idHash);
    },
    async extend(idHash, expiresAt) {
      q.extend.run(expiresAt, idHash);
    },
    async end(idHash) {
      q.end.run(idHash);
    },
    async prune(now) {
      return q.prune.run(now).changes;
    },
  };
}
