/**
 * `<rally-unpublish-dialog>`: the confirmation step before a piece is taken off the sites. A
 * button opens a modal dialog that names the piece and says what happens — its pages leave the
 * sites after their next build, the signatures and RSVPs it gathered stay, its history keeps every
 * version to restore — with **Cancel** focused, so Enter at once keeps it. Escape or Cancel closes
 * it and focus returns to the button that opened it. What the API refuses (a region other pieces
 * still name) is said inside the dialog. Once unpublished, it fires `piece-unpublished` with the
 * API's answer, whose build the editor follows.
 */
import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { problemRegion } from '../../components/templates.ts';
import { problemText } from '../../data/api.ts';
import { contentApi, type Collection, type Published } from '../../data/content.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { dialogStyles } from '../../styles/dialog.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

/** `piece-unpublished`: the piece's files are gone; `answer` carries the build that follows. */
export class PieceUnpublishedEvent extends Event {
  readonly answer: Published;

  constructor(answer: Published) {
    super('piece-unpublished', { bubbles: true, composed: true });
    this.answer = answer;
  }
}

@customElement('rally-unpublish-dialog')
export class RallyUnpublishDialog extends LitElement {
  static override styles = [consoleStyles, dialogStyles];

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';
  @property() collection: Collection = 'spotlights';
  @property() pieceId = '';
  /** Its name or title, as the form shows it. */
  @property() name = '';
  @property({ type: Boolean }) disabled = false;
  /** Unpublishes it; the API by default, a stand-in in tests. */
  @property({ attribute: false }) unpublish: (
    collection: Collection,
    id: string,
  ) => Promise<Published> = contentApi.unpublish;

  @state() private problem = '';
  @state() private busy = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('#open') private opener!: HTMLButtonElement;
  @query('#keep') private keep!: HTMLButtonElement;
  private unpublished = false;

  private get t() {
    return translations[this.locale].content;
  }

  private open(): void {
    this.problem = '';
    this.unpublished = false;
    this.dialog.showModal();
    // The safe choice first: Enter at once keeps it published.
    this.keep.focus();
  }

  private close(): void {
    this.dialog.close();
  }

  /** Cancelled (Cancel, Escape): focus goes back to the button that opened it. */
  private onClose(): void {
    if (!this.unpublished) this.opener.focus();
  }

  private async onConfirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.problem = '';
    this.busy = true;
    try {
      const answer = await this.unpublish(this.collection, this.pieceId);
      this.unpublished = true;
      this.dialog.close();
      this.dispatchEvent(new PieceUnpublishedEvent(answer));
    } catch (error) {
      this.problem = problemText(error, translations[this.locale].app.unreachable);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = this.t;
    const name = this.name || this.pieceId;
    return html`<button
        type="button"
        id="open"
        class="secondary"
        ?disabled=${this.disabled}
        @click=${this.open}
      >
        ${t.unpublish}
      </button>
      <dialog
        aria-labelledby="unpublish-title"
        aria-describedby="unpublish-warning"
        @close=${this.onClose}
      >
        <form @submit=${this.onConfirm} novalidate>
          <h2 id="unpublish-title">${t.unpublishTitle(name)}</h2>
          <p id="unpublish-warning">${t.unpublishWarning}</p>
          ${problemRegion(this.problem, 'unpublish-problem')}
          <div class="actions">
            <button type="submit" class="danger" ?disabled=${this.busy}>
              ${this.busy ? t.unpublishing : t.unpublishConfirm}
            </button>
            <button type="button" id="keep" class="secondary" @click=${this.close}>
              ${t.unpublishCancel}
            </button>
          </div>
        </form>
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-unpublish-dialog': RallyUnpublishDialog;
  }
  interface GlobalEventHandlersEventMap {
    'piece-unpublished': PieceUnpublishedEvent;
  }
}
