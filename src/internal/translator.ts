/**
 * Plurals (Intl.PluralRules), numbers (Intl.NumberFormat) and what to tell a reader when a backend
 * call fails: what the rating and the poll say, and the share bar's counts.
 */
import type { BackendError } from '../backend/backend.js';
import { languageOf, messagesIn, type Catalog, type Catalogs, type Message } from './i18n.js';
import { localeOf, numberFormat, percentFormat, pluralRules } from './intl.js';

/** Strings every element uses: retry, and what to say about a failed backend call. */
export const sharedMessages = {
  en: {
    retry: 'Try again',
    errorLoad: 'Could not load the latest figures.',
    errorNetwork: 'Could not reach the server. Your vote was not counted.',
    errorRefused: 'Your vote was not accepted: {reason}',
    /** The server's per-item cap for one address: many readers behind one address share it. */
    errorItemLimit: 'Too many votes from your internet connection today: yours was not counted. Please try again later.',
    errorNotFound: 'This item no longer exists.',
    errorInvalidReply: 'The server sent an answer we could not read.',
  },
  ru: {
    retry: 'Повторить',
    errorLoad: 'Не удалось загрузить свежие данные.',
    errorNetwork: 'Не удалось связаться с сервером. Ваш голос не учтён.',
    errorRefused: 'Голос не принят: {reason}',
    errorItemLimit: 'С вашего подключения сегодня слишком много голосов: ваш не учтён. Попробуйте позже.',
    errorNotFound: 'Этот элемент больше не существует.',
    errorInvalidReply: 'Сервер прислал ответ, который не удалось прочитать.',
  },
};

/** An element's catalogs with the shared strings added. */
export function withShared<M extends Catalog>(catalogs: Catalogs<M>): Catalogs<M & typeof sharedMessages.en> {
  return {
    ...catalogs,
    en: { ...sharedMessages.en, ...catalogs.en },
    ru: { ...sharedMessages.ru, ...catalogs.ru },
  } as Catalogs<M & typeof sharedMessages.en>;
}

type Params = Record<string, string | number>;

/** Which shared message tells a reader about each kind of failure (any other: `errorNetwork`). */
const errorMessages: Partial<Record<string, keyof typeof sharedMessages.en>> = {
  refused: 'errorRefused',
  'item-limit': 'errorItemLimit',
  'not-found': 'errorNotFound',
  'invalid-reply': 'errorInvalidReply',
};

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

  /** A message with `{name}` placeholders filled; numbers are formatted for the language. */
  t(key: keyof M & string, params: Params = {}): string {
    const message = this.messages[key] as Message;
    const pattern =
      typeof message === 'string'
        ? message
        : (message[pluralRules(this.locale).select(Number(params.count ?? 0)) ] ?? message.other);
    return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return typeof value === 'number' ? this.number(value) : (value ?? whole);
    });
  }

  /** A number in the reader's locale: `fraction` fixes the decimals ("4.5" / "4,5"). */
  number(value: number, fraction?: number): string {
    return numberFormat(this.locale, fraction).format(value);
  }

  /** A whole percentage in the reader's locale ("31%", "31 %"). */
  percent(value: number): string {
    return percentFormat(this.locale).format(value / 100);
  }

  /** What to tell a reader about a failed call. */
  error({ code, message }: BackendError): string {
    const key = errorMessages[code] ?? 'errorNetwork';
    return (this as unknown as Translator<typeof sharedMessages.en>).t(key, { reason: message });
  }
}

/** The translator for the language of `element`, over the element's own catalogs. */
export function translatorFor<M extends Catalog>(element: Element, catalogs: Catalogs<M>): Translator<M> {
  return new Translator(languageOf(element), catalogs);
}
