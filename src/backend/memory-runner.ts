/**
 * The code of MemoryBackend and LocalBackend, loaded on a backend's first call: the site's data
 * checked and kept (memory-store.ts), what this browser did restored from localStorage and saved
 * after each write (LocalBackend). Writes load on the first write. The shell (memory-backend.ts)
 * only loads it; `answer` keeps the latency and turns the contract's refusals into BackendErrors.
 */
import { abortable, refusal, type WriteContext } from './backend.js';
import { ApiError } from '../contract/errors.js';
import type { PollView, RatingSummary, RatingVoteResult, ShareCounts } from '../contract/types.js';
import type { MemoryBackendOptions } from './memory-backend.js';
import { lazyModule } from '../internal/lazy-module.js';
import { MemoryStore, type ReaderActions } from './memory-store.js';

/** What LocalBackend saves: this browser's votes and shares and its recent write receipts, never the site's data. */
interface Saved extends ReaderActions {
  version: 2;
}

/**
 * The writes' code, on the first write; one whose code could not load (the site's server was down)
 * fails like a server out of reach, and the next write loads it again (see lazyModule).
 */
const writes = lazyModule(() => import('./memory-writes.js'));

/** One MemoryBackend's (or LocalBackend's) data and what readers did, made on its first call. */
export class MemoryRunner {
  private readonly store: MemoryStore;

  /** Checks `data` (throws a ShapeError naming the bad field); with `storageKey`, restores what this browser did. */
  constructor(
    data: unknown,
    private readonly options: MemoryBackendOptions,
    private readonly storageKey?: string,
  ) {
    this.store = new MemoryStore(data, options, this.restore());
  }

  /**
   * `work` done after the backend's latency; a refusal of the contract's comes out as the
   * BackendError the server's reply would make.
   */
  async answer<T>(signal: AbortSignal | undefined, work: (runner: this) => T | Promise<T>): Promise<T> {
    await abortable(new Promise((resolve) => setTimeout(resolve, this.options.latency ?? 0)), signal);
    try {
      return await work(this);
    } catch (error) {
      throw error instanceof ApiError ? refusal(error.status, error.message, error.code) : error;
    }
  }

  getRating(articleId: string): RatingSummary {
    return this.store.rating(articleId);
  }

  async rateArticle(articleId: string, rating: number, context: WriteContext): Promise<RatingVoteResult> {
    return this.wrote((await writes()).rate(this.store, articleId, rating, context));
  }

  getPoll(pollId: string, voterId?: string): PollView {
    return this.store.poll(pollId, voterId);
  }

  async votePoll(pollId: string, optionIds: string[], context: WriteContext): Promise<PollView> {
    return this.wrote((await writes()).vote(this.store, pollId, optionIds, context));
  }

  async recordShare(url: string, network: string, context: WriteContext): Promise<ShareCounts> {
    return this.wrote((await writes()).share(this.store, url, network, context));
  }

  getShareCounts(url: string): ShareCounts {
    return this.store.shares(url);
  }

  /** What this browser did before this page; nothing for garbage, or for the unreleased first format (which held the site's data too). */
  private restore(): ReaderActions | undefined {
    if (!this.storageKey) return undefined;
    try {
      const saved = JSON.parse(localStorage.getItem(this.storageKey) ?? 'null') as Saved | null;
      const isRecord = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
      if (saved?.version !== 2 || ![saved.ratings, saved.ballots, saved.shares, saved.receipts].every(isRecord)) return undefined;
      return { ratings: saved.ratings, ballots: saved.ballots, shares: saved.shares, receipts: saved.receipts };
    } catch {
      return undefined;
    }
  }

  /** After an accepted write: LocalBackend saves what readers did. */
  private wrote<T>(reply: T): T {
    if (this.storageKey) {
      try {
        localStorage.setItem(this.storageKey, JSON.stringify({ version: 2, ...this.store.actions } satisfies Saved));
      } catch {
        // Storage full or blocked (private mode): the votes still hold for this page view.
      }
    }
    return reply;
  }
}
