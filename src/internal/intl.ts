/**
 * The Intl objects of a language, each made once and kept: building a PluralRules or a
 * NumberFormat costs far more than using one, and `toLocaleString` with options builds a fresh
 * formatter on every call. A page of a thousand ratings renders in one or two languages, so it
 * makes a handful of these, not one per element, render or number.
 */

const cache = new Map<string, unknown>();

function kept<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

/** The canonical locale of a `lang` attribute; English for one that is no language tag ("en_US"). */
export function localeOf(lang: string): string {
  return kept(`locale ${lang}`, () => {
    try {
      return Intl.getCanonicalLocales(lang)[0] ?? 'en';
    } catch {
      return 'en';
    }
  });
}

/** The plural rules of a canonical locale (see `localeOf`). */
export function pluralRules(locale: string): Intl.PluralRules {
  return kept(`plural ${locale}`, () => new Intl.PluralRules(locale));
}

/** Numbers in a canonical locale, with exactly `fraction` decimals when given ("4.5", "4,5"). */
export function numberFormat(locale: string, fraction?: number): Intl.NumberFormat {
  return kept(`number ${locale} ${fraction}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: fraction, maximumFractionDigits: fraction }));
}

/**
 * Makes the page's first number format soon after the poll is defined, in a task of its own.
 * The first `Intl.NumberFormat` of a page costs 20-200 ms in Chromium on the loaded machine of
 * `npm run bench` (ICU loads its number data; later formats, in any language, take a fraction of a
 * millisecond, plural rules and percent formats too). Made by a first
 * render, that cost would land in the task that inserts and renders a listing page's widgets,
 * making it a long task. Widgets already in the page when their element is defined render in the
 * defining task and still pay it there.
 */
export function prepareNumbers(): void {
  // Once made, a format is kept: a second call (a second tag defined) finds it made.
  if (typeof document !== 'undefined') setTimeout(() => numberFormat(localeOf(document.documentElement.lang)));
}

/** Whole percentages in a canonical locale ("31%", "31 %"). */
export function percentFormat(locale: string): Intl.NumberFormat {
  return kept(`percent ${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent' }));
}

/** Long dates ("30 June 2027") in a canonical locale. */
export function longDateFormat(locale: string): Intl.DateTimeFormat {
  return kept(`date ${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }));
}
