/**
 * Checks of the replies that cross the backend seam, whatever the backend: the page store runs
 * every reply through these, so a misfit is an `invalid-reply` naming the bad field
 * (`poll.options[2].votes`). The widget data shape is checked by the contract (src/contract/).
 */
import { array, average, check, count, object, pollSettings, text, unique } from '../contract/shape.js';
import type { PollOption, PollView, RatingSummary, RatingVoteResult, ShareCounts } from '../contract/types.js';

export { ShapeError } from '../contract/shape.js';
export type { CheckedWidgetData, PollData, RatingData, WidgetData } from '../contract/types.js';

export function parseRatingSummary(value: unknown, path = 'rating'): RatingSummary {
  const o = object(value, path);
  const votes = count(o.votes, `${path}.votes`);
  return { articleId: text(o.articleId, `${path}.articleId`), votes, average: average(o.average, votes, `${path}.average`) };
}

export function parseRatingVoteResult(value: unknown, path = 'reply'): RatingVoteResult {
  const o = object(value, path);
  const rating = count(o.rating, `${path}.rating`);
  check(rating >= 1 && rating <= 5, `${path}.rating`, 'expected a whole number from 1 to 5');
  return { summary: parseRatingSummary(o.summary, `${path}.summary`), rating };
}

function pollOption(value: unknown, path: string): PollOption {
  const o = object(value, path);
  const option: PollOption = { id: text(o.id, `${path}.id`), label: text(o.label, `${path}.label`) };
  if (o.votes !== undefined) option.votes = count(o.votes, `${path}.votes`);
  return option;
}

export function parsePollView(value: unknown, path = 'poll'): PollView {
  const o = object(value, path);
  const options = unique(array(o.options, `${path}.options`).map((option, i) => pollOption(option, `${path}.options[${i}]`)), `${path}.options`, 'id');
  const optionCount = options.length;
  check(optionCount >= 2, `${path}.options`, 'a poll needs at least two options');
  const withVotes = options.filter((option) => option.votes !== undefined).length;
  check(withVotes === 0 || withVotes === optionCount, `${path}.options`, 'either every option has votes or none has');
  const closesAt = o.closesAt ?? null;
  check(closesAt === null || (typeof closesAt === 'string' && !Number.isNaN(Date.parse(closesAt))), `${path}.closesAt`, 'expected an ISO 8601 date-time or null');
  const poll: PollView = {
    id: text(o.id, `${path}.id`),
    question: text(o.question, `${path}.question`),
    options,
    ...pollSettings(o, optionCount, path),
    closesAt: closesAt as string | null,
  };
  if (o.voters !== undefined) poll.voters = count(o.voters, `${path}.voters`);
  if (o.myChoices !== undefined) {
    poll.myChoices = array(o.myChoices, `${path}.myChoices`).map((id, i) => {
      check(options.some((option) => option.id === id), `${path}.myChoices[${i}]`, `unknown option "${String(id)}"`);
      return id as string;
    });
  }
  return poll;
}

export function parseShareCounts(value: unknown, path = 'shares'): ShareCounts {
  const o = object(value, path);
  const counts: Record<string, number> = {};
  for (const [network, n] of Object.entries(object(o.counts, `${path}.counts`))) counts[network] = count(n, `${path}.counts.${network}`);
  return { url: text(o.url, `${path}.url`), counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
}
