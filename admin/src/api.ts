import type { PollView, RatingSummary, ResultsVisibility, ShareCounts } from '../../src/backend/backend.js';

/** A refusal or failure of the server, as its error body says it (`field` names the bad field). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Seconds to wait, from Retry-After (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiProblem';
  }
}

/** A poll as the console creates it. */
export interface NewPoll {
  id: string;
  question: string;
  options: { id: string; label: string; votes: 0 }[];
  multiple: boolean;
  maxChoices: number;
  results: ResultsVisibility;
  closesAt: string | null;
}

export interface PollPatch {
  question?: string;
  labels?: Record<string, string>;
  closed?: boolean;
  closesAt?: string | null;
}

export interface Session {
  csrfToken: string;
  expiresAt: string;
}

/**
 * The reference server's admin API, from the console served by that same server: the session
 * cookie goes along by itself; every request that changes something carries the CSRF token.
 */
export class ConsoleApi {
  private csrfToken = '';
  /** Called when the server says the session is over (signed out elsewhere, a day idle, a new token). */
  onSignedOut: () => void = () => {};

  constructor(private readonly base = '/api') {}

  async session(): Promise<Session> {
    return this.remember(await this.request<Session>('GET', '/admin/session', undefined, false));
  }

  async signIn(token: string): Promise<Session> {
    return this.remember(await this.request<Session>('POST', '/admin/session', { token }, false));
  }

  async signOut(): Promise<void> {
    await this.request('DELETE', '/admin/session', undefined, false);
    this.csrfToken = '';
  }

  async polls(): Promise<PollView[]> {
    return (await this.request<{ polls: PollView[] }>('GET', '/admin/polls')).polls;
  }

  poll(pollId: string): Promise<PollView> {
    return this.request('GET', `/admin/polls/${encodeURIComponent(pollId)}`);
  }

  createPoll(poll: NewPoll): Promise<PollView> {
    return this.request('POST', '/admin/polls', poll);
  }

  updatePoll(pollId: string, patch: PollPatch): Promise<PollView> {
    return this.request('PATCH', `/admin/polls/${encodeURIComponent(pollId)}`, patch);
  }

  closePoll(pollId: string): Promise<PollView> {
    return this.request('POST', `/admin/polls/${encodeURIComponent(pollId)}/close`);
  }

  async ratings(): Promise<RatingSummary[]> {
    return (await this.request<{ ratings: RatingSummary[] }>('GET', '/admin/ratings')).ratings;
  }

  async shares(): Promise<ShareCounts[]> {
    return (await this.request<{ shares: ShareCounts[] }>('GET', '/admin/shares')).shares;
  }

  private remember(session: Session): Session {
    this.csrfToken = session.csrfToken;
    return session;
  }

  /** @param reportSignedOut whether a 401 means the session ended (not for the session routes themselves) */
  private async request<T>(method: string, path: string, body?: unknown, reportSignedOut = true): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new ApiProblem(0, 'network', 'Could not reach the server.');
    }
    if (response.status === 204) return undefined as T;
    const data = (await response.json().catch(() => undefined)) as { error?: Record<string, unknown> } | undefined;
    if (response.ok && data !== undefined) return data as T;
    const error = data?.error ?? {};
    const problem = new ApiProblem(
      response.status,
      typeof error.code === 'string' ? error.code : `http-${response.status}`,
      typeof error.message === 'string' ? error.message : response.statusText,
      typeof error.field === 'string' ? error.field : undefined,
      Number(response.headers.get('retry-after')) || undefined,
    );
    if (problem.status === 401 && reportSignedOut) this.onSignedOut();
    throw problem;
  }
}
