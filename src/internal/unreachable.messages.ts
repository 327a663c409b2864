import type { Catalogs } from './i18n.js';

/**
 * What a widget says when the server does not answer at all. These words are always in the
 * bundle, in both languages: the failure strings (failures.messages.ts) load only once something
 * has failed, and when the server is out of reach they often cannot load either (a site's voting
 * server commonly serves the scripts too). Without these a widget would wait for words that never
 * come, its vote stuck on "Sending…".
 */
export const unreachableEn = {
  retry: 'Try again',
  failureLoad: 'Could not load the latest figures.',
  failureNetwork: 'Could not reach the server. Your vote was not counted.',
};

export const unreachableRu: typeof unreachableEn = {
  retry: 'Повторить',
  failureLoad: 'Не удалось загрузить свежие данные.',
  failureNetwork: 'Не удалось связаться с сервером. Ваш голос не учтён.',
};

export const unreachableCatalogs: Catalogs<typeof unreachableEn> = { en: unreachableEn, more: { ru: unreachableRu } };
