import { html } from 'lit';
import { state } from 'lit/decorators.js';
import type { RatingSummary } from '../../../src/backend/backend.js';
import { downloadCsv, toCsv } from '../csv.js';
import { Loader } from '../loader.js';
import { Screen } from '../screen.js';

type Column = keyof RatingSummary;

/** The articles whose id contains `query` (any case), sorted by a column; ties by id. */
export function ratingRows(ratings: readonly RatingSummary[], query: string, column: Column, descending: boolean): RatingSummary[] {
  const needle = query.trim().toLowerCase();
  const byId = (a: RatingSummary, b: RatingSummary) => a.articleId.localeCompare(b.articleId);
  const compare = column === 'articleId' ? byId : (a: RatingSummary, b: RatingSummary) => a[column] - b[column] || byId(a, b);
  return ratings
    .filter((rating) => rating.articleId.toLowerCase().includes(needle))
    .sort((a, b) => (descending ? -compare(a, b) : compare(a, b)));
}

/** Every rated article, with its votes and average: searchable by id, sortable, exportable. */
export class RatingsScreen extends Screen {
  @state() private query = '';
  @state() private column: Column = 'votes';
  @state() private descending = true;
  private readonly ratings = new Loader<RatingSummary[]>(this, () => this.api.ratings());

  private sortBy(column: Column): void {
    // A second click on the same column turns the order round; a new column starts with the most.
    this.descending = column === this.column ? !this.descending : column !== 'articleId';
    this.column = column;
  }

  private exportCsv(rows: RatingSummary[]): void {
    downloadCsv('ratings.csv', toCsv(['article', 'votes', 'average'], rows.map((r) => [r.articleId, r.votes, r.average])));
  }

  protected override render() {
    const t = this.t;
    return html`<h1 tabindex="-1">${t.t('ratingsTitle')}</h1>
      ${this.ratings.render(t, (ratings) => {
        if (ratings.length === 0) return html`<p>${t.t('noRatings')}</p>`;
        const rows = ratingRows(ratings, this.query, this.column, this.descending);
        const header = (column: Column, label: string, numeric: boolean) => {
          const sorted = this.column === column;
          return html`<th scope="col" class=${numeric ? 'number' : ''} aria-sort=${sorted ? (this.descending ? 'descending' : 'ascending') : 'none'}>
            <button class="sort" type="button" @click=${() => this.sortBy(column)}>
              ${label}<span aria-hidden="true">${sorted ? (this.descending ? ' ▼' : ' ▲') : ''}</span>
            </button>
          </th>`;
        };
        return html`<div class="field">
            <label for="search">${t.t('search')}</label>
            <input id="search" type="search" .value=${this.query} @input=${(e: InputEvent) => (this.query = (e.target as HTMLInputElement).value)} />
          </div>
          <div class="actions">
            <p role="status">${rows.length ? t.t('articleCount', { count: rows.length }) : t.t('noMatch', { query: this.query.trim() })}</p>
            <button class="secondary" type="button" @click=${() => this.exportCsv(rows)}>${t.t('exportCsv')}</button>
          </div>
          <table>
            <caption>${t.t('ratingsCaption')}</caption>
            <thead>
              <tr>
                ${header('articleId', t.t('colArticle'), false)} ${header('votes', t.t('colVotes'), true)}
                ${header('average', t.t('colAverage'), true)}
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (r) => html`<tr>
                  <td><code>${r.articleId}</code></td>
                  <td class="number">${t.number(r.votes)}</td>
                  <td class="number">${t.number(r.average, 2)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`;
      })}`;
  }
}
