import type { PluralMessage } from '../../src/internal/i18n.js';
import { Translator } from '../../src/internal/translator.js';

/** Every string of the console, in English and Russian. */
const en = {
  appTitle: "Editors' console",
  language: 'Language',
  mainNav: 'Sections',
  navPolls: 'Polls',
  navNewPoll: 'New poll',
  navRatings: 'Ratings',
  navShares: 'Shares',
  signOut: 'Sign out',
  loading: 'Loading…',
  retry: 'Try again',
  errorNetwork: 'Could not reach the server. Check the connection and try again.',
  errorServer: 'The server could not do that: {message}',

  signInTitle: 'Sign in',
  adminToken: 'Admin token',
  adminTokenHint: 'The token this server was started with (--admin-token or AW_ADMIN_TOKEN).',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signInRequired: 'Enter the admin token.',
  signInWrong: 'That is not the admin token.',
  signInLimited: { one: 'Too many wrong tokens. Try again in {count} second.', other: 'Too many wrong tokens. Try again in {count} seconds.' } as PluralMessage,
  sessionEnded: 'Your session has ended. Sign in again.',
  signedOut: 'You have signed out.',
  disabledTitle: 'The console is off',
  disabledText:
    'This server runs without an admin token, so nobody can sign in. Start it with --admin-token followed by a secret of at least 24 characters (or set the AW_ADMIN_TOKEN environment variable, which other users of the machine cannot see), then reload this page.',

  pollsTitle: 'Polls',
  pollsCaption: 'Every poll, newest first',
  noPolls: 'No polls yet.',
  colQuestion: 'Question',
  colPollId: 'Poll id',
  colStatus: 'Status',
  colVoters: 'Voters',
  statusOpen: 'Open',
  statusCloses: 'Open until {date}',
  statusClosed: 'Closed',

  newPollTitle: 'New poll',
  question: 'Question',
  option: 'Option {n}',
  addOption: 'Add option',
  removeOption: 'Remove option {n}',
  pollId: 'Poll id',
  pollIdHint: 'Used in the embed code. Latin letters, digits and _ . : ~ - (not first), up to 128 characters.',
  multiple: 'Multiple choice',
  upTo: 'Up to',
  upToHint: 'How many options a reader may choose.',
  resultsShown: 'Results shown',
  resultsAlways: 'Always',
  resultsAfterVote: 'After voting',
  resultsAfterClose: 'After closing',
  closesAt: 'Closes at',
  closesAtHint: 'Optional. In your time zone, {zone}.',
  createPoll: 'Create poll',
  creating: 'Creating…',
  created: 'The poll was created.',
  errRequired: 'Fill this in.',
  errTooLong: 'Too long: at most {count} characters.',
  errIdRules: 'Use Latin letters, digits and _ . : ~ - (not as the first character), up to 128 characters.',
  errIdTaken: 'A poll with this id already exists: choose another.',
  errUpTo: 'Choose a number from 1 to {count}.',
  errDate: 'Enter a whole date and time, or leave it empty.',
  errForm: 'The poll was not created. Check the fields marked below.',
  errFormCount: { one: 'The poll was not created: {count} field needs attention.', other: 'The poll was not created: {count} fields need attention.' } as PluralMessage,

  allPolls: 'All polls',
  pollNotFound: 'There is no poll "{id}".',
  results: 'Results',
  colOption: 'Option',
  colVotes: 'Votes',
  colShare: 'Share',
  voteCount: { one: '{count} vote', other: '{count} votes' } as PluralMessage,
  voterCount: { one: '{count} voter', other: '{count} voters' } as PluralMessage,
  sharesBase: 'Shares are of all voters ({count}), who could each choose several options.',
  liveNote: 'Updated every few seconds while the poll is open.',
  closePoll: 'Close poll',
  reopenPoll: 'Reopen poll',
  pollClosedNow: 'The poll is closed.',
  pollReopened: 'The poll is open again.',
  editTitle: 'Question and labels',
  editHint: 'Votes stay with their option when its label changes.',
  saveChanges: 'Save changes',
  saved: 'Saved.',
  nothingChanged: 'Nothing has changed.',
  embedTitle: 'Embed code',
  embedHint: 'Paste it into an article where the poll should appear.',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'Could not copy: select the code and copy it by hand.',
  exportCsv: 'Export CSV',

  ratingsTitle: 'Ratings',
  ratingsCaption: 'Every rated article',
  search: 'Search by article id',
  articleCount: { one: '{count} article', other: '{count} articles' } as PluralMessage,
  noRatings: 'No article has been rated yet.',
  noMatch: 'No article id contains "{query}".',
  colArticle: 'Article',
  colAverage: 'Average',
  sortBy: 'sort',

  sharesTitle: 'Shares',
  sharesCaption: 'Shares counted per address and network',
  noShares: 'No share has been counted yet.',
  colUrl: 'Address',
  colTotal: 'Total',
};

