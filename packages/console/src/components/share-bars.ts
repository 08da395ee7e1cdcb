/**
 * `<rally-share-bars>`: shares against their lines as horizontal bars (participation against
 * half, activists against a tenth, a petition against its goal). Each bar says its share and line
 * in words too; the figures' table beside it holds the rest. Widths are set through the CSSOM
 * after each render, not a `style` attribute (as Lit's styleMap writes on a first render), which
 * the console's `style-src 'self'` refuses.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

export interface ShareBar {
  label: string;
  /** 0 to 1 (more is drawn full); null when there is nobody to count. */
  share: number | null;
  /** The line to reach, 0 to 1. */
  target?: number | null;
}

@customElement('rally-share-bars')
export class RallyShareBars extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .track {
      position: relative;
      block-size: 1.25rem;
      background: #eaecf0;
      border: 1px solid #667085;
      border-radius: 0.25rem;
    }
    .fill {
      block-size: 100%;
      background: var(--rally-accent, #0b5fff);
      border-radius: 0.2rem 0 0 0.2rem;
    }
    .target {
      position: absolute;
      inset-block: -0.25rem;
      inline-size: 0;
      border-inline-start: 3px dashed #101828;
    }
  `;

  /** The bars. */
  @property({ attribute: false }) bars: ShareBar[] = [];
  /** The language numbers are written in. */
  @property() locale = 'en';
  /** Words for "the line". */
  @property() lineLabel = 'line';

  private percent(value: number): string {
    return new Intl.NumberFormat(this.locale, {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(value);
  }

  protected override updated(): void {
    for (const element of this.renderRoot.querySelectorAll<HTMLElement>('[data-at]')) {
      const at = `${Number(element.dataset.at) * 100}%`;
      if (element.classList.contains('fill')) element.style.inlineSize = at;
      else element.style.insetInlineStart = at;
    }
  }

  override render() {
    return html`<ul>
      ${this.bars.map((bar) => {
        const share = bar.share ?? 0;
        const words = `${bar.label}: ${bar.share === null ? '—' : this.percent(share)}${
          bar.target == null ? '' : ` (${this.lineLabel} ${this.percent(bar.target)})`
        }`;
        return html`<li>
          <div>${words}</div>
          <div class="track" aria-hidden="true">
            <div class="fill" data-at=${Math.min(share, 1)}></div>
            ${
              bar.target == null
                ? ''
                : html`<div class="target" data-at=${Math.min(bar.target, 1)}></div>`
            }
          </div>
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-share-bars': RallyShareBars;
  }
}
