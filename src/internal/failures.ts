/**
 * What a reader is told when a read or a vote fails, in their language, from the stable code the
 * failure carries (`BackendError.reason`, the contract's `ErrorCode`, else its kind): never the
 * server's own message, which is English and for developers (the console has it). Whether "Try
 * again" can help, and whether the item must be read again (it changed under the reader), go with
 * each. Loaded by the vote controller only once something has failed.
 */
import type { BackendError, ErrorCode } from '../backend/backend.js';
import { messagesIn } from './i18n.js';
import { failureCatalogs, type FailureStrings } from './failures.messages.js';
import { unreachableCatalogs } from './unreachable.messages.js';

type Said = Exclude<keyof FailureStrings, 'retry'>;

interface Verdict {
  said: Said;
  /** A second try may succeed (the same vote, with the same idempotency key). */
  retry?: true;
  /** The item changed under the reader: read it again, so they see what they can vote for now. */
  reload?: true;
}

/** The vote refusals a reader can meet, by code. Any other refusal is `failureRefused`, with no retry. */
const refusals: Partial<Record<ErrorCode, Verdict>> = {
  'already-voted': { said: 'failureAlreadyVoted', reload: true },
  'poll-closed': { said: 'failurePollClosed', reload: true },
  'too-many-choices': { said: 'failureTooManyChoices', reload: true },
  'unknown-option': { said: 'failureUnknownOption', reload: true },
  'rate-limited': { said: 'failureRateLimited', retry: true },
  'item-limit': { said: 'failureItemLimit' },
  unverified: { said: 'failureUnverified' },
  'origin-not-allowed': { said: 'failureOrigin' },
  // The server's own failures (5xx): it answered, but did not count the vote.
  internal: { said: 'failureServer', retry: true },
  'storage-unavailable': { said: 'failureServer', retry: true },
};

/** The item a widget votes on, as its "does not exist" says it. */
export type VotedItem = 'rating' | 'poll';

/** How a failure of a read (`voting` false) or a vote on `item` reads for a reader. */
function verdict(error: BackendError, item: VotedItem, voting: boolean): Verdict {
  // A site's own backend may give the kind alone.
  const reason = error.reason ?? (error.code === 'item-limit' || error.code === 'not-found' ? error.code : undefined);
  if (error.code === 'invalid-reply') return { said: 'failureInvalidReply', retry: true };
  if (reason === 'not-found' || reason === 'unknown-poll') return { said: item === 'poll' ? 'failureNoPoll' : 'failureNoArticle' };
  if (!voting) return { said: 'failureLoad', retry: true };
  return (reason && refusals[reason]) || (error.code === 'network' ? { said: 'failureNetwork', retry: true } : { said: 'failureRefused' });
}

export interface Failure {
  /** What the reader is told, in their language. */
  text: string;
  /** The retry button's text, where a retry may help. */
  retry?: string;
  /** Whether the item must be read again. */
  reload: boolean;
}

/** A failure of a read (`voting` false) or a vote on `item`, for a reader of `lang`. */
export function describe(error: BackendError, item: VotedItem, voting: boolean, lang: string): Failure {
  // The unreachable words come with the element's own strings (see failures.messages.ts).
  const strings = { ...messagesIn(lang, failureCatalogs), ...messagesIn(lang, unreachableCatalogs) };
  const { said, retry, reload } = verdict(error, item, voting);
  return { text: strings[said], retry: retry && strings.retry, reload: !!reload };
}

/** The failure as a developer reads it on the console: the server's own code and message. */
export function report(host: Element, error: BackendError, voting: boolean): void {
  console.info(`article-widgets: <${host.localName}> ${voting ? 'vote' : 'read'} failed: ${error.code}${error.reason ? ` (${error.reason})` : ''}: ${error.message}`, host);
}