export type ConsoleMessages = typeof en;

const ru: ConsoleMessages = {
  appTitle: 'Консоль редактора',
  language: 'Язык',
  mainNav: 'Разделы',
  navPolls: 'Опросы',
  navNewPoll: 'Новый опрос',
  navRatings: 'Рейтинги',
  navShares: 'Репосты',
  signOut: 'Выйти',
  loading: 'Загрузка…',
  retry: 'Повторить',
  errorNetwork: 'Не удалось связаться с сервером. Проверьте соединение и повторите.',
  errorServer: 'Сервер не смог это сделать: {message}',

  signInTitle: 'Вход',
  adminToken: 'Токен администратора',
  adminTokenHint: 'Токен, с которым запущен сервер (--admin-token или AW_ADMIN_TOKEN).',
  signIn: 'Войти',
  signingIn: 'Входим…',
  signInRequired: 'Введите токен администратора.',
  signInWrong: 'Это не токен администратора.',
  signInLimited: {
    one: 'Слишком много неверных токенов. Повторите через {count} секунду.',
    few: 'Слишком много неверных токенов. Повторите через {count} секунды.',
    many: 'Слишком много неверных токенов. Повторите через {count} секунд.',
    other: 'Слишком много неверных токенов. Повторите через {count} секунды.',
  },
  sessionEnded: 'Сеанс завершён. Войдите снова.',
  signedOut: 'Вы вышли.',
  disabledTitle: 'Консоль выключена',
  disabledText:
    'Сервер запущен без токена администратора, поэтому войти нельзя. Запустите его с --admin-token и секретом не короче 24 символов (или задайте переменную окружения AW_ADMIN_TOKEN — её не видят другие пользователи машины) и перезагрузите страницу.',

  pollsTitle: 'Опросы',
  pollsCaption: 'Все опросы, сначала новые',
  noPolls: 'Опросов пока нет.',
  colQuestion: 'Вопрос',
  colPollId: 'Идентификатор',
  colStatus: 'Состояние',
  colVoters: 'Голосовавших',
  statusOpen: 'Открыт',
  statusCloses: 'Открыт до {date}',
  statusClosed: 'Завершён',

  newPollTitle: 'Новый опрос',
  question: 'Вопрос',
  option: 'Вариант {n}',
  addOption: 'Добавить вариант',
  removeOption: 'Удалить вариант {n}',
  pollId: 'Идентификатор опроса',
  pollIdHint: 'Нужен для кода вставки. Латинские буквы, цифры и _ . : ~ - (не первым), до 128 символов.',
  multiple: 'Несколько вариантов',
  upTo: 'Не больше',
  upToHint: 'Сколько вариантов может выбрать читатель.',
  resultsShown: 'Показывать результаты',
  resultsAlways: 'Всегда',
  resultsAfterVote: 'После голосования',
  resultsAfterClose: 'После завершения',
  closesAt: 'Дата и время завершения',
  closesAtHint: 'Необязательно. По вашему времени, {zone}.',
  createPoll: 'Создать опрос',
  creating: 'Создаём…',
  created: 'Опрос создан.',
  errRequired: 'Заполните это поле.',
  errTooLong: 'Слишком длинно: не больше {count} символов.',
  errIdRules: 'Латинские буквы, цифры и _ . : ~ - (не первым символом), до 128 символов.',
  errIdTaken: 'Опрос с таким идентификатором уже есть: выберите другой.',
  errUpTo: 'Введите число от 1 до {count}.',
  errDate: 'Введите дату и время полностью или оставьте поле пустым.',
  errForm: 'Опрос не создан. Проверьте отмеченные поля.',
  errFormCount: {
    one: 'Опрос не создан: исправьте {count} поле.',
    few: 'Опрос не создан: исправьте {count} поля.',
    many: 'Опрос не создан: исправьте {count} полей.',
    other: 'Опрос не создан: исправьте {count} поля.',
  },

  allPolls: 'Все опросы',
  pollNotFound: 'Опроса «{id}» нет.',
  results: 'Результаты',
  colOption: 'Вариант',
  colVotes: 'Голоса',
  colShare: 'Доля',
  voteCount: { one: '{count} голос', few: '{count} голоса', many: '{count} голосов', other: '{count} голоса' },
  voterCount: { one: '{count} участник', few: '{count} участника', many: '{count} участников', other: '{count} участника' },
  sharesBase: 'Доли — от всех проголосовавших ({count}): каждый мог выбрать несколько вариантов.',
  liveNote: 'Пока опрос открыт, результаты обновляются каждые несколько секунд.',
  closePoll: 'Завершить опрос',
  reopenPoll: 'Открыть опрос снова',
  pollClosedNow: 'Опрос завершён.',
  pollReopened: 'Опрос снова открыт.',
  editTitle: 'Вопрос и варианты',
  editHint: 'Голоса остаются у варианта, когда меняется его текст.',
  saveChanges: 'Сохранить',
  saved: 'Сохранено.',
  nothingChanged: 'Ничего не изменилось.',
  embedTitle: 'Код вставки',
  embedHint: 'Вставьте его в статью там, где должен быть опрос.',
  copy: 'Копировать',
  copied: 'Скопировано.',
  copyFailed: 'Не удалось скопировать: выделите код и скопируйте вручную.',
  exportCsv: 'Выгрузить CSV',

  ratingsTitle: 'Рейтинги',
  ratingsCaption: 'Все оценённые статьи',
  search: 'Поиск по идентификатору статьи',
  articleCount: { one: '{count} статья', few: '{count} статьи', many: '{count} статей', other: '{count} статьи' },
  noRatings: 'Статьи пока никто не оценил.',
  noMatch: 'Нет статей, в идентификаторе которых есть «{query}».',
  colArticle: 'Статья',
  colAverage: 'Средняя',
  sortBy: 'сортировать',

  sharesTitle: 'Репосты',
  sharesCaption: 'Репосты по адресам и сетям',
  noShares: 'Репостов пока нет.',
  colUrl: 'Адрес',
  colTotal: 'Всего',
};

