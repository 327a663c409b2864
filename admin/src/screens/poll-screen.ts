import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PollView } from '../../../src/backend/backend.js';
import { percentages } from '../../../src/opinion-poll/percentages.js';
import { ApiProblem, type PollPatch } from '../api.js';
import { downloadCsv, toCsv } from '../csv.js';
import { Loader, describeProblem } from '../loader.js';
import { phrase, verbatim, type Phrase } from '../messages.js';
import { pollStatus } from '../poll-status.js';
import { routeHref } from '../router.js';
import { Screen } from '../screen.js';
import { consoleStyles } from '../styles.js';

/** How often an open poll's results are read again while its page is in view. */
const REFRESH_MS = 4000;
const MAX_QUESTION = 1000;
const MAX_LABEL = 500;

/**
 * Counts and shares exactly as <opinion-poll> shows them: shares of all votes, summing to 100 by
 * largest remainder, for a single choice; of the voters, each rounded, for a multiple choice.
 */
export function pollFigures(poll: PollView) {
  const counts = poll.options.map((option) => option.votes ?? 0);
  const total = counts.reduce((sum, n) => sum + n, 0);
  const voters = poll.voters ?? total;
  return { counts, total, voters, shares: percentages(counts, poll.multiple ? voters : undefined) };
}

/** The CSV of a poll's results: option, label, votes, percentage. */
export function pollCsv(poll: PollView): string {
  const { counts, shares } = pollFigures(poll);
  return toCsv(
    ['option', 'label', 'votes', 'percentage'],
    poll.options.map((option, i) => [option.id, option.label, counts[i], shares[i]]),
  );
}

interface Draft {
  question: string;
  labels: Record<string, string>;
}

/** One poll: live results, closing and reopening, its wording, the embed code, the CSV. */
export class PollScreen extends Screen {
  static override styles = [
    consoleStyles,
    css`
      /* An SVG bar: its width is an attribute, so the page's CSP needs no inline styles. */
      .bar {
        display: inline-block;
        inline-size: 10rem;
        max-inline-size: 40vw;
        block-size: 0.75rem;
        margin-inline-end: 0.5rem;
        background: var(--track);
        border-radius: 3px;
        vertical-align: middle;
      }
      .fill {
        fill: var(--accent);
      }
      @media (forced-colors: active) {
        .bar {
          outline: 1px solid CanvasText;
        }
        .fill {
          fill: CanvasText;
        }
      }
      .share {
        white-space: nowrap;
      }
      .meta {
        color: var(--muted);
        margin-block: -0.5rem 1rem;
      }
      #embed {
        inline-size: 100%;
        max-inline-size: 40rem;
        font-family: ui-monospace, monospace;
      }
    `,
  ];

  /** The poll's id, from the address. */
  @property() pollId = '';
  @state() private draft?: Draft;
  @state() private editErrors: Record<string, Phrase> = {};
  @state() private editSaid?: Phrase;
  @state() private actionSaid?: Phrase;
  @state() private actionProblem?: Phrase;
  @state() private copySaid?: Phrase;
  /** A change is under way: its buttons ignore clicks, but stay enabled so they keep the focus. */
  @state() private busy = false;
  private readonly poll = new Loader<PollView>(this, () => this.api.poll(this.pollId));
  private timer?: ReturnType<typeof setInterval>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(this.refresh, REFRESH_MS);
    document.addEventListener('visibilitychange', this.refresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    document.removeEventListener('visibilitychange', this.refresh);
  }

  /** Live results: read again while the poll is open and its page in view (not in a hidden tab). */
  private readonly refresh = () => {
    const poll = this.poll.value;
    if (document.visibilityState === 'visible' && poll && !poll.closed && !this.busy) void this.poll.reload();
  };

  protected override willUpdate(): void {
    const poll = this.poll.value;
    if (poll && !this.draft) this.draft = draftOf(poll);
  }

