import { html } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiProblem } from '../api.js';
import { describeProblem } from '../loader.js';
import { phrase, type Phrase } from '../messages.js';
import { Screen } from '../screen.js';

/** "Admin token" and "Sign in": a right token starts a session, a wrong one says so. */
export class SignInScreen extends Screen {
  @state() private problem?: Phrase;
  @state() private busy = false;

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#token')!;
    if (!input.value) {
      this.problem = phrase('signInRequired');
      input.focus();
      return;
    }
    this.busy = true;
    this.problem = undefined;
    try {
      await this.api.signIn(input.value);
      this.dispatchEvent(new CustomEvent('signed-in', { bubbles: true, composed: true }));
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      this.problem =
        error.status === 401
          ? phrase('signInWrong')
          : error.status === 429
            ? phrase('signInLimited', { count: error.retryAfter ?? 60 })
            : describeProblem(error);
      input.select();
      input.focus();
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const t = this.t;
    return html`<form @submit=${this.onSubmit} novalidate>
      <h1 tabindex="-1">${t.t('signInTitle')}</h1>
      <p><label for="token">${t.t('adminToken')}</label></p>
      <p>
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="current-password"
          size="36"
          aria-invalid=${this.problem ? 'true' : 'false'}
          aria-describedby="token-problem token-hint"
        />
      </p>
      <p class="error" id="token-problem" role="alert">${this.problem?.(t)}</p>
      <p class="hint" id="token-hint">${t.t('adminTokenHint')}</p>
      <div class="actions"><button ?disabled=${this.busy}>${this.busy ? t.t('signingIn') : t.t('signIn')}</button></div>
    </form>`;
  }
}
