import type { PluralMessage } from '../internal/i18n.js';
import { withShared } from '../internal/translator.js';

/**
 * The strings of <opinion-poll>, in English and Russian. Plural forms only where a count reads as
 * part of a phrase ("108 votes"); elsewhere a count stands alone ("up to 2", "all voters (20)").
 */
export const pollMessages = withShared({
  en: {
    pollTitle: 'Poll',
    pollClosed: 'Poll conducted',
    pollLoading: 'Loading the poll…',
    pollVote: 'Vote',
    pollChange: 'Change my vote',
    pollChooseOne: 'Choose an option first.',
    pollUpTo: 'Choose up to {count}.',
    pollTooMany: 'Too many: choose at most {count}.',
    pollUntil: 'Open until {date}',
    pollAfterVote: 'Results are shown once you vote.',
    pollAfterClose: 'Results are shown once the poll closes.',
    pollThanks: 'Thank you! Your vote was counted.',
    pollSending: 'Sending your vote…',
    pollYours: 'your choice',
    pollLeading: 'leading',
    /** The total under the results: "108 votes". */
    voteCount: { one: '{count} vote', other: '{count} votes' } as PluralMessage,
    /** The base of a multiple-choice poll's shares, which is why they may sum to more than 100. */
    pollBase: 'Shares are of all voters ({count}), who could each choose several options.',
    /** A poll that does not exist, read or voted in (the shared wording speaks of any item). */
    errorNotFound: 'There is no such poll.',
  },
  ru: {
    pollTitle: 'Опрос',
    pollClosed: 'Опрос завершён',
    pollLoading: 'Загружаем опрос…',
    pollVote: 'Голосовать',
    pollChange: 'Изменить голос',
    pollChooseOne: 'Выберите вариант.',
    pollUpTo: 'Можно выбрать не больше {count}.',
    pollTooMany: 'Слишком много: не больше {count}.',
    pollUntil: 'Голосование до {date}',
    pollAfterVote: 'Результаты видны после голосования.',
    pollAfterClose: 'Результаты видны после завершения опроса.',
    pollThanks: 'Спасибо! Ваш голос учтён.',
    pollSending: 'Отправляем ваш голос…',
    pollYours: 'ваш выбор',
    pollLeading: 'лидирует',
    voteCount: { one: '{count} голос', few: '{count} голоса', many: '{count} голосов', other: '{count} голоса' },
    pollBase: 'Доли — от всех проголосовавших ({count}): каждый мог выбрать несколько вариантов.',
    errorNotFound: 'Такого опроса нет.',
  },
});
