import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { BackendError, type BackendErrorCode, type ErrorCode, type RatingSummary, type WidgetBackend } from '../backend/backend.js';
import { parseRatingSummary, parseRatingVoteResult } from '../backend/shapes.js';
import { afterStrings, onLanguageChange } from '../internal/i18n.js';
import { unreachableCatalogs } from '../internal/unreachable.messages.js';
import { translatorFor, type Translator } from '../internal/translator.js';
import { VoteController } from '../internal/vote-controller.js';
import { voterId } from '../internal/voter.js';
import { defineElement } from '../internal/define-element.js';
import { lazyModule } from '../internal/lazy-module.js';
import { Subscriptions } from '../internal/subscriptions.js';
import { ratingCatalogs, type RatingStrings } from './article-rating.messages.js';
import type { Problem } from './problems.js';
import { styles } from './article-rating.styles.js';

/** The words of a site's mistakes, on first use; a warning whose words could not load (an outage) is not said, and the next one loads them again. */
const loadProblems = lazyModule(() => import('./problems.js'));
/** What the page store holds for one article: the aggregate and this reader's own rating. */
interface RatingItem {
  summary: RatingSummary;
  mine?: number;
}

/** The string catalogs it renders with (see afterStrings); register.ts has them in the page's language before defining it. @internal */
export const catalogsOfRating = [ratingCatalogs, unreachableCatalogs];

export interface RatingVoteDetail {
  articleId: string;
  /** The stars this reader gave, 1..5. */
  rating: number;
  /** The new aggregate. */
  votes: number;
  average: number;
}

export interface RatingErrorDetail {
  articleId: string;
  rating: number;
  /** What kind of failure: network, refused, item-limit, not-found or invalid-reply. */
  code: BackendErrorCode;
  /** Why exactly, where the backend said (`already-voted`, `rate-limited`, ...). */
  reason?: ErrorCode;
  /** The backend's own words, for developers (readers are told in their language). */
  message: string;
}

type RatingTranslator = Translator<RatingStrings>;

const STARS = [1, 2, 3, 4, 5] as const;
const STAR_PATH = 'M12 2.5l2.94 5.96 6.58.96-4.76 4.64 1.12 6.55L12 17.52l-5.88 3.09 1.12-6.55L2.48 9.42l6.58-.96z';

/**
 * A five-star rating of an article, with its aggregate: "Rate this article ★★★★½ (votes: 4,
 * rating: 4.5)". Readers vote once, by pointer, touch or keyboard; every instance showing the same
 * article on the page changes together.
 *
 * Colours follow the `color-scheme` the element inherits from the page, not the reader's system: a
 * page that declares none is light, `color-scheme: dark` gets the dark palette, `light dark`
 * follows the reader. To force one on a widget (say, on a dark panel of a light page), set
 * `color-scheme: dark` or `light` on it or on the panel, in the site's stylesheet. Each colour
 * property below may be a `light-dark()` pair too.
 *
 * @tagname article-rating
 * @summary Star rating of an article with its aggregate.
 *
 * @csspart base - The wrapper of everything.
 * @csspart label - The call to action ("Rate this article").
 * @csspart stars - The star control (a slider for keyboard and screen-reader users).
 * @csspart star - Each star: a path of the one SVG picture of the five (style its `fill`, `stroke`).
 * @csspart summary - The aggregate text ("(votes: 4, rating: 4.5)").
 * @csspart yours - The reader's own rating, once cast.
 * @csspart error - The error line, with its retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop [--aw-rating-star-size=1.5rem] - The size of a star (its hit area is never below 24px).
 * @cssprop [--aw-rating-star-gap=0.125rem] - The space between stars.
 * @cssprop [--aw-rating-color=light-dark(#c26a00, #fbbf24)] - Filled stars.
 * @cssprop [--aw-rating-empty-color=light-dark(#8c8c8c, #7b8494)] - Empty stars.
 * @cssprop [--aw-rating-hover-color=light-dark(#b45309, #fde68a)] - Stars under the pointer or keyboard choice.
 * @cssprop [--aw-focus-color=light-dark(#2563eb, #93c5fd)] - The focus ring.
 * @cssprop [--aw-error-color=light-dark(#b91c1c, #fca5a5)] - Error text.
 *
 * @fires {CustomEvent<RatingVoteDetail>} aw-rating-vote - A reader's rating was counted (once per vote).
 * @fires {CustomEvent<RatingErrorDetail>} aw-rating-error - A reader's rating could not be counted.
 */
export class ArticleRating extends LitElement {
  static override styles = styles;

