/**
 * The reader's anonymous identity and memory of their own votes, kept in the site's own
 * localStorage (first-party, never a cookie). Nothing here is derived from the reader: the id is
 * random, so a server can deduplicate votes without knowing who anyone is.
 */

import { shared } from './page-registry.js';

const PREFIX = 'article-widgets:';
/**
 * Where storage is blocked (privacy settings, full quota): this page view's memory, shared by every
 * copy of article-widgets on the page so the reader keeps one voter id.
 */
const memory = shared('voterMemory', () => ({}));

function read(key: string): string | undefined {
  try {
    return localStorage.getItem(PREFIX + key) ?? memory[key];
  } catch {
    return memory[key];
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(PREFIX + key, value);
  } catch {
    memory[key] = value;
  }
}

/** A random 128-bit id. `crypto.randomUUID` exists only in secure contexts; this works on http too. */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This browser's voter id, made once and kept. */
export function voterId(): string {
  let id = read('voter-id');
  if (!id || !/^[0-9a-f]{32}$/.test(id)) write('voter-id', (id = randomId()));
  return id;
}

/** The reader's own vote on an item (`rating:ID`, `poll:ID`), as remembered by this browser. */
export function recalledVote(item: string): unknown {
  try {
    return JSON.parse(read(`vote:${item}`) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the reader's own vote on an item. */
export function rememberVote(item: string, vote: unknown): void {
  write(`vote:${item}`, JSON.stringify(vote));
}
