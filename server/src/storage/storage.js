// The storage interface: the narrow seam a second database (PostgreSQL, a later issue) implements.
// Every method is async, so a networked database fits; every write takes a receipt and must store
// it in the same transaction as the vote and its counters. Voter ids arrive already hashed.

/**
 * @typedef {{ key: string, fingerprint: string }} Receipt
 *   `key` identifies the write (hash of voter + Idempotency-Key); `fingerprint` the request body.
 * @typedef {{ articleId: string, votes: number, average: number }} RatingSummary
 * @typedef {{ summary: RatingSummary, rating: number }} RatingVoteResult
 * @typedef {{ url: string, counts: Record<string, number>, total: number }} ShareCounts
 * @typedef {Record<string, unknown>} PollView
 * @typedef {{
 *   id: string, question: string, options: { id: string, label: string, votes: number }[],
 *   multiple: boolean, maxChoices: number, results: 'always'|'after-vote'|'after-close',
 *   closesAt: string|null, closed: boolean, allowChange: boolean, voters?: number
 * }} PollInput a poll as imported: option votes and voters are the imported aggregate
 * @typedef {{
 *   question?: string, results?: 'always'|'after-vote'|'after-close', closesAt?: string|null,
 *   closed?: boolean, allowChange?: boolean, multiple?: boolean, maxChoices?: number,
 *   labels?: Record<string, string>
 * }} PollPatch
 * @typedef {{ ratings?: RatingSummary[], polls?: PollInput[] }} ImportData
 *
 * @typedef {{ csrfToken: string, tokenTag: string, expiresAt: number }} StoredSession
 * @typedef {object} SessionStore the editors' console sessions, keyed by a hash of the cookie's id
 * @property {(session: StoredSession & { idHash: string }) => Promise<void>} create
 * @property {(idHash: string) => Promise<StoredSession | undefined>} find
 * @property {(idHash: string, expiresAt: number) => Promise<void>} extend
 * @property {(idHash: string) => Promise<void>} end
 * @property {(now: number) => Promise<number>} prune removes the sessions expired at `now`
 *
 * @typedef {object} Storage
 * @property {string} pepper a per-database secret for hashing voter ids
 * @property {() => Promise<boolean>} health
 * @property {(articleId: string) => Promise<RatingSummary>} getRating
 * @property {(articleIds: string[]) => Promise<RatingSummary[]>} getRatings
 * @property {(vote: { articleId: string, voter: string, rating: number, receipt: Receipt }) => Promise<{ reply: RatingVoteResult, replayed: boolean }>} rate
 * @property {(pollId: string, voter?: string) => Promise<PollView>} getPoll throws 404 ApiError
 * @property {(vote: { pollId: string, voter: string, optionIds: string[], receipt: Receipt }) => Promise<{ reply: PollView, replayed: boolean }>} votePoll
 * @property {(url: string) => Promise<ShareCounts>} getShares
 * @property {(share: { url: string, network: string, voter: string, receipt: Receipt }) => Promise<{ reply: ShareCounts, replayed: boolean }>} recordShare
 * @property {(poll: PollInput) => Promise<PollView>} createPoll
 * @property {(pollId: string, patch: PollPatch) => Promise<PollView>} updatePoll
 * @property {(data: ImportData) => Promise<{ ratings: number, polls: number }>} importData
 *   sets imported aggregates and poll definitions; readers' votes are kept; idempotent
 * @property {() => Promise<PollView[]>} adminPolls every poll with all its counts, newest first
 * @property {(pollId: string) => Promise<PollView>} adminPoll one poll with all its counts; throws 404 ApiError
 * @property {() => Promise<RatingSummary[]>} ratedArticles every article with at least one vote, by id
 * @property {() => Promise<ShareCounts[]>} allShares every shared URL, most shared first
 * @property {SessionStore} sessions the editors' console sessions
 * @property {(olderThanMs: number) => Promise<number>} pruneReceipts
 * @property {() => Promise<void>} close
 */

export {};
