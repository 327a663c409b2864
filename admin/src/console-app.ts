import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ApiProblem, ConsoleApi } from './api.js';
import { LANGUAGES, initialLanguage, phrase, rememberLanguage, translator, verbatim, type Language, type Phrase } from './messages.js';
import { parseRoute, routeHref, type NavigateDetail, type Route } from './router.js';
import type { Screen } from './screen.js';
import { consoleStyles } from './styles.js';

type Auth = 'checking' | 'signed-in' | 'signed-out' | 'disabled' | 'unreachable';

/**
 * The editors' console: the header with its sections, the language switch and "Sign out", and the
 * screen of the address's hash. Signed out, every address shows the sign-in form first.
 */
export class ConsoleApp extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem 1.5rem;
        padding: 0.75rem 1.5rem;
        background: var(--surface);
        border-block-end: 1px solid var(--line);
      }
      .brand {
        font-weight: 700;
        margin: 0;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-block;
        padding: 0.25rem 0.1rem;
      }
      nav a[aria-current='page'] {
        font-weight: 700;
        text-decoration-thickness: 3px;
      }
      .tools {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        margin-inline-start: auto;
      }
      main {
        max-inline-size: 60rem;
        padding: 1.5rem;
      }
    `,
  ];

  @state() private language: Language = initialLanguage();
  @state() private route: Route = parseRoute(location.hash);
  @state() private auth: Auth = 'checking';
  /** What the last action did, said once on the next screen ("The poll was created."). */
  @state() private notice?: Phrase;
  private readonly api = new ConsoleApi();
  private focusScreen = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    this.api.onSignedOut = () => this.signedOut('sessionEnded');
    void this.checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private async checkSession(): Promise<void> {
    this.auth = 'checking';
    try {
      await this.api.session();
      this.auth = 'signed-in';
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      this.auth = error.code === 'admin-disabled' ? 'disabled' : error.status === 401 ? 'signed-out' : 'unreachable';
    }
  }

  private readonly onHashChange = () => {
    this.route = parseRoute(location.hash);
    this.notice = undefined;
    this.focusScreen = true;
  };

  private signedOut(reason: 'sessionEnded' | 'signedOut'): void {
    this.auth = 'signed-out';
    this.notice = phrase(reason);
    this.focusScreen = true;
  }

  private async signOut(): Promise<void> {
    try {
      await this.api.signOut();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      if (error.status !== 401) {
        this.notice = error.code === 'network' ? phrase('errorNetwork') : verbatim(error.message);
        return;
      }
    }
    this.signedOut('signedOut');
  }

  private onSignedIn(): void {
    this.auth = 'signed-in';
    this.notice = undefined;
    this.focusScreen = true;
  }

  private onLanguage(event: Event): void {
    this.language = (event.target as HTMLSelectElement).value as Language;
    rememberLanguage(this.language);
  }

  /** A screen asks to go elsewhere, with a word to say there: `navigate(route, notice)`. */
  private onNavigate(event: CustomEvent<NavigateDetail>): void {
    history.pushState(null, '', routeHref(event.detail.route));
    this.onHashChange();
    this.notice = event.detail.notice;
  }

  protected override willUpdate(): void {
    const t = translator(this.language);
    document.documentElement.lang = this.language;
    const titles = { polls: 'navPolls', 'new-poll': 'navNewPoll', poll: 'navPolls', ratings: 'navRatings', shares: 'navShares' } as const;
    const screen = this.auth === 'signed-in' ? t.t(titles[this.route.screen]) : t.t('signInTitle');
    document.title = `${screen} — ${t.t('appTitle')}`;
  }

  protected override updated(): void {
    if (!this.focusScreen) return;
    this.focusScreen = false;
    const screen = this.renderRoot.querySelector('main > :last-child');
    if (screen && 'focusHeading' in screen) void (screen as Screen).focusHeading();
    else screen?.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override render() {
    const t = translator(this.language);
    const signedIn = this.auth === 'signed-in';
    const link = (route: Route, label: string) => {
      const current = route.screen === this.route.screen || (route.screen === 'polls' && this.route.screen === 'poll');
      return html`<li><a href=${routeHref(route)} aria-current=${current ? 'page' : 'false'}>${label}</a></li>`;
    };
    return html`
      <header>
        <p class="brand">${t.t('appTitle')}</p>
        ${signedIn
          ? html`<nav aria-label=${t.t('mainNav')}>
              <ul>
                ${link({ screen: 'polls' }, t.t('navPolls'))} ${link({ screen: 'new-poll' }, t.t('navNewPoll'))}
                ${link({ screen: 'ratings' }, t.t('navRatings'))} ${link({ screen: 'shares' }, t.t('navShares'))}
              </ul>
            </nav>`
          : nothing}
        <div class="tools">
          <label for="language">${t.t('language')}</label>
          <select id="language" @change=${this.onLanguage}>
            ${Object.entries(LANGUAGES).map(
              ([code, name]) => html`<option value=${code} lang=${code} ?selected=${code === this.language}>${name}</option>`,
            )}
          </select>
          ${signedIn ? html`<button class="secondary" type="button" @click=${this.signOut}>${t.t('signOut')}</button>` : nothing}
        </div>
      </header>
      <main @navigate=${this.onNavigate}>
        <p class="status" role="status">${this.notice?.(t)}</p>
        ${this.renderScreen()}
      </main>
    `;
  }

  private renderScreen() {
    const t = translator(this.language);
    const api = this.api;
    switch (this.auth) {
      case 'checking':
        return html`<p>${t.t('loading')}</p>`;
      case 'disabled':
        return html`<section>
          <h1 tabindex="-1">${t.t('disabledTitle')}</h1>
          <p>${t.t('disabledText')}</p>
        </section>`;
      case 'unreachable':
        return html`<section>
          <h1 tabindex="-1">${t.t('appTitle')}</h1>
          <p class="error" role="alert">${t.t('errorNetwork')}</p>
          <button type="button" @click=${this.checkSession}>${t.t('retry')}</button>
        </section>`;
      case 'signed-out':
        return html`<aw-sign-in-screen .api=${api} .t=${t} @signed-in=${this.onSignedIn}></aw-sign-in-screen>`;
    }
    const route = this.route;
    const screen = (() => {
      switch (route.screen) {
        case 'polls':
          return html`<aw-polls-screen .api=${api} .t=${t}></aw-polls-screen>`;
        case 'new-poll':
          return html`<aw-new-poll-screen .api=${api} .t=${t}></aw-new-poll-screen>`;
        case 'poll':
          return html`<aw-poll-screen .api=${api} .t=${t} .pollId=${route.pollId}></aw-poll-screen>`;
        case 'ratings':
          return html`<aw-ratings-screen .api=${api} .t=${t}></aw-ratings-screen>`;
        case 'shares':
          return html`<aw-shares-screen .api=${api} .t=${t}></aw-shares-screen>`;
      }
    })();
    // A new element per address: each screen loads what it shows when it opens.
    return keyed(routeHref(route), screen);
  }
}
