import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { BackendError, type PollOption, type PollView, type WidgetBackend } from '../backend/backend.js';
import { onDefaultBackendChange } from '../backend/default-backend.js';
import { parsePollView } from '../backend/shapes.js';
import { emit } from '../internal/events.js';
import { onLanguageChange, translatorFor } from '../internal/i18n.js';
import { ItemController } from '../internal/item-controller.js';
import { reportMissingBackend, resolveBackend } from '../internal/resolve-backend.js';
import { WidgetStore } from '../internal/store.js';
import { randomId, recalledVote, rememberVote, voterId } from '../internal/voter.js';
import { warnOnce } from '../internal/warn.js';
import { defineElement } from '../internal/define-element.js';
import { pollMessages } from './opinion-poll.messages.js';
import { percentages } from './percentages.js';
import { styles } from './opinion-poll.styles.js';

/** What the page store holds for one poll: the poll as this reader sees it and their own choice. */
interface PollItem {
  poll: PollView;
  mine?: string[];
}

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
  /** Why it failed: network, refused, not-found or invalid-reply. */
  code: string;
  message: string;
}

const rememberedKey = (pollId: string) => `poll:${pollId}`;
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
 * @csspart base - The wrapper of everything.
 * @csspart heading - "Poll" or, once closed, "Poll conducted".
 * @csspart question - The question (the legend of the choices while voting).
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
 * @cssprop [--aw-poll-bar-color=#2563eb] - The bars and the inputs (dark scheme: #60a5fa).
 * @cssprop [--aw-poll-leading-color=#1e3a8a] - The bar of the leading option (dark scheme: #bfdbfe).
 * @cssprop [--aw-poll-track-color=#e5e7eb] - The empty part of the bars (dark scheme: #374151).
 * @cssprop [--aw-poll-bar-size=0.5rem] - The thickness of the bars.
 * @cssprop [--aw-poll-muted-color=#57534e] - Heading and notes (dark scheme: #a8a29e).
 * @cssprop [--aw-focus-color=#2563eb] - The focus ring.
 * @cssprop [--aw-error-color=#b91c1c] - Error text.
 *
 * @fires {CustomEvent<PollVoteDetail>} aw-poll-vote - A reader's vote was counted (once per vote).
 * @fires {CustomEvent<PollErrorDetail>} aw-poll-error - A reader's vote could not be counted.
 */
export class OpinionPoll extends LitElement {
  static override styles = styles;

  /** Registers the element under `tag` (default `opinion-poll`) unless that tag is taken. */
  static define(tag = 'opinion-poll', registry: CustomElementRegistry = customElements): void {
    defineElement(this, tag, registry);
  }

  // Static properties rather than decorators: no decorator runtime in the bundle.
  static override properties = {
    pollId: { attribute: 'poll-id' },
    api: {},
    backend: { attribute: false },
    selected: { state: true, attribute: false },
    changing: { state: true, attribute: false },
    problem: { state: true, attribute: false },
    failed: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
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
  /** The last failed vote, kept so a retry sends it again with the same idempotency key. */
  private failed?: { choices: string[]; key: string; error: BackendError };
  private announcement = '';

  private readonly item = new ItemController<PollItem>(this);
  private preview?: PollItem;
  private stopListening: (() => void)[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.preview = this.readLightDom();
    this.stopListening = [onLanguageChange(() => this.requestUpdate()), onDefaultBackendChange(() => this.connectItem())];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening.forEach((stop) => stop());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The page's own HTML describes the poll it was rendered with, not one switched to later.
    if (changed.get('pollId')) this.preview = undefined;
    if (changed.has('pollId') || changed.has('backend') || changed.has('api') || !this.item.current) this.connectItem();
  }

  /** Reloads the poll from the backend. */
  refresh(): Promise<void> {
    return this.item.current?.load() ?? Promise.resolve();
  }

  private connectItem(): void {
    const pollId = this.pollId.trim();
    const backend = pollId ? resolveBackend(this) : undefined;
    if (!pollId) warnOnce(this, 'poll-id', 'needs a poll-id attribute to load the poll and take votes.');
    else if (!backend) reportMissingBackend(this.localName);
    if (!backend) return void this.item.bind(undefined);
    const item = WidgetStore.for(backend).item<PollItem>('poll', pollId, async (b, signal) => {
      const poll = parsePollView(await b.getPoll(pollId, { signal, voterId: voterId() }));
      if (poll.id !== pollId) throw new BackendError('invalid-reply', `asked for poll "${pollId}", got "${poll.id}"`);
      const ids = poll.options.map((o) => o.id);
      const recalled = recalledVote(rememberedKey(pollId));
      const known = Array.isArray(recalled) && recalled.length > 0 && recalled.every((id) => ids.includes(id));
      return { poll, mine: poll.myChoices ?? (known ? (recalled as string[]) : undefined) };
    });
    if (this.item.bind(item) && item.state.status === 'idle') void item.load();
  }

  /** The poll as the page's own HTML writes it (see the class docs), checked like a reply. */
  private readLightDom(): PollItem | undefined {
    const options = [...this.querySelectorAll('[data-option]')].map((el) => ({
      id: el.getAttribute('data-option'),
      label: textOf(el.querySelector('[data-label]') ?? el),
      votes: el.hasAttribute('data-votes') ? Number(el.getAttribute('data-votes')) : undefined,
    }));
    if (!options.length) return undefined;
    const { voters, multiple, results, closesAt } = this.dataset;
    try {
      return {
        poll: parsePollView({
          id: this.pollId || '-',
          question: textOf(this.querySelector('[data-question]') ?? this.querySelector('h1,h2,h3,h4,h5,h6')),
          options,
          multiple: multiple !== undefined,
          maxChoices: multiple ? Number(multiple) : undefined,
          closed: this.hasAttribute('data-closed'),
          results,
          closesAt,
          voters: voters && Number(voters),
        }),
      };
    } catch (e) {
      warnOnce(this, 'light-dom', `cannot show the poll written in its HTML: ${(e as Error).message}`);
      return undefined;
    }
  }

  private get data(): PollItem | undefined {
    return this.item.state?.data ?? this.preview;
  }

  private onChange(event: Event): void {
    const form = (event.target as HTMLInputElement).form!;
    this.selected = [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);
    // Too many is said at once; none only when the reader tries to vote.
    if (this.selected.length || this.problem) this.problem = this.announcement = this.validate();
  }

  /** What is wrong with the choice, or ''. */
  private validate(): string {
    const t = translatorFor(this, pollMessages);
    const max = this.data!.poll.maxChoices;
    const count = this.selected.length;
    return !count ? t.t('pollChooseOne') : count > max ? t.t('pollTooMany', { count: max }) : '';
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    this.problem = this.announcement = this.validate();
    if (!this.problem) void this.cast([...this.selected]);
  }

  private async cast(choices: string[], key = randomId()): Promise<void> {
    const item = this.item.current;
    const before = item?.state.data;
    if (!item || !before || item.state.writing) return;
    const pollId = before.poll.id;
    const backend = resolveBackend(this)!;
    const t = translatorFor(this, pollMessages);
    // The form gives way to the results: keep a keyboard user's place in the poll.
    const focused = this.matches(':focus-within');
    const refocus = async (selector: string) => {
      await this.updateComplete;
      if (focused) this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    };
    this.failed = undefined;
    this.announcement = t.t('pollSending');
    try {
      await item.write({
        optimistic: (current = before) => ({ poll: tally(current.poll, current.mine, choices), mine: choices }),
        send: (signal) => backend.votePoll(pollId, choices, { voterId: voterId(), idempotencyKey: key, signal }),
        commit: (raw) => {
          const poll = parsePollView(raw, 'reply');
          const ids = poll.options.map((o) => o.id).join('\n');
          if (poll.id !== pollId || ids !== before.poll.options.map((o) => o.id).join('\n')) {
            throw new BackendError('invalid-reply', `the reply does not match poll "${pollId}"`);
          }
          return { poll, mine: poll.myChoices ?? choices };
        },
      });
      const { poll, mine = choices } = this.item.state!.data!;
      rememberVote(rememberedKey(pollId), mine);
      this.changing = false;
      this.announcement = t.t('pollThanks');
      const detail: PollVoteDetail = { pollId, optionIds: mine };
      if (shown(poll)) {
        detail.counts = Object.fromEntries(poll.options.map((o) => [o.id, o.votes!]));
        detail.voters = poll.voters;
      }
      emit<PollVoteDetail>(this, 'aw-poll-vote', detail);
      void refocus('[part=change],[part=question]');
    } catch (e) {
      const error = e as BackendError;
      this.failed = { choices, key, error };
      this.announcement = t.error(error);
      emit<PollErrorDetail>(this, 'aw-poll-error', { pollId, optionIds: choices, code: error.code, message: error.message });
      void refocus('[part=retry]');
    }
  }

  private retry(): void {
    if (this.failed) void this.cast(this.failed.choices, this.failed.key);
    else void this.item.current?.load();
  }

  private change(): void {
    this.selected = [...(this.data?.mine ?? [])];
    this.changing = true;
    this.failed = undefined;
  }

  protected override render() {
    const t = translatorFor(this, pollMessages);
    const state = this.item.state;
    const data = this.data;
    const readError = state?.status === 'error' ? state.error : undefined;
    const errorText = this.failed
      ? t.error(this.failed.error)
      : readError && t.t(readError.code === 'not-found' ? 'pollNotFound' : readError.code === 'invalid-reply' ? 'errorInvalidReply' : 'errorLoad');
    const error = errorText
      ? html`<p part="error" class="error">
          <span>${errorText}</span>
          ${readError?.code === 'not-found' && !this.failed
            ? nothing
            : html`<button part="retry" class="button" type="button" @click=${this.retry}>${t.t('retry')}</button>`}
        </p>`
      : nothing;
    // Outside the aria-busy wrapper: some screen readers hold back a busy region's announcements.
    const live = html`<span class="visually-hidden" role="status">${this.announcement}</span>`;
    const busy = !!state?.writing || (!state?.data && state?.status === 'loading');
    if (!data) {
      return html`<div part="base" class="base" aria-busy=${busy}>
        <p part="heading" class="heading">${t.t('pollTitle')}</p>
        ${errorText ? error : html`<p part="note" class="note">${t.t('pollLoading')}</p>`}
      </div>
      ${live}`;
    }
    const { poll, mine } = data;
    const results = shown(poll);
    const counts = poll.options.map((o) => o.votes ?? 0);
    const total = counts.reduce((sum, n) => sum + n, 0);
    const shares = percentages(counts, poll.multiple ? (poll.voters ?? total) : undefined);
    const top = Math.max(...counts);
    const voting = !poll.closed && (!mine || this.changing);
    const ready = !!state?.data && !state.writing;
    const option = (o: PollOption, i: number) => {
      const yours = !voting && !!mine?.includes(o.id);
      const leading = results && total > 0 && counts[i] === top;
      const label = html`<span part="label" class="label">${o.label}</span>`;
      const kind = `option${yours ? ' yours' : ''}${leading ? ' leading' : ''}`;
      return html`<li part=${kind} class=${kind}>
        ${voting
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
          : html`<span class="label-line"
              >${label}${yours ? html` <span class="mark" aria-hidden="true">✓</span>` : nothing}<span class="visually-hidden"
                >${yours ? `, ${t.t('pollYours')}` : ''}${leading ? `, ${t.t('pollLeading')}` : ''}</span
              ></span
            >`}
        ${results
          ? html`<span part="figures" class="figures">${t.number(counts[i])} (${t.percent(shares[i])})</span>
              <span part="bar" class="bar" aria-hidden="true"><span part="bar-fill" style="inline-size:${Math.min(100, shares[i])}%"></span></span>`
          : nothing}
      </li>`;
    };
    const list = html`<ul part="options" class="options" role="list">${poll.options.map(option)}</ul>`;
    const notes = [
      !poll.closed && poll.closesAt ? t.t('pollUntil', { date: formatDate(t.lang, poll.closesAt) }) : '',
      results || poll.closed ? '' : poll.results === 'after-close' ? t.t('pollAfterClose') : voting ? t.t('pollAfterVote') : '',
    ].filter(Boolean);
    const footer = html`
      ${notes.map((note) => html`<p part="note" class="note">${note}</p>`)}
      ${results ? html`<p part="total" class="total">${t.t('voteCount', { count: total })}</p>` : nothing}
      ${results && poll.multiple ? html`<p part="note" class="note">${t.t('pollBase', { count: poll.voters ?? total })}</p>` : nothing}
    `;
    return html`<div part="base" class="base" aria-busy=${busy}>
      <p part="heading" class="heading">${t.t(poll.closed ? 'pollClosed' : 'pollTitle')}</p>
      ${voting
        ? html`<form @change=${this.onChange} @submit=${this.onSubmit} novalidate>
            <fieldset aria-describedby="problem">
              <legend part="question" class="question">${poll.question}</legend>
              ${poll.multiple ? html`<p part="note" class="note">${t.t('pollUpTo', { count: poll.maxChoices })}</p>` : nothing} ${list}
            </fieldset>
            ${footer}
            <p part="message" class="message" id="problem">${this.problem}</p>
            <button part="vote" class="button vote" type="submit" ?disabled=${!ready}>${t.t('pollVote')}</button>
          </form>`
        : html`<p part="question" class="question" tabindex="-1">${poll.question}</p>
            ${list} ${footer}
            ${mine && !poll.closed && poll.allowChange
              ? html`<button part="change" class="button" type="button" ?disabled=${!ready} @click=${this.change}>${t.t('pollChange')}</button>`
              : nothing}`}
      ${error}
    </div>
    ${live}`;
  }
}

/** Whether the poll shows its figures to this reader (the backend leaves them out otherwise). */
function shown(poll: PollView): boolean {
  return poll.options.every((o) => o.votes !== undefined);
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

function formatDate(lang: string, iso: string): string {
  const date = new Date(iso);
  try {
    return date.toLocaleDateString(lang, { dateStyle: 'long' });
  } catch {
    return date.toLocaleDateString('en', { dateStyle: 'long' });
  }
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
