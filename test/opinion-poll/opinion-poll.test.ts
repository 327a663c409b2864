import type { BackendError } from '../../src/backend/backend.js';
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { OpinionPoll, type PollErrorDetail, type PollVoteDetail } from '../../src/opinion-poll/opinion-poll.js';
import { setDefaultBackend } from '../../src/backend/default-backend.js';
import type { PollData, WidgetData } from '../../src/backend/shapes.js';
import { SEED_POLL, ScriptedBackend, captureConsole, forgetReader, recordEvents, seed, shadowText, until, withPatience } from '../helpers.js';

OpinionPoll.define();

const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const texts = (el: Element, selector: string) => all(el, selector).map((n) => n.textContent.replace(/\s+/g, ' ').trim());
const figures = (el: Element) => texts(el, '[part="figures"]');
const inputs = (el: Element) => all(el, 'input') as HTMLInputElement[];
const status = (el: Element) => shadowText(el, '[role="status"]');
const voteButton = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="vote"]');
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

/** A poll "p" of three options, 3/1/0 votes, open, results always shown; `overrides` change it. */
function pollData(overrides: Partial<PollData> = {}): WidgetData {
  return {
    polls: [
      {
        id: 'p',
        question: 'Which season do you like best?',
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
        allowChange: false,
        ...overrides,
      },
    ],
  };
}

/** A poll element with a scripted backend, loaded. */
async function ready(backend = new ScriptedBackend(pollData()), pollId = 'p', lang = 'en') {
  const el = await fixture<OpinionPoll>(html`<opinion-poll lang=${lang} poll-id=${pollId} .backend=${backend}></opinion-poll>`);
  await until(() => backend.calls.getPoll && el.shadowRoot!.querySelector('[part="question"]') && !all(el, 'input:disabled').length, 'the poll to load');
  await el.updateComplete;
  return { el, backend };
}

function choose(el: OpinionPoll, ...ids: string[]) {
  for (const input of inputs(el)) if (ids.includes(input.value) !== input.checked) input.click();
}

async function vote(el: OpinionPoll, ...ids: string[]) {
  choose(el, ...ids);
  voteButton(el)!.click();
  await el.updateComplete;
}

const SEED_LIGHT_DOM = html`<h3 data-question>${seed.poll.question}</h3>
  <ul>
    ${seed.poll.options.map(
      (o, i) => html`<li data-option=${`o${i + 1}`} data-votes=${o.votes}><span data-label>${o.label}</span> ${o.votes} (${o.shownPercent}%)</li>`,
    )}
  </ul>`;

