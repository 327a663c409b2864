import type { Catalogs, PluralMessage } from '../internal/i18n.js';

const en = {
  shareLabel: 'Share this article',
  /** The accessible name of a network's button. */
  shareOn: 'Share on {network}',
  /** Button texts that differ from the network's own name. */
  shareNames: { email: 'Email', copy: 'Copy link', native: 'More' } as Record<string, string>,
  /** Whole accessible names of the buttons that do not read "Share on {network}" (copy reads its name). */
  shareActions: { email: 'Share by email', native: 'More ways to share' } as Record<string, string>,
  shareCount: { one: '{count} share', other: '{count} shares' } as PluralMessage,
  shareCopied: 'Link copied',
  shareCopyFailed: 'Could not copy the link',
  /** Asked once, when a reader first shares on Mastodon. */
  shareServer: 'Your Mastodon server:',
};

/** The strings of <share-bar>, in English and Russian. */
export const shareMessages: Catalogs<typeof en> = {
  en,
  ru: {
    shareLabel: 'Поделиться статьёй',
    shareOn: 'Поделиться в {network}',
    shareNames: { vk: 'ВКонтакте', ok: 'ОК', email: 'E-mail', copy: 'Копировать ссылку', native: 'Ещё' },
    shareActions: { email: 'Отправить по e-mail', native: 'Ещё способы поделиться' },
    shareCount: { one: '{count} репост', few: '{count} репоста', many: '{count} репостов', other: '{count} репоста' },
    shareCopied: 'Ссылка скопирована',
    shareCopyFailed: 'Не удалось скопировать ссылку',
    shareServer: 'Ваш сервер Mastodon:',
  },
};
