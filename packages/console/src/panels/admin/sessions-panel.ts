/**
 * Sessions: your own live sessions, or (for an admin) any account's; end one. With `own` (on the
 * account screen), only your own, without the choice of account.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { doneRegion, problemRegion, when } from '../../components/templates.ts';
import { problemText } from '../../data/api.ts';
import { ListLoader } from '../../data/list-loader.ts';
import { accounts, sessions, type StaffMe, type StaffSession } from '../../data/staff.ts';
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

  /** The account whose sessions are listed; '' for one's own. */
  @state() private account = '';
  private readonly list = new ListLoader(this, {
    load: async ([account]) => (await sessions.list(account || undefined)).sessions,
    args: () => [this.account] as const,
  });
  /** The accounts an admin may choose from: none for anyone else, nor when they cannot be read. */
  private readonly people = new ListLoader(this, {
    load: async ([mayChoose]) => (mayChoose ? (await accounts.list()).accounts : []),
    args: () => [this.me?.account.role === 'admin' && !this.own] as const,
  });
  /** What the API refused of ending a session, said where the list's own problems are. */
  @state() private endProblem = '';
  @state() private done = '';

  private get t() {
    return translations[this.locale];
  }

  private async onEnd(session: StaffSession): Promise<void> {
    this.endProblem = '';
    this.done = '';
    try {
      await sessions.end(session.id);
      this.done = this.t.admin.ended;
      if (session.current) window.location.assign('/console/sign-in');
      else await this.list.reload();
    } catch (error) {
      this.endProblem = problemText(error, this.t.app.unreachable);
    }
  }

  override render() {
    const a = this.t.admin;
    const people = this.people.value ?? [];
    const list = this.list.value;
    const empty = !list ? this.t.app.loading : list.length === 0 ? a.noSessions : '';
    return html`${
      people.length > 0
        ? html`<label class="card"
            >${a.sessionsOf}
            <select
              @change=${(event: Event) => {
                this.account = (event.target as HTMLSelectElement).value;
              }}
            >
              <option value="">${a.mine}</option>
              ${people.map(
                (person) =>
                  html`<option value=${person.id}>${person.name || person.email}</option>`,
              )}
            </select>
          </label>`
        : ''
    }
    ${problemRegion(this.endProblem || this.list.problem(this.t.app.unreachable))}
    ${doneRegion(this.done)}
    ${
      empty
        ? html`<p>${empty}</p>`
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
                ${(list ?? []).map(
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
