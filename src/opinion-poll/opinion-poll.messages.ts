import { withShared, type PluralMessage } from '../internal/i18n.js';

/** The strings of <opinion-poll>, in English and Russian. */
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
    pollAfterClose: 'Results will be shown when the poll closes.',
    pollThanks: 'Thank you! Your vote was counted.',
    pollSending: 'Sending your vote…',
    pollYours: 'your choice',
    pollLeading: 'leading',
    /** The total under the results: "108 votes". */
    voteCount: { one: '{count} vote', other: '{count} votes' } as PluralMessage,
    /** The base of a multiple-choice poll's shares (no plural forms needed: {count} stands alone). */
    pollBase: 'Shares are of all voters ({count}), who could choose several options, so they can add up to more than 100%.',
    /** A poll that does not exist, read or voted in (the shared wording speaks of any item). */
    errorNotFound: 'There is no such poll.',
  },
  ru: {
    pollTitle: 'Опрос',
    pollClosed: 'Опрос завершён',
    pollLoading: 'Загружаем опрос…',
    pollVote: 'Голосовать',
    pollChange: 'Изменить голос',
    pollChooseOne: 'Сначала выберите вариант.',
    pollUpTo: 'Можно выбрать несколько вариантов, но не больше {count}.',
    pollTooMany: 'Слишком много: можно не больше {count}.',
    pollUntil: 'Голосование открыто до {date}',
    pollAfterVote: 'Результаты видны после голосования.',
    pollAfterClose: 'Результаты будут показаны после завершения опроса.',
    pollThanks: 'Спасибо! Ваш голос учтён.',
    pollSending: 'Отправляем ваш голос…',
    pollYours: 'ваш выбор',
    pollLeading: 'лидирует',
    voteCount: { one: '{count} голос', few: '{count} голоса', many: '{count} голосов', other: '{count} голоса' },
    pollBase: 'Доли — от числа проголосовавших ({count}): можно было выбрать несколько вариантов, поэтому в сумме может быть больше 100 %.',
    errorNotFound: 'Такого опроса нет.',
  },
});
