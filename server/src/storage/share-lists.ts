// The admin list of shares, the same whatever the storage: its rows grouped by URL, most shared first.
import type { ShareCounts } from './storage.js';

/** `rows` (one per URL and network, by URL) as one entry per URL, most shared first, then by URL. */
export function sharesByUrl(rows: Iterable<{ url: string; network: string; count: number }>): ShareCounts[] {
  const byUrl = new Map<string, ShareCounts>();
  for (const { url, network, count } of rows) {
    const entry = byUrl.get(url) ?? { url, counts: {}, total: 0 };
    entry.counts[network] = count;
    entry.total += count;
    byUrl.set(url, entry);
  }
  return [...byUrl.values()].sort((a, b) => b.total - a.total || a.url.localeCompare(b.url));
}
