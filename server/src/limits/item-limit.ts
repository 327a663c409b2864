// The per-item cap's refusal: at most N new votes per item (article, poll, shared URL) per client
// address per UTC day. Each storage counts the votes; this says no the same way for all of them.
import { tooManyError, type ApiError } from '../../../src/contract/errors.js';

/** The vote past the cap on `item` (an itemKey): a 429 `item-limit` until the UTC day ends. */
export function itemLimitError(item: string, limit: number, day: string, now: number): ApiError {
  const seconds = (Date.parse(`${day}T00:00:00Z`) + 86_400_000 - now) / 1000;
  const what = item.slice(0, item.indexOf(':'));
  const noun = ({ rating: 'article', poll: 'poll', share: 'shared page' } as Record<string, string>)[what] ?? 'item';
  return tooManyError(
    'item-limit',
    `This ${noun} has had the most votes one address may cast in a day (${limit}); more count from midnight UTC.`,
    seconds,
  );
}
