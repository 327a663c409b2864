import { abortable, refusal, type ReadOptions, type WidgetBackend, type WriteContext } from './backend.js';
import { ApiError } from '../contract/errors.js';
import type { RatingChange } from '../contract/voting.js';
import type { PollView, RatingSummary, RatingVoteResult, ShareCounts } from '../contract/types.js';
import type { MemoryStore, ReaderActions } from './memory-store.js';

export type { ReaderActions } from './memory-store.js';

export interface MemoryBackendOptions {
  /** Whether a second rating from the same voter replaces the first (default) or is refused. */
  ratingChange?: RatingChange;
  /** Milliseconds each call waits before answering, to show loading states in a demo. */
  latency?: number;
  /** The clock that decides whether a poll with `closesAt` has closed, and when receipts expire. */
  now?: () => Date;
  /** The networks whose shares count (default: the share bar's built-in ones), as the server's `--share-networks`. */
  shareNetworks?: string[];
}

/**
 * A backend that keeps everything in this page's memory: for tests, demos and prototypes.
 * Built from the widget data shape, checked as the server checks its seed file; applies the
 * contract's rules as the reference server does (src/contract/: one vote per voter, poll closing
 * and result visibility, one share per reader, network and URL, idempotent writes) and refuses
 * with the same codes (`BackendError.reason`), so a page moves to the server unsurprised.
 *
 * Its code loads on its first call, so a page that never uses it pays nothing for it. Data that
 * does not fit the shape fails every call with a `ShapeError` naming the bad field (and says so
 * once on the console); `parseWidgetData` checks data up front.
 */
export class MemoryBackend implements WidgetBackend {
  private loaded?: Promise<MemoryStore>;

  /** `data`: the site's figures and polls, in the widget data shape (WidgetData). */
  constructor(
    private readonly data: unknown = {},
    private readonly options: MemoryBackendOptions = {},
  ) {}

  async getRating(articleId: string, { signal }: ReadOptions = {}): Promise<RatingSummary> {
    return this.answer(signal, async () => (await this.store()).rating(articleId));
  }

  async rateArticle(articleId: string, rating: number, context: WriteContext): Promise<RatingVoteResult> {
    return this.answer(context.signal, async () => this.wrote((await writes()).rate(await this.store(), articleId, rating, context)));
  }

  async getPoll(pollId: string, { signal, voterId }: ReadOptions = {}): Promise<PollView> {
    return this.answer(signal, async () => (await this.store()).poll(pollId, voterId));
  }

  async votePoll(pollId: string, optionIds: string[], context: WriteContext): Promise<PollView> {
    return this.answer(context.signal, async () => this.wrote((await writes()).vote(await this.store(), pollId, optionIds, context)));
  }

  async recordShare(url: string, network: string, context: WriteContext): Promise<ShareCounts> {
    return this.answer(context.signal, async () => this.wrote((await writes()).share(await this.store(), url, network, context)));
  }

  async getShareCounts(url: string, { signal }: ReadOptions = {}): Promise<ShareCounts> {
    return this.answer(signal, async () => (await this.store()).shares(url));
  }

  /** What readers did here before this page (LocalBackend reads it from localStorage). */
  protected restore(): ReaderActions | undefined {
    return undefined;
  }

  /** Called after every accepted write with what readers did; LocalBackend saves it here. */
  protected changed(_actions: ReaderActions): void {}

  /** The store, made on the first call: the data checked, and what readers did restored. */
  private store(): Promise<MemoryStore> {
    this.loaded ??= import('./memory-store.js')
      .then(({ MemoryStore }) => new MemoryStore(this.data, this.options, this.restore()))
      .catch((error: Error) => {
        console.error(`article-widgets: ${this.constructor.name} cannot start: ${error.message}`);
        throw error;
      });
    return this.loaded;
  }

  private async wrote<T>(reply: T): Promise<T> {
    this.changed((await this.store()).actions);
    return reply;
  }

  /** Answers after the latency; a refusal of the contract's comes out as the BackendError the server's reply would make. */
  private async answer<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    await abortable(new Promise((resolve) => setTimeout(resolve, this.options.latency ?? 0)), signal);
    try {
      return await work();
    } catch (error) {
      throw error instanceof ApiError ? refusal(error.status, error.message, error.code) : error;
    }
  }
}

const writes = () => import('./memory-writes.js');
