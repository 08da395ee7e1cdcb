/**
 * People (organizers and admins): search by name or email, open a person, and download everyone
 * the account may see as CSV (recorded in the audit log). The search asks
 * `GET /people/search?q=`; until the API has it, the API's own answer is shown.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { problemRegion } from '../../components/templates.ts';
import { apiUrl, problemText, request } from '../../data/api.ts';
import { displayName } from '../../data/people.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

interface PersonMatch {
  id: string;
  given_name: string | null;
  family_name: string | null;
  /** None for a walk-in added at the door without one. */
  email: string | null;
  region: string | null;
  sector: string | null;
  member: boolean;
}

@customElement('rally-people-panel')
export class RallyPeoplePanel extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';

  @state() private results: PersonMatch[] | undefined;
  @state() private problem = '';

  private get t() {
    return translations[this.locale];
  }

  private async onSearch(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const q = String(new FormData(event.target as HTMLFormElement).get('q') ?? '');
    this.problem = '';
    try {
      const answer = await request<{ people: PersonMatch[] } | PersonMatch[]>('/people/search', {
        query: { q },
      });
      this.results = Array.isArray(answer) ? answer : answer.people;
    } catch (error) {
      this.results = undefined;
      this.problem = problemText(error, this.t.app.unreachable);
    }
  }

  override render() {
    const p = this.t.people;
    return html`<form class="card" role="search" @submit=${this.onSearch}>
        <div class="row">
          <label
            >${p.query}
            <input name="q" type="search" minlength="3" required aria-describedby="q-hint" />
          </label>
          <button type="submit">${p.submit}</button>
        </div>
        <p class="hint" id="q-hint">${p.queryHint}</p>
        ${problemRegion(this.problem)}
      </form>
      <p role="status">${this.results ? p.results(this.results.length) : ''}</p>
      ${
        this.results && this.results.length > 0
          ? html`<div class="table-wrap" tabindex="0" role="region" aria-label=${p.search}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">${p.name}</th>
                    <th scope="col">${p.email}</th>
                    <th scope="col">${p.region}</th>
                    <th scope="col">${p.sector}</th>
                    <th scope="col">${p.standing}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.results.map(
                    (person) =>
                      html`<tr>
                        <td>
                          <a href=${`/console/people/${person.id}`}
                            >${displayName(person, p.unnamed)}</a
                          >
                        </td>
                        <td>${person.email ?? html`<span class="hint">${p.noEmail}</span>`}</td>
                        <td>${person.region ?? ''}</td>
                        <td>${person.sector ?? ''}</td>
                        <td>${person.member ? p.member : p.supporter}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : ''
      }
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">CSV</h2>
        <p class="hint" id="export-hint">${p.exportHint}</p>
        <p>
          <a href=${apiUrl('/reports/people.csv')} download aria-describedby="export-hint"
            >${p.export}</a
          >
        </p>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-people-panel': RallyPeoplePanel;
  }
}
