import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Page-wide subscriptions an element holds while it is in the document (a change of language,
 * of the default backend, of the registered networks): `subscribe` makes them on connect and
 * returns the functions that end them on disconnect.
 */
export class Subscriptions implements ReactiveController {
  private ends: (() => void)[] = [];

  constructor(host: ReactiveControllerHost, private readonly subscribe: () => (() => void)[]) {
    host.addController(this);
  }

  hostConnected(): void {
    this.ends = this.subscribe();
  }

  hostDisconnected(): void {
    this.ends.forEach((end) => end());
    this.ends = [];
  }
}
