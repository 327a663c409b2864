import { MemoryBackend, type MemoryBackendOptions, type MemorySnapshot } from './memory-backend.js';
import type { WidgetData } from './shapes.js';

export interface LocalBackendOptions extends MemoryBackendOptions {
  /** The localStorage key that holds the counts (default `article-widgets:local`). */
  storageKey?: string;
}

/**
 * A backend in this browser's localStorage, for a static site with no server.
 *
 * It counts the votes of this one browser only, on top of the figures it was seeded with: a
 * reader sees their own vote survive a reload, but no reader sees anyone else's. Use the
 * reference server (HttpBackend) to count real readers.
 */
export class LocalBackend extends MemoryBackend {
  private readonly storageKey: string;

  constructor(data: WidgetData | unknown = {}, options: LocalBackendOptions = {}) {
    super(data, options);
    this.storageKey = options.storageKey ?? 'article-widgets:local';
    const saved = this.load();
    if (saved) this.state = saved;
  }

  protected override changed(): void {
    try {
      localStorage.setItem(this.storageKey, JSON.stringify(this.state));
    } catch {
      // Storage full or blocked (private mode): the counts still hold for this page view.
    }
  }

  private load(): MemorySnapshot | undefined {
    try {
      const raw = localStorage.getItem(this.storageKey);
      const saved = raw ? (JSON.parse(raw) as MemorySnapshot) : undefined;
      return saved && typeof saved.ratings === 'object' && typeof saved.polls === 'object' ? saved : undefined;
    } catch {
      return undefined;
    }
  }
}
