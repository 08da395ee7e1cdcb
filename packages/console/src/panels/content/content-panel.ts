/**
 * `<rally-content-panel>`: every kind of content the sites show — member stories, events,
 * petitions, regions and sectors — each with its pieces, the languages each is written in, a link
 * to open each, and one to write a new one. For communications staff and admins.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { problemRegion } from '../../components/templates.ts';
import { ApiProblem, problemText } from '../../data/api.ts';
import {
  collections,
  contentApi,
  fixedCollections,
  type Collection,
  type PieceSummary,
} from '../../data/content.ts';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';

@customElement('rally-content-panel')
export class RallyContentPanel extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      .kinds {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
        gap: 1rem;
      }
      .kinds section {
        margin: 0;
      }
      .kinds h2 {
        margin-block-start: 0;
      }
      ul {
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0 0.5rem;
        padding-block: 0.375rem;
        border-block-end: 1px solid #d0d5dd;
      }
      .visually-hidden {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .new {
        display: inline-flex;
        align-items: center;
        min-block-size: 2.75rem;
        font-weight: 600;
      }
    `,
  ];

  @property() locale: ConsoleLocale = 'en';
  @property({ attribute: false }) api = contentApi;
  @state() private pieces: Partial<Record<Collection, PieceSummary[]>> = {};
  @state() private problem = '';
  @state() private loading = true;

  private get t() {
    return translations[this.locale].content;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const lists = await Promise.all(collections.map((collection) => this.api.list(collection)));
      this.pieces = Object.fromEntries(lists.map((list) => [list.collection, list.pieces]));
    } catch (error) {
      this.problem =
        error instanceof ApiProblem && error.status === 503
          ? error.detail || this.t.off
          : problemText(error, translations[this.locale].app.unreachable);
    } finally {
      this.loading = false;
    }
  }

  private languages(piece: PieceSummary): string {
    const names = new Intl.DisplayNames([this.locale], { type: 'language' });
    return piece.languages.map((lang) => names.of(lang) ?? lang).join(', ');
  }

  override render() {
    const t = this.t;
    return html`<p>${t.intro}</p>
      ${problemRegion(this.problem)}
      ${this.loading ? html`<p role="status">${translations[this.locale].app.loading}</p>` : nothing}
      ${
        this.problem || this.loading
          ? nothing
          : html`<div class="kinds">
              ${collections.map((collection) => {
                const pieces = this.pieces[collection] ?? [];
                const one = t.one[collection] ?? collection;
                return html`<section aria-labelledby=${`${collection}-title`}>
                  <h2 id=${`${collection}-title`}>${t.kinds[collection]}</h2>
                  ${
                    fixedCollections.includes(collection)
                      ? nothing
                      : html`<a class="new" href=${`/console/content/new/${collection}`}
                          >${t.newPiece(one)}</a
                        >`
                  }
                  ${
                    pieces.length === 0
                      ? html`<p>${t.none}</p>`
                      : html`<ul>
                          ${pieces.map(
                            (piece) =>
                              html`<li>
                                <a href=${`/console/content/${collection}/${piece.id}`}
                                  >${piece.title}</a
                                >
                                <span class="hint"
                                  ><span class="visually-hidden">${t.languages}: </span
                                  >${this.languages(piece)}</span
                                >
                              </li>`,
                          )}
                        </ul>`
                  }
                </section>`;
              })}
            </div>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-content-panel': RallyContentPanel;
  }
}
