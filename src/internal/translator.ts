/**
 * Plurals (Intl.PluralRules) and numbers (Intl.NumberFormat) in an element's strings: what the
 * rating and the poll say, the share bar's counts and what it says after a click.
 */
import { fill, languageOf, messagesIn, type Catalog, type Catalogs, type Message } from './i18n.js';
import { localeOf, numberFormat, percentFormat, pluralRules } from './intl.js';

/**
 * An element's strings in one language, with the site's overrides, and the language's plurals
 * and numbers. Cheap enough to make per render (its Intl objects are made once per language, in
 * intl.ts), so it needs no cache to keep fresh when a locale is registered.
 */
export class Translator<M extends Catalog = Catalog> {
  readonly messages: M;
  /** The canonical locale of `lang`: English for a malformed lang attribute ("en_US"). */
  readonly locale: string;

  constructor(readonly lang: string, catalogs: Catalogs<M>) {
    this.messages = messagesIn(lang, catalogs);
    this.locale = localeOf(lang);
  }

  /**
   * The message `key`, in the plural form `values.count` takes, filled with `values`; numbers are
   * written for the language ("4.5", "4,5").
   */
  t(key: keyof M & string, values: Record<string, string | number> = {}): string {
    const message = this.messages[key] as Message;
    const pattern = typeof message === 'string' ? message : (message[pluralRules(this.locale).select(Number(values.count ?? 0))] ?? message.other);
    const written: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) written[name] = typeof value === 'number' ? this.number(value) : value;
    return fill(pattern, written);
  }

  /** A number in the reader's locale: `fraction` fixes the decimals ("4.5" / "4,5"). */
  number(value: number, fraction?: number): string {
    return numberFormat(this.locale, fraction).format(value);
  }

  /** A whole percentage in the reader's locale ("31%", "31 %"). */
  percent(value: number): string {
    return percentFormat(this.locale).format(value / 100);
  }
}

/** The translator for the language of `element`, over the element's own catalogs. */
export function translatorFor<M extends Catalog>(element: Element, catalogs: Catalogs<M>): Translator<M> {
  return new Translator(languageOf(element), catalogs);
}
