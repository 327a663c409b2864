/**
 * What a vote is on. A module of its own, apart from ids.ts: HttpBackend needs only this on every
 * page, while the patterns and limits of ids.ts serve the checks that load on first use (a module
 * shared with a lazy chunk is bundled whole into what a page loads up front).
 */

/** What a vote is on: an article's rating, a poll, or a shared page. */
export type ItemKind = 'rating' | 'poll' | 'share';

/**
 * The item a vote is on, as the per-item cap counts it and verified mode signs it:
 * `rating:ARTICLE_ID`, `poll:POLL_ID` or `share:URL`.
 */
export const itemKey = (kind: ItemKind, id: string): string => `${kind}:${id}`;
