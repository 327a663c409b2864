import { LitElement, html, nothing } from 'lit';
import type { WidgetBackend } from '../backend/backend.js';
import { emit } from '../internal/events.js';
import { afterStrings, fill, languageOf, messagesIn, onLanguageChange } from '../internal/i18n.js';
import { defineElement } from '../internal/define-element.js';
import { lazyModule } from '../internal/lazy-module.js';
import { Subscriptions } from '../internal/subscriptions.js';
import { renderInTurn } from '../internal/render-turns.js';
import type { Counter } from './counting.js';
import { defaultNetworks, networkNamed, onNetworksChange, openPopup, rememberedServer, shareUrl, type ShareNetwork, type SharedPage } from './networks.js';
import type { Problem } from './problems.js';
import { shareCatalogs, type ShareStrings } from './share-bar.messages.js';
import { styles } from './share-bar.styles.js';

/** The string catalogs it renders with (see afterStrings); register.ts has them in the page's language before defining it. @internal */
export const catalogsOfShareBar = [shareCatalogs];

export type { ShareNetwork, SharedPage };

export interface ShareDetail {
  /** The network's name: `telegram`, ..., `email`, `copy`, `native` or a site's own. */
  network: string;
  url: string;
  title: string;
}

export interface ShareErrorDetail extends ShareDetail {
  /** Why counting the share failed: network, refused, not-found or invalid-reply. */
  code: string;
  message: string;
}

/** Icons drawn as outlines rather than filled. */
const LINE_ICONS = ['email', 'copy', 'native'];

/** An http(s) URL in canonical form, or undefined for anything else (relative URLs too). */
function webUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    if (/^https?:$/.test(url.protocol)) return url.href;
  } catch {
    // not an absolute URL
  }
  return undefined;
}

/**
 * The bar's code that runs only once a reader acts or counts show, each loaded on first use. A load
 * that failed (the server that serves the code is down) loads again at the next use (see
 * lazyModule); meanwhile what needed it does not happen and says nothing: a link's own share (its
 * popup, its new tab) never waits for any of it. Counting's loader is handed to actions.ts, so
 * the bar's counts and a share's count share one load.
 */
const loadActions = lazyModule(() => import('./actions.js'));
const loadCounting = lazyModule(() => import('./counting.js'));
const loadProblems = lazyModule(() => import('./problems.js'));
const quietly = () => {};

/**
 * Loads the code of copy, the share sheet and Mastodon as a reader comes near the bar, so that a
 * click runs it at once, well within the click's user activation (which popups and the share sheet
 * need). It is this site's own code: nothing comes from any network before a click.
 */
const warmUp = () => loadActions().catch(quietly);

/**
 * Share buttons that load nothing from anyone until a reader clicks: each is a plain link to the
 * network's own share page with an inline icon, opened in a popup or a new tab, always noopener.
 * Copy link and the browser's share sheet are built in; a site adds networks of its own with
 * `registerNetwork()`. For readers without JavaScript a site may write the same links
 * inside the element: they show until it upgrades, then the bar takes their place.
 *
 * Colours follow the `color-scheme` the element inherits from the page, not the reader's system: a
 * page that declares none is light, `color-scheme: dark` gets the dark palette, `light dark`
 * follows the reader. To force one on a widget (say, on a dark panel of a light page), set
 * `color-scheme: dark` or `light` on it or on the panel, in the site's stylesheet. Each colour
 * property below may be a `light-dark()` pair too.
 *
 * The bar draws nothing more than 8px outside its box (it has paint containment, which keeps a
 * listing page of bars fast), which holds its focus rings: a `::part()` style that reaches further,
 * such as a wide glow, goes with a larger `--aw-share-overflow`.
 *
 * @summary Private, light share buttons: links, copy link and the native share sheet.
 * @tagname share-bar
 *
 * @csspart base - The wrapper of everything (a group named by the label).
 * @csspart label - The visible label ("Share this article").
 * @csspart list - The list of buttons.
 * @csspart button - Each button: a link, or a button for copy, the share sheet and a Mastodon
 *   server not yet known. Each also has its network's name as a part: `::part(telegram)`.
 * @csspart icon - The icon of a button, on its brand colour.
 * @csspart name - The text of a button, shown with `labels`.
 * @csspart count - A network's share count, shown with `counts`.
 * @csspart status - "Link copied" and other news, visible and announced.
 *
 * @cssprop [--aw-share-size=32px] - The size of an icon tile, overriding `size` (24px small, 44px large; never below 24px).
 * @cssprop [--aw-share-gap=0.5rem] - The space between buttons.
 * @cssprop [--aw-share-radius=6px] - The corner radius of the buttons.
 * @cssprop [--aw-share-icon-color=#fff] - The icons on their brand colours.
 * @cssprop [--aw-share-mono-color=currentColor] - The icons of a `monochrome` bar.
 * @cssprop [--aw-share-overflow=8px] - How far past the bar its buttons may draw (the focus ring reaches 4px; a page's wider `::part()` glow needs more).
 * @cssprop [--aw-focus-color=light-dark(#2563eb, #93c5fd)] - The focus ring.
 *
 * @fires {CustomEvent<ShareDetail>} aw-share - Before a share opens (or the link is copied); cancelable: preventDefault() stops it.
 * @fires {CustomEvent<ShareErrorDetail>} aw-share-error - A share went ahead, but the backend failed to count it.
 */
