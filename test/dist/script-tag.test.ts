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
    for (const name of ['ArticleRating', 'OpinionPoll', 'ShareBar', 'HttpBackend', 'MemoryBackend', 'LocalBackend', 'setDefaultBackend', 'registerLocale', 'BackendError']) {
      expect(api, name).to.have.property(name);
    }
    for (const [tag, name] of [['article-rating', 'ArticleRating'], ['opinion-poll', 'OpinionPoll'], ['share-bar', 'ShareBar']]) {
      expect(customElements.get(tag), tag).to.equal(api[name]);
    }
  });
});
