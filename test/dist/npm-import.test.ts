// The npm build (dist/index.js, Lit left external) imported as a bundler would: importing the
// public API registers nothing, and each class registers when asked. In a file of its own, so no
// other test has defined the elements on this page.
import { expect, fixture, html } from '@open-wc/testing';
import { captureConsole, until } from '../helpers.js';

describe('dist/index.js (npm import)', () => {
  it('exports the classes, backends and configuration without registering any element', async () => {
    const api = (await import(/* @vite-ignore */ `${location.origin}/dist/index.js`)) as typeof import('../../src/index.js');
    for (const name of ['ArticleRating', 'OpinionPoll', 'ShareBar', 'HttpBackend', 'MemoryBackend', 'LocalBackend', 'setDefaultBackend', 'registerLocale', 'registerNetwork', 'BackendError']) {
      expect(api, name).to.have.property(name);
    }
    for (const tag of ['article-rating', 'opinion-poll', 'share-bar']) expect(customElements.get(tag), tag).to.equal(undefined);
    api.OpinionPoll.define();
    expect(customElements.get('opinion-poll')).to.equal(api.OpinionPoll);
    expect(customElements.get('article-rating')).to.equal(undefined);
  });

  it("loads the share bar's lazy chunks from the build: its console warnings come from one", async () => {
    const api = (await import(/* @vite-ignore */ `${location.origin}/dist/index.js`)) as typeof import('../../src/index.js');
    api.ShareBar.define();
    const seen = await captureConsole(async ({ warn }) => {
      const el = await fixture(html`<share-bar networks="telegram not-a-network" url="https://example.org/a"></share-bar>`);
      expect(el.shadowRoot!.querySelectorAll('[data-network]')).to.have.length(1);
      await until(() => warn.length, 'the warning from problems.ts, a chunk of its own');
    });
    expect(seen.warn.join('\n')).to.contain('"not-a-network"');
  });
});
