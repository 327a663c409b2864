import type { Catalogs } from './i18n.js';
import { lazyModule } from './lazy-module.js';

/**
 * What a widget says when the server does not answer at all. These words are always here, in the
 * page's language, before a widget renders: the other failure strings (failures.messages.ts) load
 * only once something has failed, and when the server is out of reach they often cannot load
 * either (a site's voting server commonly serves the scripts too). Without these a widget would
 * wait for words that never come, its vote stuck on "Sending…".
 */
export const unreachableEn = {
  retry: 'Try again',
  failureLoad: 'Could not load the latest figures.',
  failureNetwork: 'Could not reach the server. Your vote was not counted.',
};

export type UnreachableStrings = typeof unreachableEn;

/** English in every bundle; Russian with the element's own Russian strings, before it renders. */
export const unreachableCatalogs: Catalogs<UnreachableStrings> = {
  en: unreachableEn,
  more: { ru: lazyModule(() => import('./unreachable.messages.ru.js')) },
};
