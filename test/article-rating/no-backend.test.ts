// In a file of its own: the missing-backend error is reported once per page, and each test file
// gets a fresh page.
import { expect, fixture, html } from '@open-wc/testing';
import { ArticleRating } from '../../src/article-rating/article-rating.js';
import { captureConsole, shadowText, until } from '../helpers.js';

ArticleRating.define();

describe('<article-rating> without any backend', () => {
  it('names every way to give it one, once, and still shows its figures', async () => {
    const seen = await captureConsole(async ({ error }) => {
      const a = await fixture<ArticleRating>(html`<article-rating article-id="lonely" votes="3" average="4"></article-rating>`);
      await fixture<ArticleRating>(html`<article-rating article-id="lonely-too" votes="1" average="5"></article-rating>`);
      expect(shadowText(a, '[part="summary"]')).to.equal('(votes: 3, rating: 4.0)');
      // Its words load on first use (missing-backend.ts); then a while for a second one, which must not come.
      await until(() => error.length, 'the missing-backend error');
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(seen.error).to.have.length(1);
    for (const fix of ['element.backend', 'api="URL"', 'setDefaultBackend', '<meta name="article-widgets:api"']) {
      expect(seen.error[0]).to.contain(fix);
    }
  });
});
