import { MemoryBackend, type MemoryBackendOptions, type ReaderActions } from './memory-backend.js';

export interface LocalBackendOptions extends MemoryBackendOptions {
  /** The localStorage key that holds this browser's votes (default `article-widgets:local`). */
  storageKey?: string;
}

/** What is saved: this browser's votes and shares and its recent write receipts, never the site's data. */
interface Saved extends ReaderActions {
  version: 2;
}

/**
 * A backend in this browser's localStorage, for a static site with no server.
 *
 * It counts the votes of this one browser only, on top of the figures it is given: a reader sees
 * their own vote survive a reload, but no reader sees anyone else's. Only what the reader did is
 * saved, so the site's current data always applies: a poll added later appears, a poll closed or
 * relabelled in the data is closed or relabelled here, and the reader's votes stay (a choice of an
 * option the poll no longer has is dropped). Write receipts expire after a week, at most 100 kept.
 * Use the reference server (HttpBackend) to count real readers.
 */
export class LocalBackend extends MemoryBackend {
  private readonly storageKey: string;

  /** `data`: the site's figures and polls, in the widget data shape. */
  constructor(data: unknown = {}, options: LocalBackendOptions = {}) {
    super(data, options);
    this.storageKey = options.storageKey ?? 'article-widgets:local';
  }

  /** The saved actions; nothing for garbage, or for the unreleased first format (which held the site's data too). */
  protected override restore(): ReaderActions | undefined {
    try {
      const saved = JSON.parse(localStorage.getItem(this.storageKey) ?? 'null') as Saved | null;
      const isRecord = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
      if (saved?.version !== 2 || ![saved.ratings, saved.ballots, saved.shares, saved.receipts].every(isRecord)) return undefined;
      return { ratings: saved.ratings, ballots: saved.ballots, shares: saved.shares, receipts: saved.receipts };
    } catch {
      return undefined;
    }
  }

  protected override changed(actions: ReaderActions): void {
    try {
      localStorage.setItem(this.storageKey, JSON.stringify({ version: 2, ...actions } satisfies Saved));
    } catch {
      // Storage full or blocked (private mode): the votes still hold for this page view.
    }
  }
}