  /** Registers the element under `tag` (default `article-rating`) unless that tag is taken. */
  static define(tag = 'article-rating', registry: CustomElementRegistry = customElements): void {
    defineElement(this, tag, registry);
  }

  // Declared as static properties rather than with decorators: Lit's decorator code stays out of
  // every page's bundle, and the build needs no decorator transform.
  static override properties = {
    articleId: { attribute: 'article-id' },
    votes: { type: Number },
    average: { type: Number },
    readonly: { type: Boolean, reflect: true },
    allowChange: { type: Boolean, attribute: 'allow-change' },
    summary: {},
    minVotes: { type: Number, attribute: 'min-votes' },
    api: {},
    backend: { attribute: false },
    hovered: { state: true, attribute: false },
    chosen: { state: true, attribute: false },
  };

  /** The id of the article being rated. Required for voting. */
  articleId = '';
  /** The vote count known when the page was rendered (shown before the backend answers). */
  declare votes?: number;
  /** The average known when the page was rendered, 1..5 (0 with no votes). */
  declare average?: number;
  /** Shows the rating without letting the reader vote. */
  readonly = false;
  /** Lets a reader change a rating already cast. */
  allowChange = false;
  /** How the aggregate reads: `full` "(votes: 4, rating: 4.5)" or `count` "(4 votes)". */
  summary: 'full' | 'count' = 'full';
  /**
   * Below this many votes no average is shown (empty stars, the count and "not enough votes
   * yet"), as the render helpers' `minVotes` leaves it out of the page; readers still vote.
   */
  minVotes = 0;
  /** The URL of the reference server's API (uses the HTTP backend). */
  declare api?: string;
  /** The backend to use; overrides `api` and the page default. */
  declare backend?: WidgetBackend;

  /** The star under the pointer, 0 for none. */
  private hovered = 0;
  /** The star chosen with the keyboard but not yet cast, 0 for none. */
  private chosen = 0;

  readonly #vote = new VoteController<RatingItem, number>(this, {
    item: 'rating',
    home: 'stars',
    events: { vote: 'aw-rating-vote', error: 'aw-rating-error' },
    ballot: (rating) => ({
      optimistic: (current) => ({ summary: addVote(current?.summary ?? this.#attributeSummary(), current?.mine, rating), mine: rating }),
      send: (backend, context) => backend.rateArticle(this.articleId.trim(), rating, context),
      commit: (reply) => {
        const result = parseRatingVoteResult(reply);
        return { summary: result.summary, mine: result.rating };
      },
    }),
    sending: () => this.#strings().t('ratingSending'),
    counted: ({ summary, mine }) => {
      const t = this.#strings();
      return {
        said: `${t.t('ratingThanks', { rating: mine! })} ${this.#valueText(t, summary)}`,
        detail: { articleId: summary.articleId, rating: mine!, votes: summary.votes, average: summary.average } satisfies RatingVoteDetail,
      };
    },
    failed: (rating) => ({ articleId: this.articleId.trim(), rating }),
  });
  /** @internal */
  protected readonly subscriptions = new Subscriptions(this, () => [onLanguageChange(this, () => this.requestUpdate())]);

  /** Renders once the strings of its language are here (see afterStrings). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return afterStrings(this, catalogsOfRating, () => super.scheduleUpdate()) as void | Promise<unknown>;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('articleId') || changed.has('backend') || changed.has('api')) this.#connectItem();
  }

  /** Reloads the figures from the backend. */
  refresh(): Promise<void> {
    return this.#vote.item.current?.load() ?? Promise.resolve();
  }

  #strings(): RatingTranslator {
    return translatorFor(this, ratingCatalogs);
  }

