/**
 * First-party share counting, loaded on first use: a bar with `counts` loads it to show them, a bar
 * without loads it only once a reader shares, and then counts only if the page has a backend (most sites have none, and need
 * none). Nothing here ever holds up a share: a failure to count one is a console warning and an
 * `aw-share-error` event.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toBackendError, type ShareCounts, type WidgetBackend } from '../backend/backend.js';
import { parseShareCounts } from '../backend/shapes.js';
import { emit } from '../internal/events.js';
import { ItemController } from '../internal/item-controller.js';
import { resolveBackend, type BackendHost } from '../internal/resolve-backend.js';
import { WidgetStore } from '../internal/store.js';
import { translatorFor } from '../internal/translator.js';
import { randomId, voterId } from '../internal/voter.js';
import { countCatalogs } from './counting.messages.js';
import type { SharedPage } from './networks.js';

type Host = HTMLElement & BackendHost;

const readCounts = (url: string) => async (backend: WidgetBackend, signal: AbortSignal) =>
  parseShareCounts(await backend.getShareCounts(url, { signal }));

/**
 * The counts a bar shows with `counts`: it follows them for the bar's address through the bar's
 * backend (again through a new one when the page default changes), shared by every bar showing
 * them, and says them in the reader's language. The bar creates it on first asking, so none of
 * this, strings included, loads on a page that shows no counts.
 */
export class Counter implements ReactiveController {
  private readonly item: ItemController<ShareCounts>;

  /** `url` is the bar's address, read at each update. */
  constructor(
    private readonly host: Host & ReactiveControllerHost & { counts: boolean },
    private readonly url: () => string,
  ) {
    this.item = new ItemController(host);
    host.addController(this);
    host.requestUpdate();
  }

  /**
   * Follows the counts of the bar's address, or none once the bar stops asking, at each update:
   * following the same item again costs nothing, and a new address or backend is followed at once.
   */
  hostUpdate(): void {
    const url = this.host.counts ? this.url() : '';
    this.item.follow('shares', url, readCounts(url));
  }

  /** The count of `network` as shown beside its icon and as said in its name; none when zero. */
  of(network: string): { shown: string; said: string } | undefined {
    const count = this.item.state?.data?.counts[network];
    if (!count) return undefined;
    const t = translatorFor(this.host, countCatalogs);
    return { shown: t.number(count), said: t.t('shareCount', { count }) };
  }
}

/** Counts one share of `page` on `network`, if there is a backend, and updates every bar showing it. */
export async function recordShare(host: Host, network: string, page: SharedPage): Promise<void> {
  const backend = resolveBackend(host);
  if (!backend) return;
  try {
    const reply = await backend.recordShare(page.url, network, { voterId: voterId(), idempotencyKey: randomId() });
    WidgetStore.for(backend).item('shares', page.url, readCounts(page.url)).set(parseShareCounts(reply));
  } catch (e) {
    const { code, message } = toBackendError(e);
    console.warn(`article-widgets: <${host.localName}> could not count a share on ${network}: ${message}`, host);
    emit(host, 'aw-share-error', { network, url: page.url, title: page.title, code, message });
  }
}
