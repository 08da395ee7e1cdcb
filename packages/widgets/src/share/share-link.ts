import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { translate } from '../translations/index.ts';

/**
 * A link to share: the phone's share sheet where there is one (Web Share API), and a copy button
 * everywhere. Used by the join form and the petition after the person acts.
 *
 * @summary Share or copy a link.
 * @csspart link - The read-only field showing the link.
 * @csspart button - The share and copy buttons.
 */
@customElement('rally-share-link')
export class RallyShareLink extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 0.5rem;
      font: inherit;
    }
    label {
      display: grid;
      gap: 0.25rem;
      font-weight: 600;
    }
    input {
      font: inherit;
      min-block-size: 2.75rem;
      padding-inline: 0.75rem;
      border: 1px solid var(--rally-border, #6b7280);
      border-radius: var(--rally-radius, 0.375rem);
    }
    div {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    button {
      font: inherit;
      font-weight: 600;
      min-block-size: 2.75rem;
      padding-inline: 1rem;
      border: 0;
      border-radius: var(--rally-radius, 0.375rem);
      background: var(--rally-accent, #0b5fff);
      color: var(--rally-on-accent, #fff);
      cursor: pointer;
    }
    :focus-visible {
      outline: 3px solid var(--rally-focus, #1d4ed8);
      outline-offset: 2px;
    }
  `;

  /** The link to share. */
  @property() url = '';

  /** Title offered to the share sheet. */
  @property({ attribute: 'share-title' }) shareTitle = '';

  @property({ reflect: true }) override lang!: string;

  @state() private copied = false;

  private async share() {
    try {
      await navigator.share({ url: this.url, title: this.shareTitle || document.title });
    } catch {
      // The person closed the share sheet: nothing to do.
    }
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.url);
    } catch {
      // No clipboard permission: select the text so a long press or Ctrl+C copies it.
      this.renderRoot.querySelector('input')?.select();
    }
    this.copied = true;
  }

  override render() {
    const t = translate(this).share;
    return html`
      <label
        >${t.link}
        <input
          part="link"
          readonly
          .value=${this.url}
          @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}
      /></label>
      <div>
        ${
          'share' in navigator
            ? html`<button part="button" type="button" @click=${this.share}>${t.share}</button>`
            : ''
        }
        <button part="button" type="button" @click=${this.copy}>${t.copy}</button>
      </div>
      <p role="status">${this.copied ? t.copied : ''}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-share-link': RallyShareLink;
  }
}
