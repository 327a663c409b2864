/** A message that depends on a count, by Intl.PluralRules category; `other` is required. */
export type PluralMessage = { other: string } & Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many', string>>;

/**
 * Every string the widgets show or announce. `{name}` is filled in; numbers are formatted for the
 * reader's language. Plural messages take `{count}`.
 */
export const en = {
  // <article-rating>
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
  retry: 'Try again',
  errorLoad: 'Could not load the latest figures.',
  errorNetwork: 'Could not reach the server. Your vote was not counted.',
  errorRefused: 'Your vote was not accepted: {reason}',
  errorNotFound: 'This item no longer exists.',
  errorInvalidReply: 'The server sent an answer we could not read.',
  // <opinion-poll>
  // <share-bar>
};

export type Messages = typeof en;