  /** Tells the site about a mistake in the console (see problems.ts: its words load only then). */
  #reportProblem(problem: Problem, value?: string | null): void {
    void loadProblems().then(({ report }) => report(this, problem, value), () => {});
  }

  #connectItem(): void {
    const articleId = this.articleId.trim();
    if (!articleId) this.#reportProblem('article-id');
    this.#vote.follow(articleId, async (backend, signal, remembered) => {
      const summary = parseRatingSummary(await backend.getRating(articleId, { signal, voterId: voterId() }));
      if (summary.articleId !== articleId) {
        throw new BackendError('invalid-reply', `asked for article "${articleId}", got "${summary.articleId}"`);
      }
      return { summary, mine: typeof remembered === 'number' ? remembered : undefined };
    });
  }

  /** The figures from the attributes, checked: what a server-rendered page carries. */
  #attributeSummary(): RatingSummary {
    let votes = this.votes ?? 0;
    if (!Number.isInteger(votes) || votes < 0) {
      this.#reportProblem('votes', this.getAttribute('votes'));
      votes = 0;
    }
    let average = this.average ?? 0;
    // Below the minimum a page leaves the average out (the render helpers' minVotes): no mistake.
    const leftOut = this.average === undefined && this.#belowMinimum(votes);
    const valid = leftOut || Number.isFinite(average) && (votes === 0 ? average >= 0 && average <= 5 : average >= 1 && average <= 5);
    if (!valid) {
      this.#reportProblem('average', this.getAttribute('average'));
      average = Number.isFinite(average) ? Math.min(5, Math.max(votes === 0 ? 0 : 1, average)) : 0;
    }
    return { articleId: this.articleId, votes, average: votes === 0 ? 0 : average };
  }

  /** Whether `votes` are too few to show an average (min-votes). */
  #belowMinimum(votes: number): boolean {
    return votes > 0 && votes < this.minVotes;
  }

  get #data(): RatingItem {
    return this.#vote.item.state?.data ?? { summary: this.#attributeSummary() };
  }

  /** Whether readers vote here at all: then the stars are a slider, else a picture of the figures. */
  get #votable(): boolean {
    return !this.readonly && !!this.#vote.item.current;
  }

  /** Whether the reader can cast (or change) a vote now. */
  get #interactive(): boolean {
    const { mine } = this.#data;
    return this.#votable && !this.#vote.writing && (mine === undefined || this.allowChange);
  }

  #cast(rating: number): void {
    if (!this.#interactive) return;
    this.chosen = 0;
    this.hovered = 0;
    void this.#vote.cast(rating);
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (!this.#interactive) return;
    this.#vote.prepare();
    const { key } = event;
    if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      if (this.chosen) this.#cast(this.chosen);
      return;
    }
    if (key === 'Escape') {
      this.chosen = 0;
      return;
    }
    // Left and right follow the reading direction; up always means more.
    const forward = getComputedStyle(this).direction === 'rtl' ? -1 : 1;
    const step = ({ ArrowRight: forward, ArrowLeft: -forward, ArrowUp: 1, ArrowDown: -1 } as Record<string, number>)[key];
    const current = this.chosen || this.#data.mine || 0;
    const next = step ? (current ? Math.min(5, Math.max(1, current + step)) : 1) : key === 'Home' ? 1 : key === 'End' ? 5 : 0;
    if (next) {
      event.preventDefault();
      this.chosen = next;
    }
  }

  #starAt(event: Event): number {
    const star = (event.target as Element).closest?.('[data-value]');
    return star ? Number(star.getAttribute('data-value')) : 0;
  }

  #onPointerMove(event: PointerEvent): void {
    if (!this.#interactive) return;
    this.#vote.prepare();
    if (event.pointerType !== 'touch') this.hovered = this.#starAt(event);
  }

  /** A tap moves no pointer before it: the code that sends a vote loads as the finger comes down. */
  #onPointerDown(): void {
    if (this.#interactive) this.#vote.prepare();
  }

  #onClick(event: MouseEvent): void {
    const value = this.#starAt(event);
    if (value) this.#cast(value);
  }

  #valueText(t: RatingTranslator, summary: RatingSummary): string {
    if (summary.votes === 0) return t.t('ratingNoVotes');
    if (this.#belowMinimum(summary.votes)) return t.t('ratingTooFew', { votes: t.t('voteCount', { count: summary.votes }) });
    return t.t('ratingValue', { count: summary.votes, average: t.number(summary.average, 1) });
  }

  #summaryText(t: RatingTranslator, summary: RatingSummary): string {
    if (summary.votes === 0 || this.#belowMinimum(summary.votes)) return `(${this.#valueText(t, summary)})`;
    if (this.summary === 'count') return `(${t.t('voteCount', { count: summary.votes })})`;
    return t.t('ratingSummary', { votes: summary.votes, average: t.number(summary.average, 1) });
  }

  protected override render() {
    const t = this.#strings();
    const { summary, mine } = this.#data;
    const interactive = this.#interactive;
    const preview = this.hovered || this.chosen;
    // Below the minimum of votes the stars show no average.
    const average = this.#belowMinimum(summary.votes) ? 0 : summary.average;
    const shown = preview || mine || average;
    // One tab stop where readers vote: a slider, read-only while a vote is sent and once it is
    // cast, so the control a keyboard user voted with keeps their focus and reads out the new
    // figures (ARIA 1.2 slider with aria-readonly). Where nobody votes, an image with the same words.
    const slider = this.#votable;
    const value = this.chosen
      ? `${t.t('ratingChoice', { count: this.chosen })}, ${t.t('ratingChoiceHint')}`
      : `${mine ? `${t.t('ratingYours', { rating: mine })}; ` : ''}${this.#valueText(t, summary)}`;
    const control = html`<div
      part="stars"
      class="stars ${interactive ? 'interactive' : ''}"
      role=${slider ? 'slider' : 'img'}
      tabindex=${slider ? 0 : nothing}
      aria-readonly=${slider && !interactive ? 'true' : nothing}
      aria-labelledby=${slider ? 'label' : nothing}
      aria-label=${slider ? nothing : `${t.t('ratingLabel')}: ${value}`}
      aria-valuemin=${slider ? 0 : nothing}
      aria-valuemax=${slider ? 5 : nothing}
      aria-valuenow=${slider ? this.chosen || mine || average : nothing}
      aria-valuetext=${slider ? value : nothing}
      @keydown=${this.#onKeyDown}
      @pointermove=${this.#onPointerMove}
      @pointerdown=${this.#onPointerDown}
      @pointerleave=${() => (this.hovered = 0)}
      @blur=${() => (this.chosen = 0)}
      @click=${this.#onClick}
    >
      ${interactive ? targets() : nothing}${picture(shown, preview !== 0, this.hovered)}
    </div>`;
    return html`
      <div part="base" class="base" aria-busy=${this.#vote.writing ? 'true' : 'false'}>
        <span part="label" id="label" class="label">${t.t('ratingLabel')}</span>
        ${control}
        <span part="summary" class="summary" aria-hidden="true">${this.#summaryText(t, summary)}</span>
        ${mine ? html`<span part="yours" class="yours">${t.t('ratingYours', { rating: mine })}</span>` : nothing}
        ${this.#vote.errorLine()}
        <span class="visually-hidden" role="status">${this.#vote.announcement}</span>
      </div>
    `;
  }
}

