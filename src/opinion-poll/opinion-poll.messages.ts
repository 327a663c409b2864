import type { Catalogs, PluralMessage } from '../internal/i18n.js';
import { lazyModule } from '../internal/lazy-module.js';

/**
 * The strings of <opinion-poll> in English; the other languages fill in these keys. Plural forms
 * only where a count reads as part of a phrase ("108 votes"); elsewhere a count stands alone ("up
 * to 2", "all voters (20)").
 */
const en = {
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
};

export type PollStrings = typeof en;

/** The strings of <opinion-poll>: English here, Russian loaded the first time a poll is in Russian. */
export const pollCatalogs: Catalogs<PollStrings> = {
  en,
  more: { ru: lazyModule(() => import('./opinion-poll.messages.ru.js')) },
};
