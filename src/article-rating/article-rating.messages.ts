import type { Catalogs, PluralMessage } from '../internal/i18n.js';
import { lazyModule } from '../internal/lazy-module.js';

/** The strings of <article-rating> in English; the other languages fill in these keys. */
const en = {
  ratingLabel: 'Rate this article',
  /** The aggregate as the seed page wrote it: "(votes: 4, rating: 4.5)". */
  ratingSummary: '(votes: {votes}, rating: {average})',
  voteCount: { one: '{count} vote', other: '{count} votes' } as PluralMessage,
  /** The accessible value of the stars. */
  ratingValue: { one: 'rated {average} out of 5, {count} vote', other: 'rated {average} out of 5, {count} votes' } as PluralMessage,
  ratingNoVotes: 'not rated yet',
  /** Below min-votes: the count ("3 votes", voteCount), no average. */
  ratingTooFew: '{votes}, not enough for an average yet',
  ratingChoice: { one: '{count} star', other: '{count} stars' } as PluralMessage,
  ratingChoiceHint: 'press Enter to rate',
  ratingYours: 'Your rating: {rating}',
  ratingThanks: 'Thank you! You rated this article {rating} out of 5.',
  ratingSending: 'Sending your rating…',
};

export type RatingStrings = typeof en;

/** The strings of <article-rating>: English here, Russian loaded the first time a rating is in Russian. */
export const ratingCatalogs: Catalogs<RatingStrings> = {
  en,
  more: { ru: lazyModule(() => import('./article-rating.messages.ru.js')) },
};
