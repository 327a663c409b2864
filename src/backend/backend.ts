/**
 * The backend contract: the one seam between the widgets and the outside world.
 *
 * Elements never call `fetch`; they ask the page store, which asks a `WidgetBackend`. A site plugs
 * its own system in by writing one class that implements this interface.
 */

import type { ErrorCode } from '../contract/errors.js';
import type { PollView, RatingSummary, RatingVoteResult, ShareCounts } from '../contract/types.js';

export type { PollOption, PollView, RatingSummary, RatingVoteResult, ResultsVisibility, ShareCounts } from '../contract/types.js';
export type { ErrorCode } from '../contract/errors.js';

/** Options of every read. */
export interface ReadOptions {
  /** Aborted when no element needs the answer any more, or when the read times out. */
  signal?: AbortSignal;
  /** The anonymous voter id, so a backend that knows the reader's own vote can return it. */
  voterId?: string;
}

/** What comes with every write, so the backend can deduplicate. */
export interface WriteContext {
  /** Anonymous, random, kept in the site's own localStorage: never derived from the reader. */
  voterId: string;
  /** The same for every retry of one committed action, so a retry counts once. */
  idempotencyKey: string;
  signal?: AbortSignal;
}

export interface WidgetBackend {
  getRating(articleId: string, options?: ReadOptions): Promise<RatingSummary>;
  /** Casts (or, where allowed, replaces) this voter's rating of 1..5 stars. */
  rateArticle(articleId: string, rating: number, context: WriteContext): Promise<RatingVoteResult>;
  getPoll(pollId: string, options?: ReadOptions): Promise<PollView>;
  /** Casts this voter's choice; returns the poll as the voter now sees it. */
  votePoll(pollId: string, optionIds: string[], context: WriteContext): Promise<PollView>;
  /** Records one share of `url` on `network`; returns the new counts. */
  recordShare(url: string, network: string, context: WriteContext): Promise<ShareCounts>;
  getShareCounts(url: string, options?: ReadOptions): Promise<ShareCounts>;
}

/**
 * Why a backend call failed, so an element can say the right thing:
 * - `network`: no answer (offline, server down, timed out); worth retrying.
 * - `refused`: the backend answered no (already voted, poll closed, rate limited, bad input).
 * - `item-limit`: the backend counts no more votes on this item from the reader's address today
 *   (the reference server's per-item cap: many readers behind one address, or ballot stuffing).
 * - `not-found`: the article, poll or option does not exist.
 * - `invalid-reply`: an answer that does not match the contract.
 * - `aborted`: nobody needs the answer any more; never shown to a reader.
 */
export type BackendErrorCode = 'network' | 'refused' | 'item-limit' | 'not-found' | 'invalid-reply' | 'aborted';

export class BackendError extends Error {
  override name = 'BackendError';
  /**
   * Why exactly, as the contract names it (the reference server's `error.code`: `poll-closed`,
   * `already-voted`, `unknown-option`...), where `code` says only what kind of failure it is.
   * Absent when nobody answered. A newer server may send a code this version does not know.
   */
  readonly reason?: ErrorCode;

  constructor(
    readonly code: BackendErrorCode,
    message: string,
    options?: { cause?: unknown; reason?: ErrorCode },
  ) {
    super(message, options);
    this.reason = options?.reason;
  }
}

/**
 * A backend's refusal as the widgets take it: its kind from the HTTP status the reference server
 * answers it with (the in-browser backends refuse with the same statuses and codes).
 */
export function refusal(status: number, message: string, reason?: ErrorCode): BackendError {
  const code = reason === 'item-limit' ? 'item-limit' : status === 404 ? 'not-found' : status >= 500 ? 'network' : 'refused';
  return new BackendError(code, message, { reason });
}

/**
 * Wraps anything thrown by a backend into a `BackendError`, keeping typed ones as they are: an
 * abort is `aborted`; a reply that does not fit its shape (a `ShapeError`) is `invalid-reply`;
 * anything else (a timeout, an unreachable server, a bug) is `network`.
 */
export function toBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  const { name, message } = (error ?? {}) as Partial<Error>;
  const code = name === 'AbortError' ? 'aborted' : name === 'ShapeError' ? 'invalid-reply' : 'network';
  return new BackendError(code, message || String(error), { cause: error });
}

/**
 * Settles as `work` does, or rejects the moment `signal` aborts even if the work goes on (a backend
 * that ignores its signal, a request other callers still wait for). Errors come out typed.
 */
export function abortable<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(toBackendError(signal!.reason));
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort);
    work.then(resolve, (error) => reject(toBackendError(error))).finally(() => signal?.removeEventListener('abort', abort));
  });
}
