import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WidgetBackend } from '../backend/backend.js';
import { onDefaultBackendChange } from '../backend/default-backend.js';
import { lazyModule } from './lazy-module.js';
import { pageBackend, resolveBackend, type BackendHost } from './resolve-backend.js';
import { WidgetStore, type ItemKind, type ItemState, type SharedItem } from './store.js';

type Read<T> = (backend: WidgetBackend, signal: AbortSignal) => Promise<T>;

/** The no-backend report, on first use; one whose code could not load (an outage) is not made, and the next loads it again. */
const loadMissingBackend = lazyModule(() => import('./missing-backend.js'));

/**
 * Binds an element to one shared store item of its backend: loads it once, re-renders the element
 * on every change, follows the page's default backend when that changes, and lets go when the
 * element leaves the page.
 */
export class ItemController<T> implements ReactiveController {
  #item?: SharedItem<T>;
  #followed?: [kind: ItemKind, id: string, read: Read<T>];
  #unsubscribe?: () => void;
  #stopFollowingDefault?: () => void;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & BackendHost) {
    host.addController(this);
  }

  get state(): ItemState<T> | undefined {
    return this.#item?.state;
  }

  get current(): SharedItem<T> | undefined {
    return this.#item;
  }

  /**
   * Follows item `kind:id` in the store of the host's backend, loaded with `read` on first use.
   * With an empty id, or no backend anywhere (said once on the console), it follows nothing and
   * the element shows what its attributes give.
   */
  follow(kind: ItemKind, id: string, read: Read<T>): void {
    this.#followed = id ? [kind, id, read] : undefined;
    const backend = id ? resolveBackend(this.host) : undefined;
    if (id && !backend) void loadMissingBackend().then(({ reportMissingBackend }) => reportMissingBackend(this.host.localName, () => !!pageBackend()), () => {});
    const item = backend && WidgetStore.for(backend).item(kind, id, read);
    if (item === this.#item) return;
    this.#listen(false);
    this.#item = item;
    this.#listen(this.host.isConnected);
    this.host.requestUpdate();
    if (item?.state.status === 'idle') void item.load();
  }

  hostConnected(): void {
    this.#listen(true);
    this.#stopFollowingDefault = onDefaultBackendChange(() => this.#followed && this.follow(...this.#followed));
  }

  hostDisconnected(): void {
    this.#listen(false);
    this.#stopFollowingDefault?.();
  }

  #listen(on: boolean): void {
    this.#unsubscribe?.();
    this.#unsubscribe = on ? this.#item?.subscribe(() => this.host.requestUpdate()) : undefined;
  }
}
