/**
 * `<rally-password-form>`: sets the password of the account signed in, where an admin allows one
 * (the account screen shows it only then). Too short is refused before anything is sent; what
 * the API refuses is said beside the field, which then takes the cursor.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { doneRegion, problemRegion } from '../../components/templates.ts';
import { fieldProblemText } from '../../data/api.ts';
import { myAccount } from '../../data/staff.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

/**
 * The API's shortest password (`minimumPasswordLength` in @rally/core, whose module would bring
 * zod into the console's bundle): checked here only to say so before sending, the API decides.
 */
const minimumPasswordLength = 12;

@customElement('rally-password-form')
export class RallyPasswordForm extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  /** The address of the account, for password managers to file the password under. */
  @property() email = '';
  /** Sets the password; the API by default, a stand-in in tests. */
  @property({ attribute: false }) setPassword: (password: string) => Promise<void> =
    myAccount.setPassword;

  @state() private problem = '';
  @state() private done = '';
  @state() private busy = false;
  @query('#new-password') private input!: HTMLInputElement;

  private get t() {
    return translations[this.locale].account;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const password = this.input.value;
    this.problem = '';
    this.done = '';
    if (password.length < minimumPasswordLength) return this.refuse(this.t.passwordShort);
    this.busy = true;
    try {
      await this.setPassword(password);
      this.input.value = '';
      this.done = this.t.passwordSet;
    } catch (error) {
      await this.refuse(
        fieldProblemText(error, 'password', translations[this.locale].app.unreachable),
      );
    } finally {
      this.busy = false;
    }
  }

  /** Says what is wrong beside the field, and puts the cursor there. */
  private async refuse(message: string): Promise<void> {
    this.problem = message;
    await this.updateComplete;
    this.input.focus();
  }

  override render() {
    const t = this.t;
    return html`<section aria-labelledby="password-title">
      <h2 id="password-title">${t.passwordTitle}</h2>
      <p class="hint">${t.passwordIntro}</p>
      <form @submit=${this.onSubmit} novalidate>
        <!-- The account's address, hidden, so a password manager knows whose password this is. -->
        <input type="email" name="username" autocomplete="username" .value=${this.email} hidden />
        <label for="new-password">${t.newPassword}</label>
        <input
          id="new-password"
          name="password"
          type="password"
          autocomplete="new-password"
          required
          minlength=${minimumPasswordLength}
          aria-describedby="new-password-hint new-password-problem"
          aria-invalid=${this.problem ? 'true' : nothing}
        />
        <p class="hint" id="new-password-hint">${t.passwordHint}</p>
        ${problemRegion(this.problem, 'new-password-problem')}
        <button type="submit">${t.setPassword}</button>
        ${doneRegion(this.done)}
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-password-form': RallyPasswordForm;
  }
}
