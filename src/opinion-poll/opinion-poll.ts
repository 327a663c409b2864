import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { BackendError, type BackendErrorCode, type ErrorCode, type PollOption, type PollView, type WidgetBackend } from '../backend/backend.js';
import { parsePollView } from '../backend/shapes.js';
import { afterStrings, onLanguageChange } from '../internal/i18n.js';
import { unreachableCatalogs } from '../internal/unreachable.messages.js';
import { translatorFor, type Translator } from '../internal/translator.js';
import { longDateFormat, prepareNumbers } from '../internal/intl.js';
import { VoteController } from '../internal/vote-controller.js';
import { voterId } from '../internal/voter.js';
import { defineElement } from '../internal/define-element.js';
import { lazyModule } from '../internal/lazy-module.js';
import { Subscriptions } from '../internal/subscriptions.js';
import { renderInTurn } from '../internal/render-turns.js';
import { pollCatalogs, type PollStrings } from './opinion-poll.messages.js';
import { percentages } from './percentages.js';
import type { Problem } from './problems.js';
import { styles } from './opinion-poll.styles.js';

/** The words of a site's mistakes, on first use; a warning whose words could not load (an outage) is not said, and the next one loads them again. */
const loadProblems = lazyModule(() => import('./problems.js'));
/** What the page store holds for one poll: the poll as this reader sees it and their own choice. */
interface PollItem {
  poll: PollView;
  mine?: string[];
}

/** The string catalogs it renders with (see afterStrings); register.ts has them in the page's language before defining it. @internal */
export const catalogsOfPoll = [pollCatalogs, unreachableCatalogs];

export interface PollVoteDetail {
  pollId: string;
  /** The options this reader chose. */
  optionIds: string[];
  /** The new vote count of each option, by id; absent while the poll hides its results. */
  counts?: Record<string, number>;
  /** How many readers have voted; absent while the poll hides its results. */
  voters?: number;
}

