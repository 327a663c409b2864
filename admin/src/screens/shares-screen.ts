import { html } from 'lit';
import type { ShareCounts } from '../../../src/backend/backend.js';
import { Loader } from '../loader.js';
import { Screen } from '../screen.js';

/** The networks that any address was shared on, the most shared first. */
export function networksOf(shares: readonly ShareCounts[]): string[] {
  const totals = new Map<string, number>();
  for (const { counts } of shares) for (const [network, n] of Object.entries(counts)) totals.set(network, (totals.get(network) ?? 0) + n);
  return [...totals].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([network]) => network);
}

/** Share counts per address and network. */
export class SharesScreen extends Screen {
  private readonly shares = new Loader<ShareCounts[]>(this, () => this.api.shares());

  protected override render() {
    const t = this.t;
    return html`<h1 tabindex="-1">${t.t('sharesTitle')}</h1>
      ${this.shares.render(t, (shares) => {
        if (shares.length === 0) return html`<p>${t.t('noShares')}</p>`;
        const networks = networksOf(shares);
        return html`<div class="scroll">
          <table>
            <caption>${t.t('sharesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">${t.t('colUrl')}</th>
                ${networks.map((network) => html`<th scope="col" class="number">${network}</th>`)}
                <th scope="col" class="number">${t.t('colTotal')}</th>
              </tr>
            </thead>
            <tbody>
              ${shares.map(
                (share) => html`<tr>
                  <th scope="row" class="url"><a href=${share.url} rel="noopener noreferrer">${share.url}</a></th>
                  ${networks.map((network) => html`<td class="number">${t.number(share.counts[network] ?? 0)}</td>`)}
                  <td class="number">${t.number(share.total)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`;
      })}`;
  }
}
