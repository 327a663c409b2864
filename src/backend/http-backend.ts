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
import { itemKey } from '../contract/ids.js';

export interface HttpBackendOptions {
  /** Milliseconds one request may take before it counts as a `network` failure (default 8000). */
  timeout?: number;
  /** How many times a failed read is retried, with growing pauses (default 2). Writes are never
   * retried here: the caller retries them with the same idempotency key. */
  retries?: number;
  /**
   * Verified mode: signs the voter id for one item, `rating:ARTICLE_ID`, `poll:POLL_ID` or
   * `share:URL` (an HMAC of `voterId + "\n" + item` that the site's own backend made), so a
   * signature for one item counts on no other.
   */
  signVoter?: (voterId: string, item: string) => string | Promise<string>;
}

/** The server takes up to this many ids in one ratings request. */
const BATCH = 100;

/**
 * Talks to the reference server (server/, `article-widgets-server`) over its JSON API.
 * Ratings asked for in the same task go out as one request, however many elements ask.
 * Replies are passed on as the server sent them: the page store checks the shape of every
 * backend's replies (src/backend/shapes.ts), so a misfit is an `invalid-reply` error there.
 *
 * ```js
 * setDefaultBackend(new HttpBackend('https://widgets.example.org/api'));
 * ```
 */
export class HttpBackend implements WidgetBackend {
  private readonly base: string;
  /** The ratings asked for in this task, and the promise of their requests, sent when it ends. */
  private batch?: { ids: Set<string>; sent: Promise<Map<string, Promise<unknown>>> };

  constructor(url: string, private readonly options: HttpBackendOptions = {}) {
    this.base = url.replace(/\/+$/, '');
  }

  getRating(articleId: string, { signal }: ReadOptions = {}): Promise<RatingSummary> {
    // An id nobody waits for any more stays out of the batch.
    if (signal?.aborted) return Promise.reject(toBackendError(signal.reason));
    if (!this.batch) {
      const ids = new Set<string>();
      const sent = new Promise((resolve) => setTimeout(resolve)).then(() => this.sendBatch(ids));
      this.batch = { ids, sent };
    }
    this.batch.ids.add(articleId);
    const reply = this.batch.sent.then(async (requests) => {
      const { ratings } = ((await requests.get(articleId)) ?? {}) as { ratings?: RatingSummary[] };
      const summary = Array.isArray(ratings) && ratings.find((rating) => rating?.articleId === articleId);
      if (!summary) throw new BackendError('invalid-reply', `The reply has no rating for "${articleId}".`);
      return summary;
    });
    return abortable(reply, signal);
  }

  rateArticle(articleId: string, rating: number, context: WriteContext): Promise<RatingVoteResult> {
    return this.write(`/ratings/${encodeURIComponent(articleId)}/votes`, { rating }, context, itemKey('rating', articleId)) as Promise<RatingVoteResult>;
  }

  getPoll(pollId: string, { signal, voterId }: ReadOptions = {}): Promise<PollView> {
    return this.read(`/polls/${encodeURIComponent(pollId)}`, signal, voterId ? { 'x-voter-id': voterId } : {}) as Promise<PollView>;
  }

  votePoll(pollId: string, optionIds: string[], context: WriteContext): Promise<PollView> {
    return this.write(`/polls/${encodeURIComponent(pollId)}/votes`, { optionIds }, context, itemKey('poll', pollId)) as Promise<PollView>;
  }

  recordShare(url: string, network: string, context: WriteContext): Promise<ShareCounts> {
    return this.write('/shares', { url, network }, context, itemKey('share', url)) as Promise<ShareCounts>;
  }

  getShareCounts(url: string, { signal }: ReadOptions = {}): Promise<ShareCounts> {
    return this.read(`/shares?url=${encodeURIComponent(url)}`, signal) as Promise<ShareCounts>;
  }

  /** Requests the batched ratings, `BATCH` ids a request; returns each id's request. */
  private sendBatch(ids: Set<string>): Map<string, Promise<unknown>> {
    this.batch = undefined;
    const list = [...ids];
    const requests = new Map<string, Promise<unknown>>();
    for (let i = 0; i < list.length; i += BATCH) {
      const chunk = list.slice(i, i + BATCH);
      const request = this.read(`/ratings?ids=${chunk.map(encodeURIComponent).join(',')}`);
      for (const id of chunk) requests.set(id, request);
    }
    return requests;
  }

  /** A GET, retried with growing pauses while the failure is the network's (or the server's). */
  private async read(path: string, signal?: AbortSignal, headers?: Record<string, string>): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.send(path, { headers }, signal);
      } catch (error) {
        if ((error as BackendError).code !== 'network' || attempt >= (this.options.retries ?? 2)) throw error;
        await abortable(new Promise((resolve) => setTimeout(resolve, 250 * 3 ** attempt * (0.5 + Math.random()))), signal);
      }
    }
  }

  /** A POST of one reader's vote on `item` (what verified mode signs with the voter id). */
  private async write(path: string, body: object, { voterId, idempotencyKey, signal }: WriteContext, item: string): Promise<unknown> {
    // Without signVoter the signature is undefined, which JSON leaves out.
    const voterSignature = await this.options.signVoter?.(voterId, item);
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify({ ...body, voterId, voterSignature }),
    }, signal);
  }

  /** One request, given up after the timeout; every failure comes out as a BackendError. */
  private async send(path: string, init: RequestInit, signal?: AbortSignal): Promise<unknown> {
    const timeout = AbortSignal.timeout(this.options.timeout ?? 8000);
    let reply: Response;
    let text: string;
    try {
      reply = await fetch(this.base + path, { ...init, credentials: 'omit', signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
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
