import { expect } from '@open-wc/testing';
import { BackendError } from '../../src/backend/backend.js';
import { LocalBackend } from '../../src/backend/local-backend.js';
import { MemoryBackend } from '../../src/backend/memory-backend.js';
import { ShapeError } from '../../src/backend/shapes.js';
import { parseWidgetData } from '../../src/contract/widget-data.js';
import { checkWidgetData } from '../../src/backend/check-widget-data.js';
import { SEED_ARTICLE, SEED_POLL, forgetReader, seed, widgetData } from '../helpers.js';
import type { PollData, WidgetData } from '../../src/contract/types.js';
import type { ReaderActions } from '../../src/backend/memory-backend.js';

/** A write by a reader named `name` (voter ids are 16 or more characters, as the contract says). */
const as = (name: string, idempotencyKey = `${name}-${Math.random()}`) => ({ voterId: `reader-${name}`.padEnd(16, '0'), idempotencyKey });

async function refusal(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    return error as BackendError;
  }
  throw new Error('expected a refusal');
}

describe('the widget data shape', () => {
  it('holds the seed page\'s figures in the demo data', () => {
    const data = parseWidgetData(widgetData);
    expect(data.ratings![0]).to.deep.equal({ articleId: SEED_ARTICLE, votes: seed.rating.votes, average: seed.rating.average });
    const poll = data.polls!.find((p) => p.id === SEED_POLL)!;
    expect(poll.question).to.equal(seed.poll.question);
    expect(poll.options.map((o) => [o.label, o.votes])).to.deep.equal(seed.poll.options.map((o) => [o.label, o.votes]));
    expect(poll.options.reduce((sum, o) => sum + o.votes, 0)).to.equal(seed.poll.totalVotes);
  });

  it('names the path of the bad field', () => {
    const bad: [unknown, string][] = [
      [{ ratings: [{ articleId: 'a', votes: -1, average: 3 }] }, 'ratings[0].votes'],
      [{ ratings: [{ articleId: 'a', votes: 2, average: 6 }] }, 'ratings[0].average'],
      [{ ratings: [{ articleId: 'a', distribution: [1, 2, 3] }] }, 'ratings[0].distribution'],
      [{ ratings: [{ articleId: 'a', votes: 1, average: 1 }, { articleId: 'a', votes: 1, average: 1 }] }, 'ratings[1].articleId'],
      [{ polls: [{ ...widgetData.polls![0], results: 'sometimes' }] }, 'polls[0].results'],
      [{ polls: [{ ...widgetData.polls![0], options: [{ id: 'o1', label: 'x', votes: 1 }, { id: 'o2', label: 'y', votes: 'many' }] }] }, 'polls[0].options[1].votes'],
      [{ polls: [{ ...widgetData.polls![0], options: [{ id: 'o1', label: 'x', votes: 1 }, { id: 'o1', label: 'y', votes: 1 }] }] }, 'polls[0].options[1].id'],
      [[], '$'],
    ];
    for (const [data, path] of bad) {
      expect(() => parseWidgetData(data), path).to.throw(ShapeError).with.property('path', path);
    }
  });

  it('is checked the same when the check loads on first use (checkWidgetData, the script tag\'s)', async () => {
    expect(await checkWidgetData(widgetData)).to.deep.equal(parseWidgetData(widgetData));
    const bad = { polls: [{ ...widgetData.polls![0], options: [{ id: 'o1', label: 'x', votes: 1 }, { id: 'o2', label: 'y', votes: 'many' }] }] };
    let thrown: unknown;
    try {
      await checkWidgetData(bad);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(ShapeError).with.property('path', 'polls[0].options[1].votes');
  });

  it('takes a rating as a star distribution', async () => {
    const backend = new MemoryBackend({ ratings: [{ articleId: 'd', distribution: [0, 0, 0, 2, 2] }] });
    expect(await backend.getRating('d')).to.deep.equal({ articleId: 'd', votes: 4, average: 4.5 });
  });
});

describe('MemoryBackend', () => {
  it('counts one rating per voter, replacing a second one', async () => {
    const backend = new MemoryBackend(widgetData);
    await backend.rateArticle(SEED_ARTICLE, 5, as('ann'));
    const again = await backend.rateArticle(SEED_ARTICLE, 1, as('ann'));
    expect(again.summary).to.deep.equal({ articleId: SEED_ARTICLE, votes: 5, average: 3.8 });
    const refusing = new MemoryBackend(widgetData, { ratingChange: 'refuse' });
    await refusing.rateArticle(SEED_ARTICLE, 5, as('ann'));
    expect((await refusal(refusing.rateArticle(SEED_ARTICLE, 1, as('ann')))).code).to.equal('refused');
  });

  it('counts a retried write once and answers it the same', async () => {
    const backend = new MemoryBackend(widgetData);
    const first = await backend.rateArticle(SEED_ARTICLE, 2, as('bob', 'key-0001'));
    const retry = await backend.rateArticle(SEED_ARTICLE, 2, as('bob', 'key-0001'));
    expect(retry).to.deep.equal(first);
    expect((await backend.getRating(SEED_ARTICLE)).votes).to.equal(5);
  });

  it('refuses ratings outside 1..5 and unknown polls and options', async () => {
    const backend = new MemoryBackend(widgetData);
    for (const stars of [0, 6, 2.5, Number.NaN]) {
      expect((await refusal(backend.rateArticle('a', stars, as('c')))).code).to.equal('refused');
    }
    expect((await refusal(backend.getPoll('nope'))).code).to.equal('not-found');
    expect((await refusal(backend.votePoll('reader-topics', ['nope'], as('c')))).code).to.equal('not-found');
  });

  it('enforces poll closing, the choice limit, one ballot and result visibility', async () => {
    const backend = new MemoryBackend(widgetData);
    expect((await refusal(backend.votePoll(SEED_POLL, ['o1'], as('d')))).message).to.contain('closed');
    const hidden = await backend.getPoll('reader-topics', { voterId: as('d').voterId });
    expect(hidden.options.every((o) => o.votes === undefined)).to.equal(true);
    expect(hidden.voters).to.equal(undefined);
    expect((await refusal(backend.votePoll('reader-topics', ['security', 'energy', 'asia'], as('d')))).code).to.equal('refused');
    const view = await backend.votePoll('reader-topics', ['security', 'energy'], as('d'));
    expect(view.options.map((o) => o.votes)).to.deep.equal([13, 10, 7, 4]);
    expect(view.voters).to.equal(20);
    expect(view.myChoices).to.deep.equal(['security', 'energy']);
    expect((await refusal(backend.votePoll('reader-topics', ['asia'], as('d')))).message).to.contain('already');
  });

  it('closes a poll at its closing time', async () => {
    let now = new Date('2027-06-30T20:59:59Z');
    const backend = new MemoryBackend(widgetData, { now: () => now });
    expect((await backend.getPoll('reader-topics')).closed).to.equal(false);
    now = new Date('2027-06-30T21:00:00Z');
    const closed = await backend.getPoll('reader-topics');
    expect(closed.closed).to.equal(true);
    expect(closed.options[0].votes, 'results show once closed').to.equal(12);
  });

  it('counts shares by network', async () => {
    const backend = new MemoryBackend();
    await backend.recordShare('https://example.org/a', 'telegram', as('e'));
    const counts = await backend.recordShare('https://example.org/a', 'vk', as('e'));
    expect(counts).to.deep.equal({ url: 'https://example.org/a', counts: { telegram: 1, vk: 1 }, total: 2 });
  });

  it('honours an aborted signal', async () => {
    const backend = new MemoryBackend(widgetData, { latency: 50 });
    const controller = new AbortController();
    const read = backend.getRating(SEED_ARTICLE, { signal: controller.signal });
    controller.abort();
    expect((await refusal(read)).code).to.equal('aborted');
  });
});

describe('LocalBackend', () => {
  beforeEach(forgetReader);

  it('keeps this browser\'s votes across page loads, on top of the seed figures', async () => {
    const first = new LocalBackend(widgetData);
    await first.rateArticle(SEED_ARTICLE, 5, as('me'));
    const reloaded = new LocalBackend(widgetData);
    expect(await reloaded.getRating(SEED_ARTICLE)).to.deep.equal({ articleId: SEED_ARTICLE, votes: 5, average: 4.6 });
  });

  /** The site's data as it was first, and as a later deploy changed it. */
  const site = (changes: (poll: PollData) => PollData = (poll) => poll): WidgetData => ({
    ratings: [{ articleId: 'a1', votes: 2, average: 4 }],
    polls: [changes({ id: 'p1', question: 'Q?', options: [{ id: 'x', label: 'X', votes: 1 }, { id: 'y', label: 'Y', votes: 1 }], multiple: false, maxChoices: 1, results: 'always', closesAt: null, closed: false })],
  });
  const saved = () => JSON.parse(localStorage.getItem('article-widgets:local')!) as ReaderActions & { polls?: unknown };

  it('applies the site\'s current data on the next load: new polls, closings and labels, with this reader\'s votes kept', async () => {
    const me = as('me');
    const first = new LocalBackend(site());
    await first.votePoll('p1', ['x'], me);
    await first.rateArticle('a1', 1, as('me'));
    const later: WidgetData = {
      ratings: [{ articleId: 'a1', votes: 4, average: 4 }],
      polls: [
        ...site((poll) => ({ ...poll, closed: true, question: 'Q, reworded?', options: [{ id: 'x', label: 'X, renamed', votes: 5 }, poll.options[1]] })).polls!,
        { id: 'p2', question: 'New?', options: [{ id: 'a', label: 'A', votes: 0 }, { id: 'b', label: 'B', votes: 0 }], multiple: false, maxChoices: 1, results: 'always', closesAt: null, closed: false },
      ],
    };
    const reloaded = new LocalBackend(later);
    const p1 = await reloaded.getPoll('p1', { voterId: me.voterId });
    expect(p1).to.include({ question: 'Q, reworded?', closed: true, voters: 7 });
    expect(p1.options).to.deep.equal([{ id: 'x', label: 'X, renamed', votes: 6 }, { id: 'y', label: 'Y', votes: 1 }]);
    expect(p1.myChoices).to.deep.equal(['x']);
    expect((await refusal(reloaded.votePoll('p1', ['y'], as('you')))).reason).to.equal('poll-closed');
    expect((await reloaded.getPoll('p2')).question, 'a poll added later').to.equal('New?');
    expect(await reloaded.getRating('a1'), 'the new figures with this reader\'s rating on top').to.deep.equal({ articleId: 'a1', votes: 5, average: 3.4 });
    expect(saved().polls, 'the site\'s data is never saved').to.equal(undefined);
  });

  it('drops a choice of an option the data no longer has: with none left, the reader may vote again', async () => {
    const me = as('me');
    await new LocalBackend(site()).votePoll('p1', ['x'], me);
    const reloaded = new LocalBackend(site((poll) => ({ ...poll, options: [poll.options[1], { id: 'z', label: 'Z', votes: 0 }] })));
    const view = await reloaded.getPoll('p1', { voterId: me.voterId });
    expect(view.myChoices).to.equal(undefined);
    expect(view.voters, 'the ballot no longer counts').to.equal(1);
    expect((await reloaded.votePoll('p1', ['z'], as('me'))).options.map((o) => o.votes)).to.deep.equal([1, 1]);
  });

  it('lets write receipts expire after a week and keeps at most 100, so its storage stays bounded', async () => {
    let now = new Date('2027-01-01T00:00:00Z');
    const backend = new LocalBackend({}, { now: () => now });
    const me = as('me', 'first-share');
    await backend.recordShare('https://example.org/old', 'vk', me);
    expect(Object.keys(saved().receipts)).to.have.length(1);
    now = new Date('2027-01-08T00:00:01Z');
    await backend.recordShare('https://example.org/new', 'vk', as('me', 'second-share'));
    expect(Object.values(saved().receipts).map((r) => (r as { at: number }).at)).to.deep.equal([now.getTime()]);
    for (let i = 0; i < 120; i++) await backend.rateArticle(`a${i}`, 5, as('me', `rating-${i}`));
    expect(Object.keys(saved().receipts)).to.have.length(100);
    const size = localStorage.getItem('article-widgets:local')!.length;
    await backend.rateArticle('a0', 4, as('me', 'one-more'));
    expect(localStorage.getItem('article-widgets:local')!.length, 'a receipt more, one less').to.be.below(size + 200);
  });

  it('starts afresh from saved state it cannot read: garbage, or the unreleased first format', async () => {
    const me = as('me');
    localStorage.setItem('article-widgets:local', JSON.stringify({ ratings: { a1: { importedVotes: 9, importedSum: 9, byVoter: { [me.voterId]: 5 } } }, polls: {}, shares: {}, receipts: {} }));
    expect(await new LocalBackend(site()).getRating('a1')).to.deep.equal({ articleId: 'a1', votes: 2, average: 4 });
  });

  it('starts from the seed figures when its storage holds garbage', async () => {
    localStorage.setItem('article-widgets:local', '{not json');
    const backend = new LocalBackend(widgetData);
    expect((await backend.getRating(SEED_ARTICLE)).votes).to.equal(4);
  });
});
