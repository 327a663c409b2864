/**
 * What a reader sees, written once: the reference server's storage and the in-browser backends
 * (MemoryBackend, LocalBackend) show ratings and polls through these. What a vote must pass is in
 * voting.ts.
 *
 * - A rating's average is rounded to 6 decimals.
 * - A poll is closed when closed, or once its `closesAt` has passed. Its counts are shown as its
 *   `results` says: always, once the reader voted, or once it closed.
 */
import { ApiError } from './errors.js';
import type { CountedPoll, PollView, RatingSummary } from './types.js';

export function isClosed(poll: Pick<CountedPoll, 'closed' | 'closesAt'>, now: Date): boolean {
  return poll.closed || (poll.closesAt !== null && Date.parse(poll.closesAt) <= now.getTime());
}

/** The poll as one reader may see it: counts hidden unless results are visible to them. */
export function pollView(poll: CountedPoll, mine: string[] | undefined, now: Date): PollView {
  const closed = isClosed(poll, now);
  const visible = poll.results === 'always' || closed || (poll.results === 'after-vote' && mine !== undefined);
  const view: PollView = {
    id: poll.id,
    question: poll.question,
    options: poll.options.map(({ id, label, votes }) => (visible ? { id, label, votes } : { id, label })),
    multiple: poll.multiple,
    maxChoices: poll.maxChoices,
    results: poll.results,
    closesAt: poll.closesAt,
    closed,
    allowChange: poll.allowChange,
  };
  if (visible) view.voters = poll.voters;
  if (mine) view.myChoices = [...mine];
  return view;
}

/** The poll as its editors see it: every count, whatever the results visibility. */
export function adminPollView(poll: CountedPoll, now: Date): CountedPoll {
  return { ...poll, closed: isClosed(poll, now) };
}

/** The refusal of anything asked of a poll that does not exist. */
export function unknownPoll(pollId: string): ApiError {
  return new ApiError(404, 'unknown-poll', `There is no poll "${pollId}".`, 'params.pollId');
}

/** The aggregate of `votes` ratings adding up to `sum` stars. */
export function ratingSummary(articleId: string, votes: number, sum: number): RatingSummary {
  return { articleId, votes, average: votes === 0 ? 0 : Math.round((sum / votes) * 1e6) / 1e6 };
}
