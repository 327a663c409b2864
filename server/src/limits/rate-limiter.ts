// A rate limit per key in this process's memory: the write limit per client address, and the
// limit on wrong admin tokens. Several server processes each keep their own.

export interface RateLimiter {
  /** Counts one event of `key`: 0 when allowed, else the whole seconds until one is (a refused event is not counted). */
  hit(key: string): number;
  /** The seconds until `key` may act again, 0 if now; counts nothing. */
  retryAfter(key: string): number;
  /** How many keys are remembered. */
  size(): number;
}

/**
 * A token bucket per key, kept as one number (GCRA: the time at which the key's bucket is full
 * again): a burst of `limit`, then `limit` per `periodMs` refilled evenly. So no span of time lets
 * through more than `limit` plus that span's refill: 62 in any two seconds at 60 a minute, where a
 * fixed window lets 120 through across its edge.
 *
 * Memory is bounded and each event costs the same at any number of keys: keys live in two
 * generations, and each `periodMs` the older one is dropped whole. A key untouched for a whole
 * period has a full bucket again, so dropping it forgets nothing. Should more than `maxKeys` keys
 * arrive within one period, the generations turn early: a flood of addresses then costs those
 * addresses some of their limit, never the server its memory.
 */
export function createRateLimiter({ limit, periodMs, maxKeys = 500_000, clock = Date.now }: { limit: number; periodMs: number; maxKeys?: number; clock?: () => number }): RateLimiter {
  const interval = periodMs / limit;
  /** How far ahead of now a key's full-again time may be and still allow one more event. */
  const tolerance = periodMs - interval;
  /** key -> the time its bucket is full again */
  let current = new Map<string, number>();
  let previous = new Map<string, number>();
  let generationStart = clock();

  function turnGenerations(now: number): void {
    if (now - generationStart < periodMs && current.size < maxKeys) return;
    previous = current;
    current = new Map();
    generationStart = now;
  }

  /**
   * The time the key's bucket is full again (`now` if it is), a key of the older generation moved
   * into the current one: two lookups a call for a key in use.
   */
  function fullAt(key: string, now: number): number {
    let full = current.get(key);
    if (full === undefined) {
      full = previous.get(key);
      if (full !== undefined) {
        previous.delete(key);
        current.set(key, full);
      }
    }
    return full === undefined || full < now ? now : full;
  }

  const secondsUntil = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

  return {
    hit(key) {
      const now = clock();
      turnGenerations(now);
      const full = fullAt(key, now);
      if (full - now > tolerance) return secondsUntil(full - tolerance - now);
      current.set(key, full + interval);
      return 0;
    },
    retryAfter(key) {
      const now = clock();
      turnGenerations(now);
      const full = fullAt(key, now);
      return full - now > tolerance ? secondsUntil(full - tolerance - now) : 0;
    },
    size: () => current.size + previous.size,
  };
}
