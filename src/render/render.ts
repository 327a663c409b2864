/**
 * `article-widgets/render`: the elements' HTML with their figures filled in, for a server, a
 * static-site build or an edge function. No DOM: strings in, a string out. What it writes is what
 * the elements upgrade from, at their final size, and what a reader without JavaScript and a
 * crawler read: the aggregate as text, the poll's question and results, the share buttons as plain
 * links. The WordPress plugin and the Hugo and Jekyll partials (cms/) write the same markup.
 *
 * ```js
 * import { fetchRatings, renderRating } from 'article-widgets/render';
 * const ratings = await fetchRatings('https://widgets.example.org/api', ['a1', 'a2']);
 * html += renderRating('a1', ratings.get('a1'), { lang: 'ru', minVotes: 3 });
 * ```
 */
import type { PollView, RatingSummary, WidgetBackend } from '../backend/backend.js';
import { HttpBackend } from '../backend/http-backend.js';
import { parsePollView, parseRatingSummary } from '../backend/shapes.js';
import { ID_PATTERN } from '../contract/ids.js';
import { percentages } from '../opinion-poll/percentages.js';
import { pollCatalogs } from '../opinion-poll/opinion-poll.messages.js';
import pollRussian from '../opinion-poll/opinion-poll.messages.ru.js';
import { defaultNetworks, networkNamed, shareUrl } from '../share-bar/networks.js';
import { shareCatalogs } from '../share-bar/share-bar.messages.js';
import shareRussian from '../share-bar/share-bar.messages.ru.js';
import { Translator } from '../internal/translator.js';
import { patientRead } from '../internal/patience.js';
import { messagesIn, type Catalog, type Catalogs } from '../internal/i18n.js';
import { renderCatalogs, type RenderStrings } from './render.messages.js';

export { fallbackStyles } from './fallback-styles.js';

/** The poll's and the share bar's strings in both languages at once: a server never fetches a string. */
const pollStrings = { en: pollCatalogs.en, more: { ru: pollRussian } };
const shareStrings = { en: shareCatalogs.en, more: { ru: shareRussian } };

const ID = new RegExp(ID_PATTERN);

export interface RenderOptions {
  /** The language of the text, as the page's `lang` ("en", "ru"); English by default. */
  lang?: string;
}

export interface RatingRenderOptions extends RenderOptions {
  /**
   * Below this many votes the average is left out (of the attributes and the text), and the
   * element is told (`min-votes`) so it keeps it hidden once it runs, until the count gets there.
   */
  minVotes?: number;
  /** `count` shows the number of votes alone. */
  summary?: 'full' | 'count';
  readonly?: boolean;
}

