// The per-item cap in SQLite: how many new votes each hashed address cast on each item today, and
// the salt of the day those addresses are hashed under. In the database, not in a process, so the
// cap holds for every server process on the file.
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { itemLimitError } from '../limits/item-limit.js';
import type { AddressQuota } from './storage.js';

export function sqliteAddressLimits(db: Database) {
  const q = {
    salt: db.prepare<[string], string>('SELECT salt FROM address_salts WHERE day = ?').pluck(),
    newSalt: db.prepare<[string, string]>('INSERT INTO address_salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING'),
    forgetSalts: db.prepare<[string]>('DELETE FROM address_salts WHERE day < ?'),
    forgetVotes: db.prepare<[string]>('DELETE FROM item_votes_by_address WHERE day < ?'),
    // One statement counts and checks, so two processes cannot both take the last vote.
    count: db.prepare<[string, string, string, number]>(
      `INSERT INTO item_votes_by_address (day, item, address, votes) VALUES (?, ?, ?, 1)
       ON CONFLICT (day, item, address) DO UPDATE SET votes = votes + 1 WHERE votes < ?`,
    ),
  };

  return {
    /**
     * The salt of `day`, made by whichever process asks first; making it deletes earlier days'
     * salts and counts.
     */
    saltOf(day: string): string {
      return db.transaction(() => {
        if (q.newSalt.run(day, randomBytes(32).toString('hex')).changes === 1) {
          q.forgetSalts.run(day);
          q.forgetVotes.run(day);
        }
        return q.salt.get(day) as string;
      }).immediate();
    },

    /**
     * Counts one new vote on `item` against the address's cap; call it inside the vote's
     * transaction, so a refused vote rolls back and a vote that is not new never gets here. `at`:
     * when the vote was cast (its refusal says how long until the day's end).
     * @throws {ApiError} 429 item-limit past the cap
     */
    countVote(item: string, quota: AddressQuota | undefined, at: Date): void {
      if (!quota || quota.limit <= 0) return;
      if (q.count.run(quota.day, item, quota.key, quota.limit).changes === 0) {
        throw itemLimitError(item, quota.limit, quota.day, at.getTime());
      }
    },
  };
}
