/**
 * What the bar's three buttons that are not plain links do: copy the link, open the browser's
 * share sheet, ask for a Mastodon server. Loaded on a reader's first click of one of them, so a
 * page that only shows the bar carries none of it.
 */
import type { ReactiveElement } from 'lit';
import { getDefaultBackend } from '../backend/default-backend.js';
import { emit } from '../internal/events.js';
import type { BackendHost } from '../internal/resolve-backend.js';
import { translatorFor } from '../internal/translator.js';
import { actionCatalogs } from './actions.messages.js';
import type * as Counting from './counting.js';
import { MASTODON_KEY, networkNamed, openPopup, shareUrl, type SharedPage } from './networks.js';

/**
 * Runs a share that `aw-share` let through, then counts it if `run` says it happened. The counting
 * code loads only where a backend may count (see resolveBackend): most sites have none. Nothing
 * waits for the count, and a failure to count is only a warning and `aw-share-error`, a failure to
 * load the counting code too. The bar hands its loader in: it loads counting for its counts too,
 * and one loader means one load, and one new address after a failure (see lazyModule).
 */
export async function complete(
  host: HTMLElement & BackendHost,
  network: string,
  page: SharedPage,
  run: (page: SharedPage) => unknown,
  loadCounting: () => Promise<typeof Counting>,
): Promise<void> {
  if ((await run(page)) && (host.backend || host.api || getDefaultBackend() || document.querySelector('meta[name="article-widgets:api"]'))) {
    await loadCounting().then(
      (counting) => counting.recordShare(host, network, page),
      (error: Error) => {
        const message = `its code did not load (${error.message})`;
        console.warn(`article-widgets: <${host.localName}> could not count a share on ${network}: ${message}`, host);
        emit(host, 'aw-share-error', { network, url: page.url, title: page.title, code: 'network', message });
      },
    );
  }
}

/** What an action needs of its bar. */
export interface Bar {
  host: ReactiveElement;
  /** Fires the cancelable `aw-share`, then, unless vetoed, runs `share` and counts the share if it returns true. */
  share(network: string, share: (page: SharedPage) => unknown): void;
}

const timers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/**
 * Shows and announces a message in the bar's status region for a few seconds. Only actions speak,
 * so the region is theirs: the bar renders it empty and never binds its text.
 */
function say(bar: Bar, message: string): void {
  const status = bar.host.shadowRoot!.querySelector('[part="status"]')!;
  clearTimeout(timers.get(bar.host));
  status.textContent = message;
  timers.set(bar.host, setTimeout(() => (status.textContent = ''), 4000));
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
    say(bar, translatorFor(bar.host, actionCatalogs).t(copied ? 'shareCopied' : 'shareCopyFailed'));
    return copied;
  });
}

export function native(bar: Bar): void {
  bar.share('native', ({ url, title, text }) =>
    navigator.share({ url, title, text }).then(
      () => true,
      // The reader closing the sheet is not a failure.
      (e: Error) => void (e.name != 'AbortError' && console.warn(`article-widgets: <${bar.host.localName}> could not open the share sheet: ${e}`, bar.host)),
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

/**
 * Remembers the reader's Mastodon server for their next share (where storage is allowed). Here,
 * not beside its reading in networks.ts, since only a reader's answer writes it: a bar that never
 * asks carries none of it.
 */
function rememberServer(host: string): void {
  try {
    localStorage.setItem(MASTODON_KEY, host);
  } catch {
    // not remembered, but the share still goes ahead
  }
}

/**
 * Asks the reader for their Mastodon server, remembers it and shares there, as the bar's link does
 * from then on. Nothing happens when the reader cancels.
 */
export function mastodon(bar: Bar): void {
  const question = translatorFor(bar.host, actionCatalogs).t('shareServer');
  let host: string | undefined;
  for (let answer: string | null = ''; !host; host = mastodonHost(answer)) {
    answer = prompt(question, answer || 'mastodon.social');
    if (answer == null) return;
  }
  rememberServer(host);
  // The bar's Mastodon button becomes a link to the reader's server.
  bar.host.requestUpdate();
  const network = networkNamed('mastodon')!;
  bar.share('mastodon', (page) => (openPopup(shareUrl(network, page, host)!, network.popup!), true));
}
