/**
 * `<rally-update-notice>`: a polite line at the top of the console once a new version has taken
 * over the page (new-version.ts), with a button to reload. It never reloads by itself, nor takes
 * the focus: someone may be halfway through a form, or checking people in at a door. The status
 * region is there from the start, empty, so screen readers announce what appears in it.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { newVersionReady } from '../new-version.ts';
import { consoleStyles } from '../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../translations/index.ts';

@customElement('rally-update-notice')
export class RallyUpdateNotice extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      .notice {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        padding: 0.5rem 1rem;
        margin-block-end: 1rem;
        background: #eff4ff;
        border: 1px solid #b2ccff;
        border-radius: var(--rally-radius, 0.375rem);
      }
      p {
        margin: 0;
      }
    `,
  ];

  /** The console's language. */
  @property() locale: ConsoleLocale = 'en';

  /** Reloads the page; a test puts its own here. */
  reload: () => void = () => location.reload();

  @state() private ready = newVersionReady();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('new-version', this.onNewVersion);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('new-version', this.onNewVersion);
  }

  private readonly onNewVersion = () => {
    this.ready = true;
  };

  override render() {
    const t = translations[this.locale].app;
    return html`<div class=${this.ready ? 'notice' : nothing} role="status">
      ${
        this.ready
          ? html`<p>${t.newVersion}</p>
              <button type="button" class="small" @click=${() => this.reload()}>
                ${t.reload}
              </button>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-update-notice': RallyUpdateNotice;
  }
}
