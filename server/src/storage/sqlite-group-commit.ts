// Group commit for SQLite: the writes that arrive together share one transaction, so one fsync
// (synchronous=FULL) makes all of them durable, and each is acknowledged only once that commit
// returned. Durability then costs one fsync per batch instead of one per vote.
//
// A batch is every write queued while the event loop was busy: the requests parsed in one turn
// of the loop, and those that arrived while the previous batch was committing. Each write runs in
// a savepoint of its own: a write that throws (a closed poll, a reused idempotency key, the
// per-item cap, a failed constraint) rolls back alone and gets its own error, while the others of
// the batch commit as if it had never been there. Writes run in the order they were queued, each
// seeing the ones before it, exactly as if each had had a transaction of its own.
import type { Database } from 'better-sqlite3';

interface Queued {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** What happened to one write of a batch: its result, or the error it threw. */
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface GroupCommit {
  /**
   * Runs `write` (synchronous SQL) in the next batch's transaction, in a savepoint of its own.
   * Resolves with its result once the batch is committed to disk; rejects with the error it threw
   * (nothing of it written), or with the commit's error (nothing of the batch written).
   */
  run<T>(write: () => T): Promise<T>;
  /** Commits the writes queued so far now, rather than after this turn of the event loop (before closing). */
  commitQueued(): void;
}

export function groupCommit(db: Database): GroupCommit {
  let queue: Queued[] = [];

  // Nested in the batch's transaction, better-sqlite3 runs a transaction function as a savepoint:
  // released when it returns, rolled back (and the error rethrown) when it throws.
  const inSavepoint = db.transaction((write: () => unknown) => write());
  const commitBatch = db.transaction((batch: Queued[]): Outcome[] =>
    batch.map(({ write }) => {
      try {
        return { ok: true, value: inSavepoint(write) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  );

  function flush(): void {
    if (queue.length === 0) return; // committed already, by commitQueued()
    const batch = queue;
    queue = [];
    let outcomes: Outcome[];
    try {
      // IMMEDIATE: the write lock is taken first, so no other process can make the commit fail busy.
      outcomes = commitBatch.immediate(batch);
    } catch (error) {
      // The commit itself failed (a full disk, an I/O error): nothing of the batch is on disk.
      for (const queued of batch) queued.reject(error);
      return;
    }
    outcomes.forEach((outcome, i) => (outcome.ok ? batch[i].resolve(outcome.value) : batch[i].reject(outcome.error)));
  }

  return {
    run<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        // setImmediate runs after the loop's I/O turn: every request parsed in it has queued its write.
        if (queue.length === 0) setImmediate(flush);
        queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      });
    },
    commitQueued: flush,
  };
}
