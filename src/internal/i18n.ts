/**
 * Localisation shared by the elements. Each element owns a catalog of its strings in English and
 * Russian (so a page that uses one element ships only that element's strings); a site overrides
 * any string, or adds a language, with `registerLocale()`, without touching an element. Plurals go
 * through Intl.PluralRules, numbers through Intl.NumberFormat.
 */
import type { BackendError } from '../backend/backend.js';

/** A message that depends on a count, by Intl.PluralRules category; `other` is required. */
export type PluralMessage = { other: string } & Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>>;
/** A string with `{name}` placeholders, or plural forms taking `{count}`. */
export type Message = string | PluralMessage;
export type Catalog = Record<string, unknown>;
/** An element's strings: English complete, other languages partial (English fills the gaps). */
export type Catalogs<M extends Catalog> = { en: M } & Record<string, Partial<M>>;

/** Strings every element uses: retry, and what to say about a failed backend call. */
export const sharedMessages = {
  en: {
    retry: 'Try again',
    errorLoad: 'Could not load the latest figures.',
    errorNetwork: 'Could not reach the server. Your vote was not counted.',
    errorRefused: 'Your vote was not accepted: {reason}',
    errorNotFound: 'This item no longer exists.',
    errorInvalidReply: 'The server sent an answer we could not read.',
  },
  ru: {
    retry: 'Повторить',
    errorLoad: 'Не удалось загрузить свежие данные.',
    errorNetwork: 'Не удалось связаться с сервером. Ваш голос не учтён.',
    errorRefused: 'Голос не принят: {reason}',
    errorNotFound: 'Этот элемент больше не существует.',
    errorInvalidReply: 'Сервер прислал ответ, который не удалось прочитать.',
  },
};

/** An element's catalogs with the shared strings added. */
export function withShared<M extends Catalog>(catalogs: Catalogs<M>): Catalogs<M & typeof sharedMessages.en> {
  const merged: Record<string, Catalog> = {};
  for (const lang of new Set([...Object.keys(catalogs), 'en', 'ru'])) {
    merged[lang] = { ...(sharedMessages as Record<string, Catalog>)[lang], ...catalogs[lang] } as Catalog;
  }
  return merged as Catalogs<M & typeof sharedMessages.en>;
}

/** The site's strings, by lowercase language tag: they win over every element's own. */
const overrides = new Map<string, Partial<Record<string, Message>>>();
const listeners = new Set<() => void>();

/**
 * Adds a language, or overrides some strings of one (`registerLocale('en', { ratingLabel: 'Rate
 * this story' })`). Strings not given fall back to the element's own, then English. Elements on
 * the page re-render.
 */
export function registerLocale(lang: string, messages: Partial<Record<string, Message>>): void {
  const key = lang.toLowerCase();
  overrides.set(key, { ...overrides.get(key), ...messages });
  translators = new WeakMap();
  listeners.forEach((listener) => listener());
}

/** Calls `listener` whenever a locale is registered or the document's language changes. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  if (!watching) {
    watching = true;
    new MutationObserver(() => listeners.forEach((l) => l())).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
    });
  }
  return () => listeners.delete(listener);
}
let watching = false;

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

type Params = Record<string, string | number>;

export class Translator<M extends Catalog = Catalog> {
  readonly messages: M;
  private readonly locale: string;
  private readonly plurals: Intl.PluralRules;
  private readonly numbers = new Map<unknown, Intl.NumberFormat>();

  constructor(readonly lang: string, catalogs: Catalogs<M>) {
    const tag = lang.toLowerCase();
    const base = tag.split('-')[0];
    this.messages = { ...catalogs.en, ...catalogs[base], ...catalogs[tag], ...overrides.get(base), ...overrides.get(tag) } as M;
    try {
      this.locale = Intl.getCanonicalLocales(lang)[0] ?? 'en';
    } catch {
      this.locale = 'en';
    }
    this.plurals = new Intl.PluralRules(this.locale);
  }

  /** A message with `{name}` placeholders filled; numbers are formatted for the language. */
  t(key: keyof M & string, params: Params = {}): string {
    const message = this.messages[key] as Message;
    const pattern =
      typeof message === 'string'
        ? message
        : (message[this.plurals.select(Number(params.count ?? 0)) as keyof PluralMessage] ?? message.other);
    return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : typeof value === 'number' ? this.number(value) : value;
    });
  }

  /** A number in the reader's locale: `fraction` fixes the decimals ("4.5" / "4,5"). */
  number(value: number, fraction?: number): string {
    return this.format(fraction, fraction === undefined ? {} : { minimumFractionDigits: fraction, maximumFractionDigits: fraction }).format(value);
  }

  /** A whole percentage in the reader's locale ("31%", "31 %"). */
  percent(value: number): string {
    return this.format('%', { style: 'percent' }).format(value / 100);
  }

  /** What to tell a reader about a failed call. */
  error(error: BackendError): string {
    const t = this as unknown as Translator<typeof sharedMessages.en>;
    return error.code === 'refused'
      ? t.t('errorRefused', { reason: error.message })
      : t.t(error.code === 'not-found' ? 'errorNotFound' : error.code === 'invalid-reply' ? 'errorInvalidReply' : 'errorNetwork');
  }

  private format(key: unknown, options: Intl.NumberFormatOptions): Intl.NumberFormat {
    let format = this.numbers.get(key);
    if (!format) this.numbers.set(key, (format = new Intl.NumberFormat(this.locale, options)));
    return format;
  }
}

let translators = new WeakMap<object, Map<string, Translator<Catalog>>>();

/** The translator for the language of `element`, over the element's own catalogs. */
export function translatorFor<M extends Catalog>(element: Element, catalogs: Catalogs<M>): Translator<M> {
  const lang = languageOf(element);
  let byLang = translators.get(catalogs);
  if (!byLang) translators.set(catalogs, (byLang = new Map()));
  let translator = byLang.get(lang);
  if (!translator) byLang.set(lang, (translator = new Translator(lang, catalogs as Catalogs<Catalog>)));
  return translator as unknown as Translator<M>;
}
