/**
 * The sign-in screen: a passkey first (the browser offers the ones it holds for this site), and a
 * password form one link away, which the API refuses, saying why, unless an admin allowed one.
 */
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { problemRegion } from '../../components/templates.ts';
import { problemText } from '../../data/api.ts';
import { passkeyCancelled, signInWithPasskey, signInWithPassword } from '../../data/staff.ts';
import { SignedInEvent } from '../../events/signed-in-event.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

@customElement('rally-sign-in-panel')
export class RallySignInPanel extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';

  @state() private usePassword = false;
  @state() private working = false;
  @state() private passkeyProblem = '';
  @state() private passwordProblem = '';

  private get t() {
    return translations[this.locale];
  }

  private async onPasskey(): Promise<void> {
    this.passkeyProblem = '';
    this.working = true;
    try {
      await signInWithPasskey();
      this.dispatchEvent(new SignedInEvent());
    } catch (error) {
      this.passkeyProblem = passkeyCancelled(error)
        ? this.t.signIn.cancelled
        : problemText(error, this.t.app.unreachable);
    } finally {
      this.working = false;
    }
  }

  private async onPassword(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.passwordProblem = '';
    this.working = true;
    try {
      await signInWithPassword(String(form.get('email')), String(form.get('password')));
      this.dispatchEvent(new SignedInEvent());
    } catch (error) {
      this.passwordProblem = problemText(error, this.t.app.unreachable);
    } finally {
      this.working = false;
    }
  }

  private async toggle(): Promise<void> {
    this.usePassword = !this.usePassword;
    await this.updateComplete;
    (
      this.renderRoot.querySelector(this.usePassword ? 'input' : '#passkey') as HTMLElement
    )?.focus();
  }

  override render() {
    const t = this.t.signIn;
    return html`<div class="card">
      <p>${t.intro}</p>
      <div class="row">
        <button id="passkey" type="button" ?disabled=${this.working} @click=${this.onPasskey}>
          ${t.passkey}
        </button>
      </div>
      ${problemRegion(this.passkeyProblem)}
      <p>
        <button class="link" type="button" aria-expanded=${this.usePassword} @click=${this.toggle}>
          ${t.usePassword}
        </button>
      </p>
      ${
        this.usePassword
          ? html`<form @submit=${this.onPassword}>
              <p class="hint">${t.passwordIntro}</p>
              <label
                >${t.email} <input name="email" type="email" autocomplete="username" required
              /></label>
              <label
                >${t.password}
                <input name="password" type="password" autocomplete="current-password" required
              /></label>
              <button type="submit" ?disabled=${this.working}>${t.submit}</button>
              ${problemRegion(this.passwordProblem)}
            </form>`
          : ''
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-sign-in-panel': RallySignInPanel;
  }
}