export class ShareBar extends LitElement {
  static override styles = styles;

  /** Registers the element under `tag` (default `share-bar`) unless that tag is taken. */
  static define(tag = 'share-bar', registry: CustomElementRegistry = customElements): void {
    defineElement(this, tag, registry);
    // A page's storage opens on its first read, a round trip to the browser (1-25 ms measured in
    // Chromium here): made in a task of its own, not in the task that renders a listing page's bars.
    setTimeout(rememberedServer);
  }

  // Static properties rather than decorators: no decorator runtime in the bundle.
  static override properties = {
    networks: {},
    url: {},
    shareTitle: { attribute: 'share-title' },
    shareText: { attribute: 'share-text' },
    label: {},
    hideLabel: { type: Boolean, attribute: 'hide-label' },
    labels: { type: Boolean, reflect: true },
    vertical: { type: Boolean, reflect: true },
    size: { reflect: true },
    monochrome: { type: Boolean, reflect: true },
    counts: { type: Boolean },
    api: {},
    backend: { attribute: false },
  };

  /** The networks to show, in order (`"telegram vk copy"`); a set for the page's language when absent. */
  declare networks?: string;
  /** The address to share (http or https); the page's canonical link, else its address, when absent. */
  declare url?: string;
  /** The title to share; the page's og:title, else its title, when absent. */
  declare shareTitle?: string;
  /** The text for networks that take one; the title when absent. */
  declare shareText?: string;
  /** The visible label of the bar; "Share this article" in the reader's language when absent. */
  declare label?: string;
  /** Hides the label visually (it still names the bar for screen readers). */
  hideLabel = false;
  /** Shows each network's name beside its icon. */
  labels = false;
  /** Stacks the buttons vertically. */
  vertical = false;
  /** The size of the buttons: `small` (24px), `medium` (32px) or `large` (44px). */
  size: 'small' | 'medium' | 'large' = 'medium';
  /** Draws the icons in the text colour instead of brand colours. */
  monochrome = false;
  /** Shows first-party share counts from the backend (which needs one). */
  counts = false;
  /** The URL of the reference server's API (uses the HTTP backend). */
  declare api?: string;
  /** The backend that counts shares; overrides `api` and the page default. Optional. */
  declare backend?: WidgetBackend;

  /** Share counts, once asked for: counting.ts follows them (its code and strings load only then). */
  #counter?: Counter;
  private counting?: Promise<unknown>;
  /** @internal */
  protected readonly subscriptions = new Subscriptions(this, () => [
    onLanguageChange(this, () => this.requestUpdate()),
    onNetworksChange(() => this.requestUpdate()),
  ]);

  /**
   * Renders once the strings of its language are here (see afterStrings); the first render takes
   * its turn with the page's other widgets (see render-turns.ts).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return afterStrings(this, catalogsOfShareBar, () => (this.hasUpdated ? super.scheduleUpdate() : renderInTurn(() => super.scheduleUpdate()))) as
      | void
      | Promise<unknown>;
  }

  /** Loads the counts' code once they are asked for; code that failed to load (an outage) is asked for again at the next update. */
  protected override willUpdate(): void {
    if (this.counts) this.counting ??= loadCounting().then((counting) => (this.#counter = new counting.Counter(this, () => this.#page().url)), () => (this.counting = undefined));
  }

  /** Tells the site about a mistake in the console (see problems.ts: its words load only then). */
  #problem(problem: Problem, value = ''): void {
    void loadProblems().then(({ report }) => report(this, problem, value), quietly);
  }

  /**
   * What is shared: the attributes, else the page's canonical link and og:title or title. Those are
   * looked for only when needed, and in the head, where they belong: not through the whole of a
   * listing page, for each of its hundreds of bars.
   */
  #page(): SharedPage {
    let url = this.url == null ? undefined : webUrl(this.url);
    if (this.url != null && !url) this.#problem('url', this.url);
    const canonical = url ? undefined : document.head?.querySelector<HTMLLinkElement>('link[rel~="canonical"]');
    if (canonical && !(url = webUrl(canonical.href))) this.#problem('canonical');
    url ||= webUrl(location.href) ?? '';
    if (!url) this.#problem('location');
    let title = this.shareTitle?.trim();
    if (this.shareTitle != null && !title) this.#problem('share-title');
    title ||= document.head?.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content.trim() || document.title.trim();
    return { url, title, text: this.shareText?.trim() || title };
  }

