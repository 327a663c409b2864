/**
 * What names an item, a reader and a write, and how big anything may be: the patterns and limits
 * the server's JSON Schemas are built from and the in-browser backends check with.
 */

/** Ids of articles, polls and options: short, URL-safe, no spaces, slashes, quotes or markup. */
export const ID_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9_.:~-]{0,127}$';
/** The anonymous voter id a widget keeps in the site's localStorage. */
export const VOTER_ID_PATTERN = '^[A-Za-z0-9_-]{16,128}$';
/** The same for every retry of one action. */
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_.:-]{8,128}$';
/** A share network's name, as the share bar's `registerNetwork` takes it. */
export const NETWORK_PATTERN = '^[a-z0-9][a-z0-9-]{0,31}$';
/** A shared page: an absolute http(s) address written with the characters of a URI (RFC 3986), so encoded. */
export const SHARE_URL_PATTERN = "^https?://[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]+$";

/** A closing time: a date-time with its offset, with groups for its parts (`[+-]HH:MM` or Z). */
export const DATE_TIME_PATTERN = '^(\\d{4})-(\\d\\d)-(\\d\\d)T(\\d\\d):(\\d\\d):(\\d\\d)(?:\\.\\d+)?(?:Z|[+-](\\d\\d):(\\d\\d))$';

export const LIMITS = {
  /** Characters of an id. */
  id: 128,
  question: 1000,
  label: 500,
  /** Options of a poll (and so choices of a ballot). */
  options: 50,
  /** A trillion: any real count, and sums of 50 of them stay exact in a double and an SQLite integer. */
  count: 1e12,
  url: 2048,
  /** Ratings and polls in one widget data file or import. */
  ratings: 10_000,
  polls: 1000,
} as const;

/** The share bar's built-in networks (src/share-bar/networks.ts; a test keeps the two alike). */
export const BUILT_IN_NETWORKS = ['telegram', 'vk', 'ok', 'whatsapp', 'x', 'facebook', 'linkedin', 'bluesky', 'reddit', 'mastodon', 'email', 'copy', 'native'];

export { itemKey, type ItemKind } from './items.js';

/** What an id may be, as a problem's wording says it. */
export const ID_RULE = '1 to 128 of A-Z a-z 0-9 _ . : ~ -, not starting with . : ~ -';

/** Whether `value` is a string of at most `maxLength` characters matching `pattern`. */
export const fits = (value: unknown, pattern: string, maxLength: number = LIMITS.id): boolean =>
  typeof value === 'string' && value.length <= maxLength && new RegExp(pattern).test(value);
