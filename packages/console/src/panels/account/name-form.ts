/**
 * `<rally-name-form>`: the name of the account signed in, as colleagues see it, to change. Empty
 * is refused before anything is sent; what the API refuses is said beside the field, which then
 * takes the cursor. Once saved, it fires `account-changed` so the console's header follows.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { doneRegion, problemRegion } from '../../components/templates.ts';
import { fieldProblemText } from '../../data/api.ts';
import { myAccount } from '../../data/staff.ts';
import { AccountChangedEvent } from '../../events/account-changed-event.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

@customElement('rally-name-form')
export class RallyNameForm extends LitElement {
  static override styles = consoleStyles;

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  /** The name as it is now. */
  @property() name = '';
  /** Saves the name; the API by default, a stand-in in tests. */
  @property({ attribute: false }) rename: (name: string) => Promise<unknown> = myAccount.rename;

  @state() private problem = '';
  @state() private done = '';
  @state() private busy = false;
  @query('#name') private input!: HTMLInputElement;

  private get t() {
    return translations[this.locale].account;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const name = this.input.value.trim();
    this.problem = '';
    this.done = '';
    if (!name) return this.refuse(this.t.nameMissing);
    this.busy = true;
    try {
      await this.rename(name);
      this.input.value = name;
      this.done = this.t.nameSaved;
      this.dispatchEvent(new AccountChangedEvent());
    } catch (error) {
      await this.refuse(fieldProblemText(error, 'name', translations[this.locale].app.unreachable));
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
    return html`<form @submit=${this.onSubmit} novalidate>
      <label for="name">${t.name}</label>
      <input
        id="name"
        name="name"
        autocomplete="name"
        required
        maxlength="100"
        .value=${this.name}
        aria-describedby="name-hint name-problem"
        aria-invalid=${this.problem ? 'true' : nothing}
      />
      <p class="hint" id="name-hint">${t.nameHint}</p>
      ${problemRegion(this.problem, 'name-problem')}
      <button type="submit">${t.saveName}</button>
      ${doneRegion(this.done)}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-name-form': RallyNameForm;
  }
}
