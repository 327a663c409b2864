/**
 * How long the widgets wait for a backend, and how often they ask again: one policy, here, for
 * every backend. The page store applies it to each element's reads and votes; the render helpers
 * to what they fetch. A backend itself neither times out nor retries (HttpBackend sends one request
 * per call and honours the signal it is given), so no layer's retries are lost to another's
 * cut-off, and a site's own backend gets the same patience as the reference server.
 *
 * - A read: each attempt may take `read` ms. One that fails for the network's sake (no answer, the
 *   time is up, a 5xx such as 503 `storage-unavailable`) is tried again, `readRetries` times, after
 *   a pause of about `retryPause` ms, then three times that (each from half to one and a half
 *   times, so readers do not all come back to a recovering server at once). With the defaults a
 *   reader hears of a failure after at most 3 × 6 s and 1.1 s of pauses; a refusal or a reply that
 *   does not fit is final at once.
 * - A vote (any write): one attempt, of up to `write` ms. It is never sent again behind the
 *   reader's back: they see it fail, and "Try again" sends it with the same idempotency key, so it
 *   counts once. Applied by vote-sending.ts, the code that sends a vote, loaded on first use.
 *
 * The numbers are a mutable object so a test can shorten them.
 */
import { abortable, type BackendError } from '../backend/backend.js';

export const timeouts = { read: 6000, readRetries: 2, retryPause: 250, write: 15_000 };

/**
 * Runs `call` with a signal that aborts on `outer` or after `ms`, and settles as soon as that
 * signal aborts, even if the backend ignores it: a backend that hangs never leaves a widget
 * waiting. A timeout becomes a `network` error, an abort an `aborted` one.
 */
export function withTimeout<T>(ms: number, outer: AbortSignal | undefined, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = outer ? AbortSignal.any([outer, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms);
  // Called inside a promise executor, so a backend that throws fails like one that rejects.
  return abortable(new Promise<T>((resolve) => resolve(call(signal))), signal);
}

/** A read under the policy: attempts cut at `timeouts.read`, retried while the failure is the network's. */
export async function patientRead<T>(signal: AbortSignal | undefined, read: (signal: AbortSignal) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await withTimeout(timeouts.read, signal, read);
    } catch (error) {
      if ((error as BackendError).code !== 'network' || attempt >= timeouts.readRetries) throw error;
      const pause = timeouts.retryPause * 3 ** attempt * (0.5 + Math.random());
      await abortable(new Promise((resolve) => setTimeout(resolve, pause)), signal);
    }
  }
}
