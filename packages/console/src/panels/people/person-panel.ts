/**
 * One person (organizers and admins), from `GET /people/:id` (each view is recorded in the audit
 * log). Their full timeline, conversations and corrections come with the API's person endpoints.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { problemRegion, when } from '../../components/templates.ts';
import { problemText, request } from '../../data/api.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

interface PersonResource {
  given_name?: string;
  family_name?: string;
  email_addresses?: { address: string }[];
  phone_numbers?: { number: string }[];
  created_date?: string;
  custom_fields?: Record<string, unknown>;
}

@customElement('rally-person-panel')
export class RallyPersonPanel extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  /** The person's id. */
  @property() personId = '';

  @state() private person: PersonResource | undefined;
  @state() private problem = '';

  override connectedCallback(): void {
    super.connectedCallback();
    request<PersonResource>(`/people/${encodeURIComponent(this.personId)}`).then(
      (person) => (this.person = person),
      (error: unknown) =>
        (this.problem = problemText(error, translations[this.locale].app.unreachable)),
    );
  }

  override render() {
    const p = translations[this.locale].people;
    const person = this.person;
    return html`<p><a href="/console/people">${p.back}</a></p>
      ${problemRegion(this.problem)}
      ${
        person
          ? html`<section aria-labelledby="details">
              <h2 id="details">
                ${[person.given_name, person.family_name].filter(Boolean).join(' ') || p.details}
              </h2>
              <dl>
                <dt>${p.email}</dt>
                <dd>${person.email_addresses?.map((email) => email.address).join(', ')}</dd>
                <dt>${p.phone}</dt>
                <dd>${person.phone_numbers?.map((phone) => phone.number).join(', ') || '—'}</dd>
                <dt>${p.joined}</dt>
                <dd>${when(person.created_date, this.locale)}</dd>
              </dl>
              <p class="hint">${p.timelineLater}</p>
            </section>`
          : ''
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-person-panel': RallyPersonPanel;
  }
}