/** `&`, `<`, `>`, `"` and `'` as entities: safe in text and in a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#039;' })[c] as string);
}

/** ` name="value"` for each attribute given; `true` writes a bare attribute, `undefined` and `false` none. */
function attributes(list: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(list)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`))
    .join('');
}

function checkId(id: unknown, what: string): string {
  if (typeof id !== 'string' || !ID.test(id)) {
    throw new TypeError(`article-widgets/render: ${what} ${JSON.stringify(id)} is not an id (1 to 128 of A-Z a-z 0-9 _ . : ~ -, not starting with one of . : ~ -).`);
  }
  return id;
}

/**
 * Figures as the text writes them: rounded half away from zero, no grouping ("1234", "4,5"), as
 * the PHP, Hugo and Jekyll templates can write them too.
 */
function figure(t: Translator, value: number, decimals = 0): string {
  const scale = 10 ** decimals;
  let locale = 'en';
  try {
    locale = Intl.getCanonicalLocales(t.lang)[0] ?? 'en';
  } catch {
    // a malformed lang: English figures, as the elements do
  }
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: decimals }).format(Math.round(value * scale) / scale);
}

/** "8 votes", "21 голос": the plural is chosen by the number, the figure written as above. */
function votes(t: Translator<RenderStrings>, count: number): string {
  return t.t('voteCount', { count: figure(t, count) });
}

function translator<M extends Catalog>(lang: string | undefined, catalogs: Catalogs<M>): Translator<M> {
  return new Translator(lang ?? 'en', catalogs);
}

/** Whether the average may be shown: some votes, and at least `minVotes`. */
function averageShown(summary: RatingSummary | undefined, minVotes = 0): boolean {
  return !!summary && summary.votes > 0 && summary.votes >= minVotes;
}

/**
 * `<article-rating>` with its aggregate: attributes and text. Without `figures` (the backend did
 * not answer) the bare element, which loads them itself.
 */
export function renderRating(articleId: string, figures?: RatingSummary | { votes: number; average: number }, options: RatingRenderOptions = {}): string {
  checkId(articleId, 'articleId');
  const { minVotes } = options;
  if (minVotes !== undefined && !(Number.isInteger(minVotes) && minVotes >= 0)) {
    throw new TypeError(`article-widgets/render: minVotes ${JSON.stringify(minVotes)} is not a whole number of 0 or more.`);
  }
  const summary = figures && parseRatingSummary({ articleId, ...figures }, 'figures');
  const t = translator(options.lang, renderCatalogs);
  const shown = averageShown(summary, minVotes);
  let text = '';
  if (summary?.votes === 0) text = t.t('ratingUnrated');
  else if (summary && shown) text = t.t('ratingRated', { average: figure(t, summary.average, 1), votes: votes(t, summary.votes) });
  else if (summary) text = votes(t, summary.votes);
  const average = summary && (shown ? Math.round(summary.average * 100) / 100 : summary.votes === 0 ? 0 : undefined);
  return `<article-rating${attributes({
    'article-id': articleId,
    votes: summary?.votes,
    average,
    summary: options.summary,
    'min-votes': minVotes || undefined,
    readonly: options.readonly,
  })}>${escapeHtml(text)}</article-rating>`;
}

/**
 * `<opinion-poll>` with its question, options and, where the poll shows them to every reader, its
 * results (a view read without a voter id). Without `poll`, the bare element, which loads it.
 */
export function renderPoll(pollId: string, poll?: PollView, options: RenderOptions = {}): string {
  checkId(pollId, 'pollId');
  if (!poll) return `<opinion-poll${attributes({ 'poll-id': pollId })}></opinion-poll>`;
  const view = parsePollView(poll, 'poll');
  const t = translator(options.lang, pollStrings);
  const counted = translator(options.lang, renderCatalogs);
  const shown = view.options.every((option) => option.votes !== undefined);
  const counts = view.options.map((option) => option.votes ?? 0);
  const total = counts.reduce((sum, n) => sum + n, 0);
  // As the element: a multiple-choice poll's shares are of its voters (the votes when unknown).
  const base = view.voters ?? total;
  const shares = percentages(counts, view.multiple ? base : undefined);
  const items = view.options.map((option, i) => {
    const figures = shown ? ` ${figure(t, counts[i])} (${t.percent(shares[i])})` : '';
    return `\n    <li${attributes({ 'data-option': option.id, 'data-votes': shown ? counts[i] : undefined })}><span data-label>${escapeHtml(option.label)}</span>${escapeHtml(figures)}</li>`;
  });
  const lines = [
    view.closed && `<p>${escapeHtml(t.t('pollClosed'))}</p>`,
    `<p data-question><strong>${escapeHtml(view.question)}</strong></p>`,
    `<ul>${items.join('')}\n  </ul>`,
    shown && `<p>${escapeHtml(votes(counted, total))}</p>`,
    shown && view.multiple && `<p>${escapeHtml(t.t('pollBase', { count: figure(t, base) }))}</p>`,
  ].filter(Boolean);
  return `<opinion-poll${attributes({
    'poll-id': pollId,
    'data-closed': view.closed,
    'data-multiple': view.multiple ? view.maxChoices : undefined,
    'data-voters': view.multiple ? view.voters : undefined,
    'data-results': view.results === 'always' ? undefined : view.results,
    'data-closes-at': view.closesAt ?? undefined,
  })}>\n  ${lines.join('\n  ')}\n</opinion-poll>`;
}

export interface ShareBarRenderOptions extends RenderOptions {
  /** The address to share: absolute http(s). */
  url: string;
  /** The title to share. */
  title: string;
  /** The text for networks that take one; the title when absent. */
  text?: string;
  /** Which networks, in order; the language's usual ones when absent. */
  networks?: string | readonly string[];
}

/**
 * `<share-bar>` with a list of plain links, one per network, which works with no script at all:
 * each network's own share page, its values URL-encoded. A list, as the element's buttons are, so
 * the fallback's styles wrap it as the element wraps its own. Networks that need the script (copy,
 * the share sheet, Mastodon's server prompt) appear once the element runs.
 */
export function renderShareBar({ url, title, text, networks, lang }: ShareBarRenderOptions): string {
  if (typeof url !== 'string' || !/^https?:\/\/[^\s]+$/i.test(url)) {
    throw new TypeError(`article-widgets/render: renderShareBar's url ${JSON.stringify(url)} is not an absolute http(s) address.`);
  }
  const names = typeof networks === 'string' ? networks.split(/[\s,]+/).filter(Boolean) : (networks ?? defaultNetworks(lang ?? 'en'));
  const page = { url, title, text: text ?? title };
  const { shareNames } = messagesIn(lang ?? 'en', shareStrings);
  const links = names.flatMap((name) => {
    const network = networkNamed(name);
    const href = network && !network.url.includes('{instance}') ? shareUrl(network, page) : undefined;
    if (!href) return [];
    // The name as the element says it in `lang` (ВКонтакте on a Russian page).
    const label = shareNames[network!.name] ?? network!.label;
    return [`\n    <li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></li>`];
  });
  return `<share-bar${attributes({
    networks: networks === undefined ? undefined : names.join(' '),
    url,
    'share-title': title,
    'share-text': text,
  })}>\n  <ul>${links.join('')}\n  </ul>\n</share-bar>`;
}

