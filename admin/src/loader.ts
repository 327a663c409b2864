import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ApiProblem } from './api.js';
import type { ConsoleTranslator, Phrase } from './messages.js';

/** What to tell an editor about a failed request. */
export function describeProblem(problem: ApiProblem): Phrase {
  return (t: ConsoleTranslator) => (problem.code === 'network' ? t.t('errorNetwork') : t.t('errorServer', { message: problem.message }));
}

/**
 * Loads what a screen shows, and renders it with the same loading line, error and "Try again" on
 * every screen. A quiet reload (a poll's live results) keeps what is shown while it runs.
 */
export class Loader<T> implements ReactiveController {
  value?: T;
  problem?: ApiProblem;
  private run = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.reload();
  }

  async reload(): Promise<void> {
    const run = ++this.run;
    this.problem = undefined;
    this.host.requestUpdate();
    try {
      const value = await this.load();
      if (run === this.run) this.value = value;
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (run === this.run) this.problem = error;
    }
    this.host.requestUpdate();
  }

  /** Sets what is shown from a write's reply, cancelling a load still under way. */
  set(value: T): void {
    this.run++;
    this.value = value;
    this.problem = undefined;
    this.host.requestUpdate();
  }

  render(t: ConsoleTranslator, complete: (value: T) => unknown): unknown {
    const problem = this.problem
      ? html`<div class="actions">
          <p class="error" role="alert">${describeProblem(this.problem)(t)}</p>
          <button class="secondary" type="button" @click=${() => this.reload()}>${t.t('retry')}</button>
        </div>`
      : nothing;
    if (this.value !== undefined) return html`${problem}${complete(this.value)}`;
    return this.problem ? problem : html`<p role="status">${t.t('loading')}</p>`;
  }
}
