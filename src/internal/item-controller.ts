import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ItemState, SharedItem } from './store.js';

/** Binds an element to one shared store item: re-renders on every change, lets go when disconnected. */
export class ItemController<T> implements ReactiveController {
  private item?: SharedItem<T>;
  private unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  get state(): ItemState<T> | undefined {
    return this.item?.state;
  }

  get current(): SharedItem<T> | undefined {
    return this.item;
  }

  /** Follows `item` from now on (or nothing, with undefined); returns whether it changed. */
  bind(item: SharedItem<T> | undefined): boolean {
    if (item === this.item) return false;
    this.hostDisconnected();
    this.item = item;
    if (this.host.isConnected) this.hostConnected();
    this.host.requestUpdate();
    return true;
  }

  hostConnected(): void {
    this.unsubscribe = this.item?.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
