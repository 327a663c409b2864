import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ResultsVisibility } from '../../../src/backend/backend.js';
import { ApiProblem, type NewPoll } from '../api.js';
import { describeProblem } from '../loader.js';
import { phrase, verbatim, type Phrase } from '../messages.js';
import { navigate } from '../router.js';
import { Screen } from '../screen.js';
import { LIMITS } from '../../../src/contract/ids.js';
import { idPattern, slugify } from '../slug.js';
import { localToUtc, timeZone } from '../time.js';

/** The server's limits: the contract's (src/contract/ids.ts), which its JSON Schemas are built from. */
const { question: MAX_QUESTION, label: MAX_LABEL, options: MAX_OPTIONS } = LIMITS;

/** A field of the form: its error, if any, shows next to it. */
type Field = 'question' | 'options' | 'pollId' | 'upTo' | 'results' | 'closesAt' | `option-${number}`;

interface OptionDraft {
  /** Stable while options are added and removed: the input's id, and what keeps its focus. */
  key: number;
  label: string;
}

/** The new poll form, with each field's error beside it. */
export class NewPollScreen extends Screen {
  @state() private question = '';
  @state() private options: OptionDraft[] = [
    { key: 1, label: '' },
    { key: 2, label: '' },
  ];
  @state() private pollId = '';
  /** Once the editor types an id, the question no longer rewrites it. */
  @state() private pollIdEdited = false;
  @state() private multiple = false;
  @state() private upTo = '2';
  @state() private results: ResultsVisibility = 'always';
  @state() private closesAt = '';
  @state() private errors: Partial<Record<Field, Phrase>> = {};
  @state() private formProblem?: Phrase;
  @state() private busy = false;
  private nextKey = 3;

  private validate(): Partial<Record<Field, Phrase>> {
    const errors: Partial<Record<Field, Phrase>> = {};
    const text = (value: string, max: number) =>
      !value.trim() ? phrase('errRequired') : value.length > max ? phrase('errTooLong', { count: max }) : undefined;
    errors.question = text(this.question, MAX_QUESTION);
    for (const option of this.options) errors[`option-${option.key}`] = text(option.label, MAX_LABEL);
    if (!this.pollId) errors.pollId = phrase('errRequired');
    else if (!idPattern.test(this.pollId)) errors.pollId = phrase('errIdRules');
    const upTo = Number(this.upTo);
    if (this.multiple && !(Number.isInteger(upTo) && upTo >= 1 && upTo <= this.options.length)) {
      errors.upTo = phrase('errUpTo', { count: this.options.length });
    }
    if (this.closesAt && !localToUtc(this.closesAt)) errors.closesAt = phrase('errDate');
    return Object.fromEntries(Object.entries(errors).filter(([, message]) => message));
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.errors = this.validate();
    const count = Object.keys(this.errors).length;
    if (count) {
      this.formProblem = phrase('errFormCount', { count });
      await this.focusFirstError();
      return;
    }
    const poll: NewPoll = {
      id: this.pollId,
      question: this.question.trim(),
      options: this.options.map((option, i) => ({ id: `o${i + 1}`, label: option.label.trim(), votes: 0 })),
      multiple: this.multiple,
      maxChoices: this.multiple ? Number(this.upTo) : 1,
      results: this.results,
      closesAt: this.closesAt ? (localToUtc(this.closesAt) ?? null) : null,
    };
    this.busy = true;
    this.formProblem = undefined;
    try {
      const created = await this.api.createPoll(poll);
      navigate(this, { screen: 'poll', pollId: created.id }, phrase('created'));
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      this.refused(error);
      await this.focusFirstError();
    } finally {
      this.busy = false;
    }
  }

  /** Puts the server's refusal next to the field it names. */
  private refused(problem: ApiProblem): void {
    const field = this.fieldOf(problem.field);
    if (!field || problem.status >= 500 || problem.code === 'network') {
      this.formProblem = describeProblem(problem);
      return;
    }
    const message =
      problem.code === 'poll-exists'
        ? phrase('errIdTaken')
        : field === 'pollId' && problem.code === 'invalid'
          ? phrase('errIdRules')
          : verbatim(problem.message);
    this.errors = { [field]: message };
    this.formProblem = phrase('errFormCount', { count: 1 });
  }

