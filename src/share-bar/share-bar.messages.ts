import type { Catalogs } from '../internal/i18n.js';

// The strings a bar shows when it renders. What it says only after a click ("Link copied", the
// Mastodon question) or only with `counts` loads with the code that says it: see
// actions.messages.ts and counting.messages.ts.
const en = {
  shareLabel: 'Share this article',
  /** The accessible name of a network's button. */
  shareOn: 'Share on {network}',
  /**
   * Button texts that differ from the network's own label (the English name in networks.ts), so
   * English needs none.
   */
  shareNames: {} as Record<string, string>,
  /** Whole accessible names of the buttons that do not read "Share on {network}" (copy reads its name). */
  shareActions: { email: 'Share by email', native: 'More ways to share' } as Record<string, string>,
};

export type ShareMessages = typeof en;

/** The strings of <share-bar>, in English and Russian. */
export const shareMessages: Catalogs<ShareMessages> = {
  en,
  ru: {
    shareLabel: 'Поделиться статьёй',
    shareOn: 'Поделиться в {network}',
    shareNames: { vk: 'ВКонтакте', ok: 'ОК', email: 'E-mail', copy: 'Копировать ссылку', native: 'Ещё' },
    shareActions: { email: 'Отправить по e-mail', native: 'Ещё способы поделиться' },
  },
};