export interface StructuredDataOptions {
  /**
   * The schema.org type of what the page reviews: Google shows stars for Book, Course, Event,
   * LocalBusiness, Movie, Product, Recipe, SoftwareApplication and a few more, never for Article or
   * BlogPosting (docs/cms.md).
   */
  type: string;
  name: string;
  url: string;
  figures?: RatingSummary | { votes: number; average: number };
  /** Below this many votes nothing is written. */
  minVotes?: number;
}

/**
 * Opt-in structured data: `<script type="application/ld+json">` with the reviewed item and its
 * AggregateRating, or '' with no votes or fewer than `minVotes`.
 */
export function renderRatingJsonLd({ type, name, url, figures, minVotes }: StructuredDataOptions): string {
  if (!/^[A-Z][A-Za-z]*$/.test(type ?? '')) throw new TypeError(`article-widgets/render: ${JSON.stringify(type)} is not a schema.org type name.`);
  const summary = figures && parseRatingSummary({ articleId: '-', ...figures }, 'figures');
  if (!summary || !averageShown(summary, minVotes)) return '';
  const data = {
    '@context': 'https://schema.org',
    '@type': type,
    name,
    url,
    aggregateRating: { '@type': 'AggregateRating', ratingValue: Math.round(summary.average * 100) / 100, ratingCount: summary.votes, bestRating: 5, worstRating: 1 },
  };
  // < > & as \u escapes, so no text can close the script element.
  const json = JSON.stringify(data).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/ld+json">${json}</script>`;
}

const backends = new Map<string, HttpBackend>();

/**
 * One HttpBackend per API URL: calls made in the same task (a template engine rendering many
 * shortcodes at once) share its batches, so their ratings come in one request.
 */
function backendFor(from: string | WidgetBackend): WidgetBackend {
  if (typeof from !== 'string') return from;
  let backend = backends.get(from);
  if (!backend) backends.set(from, (backend = new HttpBackend(from)));
  return backend;
}

/**
 * The ratings of many articles in one request (`GET /api/ratings?ids=`, 100 ids a request) from
 * the reference server's API URL, or through any backend, with the widgets' patience
 * (src/internal/patience.ts: each attempt cut at 6 s, retried twice on a network failure; `signal`
 * ends it sooner). An article whose rating could not be read is left out of the map (render it
 * without figures: the element loads them itself), and `onError` hears why.
 */
export async function fetchRatings(
  from: string | WidgetBackend,
  ids: readonly string[],
  { signal, onError }: { signal?: AbortSignal; onError?: (articleId: string, error: Error) => void } = {},
): Promise<Map<string, RatingSummary>> {
  const backend = backendFor(from);
  const unique = [...new Set(ids.map((id) => checkId(id, 'article id')))];
  const settled = await Promise.allSettled(unique.map((id) => patientRead(signal, (attempt) => backend.getRating(id, { signal: attempt }))));
  const ratings = new Map<string, RatingSummary>();
  settled.forEach((result, i) => {
    if (result.status === 'fulfilled') {
      try {
        ratings.set(unique[i], parseRatingSummary(result.value, unique[i]));
        return;
      } catch (error) {
        onError?.(unique[i], error as Error);
        return;
      }
    }
    onError?.(unique[i], result.reason as Error);
  });
  return ratings;
}

/** A poll as every reader sees it (read as `fetchRatings` reads), or undefined when it could not be read (`onError` hears why). */
export async function fetchPoll(
  from: string | WidgetBackend,
  pollId: string,
  { signal, onError }: { signal?: AbortSignal; onError?: (pollId: string, error: Error) => void } = {},
): Promise<PollView | undefined> {
  const backend = backendFor(from);
  try {
    const id = checkId(pollId, 'pollId');
    return parsePollView(await patientRead(signal, (attempt) => backend.getPoll(id, { signal: attempt })), pollId);
  } catch (error) {
    if (error instanceof TypeError && String(error.message).startsWith('article-widgets/render')) throw error;
    onError?.(pollId, error as Error);
    return undefined;
  }
}
