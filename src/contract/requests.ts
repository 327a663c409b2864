/**
 * The checks of a request's own values, as the server's JSON Schemas make them (server/src/
 * schemas.ts builds those from the same patterns and limits; a server test feeds both the same
 * values): the in-browser backends check with these, so a bad value gets the same `invalid` there.
 */
import { ApiError } from './errors.js';
import { IDEMPOTENCY_KEY_PATTERN, ID_PATTERN, ID_RULE, LIMITS, NETWORK_PATTERN, SHARE_URL_PATTERN, VOTER_ID_PATTERN, fits } from './ids.js';

/** Refuses the value of `field` (400 `invalid`, naming it) unless `ok`. */
function need(ok: unknown, field: string, problem: string): void {
  if (!ok) throw new ApiError(400, 'invalid', `${field}: ${problem}`, field);
}

/** An article, poll or option id. */
export function checkId(id: unknown, field: string): void {
  need(fits(id, ID_PATTERN), field, `expected an id: ${ID_RULE}`);
}

/** The anonymous voter id, in the field that carries it. */
export function checkVoterId(voterId: unknown, field: string): void {
  need(fits(voterId, VOTER_ID_PATTERN), field, 'expected 16 to 128 of A-Z a-z 0-9 _ -');
}

/** The key a write's retries share. */
export function checkIdempotencyKey(key: unknown): void {
  need(fits(key, IDEMPOTENCY_KEY_PATTERN), 'headers.idempotency-key', 'expected 8 to 128 of A-Z a-z 0-9 _ . : -');
}

export function checkRating(rating: unknown): void {
  need(Number.isInteger(rating) && (rating as number) >= 1 && (rating as number) <= 5, 'body.rating', 'expected a whole number from 1 to 5');
}

export function checkOptionIds(optionIds: unknown): void {
  need(Array.isArray(optionIds) && optionIds.length >= 1 && optionIds.length <= LIMITS.options, 'body.optionIds', `expected 1 to ${LIMITS.options} option ids`);
  (optionIds as unknown[]).forEach((id, i) => checkId(id, `body.optionIds[${i}]`));
}

/** A shared page's address: absolute http(s), encoded, at most 2048 characters. */
export function checkShareUrl(url: unknown, field: string): void {
  need(fits(url, SHARE_URL_PATTERN, LIMITS.url), field, 'expected an absolute http(s) address, encoded');
}

export function checkNetworkName(network: unknown): void {
  need(fits(network, NETWORK_PATTERN), 'body.network', 'expected a network name: a-z, 0-9 and -, up to 32');
}
