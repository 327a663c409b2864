/**
 * Localisation shared by the elements. Each element owns a catalog of its strings in English and
 * Russian (so a page that uses one element ships only that element's strings); a site overrides
 * any string, or adds a language, with `registerLocale()`, without touching an element.
 *
 * This module is what every element needs: an element's strings in its reader's language. Plurals,
 * numbers and error messages are in translator.ts, which the share bar loads only once it needs them
 * (its counts, and what it says after a click).
 */
import { shared } from './page-registry.js';

/** A message that depends on a count, by Intl.PluralRules category; `other` is required. */
export type PluralMessage = { other: string } & Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>>;
/** A string with `{name}` placeholders, or plural forms taking `{count}`. */
export type Message = string | PluralMessage;
export type Catalog = Record<string, unknown>;
/** An element's strings: English complete, other languages partial (English fills the gaps). */
export type Catalogs<M extends Catalog> = { en: M } & Record<string, Partial<M>>;

/**
 * The site's strings, by lowercase language tag: they win over every element's own. Kept in the
 * page registry, so a locale registered through any copy of article-widgets reaches them all.
 */
const locales = shared('locales', () => ({ overrides: new Map(), listeners: new Set() }));
const overrides = locales.overrides as Map<string, Partial<Record<string, Message>>>;
const listeners = locales.listeners;
const notify = () => listeners.forEach((listener) => listener());

/**
 * Adds a language, or overrides some strings of one (`registerLocale('en', { ratingLabel: 'Rate
 * this story' })`). Strings not given fall back to the element's own, then English. Elements on
 * the page re-render.
 */
export function registerLocale(lang: string, messages: Partial<Record<string, Message>>): void {
  const key = lang.toLowerCase();
  overrides.set(key, { ...overrides.get(key), ...messages });
  notify();
}

/** The documents and shadow roots whose `lang` attributes are watched, each by one observer. */
const watchedRoots = new WeakSet<Node>();

/**
 * Calls `listener` whenever a locale is registered or a `lang` attribute changes that may decide
 * the language of `element` (see `languageOf`): its own, or any ancestor's, across shadow roots up
 * to the document. One MutationObserver per document or shadow root on that path, shared by every
 * element within, so a page of many widgets costs a handful of observers, and nothing polls.
 */
export function onLanguageChange(element: Element, listener: () => void): () => void {
  // The whole path each time, not up to the first root already watched: the component holding
  // the element may have moved into a shadow root that nobody watches yet.
  let root = element.getRootNode();
  watchLang(root);
  while (root instanceof ShadowRoot) {
    root = root.host.getRootNode();
    watchLang(root);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function watchLang(root: Node): void {
  if (watchedRoots.has(root)) return;
  watchedRoots.add(root);
  new MutationObserver(notify).observe(root, { attributeFilter: ['lang'], subtree: true });
}

/**
 * The language of `element`: its own `lang`, else the nearest ancestor's (across shadow roots),
 * else the document's, else English.
 */
export function languageOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    const lang = node instanceof Element && node.getAttribute('lang')?.trim();
    if (lang) return lang;
    node = node.parentNode ?? (node as ShadowRoot).host ?? null;
  }
  return 'en';
}

/**
 * The strings of `catalogs` in the language `lang`, with the site's overrides: the region's
 * (`ru-RU`), then the language's (`ru`), then English fill each gap. Cheap enough to make per
 * render (a few object spreads), so it needs no cache to keep fresh when a locale is registered.
 */
export function messagesIn<M extends Catalog>(lang: string, catalogs: Catalogs<M>): M {
  const tag = lang.toLowerCase();
  const base = tag.split('-')[0];
  return { ...catalogs.en, ...catalogs[base], ...catalogs[tag], ...overrides.get(base), ...overrides.get(tag) };
}
