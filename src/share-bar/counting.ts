/**
 * First-party share counting, loaded on first use: a bar without `counts` loads it only once a
 * reader shares, and then counts only if the page has a backend (most sites have none, and need
 * none). Nothing here ever holds up a share: a failure to count one is a console warning and an
 * `aw-share-error` event.
 */
import { toBackendError, type ShareCounts, type WidgetBackend } from '../backend/backend.js';
import { onDefaultBackendChange } from '../backend/default-backend.js';
import { parseShareCounts } from '../backend/shapes.js';
import { emit } from '../internal/events.js';
import { reportMissingBackend, resolveBackend, type BackendHost } from '../internal/resolve-backend.js';
import { WidgetStore } from '../internal/store.js';
import { randomId, voterId } from '../internal/voter.js';
import type { SharedPage } from './networks.js';

type Host = HTMLElement & BackendHost;

function counts(backend: WidgetBackend, url: string) {
  return WidgetStore.for(backend).item<ShareCounts>('shares', url, async (b, signal) => parseShareCounts(await b.getShareCounts(url, { signal })));
}

/**
 * Follows the counts of `url`, shared by every bar showing them, through the host's backend, and
 * again through a new one whenever the page default changes; returns the function that stops.
 */
export function watchCounts(host: Host, url: string, show: (counts: Record<string, number>) => void): () => void {
  let stop = follow(host, url, show);
  const stopDefault = onDefaultBackendChange(() => {
    stop();
    show({});
    stop = follow(host, url, show);
  });
  return () => {
    stop();
    stopDefault();
  };
}

function follow(host: Host, url: string, show: (counts: Record<string, number>) => void): () => void {
  const backend = resolveBackend(host);
  if (!backend) {
    reportMissingBackend(host.localName);
    return () => {};
  }
  const item = counts(backend, url);
  const stop = item.subscribe((state) => state.data && show(state.data.counts));
  if (item.state.data) show(item.state.data.counts);
  if (item.state.status == 'idle') void item.load();
  return stop;
}

/** Counts one share of `page` on `network`, if there is a backend, and updates every bar showing it. */
export async function recordShare(host: Host, network: string, page: SharedPage): Promise<void> {
  const backend = resolveBackend(host);
  if (!backend) return;
  try {
    const reply = await backend.recordShare(page.url, network, { voterId: voterId(), idempotencyKey: randomId() });
    counts(backend, page.url).set(parseShareCounts(reply));
  } catch (e) {
    const { code, message } = toBackendError(e);
    console.warn(`article-widgets: <${host.localName}> could not count a share on ${network}: ${message}`, host);
    emit(host, 'aw-share-error', { network, url: page.url, title: page.title, code, message });
  }
}
