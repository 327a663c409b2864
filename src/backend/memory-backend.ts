import {
  BackendError,
  abortable,
  type PollView,
  type ReadOptions,
  type RatingSummary,
  type RatingVoteResult,
  type ShareCounts,
  type WidgetBackend,
  type WriteContext,
} from './backend.js';
import { parseWidgetData, summarizeDistribution, type PollData, type WidgetData } from './shapes.js';

export interface MemoryBackendOptions {
  /** Whether a second rating from the same voter replaces the first (default) or is refused. */
  ratingChange?: 'replace' | 'refuse';
  /** Milliseconds each call waits before answering, to show loading states in a demo. */
  latency?: number;
  /** The clock that decides whether a poll with `closesAt` has closed. */
  now?: () => Date;
}

interface RatingRecord {
  /** Votes imported in aggregate from the data (no voter known for them). */
  importedVotes: number;
  importedSum: number;
  byVoter: Record<string, number>;
}

interface PollRecord {
  poll: PollData;
  votes: Record<string, number>;
  voters: number;
  ballots: Record<string, string[]>;
}

/** Everything a MemoryBackend holds, as plain JSON (what LocalBackend persists). */
export interface MemorySnapshot {
  ratings: Record<string, RatingRecord>;
  polls: Record<string, PollRecord>;
  shares: Record<string, Record<string, number>>;
  receipts: Record<string, unknown>;
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return abortable(new Promise((resolve) => setTimeout(resolve, ms)), signal);
}

function snapshotOf(data: WidgetData): MemorySnapshot {
  const snapshot: MemorySnapshot = { ratings: {}, polls: {}, shares: {}, receipts: {} };
  for (const rating of data.ratings ?? []) {
    const { votes, average } = 'distribution' in rating ? summarizeDistribution(rating.distribution) : rating;
    snapshot.ratings[rating.articleId] = { importedVotes: votes, importedSum: votes * average, byVoter: {} };
  }
  for (const poll of data.polls ?? []) {
    const votes = Object.fromEntries(poll.options.map((option) => [option.id, option.votes]));
    const voters = poll.voters ?? poll.options.reduce((sum, option) => sum + option.votes, 0);
    snapshot.polls[poll.id] = { poll, votes, voters, ballots: {} };
  }
  return snapshot;
}

/**
 * A backend that keeps everything in this page's memory: for tests, demos and prototypes.
 * Built from the widget data shape; enforces the same rules as the reference server (one vote
 * per voter, poll closing and result visibility, idempotent writes).
 */
export class MemoryBackend implements WidgetBackend {
  protected state: MemorySnapshot;
  private readonly options: Required<MemoryBackendOptions>;

  constructor(data: WidgetData | unknown = {}, options: MemoryBackendOptions = {}) {
    this.state = snapshotOf(parseWidgetData(data));
    this.options = { ratingChange: 'replace', latency: 0, now: () => new Date(), ...options };
  }

  async getRating(articleId: string, options: ReadOptions = {}): Promise<RatingSummary> {
    await this.wait(options.signal);
    return this.ratingSummary(articleId);
  }

