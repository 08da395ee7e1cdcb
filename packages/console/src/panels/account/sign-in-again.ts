/**
 * `<rally-sign-in-again>`: signing in again to confirm it is you, before something a session left
 * open must not do alone (removing a passkey). A passkey first; where an admin allows the account
 * a password, a password field too. Once signed in — a new session, replacing this one — it fires
 * `signed-in-again`; what is refused is said beside it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { problemRegion } from '../../components/templates.ts';
import { problemText } from '../../data/api.ts';
import { passkeyCancelled, signInWithPasskey, signInWithPassword } from '../../data/staff.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

/** `signed-in-again`: a new session has just been opened by a sign-in; what waited may go on. */
export class SignedInAgainEvent extends Event {
  constructor() {
    super('signed-in-again', { bubbles: true, composed: true });
  }
}

/** The two ways in: the API's, or stand-ins in tests. */
export interface SignIn {
  passkey: () => Promise<void>;
  password: (email: string, password: string) => Promise<void>;
}

export const apiSignIn: SignIn = { passkey: signInWithPasskey, password: signInWithPassword };

@customElement('rally-sign-in-again')
export class RallySignInAgain extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      form {
        margin-block-start: 1rem;
      }
    `,
  ];

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  /** The address of the account signed in, for a password sign-in. */
  @property() email = '';
  /** Whether an admin allows the account a password. */
  @property({ type: Boolean }) passwordAllowed = false;
  @property({ attribute: false }) signIn: SignIn = apiSignIn;

  @state() private problem = '';
  @state() private busy = false;

  private get t() {
    return translations[this.locale].account;
  }

  /** Puts the cursor on the first way in, as the step appears. */
  override focus(): void {
    (this.renderRoot.querySelector('button') as HTMLButtonElement | null)?.focus();
  }

  private async attempt(signIn: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.problem = '';
    this.busy = true;
    try {
      await signIn();
      this.dispatchEvent(new SignedInAgainEvent());
    } catch (error) {
      this.problem = passkeyCancelled(error)
        ? this.t.signInAgainCancelled
        : problemText(error, translations[this.locale].app.unreachable);
    } finally {
      this.busy = false;
    }
  }

  private onPassword(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const password = String(new FormData(form).get('password') ?? '');
    void this.attempt(async () => {
      await this.signIn.password(this.email, password);
      form.reset();
    });
  }

  override render() {
    const t = this.t;
    return html`<button type="button" @click=${() => this.attempt(this.signIn.passkey)}>
        ${t.signInAgain}
      </button>
      ${
        this.passwordAllowed
          ? html`<form @submit=${this.onPassword} novalidate>
              <label for="again-password">${t.signInAgainPassword}</label>
              <input
                id="again-password"
                name="password"
                type="password"
                autocomplete="current-password"
                aria-describedby="again-problem"
              />
              <button type="submit" class="secondary">${t.signInAgainSubmit}</button>
            </form>`
          : nothing
      }
      ${problemRegion(this.problem, 'again-problem')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-sign-in-again': RallySignInAgain;
  }
  interface GlobalEventHandlersEventMap {
    'signed-in-again': SignedInAgainEvent;
  }
}
