import type { Catalogs } from './i18n.js';
import { unreachableEn } from './unreachable.messages.js';

/**
 * What the rating and the poll tell a reader when a read or a vote fails, one string for each
 * reason a reader can meet (see failures.ts). Both languages in one module: it loads only once
 * something has failed. The unreachable words in a language other than English are unreachable.messages.ts's
 * own (failures.ts lays them over these): importing them here would tie this chunk to theirs, and
 * one that failed to load (an outage) would keep this one from loading ever after.
 */
const en = {
  // Retry, a failed read and an unreachable server: the words every bundle has.
  ...unreachableEn,
  /** The server answered but could not store the vote (503 storage-unavailable, a 500). */
  failureServer: 'The server could not count your vote just now. Please try again in a moment.',
  failureInvalidReply: 'The server sent an answer we could not read.',
  failureAlreadyVoted: 'You have already voted here.',
  failurePollClosed: 'This poll has closed: your vote was not counted.',
  failureTooManyChoices: 'This poll takes fewer choices: your vote was not counted. Please choose again.',
  /** The poll is read again under this line: the option went while the reader was choosing. */
  failureUnknownOption: 'An option you chose is no longer in this poll: your vote was not counted. Here is the poll as it is now; please choose again.',
  failureNoPoll: 'There is no such poll.',
  failureNoArticle: 'The voting server does not know this article.',
  /** The server's limit on writes per minute from one address. */
  failureRateLimited: 'Too many votes from your connection in the last minute: yours was not counted. Please wait a minute and try again.',
  /** The server's per-item cap for one address a day: many readers behind one address share it. */
  failureItemLimit: 'Too many votes from your internet connection today: yours was not counted.',
  /** Verified mode: the site's signature of the voter is missing or wrong. */
  failureUnverified: 'This site could not confirm your vote: it was not counted. Reloading the page may help.',
  /** The server does not take votes from this site's address (its --allow-origin). */
  failureOrigin: 'This site is not allowed to send votes to its voting server: your vote was not counted.',
  /** Any other refusal (a request the server found malformed, a code this version does not know). */
  failureRefused: 'The server did not accept your vote.',
};

export type FailureStrings = typeof en;

export const failureCatalogs: Catalogs<FailureStrings> = {
  en,
  more: {
    ru: {
      failureServer: 'Сервер сейчас не может учесть ваш голос. Попробуйте ещё раз чуть позже.',
      failureInvalidReply: 'Сервер прислал ответ, который не удалось прочитать.',
      failureAlreadyVoted: 'Вы уже голосовали.',
      failurePollClosed: 'Опрос уже завершён: ваш голос не учтён.',
      failureTooManyChoices: 'В этом опросе можно выбрать меньше вариантов: ваш голос не учтён. Выберите ещё раз.',
      failureUnknownOption: 'Одного из выбранных вариантов больше нет в опросе: ваш голос не учтён. Вот опрос в нынешнем виде — выберите ещё раз.',
      failureNoPoll: 'Такого опроса нет.',
      failureNoArticle: 'Сервер голосования не знает этой статьи.',
      failureRateLimited: 'С вашего подключения за последнюю минуту было слишком много голосов: ваш не учтён. Подождите минуту и попробуйте снова.',
      failureItemLimit: 'С вашего подключения сегодня слишком много голосов: ваш не учтён.',
      failureUnverified: 'Сайт не смог подтвердить ваш голос, и он не учтён. Попробуйте перезагрузить страницу.',
      failureOrigin: 'Этому сайту не разрешено отправлять голоса на его сервер голосования: ваш голос не учтён.',
      failureRefused: 'Сервер не принял ваш голос.',
    },
  },
};
