/**
 * Invitations (admin): invite someone with a role and a scope, the link shown once with a copy
 * button, and the list of invitations waiting, used and expired.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { doneRegion, problemRegion, when } from '../../components/templates.ts';
import { problemText } from '../../data/api.ts';
import { ListLoader } from '../../data/list-loader.ts';
import { invitations, listOf, type StaffInvitation } from '../../data/staff.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

export const roles = ['admin', 'organizer', 'communications', 'partner'] as const;

@customElement('rally-invitations-panel')
export class RallyInvitationsPanel extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';

  private readonly list = new ListLoader(this, {
    load: async () => (await invitations.list()).invitations,
  });
  @state() private created: { url: string; expires_at: string } | undefined;
  @state() private problem = '';
  @state() private copied = '';

  private get t() {
    return translations[this.locale];
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const formElement = event.target as HTMLFormElement;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    this.problem = '';
    this.created = undefined;
    try {
      this.created = await invitations.create({
        email: text('email'),
        role: text('role'),
        ...(text('name') ? { name: text('name') } : {}),
        regions: listOf(text('regions')),
        sectors: listOf(text('sectors')),
        sources: listOf(text('sources')),
      });
      formElement.reset();
      await this.updateComplete;
      (this.renderRoot.querySelector('#invitation-link') as HTMLElement | null)?.focus();
      void this.list.reload();
    } catch (error) {
      this.problem = problemText(error, this.t.app.unreachable);
    }
  }

  private async copy(): Promise<void> {
    if (!this.created) return;
    await navigator.clipboard.writeText(this.created.url);
    this.copied = this.t.admin.copied;
  }

  private status(invitation: StaffInvitation): string {
    const a = this.t.admin;
    if (invitation.used_at) return a.used;
    return Date.parse(invitation.expires_at) < Date.now() ? a.expired : a.waiting;
  }

  override render() {
    const a = this.t.admin;
    return html`<form class="card" @submit=${this.onSubmit} aria-labelledby="new-invitation">
        <h2 id="new-invitation">${a.newInvitation}</h2>
        <div class="row">
          <label>${a.email} <input name="email" type="email" required autocomplete="off" /></label>
          <label>${a.name} <input name="name" autocomplete="off" /></label>
          <label
            >${a.role}
            <select name="role" required>
              ${roles.map((role) => html`<option value=${role}>${this.t.roles[role]}</option>`)}
            </select>
          </label>
        </div>
        <div class="row">
          <label
            >${a.regions} <input name="regions" aria-describedby="list-hint" autocomplete="off"
          /></label>
          <label
            >${a.sectors} <input name="sectors" aria-describedby="list-hint" autocomplete="off"
          /></label>
          <label
            >${a.sources} <input name="sources" aria-describedby="sources-hint" autocomplete="off"
          /></label>
        </div>
        <p class="hint" id="list-hint">${a.listHint}</p>
        <p class="hint" id="sources-hint">${a.sourcesHint}</p>
        <button type="submit">${a.invite}</button>
        ${problemRegion(this.problem)}
      </form>
      ${
        this.created
          ? html`<div class="card" role="region" aria-labelledby="invitation-link-label">
              <h2 id="invitation-link-label">${a.invitationLink}</h2>
              <p>${a.linkOnce}</p>
              <output id="invitation-link" tabindex="-1" aria-labelledby="invitation-link-label"
                >${this.created.url}</output
              >
              <p>${a.expires}: ${when(this.created.expires_at, this.locale)}</p>
              <button type="button" class="secondary" @click=${this.copy}>${a.copy}</button>
              ${doneRegion(this.copied)}
            </div>`
          : ''
      }
      <h2>${a.allInvitations}</h2>
      ${problemRegion(this.list.problem(this.t.app.unreachable))}
      <div class="table-wrap" tabindex="0" role="region" aria-label=${a.allInvitations}>
        <table>
          <thead>
            <tr>
              <th scope="col">${a.email}</th>
              <th scope="col">${a.role}</th>
              <th scope="col">${a.scope}</th>
              <th scope="col">${a.status}</th>
              <th scope="col">${a.expires}</th>
            </tr>
          </thead>
          <tbody>
            ${(this.list.value ?? []).map(
              (invitation) =>
                html`<tr>
                  <td>${invitation.email}</td>
                  <td>${this.t.roles[invitation.role]}</td>
                  <td>
                    ${
                      [...invitation.regions, ...invitation.sectors, ...invitation.sources].join(
                        ', ',
                      ) || a.all
                    }
                  </td>
                  <td>${this.status(invitation)}</td>
                  <td>${when(invitation.expires_at, this.locale)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-invitations-panel': RallyInvitationsPanel;
  }
}
