import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { toBackendError, type BackendError, type WidgetBackend, type WriteContext } from '../backend/backend.js';
import { emit } from './events.js';
import { languageOf, messagesIn } from './i18n.js';
import { ItemController } from './item-controller.js';
import { lazyModule } from './lazy-module.js';
import { resolveBackend, type BackendHost } from './resolve-backend.js';
import { randomId, recalledVote, rememberVote, voterId } from './voter.js';
import type { Failure, VotedItem } from './failures.js';
import { unreachableCatalogs } from './unreachable.messages.js';

type Host = ReactiveControllerHost & HTMLElement & BackendHost;
type Failures = typeof import('./failures.js');

/** What failures.ts says, once loaded (the first failure of any widget on the page loads it). */
let failures: Failures | undefined;
/**
 * failures.ts could not load, most likely because the server is out of reach (see
 * unreachable.messages.ts): widgets say what they can without it until a retry loads it.
 */
let unloadable = false;
const importFailures = lazyModule(() => import('./failures.js'));

/** Loads failures.ts (every caller shares the import on its way); never rejects. */
function loadFailures(): Promise<void> {
  return importFailures().then(
    (module) => {
      failures = module;
      unloadable = false;
    },
    () => {
      unloadable = true;
    },
  );
}

/**
 * The code that sends a vote (vote-sending.ts), loaded on a reader's first sign of voting. A vote
 * whose code cannot load (the server that serves it is down) fails as any unreachable server's
 * does, and "Try again" loads it then.
 */
const loadSending = lazyModule(() => import('./vote-sending.js'));

/** A vote for one choice: the state shown while it is sent, the backend call, the check of its reply. */
export interface Ballot<T> {
  optimistic(current: T | undefined): T;
  send(backend: WidgetBackend, context: WriteContext): Promise<unknown>;
  commit(reply: unknown): T;
}

/** What a widget tells the controller: how to cast its choice, and what to say and fire. */
export interface VoteOptions<T, C> {
  /** What the widget votes on. */
  item: VotedItem;
  /** The part that holds a keyboard user's place when the button they pressed goes (the stars, the question). */
  home: string;
  /** The events of a counted vote and of a failed one. */
  events: { vote: string; error: string };
  ballot(choice: C): Ballot<T>;
  /** What the live region says while a vote is sent. */
  sending(): string;
  /** Once a vote is counted: what the live region says and the vote event's detail. */
  counted(data: T): { said: string; detail: object };
  /** The error event's detail, beside the failure's code, reason and message. */
  failed(choice: C): object;
}

/**
 * A reader's vote on one item, the one copy that `<article-rating>` and `<opinion-poll>` share:
 * follows the item in the page store; casts a vote (shown at once, then as the backend answers,
 * rolled back if it fails); keeps a failed vote with its idempotency key, so "Try again" sends the
 * same vote and it counts once; remembers the reader's vote on this device; says each step in the
 * widget's live region; draws the error line, in the reader's language, with "Try again" only where
 * a retry can help; reads the item again when a refusal says it changed (a poll closed, an option
 * gone); keeps a keyboard user's focus in the widget throughout; fires the vote and error events.
 *
 * `T` is what the store holds for the item (with the reader's own vote, `mine`), `C` a choice.
 */
export class VoteController<T extends { mine?: C }, C> implements ReactiveController {
  readonly item: ItemController<T>;
  /** What the live region says. */
  announcement = '';
  /** The last failed vote, kept so a retry sends it again with the same idempotency key. */
  #failedVote?: { choice: C; key: string; error: BackendError };
  #id = '';

  constructor(
    private readonly host: Host,
    private readonly options: VoteOptions<T, C>,
  ) {
    this.item = new ItemController<T>(host);
    host.addController(this);
  }

  /** Before each render: a failure to show loads the words that say it (then renders again). */
  hostUpdate(): void {
    if (this.#failure && !failures && !unloadable) void loadFailures().then(() => this.host.requestUpdate());
  }

  /**
   * Follows item `id` (see ItemController.follow), read with `read`, which is given the reader's
   * vote as this device remembers it. A new item forgets the failed vote of the last.
   */
  follow(id: string, read: (backend: WidgetBackend, signal: AbortSignal, remembered: unknown) => Promise<T>): void {
    if (id !== this.#id) {
      this.#failedVote = undefined;
      this.announcement = '';
    }
    this.#id = id;
    const key = this.#memoryKey;
    this.item.follow(this.options.item, id, (backend, signal) => read(backend, signal, recalledVote(key)));
  }

  get #memoryKey(): string {
    return `${this.options.item}:${this.#id}`;
  }

  get writing(): boolean {
    return !!this.item.state?.writing;
  }

