import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { registerNetwork } from '../../src/share-bar/networks.js';
import { ShareBar, type ShareDetail, type ShareErrorDetail } from '../../src/share-bar/share-bar.js';
import { ScriptedBackend, captureConsole, forgetReader, recordEvents, seed, shadowText, until } from '../helpers.js';

ShareBar.define();

const ALL = 'telegram vk ok whatsapp x facebook linkedin bluesky reddit mastodon email copy';
const PAGE = 'https://example.org/analysis/us-long-term-goals-for-russia';

/** Hostile addresses and titles: each must arrive at the network exactly as it was. */
const URLS = [
  PAGE,
  'https://example.org/a?x=1&y=2&z=a%26b#section-2',
  'https://xn--e1afmkfd.xn--p1ai/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F?q=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82',
  "https://example.org/it's?q=%22quoted%22&tag=%3Cb%3E#top",
  'http://example.org:8080/%F0%9F%99%82/?e=%F0%9F%98%80&s=a+b%20c',
];
const TITLES = [
  seed.share.label,
  'Что США хотят от России & зачем? #1 «цели»',
  'It\'s "quoted" <b>bold</b> & 100% = 50%+50% ?a=b#c',
  'Emoji 🙂👍🏽 and spaces   inside',
  'Tab\tand\nnewline',
];

/** What each network's share URL carries, decoded: the page address and title must come back. */
const decoders: Record<string, (href: URL) => { url: string; title: string }> = {
  telegram: (u) => ({ url: u.searchParams.get('url')!, title: u.searchParams.get('text')! }),
  vk: (u) => ({ url: u.searchParams.get('url')!, title: u.searchParams.get('title')! }),
  ok: (u) => ({ url: u.searchParams.get('url')!, title: u.searchParams.get('title')! }),
  whatsapp: (u) => splitText(u.searchParams.get('text')!),
  x: (u) => ({ url: u.searchParams.get('url')!, title: u.searchParams.get('text')! }),
  facebook: (u) => ({ url: u.searchParams.get('u')!, title: '' }),
  linkedin: (u) => ({ url: u.searchParams.get('url')!, title: '' }),
  bluesky: (u) => splitText(u.searchParams.get('text')!),
  reddit: (u) => ({ url: u.searchParams.get('url')!, title: u.searchParams.get('title')! }),
  mastodon: (u) => splitText(u.searchParams.get('text')!),
  email: (u) => ({ url: u.searchParams.get('body')!.split('\n\n')[1], title: u.searchParams.get('subject')! }),
};
const hosts: Record<string, string> = {
  telegram: 'https://t.me/share/url',
  vk: 'https://vk.com/share.php',
  ok: 'https://connect.ok.ru/offer',
  whatsapp: 'https://wa.me/',
  x: 'https://x.com/intent/tweet',
  facebook: 'https://www.facebook.com/sharer/sharer.php',
  linkedin: 'https://www.linkedin.com/sharing/share-offsite/',
  bluesky: 'https://bsky.app/intent/compose',
  reddit: 'https://www.reddit.com/submit',
  mastodon: 'https://social.example/share',
  email: 'mailto:',
};
const titled = ['telegram', 'vk', 'ok', 'whatsapp', 'x', 'bluesky', 'reddit', 'mastodon', 'email'];

/** "title URL": the URL is the last word, and the title everything before the last space. */
function splitText(text: string): { url: string; title: string } {
  const at = text.lastIndexOf(' ');
  return { title: text.slice(0, at), url: text.slice(at + 1) };
}

function buttons(el: ShareBar): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="button"]')];
}

function button(el: ShareBar, network: string): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>(`[data-network="${network}"]`)!;
}

/** Lets a bar's console messages arrive: their words load on first need (see problems.ts). */
async function problemsSaid(): Promise<void> {
  await import('../../src/share-bar/problems.js');
  await new Promise((resolve) => setTimeout(resolve));
}

function names(el: ShareBar): string[] {
  return buttons(el).map((b) => b.dataset.network!);
}

/** Replaces window.open for one test (no real popups); returns the calls. */
function interceptOpen(): { calls: unknown[][]; restore: () => void } {
  const calls: unknown[][] = [];
  const open = window.open;
  window.open = (...args: unknown[]) => {
    calls.push(args);
    return null;
  };
  return { calls, restore: () => (window.open = open) };
}

/** Keeps a link's default action (a new tab) from happening, after the element has seen the click. */
function stopNavigation(): () => void {
  const stop = (event: Event) => event.preventDefault();
  window.addEventListener('click', stop);
  return () => window.removeEventListener('click', stop);
}

