import type { Catalogs, NameMap } from '../internal/i18n.js';
import { lazyModule } from '../internal/lazy-module.js';

// The strings a bar shows when it renders. What it says only after a click ("Link copied", the
// Mastodon question) or only with `counts` loads with the code that says it: see
// actions.messages.ts and counting.messages.ts.
const en = {
  shareLabel: 'Share this article',
  /** The accessible name of a network's button. */
  shareOn: 'Share on {network}',
  /**
   * Button texts that differ from the network's own label (the English name in networks.ts), so
   * English needs none. A site sets one network's name without losing the others.
   */
  shareNames: {} as NameMap,
  /** Whole accessible names of the buttons that do not read "Share on {network}" (copy reads its name). */
  shareActions: { email: 'Share by email', native: 'More ways to share' } as NameMap,
};

export type ShareStrings = typeof en;

/** The strings of <share-bar>: English here, Russian loaded the first time a bar is in Russian. */
export const shareCatalogs: Catalogs<ShareStrings> = {
  en,
  more: { ru: lazyModule(() => import('./share-bar.messages.ru.js')) },
};
