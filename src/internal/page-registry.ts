/**
 * What every copy of article-widgets on a page shares. A theme may load one copy of the bundle and
 * a plugin another (perhaps another version); the page's setup must reach every element whichever
 * copy made it: the default backend, the site's strings, one store per backend, one HTTP backend
 * per API URL, the site's share networks and the reader's voter id where storage is blocked.
 *
 * It lives on `globalThis` under `Symbol.for('article-widgets')`. Each field is made by the first
 * copy that needs it and used as it is by every other, so an older copy and a newer one each find
 * what they need, whichever loads first. The rule that keeps that true: a field, once published,
 * keeps its name and meaning (a store's methods included); a copy that needs another meaning adds
 * a field under a new name and raises `version`, which says the newest shape on the page.
 */
import type { WidgetBackend } from '../backend/backend.js';

/** The shape this copy knows. */
const VERSION = 1;

export interface PageRegistry {
  version: number;
  /** The backend set by `setDefaultBackend()`, and who to tell when it changes. */
  defaultBackend: { current?: WidgetBackend; listeners: Set<() => void> };
  /** The site's strings by lowercase language tag (`registerLocale()`), and who to tell. */
  locales: { overrides: Map<string, Record<string, unknown>>; listeners: Set<() => void> };
  /** The page store of each backend (a `WidgetStore`: its `item()` and its items are shape 1). */
  stores: WeakMap<WidgetBackend, object>;
  /** One HTTP backend per API URL (an `api` attribute, the page's meta tag). */
  backendsByApi: Map<string, WidgetBackend>;
  /** The share networks by name (built in, and `registerNetwork()`), and who to tell. */
  networks: { byName: Map<string, object>; listeners: Set<() => void> };
  /** What the reader's browser would keep in localStorage, where storage is blocked. */
  voterMemory: Record<string, string>;
}

const KEY = Symbol.for('article-widgets');
const global = globalThis as unknown as Record<symbol, Partial<PageRegistry> | undefined>;
const registry = (global[KEY] ??= {});
registry.version = Math.max(registry.version ?? 0, VERSION);

/**
 * The page's field `name`, shared with every other copy of article-widgets on the page: made by
 * `make` if no copy has made it yet. Each module asks for its own fields only, so a page that uses
 * one element carries none of the others' bookkeeping.
 */
export function shared<K extends Exclude<keyof PageRegistry, 'version'>>(name: K, make: () => PageRegistry[K]): PageRegistry[K] {
  return (registry[name] ??= make());
}