/** Defines navigator.share on this page's navigator for one test: a double of an API headless Chromium lacks. */
function fakeShareSheet(result: Promise<void> = Promise.resolve()): { calls: ShareData[]; restore: () => void } {
  const calls: ShareData[] = [];
  Object.defineProperty(navigator, 'share', {
    configurable: true,
    value: (data: ShareData) => {
      calls.push(data);
      return result;
    },
  });
  return { calls, restore: () => delete (navigator as { share?: unknown }).share };
}

/** An element's parent, or the host of the shadow root it is the top of; null at the document's root. */
function parentAcrossShadows(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

describe('<share-bar>', () => {
  let restore: (() => void)[] = [];
  beforeEach(() => {
    forgetReader();
    restore = [];
  });
  afterEach(() => restore.reverse().forEach((undo) => undo()));

  it('shows the seed label and a real link per network, in the order asked', async () => {
    const el = await fixture<ShareBar>(html`<share-bar networks=${ALL} url=${PAGE} share-title="T"></share-bar>`);
    expect(shadowText(el, '[part="label"]')).to.equal(seed.share.label);
    expect(names(el)).to.deep.equal(ALL.split(' '));
    const telegram = button(el, 'telegram') as HTMLAnchorElement;
    expect(telegram.localName).to.equal('a');
    expect(telegram.getAttribute('aria-label')).to.equal('Share on Telegram');
    expect(telegram.target).to.equal('_blank');
    expect(telegram.rel).to.equal('noopener noreferrer');
    expect(button(el, 'email').getAttribute('aria-label')).to.equal('Share by email');
    expect(button(el, 'copy').localName).to.equal('button');
    expect(button(el, 'copy').getAttribute('aria-label')).to.equal('Copy link');
    // Mastodon is a button until the reader names a server.
    expect(button(el, 'mastodon').localName).to.equal('button');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('role')).to.equal('group');
    await expect(el).to.be.accessible();
  });

  it('builds every share URL so the page address and title decode back exactly', async () => {
    localStorage.setItem('article-widgets:mastodon', 'social.example');
    const el = await fixture<ShareBar>(html`<share-bar networks=${ALL}></share-bar>`);
    for (const url of URLS) {
      for (const title of TITLES) {
        el.url = url;
        el.shareTitle = title;
        await el.updateComplete;
        for (const [network, decode] of Object.entries(decoders)) {
          const href = (button(el, network) as HTMLAnchorElement).getAttribute('href')!;
          expect(href.startsWith(hosts[network]), `${network}: ${href}`).to.equal(true);
          const shared = decode(new URL(href));
          expect(shared.url, `${network} url`).to.equal(new URL(url).href);
          if (titled.includes(network)) expect(shared.title, `${network} title`).to.equal(title.trim());
        }
      }
    }
  });

  it('shares the URL exactly as given when it is already canonical', async () => {
    for (const url of URLS) expect(new URL(url).href).to.equal(url);
  });

  it('replaces lone surrogates instead of failing to encode', async () => {
    const el = await fixture<ShareBar>(html`<share-bar networks="telegram" url=${PAGE} share-title=${'broken \uD83D here'}></share-bar>`);
    const href = new URL((button(el, 'telegram') as HTMLAnchorElement).href);
    expect(href.searchParams.get('text')).to.equal('broken \uFFFD here');
  });

  it("falls back to the page's canonical link and og:title, then its address and title", async () => {
    const canonical = Object.assign(document.createElement('link'), { rel: 'canonical', href: 'https://example.org/canonical?a=1&b=2' });
    const og = document.createElement('meta');
    og.setAttribute('property', 'og:title');
    og.content = 'The og:title — «Россия»';
    document.head.append(canonical, og);
    restore.push(() => canonical.remove(), () => og.remove());
    const el = await fixture<ShareBar>(html`<share-bar networks="reddit"></share-bar>`);
    let href = new URL((button(el, 'reddit') as HTMLAnchorElement).href);
    expect(href.searchParams.get('url')).to.equal('https://example.org/canonical?a=1&b=2');
    expect(href.searchParams.get('title')).to.equal('The og:title — «Россия»');

    canonical.remove();
    og.remove();
    el.requestUpdate();
    await el.updateComplete;
    href = new URL((button(el, 'reddit') as HTMLAnchorElement).href);
    expect(href.searchParams.get('url')).to.equal(location.href);
    expect(href.searchParams.get('title')).to.equal(document.title.trim());
  });

  it('refuses javascript: and relative URLs with a console error naming the attribute, and shares the page instead', async () => {
    for (const bad of ['javascript:alert(1)', '/relative/path', 'data:text/html,hi', 'ftp://example.org/x']) {
      let el!: ShareBar;
      const seen = await captureConsole(async () => {
        el = await fixture<ShareBar>(html`<share-bar networks="telegram copy" url=${bad}></share-bar>`);
        await problemsSaid();
      });
      expect(seen.error, bad).to.have.length(1);
      expect(seen.error[0]).to.contain(`url="${bad}"`);
      const href = (button(el, 'telegram') as HTMLAnchorElement).href;
      expect(new URL(href).searchParams.get('url')).to.equal(location.href);
      for (const link of el.shadowRoot!.querySelectorAll('a')) expect(link.href).to.match(/^(https:|mailto:)/);
    }
  });

  it('warns about an unknown network and an empty title, and the other buttons still work', async () => {
    let el!: ShareBar;
    const seen = await captureConsole(async () => {
      el = await fixture<ShareBar>(html`<share-bar networks="telegram myspace vk" url=${PAGE} share-title="  "></share-bar>`);
      await problemsSaid();
    });
    expect(names(el)).to.deep.equal(['telegram', 'vk']);
    expect(seen.warn.join('\n')).to.contain('"myspace"').and.to.contain('share-title');
    expect(new URL((button(el, 'vk') as HTMLAnchorElement).href).searchParams.get('title')).to.equal(document.title.trim());
    await expect(el).to.be.accessible();
  });

  it("loads nothing from anyone when it renders (its own Russian strings aside, from its own origin): no external element", async () => {
    const before = performance.getEntriesByType('resource').length;
    const seen: string[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => seen.push(entry.name)));
    observer.observe({ type: 'resource' });
    restore.push(() => observer.disconnect());
    const wrapper = await fixture(html`<div>
      <share-bar></share-bar>
      <share-bar lang="ru" labels></share-bar>
      <share-bar networks=${ALL} labels vertical monochrome size="large"></share-bar>
    </div>`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The Russian bar's strings, if no bar in Russian has loaded them on this page yet: a module of
    // the widgets' own, from where they came, like the bundle itself.
    const ownStrings = (name: string) => new URL(name).origin === location.origin && /\/share-bar\.messages\.ru\.[jt]s$/.test(new URL(name).pathname);
    expect(seen.filter((name) => !ownStrings(name))).to.deep.equal([]);
    expect(performance.getEntriesByType('resource').length).to.equal(before + seen.length);
    for (const bar of wrapper.querySelectorAll('share-bar')) {
      expect(bar.shadowRoot!.querySelectorAll('img, script, link, iframe, image, use, [src], [srcset], [style*="url("]')).to.have.length(0);
    }
  });

  it('works fully without a backend and without any console error', async () => {
    const opened = interceptOpen();
    restore.push(opened.restore);
    const loaded: string[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => loaded.push(entry.name)));
    observer.observe({ type: 'resource' });
    restore.push(() => observer.disconnect());
    const seen = await captureConsole(async () => {
      const el = await fixture<ShareBar>(html`<share-bar networks="telegram" url=${PAGE}></share-bar>`);
      button(el, 'telegram').click();
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    expect(opened.calls).to.have.length(1);
    // A click loads the bar's own actions (as hovering it does); the counting code never.
    expect(loaded.filter((name) => /counting|store|http-backend|shapes/.test(name)), 'no counting code without a backend').to.deep.equal([]);
    expect(seen.error).to.deep.equal([]);
    expect(seen.warn).to.deep.equal([]);
  });

  it('opens a popup sized for the network, noopener, after a cancelable aw-share', async () => {
    const opened = interceptOpen();
    restore.push(opened.restore, stopNavigation());
    const el = await fixture<ShareBar>(html`<share-bar networks="telegram whatsapp" url=${PAGE} share-title="Title & more"></share-bar>`);
    const shares = recordEvents<ShareDetail>(document, 'aw-share');
    button(el, 'telegram').click();
    expect(shares).to.have.length(1);
    expect(shares[0].detail).to.deep.equal({ network: 'telegram', url: PAGE, title: 'Title & more' });
    expect(shares[0].cancelable && shares[0].bubbles && shares[0].composed).to.equal(true);
    expect(opened.calls).to.have.length(1);
    const [href, target, features] = opened.calls[0] as string[];
    expect(href).to.equal((button(el, 'telegram') as HTMLAnchorElement).href);
    expect(target).to.equal('_blank');
    expect(features).to.match(/^noopener,noreferrer,popup,width=600,height=500,/);

    // No popup size: the link itself opens a new tab (target=_blank, rel=noopener).
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    button(el, 'whatsapp').dispatchEvent(click);
    expect(opened.calls).to.have.length(1);
    expect(shares.map((e) => e.detail.network)).to.deep.equal(['telegram', 'whatsapp']);

    // A modified click is left to the browser (a background tab), still announced.
    const ctrl = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, ctrlKey: true });
    let prevented: boolean | undefined;
    el.addEventListener('click', (e) => (prevented = e.defaultPrevented), { once: true });
    button(el, 'telegram').dispatchEvent(ctrl);
    expect(prevented).to.equal(false);
    expect(opened.calls).to.have.length(1);
    expect(shares).to.have.length(3);

    // A middle click opens a background tab: announced (and counted), not turned into a popup.
    button(el, 'telegram').dispatchEvent(new MouseEvent('auxclick', { bubbles: true, cancelable: true, composed: true, button: 1 }));
    expect(opened.calls).to.have.length(1);
    expect(shares.map((e) => e.detail.network)).to.deep.equal(['telegram', 'whatsapp', 'telegram', 'telegram']);
  });

  it('lets a site veto a share with preventDefault()', async () => {
    const opened = interceptOpen();
    restore.push(opened.restore);
    const el = await fixture<ShareBar>(html`<share-bar networks="telegram whatsapp copy" url=${PAGE}></share-bar>`);
    const veto = (event: Event) => event.preventDefault();
    document.addEventListener('aw-share', veto);
    restore.push(() => document.removeEventListener('aw-share', veto));
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    button(el, 'whatsapp').dispatchEvent(click);
    expect(click.defaultPrevented, 'the link is not followed').to.equal(true);
    button(el, 'telegram').click();
    expect(opened.calls).to.have.length(0);
    const vetoed = recordEvents(el, 'aw-share');
    button(el, 'copy').click();
    await until(() => vetoed.length, 'aw-share for copy');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shadowText(el, '[part="status"]')).to.equal('');
  });

  it('copies the link with the Clipboard API and says so, visibly and to screen readers', async () => {
    const writes: string[] = [];
    Object.defineProperty(navigator.clipboard, 'writeText', { configurable: true, value: async (text: string) => void writes.push(text) });
    restore.push(() => delete (navigator.clipboard as { writeText?: unknown }).writeText);
    const el = await fixture<ShareBar>(html`<share-bar networks="copy" url=${PAGE}></share-bar>`);
    const shares = recordEvents<ShareDetail>(el, 'aw-share');
    button(el, 'copy').click();
    await until(() => shadowText(el, '[part="status"]') === 'Link copied', 'Link copied');
    expect(writes).to.deep.equal([PAGE]);
    expect(shares.map((e) => e.detail.network)).to.deep.equal(['copy']);
    const status = el.shadowRoot!.querySelector<HTMLElement>('[part="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.getBoundingClientRect().height).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('copies through the fallback when the Clipboard API refuses', async () => {
    Object.defineProperty(navigator.clipboard, 'writeText', { configurable: true, value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
    restore.push(() => delete (navigator.clipboard as { writeText?: unknown }).writeText);
    const copied: string[] = [];
    const onCopy = (event: Event) => {
      const area = event.composedPath()[0] as HTMLTextAreaElement;
      copied.push(area.value.slice(area.selectionStart, area.selectionEnd));
    };
    document.addEventListener('copy', onCopy);
    restore.push(() => document.removeEventListener('copy', onCopy));
    const el = await fixture<ShareBar>(html`<share-bar networks="copy" url="https://example.org/копия?a=1&b=2#x"></share-bar>`);
    button(el, 'copy').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shadowText(el, '[part="status"]') !== '', 'a status');
    expect(copied).to.deep.equal(['https://example.org/%D0%BA%D0%BE%D0%BF%D0%B8%D1%8F?a=1&b=2#x']);
    expect(shadowText(el, '[part="status"]')).to.equal('Link copied');
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'copy'));
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
  });

  it('offers the share sheet only where the browser has one, and uses it', async () => {
    const without = await fixture<ShareBar>(html`<share-bar></share-bar>`);
    expect(names(without)).not.to.include('native');
    expect(names(without)).to.include('telegram');

    const sheet = fakeShareSheet();
    restore.push(sheet.restore);
    const el = await fixture<ShareBar>(html`<share-bar url=${PAGE} share-title="Title" share-text="Read this"></share-bar>`);
    expect(names(el).at(-1)).to.equal('native');
    expect(button(el, 'native').getAttribute('aria-label')).to.equal('More ways to share');
    const shares = recordEvents<ShareDetail>(el, 'aw-share');
    button(el, 'native').click();
    await until(() => sheet.calls.length, 'the share sheet');
    expect(sheet.calls).to.deep.equal([{ url: PAGE, title: 'Title', text: 'Read this' }]);
    expect(shares.map((e) => e.detail.network)).to.deep.equal(['native']);
    await expect(el).to.be.accessible();
  });

  it('takes the reader closing the share sheet quietly', async () => {
    const sheet = fakeShareSheet(Promise.reject(new DOMException('closed', 'AbortError')));
    restore.push(sheet.restore);
    const seen = await captureConsole(async () => {
      const el = await fixture<ShareBar>(html`<share-bar networks="native" url=${PAGE}></share-bar>`);
      button(el, 'native').click();
      await until(() => sheet.calls.length, 'the share sheet');
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(sheet.calls).to.have.length(1);
    expect(seen.warn).to.deep.equal([]);
  });

  it('adds a network of the site\'s own without forking', async () => {
    registerNetwork({
      name: 'hn',
      label: 'Hacker News',
      icon: 'M3 3h18v18H3z',
      color: '#c2410c',
      url: 'https://news.ycombinator.com/submitlink?u={url}&t={title}',
    });
    const el = await fixture<ShareBar>(html`<share-bar networks="hn telegram" url=${URLS[1]} share-title=${TITLES[2]} labels></share-bar>`);
    expect(names(el)).to.deep.equal(['hn', 'telegram']);
    const hn = button(el, 'hn') as HTMLAnchorElement;
    expect(hn.getAttribute('aria-label')).to.equal('Share on Hacker News');
    expect(shadowText(el, '[data-network="hn"]')).to.equal('Hacker News');
    const href = new URL(hn.href);
    expect(href.origin + href.pathname).to.equal('https://news.ycombinator.com/submitlink');
    expect(href.searchParams.get('u')).to.equal(URLS[1]);
    expect(href.searchParams.get('t')).to.equal(TITLES[2]);
    expect(el.shadowRoot!.querySelector('[data-network="hn"] path')!.getAttribute('d')).to.equal('M3 3h18v18H3z');
    expect(() => registerNetwork({ name: 'Bad Name', label: 'x', icon: '', url: 'javascript:alert(1)' })).to.throw(TypeError);
    expect(() => registerNetwork({ name: 'evil', label: 'x', icon: '', url: 'javascript:alert({url})' })).to.throw(TypeError);
    await expect(el).to.be.accessible();
  });

  it('shows a network registered after the bar rendered', async () => {
    let el!: ShareBar;
    const seen = await captureConsole(async () => {
      el = await fixture<ShareBar>(html`<share-bar networks="late-network telegram" url=${PAGE}></share-bar>`);
      await problemsSaid();
    });
    expect(seen.warn.join('\n')).to.contain('"late-network"');
    expect(names(el)).to.deep.equal(['telegram']);
    registerNetwork({ name: 'late-network', label: 'Late', icon: 'M3 3h18v18H3z', url: 'https://late.example/share?u={url}' });
    await until(() => names(el).length == 2, 'the late network');
    expect(names(el)).to.deep.equal(['late-network', 'telegram']);
    expect((button(el, 'late-network') as HTMLAnchorElement).href).to.equal(`https://late.example/share?u=${encodeURIComponent(PAGE)}`);
  });

  it('asks a reader for their Mastodon server once, then remembers it', async () => {
    const opened = interceptOpen();
    const answers = ['not a server', 'https://Mastodon.Social/@someone'];
    const questions: string[] = [];
    const prompt = window.prompt;
    window.prompt = (message?: string) => (questions.push(message!), answers.shift() ?? null);
    restore.push(opened.restore, () => (window.prompt = prompt));
    const el = await fixture<ShareBar>(html`<share-bar networks="mastodon" url=${PAGE} share-title="Title"></share-bar>`);
    const shares = recordEvents<ShareDetail>(el, 'aw-share');
    button(el, 'mastodon').click();
    await until(() => opened.calls.length, 'the popup');
    expect(questions).to.deep.equal(['Your Mastodon server:', 'Your Mastodon server:']);
    expect(opened.calls).to.have.length(1);
    const href = new URL(opened.calls[0][0] as string);
    expect(href.origin + href.pathname).to.equal('https://mastodon.social/share');
    expect(href.searchParams.get('text')).to.equal(`Title ${PAGE}`);
    expect(shares).to.have.length(1);
    expect(localStorage.getItem('article-widgets:mastodon')).to.equal('mastodon.social');
    await el.updateComplete;
    const link = button(el, 'mastodon') as HTMLAnchorElement;
    expect(link.localName).to.equal('a');
    expect(link.href).to.equal(href.href);

    // Cancelled: nothing opens.
    localStorage.clear();
    el.requestUpdate();
    await el.updateComplete;
    button(el, 'mastodon').click();
    await until(() => questions.length === 3, 'the question');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(opened.calls).to.have.length(1);
  });

  it('is used from the keyboard: Tab through the buttons, Enter shares', async () => {
    const opened = interceptOpen();
    restore.push(opened.restore);
    const wrapper = await fixture(html`<div><input aria-label="before" /><share-bar networks="telegram vk copy" url=${PAGE}></share-bar></div>`);
    const el = wrapper.querySelector('share-bar')!;
    wrapper.querySelector('input')!.focus();
    const focused: string[] = [];
    for (let i = 0; i < 3; i++) {
      await sendKeys({ press: 'Tab' });
      focused.push((el.shadowRoot!.activeElement as HTMLElement).dataset.network!);
    }
    expect(focused).to.deep.equal(['telegram', 'vk', 'copy']);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Enter' });
    expect(opened.calls).to.have.length(1);
    expect(opened.calls[0][0]).to.contain('https://vk.com/share.php?url=');
  });

  it('speaks Russian and puts the networks Russian readers use first', async () => {
    const el = await fixture<ShareBar>(html`<share-bar lang="ru" url=${PAGE} labels></share-bar>`);
    expect(names(el).slice(0, 4)).to.deep.equal(['telegram', 'vk', 'ok', 'whatsapp']);
    expect(shadowText(el, '[part="label"]')).to.equal('Поделиться статьёй');
    expect(button(el, 'telegram').getAttribute('aria-label')).to.equal('Поделиться в Telegram');
    expect(button(el, 'vk').getAttribute('aria-label')).to.equal('Поделиться в ВКонтакте');
    expect(shadowText(el, '[data-network="ok"]')).to.equal('ОК');
    expect(button(el, 'ok').getAttribute('aria-label')).to.equal('Поделиться в ОК');
    expect(button(el, 'copy').getAttribute('aria-label')).to.equal('Копировать ссылку');
    await expect(el).to.be.accessible();

    const en = await fixture<ShareBar>(html`<share-bar lang="en" url=${PAGE}></share-bar>`);
    expect(names(en).slice(0, 3)).to.deep.equal(['facebook', 'x', 'linkedin']);
  });

  it('says "Ссылка скопирована" in Russian', async () => {
    Object.defineProperty(navigator.clipboard, 'writeText', { configurable: true, value: async () => {} });
    restore.push(() => delete (navigator.clipboard as { writeText?: unknown }).writeText);
    const el = await fixture<ShareBar>(html`<share-bar lang="ru" networks="copy" url=${PAGE}></share-bar>`);
    button(el, 'copy').click();
    await until(() => shadowText(el, '[part="status"]') === 'Ссылка скопирована', 'Ссылка скопирована');
  });

  it('is accessible in every layout, with targets of at least 24px', async () => {
    for (const layout of [
      html`<share-bar networks=${ALL} url=${PAGE}></share-bar>`,
      html`<share-bar networks=${ALL} url=${PAGE} labels></share-bar>`,
      html`<share-bar networks=${ALL} url=${PAGE} vertical labels></share-bar>`,
      html`<share-bar networks=${ALL} url=${PAGE} size="small" monochrome></share-bar>`,
      html`<share-bar networks=${ALL} url=${PAGE} size="large" labels monochrome></share-bar>`,
      html`<share-bar networks=${ALL} url=${PAGE} hide-label></share-bar>`,
    ]) {
      const el = await fixture<ShareBar>(layout);
      for (const b of buttons(el)) {
        const box = b.getBoundingClientRect();
        expect(Math.min(box.width, box.height), b.dataset.network).to.be.at.least(24);
      }
      await expect(el).to.be.accessible();
    }
  });

  it('lays out horizontally, vertically and right to left', async () => {
    const row = await fixture<ShareBar>(html`<share-bar networks="telegram vk" url=${PAGE}></share-bar>`);
    let [a, b] = buttons(row).map((x) => x.getBoundingClientRect());
    expect(b.left).to.be.greaterThan(a.left);
    expect(b.top).to.equal(a.top);

    const column = await fixture<ShareBar>(html`<share-bar networks="telegram vk" url=${PAGE} vertical></share-bar>`);
    [a, b] = buttons(column).map((x) => x.getBoundingClientRect());
    expect(b.top).to.be.greaterThan(a.top);

    const rtl = await fixture<ShareBar>(html`<share-bar dir="rtl" networks="telegram vk" url=${PAGE}></share-bar>`);
    [a, b] = buttons(rtl).map((x) => x.getBoundingClientRect());
    expect(b.left).to.be.lessThan(a.left);

    const big = await fixture<ShareBar>(html`<share-bar networks="telegram" url=${PAGE} size="large"></share-bar>`);
    expect(buttons(big)[0].getBoundingClientRect().height).to.equal(44);
    const mono = await fixture<ShareBar>(html`<share-bar networks="telegram" url=${PAGE} monochrome></share-bar>`);
    expect(getComputedStyle(mono.shadowRoot!.querySelector('svg')!).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });

  it('counts shares through the backend and shows counts only when asked', async () => {
    const opened = interceptOpen();
    restore.push(opened.restore);
    const backend = new ScriptedBackend();
    const plain = await fixture<ShareBar>(html`<share-bar networks="telegram vk" url=${PAGE} .backend=${backend}></share-bar>`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(backend.calls.getShareCounts ?? 0).to.equal(0);
    button(plain, 'telegram').click();
    await until(() => backend.calls.recordShare === 1, 'the share recorded');
    expect(plain.shadowRoot!.querySelector('[part="count"]')).to.equal(null);

    const counted = await fixture<ShareBar>(html`<share-bar networks="telegram vk" url=${PAGE} .backend=${backend} counts labels></share-bar>`);
    await until(() => shadowText(counted, '[data-network="telegram"] [part="count"]') === '1', 'the count');
    expect(button(counted, 'telegram').getAttribute('aria-label')).to.equal('Share on Telegram, 1 share');
    expect(counted.shadowRoot!.querySelector('[data-network="vk"] [part="count"]')).to.equal(null);
    button(counted, 'vk').click();
    await until(() => shadowText(counted, '[data-network="vk"] [part="count"]') === '1', 'the vk count');
    expect(backend.calls.recordShare).to.equal(2);
    await expect(counted).to.be.accessible();
  });

  it('never lets a failing backend block a share: a warning and aw-share-error', async () => {
    const opened = interceptOpen();
    restore.push(opened.restore);
    const backend = new ScriptedBackend().failNext('recordShare', 'network');
    const el = await fixture<ShareBar>(html`<share-bar networks="telegram" url=${PAGE} .backend=${backend}></share-bar>`);
    const errors = recordEvents<ShareErrorDetail>(el, 'aw-share-error');
    const seen = await captureConsole(async () => {
      button(el, 'telegram').click();
      expect(opened.calls, 'opened before any counting').to.have.length(1);
      await until(() => errors.length === 1, 'aw-share-error');
    });
    expect(errors[0].detail).to.deep.include({ network: 'telegram', url: PAGE, code: 'network' });
    expect(seen.warn.join()).to.contain('could not count a share on telegram');
    expect(seen.error).to.deep.equal([]);
  });

  it('shares a held backend instantly: the share never waits for the count', async () => {
    const opened = interceptOpen();
    restore.push(opened.restore);
    const backend = new ScriptedBackend();
    const release = backend.hold('recordShare');
    restore.push(release);
    const el = await fixture<ShareBar>(html`<share-bar networks="telegram" url=${PAGE} .backend=${backend}></share-bar>`);
    button(el, 'telegram').click();
    expect(opened.calls).to.have.length(1);
  });

  it('takes brand colours and sizes from custom properties, light and dark, with system colours when forced', async () => {
    restore.push(() => void emulateMedia({ colorScheme: 'light', forcedColors: 'none' }));
    const el = await fixture<ShareBar>(html`<share-bar networks="telegram x" url=${PAGE}></share-bar>`);
    const tile = (network: string) => getComputedStyle(el.shadowRoot!.querySelector(`[data-network="${network}"] svg`)!);
    expect(tile('telegram').backgroundColor).to.equal('rgb(29, 141, 207)');
    expect(tile('telegram').fill).to.equal('rgb(255, 255, 255)');
    expect(tile('x').backgroundColor).to.equal('rgb(0, 0, 0)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(tile('x').backgroundColor, 'a page without color-scheme stays light on a dark system').to.equal('rgb(0, 0, 0)');
    el.style.colorScheme = 'dark';
    expect(tile('x').backgroundColor, 'X stays visible on a dark page').to.equal('rgb(51, 51, 51)');
    el.style.colorScheme = '';
    await expect(el).to.be.accessible();
    el.style.setProperty('--aw-share-icon-color', 'rgb(1, 2, 3)');
    el.style.setProperty('--aw-share-size', '40px');
    expect(tile('telegram').fill).to.equal('rgb(1, 2, 3)');
    expect(button(el, 'telegram').getBoundingClientRect().height).to.equal(40);
    el.style.setProperty('--aw-share-size', '10px');
    expect(button(el, 'telegram').getBoundingClientRect().height, 'never below 24px').to.equal(24);
    // This Chromium does not emulate forced colours, so read the rule from the element's styles.
    const rules = el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
    const forced = rules.filter((rule) => rule instanceof CSSMediaRule && rule.conditionText === '(forced-colors: active)');
    const svgRule = forced.flatMap((rule) => [...(rule as CSSMediaRule).cssRules]).find((rule) => (rule as CSSStyleRule).selectorText === 'svg') as CSSStyleRule;
    // The icon colour is one custom property (--_i) that fill and stroke both read.
    expect([svgRule.style.background, svgRule.style.getPropertyValue('--_i').trim()]).to.deep.equal(['canvas', 'LinkText']);
  });

  it('shows a visible focus ring', async () => {
    const wrapper = await fixture(html`<div><input aria-label="before" /><share-bar networks="telegram" url=${PAGE}></share-bar></div>`);
    wrapper.querySelector('input')!.focus();
    await sendKeys({ press: 'Tab' });
    const el = wrapper.querySelector('share-bar')!;
    expect(getComputedStyle(button(el, 'telegram')).outlineStyle).to.equal('solid');
  });

  it('clips nothing of a focus ring, in any browser, and lets the pointer through around the bar', async () => {
    // The bar's paint containment (for listing pages) clips to a box; overflow-clip-margin, which
    // could widen it, is Chromium's alone. So every clipping box around a button must itself reach
    // past the ring (outline plus offset) on every side.
    const wrapper = await fixture(html`<div>
      <p style="margin: 0">above</p>
      <share-bar hide-label networks="telegram vk copy" url=${PAGE} style="margin: 0"></share-bar>
      <share-bar vertical labels networks="telegram vk copy" url=${PAGE}></share-bar>
    </div>`);
    for (const el of wrapper.querySelectorAll('share-bar')) {
      for (const target of el.shadowRoot!.querySelectorAll<HTMLElement>('.button')) {
        target.focus();
        const ring = getComputedStyle(target);
        const reach = parseFloat(ring.outlineWidth) + parseFloat(ring.outlineOffset);
        expect(reach, 'a focus ring is drawn').to.be.greaterThan(0);
        const box = target.getBoundingClientRect();
        for (let node = parentAcrossShadows(target); node; node = parentAcrossShadows(node)) {
          const style = getComputedStyle(node);
          if (!/paint|strict|content/.test(style.contain) && style.overflow === 'visible') continue;
          // A clip at the padding box (contain: paint, overflow: clip or hidden).
          const outer = node.getBoundingClientRect();
          const inset = (side: 'Top' | 'Right' | 'Bottom' | 'Left') => parseFloat(style[`border${side}Width`]);
          const clip = { left: outer.left + inset('Left'), top: outer.top + inset('Top'), right: outer.right - inset('Right'), bottom: outer.bottom - inset('Bottom') };
          const where = `${el.getAttribute('networks')}${el.hasAttribute('vertical') ? ' (vertical)' : ''}: ${target.dataset.network} in <${node.localName} class="${node.className}">`;
          expect(box.left - reach, where).to.be.at.least(clip.left);
          expect(box.top - reach, where).to.be.at.least(clip.top);
          expect(box.right + reach, where).to.be.at.most(clip.right);
          expect(box.bottom + reach, where).to.be.at.most(clip.bottom);
        }
      }
    }
    // Just above the first bar lies the page's paragraph: the room left for the ring is not the bar's to click.
    const first = wrapper.querySelector('share-bar')!.getBoundingClientRect();
    expect(document.elementFromPoint(first.left + 4, first.top - 2)).to.equal(wrapper.querySelector('p'));
  });

  it('reflects its layout attributes and fires nothing on programmatic changes', async () => {
    const el = await fixture<ShareBar>(html`<share-bar networks="telegram" url=${PAGE}></share-bar>`);
    const shares = recordEvents(el, 'aw-share');
    el.labels = true;
    el.vertical = true;
    el.monochrome = true;
    el.size = 'small';
    await el.updateComplete;
    expect(el.hasAttribute('labels') && el.hasAttribute('vertical') && el.hasAttribute('monochrome')).to.equal(true);
    expect(el.getAttribute('size')).to.equal('small');
    el.setAttribute('networks', 'vk');
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['vk']);
    expect(shares).to.have.length(0);
  });
});
