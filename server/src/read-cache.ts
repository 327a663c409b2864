// The aggregate replies of hot items, kept in this process's memory as the JSON the API sends and
// its ETag, so a read of a hot item neither asks the database nor serialises nor hashes anything.
// Whatever the storage (SQLite or a database shared by many processes), an entry is:
// - dropped by this process's writes to its item (the write's reply is sent after the drop), so a
//   reader of this process never sees its figures older than a write this process acknowledged;
// - kept at most `maxAgeMs` (and never past a time the loader names, as a poll's closing), which
//   bounds how stale it may be after another process's writes.
// A load that was under way when its item's entry was dropped is not kept: it may have read the
// figures before the write. Concurrent misses of one item share one load.
// A reply made of several items' (a batch read) is kept too, as the very entries it was made of:
// it serves only while each of them is still the item's entry and fresh, so it is never staler
// than they are, and a hit costs a lookup per item instead of building and hashing the reply.
import { createHash } from 'node:crypto';

/** The Content-Type of the replies the cache holds. */
export const JSON_TYPE = 'application/json; charset=utf-8';

/** A reply as the API sends it: the JSON and its ETag (the same in every process for the same JSON). */
export interface CachedReply {
  json: string;
  etag: string;
}

/** What a loader gives: the reply's JSON and, optionally, a time after which it must not be served. */
export interface Loaded {
  json: string;
  notAfter?: number;
}

interface Entry extends CachedReply {
  expires: number;
}

/** A reply made of items' entries: valid while every one of `parts` is its key's entry still. */
interface Combined extends Entry {
  parts: [key: string, entry: Entry][];
}

export interface ReadCacheOptions {
  /** How long an entry may serve, in ms; 0 keeps nothing (every read asks the storage). */
  maxAgeMs: number;
  /** The most entries held; the oldest go first. */
  maxEntries?: number;
  /** The most combined replies held (their keys are the client's choice); the oldest go first. */
  maxCombined?: number;
  clock?: () => number;
}

/** The ETag of a JSON reply: 160 bits of its SHA-256, so every process gives the same JSON the same tag. */
export const etagOf = (json: string): string => `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;

/** Whether an If-None-Match header names `etag` (weak or strong: a GET compares weakly). */
export const namesEtag = (ifNoneMatch: string | undefined, etag: string): boolean =>
  ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);

export function readCache({ maxAgeMs, maxEntries = 10_000, maxCombined = 1000, clock = Date.now }: ReadCacheOptions) {
  const entries = new Map<string, Entry>();
  const combined = new Map<string, Combined>();
  /** Loads under way, by key; a drop removes the key, and a load keeps its result only if still here. */
  const loading = new Map<string, Promise<Entry>>();

  function fresh(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry && entry.expires > clock()) return entry;
    return undefined;
  }

  /** A combined reply of `key` while it serves: fresh, and each of its parts still its item's entry. */
  function freshCombined(key: string): Combined | undefined {
    const known = combined.get(key);
    if (known && known.expires > clock() && known.parts.every(([item, entry]) => entries.get(item) === entry)) return known;
    return undefined;
  }

  /** Puts `entry` under `key` as the newest of `map`, dropping the oldest past `max`. */
  function insert<T>(map: Map<string, T>, key: string, entry: T, max: number): void {
    map.delete(key); // re-inserted last: Map order is then the order of filling, oldest first
    map.set(key, entry);
    if (map.size > max) map.delete(map.keys().next().value!);
  }

  function keep(key: string, loaded: Loaded, load: Promise<Entry>): Entry {
    const etag = etagOf(loaded.json);
    // Dropped meanwhile: served to those who asked, kept nowhere (and stale at once for a combined reply).
    if (loading.get(key) !== load) return { json: loaded.json, etag, expires: -Infinity };
    loading.delete(key);
    const entry = { json: loaded.json, etag, expires: Math.min(clock() + maxAgeMs, loaded.notAfter ?? Infinity) };
    insert(entries, key, entry, maxEntries);
    return entry;
  }

  /** Starts one load shared by `keys`; each key's reply is kept unless it was dropped meanwhile. */
  function startLoad(keys: string[], load: () => Promise<Loaded[]>): Promise<Entry>[] {
    const loaded = load();
    return keys.map((key, i) => {
      const reply: Promise<Entry> = loaded.then(
        (all) => keep(key, all[i], reply),
        (error: unknown) => {
          if (loading.get(key) === reply) loading.delete(key);
          throw error;
        },
      );
      loading.set(key, reply);
      return reply;
    });
  }

  /**
   * The replies of `keys`, in order: those in memory, and the others from one `loadMissing` call
   * given the missing keys' indexes and answering in their order.
   */
  async function getMany(keys: string[], loadMissing: (missing: number[]) => Promise<Loaded[]>): Promise<Entry[]> {
    if (maxAgeMs <= 0) return (await loadMissing(keys.map((_, i) => i))).map(({ json }) => ({ json, etag: etagOf(json), expires: -Infinity }));
    const known = keys.map((key) => fresh(key) ?? loading.get(key));
    const missing = keys.flatMap((_, i) => (known[i] === undefined ? [i] : []));
    const loads = missing.length > 0 ? startLoad(missing.map((i) => keys[i]), () => loadMissing(missing)) : [];
    let loaded = 0; // the missing keys come in order: each takes the next load
    return Promise.all(known.map(async (reply) => reply ?? loads[loaded++]));
  }

  return {
    /** The reply of `key`: from memory while fresh, else from `load` (shared with concurrent misses). */
    async get(key: string, load: () => Promise<Loaded>): Promise<CachedReply> {
      if (maxAgeMs <= 0) {
        const { json } = await load();
        return { json, etag: etagOf(json) };
      }
      return fresh(key) ?? loading.get(key) ?? startLoad([key], async () => [await load()])[0];
    },

    getMany,

    /**
     * A reply made by `join` of the replies of several items (as getMany gives them), kept under
     * `key` while each of them is its item's entry still, and fresh: a hit looks each item up, and
     * neither joins nor hashes. `items` (the items' keys, and their loader for getMany) runs only on
     * a miss.
     */
    async getCombined(
      key: string,
      join: (jsons: string[]) => string,
      items: () => { keys: string[]; loadMissing: (missing: number[]) => Promise<Loaded[]> },
    ): Promise<CachedReply> {
      const known = freshCombined(key);
      if (known) return known;
      const { keys, loadMissing } = items();
      const parts = await getMany(keys, loadMissing);
      const json = join(parts.map((part) => part.json));
      const reply: Combined = {
        json,
        etag: etagOf(json),
        expires: Math.min(...parts.map((part) => part.expires)),
        parts: keys.map((item, i) => [item, parts[i]]),
      };
      if (maxAgeMs > 0) insert(combined, key, reply, maxCombined);
      return reply;
    },

    /** The reply of `key` if it is in memory and fresh, without loading anything. */
    peek: (key: string): CachedReply | undefined => fresh(key),

    /** The combined reply of `key` if getCombined would answer it from memory, without loading anything. */
    peekCombined: (key: string): CachedReply | undefined => freshCombined(key),

    /** Drops `key`, and any load of it under way: the next read asks the storage. */
    drop(key: string): void {
      entries.delete(key);
      loading.delete(key);
    },

    /** Drops everything (after an import, which may change any item). */
    clear(): void {
      entries.clear();
      combined.clear();
      loading.clear();
    },
  };
}

export type ReadCache = ReturnType<typeof readCache>;
