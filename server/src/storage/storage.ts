// The storage interface: the narrow seam each database implements (sqlite.ts, postgres/postgres.ts).
// Every method is async, so a networked database fits; every write takes a receipt and must store
// it in the same transaction as the vote and its counters. Voter ids arrive already hashed. The
// rules a storage applies are the contract's (src/contract/rules.ts and voting.ts), whatever it
// keeps votes in; the shapes it answers with are the contract's too.
import type { RatingChange } from '../../../src/contract/voting.js';
import type { CheckedWidgetData, CountedPoll, PollData, PollView, RatingSummary, RatingVoteResult, ShareCounts } from '../../../src/contract/types.js';

export type { CountedPoll, PollView, RatingSummary, RatingVoteResult, ShareCounts };

/** A write's receipt: `key` identifies the write (hash of voter + Idempotency-Key), `fingerprint` the request. */
export interface WriteReceipt {
  key: string;
  fingerprint: string;
}

/**
 * The per-item cap of a write: at most `limit` new votes per item from the address hashed as `key`
 * on the UTC `day`. A new vote past it throws a 429 `item-limit` ApiError and rolls back; a replay,
 * a duplicate or a changed vote counts nothing. No quota (or limit 0): no cap.
 */
export interface AddressQuota {
  key: string;
  day: string;
  limit: number;
}

/** What every write carries beside its own values. */
export interface WriteOf {
  /** The voter id, hashed. */
  voter: string;
  receipt: WriteReceipt;
  quota?: AddressQuota;
}

/** A write's reply, and whether it was the first reply again (a retry). */
export interface Written<T> {
  reply: T;
  replayed: boolean;
}

/** A poll as created or imported: option votes and voters are the imported aggregate. */
export type PollInput = PollData & { allowChange: boolean };

/** What an editor may change of a poll. */
export interface PollPatch {
  question?: string;
  results?: PollData['results'];
  closesAt?: string | null;
  closed?: boolean;
  allowChange?: boolean;
  multiple?: boolean;
  maxChoices?: number;
  /** New labels by option id. */
  labels?: Record<string, string>;
}

export interface StoredSession {
  csrfToken: string;
  tokenTag: string;
  expiresAt: number;
}

/** The editors' console sessions, keyed by a hash of the cookie's id. */
export interface SessionStore {
  create(session: StoredSession & { idHash: string }): Promise<void>;
  find(idHash: string): Promise<StoredSession | undefined>;
  extend(idHash: string, expiresAt: number): Promise<void>;
  end(idHash: string): Promise<void>;
  /** Removes the sessions expired at `now`; returns how many. */
  prune(now: number): Promise<number>;
}

export interface StorageOptions {
  /** A second rating by one reader: replaced (default) or refused. */
  ratingChange?: RatingChange;
  /** The clock of poll closing. */
  now?: () => Date;
  /** PostgreSQL: the connections the pool keeps at most (POOL_SIZE unless told). */
  poolSize?: number;
}

export interface Storage {
  /** A per-database secret for hashing voter ids. */
  pepper: string;
  health(): Promise<boolean>;
  getRating(articleId: string): Promise<RatingSummary>;
  getRatings(articleIds: string[]): Promise<RatingSummary[]>;
  rate(vote: WriteOf & { articleId: string; rating: number }): Promise<Written<RatingVoteResult>>;
  /** The poll as this (hashed) voter sees it; throws a 404 `unknown-poll` ApiError. */
  getPoll(pollId: string, voter?: string): Promise<PollView>;
  votePoll(vote: WriteOf & { pollId: string; optionIds: string[] }): Promise<Written<PollView>>;
  getShares(url: string): Promise<ShareCounts>;
  /** Counts one share per voter, network and URL. */
  recordShare(share: WriteOf & { url: string; network: string }): Promise<Written<ShareCounts>>;
  createPoll(poll: PollInput): Promise<PollView>;
  updatePoll(pollId: string, patch: PollPatch): Promise<PollView>;
  /** Sets imported aggregates and poll definitions; readers' votes are kept; idempotent. */
  importData(data: CheckedWidgetData): Promise<{ ratings: number; polls: number }>;
  /** Every poll with all its counts, newest first. */
  adminPolls(): Promise<CountedPoll[]>;
  /** One poll with all its counts; throws a 404 ApiError. */
  adminPoll(pollId: string): Promise<CountedPoll>;
  /** Every article with at least one vote, by id. */
  ratedArticles(): Promise<RatingSummary[]>;
  /** Every shared URL, most shared first. */
  allShares(): Promise<ShareCounts[]>;
  /** The editors' console sessions. */
  sessions: SessionStore;
  /**
   * The salt client addresses are hashed under on the UTC `day` (YYYY-MM-DD), the same for every
   * process on the database; the first ask of a day makes it and deletes earlier days' salts and
   * per-item counts.
   */
  addressSalt(day: string): Promise<string>;
  /** Deletes the receipts older than `olderThanMs`; returns how many. */
  pruneReceipts(olderThanMs: number): Promise<number>;
  close(): Promise<void>;
}
