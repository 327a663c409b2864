import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { ArticleRating, type RatingErrorDetail, type RatingVoteDetail } from '../../src/article-rating/article-rating.js';
import { setDefaultBackend } from '../../src/backend/default-backend.js';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import {
  SEED_ARTICLE,
  ScriptedBackend,
  captureConsole,
  forgetReader,
  recordEvents,
  seed,
  shadowText,
  until,
  withPatience,
} from '../helpers.js';

ArticleRating.define();

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const stars = (el: ArticleRating) => part(el, 'stars')!;
const summary = (el: ArticleRating) => shadowText(el, '[part="summary"]');
const status = (el: ArticleRating) => shadowText(el, '[role="status"]');
const slider = (el: ArticleRating) => el.shadowRoot!.querySelector<HTMLElement>('[role="slider"]');

/** A rating on the seed article with a scripted backend, loaded and ready to vote. */
async function ready(backend = new ScriptedBackend(), template = html``) {
  const el = await fixture<ArticleRating>(
    html`<article-rating article-id=${SEED_ARTICLE} votes="4" average="4.5" .backend=${backend}></article-rating>${template}`,
  );
  await until(() => el.shadowRoot!.querySelector('[role="slider"]') && backend.calls.getRating, 'the rating to load');
  await el.updateComplete;
  return { el, backend };
}

/** Waits for the console problems a rating reported: their words load from problems.ts first. */
async function problemsSaid(): Promise<void> {
  await import('../../src/article-rating/problems.js');
  await new Promise((resolve) => setTimeout(resolve));
}

async function press(...keys: string[]) {
  for (const key of keys) await sendKeys({ press: key });
}

/** The painted stars, 1 to 5. */
const paintedStars = (el: ArticleRating) => [...el.shadowRoot!.querySelectorAll<SVGPathElement>('[part~="star"]')];

