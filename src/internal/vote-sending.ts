/**
 * What a vote does once its optimistic state is on screen, loaded on a reader's first sign of
 * voting (see VoteController): sends it once under the write policy of patience.ts, then checks the
 * reply and commits it for every widget that shows the item.
 */
import { timeouts, withTimeout } from './patience.js';

/** A write under the policy of patience.ts: one attempt, cut at `timeouts.write`, never sent again behind the reader's back. */
function patientWrite<R>(write: (signal: AbortSignal) => Promise<R>): Promise<R> {
  return withTimeout(timeouts.write, undefined, write);
}

export interface Sending<T, R> {
  /** Ends the write begun with SharedItem.startWrite, with the committed data. */
  end: (committed: T) => void;
  send: (signal: AbortSignal) => Promise<R>;
  /** Checks the reply and turns it into the item's new state; throws to reject the reply. */
  commit: (reply: R) => T;
}

/**
 * Sends the vote and commits its reply; resolves to the item's committed state. On a failure it
 * rejects, and the caller ends the write (every widget rolls back) and says why.
 */
export async function sendVote<T, R>({ end, send, commit }: Sending<T, R>): Promise<T> {
  const data = commit(await patientWrite(send));
  end(data);
  return data;
}
