/**
 * `<rally-passkeys-section>`: the passkeys of the account signed in — each with when it was made
 * and last used — a form to add one made on this device, and **Remove**, which asks first in a
 * modal dialog. The API refuses to remove the only way in, and asks for a recent sign-in: the
 * dialog then offers to sign in again, and removes the passkey once that is done. Escape or
 * **Cancel** closes the dialog and focus returns to the button that opened it; once removed,
 * focus goes to the section's heading, and the status region says what was done.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { doneRegion, problemRegion, when } from '../../components/templates.ts';
import { ApiProblem, problemText } from '../../data/api.ts';
import { myAccount, passkeyCancelled, type StaffPasskey } from '../../data/staff.ts';
import { AccountChangedEvent } from '../../events/account-changed-event.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { dialogStyles } from '../../styles/dialog.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';
import './sign-in-again.ts';
import { apiSignIn, type RallySignInAgain, type SignIn } from './sign-in-again.ts';

/** What the section asks of the API; stand-ins in tests. */
export type PasskeyCalls = Pick<typeof myAccount, 'passkeys' | 'addPasskey' | 'removePasskey'>;

@customElement('rally-passkeys-section')
export class RallyPasskeysSection extends LitElement {
  static override styles = [consoleStyles, dialogStyles];

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  /** The address of the account signed in, should it sign in again with a password. */
  @property() email = '';
  /** Whether an admin allows the account a password. */
  @property({ type: Boolean }) passwordAllowed = false;
  @property({ attribute: false }) calls: PasskeyCalls = myAccount;
  /** How the dialog signs in again; the API's by default. */
  @property({ attribute: false }) signIn: SignIn = apiSignIn;

  @state() private list: StaffPasskey[] | undefined;
  @state() private listProblem = '';
  @state() private addProblem = '';
  @state() private done = '';
  /** The passkey the dialog asks about. */
  @state() private removing: StaffPasskey | undefined;
  @state() private dialogProblem = '';
  /** Whether the API asked for a recent sign-in before removing it. */
  @state() private signInNeeded = false;
  @state() private busy = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('#passkeys-title') private heading!: HTMLElement;
  /** The Remove button that opened the dialog, where focus returns if nothing is removed. */
  private opener: HTMLElement | null = null;
  private removed = false;