  /** The form's field for a server's `field` ("body.options[2].label" is the third option). */
  private fieldOf(path: string | undefined): Field | undefined {
    if (!path) return undefined;
    const option = /^body\.options\[(\d+)\]/.exec(path);
    if (option) {
      const draft = this.options[Number(option[1])];
      return draft ? `option-${draft.key}` : 'options';
    }
    const fields: Record<string, Field> = {
      'body.id': 'pollId',
      'body.question': 'question',
      'body.options': 'options',
      'body.maxChoices': 'upTo',
      'body.results': 'results',
      'body.closesAt': 'closesAt',
    };
    return fields[path];
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private onQuestion(event: InputEvent): void {
    this.question = (event.target as HTMLTextAreaElement).value;
    if (!this.pollIdEdited) this.pollId = slugify(this.question);
  }

  private onPollId(event: InputEvent): void {
    this.pollId = (event.target as HTMLInputElement).value.trim();
    this.pollIdEdited = this.pollId !== '';
  }

  private async addOption(): Promise<void> {
    const key = this.nextKey++;
    this.options = [...this.options, { key, label: '' }];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#option-${key}`)?.focus();
  }

  private async removeOption(key: number): Promise<void> {
    const index = this.options.findIndex((option) => option.key === key);
    this.options = this.options.filter((option) => option.key !== key);
    const { [`option-${key}` as Field]: _removed, ...errors } = this.errors;
    this.errors = errors;
    await this.updateComplete;
    const next = this.options[Math.min(index, this.options.length - 1)];
    this.renderRoot.querySelector<HTMLInputElement>(`#option-${next.key}`)?.focus();
  }

  private setLabel(key: number, label: string): void {
    this.options = this.options.map((option) => (option.key === key ? { ...option, label } : option));
  }

  /** The error line of a field, and what its input is described by. */
  private problem(field: Field, hint?: string) {
    const error = this.errors[field];
    return {
      invalid: error ? 'true' : 'false',
      describedBy: [error ? `${field}-error` : '', hint ?? ''].filter(Boolean).join(' ') || nothing,
      line: error ? html`<p class="error" id="${field}-error">${error(this.t)}</p>` : nothing,
    };
  }

  protected override render() {
    const t = this.t;
    const question = this.problem('question');
    const pollId = this.problem('pollId', 'pollId-hint');
    const upTo = this.problem('upTo', 'upTo-hint');
    const closesAt = this.problem('closesAt', 'closesAt-hint');
    const options = this.problem('options');
    return html`<form @submit=${this.onSubmit} novalidate>
      <h1 tabindex="-1">${t.t('newPollTitle')}</h1>
      <p class="error" role="alert">${this.formProblem?.(t)}</p>

      <div class="field">
        <label for="question">${t.t('question')}</label>
        <textarea
          id="question"
          rows="2"
          .value=${this.question}
          @input=${this.onQuestion}
          aria-invalid=${question.invalid}
          aria-describedby=${question.describedBy}
        ></textarea>
        ${question.line}
      </div>

      ${repeat(
        this.options,
        (option) => option.key,
        (option, i) => {
          const field = this.problem(`option-${option.key}`);
          return html`<div class="field">
            <label for="option-${option.key}">${t.t('option', { n: i + 1 })}</label>
            <div class="row">
              <input
                id="option-${option.key}"
                .value=${option.label}
                @input=${(event: InputEvent) => this.setLabel(option.key, (event.target as HTMLInputElement).value)}
                aria-invalid=${field.invalid}
                aria-describedby=${field.describedBy}
              />
              ${this.options.length > 2
                ? html`<button class="secondary" type="button" @click=${() => this.removeOption(option.key)}>
                    ${t.t('removeOption', { n: i + 1 })}
                  </button>`
                : nothing}
            </div>
            ${field.line}
          </div>`;
        },
      )}
      <div class="field">
        <button class="secondary" type="button" @click=${this.addOption} ?disabled=${this.options.length >= MAX_OPTIONS}>
          ${t.t('addOption')}
        </button>
        ${options.line}
      </div>

      <div class="field">
        <label for="pollId">${t.t('pollId')}</label>
        <input
          id="pollId"
          .value=${this.pollId}
          @input=${this.onPollId}
          spellcheck="false"
          autocapitalize="off"
          aria-invalid=${pollId.invalid}
          aria-describedby=${pollId.describedBy}
        />
        ${pollId.line}
        <p class="hint" id="pollId-hint">${t.t('pollIdHint')}</p>
      </div>

      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            .checked=${this.multiple}
            @change=${(event: Event) => (this.multiple = (event.target as HTMLInputElement).checked)}
          />
          ${t.t('multiple')}
        </label>
      </div>
      ${this.multiple
        ? html`<div class="field">
            <label for="upTo">${t.t('upTo')}</label>
            <input
              id="upTo"
              type="number"
              min="1"
              max=${this.options.length}
              inputmode="numeric"
              .value=${this.upTo}
              @input=${(event: InputEvent) => (this.upTo = (event.target as HTMLInputElement).value)}
              aria-invalid=${upTo.invalid}
              aria-describedby=${upTo.describedBy}
            />
            ${upTo.line}
            <p class="hint" id="upTo-hint">${t.t('upToHint')}</p>
          </div>`
        : nothing}

      <div class="field">
        <label for="results">${t.t('resultsShown')}</label>
        <select id="results" @change=${(event: Event) => (this.results = (event.target as HTMLSelectElement).value as ResultsVisibility)}>
          ${(
            [
              ['always', t.t('resultsAlways')],
              ['after-vote', t.t('resultsAfterVote')],
              ['after-close', t.t('resultsAfterClose')],
            ] as const
          ).map(([value, label]) => html`<option value=${value} ?selected=${value === this.results}>${label}</option>`)}
        </select>
      </div>

      <div class="field">
        <label for="closesAt">${t.t('closesAt')}</label>
        <input
          id="closesAt"
          type="datetime-local"
          .value=${this.closesAt}
          @input=${(event: InputEvent) => (this.closesAt = (event.target as HTMLInputElement).value)}
          aria-invalid=${closesAt.invalid}
          aria-describedby=${closesAt.describedBy}
        />
        ${closesAt.line}
        <p class="hint" id="closesAt-hint">${t.t('closesAtHint', { zone: timeZone() })}</p>
      </div>

      <div class="actions">
        <button ?disabled=${this.busy}>${this.busy ? t.t('creating') : t.t('createPoll')}</button>
      </div>
    </form>`;
  }
}
