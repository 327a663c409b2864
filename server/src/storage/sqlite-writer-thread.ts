// The writer thread of a SQLite database's votes (see sqlite-writer.ts): the same storage code on a
// connection of its own, group-committing the votes it is sent. Each vote goes by the time it was
// asked for on the server's side (a poll's closing, the day of the per-item cap), not by when this
// thread gets to it.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteStorage } from './sqlite.js';
import { crossing, type WriteOutcome, type WriteRequest, type WriterData } from './sqlite-writer.js';

const { path, ratingChange } = workerData as WriterData;
const clock = { at: 0 };
const storage = openSqliteStorage(path, { ratingChange, now: () => new Date(clock.at), writer: 'this-thread' });
const port = parentPort!;

port.on('message', (message: WriteRequest[] | 'close') => {
  if (message === 'close') {
    // Every batch sent before this one has been read: commit what is queued, then stop.
    void storage.close().then(() => port.close());
    return;
  }
  const outcomes = message.map(({ id, kind, vote, at }): Promise<WriteOutcome> => {
    clock.at = at; // read by the write as it is queued
    return (storage[kind] as (vote: WriteRequest['vote']) => Promise<unknown>)(vote).then(
      (reply) => ({ id, reply }),
      (error: unknown) => ({ id, error: crossing(error) }),
    );
  });
  void Promise.all(outcomes).then((settled) => port.postMessage(settled));
});
