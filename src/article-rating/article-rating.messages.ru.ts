import type { Translation } from '../internal/i18n.js';
import type { RatingStrings } from './article-rating.messages.js';

/** The strings of <article-rating> in Russian: a module of its own, loaded on first use. */
const ru: Translation<RatingStrings> = {
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
  ratingTooFew: '{votes}, для средней оценки пока мало',
  ratingChoice: { one: '{count} звезда', few: '{count} звезды', many: '{count} звёзд', other: '{count} звезды' },
  ratingChoiceHint: 'нажмите Enter, чтобы оценить',
  ratingYours: 'Ваша оценка: {rating}',
  ratingThanks: 'Спасибо! Вы оценили статью на {rating} из 5.',
  ratingSending: 'Отправляем вашу оценку…',
};

export default ru;
