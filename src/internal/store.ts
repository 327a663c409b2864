/**
 * The page store: one shared read and one shared state per item per backend, so every element
 * that shows the same article or poll (the rating above and below an article) shows the same
 * figures and changes together after a vote.
 */
import { BackendError, toBackendError, type WidgetBackend } from '../backend/backend.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ItemState<T> {
  status: LoadStatus;
  /** The last good data, kept through later failures so a widget never goes blank. */
  data?: T;
  /** Why the last read failed (status `error`). */
  error?: BackendError;
  /** A write is in flight; `data` is its optimistic result. */
  writing: boolean;
}

/** How long a read or a write may take before it counts as a network failure. */
export const timeouts = { read: 10_000, write: 15_000 };

/**
 * Runs `call` with a signal that aborts on `outer` or after `ms`, and settles as soon as that
 * signal aborts, even if the backend ignores it: a backend that hangs never leaves a widget
 * waiting. A timeout becomes a `network` error, an abort an `aborted` one.
 */
export async function withTimeout<T>(ms: number, outer: AbortSignal | undefined, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = AbortSignal.any(outer ? [outer, AbortSignal.timeout(ms)] : [AbortSignal.timeout(ms)]);
  const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
  try {
    return await Promise.race([call(signal), aborted]);
  } catch (error) {
    throw (error as Error)?.name === 'TimeoutError'
      ? new BackendError('network', `No answer from the backend within ${ms / 1000} s.`)
      : toBackendError(error);
  }
}

export interface WriteSpec<T, R> {
  /** The state to show while the write is in flight. */
  optimistic?: (current: T | undefined) => T;
  send: (signal: AbortSignal) => Promise<R>;
  /** Checks the reply and turns it into the item's new state; throw to reject the reply. */
  commit: (reply: R) => T;
}

export class SharedItem<T> {
  private current: ItemState<T> = { status: 'idle', writing: false };
  private readonly listeners = new Set<(state: ItemState<T>) => void>();
  private reading?: { promise: Promise<void>; controller: AbortController };
  /** Bumped by every write, so a read that started before a write cannot overwrite its result. */
  private version = 0;

  constructor(private readonly read: (signal: AbortSignal) => Promise<T>) {}

  get state(): ItemState<T> {
    return this.current;
  }

  /** Listens to changes; the returned function stops listening (and aborts an unwanted read). */
  subscribe(listener: (state: ItemState<T>) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.reading?.controller.abort();
    };
  }

  /** Starts a read unless one is in flight; every caller shares it. Never rejects. */
  load(): Promise<void> {
    if (this.reading) return this.reading.promise;
    const controller = new AbortController();
    const startedAt = this.version;
    this.update({ status: 'loading', error: undefined });
    const promise = withTimeout(timeouts.read, controller.signal, this.read)
      .then(
        (data) => {
          if (this.version === startedAt) this.update({ status: 'ready', data });
          else this.update({ status: 'ready' });
        },
        (error: BackendError) => {
          if (error.code === 'aborted') this.update({ status: this.current.data ? 'ready' : 'idle' });
          else this.update({ status: 'error', error });
        },
      )
      .finally(() => {
        if (this.reading?.controller === controller) this.reading = undefined;
      });
    this.reading = { promise, controller };
    return promise;
  }

  /** Sets the data directly, as a vote's reply or server-rendered figures do. */
  set(data: T): void {
    this.version += 1;
    this.update({ data });
  }

  /**
   * A write with an optimistic state: every subscriber shows `optimistic` at once, then the
   * committed reply; on failure they all roll back to what they showed before, and the error
   * is thrown to the caller (the element the reader acted on) to show and offer a retry.
   */
  async write<R>(spec: WriteSpec<T, R>): Promise<R> {
    if (this.current.writing) throw new BackendError('refused', 'A vote is already being sent.');
    const before = this.current.data;
    this.version += 1;
    this.update({ writing: true, data: spec.optimistic ? spec.optimistic(before) : before });
    try {
      const reply = await withTimeout(timeouts.write, undefined, spec.send);
      this.version += 1;
      this.update({ writing: false, data: spec.commit(reply), status: 'ready', error: undefined });
      return reply;
    } catch (error) {
      this.version += 1;
      this.update({ writing: false, data: before });
      throw toBackendError(error);
    }
  }

  private update(patch: Partial<ItemState<T>>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of [...this.listeners]) listener(this.current);
  }
}

export type ItemKind = 'rating' | 'poll' | 'shares';

/** The items of one backend. */
export class WidgetStore {
  private static readonly stores = new WeakMap<WidgetBackend, WidgetStore>();
  private readonly items = new Map<string, SharedItem<unknown>>();

  /** The page's store for `backend`: one per backend, shared by every element that uses it. */
  static for(backend: WidgetBackend): WidgetStore {
    let store = WidgetStore.stores.get(backend);
    if (!store) WidgetStore.stores.set(backend, (store = new WidgetStore(backend)));
    return store;
  }

  private constructor(readonly backend: WidgetBackend) {}

  /** The shared item `kind:id`, made on first use with `read` as its loader. */
  item<T>(kind: ItemKind, id: string, read: (backend: WidgetBackend, signal: AbortSignal) => Promise<T>): SharedItem<T> {
    const key = `${kind}:${id}`;
    let item = this.items.get(key) as SharedItem<T> | undefined;
    if (!item) {
      item = new SharedItem<T>((signal) => read(this.backend, signal));
      this.items.set(key, item as SharedItem<unknown>);
    }
    return item;
  }
}
