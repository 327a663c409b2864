// What the limits know of a client address: a keyed hash of its network under a salt of the UTC
// day. The salt is in the database, so every server process on it keys an address alike and the
// per-item cap holds across them; at the end of the day the salt is deleted with that day's counts,
// after which nothing links a key to an address, or one day's keys to the next's.
import { createHmac } from 'node:crypto';
import { clientNetwork } from '../client-address.js';

/** The hashed address and the UTC day it holds for. */
export interface AddressKey {
  key: string;
  day: string;
}

/** `2026-11-28`: the UTC day of a time. */
export const utcDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** Milliseconds from `time` to the end of its UTC day. */
export const msToEndOfDay = (time: number): number => Date.parse(`${utcDay(time)}T00:00:00Z`) + 86_400_000 - time;

export function addressKeys(storage: { addressSalt: (day: string) => Promise<string> }, clock: () => number = Date.now) {
  let today: { day: string; salt: Promise<string> } | undefined;
  return {
    /** The key of a client address (IPv6 by /64) for today. */
    async of(address: string | undefined): Promise<AddressKey> {
      const day = utcDay(clock());
      if (today?.day !== day) {
        const salt = storage.addressSalt(day);
        today = { day, salt };
        // A failed read is tried again by the next request, not remembered for the whole day.
        salt.catch(() => {
          if (today?.salt === salt) today = undefined;
        });
      }
      const salt = await today.salt;
      // 128 bits: no collisions among any number of addresses, half the memory of a full digest.
      const key = createHmac('sha256', salt).update(clientNetwork(address)).digest().subarray(0, 16).toString('base64url');
      return { key, day };
    },
  };
}
