import {
  BackendError,
  toBackendError,
  type PollView,
  type ReadOptions,
  type RatingSummary,
  type RatingVoteResult,
  type ShareCounts,
  type WidgetBackend,
  type WriteContext,
} from './backend.js';

export interface HttpBackendOptions {
  /** Milliseconds one request may take before it counts as a `network` failure (default 8000). */
  timeout?: number;
  /** How many times a failed read is retried, with growing pauses (default 2). Writes are never
   * retried here: the caller retries them with the same idempotency key. */
  retries?: number;
  /** Verified mode: signs the voter id for the server (an HMAC the site's own backend made). */
  signVoter?: (voterId: string) => string | Promise<string>;
}

interface Waiting {
  id: string;
  resolve: (summary: RatingSummary) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
}

const aborted = () => new BackendError('aborted', 'The request was aborted.');

/** Resolves after `ms`, or rejects as aborted when `signal` fires first. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(aborted());
    }, { once: true });
  });
}

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
  private queue: Waiting[] = [];

  constructor(url: string, private readonly options: HttpBackendOptions = {}) {
    this.base = url.replace(/\/+$/, '');
  }

  getRating(articleId: string, options: ReadOptions = {}): Promise<RatingSummary> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(aborted());
    return new Promise((resolve, reject) => {
      const waiting: Waiting = { id: articleId, resolve, reject, signal };
      signal?.addEventListener('abort', () => reject(aborted()), { once: true });
      if (this.queue.push(waiting) === 1) setTimeout(() => this.flush());
    });
  }

  async rateArticle(articleId: string, rating: number, context: WriteContext): Promise<RatingVoteResult> {
    return (await this.write(`/ratings/${encodeURIComponent(articleId)}/votes`, { rating }, context)) as RatingVoteResult;
  }

  async getPoll(pollId: string, options: ReadOptions = {}): Promise<PollView> {
    const headers: Record<string, string> = options.voterId ? { 'x-voter-id': options.voterId } : {};
    return (await this.read(`/polls/${encodeURIComponent(pollId)}`, options.signal, headers)) as PollView;
  }

  async votePoll(pollId: string, optionIds: string[], context: WriteContext): Promise<PollView> {
    return (await this.write(`/polls/${encodeURIComponent(pollId)}/votes`, { optionIds }, context)) as PollView;
  }

  async recordShare(url: string, network: string, context: WriteContext): Promise<ShareCounts> {
    return (await this.write('/shares', { url, network }, context)) as ShareCounts;
  }

  async getShareCounts(url: string, options: ReadOptions = {}): Promise<ShareCounts> {
    return (await this.read(`/shares?url=${encodeURIComponent(url)}`, options.signal)) as ShareCounts;
  }

  /** Sends the ratings asked for since the last flush, 100 ids per request. */
  private flush(): void {
    const waiting = this.queue.filter((w) => !w.signal?.aborted);
    this.queue = [];
    const ids = [...new Set(waiting.map((w) => w.id))];
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      const callers = waiting.filter((w) => chunk.includes(w.id));
      this.read(`/ratings?ids=${chunk.map(encodeURIComponent).join(',')}`).then(
        (reply) => {
          const list = (reply as { ratings?: unknown }).ratings;
          if (!Array.isArray(list)) throw new BackendError('invalid-reply', 'ratings: expected an array');
          const found = new Map(list.map((r: RatingSummary) => [r?.articleId, r]));
          for (const w of callers) {
            const summary = found.get(w.id);
            if (summary) w.resolve(summary);
            else w.reject(new BackendError('invalid-reply', `The reply has no rating for "${w.id}".`));
          }
        },
      ).catch((error) => {
        for (const w of callers) w.reject(toBackendError(error));
      });
    }
  }

  /** A GET, retried with backoff while the failure is the network's (or the server's). */
  private async read(path: string, signal?: AbortSignal, headers?: Record<string, string>): Promise<unknown> {
    const retries = this.options.retries ?? 2;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.send(path, { headers }, signal);
      } catch (error) {
        const e = toBackendError(error);
        if (e.code !== 'network' || attempt >= retries) throw e;
        await pause(250 * 3 ** attempt * (0.5 + Math.random()), signal);
      }
    }
  }

  private async write(path: string, body: object, context: WriteContext): Promise<unknown> {
    const { voterId, idempotencyKey, signal } = context;
    const sign = this.options.signVoter;
    const payload = { ...body, voterId, ...(sign ? { voterSignature: await sign(voterId) } : {}) };
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(payload),
    }, signal);
  }

  /** One request with a timeout; maps every failure to a BackendError. */
  private async send(path: string, init: RequestInit, signal?: AbortSignal): Promise<unknown> {
    if (signal?.aborted) throw aborted();
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal?.addEventListener('abort', abort);
    const ms = this.options.timeout ?? 8000;
    const timer = setTimeout(abort, ms);
    try {
      let reply: Response;
      let text: string;
      try {
        reply = await fetch(this.base + path, { ...init, signal: controller.signal, credentials: 'omit' });
        text = await reply.text();
      } catch (error) {
        if (signal?.aborted) throw aborted();
        throw new BackendError('network', controller.signal.aborted ? `No answer within ${ms / 1000} s.` : 'The server cannot be reached.', { cause: error });
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON: an invalid reply if it claims success, else the status speaks
      }
      if (reply.ok) {
        if (json === undefined) throw new BackendError('invalid-reply', 'The reply is not JSON.');
        return json;
      }
      const status = reply.status;
      const message = (json as { error?: { message?: string } } | undefined)?.error?.message ?? `HTTP ${status}`;
      throw new BackendError(status === 404 ? 'not-found' : status >= 500 ? 'network' : 'refused', message);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }
}
