import type { Catalogs, PluralMessage } from '../internal/i18n.js';

// How a bar says its share counts: loaded with counting.ts, only on pages that show counts.
const en = {
  /** Added to a button's accessible name: "Share on Telegram, 3 shares". */
  shareCount: { one: '{count} share', other: '{count} shares' } as PluralMessage,
};

export type CountStrings = typeof en;

export const countCatalogs: Catalogs<CountStrings> = {
  en,
  more: {
    ru: { shareCount: { one: '{count} репост', few: '{count} репоста', many: '{count} репостов', other: '{count} репоста' } },
  },
};
