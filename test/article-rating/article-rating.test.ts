import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ArticleRating } from '../../src/article-rating/article-rating.js';
import { SEED_ARTICLE, ScriptedBackend, forgetReader, recordEvents, seed, shadowText, until } from '../helpers.js';

ArticleRating.define();

function stars(el: ArticleRating): HTMLElement {
  return el.shadowRoot!.querySelector('[part="stars"]') as HTMLElement;
}

describe('<article-rating>', () => {
  beforeEach(forgetReader);

  it('shows the seed figures from its attributes before any backend answers', async () => {
    const el = await fixture<ArticleRating>(
      html`<article-rating article-id=${SEED_ARTICLE} votes="4" average="4.5" readonly></article-rating>`,
    );
    expect(shadowText(el, '[part="label"]')).to.equal(seed.rating.callToAction);
    expect(shadowText(el, '[part="summary"]')).to.equal(seed.rating.shownAs[0]);
    expect(stars(el).getAttribute('aria-label')).to.equal('Rate this article: rated 4.5 out of 5, 4 votes');
    await expect(el).to.be.accessible();
  });

  it('casts a vote from the keyboard and counts it once', async () => {
    const backend = new ScriptedBackend();
    const el = await fixture<ArticleRating>(html`<article-rating article-id=${SEED_ARTICLE} .backend=${backend}></article-rating>`);
    await until(() => el.shadowRoot!.querySelector('[role="slider"]'));
    const votes = recordEvents(el, 'aw-rating-vote');
    stars(el).focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(stars(el).getAttribute('aria-valuetext')).to.equal('4 stars, press Enter to rate');
    expect(backend.calls.rateArticle ?? 0).to.equal(0);
    await sendKeys({ press: 'Enter' });
    await until(() => votes.length === 1);
    expect(votes[0].detail).to.deep.equal({ articleId: SEED_ARTICLE, rating: 4, votes: 5, average: 4.4 });
    expect(shadowText(el, '[part="summary"]')).to.equal('(votes: 5, rating: 4.4)');
    await expect(el).to.be.accessible();
  });
});
