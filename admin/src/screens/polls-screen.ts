import { html } from 'lit';
import type { PollView } from '../../../src/backend/backend.js';
import { Loader } from '../loader.js';
import { pollStatus } from '../poll-status.js';
import { routeHref } from '../router.js';
import { Screen } from '../screen.js';

/** Every poll, newest first: question, status, voters. */
export class PollsScreen extends Screen {
  private readonly polls = new Loader<PollView[]>(this, () => this.api.polls());

  protected override render() {
    const t = this.t;
    return html`<h1 tabindex="-1">${t.t('pollsTitle')}</h1>
      <p><a href=${routeHref({ screen: 'new-poll' })}>${t.t('navNewPoll')}</a></p>
      ${this.polls.render(t, (polls) =>
        polls.length === 0
          ? html`<p>${t.t('noPolls')}</p>`
          : html`<table>
              <caption>${t.t('pollsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">${t.t('colQuestion')}</th>
                  <th scope="col">${t.t('colPollId')}</th>
                  <th scope="col">${t.t('colStatus')}</th>
                  <th scope="col" class="number">${t.t('colVoters')}</th>
                </tr>
              </thead>
              <tbody>
                ${polls.map(
                  (poll) => html`<tr>
                    <td><a href=${routeHref({ screen: 'poll', pollId: poll.id })}>${poll.question}</a></td>
                    <td><code>${poll.id}</code></td>
                    <td>${pollStatus(t, poll)}</td>
                    <td class="number">${t.number(poll.voters ?? 0)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`,
      )}`;
  }
}