export interface PollErrorDetail {
  pollId: string;
  optionIds: string[];
  /** What kind of failure: network, refused, item-limit, not-found or invalid-reply. */
  code: BackendErrorCode;
  /** Why exactly, where the backend said (`poll-closed`, `unknown-option`, ...). */
  reason?: ErrorCode;
  /** The backend's own words, for developers (readers are told in their language). */
  message: string;
}
const textOf = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * An opinion poll: a question, native radio buttons (or checkboxes, for multiple choice) and a
 * Vote button; then each option's votes and share as text and as a bar, "33 (31%)", with the
 * reader's own choice and the leading option marked, and the total ("108 votes"). A closed poll
 * shows its results only, under "Poll conducted".
 *
 * Shares of a single-choice poll are of all votes and always sum to exactly 100 (largest
 * remainder). Shares of a multiple-choice poll are of the number of voters, which the poll states;
 * since a voter may pick several options, they can sum to more than 100.
 *
 * Whether results show before a vote (always, after voting, after closing), whether a vote can
 * change, and when the poll closes are the backend's to say and enforce. The reader's vote is
 * remembered across reloads.
 *
 * Colours follow the `color-scheme` the element inherits from the page, not the reader's system: a
 * page that declares none is light, `color-scheme: dark` gets the dark palette, `light dark`
 * follows the reader. To force one on a widget (say, on a dark panel of a light page), set
 * `color-scheme: dark` or `light` on it or on the panel, in the site's stylesheet. Each colour
 * property below may be a `light-dark()` pair too.
 *
 * Server-rendered content: write the poll in the element's light DOM, and readers without
 * JavaScript (and crawlers) see it; the element shows it, at its final size, until the backend
 * answers. The question is the first `[data-question]` or heading; each option is a
 * `[data-option="id"]` element with its label as text (or in a `[data-label]` child, so the
 * element may also carry the figures for readers without JavaScript) and optional
 * `data-votes="33"`. On the element, `data-closed` marks a closed poll, `data-multiple="2"` a
 * multiple-choice one (of at most 2 choices; empty for any number), `data-voters="19"` its
 * number of voters (the base of its shares), and `data-results="after-vote"` and
 * `data-closes-at="2027-06-30T21:00:00Z"` what the backend will say, so nothing moves when it does.
 *
 * ```html
 * <opinion-poll poll-id="us-goals" data-closed>
 *   <h3 data-question>In your opinion, what are the US long-term goals for Russia?</h3>
 *   <ul>
 *     <li data-option="o1" data-votes="33"><span data-label>Partnership on US terms</span> 33 (31%)</li>
 *     <li data-option="o2" data-votes="30"><span data-label>Deterrence</span> 30 (28%)</li>
 *   </ul>
 * </opinion-poll>
 * ```
 *
 * @summary An opinion poll with results that add up.
 * @tagname opinion-poll
 *
 * @attr {boolean} data-closed - Server-rendered: the poll is closed (shows its results only).
 * @attr {string} data-multiple - Server-rendered: multiple choice, of at most this many options (empty for any number).
 * @attr {number} data-voters - Server-rendered: the number of voters, the base of a multiple-choice poll's shares.
 * @attr {'always' | 'after-vote' | 'after-close'} data-results - Server-rendered: when the results show.
 * @attr {string} data-closes-at - Server-rendered: when the poll closes (an ISO 8601 date and time).
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - "Poll" or, once closed, "Poll conducted".
 * @csspart question - The question: the legend of the poll's fieldset, over the choices or the results.
 * @csspart options - The list of options, with inputs while voting and figures once shown.
 * @csspart option - Each option.
 * @csspart yours - The option(s) the reader chose (also `option`), marked ✓.
 * @csspart leading - The option(s) with the most votes (also `option`).
 * @csspart input - Each radio button or checkbox.
 * @csspart label - An option's label.
 * @csspart figures - An option's votes and share, "33 (31%)".
 * @csspart bar - An option's bar (its fill is `bar-fill`).
 * @csspart bar-fill - The filled part of a bar.
 * @csspart note - Notes: how many to choose, when it closes, when results show, the base of shares.
 * @csspart total - The total, "108 votes".
 * @csspart message - What is wrong with the choice (none, or too many).
 * @csspart vote - The Vote button.
 * @csspart change - The button to change a vote, where the poll allows it.
 * @csspart error - The error line, with its retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop [--aw-poll-bar-color=light-dark(#2563eb, #60a5fa)] - The bars, the inputs and the Vote button.
 * @cssprop [--aw-poll-leading-color=light-dark(#1e3a8a, #bfdbfe)] - The bar of the leading option.
 * @cssprop [--aw-poll-track-color=light-dark(#e5e7eb, #374151)] - The empty part of the bars.
 * @cssprop [--aw-poll-bar-size=0.5rem] - The thickness of the bars.
 * @cssprop [--aw-poll-muted-color=light-dark(#57534e, #a8a29e)] - Heading and notes.
 * @cssprop [--aw-focus-color=light-dark(#2563eb, #93c5fd)] - The focus ring.
 * @cssprop [--aw-error-color=light-dark(#b91c1c, #fca5a5)] - Error text.
 *
 * @fires {CustomEvent<PollVoteDetail>} aw-poll-vote - A reader's vote was counted (once per vote).
 * @fires {CustomEvent<PollErrorDetail>} aw-poll-error - A reader's vote could not be counted.
 */
export class OpinionPoll extends LitElement {
  static override styles = styles;

  /** Registers the element under `tag` (default `opinion-poll`) unless that tag is taken. */
  static define(tag = 'opinion-poll', registry: CustomElementRegistry = customElements): void {
    defineElement(this, tag, registry);
    // Before the first poll renders, not in the task that renders a listing page's polls.
    prepareNumbers();
  }

  // Static properties rather than decorators: no decorator runtime in the bundle.
  static override properties = {
    pollId: { attribute: 'poll-id' },
    api: {},
    backend: { attribute: false },
    selected: { state: true },
    changing: { state: true },
    problem: { state: true },
  };

  /** The id of the poll. Required. */
  pollId = '';
  /** The URL of the reference server's API (uses the HTTP backend). */
  declare api?: string;
  /** The backend to use; overrides `api` and the page default. */
  declare backend?: WidgetBackend;

  /** The options ticked in the form, kept through a failed vote. */
  private selected: string[] = [];
  /** The reader asked to change a vote already cast. */
  private changing = false;
  /** What is wrong with the choice, shown under the options. */
  private problem = '';

  readonly #vote = new VoteController<PollItem, string[]>(this, {
    item: 'poll',
    home: 'question',
    events: { vote: 'aw-poll-vote', error: 'aw-poll-error' },
    ballot: (choices) => {
      const before = this.#data!;
      return {
        optimistic: (current = before) => ({ poll: tally(current.poll, current.mine, choices), mine: choices }),
        send: (backend, context) => backend.votePoll(before.poll.id, choices, context),
        commit: (reply) => {
          const poll = checked(reply, before.poll.id, before.poll);
          return { poll, mine: poll.myChoices ?? choices };
        },
      };
    },
    sending: () => this.#strings().t('pollSending'),
    counted: ({ poll, mine = [] }) => {
      const detail: PollVoteDetail = { pollId: poll.id, optionIds: mine };
      if (shown(poll)) Object.assign(detail, { counts: Object.fromEntries(poll.options.map((o) => [o.id, o.votes!])), voters: poll.voters });
      return { said: this.#strings().t('pollThanks'), detail };
    },
    failed: (optionIds) => ({ pollId: this.#data!.poll.id, optionIds }),
  });
  #preview?: PollItem;
  /** @internal */
  protected readonly subscriptions = new Subscriptions(this, () => [onLanguageChange(this, () => this.requestUpdate())]);

  /**
   * Renders once the strings of its language are here (see afterStrings); the first render takes
   * its turn with the page's other widgets (see render-turns.ts).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return afterStrings(this, catalogsOfPoll, () => (this.hasUpdated ? super.scheduleUpdate() : renderInTurn(() => super.scheduleUpdate()))) as
      | void
      | Promise<unknown>;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Read in the first render's turn, not as the element upgrades: a listing page upgrades all
    // its polls in one task. The page's own HTML describes the poll it was rendered with, not one
    // switched to later.
    if (!this.hasUpdated) this.#preview = this.#readLightDom();
    else if (changed.get('pollId')) this.#preview = undefined;
    if (changed.has('pollId') || changed.has('backend') || changed.has('api')) this.#connectItem();
  }

  /** Reloads the poll from the backend. */
  async refresh(): Promise<void> {
    await this.#vote.item.current?.load();
  }

  #strings(): Translator<PollStrings> {
    return translatorFor(this, pollCatalogs);
  }

  /** Tells the site about a mistake in the console (see problems.ts: its words load only then). */
  #reportProblem(problem: Problem, value?: string): void {
    void loadProblems().then(({ report }) => report(this, problem, value), () => {});
  }

  #connectItem(): void {
    const pollId = this.pollId.trim();
    if (!pollId) this.#reportProblem('poll-id');
    this.#vote.follow(pollId, async (backend, signal, remembered) => {
      const poll = checked(await backend.getPoll(pollId, { signal, voterId: voterId() }), pollId);
      // A vote remembered on this device counts only if it still names options of this poll.
      const known = Array.isArray(remembered) && remembered.length > 0 && remembered.every((id) => poll.options.some((o) => o.id === id));
      return { poll, mine: poll.myChoices ?? (known ? (remembered as string[]) : undefined) };
    });
  }

  /** The poll as the page's own HTML writes it (see the class docs), checked like a reply. */
  #readLightDom(): PollItem | undefined {
    const options = [...this.querySelectorAll<HTMLElement>('[data-option]')].map((el) => ({
      id: el.dataset.option,
      label: textOf(el.querySelector('[data-label]') ?? el),
      votes: el.dataset.votes && +el.dataset.votes,
    }));
    const { voters, multiple, results, closesAt, closed } = this.dataset;
    try {
      return options.length
        ? {
            poll: parsePollView({
              id: this.pollId || '-',
              question: textOf(this.querySelector('[data-question]') ?? this.querySelector('h1,h2,h3,h4,h5,h6')),
              options,
              multiple: multiple !== undefined,
              maxChoices: multiple ? +multiple : undefined,
              closed: closed !== undefined,
              results,
              closesAt,
              voters: voters && +voters,
            }),
          }
        : undefined;
    } catch (e) {
      this.#reportProblem('light-dom', (e as Error).message);
    }
  }

  get #data(): PollItem | undefined {
    return this.#vote.item.state?.data ?? this.#preview;
  }

  /** What the form has ticked: after the poll is read again, only options it still has. */
  #choices(form: HTMLFormElement): string[] {
    return new FormData(form).getAll('choice') as string[];
  }

  #onChange(event: Event): void {
    this.#vote.prepare();
    this.selected = this.#choices(event.currentTarget as HTMLFormElement);
    // Too many is said at once; none only when the reader tries to vote.
    if (this.selected.length || this.problem) this.#validate();
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    this.selected = this.#choices(event.currentTarget as HTMLFormElement);
    // Votes only on the poll as the backend gave it, not as the page's HTML wrote it.
    if (!this.#validate() || !this.#vote.item.state?.data) return;
    void this.#vote.cast(this.selected).then((counted) => counted && (this.changing = false));
  }

  /** Shows (and has the live region say) what is wrong with the choice, if anything; returns whether it is fine. */
  #validate(): boolean {
    const t = this.#strings();
    const max = this.#data!.poll.maxChoices;
    const count = this.selected.length;
    this.problem = !count ? t.t('pollChooseOne') : count > max ? t.t('pollTooMany', { count: max }) : '';
    if (this.problem) this.#vote.say(this.problem);
    return !this.problem;
  }

  async #change(): Promise<void> {
    this.selected = this.#data!.mine!;
    this.changing = true;
    // The change button gives way to the choices: the reader's place is their current choice.
    await this.updateComplete;
    const choice = this.renderRoot.querySelector<HTMLElement>('input:checked') ?? this.renderRoot.querySelector('input');
    choice?.focus();
  }

  protected override render() {
    const t = this.#strings();
    const state = this.#vote.item.state;
    const data = this.#data;
    const poll = data?.poll;
    const ready = !!state?.data && !state.writing;
    const note = (text: unknown) => (text ? html`<p part="note" class="note">${text}</p>` : nothing);
    let body: unknown = state?.status === 'error' ? nothing : note(t.t('pollLoading'));
    if (poll) {
      const { mine } = data;
      const results = shown(poll);
      // Hidden figures read as zeros, which no option leads.
      const counts = poll.options.map((o) => o.votes ?? 0);
      const total = counts.reduce((sum, n) => sum + n, 0);
      const top = Math.max(...counts);
      const base = poll.voters ?? total;
      const shares = percentages(counts, poll.multiple ? base : undefined);
      const voting = !poll.closed && (!mine || this.changing);
      // A bar's length goes through .style (the CSSOM), never a style="" attribute, which a
      // strict Content-Security-Policy refuses.
      const option = (o: PollOption, i: number) => {
        const yours = !voting && mine?.includes(o.id);
        const leading = top > 0 && counts[i] === top;
        const kind = `option${yours ? ' yours' : ''}${leading ? ' leading' : ''}`;
        const label = html`<span part="label" class="label">${o.label}</span>`;
        return html`<li part=${kind}>
          <span
            >${voting
              ? html`<label
                  ><input
                    part="input"
                    type=${poll.multiple ? 'checkbox' : 'radio'}
                    name="choice"
                    value=${o.id}
                    .checked=${this.selected.includes(o.id)}
                    ?disabled=${!ready}
                  />${label}</label
                >`
              : html`${label}${yours ? html` <span class="mark" aria-hidden="true">✓</span>` : nothing}<span class="visually-hidden"
                    >${yours ? `, ${t.t('pollYours')}` : ''}${leading ? `, ${t.t('pollLeading')}` : ''}</span
                  >`}</span
          >
          ${results
            ? html`<span part="figures" class="figures">${t.number(counts[i])} (${t.percent(shares[i])})</span>
                <span part="bar" class="bar" aria-hidden="true"><span part="bar-fill" .style=${`inline-size: ${Math.min(100, shares[i])}%`}></span></span>`
            : nothing}
        </li>`;
      };
      // One form for every state: while voting it holds the inputs and the Vote button, after
      // voting (or once closed) the same question and list hold the results.
      body = html`<form @change=${this.#onChange} @submit=${this.#onSubmit}>
        <fieldset aria-describedby="problem">
          <legend part="question" class="question" tabindex="-1">${poll.question}</legend>
          ${note(voting && poll.multiple && t.t('pollUpTo', { count: poll.maxChoices }))}
          <ul part="options" role="list">
            ${poll.options.map(option)}
          </ul>
        </fieldset>
        ${note(!poll.closed && poll.closesAt && t.t('pollUntil', { date: longDateFormat(t.locale).format(new Date(poll.closesAt)) }))}
        ${note(!results && !poll.closed && (poll.results === 'after-close' ? t.t('pollAfterClose') : voting && t.t('pollAfterVote')))}
        ${results
          ? html`<p part="total" class="note">${t.t('voteCount', { count: total })}</p>
              ${note(poll.multiple && t.t('pollBase', { count: base }))}`
          : nothing}
        <p part="message" class="error" id="problem">${this.problem}</p>
        ${voting
          ? html`<button part="vote" class="button vote" ?disabled=${!ready}>${t.t('pollVote')}</button>`
          : mine && !poll.closed && poll.allowChange
            ? html`<button part="change" class="button" type="button" ?disabled=${!ready} @click=${this.#change}>${t.t('pollChange')}</button>`
            : nothing}
      </form>`;
    }
    // The live region sits outside the aria-busy wrapper: some screen readers hold back a busy
    // region's announcements.
    return html`<div part="base" class="base" aria-busy=${!!state?.writing || (!state?.data && state?.status === 'loading')}>
        <p part="heading" class="heading">${t.t(poll?.closed ? 'pollClosed' : 'pollTitle')}</p>
        ${body}
        ${this.#vote.errorLine()}
      </div>
      <span class="visually-hidden" role="status">${this.#vote.announcement}</span>`;
  }
}

/** Whether the poll shows its figures to this reader (the backend leaves them all out otherwise). */
function shown(poll: PollView): boolean {
  return poll.options[0].votes !== undefined;
}

/**
 * `raw` checked as a reply about poll `pollId`; a vote's reply must also list the options of
 * `asked` (the poll voted in), or its figures would be counted against the wrong ones.
 */
function checked(raw: unknown, pollId: string, asked?: PollView): PollView {
  const poll = parsePollView(raw);
  const ids = (p: PollView) => JSON.stringify(p.options.map((o) => o.id));
  if (poll.id !== pollId || (asked && ids(poll) !== ids(asked))) {
    throw new BackendError('invalid-reply', `the reply does not match poll "${pollId}"`);
  }
  return poll;
}

/** The poll with `previous` choices (if any) replaced by `choices`, where its figures are shown. */
function tally(poll: PollView, previous: string[] | undefined, choices: string[]): PollView {
  if (!shown(poll)) return poll;
  const delta = (id: string) => (choices.includes(id) ? 1 : 0) - (previous?.includes(id) ? 1 : 0);
  return {
    ...poll,
    options: poll.options.map((o) => ({ ...o, votes: o.votes! + delta(o.id) })),
    voters: (poll.voters ?? 0) + (previous ? 0 : 1),
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'opinion-poll': OpinionPoll;
  }
  interface GlobalEventHandlersEventMap {
    'aw-poll-vote': CustomEvent<PollVoteDetail>;
    'aw-poll-error': CustomEvent<PollErrorDetail>;
  }
}
