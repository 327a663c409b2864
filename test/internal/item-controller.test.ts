import { expect, fixture, html } from '@open-wc/testing';
import { ArticleRating } from '../../src/article-rating/article-rating.js';
import { ScriptedBackend, SEED_ARTICLE, shadowText, until } from '../helpers.js';

ArticleRating.define();

describe('ItemController', () => {
  it('an element moved in the page while its item loads still gets the figures', async () => {
    const backend = new ScriptedBackend();
    const release = backend.hold('getRating');
    const page = await fixture(html`<div><article-rating article-id=${SEED_ARTICLE} .backend=${backend}></article-rating><p></p></div>`);
    const el = page.querySelector('article-rating')!;
    await until(() => backend.calls.getRating === 1, 'the first read');
    // Disconnected and connected again in one task: the read it started is aborted meanwhile.
    page.querySelector('p')!.append(el);
    release();
    await until(() => shadowText(el, '[part="summary"]') === '(votes: 4, rating: 4.5)', 'the figures');
    expect(backend.signals[0].aborted).to.equal(true);
  });
});
