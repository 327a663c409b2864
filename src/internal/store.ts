/**
 * The page store: one shared read and one shared state per item per backend, so every element
 * that shows the same article or poll (the rating above and below an article) shows the same
 * figures and changes together after a vote.
 */
import { BackendError, type WidgetBackend } from '../backend/backend.js';
import { shared } from './page-registry.js';
import { patientRead } from './patience.js';

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

export class SharedItem<T> {
  #current: ItemState<T> = { status: 'idle', writing: false };
  readonly #listeners = new Set<(state: ItemState<T>) => void>();
  #reading?: { done: Promise<void>; controller: AbortController };

  constructor(private readonly read: (signal: AbortSignal) => Promise<T>) {}

  get state(): ItemState<T> {
    return this.#current;
  }

  /** Listens to changes; the returned function stops listening (and aborts an unwanted read). */
  subscribe(listener: (state: ItemState<T>) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
      if (!this.#listeners.size) this.#reading?.controller.abort();
    };
  }

  /** Starts a read unless one is in flight; every caller shares it. Never rejects. Its patience: patience.ts. */
  load(): Promise<void> {
    if (this.#reading) return this.#reading.done;
    const controller = new AbortController();
    const shown = this.#current.data;
    this.#update({ status: 'loading', error: undefined });
    const done = patientRead(controller.signal, this.read).then(
      (data) => {
        this.#reading = undefined;
        // A vote (or figures set directly) since the read began is newer than the read: keep it.
        this.#update({ status: 'ready', data: this.#current.data === shown && !this.#current.writing ? data : this.#current.data });
      },
      (error: BackendError) => {
        this.#reading = undefined;
        // Aborted as its last subscriber left; one is back (an element moved in the page) and still needs it.
        if (controller.signal.aborted && this.#listeners.size) return this.load();
        this.#update(error.code === 'aborted' ? { status: this.#current.data ? 'ready' : 'idle' } : { status: 'error', error });
      },
    );
    this.#reading = { done, controller };
    return done;
  }

  /** Sets the data directly, as a vote's reply or server-rendered figures do. */
  set(data: T): void {
    this.#update({ data });
  }

  /**
   * Begins a write with an optimistic state: every subscriber shows `optimistic` at once. The write
   * ends with the returned function: given the committed data, every subscriber shows it; given
   * nothing (the write failed), they all roll back to what they showed before. What sends the
   * write loads on first use (vote-sending.ts): the optimistic state is painted before it is here.
   * One write at a time: the caller begins none while `writing` (VoteController.cast).
   */
  startWrite(optimistic: (current: T | undefined) => T): (committed?: T) => void {
    const before = this.#current.data;
    this.#update({ writing: true, data: optimistic(before) });
    return (committed) => this.#update(committed === undefined ? { writing: false, data: before } : { writing: false, data: committed, status: 'ready', error: undefined });
  }

  #update(patch: Partial<ItemState<T>>): void {
    this.#current = { ...this.#current, ...patch };
    this.#listeners.forEach((listener) => listener(this.#current));
  }
}

export type ItemKind = 'rating' | 'poll' | 'shares';

// In the page registry: elements of every copy of article-widgets on the page share one store per backend.
const stores = shared('stores', () => new WeakMap()) as WeakMap<WidgetBackend, WidgetStore>;

/** The items of one backend. */
export class WidgetStore {
  readonly #items = new Map<string, object>();

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
    let item = this.#items.get(key) as SharedItem<T> | undefined;
    if (!item) this.#items.set(key, (item = new SharedItem<T>((signal) => read(this.backend, signal))));
    return item;
  }
}
