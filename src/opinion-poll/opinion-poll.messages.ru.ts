import type { Translation } from '../internal/i18n.js';
import type { PollStrings } from './opinion-poll.messages.js';

/** The strings of <opinion-poll> in Russian: a module of its own, loaded on first use. */
const ru: Translation<PollStrings> = {
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
};

export default ru;
