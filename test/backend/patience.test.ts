// The widgets' one timeout policy (src/internal/patience.ts), as a reader meets it over real HTTP:
// <article-rating> with the real HttpBackend against a scripted API (test/backend/wtr-scripted-api.js)
// that hangs, answers 503 storage-unavailable, or answers, request by request. Every attempt the
// widget makes shows up in the API's log, so the attempts, their cut-offs and the idempotency keys
// are counted as they crossed the wire.
import { expect, fixture, html } from '@open-wc/testing';
import { ArticleRating } from '../../src/article-rating/article-rating.js';
import { randomId } from '../../src/internal/voter.js';
import { forgetReader, shadowText, until, withPatience } from '../helpers.js';

ArticleRating.define();

interface Logged {
  method: string;
  path: string;
  key?: string;
  cut: boolean;
}
type Answer = { hang: true } | { status: number; body: unknown };

const storageUnavailable: Answer = { status: 503, body: { error: { code: 'storage-unavailable', message: 'The database does not answer.' } } };
const rating = (articleId: string, votes: number, average: number): Answer => ({ status: 200, body: { ratings: [{ articleId, votes, average }] } });
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);

/** A fresh run of the scripted API answering `answers` in turn; its URL and its log. */
async function scriptedApi(answers: Answer[]) {
  const base = `${location.origin}/scripted-api/${randomId()}`;
  const scripted = await fetch(`${base}/script`, { method: 'POST', body: JSON.stringify(answers) });
  expect(scripted.status).to.equal(204);
  const log = async () => (await (await fetch(`${base}/log`)).json()) as Logged[];
  return { api: base, log };
}

describe('one timeout policy, over real HTTP', () => {
  beforeEach(forgetReader);

  it('cuts a read attempt that hangs, tries again after a 503, and shows what the third attempt brings', async () => {
    await withPatience({ read: 400, retryPause: 20 }, async () => {
      const { api, log } = await scriptedApi([{ hang: true }, storageUnavailable, rating('a1', 7, 4)]);
      const el = await fixture<ArticleRating>(html`<article-rating api=${api} article-id="a1" votes="2" average="3"></article-rating>`);
      await until(() => shadowText(el, '[part="summary"]') === '(votes: 7, rating: 4.0)', 'the figures of the third attempt', 5000);
      expect(part(el, 'error')).to.equal(null);
      expect(await log()).to.deep.equal([
        { method: 'GET', path: '/ratings?ids=a1', cut: true },
        { method: 'GET', path: '/ratings?ids=a1', cut: false },
        { method: 'GET', path: '/ratings?ids=a1', cut: false },
      ]);
    });
  });

  it('tells the reader after three attempts that each hung, every one of them cut', async () => {
    await withPatience({ read: 300, retryPause: 20 }, async () => {
      const { api, log } = await scriptedApi([{ hang: true }, { hang: true }, { hang: true }]);
      const el = await fixture<ArticleRating>(html`<article-rating api=${api} article-id="a2" votes="2" average="3"></article-rating>`);
      await until(() => part(el, 'error'), 'the error', 5000);
      expect(shadowText(el, '[part="error"]')).to.equal('Could not load the latest figures. Try again');
      await until(async () => (await log()).every((entry) => entry.cut), 'every attempt cut');
      expect((await log()).map((entry) => `${entry.method} ${entry.path}`)).to.deep.equal(Array(3).fill('GET /ratings?ids=a2'));
      await expect(el).to.be.accessible();
    });
  });

  it('sends a vote once, cuts it at its limit, and "Try again" sends it with the same key until it counts', async () => {
    await withPatience({ write: 400 }, async () => {
      const counted = { status: 200, body: { summary: { articleId: 'a3', votes: 3, average: 3.333333 }, rating: 4 } };
      const { api, log } = await scriptedApi([rating('a3', 2, 3.5), { hang: true }, storageUnavailable, counted]);
      const el = await fixture<ArticleRating>(html`<article-rating lang="ru" api=${api} article-id="a3" votes="2" average="3"></article-rating>`);
      await until(() => shadowText(el, '[part="summary"]') === '(голосов: 2, рейтинг: 3,5)', 'the rating to load');
      el.shadowRoot!.querySelector<HTMLElement>('.target[data-value="4"]')!.click();
      await until(() => part(el, 'retry'), 'the cut-off vote', 5000);
      expect(shadowText(el, '[part="error"] span')).to.equal('Не удалось связаться с сервером. Ваш голос не учтён.');
      part(el, 'retry')!.click();
      await until(() => shadowText(el, '[part="error"] span').startsWith('Сервер сейчас'), 'the 503');
      expect(shadowText(el, '[part="error"]')).to.equal('Сервер сейчас не может учесть ваш голос. Попробуйте ещё раз чуть позже. Повторить');
      part(el, 'retry')!.click();
      await until(() => shadowText(el, '[part="yours"]') === 'Ваша оценка: 4', 'the counted vote');
      const votes = (await log()).filter((entry) => entry.method === 'POST');
      expect(votes.map((entry) => [entry.path, entry.cut])).to.deep.equal([
        ['/ratings/a3/votes', true],
        ['/ratings/a3/votes', false],
        ['/ratings/a3/votes', false],
      ]);
      expect(new Set(votes.map((entry) => entry.key)).size, 'one idempotency key for the vote and its retries').to.equal(1);
      expect((await log()).filter((entry) => entry.method === 'GET'), 'one read: a failed vote reads nothing again').to.have.length(1);
    });
  });
});
