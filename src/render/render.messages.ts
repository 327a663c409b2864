import type { Catalogs, PluralMessage } from '../internal/i18n.js';
import type { Translation } from '../internal/i18n.js';

/** What only the server-rendered text says; overridable with registerLocale like every string. */
const en = {
  ratingRated: 'Rated {average} out of 5 ({votes})',
  ratingUnrated: 'Not rated yet',
  voteCount: { one: '{count} vote', other: '{count} votes' } as PluralMessage,
};

export type RenderStrings = typeof en;

const ru: Translation<RenderStrings> = {
  ratingRated: 'Оценка {average} из 5 ({votes})',
  ratingUnrated: 'Оценок пока нет',
  voteCount: { one: '{count} голос', few: '{count} голоса', many: '{count} голосов', other: '{count} голоса' },
};

/** Both languages at once: the render helpers run on a server, where a string is never fetched. */
export const renderCatalogs: Catalogs<RenderStrings> = { en, more: { ru } };