/** The aggregate with one more vote of `rating` (or `previous` replaced by it). */
function addVote(summary: RatingSummary, previous: number | undefined, rating: number): RatingSummary {
  const total = summary.average * summary.votes - (previous ?? 0) + rating;
  const votes = summary.votes + (previous === undefined ? 1 : 0);
  return { ...summary, votes, average: total / votes };
}

/** The five cells a reader points at or clicks, while they can vote (see the styles). */
function targets() {
  return html`<span class="targets"
    ><span class="target" data-value="1"></span><span class="target" data-value="2"></span><span class="target" data-value="3"></span
    ><span class="target" data-value="4"></span><span class="target" data-value="5"></span
  ></span>`;
}

/**
 * The stars as one SVG picture of `shown` stars (4.3: four full, the fifth filled 30%, rounded to
 * whole percents), in the preview colour while a reader chooses, the star under the pointer grown.
 */
function picture(shown: number, preview: boolean, hovered: number) {
  const fills = STARS.map((value) => Math.round(Math.min(1, Math.max(0, shown - value + 1)) * 100) / 100);
  const partial = fills.find((fill) => fill > 0 && fill < 1);
  const star = (value: number) => {
    const fill = fills[value - 1];
    return `${fill === 1 ? 'full' : fill > 0 ? 'partial' : 'empty'}${value === hovered ? ' hovered' : ''}`;
  };
  // The partly filled star's gradient runs across its 24-unit grid, as the star's own fill does.
  return html`<svg class="picture ${preview ? 'preview' : ''}" aria-hidden="true">
    ${partial === undefined
      ? nothing
      : svg`<linearGradient id="partial" gradientUnits="userSpaceOnUse" x1="0" y1="0" x2="24" y2="0"
          ><stop class="full-stop" offset=${partial}></stop><stop class="empty-stop" offset=${partial}></stop
        ></linearGradient>`}
    <g class="drawing">
    <path part="star" class=${star(1)} data-value="1" d=${STAR_PATH}></path>
    <path part="star" class=${star(2)} data-value="2" d=${STAR_PATH}></path>
    <path part="star" class=${star(3)} data-value="3" d=${STAR_PATH}></path>
    <path part="star" class=${star(4)} data-value="4" d=${STAR_PATH}></path>
    <path part="star" class=${star(5)} data-value="5" d=${STAR_PATH}></path>
    </g>
  </svg>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'article-rating': ArticleRating;
  }
  interface GlobalEventHandlersEventMap {
    'aw-rating-vote': CustomEvent<RatingVoteDetail>;
    'aw-rating-error': CustomEvent<RatingErrorDetail>;
  }
}
