import type { ReadOptions, WidgetBackend, WriteContext } from './backend.js';
import type { RatingChange } from '../contract/voting.js';
import type { PollView, RatingSummary, RatingVoteResult, ShareCounts } from '../contract/types.js';
import type { MemoryRunner } from './memory-runner.js';

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
 * This class is a handle: its code (memory-runner.ts, the data check, the rules) loads on its
 * first call, so a page that never calls it pays next to nothing for it. Data that does not fit the
 * shape fails every call with a `ShapeError` naming the bad field (and says so once on the
 * console); `checkWidgetData` (or, from npm, `parseWidgetData`) checks data up front.
 */
export class MemoryBackend implements WidgetBackend {
  /** Where LocalBackend keeps what this browser did between visits; none: this page's memory only. */
  protected declare storageKey?: string;
  #running?: Promise<MemoryRunner>;

  /** `data`: the site's figures and polls, in the widget data shape (WidgetData). */
  constructor(
    private readonly data: unknown = {},
    private readonly options: MemoryBackendOptions = {},
  ) {}

  getRating(articleId: string, { signal }: ReadOptions = {}): Promise<RatingSummary> {
    return this.#answer(signal, (runner) => runner.getRating(articleId));
  }

  rateArticle(articleId: string, rating: number, context: WriteContext): Promise<RatingVoteResult> {
    return this.#answer(context.signal, (runner) => runner.rateArticle(articleId, rating, context));
  }

  getPoll(pollId: string, { signal, voterId }: ReadOptions = {}): Promise<PollView> {
    return this.#answer(signal, (runner) => runner.getPoll(pollId, voterId));
  }

  votePoll(pollId: string, optionIds: string[], context: WriteContext): Promise<PollView> {
    return this.#answer(context.signal, (runner) => runner.votePoll(pollId, optionIds, context));
  }

  recordShare(url: string, network: string, context: WriteContext): Promise<ShareCounts> {
    return this.#answer(context.signal, (runner) => runner.recordShare(url, network, context));
  }

  getShareCounts(url: string, { signal }: ReadOptions = {}): Promise<ShareCounts> {
    return this.#answer(signal, (runner) => runner.getShareCounts(url));
  }

  /**
   * Answers from the backend's code (loaded, and the data checked, on the first call), which also
   * waits the latency and turns the contract's refusals into BackendErrors: none of that is here,
   * so a page that never calls the backend does not load it.
   */
  async #answer<T>(signal: AbortSignal | undefined, work: (runner: MemoryRunner) => T | Promise<T>): Promise<T> {
    this.#running ??= import('./memory-runner.js').then(({ MemoryRunner }) => new MemoryRunner(this.data, this.options, this.storageKey)).catch((error: Error) => {
      console.error(`article-widgets: ${this.constructor.name} cannot start: ${error.message}`);
      throw error;
    });
    return (await this.#running).answer(signal, work);
  }
}