  private get t() {
    return translations[this.locale].account;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.list = (await this.calls.passkeys()).passkeys;
      this.listProblem = '';
    } catch (error) {
      this.listProblem = problemText(error, translations[this.locale].app.unreachable);
    }
  }

  private async onAdd(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim() || this.t.defaultPasskeyName;
    this.addProblem = '';
    this.done = '';
    this.busy = true;
    try {
      await this.calls.addPasskey(name);
      form.reset();
      this.done = this.t.added(name);
      await this.load();
    } catch (error) {
      this.addProblem = passkeyCancelled(error)
        ? this.t.addCancelled
        : problemText(error, translations[this.locale].app.unreachable);
    } finally {
      this.busy = false;
    }
  }

  private async openDialog(passkey: StaffPasskey, event: Event): Promise<void> {
    this.opener = event.currentTarget as HTMLElement;
    this.removing = passkey;
    this.removed = false;
    this.dialogProblem = '';
    this.signInNeeded = false;
    this.done = '';
    await this.updateComplete;
    this.dialog.showModal();
    // The safe choice first: Enter at once keeps the passkey.
    (this.renderRoot.querySelector('#keep') as HTMLElement | null)?.focus();
  }

  /** However it closed (Cancel, Escape, removed), focus goes where the person can go on. */
  private onClose(): void {
    this.removing = undefined;
    if (this.removed) this.heading.focus();
    else this.opener?.focus();
  }

  private async onConfirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.removeChosen();
  }

  private async removeChosen(): Promise<void> {
    const passkey = this.removing;
    if (!passkey || this.busy) return;
    this.dialogProblem = '';
    this.busy = true;
    try {
      await this.calls.removePasskey(passkey.id);
      this.removed = true;
      this.done = this.t.removed(passkey.name);
      this.list = this.list?.filter((item) => item.id !== passkey.id);
      this.dialog.close();
    } catch (error) {
      this.signInNeeded = error instanceof ApiProblem && error.kind === 'sign-in-again';
      this.dialogProblem = this.signInNeeded
        ? this.t.signInAgainWhy
        : problemText(error, translations[this.locale].app.unreachable);
      if (this.signInNeeded) {
        await this.updateComplete;
        (this.renderRoot.querySelector('rally-sign-in-again') as RallySignInAgain | null)?.focus();
      }
    } finally {
      this.busy = false;
    }
  }

  /** Signed in again: the console reads the new session, and the removal asked for goes on. */
  private async onSignedInAgain(): Promise<void> {
    this.signInNeeded = false;
    this.dispatchEvent(new AccountChangedEvent());
    await this.removeChosen();
  }

  private renderList() {
    const t = this.t;
    const list = this.list;
    if (!list) return nothing;
    if (list.length === 0) return html`<p>${t.noPasskeys}</p>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t.passkeysTable}>
      <table>
        <thead>
          <tr>
            <th scope="col">${t.passkey}</th>
            <th scope="col">${t.made}</th>
            <th scope="col">${t.lastUsed}</th>
            <th scope="col">${t.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${list.map(
            (passkey) =>
              html`<tr>
                <td>${passkey.name || t.passkey}</td>
                <td>${when(passkey.created_at, this.locale)}</td>
                <td>${passkey.last_used_at ? when(passkey.last_used_at, this.locale) : t.never}</td>
                <td>
                  <button
                    type="button"
                    class="small secondary"
                    aria-label=${t.removeLabel(passkey.name || t.passkey)}
                    @click=${(event: Event) => this.openDialog(passkey, event)}
                  >
                    ${t.remove}
                  </button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderDialog() {
    const t = this.t;
    const name = this.removing ? this.removing.name || t.passkey : '';
    return html`<dialog
      aria-labelledby="remove-title"
      aria-describedby="remove-warning"
      @close=${this.onClose}
    >
      <form @submit=${this.onConfirm}>
        <h2 id="remove-title">${t.removeTitle(name)}</h2>
        <p id="remove-warning">${t.removeWarning}</p>
        ${problemRegion(this.dialogProblem)}
        <div class="actions">
          <button type="submit" class="danger">${t.removeConfirm}</button>
          <button type="button" id="keep" class="secondary" @click=${() => this.dialog.close()}>
            ${t.removeCancel}
          </button>
        </div>
      </form>
      ${
        this.signInNeeded
          ? html`<rally-sign-in-again
              locale=${this.locale}
              email=${this.email}
              ?passwordAllowed=${this.passwordAllowed}
              .signIn=${this.signIn}
              @signed-in-again=${this.onSignedInAgain}
            ></rally-sign-in-again>`
          : nothing
      }
    </dialog>`;
  }

  override render() {
    const t = this.t;
    return html`<section aria-labelledby="passkeys-title">
      <h2 id="passkeys-title" tabindex="-1">${t.passkeys}</h2>
      <p class="hint">${t.passkeysIntro}</p>
      ${problemRegion(this.listProblem)} ${doneRegion(this.done)} ${this.renderList()}
      <form @submit=${this.onAdd} novalidate>
        <label for="new-passkey">${t.newPasskeyName}</label>
        <input
          id="new-passkey"
          name="name"
          maxlength="120"
          value=${t.defaultPasskeyName}
          aria-describedby="new-passkey-hint new-passkey-problem"
        />
        <p class="hint" id="new-passkey-hint">${t.newPasskeyHint}</p>
        <button type="submit">${t.addPasskey}</button>
        ${problemRegion(this.addProblem, 'new-passkey-problem')}
      </form>
      ${this.renderDialog()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-passkeys-section': RallyPasskeysSection;
  }
}
