// The per-item cap in PostgreSQL: the same rules and rows as ../sqlite-address-limits.ts. In the
// database, not in a process, so the cap holds for every server process on it. Each vote counts
// itself against the cap in its own statement (aw_count_item_vote, migrations.ts); here, the salts.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';

export function postgresAddressLimits() {
  return {
    /**
     * The salt of `day`, made by whichever process asks first; making it deletes earlier days'
     * salts and counts. Run it in a transaction: a second process waits on the first one's insert.
     */
    async saltOf(tx: pg.ClientBase, day: string): Promise<string> {
      const made = await tx.query('INSERT INTO address_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING', [day, randomBytes(32).toString('hex')]);
      if (made.rowCount === 1) {
        await tx.query('DELETE FROM address_salts WHERE day < $1', [day]);
        await tx.query('DELETE FROM item_votes_by_address WHERE day < $1', [day]);
      }
      const { rows } = await tx.query<{ salt: string }>('SELECT salt FROM address_salts WHERE day = $1', [day]);
      return rows[0].salt;
    },
  };
}
