import type { Catalogs, PluralMessage } from '../internal/i18n.js';

// How a bar says its share counts: loaded with counting.ts, only on pages that show counts.
const en = {
  /** Added to a button's accessible name: "Share on Telegram, 3 shares". */
  shareCount: { one: '{count} share', other: '{count} shares' } as PluralMessage,
};

export const countMessages: Catalogs<typeof en> = {
  en,
  ru: {
    shareCount: { one: '{count} репост', few: '{count} репоста', many: '{count} репостов', other: '{count} репоста' },
  },
};
