/**
 * Why a request is refused, as a stable code for programs (the server's `error.code`, an
 * in-browser backend's `BackendError.reason`) and a message for people.
 */

/**
 * Every code the reference server answers a refusal with. The rules and the in-browser backends
 * refuse with the ones about votes and data; the rest are the server's own (its guards, the admin
 * API, malformed HTTP).
 */
export const ERROR_CODES = [
  // A request or a data file that does not fit the contract (the field is named).
  'invalid',
  'malformed-json',
  'too-large',
  'unsupported-media-type',
  'bad-request',
  'bad-url',
  // Nothing there.
  'not-found',
  'unknown-poll',
  'unknown-option',
  // The voting rules.
  'already-voted',
  'poll-closed',
  'too-many-choices',
  'unknown-network',
  'idempotency-key-reused',
  // Limits on one client address.
  'rate-limited',
  'item-limit',
  'auth-limited',
  // Who may do what.
  'origin-not-allowed',
  'unverified',
  'unauthorized',
  'admin-disabled',
  'signed-out',
  'csrf-token-invalid',
  // Editing polls.
  'poll-exists',
  'option-has-votes',
  // The server's own failure (5xx): worth a retry.
  'internal',
  // 503: the storage does not answer (its database is down or restarting).
  'storage-unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A refusal: the HTTP status the server answers it with, its code, and the field at fault. */
export class ApiError extends Error {
  override name = 'ApiError';
  /** Seconds for the Retry-After header of a 429. */
  retryAfter?: number;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** The path of the offending field, as the server names it: `body.rating`, `params.pollId`. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** An ApiError of 429 that tells the client when to try again: `retryAfter` whole seconds, at least 1. */
export function tooManyError(code: ErrorCode, message: string, retryAfter: number): ApiError {
  const error = new ApiError(429, code, message);
  error.retryAfter = Math.max(1, Math.ceil(retryAfter));
  return error;
}
