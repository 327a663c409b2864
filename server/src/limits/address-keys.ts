// What the limits know of a client address: a keyed hash of its network under a salt of the UTC
// day. The salt is in the database, so every server process on it keys an address alike and the
// per-item cap holds across them; at the end of the day the salt is deleted with that day's counts,
// after which nothing links a key to an address, or one day's keys to the next's.
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
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
  // Today's salt, as a key made once (not parsed from text on every request), and when today ends:
  // a request compares the time with that instead of formatting a date.
  let today: { day: string; ends: number; salt: Promise<KeyObject> } | undefined;
  return {
    /** The key of a client address (IPv6 by /64) for today. */
    async of(address: string | undefined): Promise<AddressKey> {
      const time = clock();
      if (today === undefined || time >= today.ends || time < today.ends - 86_400_000) {
        const day = utcDay(time);
        const salt = storage.addressSalt(day).then((text) => createSecretKey(Buffer.from(text)));
        const current = { day, ends: time + msToEndOfDay(time), salt };
        today = current;
        // A failed read is tried again by the next request, not remembered for the whole day.
        salt.catch(() => {
          if (today === current) today = undefined;
        });
      }
      const { day, salt } = today;
      // 128 bits: no collisions among any number of addresses, half the memory of a full digest.
      const key = createHmac('sha256', await salt).update(clientNetwork(address)).digest().subarray(0, 16).toString('base64url');
      return { key, day };
    },
  };
}
