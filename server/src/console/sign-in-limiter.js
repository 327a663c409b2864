// Failed sign-ins to the editors' console, limited per address: after `max` wrong tokens within a
// window, the address may not try again, with the right token or not, until the window ends; so
// guessing the token costs an attacker the window each `max` tries. Addresses are kept only as
// HMACs under a salt made at start. In memory: each process counts its own attempts.
import { createHmac, randomBytes } from 'node:crypto';

/** The most addresses remembered at once: past it, the oldest entries are dropped first. */
const MAX_ENTRIES = 100_000;

/**
 * @typedef {object} SignInLimiter
 * @property {(address: string) => number} retryAfter seconds until this address may try again; 0 when it may now
 * @property {(address: string) => void} recordFailure a wrong token from this address
 * @property {(address: string) => void} recordSuccess the right token: the address starts afresh
 */

/**
 * @param {{ max?: number, windowMs?: number }} [options]
 * @param {() => number} [clock]
 * @returns {SignInLimiter}
 */
export function failedSignInLimiter({ max = 5, windowMs = 15 * 60_000 } = {}, clock = () => Date.now()) {
  const salt = randomBytes(32);
  /** @type {Map<string, { failures: number, resetAt: number }>} in the order they were first seen */
  const windows = new Map();
  const keyOf = (/** @type {string} */ address) => createHmac('sha256', salt).update(address).digest('base64url');

  /** The address's window, if it has one still running. */
  function current(/** @type {string} */ key, /** @type {number} */ now) {
    const window = windows.get(key);
    if (window && window.resetAt <= now) windows.delete(key);
    return window && window.resetAt > now ? window : undefined;
  }

  return {
    retryAfter(address) {
      const now = clock();
      const window = current(keyOf(address), now);
      return window && window.failures >= max ? Math.max(1, Math.ceil((window.resetAt - now) / 1000)) : 0;
    },
    recordFailure(address) {
      const now = clock();
      const key = keyOf(address);
      const window = current(key, now) ?? { failures: 0, resetAt: now + windowMs };
      window.failures += 1;
      windows.set(key, window);
      for (const oldest of windows.keys()) {
        if (windows.size <= MAX_ENTRIES) break;
        windows.delete(oldest);
      }
    },
    recordSuccess(address) {
      windows.delete(keyOf(address));
    },
  };
}
