/**
 * `<rally-erase-dialog>`: the confirmation step before a person is erased on request. A button
 * opens a modal dialog that names the person and asks for their email (their name, for someone
 * without one), typed, before **Erase for good** does anything; Escape or **Cancel** closes it,
 * and focus returns to the button that opened it. The erasure itself is `erase`, the API by
 * default; what it refuses is said inside the dialog. Once erased, it fires `person-erased`.
 */
import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { problemRegion } from '../../components/templates.ts';
import { problemText } from '../../data/api.ts';
import { people } from '../../data/people.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { dialogStyles } from '../../styles/dialog.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

/** `person-erased`: the person is gone; the screen leaves their record. */
export class PersonErasedEvent extends Event {
  readonly personId: string;

  constructor(personId: string) {
    super('person-erased', { bubbles: true, composed: true });
    this.personId = personId;
  }
}

@customElement('rally-erase-dialog')
export class RallyEraseDialog extends LitElement {
  static override styles = [consoleStyles, dialogStyles];

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  @property() personId = '';
  /** Their name as the screen shows it. */
  @property() name = '';
  /** Their email, which confirming asks for; empty when they have none, and then their name. */
  @property() email = '';
  /** Erases them; the API by default, a stand-in in tests. */
  @property({ attribute: false }) erase: (personId: string) => Promise<void> = people.erase;

  @state() private problem = '';
  @state() private busy = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('#open') private opener!: HTMLButtonElement;
  @query('#typed') private typed!: HTMLInputElement;

  private get t() {
    return translations[this.locale].person;
  }

  private open(): void {
    this.problem = '';
    this.typed.value = '';
    this.typed.removeAttribute('aria-invalid');
    this.dialog.showModal();
    this.typed.focus();
  }

  private close(): void {
    this.dialog.close();
  }

  /** However it closed (Cancel, Escape), focus goes back to the button that opened it. */
  private onClose(): void {
    this.opener.focus();
  }

  private async onConfirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const typed = this.typed.value.trim().toLowerCase();
    if (typed !== this.confirmation.trim().toLowerCase()) {
      this.problem = this.email ? this.t.eraseMismatch : this.t.eraseNameMismatch;
      this.typed.setAttribute('aria-invalid', 'true');
      this.typed.focus();
      return;
    }
    this.problem = '';
    this.busy = true;
    try {
      await this.erase(this.personId);
      this.dialog.close();
      this.dispatchEvent(new PersonErasedEvent(this.personId));
    } catch (error) {
      this.problem = problemText(error, translations[this.locale].app.unreachable);
    } finally {
      this.busy = false;
    }
  }

  /** What is typed to confirm: their email, or their name as shown for someone without one. */
  private get confirmation(): string {
    return this.email || this.name;
  }

  override render() {
    const t = this.t;
    return html`<button type="button" id="open" class="secondary" @click=${this.open}>
        ${t.erase}
      </button>
      <dialog aria-labelledby="erase-title" aria-describedby="erase-warning" @close=${this.onClose}>
        <form @submit=${this.onConfirm} novalidate>
          <h2 id="erase-title">${t.eraseTitle(this.name)}</h2>
          <p id="erase-warning">${t.eraseWarning(this.name)}</p>
          <label for="typed"
            >${this.email ? t.eraseType(this.email) : t.eraseTypeName(this.name)}</label
          >
          <input
            id="typed"
            name="typed"
            type=${this.email ? 'email' : 'text'}
            autocomplete="off"
            spellcheck="false"
            required
            aria-describedby="erase-problem"
          />
          ${problemRegion(this.problem, 'erase-problem')}
          <div class="actions">
            <button type="submit" class="danger">${t.eraseConfirm}</button>
            <button type="button" class="secondary" @click=${this.close}>${t.eraseCancel}</button>
          </div>
        </form>
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-erase-dialog': RallyEraseDialog;
  }
  interface GlobalEventHandlersEventMap {
    'person-erased': PersonErasedEvent;
  }
}
