import type { PluralMessage } from '../internal/i18n.js';
import { withShared } from '../internal/translator.js';

/** The strings of <article-rating>, in English and Russian. */
export const ratingMessages = withShared({
  en: {
    ratingLabel: 'Rate this article',
    /** The aggregate as the seed page wrote it: "(votes: 4, rating: 4.5)". */
    ratingSummary: '(votes: {votes}, rating: {average})',
    voteCount: { one: '{count} vote', other: '{count} votes' } as PluralMessage,
    /** The accessible value of the stars. */
    ratingValue: { one: 'rated {average} out of 5, {count} vote', other: 'rated {average} out of 5, {count} votes' } as PluralMessage,
    ratingNoVotes: 'not rated yet',
    ratingChoice: { one: '{count} star', other: '{count} stars' } as PluralMessage,
    ratingChoiceHint: 'press Enter to rate',
    ratingYours: 'Your rating: {rating}',
    ratingThanks: 'Thank you! You rated this article {rating} out of 5.',
    ratingSending: 'Sending your rating…',
  },
  ru: {
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
  },
});