  /**
   * A reader's sign that they are about to vote (the pointer on the stars, a key, an option ticked):
   * loads the code that sends a vote, so that it is there by the click. Never before the reader
   * acts: a page where nobody votes loads none of it.
   */
  prepare(): void {
    loadSending().catch(() => {});
  }

  /**
   * Casts the reader's `choice` (a retry passes the failed vote's `key`). Resolves to whether it
   * was counted; it never rejects.
   */
  async cast(choice: C, key = randomId()): Promise<boolean> {
    const item = this.item.current;
    const backend = resolveBackend(this.host);
    if (!item || !backend || item.state.writing) return false;
    const { host, options } = this;
    const keyboard = host.matches(':focus-within');
    const { optimistic, send, commit } = options.ballot(choice);
    this.#failedVote = undefined;
    this.say(options.sending());
    // The optimistic state renders now, before the backend answers, and before the code that
    // sends the vote has loaded if the reader gave no sign of voting before the click.
    const end = item.startWrite(optimistic);
    // The control the reader used may have given way to the results: keep their place in the widget.
    if (keyboard) void this.#refocus(() => !host.shadowRoot!.activeElement && options.home);
    let data: T;
    try {
      const { sendVote } = await loadSending();
      data = await sendVote({ end, send: (signal) => send(backend, { voterId: voterId(), idempotencyKey: key, signal }), commit });
    } catch (e) {
      // Every widget that shows the item rolls back, whether the vote failed or its code could not load.
      end();
      await this.#fail(choice, key, toBackendError(e), keyboard);
      return false;
    }
    rememberVote(this.#memoryKey, data.mine);
    const { said, detail } = options.counted(data);
    this.say(said);
    emit(host, options.events.vote, detail);
    return true;
  }

  async #fail(choice: C, key: string, error: BackendError, keyboard: boolean): Promise<void> {
    const { host, options } = this;
    await loadFailures();
    this.#failedVote = { choice, key, error };
    const failure = this.#describe(error, true)!;
    // The server's own words, for a developer (on the console once failures.ts is here).
    failures?.report(host, error, true);
    this.say(failure.text);
    emit(host, options.events.error, { ...options.failed(choice), code: error.code, ...(error.reason && { reason: error.reason }), message: error.message });
    if (failure.reload) void this.item.current?.load();
    if (keyboard) void this.#refocus(() => (failure.retry ? 'retry' : options.home));
  }

  /** Sends the failed vote again with its key (so it counts once), or reads the item again after a failed read. */
  retry(): void {
    // The retry button leaves with the error it belongs to: a keyboard user's place is the widget's home.
    if (this.host.matches(':focus-within')) this.#focus(this.options.home);
    // The server may be back: the words for what fails next may load now.
    unloadable = false;
    if (this.#failedVote) void this.cast(this.#failedVote.choice, this.#failedVote.key);
    else void this.item.current?.load();
  }

  /** The failure shown: the last failed vote's, else the last read's. */
  get #failure(): { error: BackendError; voting: boolean } | undefined {
    if (this.#failedVote) return { error: this.#failedVote.error, voting: true };
    const state = this.item.state;
    return state?.status === 'error' ? { error: state.error!, voting: false } : undefined;
  }

  /**
   * What the reader is told of a failed read (`voting` false) or vote: from failures.ts once it
   * has loaded; when it cannot load, that the server is out of reach, with "Try again" (the words
   * every bundle has); while it loads, nothing yet.
   */
  #describe(error: BackendError, voting: boolean): Failure | undefined {
    const lang = languageOf(this.host);
    if (failures) return failures.describe(error, this.options.item, voting, lang);
    if (!unloadable) return undefined;
    const strings = messagesIn(lang, unreachableCatalogs);
    return { text: voting ? strings.failureNetwork : strings.failureLoad, retry: strings.retry, reload: false };
  }

  /**
   * The error line under the widget: what failed, in the reader's language, with "Try again" where
   * a retry may help (nothing until the words that say it have loaded, see hostUpdate).
   */
  errorLine() {
    const shown = this.#failure;
    const failure = shown && this.#describe(shown.error, shown.voting);
    if (!failure) return nothing;
    return html`<p part="error" class="error">
      <span>${failure.text}</span>
      ${failure.retry ? html`<button part="retry" class="button" type="button" @click=${() => this.retry()}>${failure.retry}</button>` : nothing}
    </p>`;
  }

  /** Has the live region say `text`. */
  say(text: string): void {
    this.announcement = text;
    this.host.requestUpdate();
  }

  #focus(part: string): void {
    this.host.shadowRoot!.querySelector<HTMLElement>(`[part~="${part}"]`)?.focus();
  }

  /** Once the widget has rendered, moves the focus to the part `where` names (none: it stays). */
  async #refocus(where: () => string | false): Promise<void> {
    await this.host.updateComplete;
    const part = where();
    if (part) this.#focus(part);
  }
}
