// Comparing secrets (the admin token, verified mode's signatures) without leaking them by timing.
import { createHash, timingSafeEqual } from 'node:crypto';

const sha256 = (/** @type {string} */ text) => createHash('sha256').update(text).digest();

/** Compares secrets in constant time: hashing first makes the lengths equal. */
export function sameSecret(/** @type {string} */ given, /** @type {string} */ expected) {
  return timingSafeEqual(sha256(given), sha256(expected));
}
