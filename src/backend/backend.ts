/**
 * The backend contract: the one seam between the widgets and the outside world.
 *
 * Elements never call `fetch`; they ask the page store, which asks a `WidgetBackend`. A site plugs
 * its own system in by writing one class that implements this interface.
 */

/** The aggregate of one article's ratings. */
export interface RatingSummary {
  articleId: string;
  /** How many readers rated the article. */
  votes: number;
  /** The mean rating, 0 when there are no votes, else 1..5. */
  average: number;
}

/** What a rating vote returns: the new aggregate and the reader's own rating as recorded. */
export interface RatingVoteResult {
  summary: RatingSummary;
  /** The stars the backend recorded for this reader (1..5). */
  rating: number;
}

/** When a poll's results are shown: always, once the reader voted, or once the poll closed. */
export type ResultsVisibility = 'always' | 'after-vote' | 'after-close';

export interface PollOption {
  id: string;
  label: string;
  /** Votes for this option; absent while the poll hides its results from this reader. */
  votes?: number;
}

/** A poll as a reader sees it. */
export interface PollView {
  id: string;
  question: string;
  options: PollOption[];
  /** Multiple choice: a reader may pick up to `maxChoices` options. */
  multiple: boolean;
  maxChoices: number;
  results: ResultsVisibility;
  /** ISO 8601 date-time at which the poll closes, or null. */
  closesAt: string | null;
  closed: boolean;
  /** Whether a reader may change a vote once cast. */
  allowChange: boolean;
  /**
   * How many readers voted: the base of the percentages of a multiple-choice poll. Absent while
   * results are hidden.
   */
  voters?: number;
  /** The option ids this reader voted for, where the backend knows them. */
  myChoices?: string[];
}

/** First-party share counts of one URL, by network name. */
export interface ShareCounts {
  url: string;
  counts: Record<string, number>;
  total: number;
}

/** Options of every read. */
export interface ReadOptions {
  /** Aborted when no element needs the answer any more, or when the read times out. */
  signal?: AbortSignal;
  /** The anonymous voter id, so a backend that knows the reader's own vote can return it. */
  voterId?: string;
}

/** What comes with every write, so the backend can deduplicate. */
export interface WriteContext {
  /** Anonymous, random, kept in the site's own localStorage: never derived from the reader. */
  voterId: string;
  /** The same for every retry of one committed action, so a retry counts once. */
  idempotencyKey: string;
  signal?: AbortSignal;
}

export interface WidgetBackend {
  getRating(articleId: string, options?: ReadOptions): Promise<RatingSummary>;
  /** Casts (or, where allowed, replaces) this voter's rating of 1..5 stars. */
  rateArticle(articleId: string, rating: number, context: WriteContext): Promise<RatingVoteResult>;
  getPoll(pollId: string, options?: ReadOptions): Promise<PollView>;
  /** Casts this voter's choice; returns the poll as the voter now sees it. */
  votePoll(pollId: string, optionIds: string[], context: WriteContext): Promise<PollView>;
  /** Records one share of `url` on `network`; returns the new counts. */
  recordShare(url: string, network: string, context: WriteContext): Promise<ShareCounts>;
  getShareCounts(url: string, options?: ReadOptions): Promise<ShareCounts>;
}

/**
 * Why a backend call failed, so an element can say the right thing:
 * - `network`: no answer (offline, server down, timed out); worth retrying.
 * - `refused`: the backend answered no (already voted, poll closed, rate limited, bad input).
 * - `item-limit`: the backend counts no more votes on this item from the reader's address today
 *   (the reference server's per-item cap: many readers behind one address, or ballot stuffing).
 * - `not-found`: the article, poll or option does not exist.
 * - `invalid-reply`: an answer that does not match the contract.
 * - `aborted`: nobody needs the answer any more; never shown to a reader.
 */
export type BackendErrorCode = 'network' | 'refused' | 'item-limit' | 'not-found' | 'invalid-reply' | 'aborted';

export class BackendError extends Error {
  override name = 'BackendError';
  constructor(
    readonly code: BackendErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Wraps anything thrown by a backend into a `BackendError`, keeping typed ones as they are: an
 * abort is `aborted`; anything else (a timeout, an unreachable server, a bug) is `network`.
 */
export function toBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  const { name, message } = (error ?? {}) as Partial<Error>;
  return new BackendError(name === 'AbortError' ? 'aborted' : 'network', message || String(error), { cause: error });
}

/**
 * Settles as `work` does, or rejects the moment `signal` aborts even if the work goes on (a backend
 * that ignores its signal, a request other callers still wait for). Errors come out typed.
 */
export function abortable<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(toBackendError(signal!.reason));
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort);
    work.then(resolve, (error) => reject(toBackendError(error))).finally(() => signal?.removeEventListener('abort', abort));
  });
}
