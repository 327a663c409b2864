// The admin token: long enough not to be guessed, compared in constant time, and tried no faster
// than the failed-attempt limit lets one address. The admin API's bearer header and a sign-in
// form check a token the same way, against the same count of failures.
import type { FastifyRequest } from 'fastify';
import { ApiError, tooManyError } from '../../src/contract/errors.js';
import { createRateLimiter, type RateLimiter } from './limits/rate-limiter.js';
import { sameSecret } from './secrets.js';

export const MIN_ADMIN_TOKEN_LENGTH = 24;

/** What is wrong with `token` as the admin token, if anything. */
export function adminTokenProblem(token: string): string | undefined {
  if (token.length >= MIN_ADMIN_TOKEN_LENGTH) return undefined;
  return `the admin token must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (this one has ${token.length}); make one with: openssl rand -base64 32`;
}

/** Wrong admin tokens per client address, in this process: 10 in a row, then one more a minute. */
export function failedAuthLimiter({ clock }: { clock?: () => number } = {}): RateLimiter {
  return createRateLimiter({ limit: 10, periodMs: 10 * 60_000, maxKeys: 100_000, clock });
}

export interface AdminAuth {
  /**
   * Whether `given` is the admin token. A wrong one counts against the client's address; throws
   * 403 `admin-disabled` when the server has no token, and 429 `auth-limited` (with Retry-After)
   * while the address has used up its attempts, whatever it sends.
   */
  verify(request: FastifyRequest, given: string | undefined): Promise<boolean>;
}

/** @throws {Error} for a token shorter than MIN_ADMIN_TOKEN_LENGTH */
export function adminAuth({ token, keys, failedAuth }: {
  token: string | undefined;
  keys: { of: (address: string | undefined) => Promise<{ key: string }> };
  failedAuth: RateLimiter;
}): AdminAuth {
  const problem = token === undefined ? undefined : adminTokenProblem(token);
  if (problem) throw new Error(problem);
  return {
    async verify(request, given) {
      if (!token) throw new ApiError(403, 'admin-disabled', 'Admin operations are off: start the server with an admin token.');
      const { key } = await keys.of(request.ip);
      const wait = failedAuth.retryAfter(key);
      if (wait) throw tooManyError('auth-limited', `Too many wrong admin tokens from this address; try again in ${wait} s.`, wait);
      if (given !== undefined && sameSecret(given, token)) return true;
      failedAuth.hit(key);
      return false;
    },
  };
}
