/**
 * What the bar's three buttons that are not plain links do: copy the link, open the browser's
 * share sheet, ask for a Mastodon server. Loaded on a reader's first click of one of them, so a
 * page that only shows the bar carries none of it.
 */
import { warnOnce } from '../internal/warn.js';
import { MASTODON_KEY, networkNamed, openPopup, shareUrl, type SharedPage } from './networks.js';

/** What an action needs of its bar. */
export interface Bar {
  host: HTMLElement;
  /** Fires the cancelable `aw-share`, then, unless vetoed, runs `share` and counts the share if it returns true. */
  share(network: string, share: (page: SharedPage) => unknown): void;
  /** Shows and announces a message. */
  say(message: string): void;
  t(key: 'shareCopied' | 'shareCopyFailed' | 'shareServer'): string;
}

/** Copies without the Clipboard API (insecure origins, older browsers, permission refused). */
function copyByCommand(text: string, root: ShadowRoot): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.className = 'visually-hidden';
  root.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export function copy(bar: Bar): void {
  bar.share('copy', async ({ url }) => {
    let copied = true;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      const root = bar.host.shadowRoot!;
      copied = copyByCommand(url, root);
      root.querySelector<HTMLElement>('[data-network="copy"]')?.focus();
    }
    bar.say(bar.t(copied ? 'shareCopied' : 'shareCopyFailed'));
    return copied;
  });
}

export function native(bar: Bar): void {
  bar.share('native', ({ url, title, text }) =>
    navigator.share({ url, title, text }).then(
      () => true,
      // The reader closing the sheet is not a failure.
      (e: Error) => void (e.name != 'AbortError' && warnOnce(bar.host, 'native', `could not open the share sheet: ${e}`)),
    ),
  );
}

/**
 * The host of a Mastodon server as a reader may type it ("mastodon.social",
 * "https://mastodon.social/", "@me@mastodon.social"), or undefined when it is not one.
 */
export function mastodonHost(input: string): string | undefined {
  const host = input.trim().replace(/^(https?:\/\/|@?[^@/\s]*@)/i, '').replace(/\/.*$/, '');
  try {
    if (host.includes('.')) return new URL(`https://${host}`).host;
  } catch {
    // not a host name
  }
  return undefined;
}

/** Asks the reader for their Mastodon server (once: it is remembered), then shares there. */
export function mastodon(bar: Bar): void {
  let host: string | undefined;
  for (let answer: string | null = ''; !host; host = mastodonHost(answer)) {
    answer = prompt(bar.t('shareServer'), answer || 'mastodon.social');
    if (answer == null) return;
  }
  try {
    localStorage.setItem(MASTODON_KEY, host);
  } catch {
    // not remembered, but the share still goes ahead
  }
  const network = networkNamed('mastodon')!;
  bar.share('mastodon', (page) => (openPopup(shareUrl(network, page, host)!, network.popup!), true));
}
