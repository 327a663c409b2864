// What <article-rating> and <opinion-poll> tell a reader when a vote fails, for every reason a
// reader can meet, in English and in Russian (src/internal/failures.ts): the words, whether "Try
// again" is offered, the server's own message kept to the console. Then the refusals as they
// really happen: the real contract refusing an option that went (MemoryBackend), and the REAL
// server (server/test/wtr-server-plugin.js) refusing a vote on a poll an editor closed or narrowed,
// and a second vote from the same reader.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ArticleRating } from '../../src/article-rating/article-rating.js';
import { OpinionPoll, type PollErrorDetail } from '../../src/opinion-poll/opinion-poll.js';
import type { BackendErrorCode, ErrorCode, ReadOptions, WidgetBackend, WriteContext } from '../../src/backend/backend.js';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import type { PollData } from '../../src/backend/shapes.js';
import { randomId } from '../../src/internal/voter.js';
import { ScriptedBackend, SEED_ARTICLE, captureConsole, forgetReader, recordEvents, shadowText, until } from '../helpers.js';

ArticleRating.define();
OpinionPoll.define();

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const errorText = (el: Element) => shadowText(el, '[part="error"] span');

type Case = { code: BackendErrorCode; reason?: ErrorCode; en: string; ru: string; retry: boolean };

/** Every failure of a vote a reader can meet, as each element says it. */
const cases = (item: 'rating' | 'poll'): Case[] => [
  { code: 'network', en: 'Could not reach the server. Your vote was not counted.', ru: 'Не удалось связаться с сервером. Ваш голос не учтён.', retry: true },
  ...(['storage-unavailable', 'internal'] as const).map((reason) => ({
    code: 'network' as const,
    reason,
    en: 'The server could not count your vote just now. Please try again in a moment.',
    ru: 'Сервер сейчас не может учесть ваш голос. Попробуйте ещё раз чуть позже.',
    retry: true,
  })),
  {
    code: 'refused',
    reason: 'rate-limited',
    en: 'Too many votes from your connection in the last minute: yours was not counted. Please wait a minute and try again.',
    ru: 'С вашего подключения за последнюю минуту было слишком много голосов: ваш не учтён. Подождите минуту и попробуйте снова.',
    retry: true,
  },
  { code: 'invalid-reply', en: 'The server sent an answer we could not read.', ru: 'Сервер прислал ответ, который не удалось прочитать.', retry: true },
  {
    code: 'item-limit',
    reason: 'item-limit',
    en: 'Too many votes from your internet connection today: yours was not counted.',
    ru: 'С вашего подключения сегодня слишком много голосов: ваш не учтён.',
    retry: false,
  },
  { code: 'refused', reason: 'already-voted', en: 'You have already voted here.', ru: 'Вы уже голосовали.', retry: false },
  { code: 'refused', reason: 'poll-closed', en: 'This poll has closed: your vote was not counted.', ru: 'Опрос уже завершён: ваш голос не учтён.', retry: false },
  {
    code: 'refused',
    reason: 'too-many-choices',
    en: 'This poll takes fewer choices: your vote was not counted. Please choose again.',
    ru: 'В этом опросе можно выбрать меньше вариантов: ваш голос не учтён. Выберите ещё раз.',
    retry: false,
  },
  {
    code: 'not-found',
    reason: 'unknown-option',
    en: 'An option you chose is no longer in this poll: your vote was not counted. Here is the poll as it is now; please choose again.',
    ru: 'Одного из выбранных вариантов больше нет в опросе: ваш голос не учтён. Вот опрос в нынешнем виде — выберите ещё раз.',
    retry: false,
  },
  item === 'poll'
    ? { code: 'not-found', reason: 'unknown-poll', en: 'There is no such poll.', ru: 'Такого опроса нет.', retry: false }
    : { code: 'not-found', en: 'The voting server does not know this article.', ru: 'Сервер голосования не знает этой статьи.', retry: false },
  {
    code: 'refused',
    reason: 'unverified',
    en: 'This site could not confirm your vote: it was not counted. Reloading the page may help.',
    ru: 'Сайт не смог подтвердить ваш голос, и он не учтён. Попробуйте перезагрузить страницу.',
    retry: false,
  },
  {
    code: 'refused',
    reason: 'origin-not-allowed',
    en: 'This site is not allowed to send votes to its voting server: your vote was not counted.',
    ru: 'Этому сайту не разрешено отправлять голоса на его сервер голосования: ваш голос не учтён.',
    retry: false,
  },
  { code: 'refused', reason: 'invalid', en: 'The server did not accept your vote.', ru: 'Сервер не принял ваш голос.', retry: false },
  // A code a newer server may send, unknown to this version.
  { code: 'refused', reason: 'shiny-new-rule' as ErrorCode, en: 'The server did not accept your vote.', ru: 'Сервер не принял ваш голос.', retry: false },
];