describe('<opinion-poll>', () => {
  beforeEach(forgetReader);
  afterEach(() => setDefaultBackend(undefined));

  describe('the seed poll', () => {
    const expected = seed.poll.options.map((o) => `${o.votes} (${o.shownPercent}%)`);

    it('shows its server-rendered light DOM at once, as the seed page did', async () => {
      const el = await fixture<OpinionPoll>(html`<opinion-poll poll-id=${SEED_POLL} data-closed>${SEED_LIGHT_DOM}</opinion-poll>`);
      expect(shadowText(el, '[part="heading"]')).to.equal(seed.poll.heading);
      expect(shadowText(el, '[part="question"]')).to.equal(seed.poll.question);
      expect(texts(el, '[part="label"]')).to.deep.equal(seed.poll.options.map((o) => o.label));
      expect(figures(el)).to.deep.equal(expected);
      expect(figures(el)[0]).to.equal(seed.poll.shownAs);
      expect(shadowText(el, '[part="total"]')).to.equal(`${seed.poll.totalVotes} votes`);
      expect(inputs(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('shows the same from the backend: closed, results only', async () => {
      const backend = new ScriptedBackend();
      const el = await fixture<OpinionPoll>(html`<opinion-poll poll-id=${SEED_POLL} .backend=${backend} data-closed>${SEED_LIGHT_DOM}</opinion-poll>`);
      const before = el.getBoundingClientRect().height;
      await until(() => el.shadowRoot!.querySelector('[part="base"][aria-busy="false"]') && backend.calls.getPoll, 'the poll');
      await el.updateComplete;
      expect(shadowText(el, '[part="heading"]')).to.equal('Poll conducted');
      expect(figures(el)).to.deep.equal(expected);
      expect(shadowText(el, '[part="total"]')).to.equal('108 votes');
      expect(inputs(el)).to.have.length(0);
      expect(voteButton(el)).to.equal(null);
      expect(all(el, '[part~="leading"] [part="label"]').map((n) => n.textContent)).to.deep.equal([seed.poll.options[0].label]);
      expect(el.getBoundingClientRect().height, 'no layout shift').to.equal(before);
      const bars = all(el, '[part="bar-fill"]').map((b) => b.style.inlineSize);
      expect(bars).to.deep.equal(['31%', '28%', '22%', '19%']);
      expect(all(el, '[part="bar"]').every((b) => b.getAttribute('aria-hidden') === 'true')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows an open multiple-choice poll from its light DOM, disabled until the backend answers, at its final size', async () => {
      const backend = new ScriptedBackend();
      const release = backend.hold('getPoll');
      const el = await fixture<OpinionPoll>(html`<opinion-poll
        poll-id="reader-topics"
        data-multiple="2"
        data-results="after-vote"
        data-closes-at="2027-06-30T21:00:00Z"
        .backend=${backend}
      >
        <h3>Which topics should we cover more often?</h3>
        <ul>
          <li data-option="security">European security</li>
          <li data-option="energy">Energy and sanctions</li>
          <li data-option="asia">Russia and Asia</li>
          <li data-option="arctic">The Arctic</li>
        </ul>
      </opinion-poll>`);
      expect(inputs(el).map((i) => `${i.type}:${i.disabled}`)).to.deep.equal(Array(4).fill('checkbox:true'));
      expect(texts(el, '[part="note"]')[0]).to.equal('Choose up to 2.');
      expect(voteButton(el)!.disabled).to.equal(true);
      await expect(el).to.be.accessible();
      const before = el.getBoundingClientRect().height;
      release();
      await until(() => !voteButton(el)!.disabled, 'the poll');
      expect(el.getBoundingClientRect().height, 'no layout shift').to.equal(before);
    });

    it('reads in Russian: "33 (31 %)", "108 голосов", "Опрос завершён"', async () => {
      const { el } = await ready(new ScriptedBackend(), SEED_POLL, 'ru');
      expect(shadowText(el, '[part="heading"]')).to.equal('Опрос завершён');
      expect(figures(el).map(nbsp)).to.deep.equal(seed.poll.options.map((o) => `${o.votes} (${o.shownPercent} %)`));
      expect(shadowText(el, '[part="total"]')).to.equal('108 голосов');
      await expect(el).to.be.accessible();
    });

    it('uses Russian plurals for totals: 1 голос, 2 голоса, 5 голосов', async () => {
      for (const [votes, text] of [[1, '1 голос'], [2, '2 голоса'], [5, '5 голосов'], [21, '21 голос']] as const) {
        const backend = new ScriptedBackend(pollData({ options: [{ id: 'a', label: 'A', votes }, { id: 'b', label: 'B', votes: 0 }] }));
        const { el } = await ready(backend, 'p', 'ru');
        expect(shadowText(el, '[part="total"]')).to.equal(text);
      }
    });
  });

  describe('voting', () => {
    it('shows a loading state that passes axe, then the form', async () => {
      const backend = new ScriptedBackend(pollData());
      const release = backend.hold('getPoll');
      const el = await fixture<OpinionPoll>(html`<opinion-poll poll-id="p" .backend=${backend}></opinion-poll>`);
      expect(shadowText(el, '[part="note"]')).to.equal('Loading the poll…');
      expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      release();
      await until(() => inputs(el).length === 3, 'the form');
    });

    it('uses a fieldset, its legend and native radio buttons; passes axe while voting', async () => {
      const { el } = await ready();
      const fieldset = el.shadowRoot!.querySelector('fieldset')!;
      expect(fieldset.querySelector('legend')!.textContent).to.equal('Which season do you like best?');
      expect(inputs(el).map((i) => i.type)).to.deep.equal(['radio', 'radio', 'radio']);
      expect(shadowText(el, '[part="heading"]')).to.equal('Poll');
      await expect(el).to.be.accessible();
    });

    it('asks for a choice before voting', async () => {
      const { el, backend } = await ready();
      voteButton(el)!.click();
      await el.updateComplete;
      expect(shadowText(el, '[part="message"]')).to.equal('Choose an option first.');
      expect(status(el)).to.equal('Choose an option first.');
      expect(backend.calls.votePoll ?? 0).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('casts a single choice from the keyboard, once, and shows the new results', async () => {
      const { el, backend } = await ready();
      const votes = recordEvents<PollVoteDetail>(el, 'aw-poll-vote');
      inputs(el)[0].focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(inputs(el).map((i) => i.checked)).to.deep.equal([false, true, false]);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(voteButton(el));
      await sendKeys({ press: 'Enter' });
      await until(() => votes.length === 1, 'the vote');
      expect(votes[0].detail).to.deep.equal({ pollId: 'p', optionIds: ['b'], counts: { a: 3, b: 2, c: 0 }, voters: 5 });
      expect(votes[0].bubbles && votes[0].composed).to.equal(true);
      expect(figures(el)).to.deep.equal(['3 (60%)', '2 (40%)', '0 (0%)']);
      expect(shadowText(el, '[part="total"]')).to.equal('5 votes');
      expect(inputs(el)).to.have.length(0);
      const yours = all(el, '[part~="yours"]');
      expect(yours).to.have.length(1);
      expect(yours[0].textContent.replace(/\s+/g, ' ')).to.contain('Summer ✓, your choice');
      expect(all(el, '[part~="leading"]')[0].textContent).to.contain('Spring');
      expect(status(el)).to.equal('Thank you! Your vote was counted.');
      expect(backend.calls.votePoll).to.equal(1);
      await until(() => el.shadowRoot!.activeElement, 'focus');
      expect(el.shadowRoot!.activeElement!.getAttribute('part'), 'the keyboard user keeps their place').to.equal('question');
      await expect(el).to.be.accessible();
      await new Promise((r) => setTimeout(r, 50));
      expect(votes).to.have.length(1);
    });

    it('updates optimistically before the backend answers', async () => {
      const { el, backend } = await ready();
      const release = backend.hold('votePoll');
      await vote(el, 'c');
      await el.updateComplete;
      expect(figures(el)).to.deep.equal(['3 (60%)', '1 (20%)', '1 (20%)']);
      expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(status(el)).to.equal('Sending your vote…');
      release();
      await until(() => status(el) === 'Thank you! Your vote was counted.', 'the reply');
    });

    it('remembers the vote across reloads: no second form', async () => {
      const first = await ready();
      await vote(first.el, 'a');
      // Remembered once counted, not while it is on its way.
      await until(() => status(first.el) === 'Thank you! Your vote was counted.', 'the vote counted');
      first.el.remove();
      // A reload: a new page store and backend (which keeps no ballot of this reader).
      const { el } = await ready(new ScriptedBackend(pollData()));
      expect(inputs(el)).to.have.length(0);
      expect(all(el, '[part~="yours"] [part="label"]').map((n) => n.textContent)).to.deep.equal(['Spring']);
    });

    it('takes multiple choices up to the maximum, stating the base of the shares', async () => {
      const { el, backend } = await ready(new ScriptedBackend(), 'reader-topics');
      const votes = recordEvents<PollVoteDetail>(el, 'aw-poll-vote');
      expect(inputs(el).map((i) => i.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox', 'checkbox']);
      expect(texts(el, '[part="note"]')).to.include('Choose up to 2.');
      expect(texts(el, '[part="note"]')).to.include('Results are shown once you vote.');
      expect(figures(el)).to.deep.equal([]);
      choose(el, 'security', 'energy', 'arctic');
      await el.updateComplete;
      expect(shadowText(el, '[part="message"]')).to.equal('Too many: choose at most 2.');
      expect(el.shadowRoot!.querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal('problem');
      await expect(el).to.be.accessible();
      voteButton(el)!.click();
      await el.updateComplete;
      expect(backend.calls.votePoll ?? 0).to.equal(0);
      choose(el, 'security', 'arctic');
      await el.updateComplete;
      expect(shadowText(el, '[part="message"]')).to.equal('');
      voteButton(el)!.click();
      await until(() => votes.length === 1, 'the vote');
      expect(votes[0].detail).to.deep.equal({
        pollId: 'reader-topics',
        optionIds: ['security', 'arctic'],
        counts: { security: 13, energy: 9, asia: 7, arctic: 5 },
        voters: 20,
      });
      // Shares of the 20 voters: 65/45/35/25, 170 in all, and the page says why.
      expect(figures(el)).to.deep.equal(['13 (65%)', '9 (45%)', '7 (35%)', '5 (25%)']);
      expect(shadowText(el, '[part="total"]')).to.equal('34 votes');
      expect(texts(el, '[part="note"]')).to.include('Shares are of all voters (20), who could each choose several options.');
      expect(all(el, '[part~="yours"]')).to.have.length(2);
      await expect(el).to.be.accessible();
    });

    it('works from the keyboard alone with checkboxes: Tab moves, Space ticks, Enter votes', async () => {
      const { el, backend } = await ready(new ScriptedBackend(), 'reader-topics');
      const votes = recordEvents<PollVoteDetail>(el, 'aw-poll-vote');
      inputs(el)[0].focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(inputs(el).map((i) => i.checked)).to.deep.equal([true, false, true, false]);
      await sendKeys({ press: 'Enter' });
      await until(() => votes.length === 1, 'the vote');
      expect(votes[0].detail.optionIds).to.deep.equal(['security', 'asia']);
      expect(backend.calls.votePoll).to.equal(1);
    });

    it('shows the closing date of an open poll in the reader\'s locale', async () => {
      const closesAt = '2027-06-30T21:00:00Z';
      const { el } = await ready(new ScriptedBackend(pollData({ closesAt })));
      const date = new Date(closesAt).toLocaleDateString('en', { dateStyle: 'long' });
      expect(texts(el, '[part="note"]')).to.include(`Open until ${date}`);
      const ru = await ready(new ScriptedBackend(pollData({ closesAt })), 'p', 'ru');
      const dateRu = new Date(closesAt).toLocaleDateString('ru', { dateStyle: 'long' });
      expect(texts(ru.el, '[part="note"]')).to.include(`Голосование до ${dateRu}`);
      expect(dateRu).to.match(/2027/);
    });
  });

  describe('results visibility', () => {
    it('always: figures beside the choices before voting', async () => {
      const { el } = await ready();
      expect(inputs(el)).to.have.length(3);
      expect(figures(el)).to.deep.equal(['3 (75%)', '1 (25%)', '0 (0%)']);
      expect(shadowText(el, '[part="total"]')).to.equal('4 votes');
      // The figures are part of each option's text, not only a bar.
      expect(all(el, '[part~="option"]')[0].textContent.replace(/\s+/g, ' ')).to.contain('Spring 3 (75%)');
    });

    it('after-vote: hidden until the reader votes', async () => {
      const { el } = await ready(new ScriptedBackend(pollData({ results: 'after-vote' })));
      expect(figures(el)).to.deep.equal([]);
      expect(texts(el, '[part="note"]')).to.deep.equal(['Results are shown once you vote.']);
      await vote(el, 'a');
      await until(() => figures(el).length === 3, 'the results');
      expect(figures(el)).to.deep.equal(['4 (80%)', '1 (20%)', '0 (0%)']);
    });

    it('after-close: still hidden after voting, with the reader\'s choice marked', async () => {
      const { el } = await ready(new ScriptedBackend(pollData({ results: 'after-close' })));
      expect(texts(el, '[part="note"]')).to.deep.equal(['Results are shown once the poll closes.']);
      await vote(el, 'b');
      await until(() => status(el) === 'Thank you! Your vote was counted.', 'the vote');
      expect(figures(el)).to.deep.equal([]);
      expect(inputs(el)).to.have.length(0);
      expect(all(el, '[part~="yours"] [part="label"]').map((n) => n.textContent)).to.deep.equal(['Summer']);
      expect(texts(el, '[part="note"]')).to.deep.equal(['Results are shown once the poll closes.']);
      await expect(el).to.be.accessible();
    });

    it('after-close: a closed poll shows its results and takes no vote', async () => {
      const { el } = await ready(new ScriptedBackend(pollData({ results: 'after-close', closed: true })));
      expect(shadowText(el, '[part="heading"]')).to.equal('Poll conducted');
      expect(figures(el)).to.deep.equal(['3 (75%)', '1 (25%)', '0 (0%)']);
      expect(inputs(el)).to.have.length(0);
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('a poll past its closing time is closed', async () => {
      const { el } = await ready(new ScriptedBackend(pollData({ closesAt: '2020-01-01T00:00:00Z' })));
      expect(shadowText(el, '[part="heading"]')).to.equal('Poll conducted');
      expect(inputs(el)).to.have.length(0);
      expect(texts(el, '[part="note"]')).to.deep.equal([]);
    });
  });

  describe('changing a vote', () => {
    it('is offered where the poll allows it, and moves the vote', async () => {
      const { el, backend } = await ready(new ScriptedBackend(pollData({ allowChange: true })));
      const votes = recordEvents<PollVoteDetail>(el, 'aw-poll-vote');
      await vote(el, 'a');
      await until(() => votes.length === 1, 'the vote');
      const change = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="change"]')!;
      expect(change.textContent).to.equal('Change my vote');
      change.click();
      await el.updateComplete;
      expect(inputs(el).map((i) => i.checked)).to.deep.equal([true, false, false]);
      await vote(el, 'c');
      await until(() => votes.length === 2, 'the second vote');
      expect(votes[1].detail).to.deep.equal({ pollId: 'p', optionIds: ['c'], counts: { a: 3, b: 1, c: 1 }, voters: 5 });
      expect(figures(el)).to.deep.equal(['3 (60%)', '1 (20%)', '1 (20%)']);
      expect(backend.calls.votePoll).to.equal(2);
    });

    it('keeps a keyboard user in the poll from the moment they vote: the question, the change button\'s choices, the retry', async () => {
      const { el, backend } = await ready(new ScriptedBackend(pollData({ allowChange: true })));
      const focused = () => el.shadowRoot!.activeElement?.getAttribute('part');
      const release = backend.hold('votePoll');
      inputs(el)[0].focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(backend.calls.votePoll, 'the vote is on its way').to.equal(1);
      expect(voteButton(el), 'the Vote button gave way to the results').to.equal(null);
      expect(focused(), 'at the question over the results while the vote is sent, never the body').to.equal('question');
      release();
      await until(() => status(el) === 'Thank you! Your vote was counted.', 'the reply');
      expect(focused()).to.equal('question');
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal('change');
      await sendKeys({ press: 'Enter' });
      await until(() => inputs(el).length === 3, 'the choices again');
      expect(el.shadowRoot!.activeElement, 'the reader\'s current choice').to.equal(inputs(el)[1]);
      await expect(el).to.be.accessible();
      backend.failNext('votePoll', 'network');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.querySelector('[part="retry"]'), 'the error');
      await until(() => focused() === 'retry', 'focus on the retry');
      const held = backend.hold('votePoll');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="retry"]'), 'the retry button went with its error').to.equal(null);
      await until(() => focused() === 'question', 'focus on the question while the retry is sent');
      held();
      await until(() => status(el) === 'Thank you! Your vote was counted.', 'the retried vote');
      expect(figures(el), 'the vote moved from Summer to Winter').to.deep.equal(['3 (60%)', '1 (20%)', '1 (20%)']);
      expect(document.activeElement).to.equal(el);
    });

    it('is not offered where the poll refuses it, and the backend refuses it too', async () => {
      const { el, backend } = await ready();
      await vote(el, 'a');
      await until(() => !inputs(el).length, 'the results');
      expect(el.shadowRoot!.querySelector('[part="change"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      const { voterId } = await import('../../src/internal/voter.js');
      const refused = await backend.votePoll('p', ['b'], { voterId: voterId(), idempotencyKey: 'another-vote' }).catch((e: BackendError) => e);
      expect(refused).to.include({ code: 'refused', reason: 'already-voted' });
    });
  });

  describe('failure', () => {
    it('keeps the choice, shows and announces the error, and fires aw-poll-error once', async () => {
      const { el, backend } = await ready();
      backend.failNext('votePoll', 'network');
      const errors = recordEvents<PollErrorDetail>(el, 'aw-poll-error');
      const votes = recordEvents(el, 'aw-poll-vote');
      await vote(el, 'b');
      await until(() => errors.length === 1, 'the error');
      await el.updateComplete;
      expect(errors[0].detail).to.deep.equal({ pollId: 'p', optionIds: ['b'], code: 'network', message: 'scripted network failure' });
      const message = 'Could not reach the server. Your vote was not counted.';
      expect(shadowText(el, '[part="error"]')).to.equal(`${message} Try again`);
      expect(status(el)).to.equal(message);
      expect(inputs(el).map((i) => i.checked)).to.deep.equal([false, true, false]);
      expect(figures(el)).to.deep.equal(['3 (75%)', '1 (25%)', '0 (0%)']);
      expect(votes).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('retries with the same key, so a vote whose reply was lost counts once', async () => {
      const { el, backend } = await ready();
      backend.loseNextReply('votePoll');
      const votes = recordEvents<PollVoteDetail>(el, 'aw-poll-vote');
      choose(el, 'b');
      voteButton(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.querySelector('[part="retry"]'), 'the error');
      await until(() => el.shadowRoot!.activeElement, 'focus');
      expect(el.shadowRoot!.activeElement!.getAttribute('part')).to.equal('retry');
      await sendKeys({ press: 'Enter' });
      await until(() => votes.length === 1, 'the retried vote');
      expect(votes[0].detail.counts).to.deep.equal({ a: 3, b: 2, c: 0 });
      expect(votes[0].detail.voters).to.equal(5);
      expect(backend.calls.votePoll).to.equal(2);
      await el.refresh();
      await el.updateComplete;
      expect(figures(el)).to.deep.equal(['3 (60%)', '2 (40%)', '0 (0%)']);
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    });

    it('says why a vote was refused in its own words, offers no retry where none can help, and reads the poll again', async () => {
      const { el, backend } = await ready();
      backend.failNext('votePoll', 'refused', 'This poll is closed.', 'poll-closed');
      const reads = backend.calls.getPoll;
      choose(el, 'a');
      voteButton(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.querySelector('[part="error"]'), 'the error');
      expect(shadowText(el, '[part="error"]')).to.equal('This poll has closed: your vote was not counted.');
      expect(el.shadowRoot!.querySelector('[part="retry"]')).to.equal(null);
      await until(() => backend.calls.getPoll === reads + 1, 'the poll read again');
      await until(() => el.shadowRoot!.activeElement, 'focus');
      expect(el.shadowRoot!.activeElement!.getAttribute('part'), 'no retry to go to: the reader stays at the question').to.equal('question');
      await expect(el).to.be.accessible();
    });

    it('says so when the poll is gone by the vote, offering no retry and keeping the reader at the question', async () => {
      const { el, backend } = await ready();
      backend.failNext('votePoll', 'not-found');
      const errors = recordEvents<PollErrorDetail>(el, 'aw-poll-error');
      choose(el, 'a');
      voteButton(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => errors.length === 1, 'the error');
      await el.updateComplete;
      expect(errors[0].detail.code).to.equal('not-found');
      expect(shadowText(el, '[part="error"]')).to.equal('There is no such poll.');
      expect(el.shadowRoot!.querySelector('[part="retry"]')).to.equal(null);
      await until(() => el.shadowRoot!.activeElement, 'focus');
      expect(el.shadowRoot!.activeElement!.getAttribute('part')).to.equal('question');
      await expect(el).to.be.accessible();
    });

    it('offers a retry when the poll cannot be loaded, after the read was tried three times', async () => {
      await withPatience({ retryPause: 10 }, async () => {
        const backend = new ScriptedBackend(pollData()).failNext('getPoll', 'network').failNext('getPoll', 'network').failNext('getPoll', 'network');
        const el = await fixture<OpinionPoll>(html`<opinion-poll poll-id="p" .backend=${backend}></opinion-poll>`);
        await until(() => el.shadowRoot!.querySelector('[part="retry"]'), 'the error');
        expect(backend.calls.getPoll).to.equal(3);
        expect(shadowText(el, '[part="error"]')).to.equal('Could not load the latest figures. Try again');
        await expect(el).to.be.accessible();
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
        await until(() => inputs(el).length === 3, 'the form');
      });
    });
  });

  describe('presentation', () => {
    afterEach(() => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference', forcedColors: 'none' }));
    const fill = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part="bar-fill"]')!;

    it('gives every choice and button a target of at least 24 by 24 px', async () => {
      const { el } = await ready(new ScriptedBackend(pollData()));
      for (const target of [...all(el, 'label'), voteButton(el)!]) {
        const box = target.getBoundingClientRect();
        expect(box.height, target.textContent).to.be.at.least(24);
        expect(box.width, target.textContent).to.be.at.least(24);
      }
    });

    it('lays out right to left with logical properties: bars fill from the start edge', async () => {
      const wrapper = await fixture(html`<div dir="rtl" style="inline-size: 400px">
        <opinion-poll poll-id="p" .backend=${new ScriptedBackend(pollData())}></opinion-poll>
      </div>`);
      const el = wrapper.querySelector('opinion-poll')!;
      await until(() => figures(el).length === 3, 'the poll');
      const bar = all(el, '[part="bar"]')[0].getBoundingClientRect();
      const filled = fill(el).getBoundingClientRect();
      expect(Math.round(filled.right)).to.equal(Math.round(bar.right));
      expect(filled.width).to.be.closeTo(bar.width * 0.75, 1);
      const label = el.shadowRoot!.querySelector('label')!.getBoundingClientRect();
      expect(label.right, 'the choices start on the right').to.be.closeTo(bar.right, 1);
      await expect(el).to.be.accessible();
    });

    it("takes its palette from the page's color-scheme, not the system's, and its colours from custom properties", async () => {
      const backend = new ScriptedBackend(pollData());
      // A dark panel on a light page: the site sets color-scheme on it.
      const page = await fixture(html`<div><opinion-poll poll-id="p" .backend=${backend}></opinion-poll></div>`);
      const el = page.querySelector('opinion-poll')!;
      await until(() => figures(el).length === 3 && voteButton(el) && !voteButton(el)!.disabled, 'the poll');
      const colour = () => getComputedStyle(all(el, '[part="bar-fill"]')[1]).backgroundColor;
      const [light, dark] = ['rgb(37, 99, 235)', 'rgb(96, 165, 250)'];
      expect(colour()).to.equal(light);
      await emulateMedia({ colorScheme: 'dark' });
      expect(colour(), 'a page that declares no color-scheme stays light on a dark system').to.equal(light);
      page.setAttribute('style', 'color-scheme: dark; background: #16171a; color: #ecebe7');
      expect(colour(), 'the dark panel it sits on').to.equal(dark);
      expect(getComputedStyle(voteButton(el)!).color, 'dark text on the pale Vote button').to.equal('rgb(0, 0, 0)');
      await expect(page).to.be.accessible();
      await emulateMedia({ colorScheme: 'light' });
      expect(colour(), 'still dark on a light system').to.equal(dark);
      el.style.setProperty('--aw-poll-bar-color', 'rgb(1, 2, 3)');
      expect(colour()).to.equal('rgb(1, 2, 3)');
    });

    it('drops motion when asked, and has forced-colors rules for the bars', async () => {
      const { el } = await ready(new ScriptedBackend(pollData()));
      expect(getComputedStyle(fill(el)).transitionDuration).to.equal('0.4s');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(fill(el)).transitionDuration).to.equal('0s');
      // This Chromium does not emulate forced colours, so read the rule from the element's styles.
      const rules = (el.shadowRoot!.adoptedStyleSheets ?? []).flatMap((sheet) => [...sheet.cssRules]);
      const forced = rules.filter((rule) => rule instanceof CSSMediaRule && rule.conditionText === '(forced-colors: active)');
      const text = forced.map((rule) => rule.cssText).join('\n');
      expect(text.toLowerCase()).to.contain('canvastext');
      expect(text).to.match(/\.bar > span/);
    });
  });

  describe('bad input', () => {
    it('says so for a poll that does not exist', async () => {
      const backend = new ScriptedBackend(pollData());
      const el = await fixture<OpinionPoll>(html`<opinion-poll poll-id="nope" .backend=${backend}></opinion-poll>`);
      await until(() => el.shadowRoot!.querySelector('[part="error"]'), 'the error');
      expect(shadowText(el, '[part="error"]')).to.equal('There is no such poll.');
      expect(shadowText(el, '[part="heading"]')).to.equal('Poll');
      await expect(el).to.be.accessible();
    });

    it('renders HTML and script in the question and options as plain text', async () => {
      const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
      const backend = new ScriptedBackend(
        pollData({ question: `Q ${hostile}`, options: [{ id: 'a', label: `<b>bold</b>${hostile}`, votes: 1 }, { id: 'b', label: 'B', votes: 0 }] }),
      );
      const { el } = await ready(backend);
      expect(shadowText(el, '[part="question"]')).to.equal(`Q ${hostile}`);
      expect(texts(el, '[part="label"]')[0]).to.equal(`<b>bold</b>${hostile}`);
      expect(el.shadowRoot!.querySelector('img, script, b')).to.equal(null);
      expect((window as { pwned?: number }).pwned).to.equal(undefined);
    });

    it('shows 0% for a poll with no votes, never NaN', async () => {
      const backend = new ScriptedBackend(pollData({ options: [{ id: 'a', label: 'A', votes: 0 }, { id: 'b', label: 'B', votes: 0 }] }));
      const { el } = await ready(backend);
      expect(figures(el)).to.deep.equal(['0 (0%)', '0 (0%)']);
      expect(all(el, '[part="bar-fill"]').map((b) => b.style.inlineSize)).to.deep.equal(['0%', '0%']);
      expect(all(el, '[part~="leading"]')).to.have.length(0);
      expect(el.shadowRoot!.textContent).not.to.contain('NaN');
    });

    it('puts a vote reply naming an unknown option in an error state, counting nothing', async () => {
      const { el, backend } = await ready();
      backend.replyNext('votePoll', {
        ...(await backend.getPoll('p')),
        options: [{ id: 'a', label: 'Spring', votes: 3 }, { id: 'zzz', label: 'Other', votes: 99 }, { id: 'c', label: 'Winter', votes: 0 }],
      });
      const errors = recordEvents<PollErrorDetail>(el, 'aw-poll-error');
      const votes = recordEvents(el, 'aw-poll-vote');
      await vote(el, 'a');
      await until(() => errors.length === 1, 'the error');
      expect(errors[0].detail.code).to.equal('invalid-reply');
      expect(votes).to.have.length(0);
      expect(figures(el)).to.deep.equal(['3 (75%)', '1 (25%)', '0 (0%)']);
      expect(shadowText(el, '[part="error"]')).to.contain('The server sent an answer we could not read.');
    });

    it('puts a read with a negative count in an error state, throwing nothing', async () => {
      const backend = new ScriptedBackend(pollData());
      backend.replyNext('getPoll', { ...(await new ScriptedBackend(pollData()).getPoll('p')), options: [{ id: 'a', label: 'A', votes: -4 }, { id: 'b', label: 'B', votes: 1 }] });
      const errors: unknown[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.error);
      window.addEventListener('error', onError);
      const el = await fixture<OpinionPoll>(html`<opinion-poll poll-id="p" .backend=${backend}></opinion-poll>`);
      await until(() => el.shadowRoot!.querySelector('[part="error"]'), 'the error');
      window.removeEventListener('error', onError);
      expect(shadowText(el, '[part="error"]')).to.contain('The server sent an answer we could not read.');
      expect(figures(el)).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    });

    it('ignores light DOM figures that do not add up, with a warning', async () => {
      let el!: OpinionPoll;
      const seen = await captureConsole(async ({ warn }) => {
        el = await fixture<OpinionPoll>(
          html`<opinion-poll poll-id="x"><p data-question>Q?</p><ul><li data-option="a" data-votes="-1">A</li><li data-option="b" data-votes="2">B</li></ul></opinion-poll>`,
        );
        // Its words load from problems.ts, on a page that has a problem only.
        await until(() => warn.length, 'the warning');
      });
      expect(seen.warn.join('\n')).to.contain('cannot show the poll written in its HTML: poll.options[0].votes');
      expect(figures(el)).to.deep.equal([]);
      expect(el.shadowRoot!.textContent).not.to.contain('NaN');
    });
  });

  describe('events', () => {
    it('fire nothing on programmatic changes or on another element\'s vote', async () => {
      const backend = new ScriptedBackend(pollData({ allowChange: true }));
      const wrapper = await fixture(html`<div>
        <opinion-poll poll-id="p" .backend=${backend}></opinion-poll>
        <opinion-poll poll-id="p" .backend=${backend}></opinion-poll>
      </div>`);
      const [a, b] = wrapper.querySelectorAll('opinion-poll');
      await until(() => inputs(a).length === 3 && !all(a, 'input:disabled').length, 'the poll');
      const onB = recordEvents(b, 'aw-poll-vote', 'aw-poll-error');
      const onA = recordEvents(a, 'aw-poll-vote');
      await a.refresh();
      b.pollId = 'reader-topics';
      await b.updateComplete;
      b.pollId = 'p';
      await b.updateComplete;
      await vote(a, 'b');
      await until(() => onA.length === 1, 'the vote');
      await b.updateComplete;
      // The other element shows the same poll, so it follows the vote, without an event of its own.
      expect(figures(b)).to.deep.equal(['3 (60%)', '2 (40%)', '0 (0%)']);
      expect(onB).to.have.length(0);
    });
  });
});