  /** The networks to show, known ones only, in order. */
  #list(): ShareNetwork[] {
    const names = this.networks?.trim().toLowerCase().split(/[\s,]+/).filter(Boolean);
    const list: ShareNetwork[] = [];
    for (const name of names?.length ? names : defaultNetworks(languageOf(this))) {
      const network = networkNamed(name);
      if (!network) this.#problem('network', name);
      else if (!list.includes(network) && (name != 'native' || typeof navigator.share == 'function')) list.push(network);
    }
    return list;
  }

  /**
   * Fires the cancelable `aw-share`; unless a listener vetoes it, `run` does the share and the
   * share is counted, both in the lazily loaded actions (a link's own share, its popup, happens
   * here, at once). False when vetoed.
   */
  #share(network: string, run: (page: SharedPage) => unknown = () => true): boolean {
    const page = this.#page();
    if (!page.url || !emit<ShareDetail>(this, 'aw-share', { network, url: page.url, title: page.title }, { cancelable: true })) return false;
    void loadActions().then((actions) => actions.complete(this, network, page, run, loadCounting), quietly);
    return true;
  }

  /**
   * One listener for every button, on the group: a link shares on its network (a middle click
   * too), a button runs its action.
   */
  #onClick(event: MouseEvent): void {
    const target = (event.target as Element).closest<HTMLElement>('[data-network]');
    const name = target?.dataset.network;
    const href = target?.getAttribute('href');
    if (!name || (event.type == 'auxclick' && (event.button != 1 || !href))) return;
    if (!href) return this.#act(name);
    if (!this.#share(name)) return event.preventDefault();
    // A modified or middle click (new tab, new window) is the reader's choice: the browser follows the link.
    const { popup } = networkNamed(name)!;
    if (popup && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button)) {
      event.preventDefault();
      openPopup(href, popup);
    }
  }

  /** Copy, the share sheet and Mastodon's first share: their code loads on first use. */
  #act(name: string): void {
    void loadActions().then((actions) => actions[name as 'copy' | 'native' | 'mastodon']({ host: this, share: (network, share) => this.#share(network, share) }), quietly);
  }

  #button(messages: ShareStrings, network: ShareNetwork, page: SharedPage) {
    const { name } = network;
    const text = messages.shareNames[name] ?? network.label;
    const count = this.counts ? this.#counter?.of(name) : undefined;
    const action = messages.shareActions[name] ?? (name == 'copy' ? text : fill(messages.shareOn, { network: text }));
    const label = action + (count ? `, ${count.said}` : '');
    const title = this.labels ? nothing : label;
    const style = `--c:${network.color || '#5f6368'}`;
    const content = html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true"><path class=${LINE_ICONS.includes(name) ? 'line' : ''} d=${network.icon}></path></svg
      ><span part="name" class="name">${text}</span> ${count ? html`<span part="count" class="count">${count.shown}</span>` : nothing}`;
    // Copy, the share sheet and a Mastodon server not yet known are buttons; the rest are links.
    const server = name == 'mastodon' ? rememberedServer() : '-';
    if (name == 'copy' || name == 'native' || !server) {
      return html`<li>
        <button type="button" part="button ${name}" class="button" data-network=${name} .style=${style} title=${title} aria-label=${label}>
          ${content}
        </button>
      </li>`;
    }
    const href = shareUrl(network, page, server);
    if (!href) return this.#problem('template', name);
    // A mail link opens the mail program in place; a share page opens apart from this page.
    return html`<li>
      <a
        part="button ${name}"
        class="button"
        data-network=${name}
        .style=${style}
        href=${href}
        target=${href.startsWith('mailto:') ? nothing : '_blank'}
        rel="noopener noreferrer"
        title=${title}
        aria-label=${label}
        >${content}</a
      >
    </li>`;
  }

  protected override render() {
    // Plain strings, so no Translator (plurals and numbers load with the counts that need them).
    const messages = messagesIn(languageOf(this), shareCatalogs);
    const page = this.#page();
    // The status region stays empty here: actions.ts writes "Link copied" into it (only actions speak).
    // The frame and the clip hold the bar's paint containment (see share-bar.styles.ts).
    return html`<div class="frame"><div class="clip">
      <div
        part="base"
        class="base"
        role="group"
        aria-labelledby="label"
        @pointerover=${warmUp}
        @focusin=${warmUp}
        @click=${this.#onClick}
        @auxclick=${this.#onClick}
      >
        <span part="label" id="label" class=${this.hideLabel ? 'visually-hidden' : 'label'}>${this.label || messages.shareLabel}</span>
        <ul part="list" class="list" role="list">
          ${(page.url ? this.#list() : []).map((network) => this.#button(messages, network, page))}
        </ul>
        <span part="status" id="status" class="status" role="status"></span>
      </div>
    </div></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'share-bar': ShareBar;
  }
  interface GlobalEventHandlersEventMap {
    'aw-share': CustomEvent<ShareDetail>;
    'aw-share-error': CustomEvent<ShareErrorDetail>;
  }
}
