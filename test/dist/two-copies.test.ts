// Two copies of the built dist/article-widgets.js on one page, as when a theme loads one and a
// plugin another: two module instances (two URLs), each with its own Lit and its own classes. The
// page's setup made through either copy must reach every element, whichever copy registered it.
import { expect } from '@open-wc/testing';
import { shadowText, until, widgetData } from '../helpers.js';

type Api = typeof import('../../src/index.js');
type Page = Window & typeof globalThis & { loadCopy(name: string): Promise<Api> };

/** The fixture page in a frame of its own (a fresh registry and page), with its uncaught errors. */
async function openPage(before?: (win: Page) => void): Promise<{ win: Page; doc: Document; errors: string[] }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'inline-size: 800px; block-size: 600px';
  document.body.append(frame);
  await new Promise((resolve) => {
    frame.onload = resolve;
    frame.src = '/test/fixtures/two-copies.html';
  });
  const win = frame.contentWindow as Page;
  const errors: string[] = [];
  win.addEventListener('error', (event) => errors.push(event.message));
  win.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
  before?.(win);
  return { win, doc: frame.contentDocument!, errors };
}

describe('two copies of dist/article-widgets.js on one page', () => {
  it('share one page setup: a backend, a locale and a network set through either copy reach every element', async () => {
    const { win, doc, errors } = await openPage();
    const theme = await win.loadCopy('theme');
    const plugin = await win.loadCopy('plugin');
    // Really two copies: two classes per tag, the first copy's registered.
    expect(plugin.OpinionPoll).to.not.equal(theme.OpinionPoll);
    expect(win.customElements.get('opinion-poll')).to.equal(theme.OpinionPoll);
    const [rating, poll, bar] = ['article-rating', 'opinion-poll', 'share-bar'].map((tag) => doc.querySelector(tag)!);
    await until(() => shadowText(poll).includes('Loading the poll…'), 'the poll to wait for a backend');

    // The plugin's copy sets the page default; the theme's elements load from it.
    plugin.setDefaultBackend(new plugin.MemoryBackend(widgetData));
    await until(() => shadowText(poll).includes('Which topics should we cover more often?'), 'the poll to load through the default set by the other copy');
    await until(() => shadowText(rating, '[part="summary"]') === '(votes: 4, rating: 4.5)', 'the rating to load its figures');
    expect(theme.getDefaultBackend()).to.equal(plugin.getDefaultBackend());

    // A locale registered through either copy reaches the elements.
    plugin.registerLocale('en', { ratingLabel: 'Rate this story' });
    await until(() => shadowText(rating, '[part="label"]') === 'Rate this story', 'the rating to take the locale set through the plugin');
    theme.registerLocale('en', { pollTitle: 'Reader poll' });
    await until(() => shadowText(poll).startsWith('Reader poll'), 'the poll to take the locale set through the theme');

    // A network registered through the copy that did not register <share-bar> shows in it.
    plugin.registerNetwork({ name: 'hn', label: 'Hacker News', icon: 'M3 3h18v18H3z', url: 'https://news.ycombinator.com/submitlink?u={url}&t={title}' });
    await until(() => bar.shadowRoot!.querySelector('[data-network="hn"]'), 'the bar to show the network registered through the other copy');

    // One store per backend for both copies: an element of the plugin's own class (under a tag of
    // its own) shows the same item as the theme's, and a vote through one shows in the other.
    plugin.ArticleRating.define('plugin-rating');
    const twin = doc.createElement('plugin-rating');
    twin.setAttribute('article-id', 'us-long-term-goals-for-russia');
    doc.body.append(twin);
    await until(() => shadowText(twin, '[part="summary"]') === '(votes: 4, rating: 4.5)', 'the twin to show the shared item');
    await plugin.getDefaultBackend()!.rateArticle('us-long-term-goals-for-russia', 1, { voterId: 'someone-0123456789', idempotencyKey: 'key-0001' });
    await (rating as HTMLElement & { refresh(): Promise<void> }).refresh();
    await until(() => shadowText(twin, '[part="summary"]') === '(votes: 5, rating: 3.8)', 'the twin to follow the item refreshed by the theme’s element');
    expect(errors).to.deep.equal([]);
  });

  it('lives with a newer copy that came first: fields it does not know are left alone, and its version kept', async () => {
    const future = { futureField: { kept: true } };
    const { win, doc, errors } = await openPage((page) => {
      (page as unknown as Record<symbol, unknown>)[Symbol.for('article-widgets')] = { version: 7, ...future };
    });
    const copy = await win.loadCopy('older');
    copy.setDefaultBackend(new copy.MemoryBackend(widgetData));
    const poll = doc.querySelector('opinion-poll')!;
    await until(() => shadowText(poll).includes('Which topics should we cover more often?'), 'the poll to load');
    const registry = (win as unknown as Record<symbol, Record<string, unknown>>)[Symbol.for('article-widgets')];
    expect(registry.version).to.equal(7);
    expect(registry.futureField).to.equal(future.futureField);
    expect(errors).to.deep.equal([]);
  });
});
