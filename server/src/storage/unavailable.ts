// A database that cannot serve just now (down, unreachable, timed out, full, read-only) is not the
// client's fault and not a bug: every storage turns such failures into one refusal, 503
// `storage-unavailable` with Retry-After, so clients retry (with the same Idempotency-Key) instead
// of hanging or counting on a 500. Each engine says which of its errors those are.
import { ApiError } from '../../../src/contract/errors.js';

/** Seconds a client is asked to wait before retrying. */
export const STORAGE_RETRY_AFTER_S = 5;

export function storageUnavailable(cause: unknown): ApiError {
  const error = new ApiError(503, 'storage-unavailable', 'The database cannot be reached or written to just now, and nothing was stored; try again shortly.');
  error.retryAfter = STORAGE_RETRY_AFTER_S;
  error.cause = cause;
  return error;
}

/**
 * `target` with each of its methods (and those of its object-valued properties, as `sessions`)
 * rethrowing the errors `isUnavailable` recognises as `storageUnavailable`; anything else,
 * refusals included, passes unchanged.
 */
export function reportingUnavailable<T extends object>(target: T, isUnavailable: (error: unknown) => boolean): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(target)) {
    if (typeof value === 'function') {
      wrapped[name] = async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          throw isUnavailable(error) ? storageUnavailable(error) : error;
        }
      };
    } else if (value !== null && typeof value === 'object') {
      wrapped[name] = reportingUnavailable(value, isUnavailable);
    } else {
      wrapped[name] = value;
    }
  }
  return wrapped as T;
}
