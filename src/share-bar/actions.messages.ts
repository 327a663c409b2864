import type { Catalogs } from '../internal/i18n.js';

// What a bar says only after a reader clicks copy or Mastodon: loaded with actions.ts, so a page
// that only shows the bar carries none of it (both languages: they load only after a click).
// A site overrides these with registerLocale() too.
const en = {
  shareCopied: 'Link copied',
  shareCopyFailed: 'Could not copy the link',
  /** Asked once, when a reader first shares on Mastodon. */
  shareServer: 'Your Mastodon server:',
};

export type ActionStrings = typeof en;

export const actionCatalogs: Catalogs<ActionStrings> = {
  en,
  more: {
    ru: {
      shareCopied: 'Ссылка скопирована',
      shareCopyFailed: 'Не удалось скопировать ссылку',
      shareServer: 'Ваш сервер Mastodon:',
    },
  },
};
