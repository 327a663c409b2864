/**
 * Localisation shared by the elements: English and Russian built in, any string overridable and
 * any language addable by a site through `registerLocale()`, without touching an element.
 * Plurals go through Intl.PluralRules, numbers through Intl.NumberFormat.
 */
import type { BackendError } from '../backend/backend.js';
import { en, type Messages, type PluralMessage } from './locales/en.js';
import { ru } from './locales/ru.js';

export type { Messages, PluralMessage };

const locales = new Map<string, Partial<Messages>>([
  ['en', en],
  ['ru', ru],
]);

const listeners = new Set<() => void>();

/**
 * Adds a language, or overrides some strings of one (`registerLocale('en', { ratingLabel: 'Rate
 * this story' })`). Strings not given fall back to English. Elements on the page re-render.
 */
export function registerLocale(lang: string, messages: Partial<Messages>): void {
  const key = lang.toLowerCase();
  locales.set(key, { ...locales.get(key), ...messages });
  translators.clear();
  listeners.forEach((listener) => listener());
}

/** Calls `listener` whenever a locale is registered or the document's language changes. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  watchDocumentLanguage();
  return () => listeners.delete(listener);
}

let watching = false;
function watchDocumentLanguage(): void {
  if (watching || typeof MutationObserver === 'undefined') return;
  watching = true;
  new MutationObserver(() => listeners.forEach((listener) => listener())).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
  });
}

/**
 * The language of `element`: its own `lang`, else the nearest ancestor's (across shadow roots),
 * else the document's, else English.
 */
export function languageOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const lang = node.getAttribute('lang')!.trim();
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'en';
}

type Params = Record<string, string | number>;

export class Translator {
  readonly messages: Messages;
  private readonly plurals: Intl.PluralRules;
  private readonly numbers = new Map<string, Intl.NumberFormat>();

  constructor(readonly lang: string) {
    const base = lang.toLowerCase().split('-')[0];
    this.messages = { ...en, ...locales.get(base), ...locales.get(lang.toLowerCase()) } as Messages;
    this.plurals = new Intl.PluralRules(supported(lang));
  }

  /** A message with `{name}` placeholders filled; numbers are formatted for the language. */
  t<K extends keyof Messages>(key: K, params: Params = {}): string {
    const message = this.messages[key];
    const pattern = typeof message === 'string' ? message : this.pluralOf(message as PluralMessage, Number(params.count ?? 0));
    return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? this.number(value) : value;
    });
  }

  /** A number in the reader's locale: `fraction` fixes the decimals ("4.5" / "4,5"). */
  number(value: number, fraction?: number): string {
    const key = String(fraction);
    let format = this.numbers.get(key);
    if (!format) {
      const options: Intl.NumberFormatOptions =
        fraction === undefined ? {} : { minimumFractionDigits: fraction, maximumFractionDigits: fraction };
      format = new Intl.NumberFormat(supported(this.lang), options);
      this.numbers.set(key, format);
    }
    return format.format(value);
  }

  /** A whole percentage in the reader's locale ("31%", "31 %"). */
  percent(value: number): string {
    let format = this.numbers.get('%');
    if (!format) this.numbers.set('%', (format = new Intl.NumberFormat(supported(this.lang), { style: 'percent' })));
    return format.format(value / 100);
  }

  /** What to tell a reader about a failed call. */
  error(error: BackendError): string {
    switch (error.code) {
      case 'refused':
        return this.t('errorRefused', { reason: error.message });
      case 'not-found':
        return this.t('errorNotFound');
      case 'invalid-reply':
        return this.t('errorInvalidReply');
      default:
        return this.t('errorNetwork');
    }
  }

  private pluralOf(message: PluralMessage, count: number): string {
    const category = this.plurals.select(count) as keyof PluralMessage;
    return message[category] ?? message.other;
  }
}

function supported(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const translators = new Map<string, Translator>();

/** The translator for the language of `element`. */
export function translatorFor(element: Element): Translator {
  const lang = languageOf(element);
  let translator = translators.get(lang);
  if (!translator) translators.set(lang, (translator = new Translator(lang)));
  return translator;
}
