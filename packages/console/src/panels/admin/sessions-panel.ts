/**
 * Sessions: your own live sessions, or (for an admin) any account's; end one. With `own` (on the
 * account screen), only your own, without the choice of account.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { doneRegion, problemRegion, when } from '../../components/templates.ts';
import { problemText } from '../../data/api.ts';
import {
  accounts,
  sessions,
  type StaffAccount,
  type StaffMe,
  type StaffSession,
} from '../../data/staff.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

@customElement('rally-sessions-panel')
export class RallySessionsPanel extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  /** Who is signed in. */
  @property({ attribute: false }) me: StaffMe | undefined;
  /** Only the sessions of the account signed in, even for an admin. */
  @property({ type: Boolean }) own = false;

  @state() private list: StaffSession[] = [];
  @state() private people: StaffAccount[] = [];
  @state() private account = '';
  @state() private problem = '';
  @state() private done = '';

  private get t() {
    return translations[this.locale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    if (this.me?.account.role === 'admin' && !this.own)
      void accounts.list().then(
        (answer) => (this.people = answer.accounts),
        () => undefined,
      );
  }

  private async load(): Promise<void> {
    try {
      this.list = (await sessions.list(this.account || undefined)).sessions;
    } catch (error) {
      this.problem = problemText(error, this.t.app.unreachable);
    }
  }

  private async onEnd(session: StaffSession): Promise<void> {
    this.problem = '';
    this.done = '';
    try {
      await sessions.end(session.id);
      this.done = this.t.admin.ended;
      if (session.current) window.location.assign('/console/sign-in');
      else await this.load();
    } catch (error) {
      this.problem = problemText(error, this.t.app.unreachable);
    }
  }

  override render() {
    const a = this.t.admin;
    return html`${
      this.people.length > 0
        ? html`<label class="card"
            >${a.sessionsOf}
            <select
              @change=${(event: Event) => {
                this.account = (event.target as HTMLSelectElement).value;
                void this.load();
              }}
            >
              <option value="">${a.mine}</option>
              ${this.people.map(
                (person) =>
                  html`<option value=${person.id}>${person.name || person.email}</option>`,
              )}
            </select>
          </label>`
        : ''
    }
    ${problemRegion(this.problem)} ${doneRegion(this.done)}
    ${
      this.list.length === 0
        ? html`<p>${a.noSessions}</p>`
        : html`<div class="table-wrap" tabindex="0" role="region" aria-label=${a.sessionsOf}>
            <table>
              <thead>
                <tr>
                  <th scope="col">${a.started}</th>
                  <th scope="col">${a.lastSeen}</th>
                  <th scope="col">${a.device}</th>
                  <th scope="col">${a.actions}</th>
                </tr>
              </thead>
              <tbody>
                ${this.list.map(
                  (session) =>
                    html`<tr>
                      <td>
                        ${when(session.created_at, this.locale)}
                        ${session.current ? html`<strong>(${a.thisSession})</strong>` : ''}
                      </td>
                      <td>${when(session.last_seen_at, this.locale)}</td>
                      <td>${session.user_agent ?? ''}</td>
                      <td>
                        <button
                          type="button"
                          class="small secondary"
                          aria-label=${a.endSession(when(session.created_at, this.locale))}
                          @click=${() => this.onEnd(session)}
                        >
                          ${a.end}
                        </button>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-sessions-panel': RallySessionsPanel;
  }
}
