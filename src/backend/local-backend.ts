import { MemoryBackend, type MemoryBackendOptions } from './memory-backend.js';

export interface LocalBackendOptions extends MemoryBackendOptions {
  /** The localStorage key that holds this browser's votes (default `article-widgets:local`). */
  storageKey?: string;
}

/**
 * A backend in this browser's localStorage, for a static site with no server.
 *
 * It counts the votes of this one browser only, on top of the figures it is given: a reader sees
 * their own vote survive a reload, but no reader sees anyone else's. Only what the reader did is
 * saved, so the site's current data always applies: a poll added later appears, a poll closed or
 * relabelled in the data is closed or relabelled here, and the reader's votes stay (a choice of an
 * option the poll no longer has is dropped). Write receipts expire after a week, at most 100 kept.
 * Use the reference server (HttpBackend) to count real readers. Its code loads on its first call,
 * as MemoryBackend's does.
 */
export class LocalBackend extends MemoryBackend {
  /** `data`: the site's figures and polls, in the widget data shape. */
  constructor(data: unknown = {}, options: LocalBackendOptions = {}) {
    super(data, options);
    this.storageKey = options.storageKey ?? 'article-widgets:local';
  }
}
