// The npm build (dist/index.js, Lit left external) imported as a bundler would: importing the
// public API registers nothing, and each class registers when asked. In a file of its own, so no
// other test has defined the elements on this page.
import { expect } from '@open-wc/testing';

describe('dist/index.js (npm import)', () => {
  it('exports the classes, backends and configuration without registering any element', async () => {
    const api = await import(/* @vite-ignore */ `${location.origin}/dist/index.js`);
    for (const name of ['ArticleRating', 'OpinionPoll', 'ShareBar', 'HttpBackend', 'MemoryBackend', 'LocalBackend', 'setDefaultBackend', 'registerLocale', 'registerNetwork', 'BackendError']) {
      expect(api, name).to.have.property(name);
    }
    for (const tag of ['article-rating', 'opinion-poll', 'share-bar']) expect(customElements.get(tag), tag).to.equal(undefined);
    api.OpinionPoll.define();
    expect(customElements.get('opinion-poll')).to.equal(api.OpinionPoll);
    expect(customElements.get('article-rating')).to.equal(undefined);
  });
});
