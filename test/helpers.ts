/**
 * What the browser tests share: the seed page's figures (test/fixtures/seed-page.json, a copy of
 * the real page's widgets), the demo data built from them, and a backend whose failures and
 * delays a test can script on top of the real MemoryBackend.
 */
import { BackendError, type BackendErrorCode, type ErrorCode } from '../src/backend/backend.js';
import { MemoryBackend, type MemoryBackendOptions } from '../src/backend/memory-backend.js';
import { timeouts } from '../src/internal/patience.js';
import type { WidgetData } from '../src/backend/shapes.js';
import seedPage from './fixtures/seed-page.json';
import demoData from '../demo/data/widgets.json';

export const seed = seedPage;
export const widgetData = demoData as WidgetData;
/** The article of the seed page, as the demo data names it. */
export const SEED_ARTICLE = 'us-long-term-goals-for-russia';
export const SEED_POLL = 'us-long-term-goals-for-russia';

type Method = 'getRating' | 'rateArticle' | 'getPoll' | 'votePoll' | 'recordShare' | 'getShareCounts';

/**
 * The real MemoryBackend, with a script of what goes wrong: `failNext('rateArticle', 'network')`
 * makes the next such call fail, `hold('getRating')` keeps calls waiting until released, and
 * `calls` counts every call by method.
 */
export class ScriptedBackend extends MemoryBackend {
  readonly calls: Record<string, number> = {};
  readonly signals: AbortSignal[] = [];
  private failures: Partial<Record<Method, BackendError[]>> = {};
  private held: Partial<Record<Method, Promise<void>>> = {};
  private replies: Partial<Record<Method, unknown[]>> = {};
  private lostReplies: Partial<Record<Method, number>> = {};

  constructor(data: unknown = widgetData, options?: MemoryBackendOptions) {
    super(data, options);
    for (const method of ['getRating', 'rateArticle', 'getPoll', 'votePoll', 'recordShare', 'getShareCounts'] as Method[]) {
      const real = (this as unknown as Record<Method, (...args: unknown[]) => Promise<unknown>>)[method].bind(this);
      (this as unknown as Record<Method, unknown>)[method] = async (...args: unknown[]) => {
        this.calls[method] = (this.calls[method] ?? 0) + 1;
        const options = args[args.length - 1] as { signal?: AbortSignal } | undefined;
        if (options?.signal) this.signals.push(options.signal);
        await this.held[method];
        const failure = this.failures[method]?.shift();
        if (failure) throw failure;
        const reply = this.replies[method]?.shift();
        if (reply !== undefined) return reply;
        const result = await real(...args);
        if (this.lostReplies[method]) {
          this.lostReplies[method] -= 1;
          throw new BackendError('network', 'scripted lost reply: the write was done, its answer never arrived');
        }
        return result;
      };
    }
  }

  /** The next call of `method` fails with `code` (and `reason`, the contract's code, as a server gives it). */
  failNext(method: Method, code: BackendErrorCode = 'network', message = `scripted ${code} failure`, reason?: ErrorCode): this {
    (this.failures[method] ??= []).push(new BackendError(code, message, { reason }));
    return this;
  }

  /** The next call of `method` is carried out, but its reply is lost on the way (a network error). */
  loseNextReply(method: Method): this {
    this.lostReplies[method] = (this.lostReplies[method] ?? 0) + 1;
    return this;
  }

  /** The next call of `method` answers `reply` as it is (to test replies of the wrong shape). */
  replyNext(method: Method, reply: unknown): this {
    (this.replies[method] ??= []).push(reply);
    return this;
  }

  /** Holds every call of `method` until the returned function is called. */
  hold(method: Method): () => void {
    let release!: () => void;
    this.held[method] = new Promise<void>((resolve) => (release = resolve));
    return () => {
      delete this.held[method];
      release();
    };
  }
}

/**
 * Collects the events of every type in `types` fired on (or bubbling through) `target`, in the
 * order they come, in one array that keeps filling (a copy of it would stay as it was).
 */
export function recordEvents<T = unknown>(target: EventTarget, ...types: [string, ...string[]]): CustomEvent<T>[] {
  const events: CustomEvent<T>[] = [];
  for (const type of types) target.addEventListener(type, (event) => events.push(event as CustomEvent<T>));
  return events;
}

/** Waits until `condition` holds (or its promise settles to true), polling each animation frame (fails after `timeout` ms). */
export async function until(condition: () => unknown, message = 'condition', timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

type Said = { info: string[]; warn: string[]; error: string[] };

/** Captures console.info / warn / error calls while `run` runs; `run` sees them as they come. */
export async function captureConsole(run: (seen: Said) => unknown): Promise<Said> {
  const seen: Said = { info: [], warn: [], error: [] };
  const { info, warn, error } = console;
  console.info = (...args: unknown[]) => seen.info.push(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => seen.warn.push(args.map(String).join(' '));
  console.error = (...args: unknown[]) => seen.error.push(args.map(String).join(' '));
  try {
    await run(seen);
  } finally {
    Object.assign(console, { info, warn, error });
  }
  return seen;
}

/** The text of a shadow root, whitespace collapsed. */
export function shadowText(element: Element, selector = ''): string {
  const root = element.shadowRoot!;
  const node = selector ? root.querySelector(selector) : root;
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Resets what a reader's browser remembers between tests. */
export function forgetReader(): void {
  localStorage.clear();
}

/** Runs `run` with the widgets' patience (src/internal/patience.ts) changed as `changes` says, then puts it back. */
export async function withPatience(changes: Partial<typeof timeouts>, run: () => unknown): Promise<void> {
  const saved = { ...timeouts };
  Object.assign(timeouts, changes);
  try {
    await run();
  } finally {
    Object.assign(timeouts, saved);
  }
}
