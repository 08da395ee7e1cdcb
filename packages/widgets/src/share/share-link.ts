import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formStyles } from '../styles/form.styles.ts';
import { localeOf } from '../translations/index.ts';
import { shareLinkStrings } from './share-link.strings.ts';

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
  static override styles = [
    formStyles,
    css`
      :host {
        display: grid;
        gap: 0.5rem;
      }
      div {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
    `,
  ];

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
    const t = shareLinkStrings[localeOf(this)];
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
