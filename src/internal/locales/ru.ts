import type { Messages } from './en.js';

export const ru: Messages = {
  // <article-rating>
  ratingLabel: 'Оцените статью',
  ratingSummary: '(голосов: {votes}, рейтинг: {average})',
  voteCount: { one: '{count} голос', few: '{count} голоса', many: '{count} голосов', other: '{count} голоса' },
  ratingValue: {
    one: 'оценка {average} из 5, {count} голос',
    few: 'оценка {average} из 5, {count} голоса',
    many: 'оценка {average} из 5, {count} голосов',
    other: 'оценка {average} из 5, {count} голоса',
  },
  ratingNoVotes: 'оценок пока нет',
  ratingChoice: { one: '{count} звезда', few: '{count} звезды', many: '{count} звёзд', other: '{count} звезды' },
  ratingChoiceHint: 'нажмите Enter, чтобы оценить',
  ratingYours: 'Ваша оценка: {rating}',
  ratingThanks: 'Спасибо! Вы оценили статью на {rating} из 5.',
  ratingSending: 'Отправляем вашу оценку…',
  retry: 'Повторить',
  errorLoad: 'Не удалось загрузить свежие данные.',
  errorNetwork: 'Не удалось связаться с сервером. Ваш голос не учтён.',
  errorRefused: 'Голос не принят: {reason}',
  errorNotFound: 'Этот элемент больше не существует.',
  errorInvalidReply: 'Сервер прислал ответ, который не удалось прочитать.',
  // <opinion-poll>
  // <share-bar>
};
