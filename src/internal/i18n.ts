/**
 * Localisation shared by the elements. Each element owns a catalog of its strings: English in the
 * bundle (every other language falls back to it), each other built-in language (Russian) in a
 * module of its own that loads the first time an element needs it, so a page in English carries
 * no Russian and a page in Russian no other language. A site overrides any string, or adds a
 * language, with `registerLocale()`, without touching an element.
 *
 * This module is what every element needs: an element's strings in its reader's language, and the
 * one way a string is filled (`fill`). Plurals and numbers are in translator.ts, which the share
 * bar loads only once it needs them (its counts, and what it says after a click).
 */
import type { RatingStrings } from '../article-rating/article-rating.messages.js';
import type { PollStrings } from '../opinion-poll/opinion-poll.messages.js';
import type { RenderStrings } from '../render/render.messages.js';
import type { ShareStrings } from '../share-bar/share-bar.messages.js';
import type { ActionStrings } from '../share-bar/actions.messages.js';
import type { CountStrings } from '../share-bar/counting.messages.js';
import type { FailureStrings } from './failures.messages.js';
import { shared } from './page-registry.js';

/** A message that depends on a count, by Intl.PluralRules category; `other` is required. */
export type PluralMessage = { other: string } & Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>>;
/** A string with `{name}` placeholders, or plural forms taking `{count}`. */
export type Message = string | PluralMessage;
/** Strings by a name of the element's, each overridden on its own: the share bar's button texts by network. */
export type NameMap = Partial<Record<string, string>>;
/** An element's strings in one language. */
export type Catalog = Record<string, string | PluralMessage | NameMap>;

/**
 * What a language gives for one string: a string for a string, plural forms (or one string, in a
 * language without plurals) for a plural message, names for a name map (the others are kept).
 */
export type Translated<V> = V extends string ? string : V extends PluralMessage ? Message : NameMap;
/** A language's strings of the catalog `M`. */
export type Translation<M> = { [K in keyof M]: Translated<M[K]> };

/**
 * A built-in language's strings, or the module that holds them, loaded on first use, or their load
 * under way (see loadStrings).
 */
export type Loadable<M> = Partial<Translation<M>> | (() => Promise<{ default: Partial<Translation<M>> }>) | Promise<unknown>;

/** An element's strings: English, complete, and the other built-in languages by language code. */
export interface Catalogs<M extends Catalog> {
  en: M;
  more: Partial<Record<string, Loadable<M>>>;
}

/** Every string of the three elements and the render helpers, by key: what `registerLocale()` can set. */
export type Messages = RatingStrings & PollStrings & ShareStrings & ActionStrings & CountStrings & FailureStrings & RenderStrings;
/** The strings a site gives `registerLocale()`: any of `Messages`, each as its English one is made. */
export type LocaleStrings = Partial<Translation<Messages>>;

/**
 * The site's strings, by lowercase language tag: they win over every element's own. Kept in the
 * page registry, so a locale registered through any copy of article-widgets reaches them all.
 */
const locales = shared('locales', () => ({ overrides: new Map(), listeners: new Set() }));
const overrides = locales.overrides as Map<string, Partial<Catalog>>;
const listeners = locales.listeners;
const notify = () => listeners.forEach((listener) => listener());

/**
 * `over` laid on `base`, string by string. A name map is laid name by name, so an override of one
 * network's name keeps the others; plural forms are replaced whole (a language has forms of its own).
 */
function overlay(base: Partial<Catalog>, over: Partial<Catalog> | undefined): Partial<Catalog> {
  if (!over) return base;
  const merged = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = merged[key];
    const names = typeof value === 'object' && !('other' in value) && typeof below === 'object';
    merged[key] = names ? { ...below, ...value } : value;
  }
  return merged;
}

/**
 * Adds a language, or overrides some strings of one (`registerLocale('en', { ratingLabel: 'Rate
 * this story' })`). Strings not given fall back to the element's own, then English; a call adds to
 * the ones before it. Elements on the page re-render.
 */
export function registerLocale(lang: string, strings: LocaleStrings): void {
  const key = lang.toLowerCase();
  overrides.set(key, overlay(overrides.get(key) ?? {}, strings));
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

/** The lowercase language tags that give `lang` its strings, the more general first: `ru`, `ru-ru`. */
function tagsOf(lang: string): string[] {
  const tag = lang.toLowerCase();
  const base = tag.split('-')[0];
  return base === tag ? [tag] : [base, tag];
}

/**
 * Loads the built-in strings `lang` needs from `catalogs` that are not here yet: a promise that
 * settles once they are all here, or undefined when there is nothing to wait for (English always,
 * and any language already loaded). Each load stands in its loader's place in its catalog while
 * it runs, so it runs once however many elements wait, and the strings take that place once here.
 * A language that cannot load (the network failed) is said on the console, and English shows; its
 * loader goes back to its place, so a later render loads it again (a loader made with lazyModule,
 * as the built-in ones are, asks the server again: the browser keeps the failed import).
 */
export function loadStrings(lang: string, catalogs: readonly Catalogs<Catalog>[]): Promise<unknown> | undefined {
  const waits: unknown[] = [];
  for (const { more } of catalogs) {
    for (const tag of tagsOf(lang)) {
      let wait = more[tag];
      if (typeof wait === 'function') {
        const load = wait;
        wait = more[tag] = load().then(
          (module) => void (more[tag] = module.default),
          (error: Error) => {
            more[tag] = load;
            console.error(`article-widgets: the "${tag}" strings did not load (${error.message}); showing English instead.`);
          },
        );
      }
      if (wait instanceof Promise) waits.push(wait);
    }
  }
  return waits.length ? Promise.all(waits) : undefined;
}

/**
 * Runs an element's update (`update`, from its `scheduleUpdate`) once the strings of its language
 * are here: at once when they are, else as soon as they load. Until then the element keeps what it
 * shows, so a reader never sees another language or a key flash by, whether the page is in that
 * language or the element's `lang` changes later.
 */
export function afterStrings(element: Element, catalogs: readonly Catalogs<Catalog>[], update: () => unknown): unknown {
  const wait = loadStrings(languageOf(element), catalogs);
  return wait ? wait.then(update) : update();
}

/**
 * The strings of `catalogs` in the language `lang`, with the site's overrides: the region's
 * (`ru-RU`), then the language's (`ru`), then English fill each gap. Cheap enough to make per
 * render (a few object spreads), so it needs no cache to keep fresh when a locale is registered.
 */
export function messagesIn<M extends Catalog>(lang: string, catalogs: Catalogs<M>): M {
  const tags = tagsOf(lang);
  let strings: Partial<Catalog> = catalogs.en;
  for (const tag of tags) {
    const builtIn = catalogs.more[tag];
    // A language not loaded yet (its loader or its load in its place) gives nothing yet: a promise has no strings to lay.
    if (typeof builtIn === 'object') strings = overlay(strings, builtIn as Partial<Catalog>);
  }
  for (const tag of tags) strings = overlay(strings, overrides.get(tag));
  return strings as M;
}

/**
 * `pattern` with each `{name}` replaced by `values[name]` (a placeholder with no value is left as
 * written): the one way a string is filled, whichever element or helper says it.
 */
export function fill(pattern: string, values: Partial<Record<string, string>>): string {
  return pattern.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}
