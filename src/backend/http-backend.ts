import {
  BackendError,
  abortable,
  refusal,
  toBackendError,
  type ErrorCode,
  type PollView,
  type ReadOptions,
  type RatingSummary,
  type RatingVoteResult,
  type ShareCounts,
  type WidgetBackend,
  type WriteContext,
} from './backend.js';
import type { ItemKind } from '../contract/items.js';
import { lazyModule } from '../internal/lazy-module.js';

export interface HttpBackendOptions {
  /**
   * Verified mode: signs the voter id for one item, `rating:ARTICLE_ID`, `poll:POLL_ID` or
   * `share:URL` (an HMAC of `voterId + "\n" + item` that the site's own backend made), so a
   * signature for one item counts on no other.
   */
  signVoter?: (voterId: string, item: string) => string | Promise<string>;
}

/** The code of votes and shares (http-writes.ts), loaded on the first one: most readers only read. */
const loadWrites = lazyModule(() => import('./http-writes.js'));

/** The server takes up to this many ids in one ratings request. */
const BATCH = 100;

/**
 * Talks to the reference server (server/, `article-widgets-server`) over its JSON API.
 * Ratings asked for in the same task go out as one request, however many elements ask.
 * Replies are passed on as the server sent them: the page store checks the shape of every
 * backend's replies (src/backend/shapes.ts), so a misfit is an `invalid-reply` error there.
 *
 * One request per call, with no timeout or retry of its own: the widgets' page store gives every
 * backend the same patience (src/internal/patience.ts: each read attempt cut at 6 s and retried
 * twice on a network failure; a vote, one attempt of up to 15 s). A script calling it directly
 * sets its own limit with the signal (`{ signal: AbortSignal.timeout(5000) }`).
 *
 * ```js
 * setDefaultBackend(new HttpBackend('https://widgets.example.org/api'));
 * ```
 */
export class HttpBackend implements WidgetBackend {
  readonly #base: string;
  /**
   * The ratings asked for in this task, and the promise of their requests, sent when it ends; the
   * requests are cut once no caller waits for them any more (each aborted its read, or gave up).
   */
  #batch?: { ids: Set<string>; sent: Promise<Map<string, Promise<unknown>>>; waiting: number; cut: AbortController };

  constructor(
    url: string,
    /** @internal */
    readonly options: HttpBackendOptions = {},
  ) {
    this.#base = url.replace(/\/+$/, '');
  }

  getRating(articleId: string, { signal }: ReadOptions = {}): Promise<RatingSummary> {
    // An id nobody waits for any more stays out of the batch.
    if (signal?.aborted) return Promise.reject(toBackendError(signal.reason));
    if (!this.#batch) {
      const ids = new Set<string>();
      const cut = new AbortController();
      const sent = new Promise((resolve) => setTimeout(resolve)).then(() => this.#sendBatch(ids, cut.signal));
      this.#batch = { ids, sent, waiting: 0, cut };
    }
    const batch = this.#batch;
    batch.ids.add(articleId);
    batch.waiting++;
    // A request left hanging would also hold up the next one for the same ratings (the browser
    // lets one request at a time fetch an address).
    const leave = () => --batch.waiting === 0 && batch.cut.abort(signal!.reason);
    signal?.addEventListener('abort', leave, { once: true });
    const reply = batch.sent.then(async (requests) => {
      const { ratings } = ((await requests.get(articleId)) ?? {}) as { ratings?: RatingSummary[] };
      const summary = Array.isArray(ratings) && ratings.find((rating) => rating?.articleId === articleId);
      if (!summary) throw new BackendError('invalid-reply', `The reply has no rating for "${articleId}".`);
      return summary;
    });
    return abortable(reply, signal).finally(() => signal?.removeEventListener('abort', leave));
  }

  rateArticle(articleId: string, rating: number, context: WriteContext): Promise<RatingVoteResult> {
    return this.#write('rating', articleId, { rating }, context) as Promise<RatingVoteResult>;
  }

  getPoll(pollId: string, { signal, voterId }: ReadOptions = {}): Promise<PollView> {
    return this.#read(`/polls/${encodeURIComponent(pollId)}`, signal, voterId ? { 'x-voter-id': voterId } : {}) as Promise<PollView>;
  }

  votePoll(pollId: string, optionIds: string[], context: WriteContext): Promise<PollView> {
    return this.#write('poll', pollId, { optionIds }, context) as Promise<PollView>;
  }

  recordShare(url: string, network: string, context: WriteContext): Promise<ShareCounts> {
    return this.#write('share', url, { url, network }, context) as Promise<ShareCounts>;
  }

  getShareCounts(url: string, { signal }: ReadOptions = {}): Promise<ShareCounts> {
    return this.#read(`/shares?url=${encodeURIComponent(url)}`, signal) as Promise<ShareCounts>;
  }

  /** Requests the batched ratings, `BATCH` ids a request, until `signal` cuts them; returns each id's request. */
  #sendBatch(ids: Set<string>, signal: AbortSignal): Map<string, Promise<unknown>> {
    this.#batch = undefined;
    const list = [...ids];
    const requests = new Map<string, Promise<unknown>>();
    for (let i = 0; i < list.length; i += BATCH) {
      const chunk = list.slice(i, i + BATCH);
      const request = this.#read(`/ratings?ids=${chunk.map(encodeURIComponent).join(',')}`, signal);
      for (const id of chunk) requests.set(id, request);
    }
    return requests;
  }

  /** A GET. */
  #read(path: string, signal?: AbortSignal, headers?: Record<string, string>): Promise<unknown> {
    return this.request(path, { headers }, signal);
  }

  /** A POST of one reader's action on item `kind:id` (http-writes.ts, loaded on the first). */
  async #write(kind: ItemKind, id: string, body: object, context: WriteContext): Promise<unknown> {
    return (await loadWrites()).post(this, kind, id, body, context);
  }

  /** One request; every failure comes out as a BackendError. @internal */
  async request(path: string, init: RequestInit, signal?: AbortSignal): Promise<unknown> {
    let reply: Response;
    let text: string;
    try {
      reply = await fetch(this.#base + path, { ...init, credentials: 'omit', signal });
      text = await reply.text();
    } catch (error) {
      // An abort is `aborted`; a timeout or an unreachable server, `network`.
      throw toBackendError(error);
    }
    let json: { error?: { code?: ErrorCode; message?: string } } | undefined;
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      // Not JSON: an invalid reply if it claims success, else the status speaks.
    }
    const { status } = reply;
    if (!reply.ok) throw refusal(status, json?.error?.message ?? `HTTP ${status}`, json?.error?.code);
    if (json === undefined) throw new BackendError('invalid-reply', 'The reply is not JSON.');
    return json;
  }
}
