/**
 * What a MemoryBackend holds: the site's data as it was given, and what readers did on top of it
 * (all that LocalBackend saves). The figures are always the data with the readers' actions
 * counted in, so new data (a poll added, closed or relabelled) applies and the readers' votes stay.
 */
import { BUILT_IN_NETWORKS } from '../contract/ids.js';
import { checkId, checkShareUrl, checkVoterId } from '../contract/requests.js';
import { pollView, ratingSummary, unknownPoll } from '../contract/rules.js';
import type { RatingChange, Receipt } from '../contract/voting.js';
import type { CheckedWidgetData, CountedPoll, PollView, RatingSummary, ShareCounts } from '../contract/types.js';
import { parseWidgetData } from '../contract/widget-data.js';

/** What readers did on a backend, apart from the site's data. */
export interface ReaderActions {
  /** Each article's ratings, by voter id. */
  ratings: Record<string, Record<string, number>>;
  /** Each poll's ballots, by voter id. */
  ballots: Record<string, Record<string, string[]>>;
  /** Each URL's sharers, by network. */
  shares: Record<string, Record<string, string[]>>;
  /** The writes' receipts, by voter id and idempotency key, with the time each was written. */
  receipts: Record<string, Receipt & { at: number }>;
}

export interface StoreRules {
  ratingChange: RatingChange;
  now: () => Date;
  shareNetworks: string[];
}

/** `record[key]` if it is the record's own: an id such as `constructor` or `__proto__` is just an id. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets `record[key]` as an own property, whatever the key. */
export function put<T>(record: Record<string, T>, key: string, value: T): T {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}

const sum = (numbers: number[]) => numbers.reduce((total, n) => total + n, 0);

type DataPoll = NonNullable<CheckedWidgetData['polls']>[number];

export class MemoryStore {
  readonly rules: StoreRules;
  private readonly ratings = new Map<string, RatingSummary>();
  private readonly polls = new Map<string, DataPoll>();

  /** Checks `data` (throws a ShapeError naming the bad field); `actions`, what readers did before. */
  constructor(data: unknown, rules: Partial<StoreRules>, public actions: ReaderActions = { ratings: {}, ballots: {}, shares: {}, receipts: {} }) {
    const { ratings = [], polls = [] } = parseWidgetData(data);
    for (const rating of ratings) this.ratings.set(rating.articleId, rating);
    for (const poll of polls) this.polls.set(poll.id, poll);
    this.rules = { ratingChange: 'replace', now: () => new Date(), shareNetworks: BUILT_IN_NETWORKS, ...rules };
  }

  /** A read of one article's rating. */
  rating(articleId: string): RatingSummary {
    checkId(articleId, 'params.articleId');
    return this.ratingSummary(articleId);
  }

  /** A read of a poll as the voter (if given) sees it. */
  poll(pollId: string, voterId: string | undefined): PollView {
    checkId(pollId, 'params.pollId');
    if (voterId !== undefined) checkVoterId(voterId, 'headers.x-voter-id');
    return this.pollView(pollId, voterId);
  }

  /** A read of a URL's share counts. */
  shares(url: string): ShareCounts {
    checkShareUrl(url, 'query.url');
    return this.shareCounts(url);
  }

  ratingSummary(articleId: string): RatingSummary {
    const imported = this.ratings.get(articleId) ?? { votes: 0, average: 0 };
    const mine = Object.values(own(this.actions.ratings, articleId) ?? {});
    return ratingSummary(articleId, imported.votes + mine.length, imported.votes * imported.average + sum(mine));
  }

  /** The poll of the site's data with the readers' ballots counted; throws `unknown-poll`. */
  countedPoll(pollId: string): CountedPoll {
    const poll = this.polls.get(pollId);
    if (!poll) throw unknownPoll(pollId);
    const ballots = Object.keys(own(this.actions.ballots, pollId) ?? {})
      .map((voterId) => this.ballotOf(poll, voterId))
      .filter((choices) => choices !== undefined);
    return {
      ...poll,
      options: poll.options.map((option) => ({ ...option, votes: option.votes + ballots.filter((choices) => choices.includes(option.id)).length })),
      voters: (poll.voters ?? sum(poll.options.map((option) => option.votes))) + ballots.length,
    };
  }

  /** A voter's ballot on the poll, of the options it still has (none when none is left). */
  ballotOf(poll: Pick<CountedPoll, 'id' | 'options'>, voterId: string): string[] | undefined {
    const saved = own(own(this.actions.ballots, poll.id) ?? {}, voterId);
    const choices = Array.isArray(saved) ? saved.filter((id) => poll.options.some((option) => option.id === id)) : [];
    return choices.length ? choices : undefined;
  }

  pollView(pollId: string, voterId: string | undefined): PollView {
    const poll = this.countedPoll(pollId);
    return pollView(poll, voterId === undefined ? undefined : this.ballotOf(poll, voterId), this.rules.now());
  }

  shareCounts(url: string): ShareCounts {
    const counts: Record<string, number> = {};
    for (const [network, sharers] of Object.entries(own(this.actions.shares, url) ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (Array.isArray(sharers) && sharers.length) counts[network] = sharers.length;
    }
    return { url, counts, total: sum(Object.values(counts)) };
  }
}