  async rateArticle(articleId: string, rating: number, context: WriteContext): Promise<RatingVoteResult> {
    await this.wait(context.signal);
    return this.once(context, () => {
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
        throw new BackendError('refused', `rating must be a whole number from 1 to 5, got ${rating}`);
      }
      const record = (this.state.ratings[articleId] ??= { importedVotes: 0, importedSum: 0, byVoter: {} });
      if (context.voterId in record.byVoter && this.options.ratingChange === 'refuse') {
        throw new BackendError('refused', 'This reader has already rated this article.');
      }
      record.byVoter[context.voterId] = rating;
      return { summary: this.ratingSummary(articleId), rating };
    });
  }

  async getPoll(pollId: string, options: ReadOptions = {}): Promise<PollView> {
    await this.wait(options.signal);
    return this.pollView(this.pollRecord(pollId), options.voterId);
  }

  async votePoll(pollId: string, optionIds: string[], context: WriteContext): Promise<PollView> {
    await this.wait(context.signal);
    return this.once(context, () => {
      const record = this.pollRecord(pollId);
      const { poll } = record;
      if (this.isClosed(poll)) throw new BackendError('refused', 'This poll is closed.');
      const choices = [...new Set(optionIds)];
      if (choices.length === 0) throw new BackendError('refused', 'Choose at least one option.');
      if (choices.length > poll.maxChoices) {
        throw new BackendError('refused', `Choose at most ${poll.maxChoices} option(s).`);
      }
      const unknown = choices.find((id) => !(id in record.votes));
      if (unknown !== undefined) throw new BackendError('not-found', `Unknown option "${unknown}".`);
      const previous = record.ballots[context.voterId];
      if (previous && !poll.allowChange) throw new BackendError('refused', 'This reader has already voted.');
      for (const id of previous ?? []) record.votes[id] -= 1;
      for (const id of choices) record.votes[id] += 1;
      if (!previous) record.voters += 1;
      record.ballots[context.voterId] = choices;
      return this.pollView(record, context.voterId);
    });
  }

  async recordShare(url: string, network: string, context: WriteContext): Promise<ShareCounts> {
    await this.wait(context.signal);
    return this.once(context, () => {
      const counts = (this.state.shares[url] ??= {});
      counts[network] = (counts[network] ?? 0) + 1;
      return this.shareCounts(url);
    });
  }

  async getShareCounts(url: string, options: ReadOptions = {}): Promise<ShareCounts> {
    await this.wait(options.signal);
    return this.shareCounts(url);
  }

  /** Called after every accepted write; LocalBackend persists here. */
  protected changed(): void {}

  private wait(signal?: AbortSignal): Promise<void> {
    return delay(this.options.latency, signal);
  }

  /** Runs a write once per idempotency key; a retry gets the first answer again. */
  private once<T>(context: WriteContext, write: () => T): T {
    const key = `${context.voterId}:${context.idempotencyKey}`;
    if (key in this.state.receipts) return structuredClone(this.state.receipts[key]) as T;
    const result = write();
    this.state.receipts[key] = structuredClone(result);
    this.changed();
    return result;
  }

  private ratingSummary(articleId: string): RatingSummary {
    const record = this.state.ratings[articleId];
    if (!record) return { articleId, votes: 0, average: 0 };
    const mine = Object.values(record.byVoter);
    const votes = record.importedVotes + mine.length;
    const sum = record.importedSum + mine.reduce((total, n) => total + n, 0);
    return { articleId, votes, average: votes === 0 ? 0 : sum / votes };
  }

  private pollRecord(pollId: string): PollRecord {
    const record = this.state.polls[pollId];
    if (!record) throw new BackendError('not-found', `There is no poll "${pollId}".`);
    return record;
  }

  private isClosed(poll: PollData): boolean {
    return poll.closed || (poll.closesAt !== null && Date.parse(poll.closesAt) <= this.options.now().getTime());
  }

  private pollView(record: PollRecord, voterId?: string): PollView {
    const { poll } = record;
    const closed = this.isClosed(poll);
    const mine = voterId ? record.ballots[voterId] : undefined;
    const visible = poll.results === 'always' || closed || (poll.results === 'after-vote' && mine !== undefined);
    const view: PollView = {
      id: poll.id,
      question: poll.question,
      options: poll.options.map(({ id, label }) => (visible ? { id, label, votes: record.votes[id] } : { id, label })),
      multiple: poll.multiple,
      maxChoices: poll.maxChoices,
      results: poll.results,
      closesAt: poll.closesAt,
      closed,
      allowChange: poll.allowChange ?? false,
    };
    if (visible) view.voters = record.voters;
    if (mine) view.myChoices = [...mine];
    return view;
  }

  private shareCounts(url: string): ShareCounts {
    const counts = { ...(this.state.shares[url] ?? {}) };
    return { url, counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
  }
}
