/**
 * The networks a <share-bar> knows: each a name, an icon, a brand colour and the URL template of
 * its own share page. Nothing here talks to a network: a template becomes a plain link, opened only
 * when a reader clicks it.
 */
import { icons } from './icons.js';
import { shared } from '../internal/page-registry.js';

export interface ShareNetwork {
  /** The name used in `networks="..."`: lowercase letters, digits and dashes. */
  name: string;
  /** What the button says ("Share on {label}"); the brand name. */
  label: string;
  /** One SVG path on a 24 x 24 grid, filled with the icon colour. */
  icon: string;
  /**
   * The network's share page, with `{url}`, `{title}` and `{text}` where they go; each is filled
   * in URL-encoded. Must give an https:, http: or mailto: URL.
   */
  url: string;
  /**
   * The brand colour behind the icon (a CSS colour; `light-dark(a, b)` for one per colour scheme);
   * grey when absent.
   */
  color?: string;
  /** The size of the popup the share page opens in, as [width, height]; a new tab when absent. */
  popup?: [number, number];
}

/** What is shared: the page address and its title, and a text for networks that take one. */
export interface SharedPage {
  url: string;
  title: string;
  text: string;
}

/** The usual popup of a share page; a network whose form is larger gets its own size. */
const P: [number, number] = [600, 500];

// Share pages as each network documents them (Bluesky: docs.bsky.app "Action Intent Links";
// X: developer.x.com "Web Intent"). Networks that take one text field get "text URL".
const builtIn: ShareNetwork[] = (<Omit<ShareNetwork, 'icon'>[]>[
  { name: 'telegram', label: 'Telegram', color: '#1d8dcf', url: 'https://t.me/share/url?url={url}&text={text}', popup: P },
  { name: 'vk', label: 'VK', color: '#0070f0', url: 'https://vk.com/share.php?url={url}&title={title}', popup: [650, 570] },
  { name: 'ok', label: 'Odnoklassniki', color: '#e27400', url: 'https://connect.ok.ru/offer?url={url}&title={title}', popup: [600, 580] },
  { name: 'whatsapp', label: 'WhatsApp', color: '#14904a', url: 'https://wa.me/?text={text}%20{url}' },
  // A black tile would vanish on a dark page.
  { name: 'x', label: 'X', color: 'light-dark(#000, #333)', url: 'https://x.com/intent/tweet?url={url}&text={text}', popup: P },
  { name: 'facebook', label: 'Facebook', color: '#0866ff', url: 'https://www.facebook.com/sharer/sharer.php?u={url}', popup: [600, 640] },
  { name: 'linkedin', label: 'LinkedIn', color: '#0a66c2', url: 'https://www.linkedin.com/sharing/share-offsite/?url={url}', popup: [600, 640] },
  { name: 'bluesky', label: 'Bluesky', color: '#0a7aff', url: 'https://bsky.app/intent/compose?text={text}%20{url}', popup: P },
  { name: 'reddit', label: 'Reddit', color: '#e03d00', url: 'https://www.reddit.com/submit?url={url}&title={title}' },
  // {instance} is the reader's own server, asked once and remembered.
  { name: 'mastodon', label: 'Mastodon', color: '#5a4fd6', url: 'https://{instance}/share?text={text}%20{url}', popup: [600, 600] },
  // Grey, the colour of a network without one of its own.
  { name: 'email', label: 'Email', url: 'mailto:?subject={title}&body={text}%0A%0A{url}' },
  // Not share pages: the element handles these two itself.
  { name: 'copy', label: 'Copy link', url: '' },
  { name: 'native', label: 'More', url: '' },
]).map((network) => ({ ...network, icon: icons[network.name] }));

// In the page registry, so a network registered through any copy of article-widgets reaches every
// bar. A built-in name already there (another copy's, or the site's own) is left as it is.
const registered = shared('networks', () => ({ byName: new Map(), listeners: new Set() }));
const networks = registered.byName as Map<string, ShareNetwork>;
for (const network of builtIn) if (!networks.has(network.name)) networks.set(network.name, network);
/** Other names a site may write for a network (`twitter` for `x`). */
export const networkAliases: Readonly<Record<string, string>> = { twitter: 'x', odnoklassniki: 'ok', vkontakte: 'vk', mail: 'email' };
const listeners = registered.listeners;

/**
 * Adds a network of the site's own, or replaces a built-in one, without forking: every bar on the
 * page that lists its name shows it.
 *
 * ```js
 * registerNetwork({ name: 'hn', label: 'Hacker News', icon: 'M3 3h18v18H3z', color: '#f60',
 *   url: 'https://news.ycombinator.com/submitlink?u={url}&t={title}' });
 * ```
 */
export function registerNetwork(network: ShareNetwork): void {
  const { name, url } = network;
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !/^(https?:\/\/|mailto:)/i.test(url)) {
    throw new TypeError(`article-widgets: registerNetwork needs a name like "my-network" and an http(s): or mailto: url, not "${name}", "${url}".`);
  }
  networks.set(name, { ...network });
  listeners.forEach((listener) => listener());
}

/** Calls `listener` whenever a network is registered; returns the function that stops it. */
export function onNetworksChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The network called `name` (or one of its other names), if known. */
export function networkNamed(name: string): ShareNetwork | undefined {
  return networks.get(networkAliases[name] ?? name);
}

/** Every network known on this page, built in or registered, in the order they were added. */
export function knownNetworks(): ShareNetwork[] {
  return [...networks.values()];
}

/**
 * The networks shown when a bar names none: readers of Russian get the networks they use first.
 * `native` (the browser's share sheet) shows only where the browser offers one.
 */
export function defaultNetworks(lang: string): string[] {
  return (/^(ru|be|kk)\b/i.test(lang) ? 'telegram vk ok whatsapp x' : 'facebook x linkedin bluesky reddit whatsapp telegram mastodon').split(' ').concat('email', 'copy', 'native');
}

/**
 * `value` with lone surrogates replaced by U+FFFD, which encodeURIComponent would throw on (a
 * browser without toWellFormed still throws: that one link is then left out).
 */
function wellFormed(value: string): string {
  return (value as string & { toWellFormed?(): string }).toWellFormed?.() ?? value;
}

/**
 * The share URL of `network` for `page`: each placeholder URL-encoded, so any character (Cyrillic,
 * &, #, quotes, emoji, spaces) arrives as it was. Undefined when the template does not give an
 * https:, http: or mailto: URL.
 */
export function shareUrl(network: ShareNetwork, page: SharedPage, instance = ''): string | undefined {
  try {
    const url = network.url
      .replace('{instance}', instance)
      .replace(/\{(url|title|text)\}/g, (_, key: keyof SharedPage) => encodeURIComponent(wellFormed(page[key])));
    if (/^(https?|mailto):$/.test(new URL(url).protocol)) return url;
  } catch {
    // not a URL at all, or text that cannot be encoded
  }
  return undefined;
}

/** Where a reader's Mastodon server is kept, once they gave it (see actions.ts). */
export const MASTODON_KEY = 'article-widgets:mastodon';

/** The reader's Mastodon server, if they gave it before. */
export function rememberedServer(): string {
  try {
    return localStorage.getItem(MASTODON_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Opens a share page in a popup of its own, cut off from this page (noopener). */
export function openPopup(href: string, [width, height]: [number, number]): void {
  const left = (screen.availWidth - width) / 2;
  const top = (screen.availHeight - height) / 2;
  window.open(href, '_blank', `noopener,noreferrer,popup,width=${width},height=${height},left=${left},top=${top}`);
}