  /** Runs a change, then reads the poll again as its editors see it (a write's reply is a reader's view). */
  private async change(write: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    try {
      await write();
      await this.poll.reload();
      return true;
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      this.actionProblem = describeProblem(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async toggleClosed(): Promise<void> {
    if (this.busy) return;
    const poll = this.poll.value!;
    this.actionSaid = undefined;
    this.actionProblem = undefined;
    // Reopening a poll whose closing time has passed also drops that time, or it would stay closed.
    const expired = poll.closesAt !== null && Date.parse(poll.closesAt) <= Date.now();
    const done = await this.change(() =>
      poll.closed ? this.api.updatePoll(poll.id, { closed: false, ...(expired ? { closesAt: null } : {}) }) : this.api.closePoll(poll.id),
    );
    if (done) this.actionSaid = phrase(this.poll.value?.closed ? 'pollClosedNow' : 'pollReopened');
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const poll = this.poll.value!;
    const draft = this.draft!;
    this.editSaid = undefined;
    const errors: Record<string, Phrase> = {};
    const check = (key: string, value: string, max: number) => {
      if (!value.trim()) errors[key] = phrase('errRequired');
      else if (value.length > max) errors[key] = phrase('errTooLong', { count: max });
    };
    check('question', draft.question, MAX_QUESTION);
    for (const option of poll.options) check(option.id, draft.labels[option.id], MAX_LABEL);
    this.editErrors = errors;
    if (Object.keys(errors).length) return this.focusInvalid();

    const patch: PollPatch = {};
    if (draft.question.trim() !== poll.question) patch.question = draft.question.trim();
    const labels = Object.fromEntries(
      poll.options.filter((o) => draft.labels[o.id].trim() !== o.label).map((o) => [o.id, draft.labels[o.id].trim()]),
    );
    if (Object.keys(labels).length) patch.labels = labels;
    if (!patch.question && !patch.labels) {
      this.editSaid = phrase('nothingChanged');
      return;
    }
    this.busy = true;
    try {
      await this.api.updatePoll(poll.id, patch);
      await this.poll.reload();
      this.draft = draftOf(this.poll.value!);
      this.editSaid = phrase('saved');
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      // The server names the field it refuses: body.question, or body.labels.<option id>.
      const field = error.field === 'body.question' ? 'question' : error.field?.replace(/^body\.labels\./, '');
      if (field && (field === 'question' || poll.options.some((o) => o.id === field))) {
        this.editErrors = { [field]: verbatim(error.message) };
        await this.focusInvalid();
      } else this.editSaid = describeProblem(error);
    } finally {
      this.busy = false;
    }
  }

  private async focusInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private async copy(snippet: string): Promise<void> {
    let copied: boolean;
    try {
      await navigator.clipboard.writeText(snippet);
      copied = true;
    } catch {
      // No clipboard API (a page over plain http is no secure context): the old way.
      const input = this.renderRoot.querySelector<HTMLInputElement>('#embed')!;
      input.select();
      copied = document.execCommand('copy');
    }
    this.copySaid = phrase(copied ? 'copied' : 'copyFailed');
  }

  private exportCsv(): void {
    const poll = this.poll.value!;
    downloadCsv(`poll-${poll.id.replace(/[^\w.-]/g, '_')}.csv`, pollCsv(poll));
  }

  protected override render() {
    const t = this.t;
    const back = html`<p><a href=${routeHref({ screen: 'polls' })}>${t.t('allPolls')}</a></p>`;
    if (this.poll.problem?.status === 404 && !this.poll.value) {
      return html`${back}
        <h1 tabindex="-1">${t.t('pollNotFound', { id: this.pollId })}</h1>`;
    }
    const poll = this.poll.value;
    return html`${back}
      <h1 tabindex="-1">${poll?.question ?? this.pollId}</h1>
      ${this.poll.render(t, (poll) => this.renderPoll(poll))}`;
  }

  private renderPoll(poll: PollView) {
    const t = this.t;
    const { counts, total, voters, shares } = pollFigures(poll);
    const snippet = `<opinion-poll poll-id="${poll.id}"></opinion-poll>`;
    const draft = this.draft ?? draftOf(poll);
    const field = (key: string) => ({
      invalid: this.editErrors[key] ? 'true' : 'false',
      describedBy: this.editErrors[key] ? `edit-${key}-error` : nothing,
      line: this.editErrors[key] ? html`<p class="error" id="edit-${key}-error">${this.editErrors[key](t)}</p>` : nothing,
    });
    const question = field('question');
    return html`<p class="meta">${pollStatus(t, poll)} · <code>${poll.id}</code></p>

      <h2>${t.t('results')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">${t.t('colOption')}</th>
            <th scope="col" class="number">${t.t('colVotes')}</th>
            <th scope="col">${t.t('colShare')}</th>
          </tr>
        </thead>
        <tbody>
          ${poll.options.map(
            (option, i) => html`<tr>
              <th scope="row">${option.label}</th>
              <td class="number">${t.number(counts[i])}</td>
              <td class="share">
                <svg class="bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
                  <rect class="fill" width=${Math.min(100, shares[i])} height="1"></rect></svg
                >${t.percent(shares[i])}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p>
        ${t.t('voteCount', { count: total })}${poll.multiple ? html` · ${t.t('voterCount', { count: voters })}` : nothing}
      </p>
      ${poll.multiple ? html`<p class="hint">${t.t('sharesBase', { count: voters })}</p>` : nothing}
      ${poll.closed ? nothing : html`<p class="hint">${t.t('liveNote')}</p>`}
      <div class="actions">
        <button type="button" @click=${this.toggleClosed}>
          ${poll.closed ? t.t('reopenPoll') : t.t('closePoll')}
        </button>
        <button class="secondary" type="button" @click=${this.exportCsv}>${t.t('exportCsv')}</button>
      </div>
      <p class="status" role="status">${this.actionSaid?.(t)}</p>
      <p class="error" role="alert">${this.actionProblem?.(t)}</p>

      <h2 id="edit-title">${t.t('editTitle')}</h2>
      <form @submit=${this.save} novalidate aria-labelledby="edit-title">
        <p class="hint">${t.t('editHint')}</p>
        <div class="field">
          <label for="edit-question">${t.t('question')}</label>
          <textarea
            id="edit-question"
            rows="2"
            .value=${draft.question}
            @input=${(event: InputEvent) => (this.draft = { ...draft, question: (event.target as HTMLTextAreaElement).value })}
            aria-invalid=${question.invalid}
            aria-describedby=${question.describedBy}
          ></textarea>
          ${question.line}
        </div>
        ${poll.options.map((option, i) => {
          const label = field(option.id);
          return html`<div class="field">
            <label for="edit-${option.id}">${t.t('option', { n: i + 1 })}</label>
            <input
              id="edit-${option.id}"
              .value=${draft.labels[option.id] ?? ''}
              @input=${(event: InputEvent) =>
                (this.draft = { ...draft, labels: { ...draft.labels, [option.id]: (event.target as HTMLInputElement).value } })}
              aria-invalid=${label.invalid}
              aria-describedby=${label.describedBy}
            />
            ${label.line}
          </div>`;
        })}
        <div class="actions"><button>${t.t('saveChanges')}</button></div>
        <p class="status" role="status">${this.editSaid?.(t)}</p>
      </form>

      <h2 id="embed-title">${t.t('embedTitle')}</h2>
      <p class="hint" id="embed-hint">${t.t('embedHint')}</p>
      <div class="actions">
        <input id="embed" readonly .value=${snippet} aria-labelledby="embed-title" aria-describedby="embed-hint" />
        <button class="secondary" type="button" @click=${() => this.copy(snippet)}>${t.t('copy')}</button>
      </div>
      <p class="status" role="status">${this.copySaid?.(t)}</p>`;
  }
}

function draftOf(poll: PollView): Draft {
  return { question: poll.question, labels: Object.fromEntries(poll.options.map((o) => [o.id, o.label])) };
}