/** Both languages in the console's bundle: an editor switches between them at will. */
export const consoleMessages = { en, more: { ru } };
export type Language = 'en' | 'ru';
export const LANGUAGES: Record<Language, string> = { en: 'English', ru: 'Русский' };

export type ConsoleTranslator = Translator<ConsoleMessages>;

/**
 * What the console says after an action, kept as what to say rather than as text, so it follows
 * the language switch while it is on screen.
 */
export type Phrase = (t: ConsoleTranslator) => string;

export const phrase =
  (key: keyof ConsoleMessages, params?: Record<string, string | number>): Phrase =>
  (t) =>
    t.t(key, params);

/** The server's own words (English), where the console has none of its own. */
export const verbatim =
  (text: string): Phrase =>
  () =>
    text;

const STORAGE_KEY = 'article-widgets:console-language';

/** The editor's language: the one they chose here before, else the browser's, else English. */
export function initialLanguage(): Language {
  try {
    const chosen = localStorage.getItem(STORAGE_KEY);
    if (chosen === 'en' || chosen === 'ru') return chosen;
  } catch {
    // Storage refused (a privacy mode): the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered; the switch still works for this visit.
  }
}

export function translator(lang: Language): ConsoleTranslator {
  return new Translator(lang, consoleMessages);
}
