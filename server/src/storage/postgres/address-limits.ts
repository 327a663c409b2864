// The per-item cap in PostgreSQL: the same rules and rows as ../sqlite-address-limits.ts. In the
// database, not in a process, so the cap holds for every server process on it.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { itemLimitError } from '../../limits/item-limit.js';
import type { AddressQuota } from '../storage.js';

export function postgresAddressLimits(now: () => Date) {
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

    /**
     * Counts one new vote on `item` against the address's cap, inside the vote's transaction, so a
     * refused vote rolls back and a vote that is not new never gets here. The count and its check are
     * one statement (aw_count_item_vote, the rating's own vote calls it too), under the count's row
     * lock, so two processes cannot both take the last vote.
     * @throws {ApiError} 429 item-limit past the cap
     */
    async countVote(tx: pg.ClientBase, item: string, quota: AddressQuota | undefined): Promise<void> {
      if (!quota || quota.limit <= 0) return;
      const { rows } = await tx.query<{ counted: boolean }>({
        name: 'count-item-vote',
        text: 'SELECT aw_count_item_vote($1, $2, $3, $4) AS counted',
        values: [quota.day, item, quota.key, quota.limit],
      });
      if (!rows[0].counted) throw itemLimitError(item, quota.limit, quota.day, now().getTime());
    },
  };
}
