/**
 * What a vote must pass, written once: the reference server's storage and the in-browser backends
 * apply these, each over its own way of keeping votes.
 *
 * - A rating is 1..5 stars, one per reader per article; a second one replaces the first (or is
 *   refused, as the backend is set).
 * - A poll ballot is one per reader per poll: at least one option, at most `maxChoices`, every one
 *   an option of the poll, never on a closed poll; a second ballot replaces the first only where
 *   the poll allows a change.
 * - A share counts once per reader, network and URL, on the networks the backend counts.
 * - A write carries an idempotency key: its retry (same reader, key and request) gets the first
 *   answer and counts nothing; the same key with another request is refused.
 */
import { ApiError } from './errors.js';
import { isClosed } from './rules.js';
import type { CountedPoll } from './types.js';

/** Whether a second rating from the same reader replaces the first or is refused. */
export type RatingChange = 'replace' | 'refuse';

/** How long a write's receipt is kept for its retries. */
export const RECEIPT_LIFETIME_MS = 7 * 24 * 3600_000;

/** Checks a ballot against the poll and the reader's earlier one; returns the distinct choices. */
export function checkBallot(poll: CountedPoll, optionIds: readonly string[], previous: readonly string[] | undefined, now: Date): string[] {
  if (isClosed(poll, now)) throw new ApiError(409, 'poll-closed', 'This poll is closed.');
  const choices = [...new Set(optionIds)];
  if (choices.length === 0) throw new ApiError(400, 'invalid', 'Choose at least one option.', 'body.optionIds');
  if (choices.length > poll.maxChoices) {
    throw new ApiError(400, 'too-many-choices', `Choose at most ${poll.maxChoices} option(s).`, 'body.optionIds');
  }
  const unknown = choices.find((id) => !poll.options.some((option) => option.id === id));
  if (unknown !== undefined) {
    throw new ApiError(404, 'unknown-option', `This poll has no option "${unknown}".`, `body.optionIds[${optionIds.indexOf(unknown)}]`);
  }
  if (previous && !poll.allowChange) throw new ApiError(409, 'already-voted', 'This reader has already voted in this poll.');
  return choices;
}

/** Checks a rating against the reader's earlier one of the same article. */
export function checkRatingChange(previous: number | undefined, policy: RatingChange): void {
  if (previous !== undefined && policy === 'refuse') throw new ApiError(409, 'already-voted', 'This reader has already rated this article.');
}

/** Checks that shares on `network` are counted here. */
export function checkNetwork(network: string, counted: readonly string[]): void {
  if (!counted.includes(network)) {
    throw new ApiError(400, 'unknown-network', `This server does not count shares on "${network}": it counts ${counted.join(', ')}.`, 'body.network');
  }
}

/** A write's receipt: a fingerprint of the request, and the answer its retries get. */
export interface Receipt<T = unknown> {
  fingerprint: string;
  reply: T;
}

/**
 * The answer to a retry: the first reply when `seen` (the receipt under the same reader and key)
 * was for the same request, undefined when there is none; the same key with another request is
 * refused.
 */
export function replayed<T>(seen: Receipt<T> | undefined, fingerprint: string): T | undefined {
  if (seen && seen.fingerprint !== fingerprint) {
    throw new ApiError(422, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different request.', 'headers.idempotency-key');
  }
  return seen?.reply;
}
