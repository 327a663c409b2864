import { withShared, type PluralMessage } from '../internal/i18n.js';

/** The strings of <opinion-poll>, in English and Russian. */
export const pollMessages = withShared({
  en: {
    pollTitle: 'Poll',
    pollClosed: 'Poll conducted',
    pollLoading: 'Loading the poll…',
    pollNotFound: 'There is no such poll.',
    pollVote: 'Vote',
    pollChange: 'Change my vote',
    pollChooseOne: 'Choose an option first.',
    pollUpTo: { one: 'Choose up to {count} option.', other: 'Choose up to {count} options.' } as PluralMessage,
    pollTooMany: { one: 'Too many: choose at most {count} option.', other: 'Too many: choose at most {count} options.' } as PluralMessage,
    pollUntil: 'Open until {date}',
    pollAfterVote: 'Results are shown once you vote.',
    pollAfterClose: 'Results will be shown when the poll closes.',
    pollThanks: 'Thank you! Your vote was counted.',
    pollSending: 'Sending your vote…',
    pollYours: 'your choice',
    pollLeading: 'leading',
    /** The total under the results: "108 votes". */
    voteCount: { one: '{count} vote', other: '{count} votes' } as PluralMessage,
    /** The base of a multiple-choice poll's shares. */
    pollBase: {
      one: 'Shares are of {count} voter; several choices were allowed, so they can add up to more than 100%.',
      other: 'Shares are of {count} voters; several choices were allowed, so they can add up to more than 100%.',
    } as PluralMessage,
  },
  ru: {
    pollTitle: 'Опрос',
    pollClosed: 'Опрос завершён',
    pollLoading: 'Загружаем опрос…',
    pollNotFound: 'Такого опроса нет.',
    pollVote: 'Голосовать',
    pollChange: 'Изменить голос',
    pollChooseOne: 'Сначала выберите вариант.',
    pollUpTo: {
      one: 'Можно выбрать до {count} варианта.',
      few: 'Можно выбрать до {count} вариантов.',
      many: 'Можно выбрать до {count} вариантов.',
      other: 'Можно выбрать до {count} варианта.',
    },
    pollTooMany: {
      one: 'Слишком много: выберите не больше {count} варианта.',
      few: 'Слишком много: выберите не больше {count} вариантов.',
      many: 'Слишком много: выберите не больше {count} вариантов.',
      other: 'Слишком много: выберите не больше {count} варианта.',
    },
    pollUntil: 'Голосование открыто до {date}',
    pollAfterVote: 'Результаты видны после голосования.',
    pollAfterClose: 'Результаты будут показаны после завершения опроса.',
    pollThanks: 'Спасибо! Ваш голос учтён.',
    pollSending: 'Отправляем ваш голос…',
    pollYours: 'ваш выбор',
    pollLeading: 'лидирует',
    voteCount: { one: '{count} голос', few: '{count} голоса', many: '{count} голосов', other: '{count} голоса' },
    pollBase: {
      one: 'Доли — от {count} проголосовавшего: можно было выбрать несколько вариантов, поэтому в сумме может быть больше 100 %.',
      few: 'Доли — от {count} проголосовавших: можно было выбрать несколько вариантов, поэтому в сумме может быть больше 100 %.',
      many: 'Доли — от {count} проголосовавших: можно было выбрать несколько вариантов, поэтому в сумме может быть больше 100 %.',
      other: 'Доли — от {count} проголосовавшего: можно было выбрать несколько вариантов, поэтому в сумме может быть больше 100 %.',
    },
  },
});
