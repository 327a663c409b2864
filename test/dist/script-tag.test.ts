// The built dist/article-widgets.js (npm test builds it first), loaded by a static page through a
// plain <script type="module" src>: what a site or CMS template does.
import { expect } from '@open-wc/testing';
import { seed, until } from '../helpers.js';

function load(src: string): Promise<Document> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.style.cssText = 'inline-size: 800px; block-size: 400px';
    frame.onload = () => resolve(frame.contentDocument!);
    frame.onerror = reject;
    document.body.append(frame);
  });
}

describe('dist/article-widgets.js by a script tag', () => {
  it('registers the elements and renders the seed rating', async () => {
    const page = await load('/test/fixtures/script-tag.html');
    const win = page.defaultView as Window & typeof globalThis;
    await until(() => win.customElements.get('article-rating'), 'the bundle to register <article-rating>');
    const [top, bottom] = page.querySelectorAll('article-rating');
    await until(() => top.shadowRoot?.querySelector('[part="summary"]') && bottom.shadowRoot?.querySelector('[part="summary"]'));
    expect(top.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.equal(seed.rating.shownAs[0]);
    expect(bottom.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.equal(seed.rating.shownAs[1]);
  });

  it('exports the public API without registering anything twice', async () => {
    const api = (await import(/* @vite-ignore */ `${location.origin}/dist/article-widgets.js`)) as Record<string, unknown>;
    for (const name of ['ArticleRating', 'OpinionPoll', 'ShareBar', 'HttpBackend', 'MemoryBackend', 'LocalBackend', 'setDefaultBackend', 'registerLocale', 'BackendError', 'ShapeError', 'checkWidgetData']) {
      expect(api, name).to.have.property(name);
    }
    for (const [tag, name] of [['article-rating', 'ArticleRating'], ['opinion-poll', 'OpinionPoll'], ['share-bar', 'ShareBar']]) {
      expect(customElements.get(tag), tag).to.equal(api[name]);
    }
  });

  it('loads what runs after a reader acts from chunks beside it, wherever a site hosts it', async () => {
    const page = await load('/test/fixtures/script-tag-cdn.html');
    const win = page.defaultView as Window & typeof globalThis;
    await until(() => page.querySelector('share-bar')?.shadowRoot?.querySelector('[data-network="copy"]'), 'the share bar');
    const before = win.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(before.filter((url) => url.includes('/article-widgets/')), 'nothing lazy loaded before a reader acts').to.deep.equal([]);
    page.querySelector('share-bar')!.shadowRoot!.querySelector<HTMLElement>('[data-network="copy"]')!.click();
    await until(() => page.querySelector('share-bar')!.shadowRoot!.querySelector('[part="status"]')!.textContent, 'copy to say what it did');
    const chunks = win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.includes('/article-widgets/'));
    expect(chunks.length, 'the copy action came from a chunk').to.be.greaterThan(0);
    for (const path of chunks) expect(path, 'beside the bundle, under its own path').to.match(/^\/cdn\/article-widgets@0\/article-widgets\/[\w-]+\.js$/);
  });
});
