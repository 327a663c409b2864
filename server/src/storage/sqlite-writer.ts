// The votes of a SQLite database are written by a thread of their own (sqlite-writer-thread.ts),
// with a connection of its own, so the server's event loop never waits on a commit's fsync: while
// the writer commits one batch, the server parses, checks and reads for the next. The writer
// group-commits (sqlite-group-commit.ts) whatever it is sent together; this side sends, once per
// turn of the event loop, every vote asked for in that turn, each with the time it was asked at.
// A vote is acknowledged (its promise resolved) only once the writer's commit returned.
import { Worker } from 'node:worker_threads';
import { ApiError, type ErrorCode } from '../../../src/contract/errors.js';
import type { Storage, StorageOptions } from './storage.js';

/** The writes the writer thread makes: the votes. */
export type VoteWriter = Pick<Storage, 'rate' | 'votePoll' | 'recordShare'>;
export type VoteKind = keyof VoteWriter;

/** One vote sent to the writer: which write, its values, and the time it was asked for (ms). */
export interface WriteRequest {
  id: number;
  kind: VoteKind;
  vote: Parameters<VoteWriter[VoteKind]>[0];
  at: number;
}

/** A write's outcome as it crosses back: its reply, or its error in a form that survives the crossing. */
export type WriteOutcome = { id: number; reply: unknown } | { id: number; error: CrossingError };
export type CrossingError =
  | { api: { status: number; code: ErrorCode; message: string; field?: string; retryAfter?: number } }
  | { message: string; code?: string };

export interface WriterData {
  path: string;
  ratingChange: StorageOptions['ratingChange'];
}

/** An error as it can cross to another thread (an ApiError keeps its status, code, field and Retry-After). */
export function crossing(error: unknown): CrossingError {
  if (error instanceof ApiError) {
    return { api: { status: error.status, code: error.code, message: error.message, field: error.field, retryAfter: error.retryAfter } };
  }
  return { message: error instanceof Error ? error.message : String(error), code: (error as { code?: string } | null)?.code };
}

function rebuilt(error: CrossingError): Error {
  if ('api' in error) {
    const { status, code, message, field, retryAfter } = error.api;
    return Object.assign(new ApiError(status, code, message, field), retryAfter === undefined ? {} : { retryAfter });
  }
  return Object.assign(new Error(`The vote writer failed: ${error.message}`), { code: error.code });
}

interface Waiting {
  resolve: (reply: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The votes of the database at `path`, written by a writer thread. `close()` lets it commit what it
 * was sent and stops it.
 */
export function sqliteVoteWriter(path: string, { ratingChange, now }: Required<Pick<StorageOptions, 'now'>> & StorageOptions): VoteWriter & { close(): Promise<void> } {
  const waiting = new Map<number, Waiting>();
  let queue: WriteRequest[] = [];
  let nextId = 0;
  let worker: Worker | undefined;
  let closing = false;

  function start(): Worker {
    const data: WriterData = { path, ratingChange };
    const thread = new Worker(new URL('./sqlite-writer-thread.js', import.meta.url), { workerData: data });
    thread.on('message', (outcomes: WriteOutcome[]) => {
      for (const outcome of outcomes) {
        const write = waiting.get(outcome.id);
        waiting.delete(outcome.id);
        if ('error' in outcome) write?.reject(rebuilt(outcome.error));
        else write?.resolve(outcome.reply);
      }
      // Idle, the thread keeps nothing alive: a process that is done may exit.
      if (waiting.size === 0) thread.unref();
    });
    thread.on('error', (error) => fail(thread, error));
    thread.on('exit', (code) => fail(thread, new Error(`the vote writer stopped (exit code ${code})`)));
    return thread;
  }

  /** The thread failed or stopped: the votes it was sent are not acknowledged; the next vote starts another. */
  function fail(thread: Worker, error: Error): void {
    if (worker !== thread) return;
    worker = undefined;
    for (const write of waiting.values()) write.reject(error);
    waiting.clear();
  }

  function send(): void {
    const batch = queue;
    queue = [];
    if (closing) {
      for (const { id } of batch) waiting.get(id)?.reject(new Error('the vote writer is closed'));
      return;
    }
    worker ??= start();
    worker.ref();
    worker.postMessage(batch);
  }

  function write<T>(kind: VoteKind, vote: WriteRequest['vote']): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (reply: unknown) => void, reject });
      // setImmediate runs after the loop's I/O turn: every request parsed in it has asked for its write.
      if (queue.length === 0) setImmediate(send);
      queue.push({ id, kind, vote, at: now().getTime() });
    });
  }

  return {
    rate: (vote) => write('rate', vote),
    votePoll: (vote) => write('votePoll', vote),
    recordShare: (vote) => write('recordShare', vote),
    async close() {
      if (queue.length > 0) send();
      closing = true;
      const thread = worker;
      worker = undefined;
      if (!thread) return;
      // The thread commits what it was sent before it reads this, then closes its connection.
      thread.ref();
      const stopped = new Promise((resolve) => thread.once('exit', resolve));
      thread.postMessage('close');
      await stopped;
      for (const write of waiting.values()) write.reject(new Error('the vote writer stopped'));
      waiting.clear();
    },
  };
}
