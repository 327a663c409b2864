// The reference server's per-item cap as a reader meets it: once an address has cast the day's
// votes on an item (20 by default), <article-rating> and <opinion-poll> say so in the reader's
// language. Real Chromium, the REAL server (server/test/wtr-server-plugin.js), real HTTP.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ArticleRating, type RatingErrorDetail } from '../../src/article-rating/article-rating.js';
import { BackendError } from '../../src/backend/backend.js';
import { HttpBackend } from '../../src/backend/http-backend.js';
import { OpinionPoll, type PollErrorDetail } from '../../src/opinion-poll/opinion-poll.js';
import { randomId } from '../../src/internal/voter.js';
import { forgetReader, recordEvents, shadowText, until } from '../helpers.js';

ArticleRating.define();
OpinionPoll.define();

/** The server's default: new votes per item per address per UTC day. */
const CAP = 20;

type ServerState = { url: string; running: boolean; adminToken: string };
let api = '';
let adminToken = '';
before(async () => {
  const state = (await executeServerCommand<ServerState, { action: string }>('aw-server', { action: 'start' }));
  api = `${state.url}/api`;
  adminToken = state.adminToken;
});
beforeEach(forgetReader);

const expected = {
  en: 'Too many votes from your internet connection today: yours was not counted.',
  ru: 'С вашего подключения сегодня слишком много голосов: ваш не учтён.',
};
const write = () => ({ voterId: randomId(), idempotencyKey: randomId() });
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);

async function createPoll(id: string) {
  const reply = await fetch(`${api}/admin/polls`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ id, question: 'Which?', options: [{ id: 'a', label: 'A', votes: 0 }, { id: 'b', label: 'B', votes: 0 }] }),
  });
  expect(reply.status).to.equal(201);
}

describe('the per-item cap of the reference server', () => {
  it('HttpBackend tells it apart from other refusals: code item-limit', async () => {
    const backend = new HttpBackend(api);
    const article = `cap-backend-${randomId()}`;
    for (let i = 0; i < CAP; i++) await backend.rateArticle(article, 4, write());
    const error = await backend.rateArticle(article, 4, write()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(BackendError);
    expect((error as BackendError).code).to.equal('item-limit');
    expect((await backend.getRating(article)).votes).to.equal(CAP);
  });

  it('<article-rating> tells the reader, in English and in Russian', async () => {
    const backend = new HttpBackend(api);
    const article = `cap-rating-${randomId()}`;
    for (let i = 0; i < CAP; i++) await backend.rateArticle(article, 5, write());
    for (const lang of ['en', 'ru'] as const) {
      const el = await fixture<ArticleRating>(html`<article-rating lang=${lang} api=${api} article-id=${article}></article-rating>`);
      await until(() => part(el, 'summary')?.textContent?.includes('20'), 'the rating to load');
      const errors = recordEvents<RatingErrorDetail>(el, 'aw-rating-error');
      // The reader clicks the third star: its target, which lies under the picture while they can vote.
      el.shadowRoot!.querySelector<HTMLElement>('.target[data-value="3"]')!.click();
      await until(() => part(el, 'error'), 'the refusal');
      expect(shadowText(el, '[part="error"] span')).to.equal(expected[lang]);
      expect(shadowText(el, '[role="status"]')).to.equal(expected[lang]);
      expect(part(el, 'retry'), 'no retry: the cap holds for the day').to.equal(null);
      expect(errors.map((e) => [e.detail.code, e.detail.reason])).to.deep.equal([['item-limit', 'item-limit']]);
      expect(part(el, 'summary')!.textContent, 'rolled back to the server\'s figures').to.contain('20');
      await expect(el).to.be.accessible();
    }
    expect((await backend.getRating(article)).votes).to.equal(CAP);
  });

  it('<opinion-poll> tells the reader, in English and in Russian', async () => {
    const poll = `cap-poll-${randomId()}`;
    await createPoll(poll);
    const backend = new HttpBackend(api);
    for (let i = 0; i < CAP; i++) await backend.votePoll(poll, ['a'], write());
    for (const lang of ['en', 'ru'] as const) {
      const el = await fixture<OpinionPoll>(html`<opinion-poll lang=${lang} api=${api} poll-id=${poll}></opinion-poll>`);
      await until(() => el.shadowRoot!.querySelector('input[value="b"]:not(:disabled)'), 'the poll to load');
      const errors = recordEvents<PollErrorDetail>(el, 'aw-poll-error');
      el.shadowRoot!.querySelector<HTMLInputElement>('input[value="b"]')!.click();
      part(el, 'vote')!.click();
      await until(() => part(el, 'error'), 'the refusal');
      expect(shadowText(el, '[part="error"] span')).to.equal(expected[lang]);
      expect(part(el, 'retry'), 'no retry: the cap holds for the day').to.equal(null);
      expect(errors.map((e) => [e.detail.code, e.detail.reason])).to.deep.equal([['item-limit', 'item-limit']]);
      await expect(el).to.be.accessible();
    }
    const view = await backend.getPoll(poll);
    expect(view.options.map((o) => o.votes)).to.deep.equal([CAP, 0]);
  });
});
