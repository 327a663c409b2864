/**
 * First-party share counting, loaded on first use: a bar with `counts` loads it to show them, a bar
 * without loads it only once a reader shares, and then counts only if the page has a backend (most sites have none, and need
 * none). Nothing here ever holds up a share: a failure to count one is a console warning and an
 * `aw-share-error` event.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toBackendError, type ShareCounts, type WidgetBackend } from '../backend/backend.js';
import { onDefaultBackendChange } from '../backend/default-backend.js';
import { parseShareCounts } from '../backend/shapes.js';
import { emit } from '../internal/events.js';
import type { translatorFor } from '../internal/i18n.js';
import { reportMissingBackend, resolveBackend, type BackendHost } from '../internal/resolve-backend.js';
import { WidgetStore } from '../internal/store.js';
import { randomId, voterId } from '../internal/voter.js';
import { countMessages } from './counting.messages.js';
import type { SharedPage } from './networks.js';

type Host = HTMLElement & BackendHost;

function counts(backend: WidgetBackend, url: string) {
  return WidgetStore.for(backend).item<ShareCounts>('shares', url, async (b, signal) => parseShareCounts(await b.getShareCounts(url, { signal })));
}

/**
 * The counts a bar shows with `counts`: it follows them for the bar's address through the bar's
 * backend (again through a new one when the page default changes), shared by every bar showing
 * them, and says them in the reader's language. The bar creates it on first asking, so none of
 * this, strings included, loads on a page that shows no counts.
 */
export class Counter implements ReactiveController {
  private counts?: Record<string, number>;
  private url = '';
  private stop = () => {};
  private stopDefault = () => {};

  constructor(
    private readonly host: Host & ReactiveControllerHost,
    private readonly translate: typeof translatorFor,
  ) {
    host.addController(this);
  }

  /** Follows the counts of `url`, or none when empty (the bar stopped asking). */
  watch(url: string): void {
    this.url = url;
    this.follow();
  }

  hostConnected(): void {
    this.stopDefault = onDefaultBackendChange(() => this.follow());
    this.follow();
  }

  hostDisconnected(): void {
    this.stop();
    this.stopDefault();
  }

  /** The count of `network` as shown beside its icon and as said in its name; none when zero. */
  of(network: string): { shown: string; said: string } | undefined {
    const count = this.counts?.[network];
    if (!count) return undefined;
    const t = this.translate(this.host, countMessages);
    return { shown: t.number(count), said: t.t('shareCount', { count }) };
  }

  private follow(): void {
    this.stop();
    this.stop = () => {};
    this.show(undefined);
    if (!this.url) return;
    const backend = resolveBackend(this.host);
    if (!backend) return reportMissingBackend(this.host.localName);
    const item = counts(backend, this.url);
    this.stop = item.subscribe((state) => state.data && this.show(state.data.counts));
    if (item.state.data) this.show(item.state.data.counts);
    if (item.state.status == 'idle') void item.load();
  }

  private show(counts: Record<string, number> | undefined): void {
    this.counts = counts;
    this.host.requestUpdate();
  }
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
