/**
 * The reader's anonymous identity and memory of their own votes, kept in the site's own
 * localStorage (first-party, never a cookie). Nothing here is derived from the reader: the id is
 * random, so a server can deduplicate votes without knowing who anyone is.
 */

const VOTER_KEY = 'article-widgets:voter-id';
const VOTES_KEY = 'article-widgets:my-votes';

/** A random 128-bit id. `crypto.randomUUID` exists only in secure contexts; this works on http too. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

let memoryVoterId: string | undefined;
const memoryVotes: Record<string, unknown> = {};

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // blocked by the reader's settings: fall back to this page view's memory
  }
}

/** This browser's voter id, made once and kept. */
export function voterId(): string {
  const store = storage();
  try {
    const saved = store?.getItem(VOTER_KEY);
    if (saved && /^[0-9a-f]{32}$/.test(saved)) return saved;
    const id = randomId();
    store?.setItem(VOTER_KEY, id);
    if (store?.getItem(VOTER_KEY) === id) return id;
  } catch {
    // quota or privacy mode: use the in-memory id below
  }
  return (memoryVoterId ??= randomId());
}

function readVotes(): Record<string, unknown> {
  try {
    const raw = storage()?.getItem(VOTES_KEY);
    if (raw === undefined) return memoryVotes;
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return memoryVotes;
  }
}

/** The reader's own vote on an item, as remembered by this browser. */
export function recalledVote(item: string): unknown {
  return readVotes()[item];
}

/** Remembers (or, with undefined, forgets) the reader's own vote on an item. */
export function rememberVote(item: string, vote: unknown): void {
  const votes = { ...readVotes() };
  if (vote === undefined) delete votes[item];
  else votes[item] = vote;
  try {
    const store = storage();
    if (!store) throw new Error('no storage');
    store.setItem(VOTES_KEY, JSON.stringify(votes));
  } catch {
    Object.assign(memoryVotes, votes); // blocked or full: remembered for this page view only
    if (vote === undefined) delete memoryVotes[item];
  }
}
