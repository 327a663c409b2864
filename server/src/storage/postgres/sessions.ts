// The editors' console sessions in PostgreSQL, shared by every process on the database; the same
// rows as ../sqlite-sessions.ts (the rules are in ../../console/sessions.ts).
import type pg from 'pg';
import type { SessionStore, StoredSession } from '../storage.js';

export function postgresSessionStore(pool: pg.Pool): SessionStore {
  return {
    async create({ idHash, csrfToken, tokenTag, expiresAt }) {
      await pool.query('INSERT INTO console_sessions (id_hash, csrf_token, token_tag, expires_at) VALUES ($1, $2, $3, $4)', [idHash, csrfToken, tokenTag, expiresAt]);
    },
    async find(idHash) {
      const { rows } = await pool.query<StoredSession>(
        'SELECT csrf_token AS "csrfToken", token_tag AS "tokenTag", expires_at AS "expiresAt" FROM console_sessions WHERE id_hash = $1',
        [idHash],
      );
      return rows[0];
    },
    async extend(idHash, expiresAt) {
      await pool.query('UPDATE console_sessions SET expires_at = $1 WHERE id_hash = $2', [expiresAt, idHash]);
    },
    async end(idHash) {
      await pool.query('DELETE FROM console_sessions WHERE id_hash = $1', [idHash]);
    },
    async prune(now) {
      return (await pool.query('DELETE FROM console_sessions WHERE expires_at <= $1', [now])).rowCount ?? 0;
    },
  };
}