/** A poll "p" of three options, open, single choice, results always shown; `overrides` change it. */
function pollData(overrides: Partial<PollData> = {}): PollData {
  return {
    id: 'p',
    question: 'Which season?',
    options: [
      { id: 'a', label: 'Spring', votes: 3 },
      { id: 'b', label: 'Summer', votes: 1 },
      { id: 'c', label: 'Winter', votes: 0 },
    ],
    multiple: false,
    maxChoices: 1,
    results: 'always',
    closesAt: null,
    closed: false,
    ...overrides,
  };
}

const tick = (el: Element, id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${id}"]`)!.click();

describe('a failed vote, as a reader is told', () => {
  beforeEach(forgetReader);

  for (const lang of ['en', 'ru'] as const) {
    it(`<article-rating> says every reason in its reader's language (${lang}), "Try again" only where it can help`, async () => {
      const backend = new ScriptedBackend();
      const el = await fixture<ArticleRating>(html`<article-rating lang=${lang} article-id=${SEED_ARTICLE} .backend=${backend}></article-rating>`);
      await until(() => backend.calls.getRating && part(el, 'stars')?.getAttribute('role') === 'slider', 'the rating');
      const errors = recordEvents(el, 'aw-rating-error');
      for (const { code, reason, retry, ...said } of cases('rating')) {
        const message = `server words for ${reason ?? code}`;
        backend.failNext('rateArticle', code, message, reason);
        const failures = errors.length;
        const console = await captureConsole(async () => {
          el.shadowRoot!.querySelector<HTMLElement>('.target[data-value="2"]')!.click();
          await until(() => errors.length > failures, `the failure for ${reason ?? code}`);
          await el.updateComplete;
        });
        expect(errorText(el)).to.equal(said[lang]);
        expect(!!part(el, 'retry'), `a retry for ${reason ?? code}`).to.equal(retry);
        expect(shadowText(el, '[role="status"]')).to.equal(said[lang]);
        expect(el.shadowRoot!.textContent, 'the server\'s words stay off the page').not.to.contain(message);
        expect(console.info.join('\n')).to.contain(message);
        await until(() => part(el, 'stars')?.getAttribute('aria-readonly') !== 'true', 'votable again');
      }
      await expect(el).to.be.accessible();
    });

    it(`<opinion-poll> says every reason in its reader's language (${lang}), "Try again" only where it can help`, async () => {
      const backend = new ScriptedBackend({ polls: [pollData()] });
      const el = await fixture<OpinionPoll>(html`<opinion-poll lang=${lang} poll-id="p" .backend=${backend}></opinion-poll>`);
      await until(() => el.shadowRoot!.querySelector('input:not(:disabled)'), 'the poll');
      const errors = recordEvents(el, 'aw-poll-error');
      for (const { code, reason, retry, ...said } of cases('poll')) {
        const message = `server words for ${reason ?? code}`;
        backend.failNext('votePoll', code, message, reason);
        await until(() => el.shadowRoot!.querySelector('input:not(:disabled)'), 'the form');
        const failures = errors.length;
        tick(el, 'b');
        part(el, 'vote')!.click();
        await until(() => errors.length > failures, `the failure for ${reason ?? code}`);
        await el.updateComplete;
        expect(errorText(el)).to.equal(said[lang]);
        expect(!!part(el, 'retry'), `a retry for ${reason ?? code}`).to.equal(retry);
        expect(el.shadowRoot!.textContent).not.to.contain(message);
      }
      await expect(el).to.be.accessible();
    });
  }
});

/** A backend whose site data an editor changes between two calls: the real MemoryBackend of each version. */
class ChangingBackend implements WidgetBackend {
  constructor(public current: MemoryBackend) {}
  getRating(articleId: string, options?: ReadOptions) {
    return this.current.getRating(articleId, options);
  }
  rateArticle(articleId: string, rating: number, context: WriteContext) {
    return this.current.rateArticle(articleId, rating, context);
  }
  getPoll(pollId: string, options?: ReadOptions) {
    return this.current.getPoll(pollId, options);
  }
  votePoll(pollId: string, optionIds: string[], context: WriteContext) {
    return this.current.votePoll(pollId, optionIds, context);
  }
  recordShare(url: string, network: string, context: WriteContext) {
    return this.current.recordShare(url, network, context);
  }
  getShareCounts(url: string, options?: ReadOptions) {
    return this.current.getShareCounts(url, options);
  }
}

describe('refusals as they happen', () => {
  beforeEach(forgetReader);

  it('an option that went while the reader chose: says so, reads the poll again, and the next choice counts', async () => {
    const backend = new ChangingBackend(new MemoryBackend({ polls: [pollData()] }));
    const el = await fixture<OpinionPoll>(html`<opinion-poll poll-id="p" .backend=${backend}></opinion-poll>`);
    await until(() => el.shadowRoot!.querySelector('input[value="c"]:not(:disabled)'), 'the poll');
    const errors = recordEvents<PollErrorDetail>(el, 'aw-poll-error');
    tick(el, 'c');
    // The editor drops "Winter" (the contract's own refusal follows: 404 unknown-option).
    backend.current = new MemoryBackend({ polls: [pollData({ options: pollData().options.slice(0, 2) })] });
    part(el, 'vote')!.click();
    await until(() => errors.length === 1, 'the refusal');
    expect(errors[0].detail).to.include({ code: 'not-found', reason: 'unknown-option' });
    await until(() => el.shadowRoot!.querySelectorAll('input').length === 2, 'the poll read again, without the option');
    expect(errorText(el)).to.equal('An option you chose is no longer in this poll: your vote was not counted. Here is the poll as it is now; please choose again.');
    expect(part(el, 'retry')).to.equal(null);
    expect(shadowText(el, '[part="heading"]'), 'not "the whole poll is gone"').to.equal('Poll');
    await expect(el).to.be.accessible();
    tick(el, 'a');
    part(el, 'vote')!.click();
    await until(() => !el.shadowRoot!.querySelector('input'), 'the results');
    expect(part(el, 'error')).to.equal(null);
    expect(shadowText(el, '[part~="yours"] [part="label"]')).to.equal('Spring');
  });

  describe('by the reference server', () => {
    type ServerState = { url: string; adminToken: string };
    let api = '';
    let admin: (method: string, path: string, body?: unknown) => Promise<Response>;
    before(async () => {
      const state = await executeServerCommand<ServerState, { action: string }>('aw-server', { action: 'start' });
      api = `${state.url}/api`;
      admin = (method, path, body) =>
        fetch(`${api}/admin/polls${path}`, {
          method,
          headers: { ...(body !== undefined && { 'content-type': 'application/json' }), authorization: `Bearer ${state.adminToken}` },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
    });

    async function createPoll(overrides: Record<string, unknown> = {}): Promise<string> {
      const id = `refusals-${randomId()}`;
      const reply = await admin('POST', '', { id, question: 'Which topics?', options: [{ id: 'a', label: 'A', votes: 0 }, { id: 'b', label: 'B', votes: 0 }, { id: 'c', label: 'C', votes: 0 }], ...overrides });
      expect(reply.status).to.equal(201);
      return id;
    }

    async function loadedPoll(pollId: string, lang = 'en', url = api) {
      const el = await fixture<OpinionPoll>(html`<opinion-poll lang=${lang} api=${url} poll-id=${pollId}></opinion-poll>`);
      await until(() => el.shadowRoot!.querySelector('input:not(:disabled)'), 'the poll');
      return el;
    }

    it('a poll the editor closed after the reader loaded it: says so in Russian and shows it closed', async () => {
      const pollId = await createPoll();
      const el = await loadedPoll(pollId, 'ru');
      expect((await admin('POST', `/${pollId}/close`)).status).to.equal(200);
      tick(el, 'a');
      part(el, 'vote')!.click();
      await until(() => errorText(el) === 'Опрос уже завершён: ваш голос не учтён.', 'the refusal');
      await until(() => shadowText(el, '[part="heading"]') === 'Опрос завершён', 'the poll read again, closed');
      expect(part(el, 'retry')).to.equal(null);
      expect(el.shadowRoot!.querySelector('input'), 'no vote on a closed poll').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('a poll the editor narrowed to fewer choices: says so and shows the new limit', async () => {
      const pollId = await createPoll({ multiple: true, maxChoices: 3 });
      const el = await loadedPoll(pollId);
      expect((await admin('PATCH', `/${pollId}`, { maxChoices: 1 })).status).to.equal(200);
      tick(el, 'a');
      tick(el, 'b');
      part(el, 'vote')!.click();
      await until(() => errorText(el) === 'This poll takes fewer choices: your vote was not counted. Please choose again.', 'the refusal');
      await until(() => shadowText(el, '[part="note"]').includes('Choose up to 1.'), 'the new limit');
      expect(part(el, 'retry')).to.equal(null);
      tick(el, 'b');
      part(el, 'vote')!.click();
      await until(() => !el.shadowRoot!.querySelector('input'), 'one choice, counted');
    });

    it('a second vote of the same reader (another tab on the page): says so, no retry, and shows their vote', async () => {
      const pollId = await createPoll();
      // Two stores on one page (the same server under two addresses): neither hears of the other's vote.
      const first = await loadedPoll(pollId, 'en', api);
      const second = await loadedPoll(pollId, 'en', `${api}/`);
      tick(first, 'a');
      part(first, 'vote')!.click();
      await until(() => !first.shadowRoot!.querySelector('input'), 'the first vote');
      tick(second, 'b');
      part(second, 'vote')!.click();
      await until(() => errorText(second) === 'You have already voted here.', 'the refusal');
      await until(() => shadowText(second, '[part~="yours"] [part="label"]') === 'A', 'the reader\'s vote, read again');
      expect(part(second, 'retry')).to.equal(null);
      await expect(second).to.be.accessible();
    });
  });
});