/** Clicks the middle of star `n` with the real mouse. */
async function clickStar(el: ArticleRating, n: number) {
  const star = paintedStars(el)[n - 1];
  const box = star.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

describe('<article-rating>', () => {
  beforeEach(forgetReader);
  afterEach(async () => {
    setDefaultBackend(undefined);
    await resetMouse();
  });

  describe('the seed figures', () => {
    it('shows "(votes: 4, rating: 4.5)" from its attributes before any backend answers', async () => {
      const el = await fixture<ArticleRating>(
        html`<article-rating article-id=${SEED_ARTICLE} votes="4" average="4.5" readonly></article-rating>`,
      );
      expect(shadowText(el, '[part="label"]')).to.equal(seed.rating.callToAction);
      expect(summary(el)).to.equal(seed.rating.shownAs[0]);
      expect(stars(el).getAttribute('role')).to.equal('img');
      expect(stars(el).getAttribute('aria-label')).to.equal('Rate this article: rated 4.5 out of 5, 4 votes');
      await expect(el).to.be.accessible();
    });

    it('shows "(4 votes)" in the count form, as the second widget of the seed page did', async () => {
      const el = await fixture<ArticleRating>(
        html`<article-rating article-id=${SEED_ARTICLE} votes="4" average="4.5" summary="count" readonly></article-rating>`,
      );
      expect(summary(el)).to.equal(seed.rating.shownAs[1]);
    });

    it('fills four and a half stars for 4.5, and 30% of the fifth for 4.3', async () => {
      const el = await fixture<ArticleRating>(html`<article-rating article-id="a" votes="4" average="4.5" readonly></article-rating>`);
      const stars = paintedStars(el);
      expect(stars.map((star) => star.getAttribute('class'))).to.deep.equal(['full', 'full', 'full', 'full', 'partial']);
      expect(getComputedStyle(stars[4]).fill, 'the fifth star is painted by its gradient').to.match(/url\("?#partial"?\)/);
      const offsets = () => [...el.shadowRoot!.querySelectorAll('#partial stop')].map((stop) => stop.getAttribute('offset'));
      expect(offsets(), 'full up to half, empty after').to.deep.equal(['0.5', '0.5']);
      expect(stars[4].getBoundingClientRect().width).to.be.greaterThan(0);
      el.average = 4.3;
      await el.updateComplete;
      expect(offsets()).to.deep.equal(['0.3', '0.3']);
      el.average = 4;
      await el.updateComplete;
      expect(paintedStars(el).map((star) => star.getAttribute('class'))).to.deep.equal(['full', 'full', 'full', 'full', 'empty']);
      expect(el.shadowRoot!.querySelector('#partial'), 'no gradient without a partly filled star').to.equal(null);
    });

    it('draws its five stars as one picture, with no targets where nobody votes', async () => {
      const el = await fixture<ArticleRating>(html`<article-rating article-id="a" votes="4" average="4.5" readonly></article-rating>`);
      expect(el.shadowRoot!.querySelectorAll('svg')).to.have.length(1);
      expect(el.shadowRoot!.querySelectorAll('[data-value]:not(path)')).to.have.length(0);
      expect(el.shadowRoot!.querySelector('[style]'), 'no style attribute of any kind').to.equal(null);
    });

    it('reads the same figures from the backend as the demo data holds', async () => {
      const { el } = await ready();
      expect(summary(el)).to.equal('(votes: 4, rating: 4.5)');
      expect(slider(el)!.getAttribute('aria-valuetext')).to.equal('rated 4.5 out of 5, 4 votes');
    });

    it('shows the Russian forms: "(голосов: 4, рейтинг: 4,5)" and "(4 голоса)"', async () => {
      const wrapper = await fixture(html`<div lang="ru">
        <article-rating article-id="a" votes="4" average="4.5" readonly></article-rating>
        <article-rating article-id="a" votes="5" average="4.4" summary="count" readonly></article-rating>
      </div>`);
      const [full, count] = wrapper.querySelectorAll('article-rating');
      await (count).updateComplete;
      expect(shadowText(full, '[part="label"]')).to.equal('Оцените статью');
      expect(summary(full)).to.equal('(голосов: 4, рейтинг: 4,5)');
      expect(summary(count)).to.equal('(5 голосов)');
      expect(part(full, 'stars')!.getAttribute('aria-label')).to.equal('Оцените статью: оценка 4,5 из 5, 4 голоса');
      await expect(wrapper).to.be.accessible();
    });

    it('follows its own lang over the page language', async () => {
      const el = await fixture<ArticleRating>(html`<article-rating lang="ru" article-id="a" votes="1" average="5" summary="count" readonly></article-rating>`);
      expect(summary(el)).to.equal('(1 голос)');
    });
  });

  describe('a minimum of votes (min-votes)', () => {
    it('below it shows empty stars and the count, "not enough for an average yet", with no warning about the missing average', async () => {
      let el!: ArticleRating;
      const seen = await captureConsole(async () => {
        el = await fixture<ArticleRating>(html`<article-rating article-id="a" votes="2" min-votes="3" readonly></article-rating>`);
        await problemsSaid();
      });
      expect(seen.warn, 'an average left out below the minimum is no mistake').to.deep.equal([]);
      expect(el.minVotes).to.equal(3);
      expect(summary(el)).to.equal('(2 votes, not enough for an average yet)');
      expect(paintedStars(el).map((star) => star.getAttribute('class'))).to.deep.equal(['empty', 'empty', 'empty', 'empty', 'empty']);
      expect(stars(el).getAttribute('aria-label')).to.equal('Rate this article: 2 votes, not enough for an average yet');
      await expect(el).to.be.accessible();
      el.votes = 3;
      el.average = 4;
      await el.updateComplete;
      expect(summary(el), 'at the minimum the average shows').to.equal('(votes: 3, rating: 4.0)');
      expect(paintedStars(el).filter((star) => star.getAttribute('class') === 'full')).to.have.length(4);
    });

    it('keeps the average hidden even where the page carries one, and the count form says the same', async () => {
      const el = await fixture<ArticleRating>(html`<article-rating article-id="a" votes="1" average="5" min-votes="10" summary="count" readonly></article-rating>`);
      expect(summary(el)).to.equal('(1 vote, not enough for an average yet)');
      expect(paintedStars(el).every((star) => star.getAttribute('class') === 'empty')).to.equal(true);
    });

    it('says it in Russian, with its plurals', async () => {
      const wrapper = await fixture(html`<div lang="ru">
        <article-rating article-id="a" votes="2" min-votes="10" readonly></article-rating>
        <article-rating article-id="b" votes="5" min-votes="10" readonly></article-rating>
      </div>`);
      const [two, five] = wrapper.querySelectorAll('article-rating');
      await until(() => summary(five).includes('мало'), 'the Russian strings');
      expect(summary(two)).to.equal('(2 голоса, для средней оценки пока мало)');
      expect(summary(five)).to.equal('(5 голосов, для средней оценки пока мало)');
      expect(part(two, 'stars')!.getAttribute('aria-label')).to.equal('Оцените статью: 2 голоса, для средней оценки пока мало');
      await expect(wrapper).to.be.accessible();
    });

    for (const [lang, hidden, shown] of [
      ['en', '(4 votes, not enough for an average yet)', '(votes: 5, rating: 4.2)'],
      ['ru', '(4 голоса, для средней оценки пока мало)', '(голосов: 5, рейтинг: 4,2)'],
    ]) {
      it(`stays votable, and the reader's own vote that reaches the minimum shows the average (${lang})`, async () => {
        const backend = new ScriptedBackend();
        const el = await fixture<ArticleRating>(
          html`<article-rating lang=${lang} article-id=${SEED_ARTICLE} votes="4" min-votes="5" .backend=${backend}></article-rating>`,
        );
        await until(() => slider(el) && backend.calls.getRating && summary(el) === hidden, 'the rating to load, its average hidden');
        expect(slider(el)!.getAttribute('aria-valuenow'), 'no average to announce').to.equal('0');
        await expect(el).to.be.accessible();
        const voted = oneEvent(el, 'aw-rating-vote');
        await clickStar(el, 3);
        expect((await voted).detail).to.deep.include({ rating: 3, votes: 5, average: 4.2 });
        await until(() => summary(el) === shown, 'the average once the minimum is reached');
        expect(shadowText(el, '[part="yours"]')).to.match(/3/);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('attributes and properties', () => {
    it('registers under a second tag for a site that must rename it, and never twice', async () => {
      ArticleRating.define();
      ArticleRating.define('site-rating');
      ArticleRating.define('site-rating');
      expect(customElements.get('article-rating')).to.equal(ArticleRating);
      const Renamed = customElements.get('site-rating')!;
      expect(Renamed.prototype).to.be.instanceOf(ArticleRating);
      const el = await fixture(html`<site-rating article-id="a" votes="4" average="4.5" readonly></site-rating>`);
      expect(shadowText(el, '[part="summary"]')).to.equal('(votes: 4, rating: 4.5)');
    });


    it('reflects attribute changes into properties and the rendering', async () => {
      const el = await fixture<ArticleRating>(html`<article-rating article-id="a" votes="4" average="4.5" readonly></article-rating>`);
      el.setAttribute('votes', '21');
      el.setAttribute('average', '3.25');
      await el.updateComplete;
      expect(el.votes).to.equal(21);
      expect(el.average).to.equal(3.25);
      expect(summary(el)).to.equal('(votes: 21, rating: 3.3)');
      el.readonly = false;
      await el.updateComplete;
      expect(el.hasAttribute('readonly')).to.equal(false);
      el.readonly = true;
      await el.updateComplete;
      expect(el.getAttribute('readonly'), 'the property reflected back').to.equal('');
    });

    it('fires no event when figures change programmatically', async () => {
      const { el, backend } = await ready();
      const events = recordEvents(el, 'aw-rating-vote', 'aw-rating-error');
      el.votes = 10;
      el.average = 2;
      el.allowChange = true;
      await el.refresh();
      await el.updateComplete;
      expect(events).to.have.length(0);
      expect(backend.calls.rateArticle ?? 0).to.equal(0);
    });
  });

  describe('voting', () => {
    it('casts from the keyboard: arrows choose, Enter casts, once', async () => {
      const { el, backend } = await ready();
      const votes = recordEvents<RatingVoteDetail>(el, 'aw-rating-vote');
      slider(el)!.focus();
      await press('ArrowRight', 'ArrowRight', 'ArrowRight');
      await el.updateComplete;
      expect(slider(el)!.getAttribute('aria-valuenow')).to.equal('3');
      expect(slider(el)!.getAttribute('aria-valuetext')).to.equal('3 stars, press Enter to rate');
      await press('ArrowLeft');
      await el.updateComplete;
      expect(slider(el)!.getAttribute('aria-valuenow')).to.equal('2');
      await press('End', 'ArrowDown');
      await el.updateComplete;
      expect(slider(el)!.getAttribute('aria-valuenow')).to.equal('4');
      expect(backend.calls.rateArticle ?? 0, 'nothing is cast before the reader commits').to.equal(0);
      await expect(el).to.be.accessible();
      await press('Enter');
      await until(() => votes.length === 1, 'the vote event');
      expect(votes[0].detail).to.deep.equal({ articleId: SEED_ARTICLE, rating: 4, votes: 5, average: 4.4 });
      expect(summary(el)).to.equal('(votes: 5, rating: 4.4)');
      expect(shadowText(el, '[part="yours"]')).to.equal('Your rating: 4');
      expect(status(el)).to.equal('Thank you! You rated this article 4 out of 5. rated 4.4 out of 5, 5 votes');
      expect(backend.calls.rateArticle).to.equal(1);
      expect(slider(el)!.getAttribute('aria-readonly'), 'one vote per reader: no more voting').to.equal('true');
      expect(el.shadowRoot!.activeElement, 'the keyboard user keeps their place').to.equal(slider(el));
      expect(slider(el)!.getAttribute('aria-valuetext')).to.equal('Your rating: 4; rated 4.4 out of 5, 5 votes');
      await press('Enter', 'Space', 'ArrowLeft');
      await el.updateComplete;
      expect(slider(el)!.getAttribute('aria-valuenow'), 'a read-only slider keeps the reader\'s rating').to.equal('4');
      expect(backend.calls.rateArticle).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('Home jumps to 1, Space casts, Escape drops a choice', async () => {
      const { el, backend } = await ready();
      slider(el)!.focus();
      await press('End', 'Escape');
      await el.updateComplete;
      expect(slider(el)!.getAttribute('aria-valuetext')).to.equal('rated 4.5 out of 5, 4 votes');
      await press('Home', 'Space');
      await until(() => backend.calls.rateArticle === 1);
      await until(() => summary(el) === '(votes: 5, rating: 3.8)');
    });

    it('mirrors the arrow keys right to left', async () => {
      const { el } = await ready();
      el.dir = 'rtl';
      slider(el)!.focus();
      await press('ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowRight');
      await el.updateComplete;
      expect(slider(el)!.getAttribute('aria-valuenow')).to.equal('2');
    });

    it('has one tab stop', async () => {
      const backend = new ScriptedBackend();
      const wrapper = await fixture(html`<div>
        <button>before</button>
        <article-rating article-id=${SEED_ARTICLE} .backend=${backend}></article-rating>
        <button>after</button>
      </div>`);
      const el = wrapper.querySelector('article-rating')!;
      await until(() => slider(el));
      const [before, after] = wrapper.querySelectorAll('button');
      before.focus();
      await press('Tab');
      expect(el.shadowRoot!.activeElement).to.equal(slider(el));
      await press('Tab');
      expect(document.activeElement).to.equal(after);
    });

    it('keeps keyboard focus in the rating while a vote is sent, on "Try again" after it fails, and on the stars when it is retried', async () => {
      const { el, backend } = await ready();
      const release = backend.hold('rateArticle');
      backend.failNext('rateArticle', 'network');
      slider(el)!.focus();
      await press('End', 'Enter');
      await el.updateComplete;
      expect(slider(el)!.getAttribute('aria-readonly'), 'no second vote while one is sent').to.equal('true');
      expect(el.shadowRoot!.activeElement === slider(el), 'the stars keep the focus').to.equal(true);
      await expect(el).to.be.accessible();
      release();
      await until(() => part(el, 'retry') && el.shadowRoot!.activeElement === part(el, 'retry'), 'the error, its retry focused as the poll does');
      expect(slider(el)!.hasAttribute('aria-readonly'), 'the reader may vote again').to.equal(false);
      await sendKeys({ down: 'Shift' });
      await press('Tab');
      await sendKeys({ up: 'Shift' });
      expect(el.shadowRoot!.activeElement === slider(el), 'the stars are one tab stop back').to.equal(true);
      await press('Tab');
      expect(el.shadowRoot!.activeElement === part(el, 'retry')).to.equal(true);
      await press('Enter');
      await until(() => shadowText(el, '[part="yours"]') === 'Your rating: 5', 'the retried vote');
      expect(part(el, 'retry')).to.equal(null);
      expect(el.shadowRoot!.activeElement === slider(el), 'the retry button went; the stars took the focus').to.equal(true);
      expect(document.activeElement === el).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('casts with a pointer click; hovering previews without casting', async () => {
      const { el, backend } = await ready();
      const box = paintedStars(el)[1].getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await until(() => el.shadowRoot!.querySelector('.picture.preview'), 'the hover preview');
      expect(paintedStars(el).map((star) => star.getAttribute('class'))).to.deep.equal(['full', 'full hovered', 'empty', 'empty', 'empty']);
      expect(getComputedStyle(paintedStars(el)[0]).fill, 'the preview colour').to.equal('rgb(180, 83, 9)');
      expect(backend.calls.rateArticle ?? 0).to.equal(0);
      await clickStar(el, 2);
      await until(() => summary(el) === '(votes: 5, rating: 4.0)');
      expect(backend.calls.rateArticle).to.equal(1);
    });

    it('updates optimistically before the backend answers', async () => {
      const { el, backend } = await ready();
      const release = backend.hold('rateArticle');
      await clickStar(el, 5);
      await until(() => summary(el) === '(votes: 5, rating: 4.6)', 'the optimistic figures');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      expect(status(el)).to.equal('Sending your rating…');
      release();
      await until(() => status(el).startsWith('Thank you!'));
      expect(summary(el)).to.equal('(votes: 5, rating: 4.6)');
    });

    it('keeps two instances of one article in step', async () => {
      const backend = new ScriptedBackend();
      const wrapper = await fixture(html`<div>
        <article-rating article-id=${SEED_ARTICLE} votes="4" average="4.5" .backend=${backend}></article-rating>
        <article-rating article-id=${SEED_ARTICLE} votes="4" average="4.5" summary="count" .backend=${backend}></article-rating>
      </div>`);
      const [top, bottom] = wrapper.querySelectorAll('article-rating');
      await until(() => slider(top) && slider(bottom));
      expect(backend.calls.getRating, 'one shared read').to.equal(1);
      await clickStar(top, 1);
      await until(() => summary(bottom) === '(5 votes)');
      expect(summary(top)).to.equal('(votes: 5, rating: 3.8)');
      expect(shadowText(bottom, '[part="yours"]')).to.equal('Your rating: 1');
    });

    it('remembers the reader\'s vote across a reload', async () => {
      const backend = new ScriptedBackend();
      const { el } = await ready(backend);
      // Remembered once counted, not while it is on its way.
      const counted = oneEvent(el, 'aw-rating-vote');
      await clickStar(el, 3);
      await counted;
      // A reload: a fresh backend instance (the server keeps the counts), the same browser storage.
      const again = await fixture<ArticleRating>(
        html`<article-rating article-id=${SEED_ARTICLE} .backend=${new ScriptedBackend()}></article-rating>`,
      );
      await until(() => shadowText(again, '[part="yours"]') === 'Your rating: 3');
      expect(part(again, 'stars')!.getAttribute('role')).to.equal('slider');
      expect(part(again, 'stars')!.getAttribute('aria-readonly')).to.equal('true');
    });

    it('lets a reader change the vote where allowed, replacing it', async () => {
      const { el } = await ready();
      el.allowChange = true;
      const votes = recordEvents<RatingVoteDetail>(el, 'aw-rating-vote');
      await clickStar(el, 1);
      await until(() => summary(el) === '(votes: 5, rating: 3.8)');
      expect(slider(el), 'still a control').to.not.equal(null);
      // The stars are read-only while a vote is sent: change it once the first is counted.
      await until(() => votes.length === 1, 'the first vote counted');
      await clickStar(el, 5);
      await until(() => summary(el) === '(votes: 5, rating: 4.6)');
      expect(shadowText(el, '[part="yours"]')).to.equal('Your rating: 5');
    });
  });

  describe('failures', () => {
    it('rolls back, shows and announces the error, and a retry counts once', async () => {
      const { el, backend } = await ready();
      backend.loseNextReply('rateArticle');
      const errors = recordEvents<RatingErrorDetail>(el, 'aw-rating-error');
      const votes = recordEvents<RatingVoteDetail>(el, 'aw-rating-vote');
      await clickStar(el, 5);
      await until(() => part(el, 'error'), 'the error');
      expect(summary(el), 'rolled back').to.equal('(votes: 4, rating: 4.5)');
      expect(shadowText(el, '[part="error"]')).to.equal('Could not reach the server. Your vote was not counted. Try again');
      expect(status(el)).to.equal('Could not reach the server. Your vote was not counted.');
      expect(errors.map((e) => e.detail)).to.deep.equal([
        { articleId: SEED_ARTICLE, rating: 5, code: 'network', message: 'scripted lost reply: the write was done, its answer never arrived' },
      ]);
      await expect(el).to.be.accessible();
      part(el, 'retry')!.click();
      await until(() => votes.length === 1, 'the retried vote');
      expect(summary(el), 'the retry counted once, though the first attempt reached the backend').to.equal('(votes: 5, rating: 4.6)');
      expect(await backend.getRating(SEED_ARTICLE)).to.deep.equal({ articleId: SEED_ARTICLE, votes: 5, average: 4.6 });
      expect(part(el, 'error')).to.equal(null);
      expect(errors).to.have.length(1);
    });

    it('says why a refused vote was refused, in its own words, with no retry where none can help', async () => {
      const { el, backend } = await ready();
      backend.failNext('rateArticle', 'refused', 'This reader has already rated this article.', 'already-voted');
      const errors = recordEvents<RatingErrorDetail>(el, 'aw-rating-error');
      await clickStar(el, 4);
      await until(() => part(el, 'error'));
      expect(shadowText(el, '[part="error"]')).to.equal('You have already voted here.');
      expect(part(el, 'retry'), 'a retry cannot help').to.equal(null);
      expect(errors.map((e) => e.detail)).to.deep.equal([
        { articleId: SEED_ARTICLE, rating: 4, code: 'refused', reason: 'already-voted', message: 'This reader has already rated this article.' },
      ]);
      await expect(el).to.be.accessible();
    });

    it("never shows the backend's own words (they are for developers, on the console), so never as markup", async () => {
      const { el, backend } = await ready();
      const hostile = '<img src=x onerror="window.__pwned=1">';
      backend.failNext('rateArticle', 'refused', hostile, 'invalid');
      const said = await captureConsole(async () => {
        await clickStar(el, 4);
        await until(() => part(el, 'error'));
      });
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(shadowText(el, '[part="error"]')).to.equal('The server did not accept your vote.');
      expect(el.shadowRoot!.textContent).not.to.contain('img src');
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(said.info.join('\n')).to.contain(`refused (invalid): ${hostile}`);
    });

    it('puts a reply of the wrong shape in an error state and keeps the figures', async () => {
      const backend = new ScriptedBackend().replyNext('getRating', { articleId: SEED_ARTICLE, votes: -1, average: 'lots' });
      const el = await fixture<ArticleRating>(html`<article-rating article-id=${SEED_ARTICLE} votes="4" average="4.5" .backend=${backend}></article-rating>`);
      await until(() => part(el, 'error'));
      expect(shadowText(el, '[part="error"] span')).to.equal('The server sent an answer we could not read.');
      expect(summary(el)).to.equal('(votes: 4, rating: 4.5)');
      await expect(el).to.be.accessible();
      part(el, 'retry')!.click();
      await until(() => !part(el, 'error'), 'the reload after retry');
      expect(backend.calls.getRating).to.equal(2);
    });

    it('treats a reply about another article as an invalid reply', async () => {
      const backend = new ScriptedBackend().replyNext('getRating', { articleId: 'another', votes: 9, average: 2 });
      const el = await fixture<ArticleRating>(html`<article-rating article-id=${SEED_ARTICLE} votes="4" average="4.5" .backend=${backend}></article-rating>`);
      await until(() => part(el, 'error'));
      expect(summary(el)).to.equal('(votes: 4, rating: 4.5)');
    });

    it('rejects a vote reply of the wrong shape without counting it', async () => {
      const { el, backend } = await ready();
      backend.replyNext('rateArticle', { summary: { articleId: SEED_ARTICLE, votes: 5 }, rating: 9 });
      const votes = recordEvents(el, 'aw-rating-vote');
      await clickStar(el, 4);
      await until(() => part(el, 'error'));
      expect(shadowText(el, '[part="error"] span')).to.equal('The server sent an answer we could not read.');
      expect(summary(el)).to.equal('(votes: 4, rating: 4.5)');
      expect(votes).to.have.length(0);
    });

    it('gives up on a backend that hangs, and says so', async () => {
      await withPatience({ read: 100, retryPause: 10 }, async () => {
        const backend = new ScriptedBackend();
        const release = backend.hold('getRating');
        const el = await fixture<ArticleRating>(html`<article-rating article-id="hangs" votes="2" average="3" .backend=${backend}></article-rating>`);
        await until(() => part(el, 'error'), 'the timeout');
        expect(shadowText(el, '[part="error"]')).to.equal('Could not load the latest figures. Try again');
        expect(summary(el)).to.equal('(votes: 2, rating: 3.0)');
        expect(backend.calls.getRating, 'three attempts').to.equal(3);
        expect(backend.signals.every((signal) => signal.aborted), 'each hung read is aborted').to.equal(true);
        release();
      });
    });

    it('aborts a read nobody needs any more', async () => {
      const backend = new ScriptedBackend();
      const release = backend.hold('getRating');
      const el = await fixture<ArticleRating>(html`<article-rating article-id="gone" .backend=${backend}></article-rating>`);
      await until(() => backend.signals.length === 1);
      el.remove();
      expect(backend.signals[0].aborted).to.equal(true);
      release();
    });
  });

  describe('look and feel', () => {
    afterEach(() => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference', forcedColors: 'none' }));

    const fullColour = (el: ArticleRating) => getComputedStyle(el.shadowRoot!.querySelector('[part~="star"].full')!).fill;

    it('keeps its size when the backend answers: no layout shift', async () => {
      const backend = new ScriptedBackend();
      const release = backend.hold('getRating');
      const el = await fixture<ArticleRating>(html`<article-rating article-id=${SEED_ARTICLE} votes="4" average="4.5" .backend=${backend}></article-rating>`);
      const before = el.getBoundingClientRect();
      release();
      await until(() => slider(el));
      const after = el.getBoundingClientRect();
      expect([after.width, after.height]).to.deep.equal([before.width, before.height]);
    });

    it('gives every star a target of at least 24 by 24 px, even when drawn small, centred on the star', async () => {
      const { el } = await ready();
      el.style.setProperty('--aw-rating-star-size', '12px');
      const targets = [...el.shadowRoot!.querySelectorAll('.target')];
      expect(targets).to.have.length(5);
      targets.forEach((target, i) => {
        const box = target.getBoundingClientRect();
        expect(box.width).to.be.at.least(24);
        expect(box.height).to.be.at.least(24);
        const star = paintedStars(el)[i].getBoundingClientRect();
        expect(star.width, 'drawn small').to.be.below(12);
        expect(Math.abs(star.x + star.width / 2 - (box.x + box.width / 2)), `star ${i + 1} centred on its target`).to.be.below(1);
      });
    });

    it('keeps the gap and size a site sets', async () => {
      const el = await fixture<ArticleRating>(html`<article-rating article-id="a" votes="4" average="4.5" readonly></article-rating>`);
      el.style.setProperty('--aw-rating-star-size', '40px');
      el.style.setProperty('--aw-rating-star-gap', '10px');
      const [first, second] = paintedStars(el).map((star) => star.getBoundingClientRect());
      // The star path spans 19.04 of its 24-unit grid.
      expect(first.width).to.be.closeTo((40 * 19.04) / 24, 0.5);
      expect(second.x - first.x, 'one star and one gap apart').to.be.closeTo(50, 0.5);
    });

    it("takes its palette from the page's color-scheme, not the system's, and its colours from custom properties", async () => {
      const el = await fixture<ArticleRating>(html`<article-rating article-id="a" votes="4" average="4.5" readonly></article-rating>`);
      const [light, dark] = ['rgb(194, 106, 0)', 'rgb(251, 191, 36)'];
      expect(fullColour(el)).to.equal(light);
      await emulateMedia({ colorScheme: 'dark' });
      expect(fullColour(el), 'a page that declares no color-scheme stays light on a dark system').to.equal(light);
      el.style.colorScheme = 'dark';
      expect(fullColour(el), 'dark, forced on the element').to.equal(dark);
      el.style.colorScheme = 'light dark';
      expect(fullColour(el), '"light dark" follows the system: dark').to.equal(dark);
      await emulateMedia({ colorScheme: 'light' });
      expect(fullColour(el), '"light dark" follows the system: light').to.equal(light);
      el.style.setProperty('--aw-rating-color', 'rgb(1, 2, 3)');
      expect(fullColour(el)).to.equal('rgb(1, 2, 3)');
      el.style.setProperty('--aw-rating-color', 'light-dark(rgb(1, 2, 3), rgb(4, 5, 6))');
      el.style.colorScheme = 'dark';
      expect(fullColour(el), "a site's own light-dark() pair").to.equal('rgb(4, 5, 6)');
    });

    it('uses system colours in forced-colors mode and drops motion when asked', async () => {
      const el = await fixture<ArticleRating>(html`<article-rating article-id="a" votes="4" average="4.5" readonly></article-rating>`);
      const svg = el.shadowRoot!.querySelector('[part~="star"]')!;
      expect(getComputedStyle(svg).transitionDuration).to.equal('0.12s');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(svg).transitionDuration).to.equal('0s');
      // This Chromium does not emulate forced colours, so read the rule from the element's styles.
      const rules = el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
      const forced = rules.filter((rule) => rule instanceof CSSMediaRule && rule.conditionText === '(forced-colors: active)');
      // The stars inherit their fill and outline from the group that draws them.
      const starRule = forced.flatMap((rule) => [...(rule as CSSMediaRule).cssRules]).find((rule) => (rule as CSSStyleRule).selectorText === '.drawing') as CSSStyleRule;
      expect([starRule.style.fill, starRule.style.stroke]).to.deep.equal(['canvas', 'canvastext']);
      expect(svg.parentElement!.matches('.drawing'), 'the stars are in that group').to.be.true;
    });

    it('shows a visible focus ring', async () => {
      const { el } = await ready();
      slider(el)!.focus();
      await press('ArrowRight');
      expect(getComputedStyle(slider(el)!).outlineStyle).to.equal('solid');
    });
  });

  describe('bad input', () => {
    it('warns about a missing article-id and shows its attributes read-only', async () => {
      const backend = new ScriptedBackend();
      let el!: ArticleRating;
      const seen = await captureConsole(async () => {
        el = await fixture<ArticleRating>(html`<article-rating votes="4" average="4.5" .backend=${backend}></article-rating>`);
        await problemsSaid();
      });
      expect(seen.warn.join('\n')).to.contain('article-id');
      expect(summary(el)).to.equal('(votes: 4, rating: 4.5)');
      expect(stars(el).getAttribute('role')).to.equal('img');
      expect(backend.calls).to.deep.equal({});
      await expect(el).to.be.accessible();
    });

    it('warns about an average out of range and negative votes, and renders sanely', async () => {
      let a!: ArticleRating;
      let b!: ArticleRating;
      const seen = await captureConsole(async () => {
        a = await fixture<ArticleRating>(html`<article-rating article-id="x" votes="4" average="7" readonly></article-rating>`);
        b = await fixture<ArticleRating>(html`<article-rating article-id="y" votes="-3" average="abc" readonly></article-rating>`);
        await problemsSaid();
      });
      expect(seen.warn.find((w) => w.includes('average="7"'))).to.be.a('string');
      expect(seen.warn.find((w) => w.includes('votes="-3"'))).to.be.a('string');
      expect(summary(a)).to.equal('(votes: 4, rating: 5.0)');
      expect(summary(b)).to.equal('(not rated yet)');
      expect(b.shadowRoot!.textContent).to.not.contain('NaN');
    });

    it('picks up a default backend set after it rendered', async () => {
      const el = await fixture<ArticleRating>(html`<article-rating article-id=${SEED_ARTICLE}></article-rating>`);
      expect(summary(el)).to.equal('(not rated yet)');
      setDefaultBackend(new MemoryBackend({ ratings: [{ articleId: SEED_ARTICLE, votes: 4, average: 4.5 }] }));
      await until(() => summary(el) === '(votes: 4, rating: 4.5)', 'the default backend');
      expect(slider(el)).to.not.equal(null);
    });
  });
});
