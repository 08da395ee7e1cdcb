/**
 * The enrollment screen an invitation link opens (`/console/enroll#<token>`): whom the invitation
 * is for, then a passkey made on this device, which creates the account and signs it in. The
 * token stays in the fragment, which no server or Referer sees.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { problemRegion, when } from '../../components/templates.ts';
import { problemText } from '../../data/api.ts';
import { enroll, invitationInfo, passkeyCancelled, type InvitationInfo } from '../../data/staff.ts';
import { SignedInEvent } from '../../events/signed-in-event.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

@customElement('rally-enroll-panel')
export class RallyEnrollPanel extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  /** The invitation's token, from the link's fragment. */
  @property() token = '';

  @state() private invitation: InvitationInfo | undefined;
  @state() private problem = '';
  @state() private working = false;

  private get t() {
    return translations[this.locale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.token) {
      this.problem = this.t.enroll.missing;
      return;
    }
    try {
      this.invitation = await invitationInfo(this.token);
    } catch (error) {
      this.problem = problemText(error, this.t.app.unreachable);
    }
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.problem = '';
    this.working = true;
    try {
      await enroll(this.token, String(form.get('passkey') || this.t.enroll.defaultPasskeyName));
      this.dispatchEvent(new SignedInEvent());
    } catch (error) {
      this.problem = passkeyCancelled(error)
        ? this.t.enroll.cancelled
        : problemText(error, this.t.app.unreachable);
    } finally {
      this.working = false;
    }
  }

  override render() {
    const t = this.t.enroll;
    const invitation = this.invitation;
    if (!invitation) {
      return html`<div class="card">
        ${this.problem ? '' : html`<p role="status">${this.t.app.loading}</p>`}
        ${problemRegion(this.problem)}
      </div>`;
    }
    return html`<form class="card" @submit=${this.onSubmit}>
      <p>${t.intro(invitation.email, this.t.roles[invitation.role] ?? invitation.role)}</p>
      <p class="hint">${t.expires(when(invitation.expires_at, this.locale))}</p>
      <label
        >${t.name}
        <input
          name="name"
          autocomplete="name"
          .value=${invitation.name ?? ''}
          readonly
          aria-describedby="name-hint"
        />
        <span class="hint" id="name-hint">${t.nameHint}</span>
      </label>
      <label
        >${t.passkeyName}
        <input
          name="passkey"
          .value=${t.defaultPasskeyName}
          required
          maxlength="120"
          aria-describedby="passkey-hint"
        />
        <span class="hint" id="passkey-hint">${t.passkeyHint}</span>
      </label>
      <button type="submit" ?disabled=${this.working}>${t.submit}</button>
      ${problemRegion(this.problem)}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-enroll-panel': RallyEnrollPanel;
  }
}
