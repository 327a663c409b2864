/**
 * The page store: one shared read and one shared state per item per backend, so every element
 * that shows the same article or poll (the rating above and below an article) shows the same
 * figures and changes together after a vote.
 */
import { BackendError, toBackendError, type WidgetBackend } from '../backend/backend.js';
import { shared } from './page-registry.js';
import { patientRead, patientWrite } from './patience.js';

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
  private reading?: { done: Promise<void>; controller: AbortController };

  constructor(private readonly read: (signal: AbortSignal) => Promise<T>) {}

  get state(): ItemState<T> {
    return this.current;
  }

  /** Listens to changes; the returned function stops listening (and aborts an unwanted read). */
  subscribe(listener: (state: ItemState<T>) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (!this.listeners.size) this.reading?.controller.abort();
    };
  }

  /** Starts a read unless one is in flight; every caller shares it. Never rejects. Its patience: patience.ts. */
  load(): Promise<void> {
    if (this.reading) return this.reading.done;
    const controller = new AbortController();
    const shown = this.current.data;
    this.update({ status: 'loading', error: undefined });
    const done = patientRead(controller.signal, this.read).then(
      (data) => {
        this.reading = undefined;
        // A vote (or figures set directly) since the read began is newer than the read: keep it.
        this.update({ status: 'ready', data: this.current.data === shown && !this.current.writing ? data : this.current.data });
      },
      (error: BackendError) => {
        this.reading = undefined;
        // Aborted as its last subscriber left; one is back (an element moved in the page) and still needs it.
        if (controller.signal.aborted && this.listeners.size) return this.load();
        this.update(error.code === 'aborted' ? { status: this.current.data ? 'ready' : 'idle' } : { status: 'error', error });
      },
    );
    this.reading = { done, controller };
    return done;
  }

  /** Sets the data directly, as a vote's reply or server-rendered figures do. */
  set(data: T): void {
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
    this.update({ writing: true, data: spec.optimistic ? spec.optimistic(before) : before });
    try {
      const reply = await patientWrite(spec.send);
      this.update({ writing: false, data: spec.commit(reply), status: 'ready', error: undefined });
      return reply;
    } catch (error) {
      this.update({ writing: false, data: before });
      throw toBackendError(error);
    }
  }

  private update(patch: Partial<ItemState<T>>): void {
    this.current = { ...this.current, ...patch };
    this.listeners.forEach((listener) => listener(this.current));
  }
}

export type ItemKind = 'rating' | 'poll' | 'shares';

// In the page registry: elements of every copy of article-widgets on the page share one store per backend.
const stores = shared('stores', () => new WeakMap()) as WeakMap<WidgetBackend, WidgetStore>;

/** The items of one backend. */
export class WidgetStore {
  private readonly items = new Map<string, object>();

  /** The page's store for `backend`: one per backend, shared by every element that uses it. */
  static for(backend: WidgetBackend): WidgetStore {
    let store = stores.get(backend);
    if (!store) stores.set(backend, (store = new WidgetStore(backend)));
    return store;
  }

  private constructor(private readonly backend: WidgetBackend) {}

  /** The shared item `kind:id`, made on first use with `read` as its loader. */
  item<T>(kind: ItemKind, id: string, read: (backend: WidgetBackend, signal: AbortSignal) => Promise<T>): SharedItem<T> {
    const key = `${kind}:${id}`;
    let item = this.items.get(key) as SharedItem<T> | undefined;
    if (!item) this.items.set(key, (item = new SharedItem<T>((signal) => read(this.backend, signal))));
    return item;
  }
}
