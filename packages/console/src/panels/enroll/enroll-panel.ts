/**
 * The enrollment screen an invitation link opens (`/console/enroll#<token>`): whom the invitation
 * is for, the person's name (the invitation's, to confirm or type), then a passkey made on this
 * device, which creates the account and signs it in. The token stays in the fragment, which no
 * server or Referer sees. A field the API refuses says why beside it, and the cursor goes there.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { problemRegion, when } from '../../components/templates.ts';
import { ApiProblem, problemText } from '../../data/api.ts';
import { enroll, invitationInfo, passkeyCancelled, type InvitationInfo } from '../../data/staff.ts';
import { SignedInEvent } from '../../events/signed-in-event.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

/** The id of each field's input, by the name the API gives the field. */
const fieldIds: Record<string, string> = { account_name: 'account-name', name: 'passkey' };

@customElement('rally-enroll-panel')
export class RallyEnrollPanel extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  /** The invitation's token, from the link's fragment. */
  @property() token = '';

  @state() private invitation: InvitationInfo | undefined;
  @state() private problem = '';
  /** What is wrong with each field, by the name the API gives it. */
  @state() private fieldProblems: Record<string, string> = {};
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
    if (this.working) return;
    const form = new FormData(event.target as HTMLFormElement);
    const accountName = String(form.get('account_name') ?? '').trim();
    this.problem = '';
    this.fieldProblems = {};
    if (!accountName) {
      await this.showFieldProblems({ account_name: this.t.enroll.nameMissing });
      return;
    }
    this.working = true;
    try {
      await enroll(
        this.token,
        String(form.get('passkey') || this.t.enroll.defaultPasskeyName),
        accountName,
      );
      this.dispatchEvent(new SignedInEvent());
    } catch (error) {
      this.problem = passkeyCancelled(error)
        ? this.t.enroll.cancelled
        : problemText(error, this.t.app.unreachable);
      if (error instanceof ApiProblem && error.errors.length > 0) {
        const fields: Record<string, string> = {};
        for (const { path, message } of error.errors) fields[path] ??= message;
        await this.showFieldProblems(fields);
      }
    } finally {
      this.working = false;
    }
  }

  /** Says what is wrong beside each field, and puts the cursor in the first. */
  private async showFieldProblems(fields: Record<string, string>): Promise<void> {
    this.fieldProblems = fields;
    await this.updateComplete;
    const first = ['account_name', 'name'].find((field) => fields[field]);
    if (first)
      (this.renderRoot.querySelector(`#${fieldIds[first]}`) as HTMLElement | null)?.focus();
  }

  private describedBy(field: string): string {
    const id = fieldIds[field]!;
    return [`${id}-hint`, this.fieldProblems[field] ? `${id}-problem` : '']
      .filter(Boolean)
      .join(' ');
  }

  private fieldProblem(field: string) {
    const message = this.fieldProblems[field];
    return message
      ? html`<span class="problem" id=${`${fieldIds[field]}-problem`}>${message}</span>`
      : nothing;
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
    return html`<form class="card" @submit=${this.onSubmit} novalidate>
      <p>${t.intro(invitation.email, this.t.roles[invitation.role] ?? invitation.role)}</p>
      <p class="hint">${t.expires(when(invitation.expires_at, this.locale))}</p>
      <label
        >${t.name}
        <input
          id="account-name"
          name="account_name"
          autocomplete="name"
          .value=${invitation.name ?? ''}
          required
          maxlength="100"
          aria-describedby=${this.describedBy('account_name')}
          aria-invalid=${this.fieldProblems.account_name ? 'true' : nothing}
        />
        <span class="hint" id="account-name-hint">${t.nameHint}</span>
        ${this.fieldProblem('account_name')}
      </label>
      <label
        >${t.passkeyName}
        <input
          id="passkey"
          name="passkey"
          .value=${t.defaultPasskeyName}
          required
          maxlength="120"
          aria-describedby=${this.describedBy('name')}
          aria-invalid=${this.fieldProblems.name ? 'true' : nothing}
        />
        <span class="hint" id="passkey-hint">${t.passkeyHint}</span>
        ${this.fieldProblem('name')}
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
