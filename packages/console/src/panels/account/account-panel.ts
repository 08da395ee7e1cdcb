/**
 * "Your account": what the person signed in may change of their own — their name; their
 * passkeys, added and removed; a password, where an admin allows one — with their email and role
 * as the account has them, and the places they are signed in (the sessions list, their own only).
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { StaffMe } from '../../data/staff.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';
import '../admin/sessions-panel.ts';
import './name-form.ts';
import './passkeys-section.ts';
import './password-form.ts';

@customElement('rally-account-panel')
export class RallyAccountPanel extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
        margin: 1rem 0 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  /** Who is signed in. */
  @property({ attribute: false }) me: StaffMe | undefined;

  override render() {
    const me = this.me;
    if (!me) return nothing;
    const t = translations[this.locale];
    const a = t.account;
    const { account } = me;
    return html`<section aria-labelledby="details-title">
        <h2 id="details-title">${a.details}</h2>
        <rally-name-form locale=${this.locale} name=${account.name}></rally-name-form>
        <dl>
          <dt>${a.email}</dt>
          <dd>${account.email}</dd>
          <dt>${a.role}</dt>
          <dd>${t.roles[account.role] ?? account.role}</dd>
        </dl>
      </section>
      <rally-passkeys-section
        locale=${this.locale}
        email=${account.email}
        ?passwordAllowed=${account.password_allowed}
      ></rally-passkeys-section>
      ${
        account.password_allowed
          ? html`<rally-password-form
              locale=${this.locale}
              email=${account.email}
            ></rally-password-form>`
          : nothing
      }
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">${a.sessions}</h2>
        <p class="hint">${a.sessionsIntro}</p>
        ${
          // Signing in again opens a new session: the list is read again, marking the new one.
          keyed(
            me.session.id,
            html`<rally-sessions-panel locale=${this.locale} own .me=${me}></rally-sessions-panel>`,
          )
        }
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-account-panel': RallyAccountPanel;
  }
}
