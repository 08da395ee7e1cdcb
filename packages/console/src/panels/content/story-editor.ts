/**
 * `<rally-story-editor>`: a piece's story, below its front matter. Plain Markdown opens in the
 * editor with formatting (`markdown-editor.ts`, loaded the first time a story is shown); a story
 * holding MDX beyond Markdown — the `{/* … *\/}` placeholder `pnpm new` writes, a component —
 * opens as plain text, since the editor would rewrite what it does not know. Either way it fires
 * `input` with the story in `value`, and says the schema's or the API's message under itself.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consoleStyles } from '../../styles/console.styles.ts';
import { translations, type ConsoleLocale } from '../../translations/index.ts';
import type { Format, MarkdownEditor } from './markdown-editor.ts';

/** Whether a story holds MDX beyond Markdown: an expression, a tag, an import or an export. */
export function beyondMarkdown(story: string): boolean {
  return /[{}<]/.test(story) || /^(import|export)\s/m.test(story);
}

const formats: Format[] = ['bold', 'italic', 'heading', 'bulletList', 'orderedList', 'quote'];

@customElement('rally-story-editor')
export class RallyStoryEditor extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        margin-block: 0.25rem;
      }
      .toolbar button {
        min-block-size: 2.75rem;
        min-inline-size: 2.75rem;
        padding-inline: 0.5rem;
      }
      .editor {
        border: 1px solid var(--rally-border, #667085);
        border-radius: var(--rally-radius, 0.375rem);
        background: #fff;
      }
      .editor .ProseMirror {
        min-block-size: 10rem;
        padding: 0.5rem 0.75rem;
        white-space: pre-wrap;
        overflow-wrap: break-word;
      }
      .editor .ProseMirror:focus-visible {
        outline: 3px solid var(--rally-focus, #1d4ed8);
        outline-offset: 2px;
      }
      .editor .ProseMirror[aria-invalid='true'] {
        box-shadow: inset 0 0 0 2px var(--rally-danger, #b42318);
      }
      textarea {
        min-block-size: 12rem;
        inline-size: 100%;
        font-family: ui-monospace, monospace;
      }
      .label {
        margin: 0;
        font-weight: 600;
      }
      .mode {
        margin-block-start: 0.25rem;
      }
      .field-problem {
        margin: 0.25rem 0 0;
        color: var(--rally-danger, #b42318);
        font-weight: 600;
      }
      .field-problem:empty {
        display: none;
      }
    `,
  ];

  @property() locale: ConsoleLocale = 'en';
  /** The language the story is written in. */
  @property() language = 'en';
  @property() label = '';
  @property() value = '';
  /** The message under the story, from the schema or the API. */
  @property() problem = '';
  /** Plain text asked for by the person writing, even for plain Markdown. */
  @state() private plain = false;
  @state() private loading = false;
  @query('.editor') private mount?: HTMLElement;
  @query('textarea') private textarea?: HTMLTextAreaElement;
  private editor: MarkdownEditor | undefined;
  /** Beyond Markdown when opened: stays plain text while open, even once the MDX is removed. */
  private mdx: boolean | undefined;

  private get t() {
    return translations[this.locale].content;
  }

  private get rich(): boolean {
    this.mdx ??= beyondMarkdown(this.value);
    return !this.mdx && !this.plain;
  }

  override focus(): void {
    if (this.editor) this.editor.focus();
    else this.textarea?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.closeEditor();
  }

  protected override async updated(): Promise<void> {
    if (this.rich && !this.editor && !this.loading && this.mount) await this.openEditor();
    if (this.editor) {
      const editable = this.editor.editable;
      if (this.problem) editable.setAttribute('aria-invalid', 'true');
      else editable.removeAttribute('aria-invalid');
    }
  }

  private async openEditor(): Promise<void> {
    this.loading = true;
    try {
      const { createMarkdownEditor } = await import('./markdown-editor.ts');
      const mount = this.mount;
      if (!mount || !this.rich) return;
      this.editor = await createMarkdownEditor(
        mount,
        this.value,
        { 'aria-labelledby': 'label', 'aria-describedby': 'hint problem', lang: this.language },
        (markdown) => this.change(markdown),
      );
    } finally {
      this.loading = false;
    }
  }

  private async closeEditor(): Promise<void> {
    const editor = this.editor;
    this.editor = undefined;
    await editor?.destroy();
    this.mount?.replaceChildren();
  }

  private change(value: string): void {
    this.value = value;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  private async switchMode(): Promise<void> {
    await this.closeEditor();
    this.plain = !this.plain;
    await this.updateComplete;
    this.focus();
  }

  override render() {
    const t = this.t;
    const rich = this.rich;
    const hint = this.mdx ? t.storyMdx : t.storyHint;
    return html`${
        rich
          ? html`<p class="label" id="label">${this.label}</p>`
          : html`<label id="label" for="plain">${this.label}</label>`
      }
      <p class="hint" id="hint">${hint}</p>
      ${
        rich
          ? html`<div class="toolbar" role="group" aria-label=${t.formatting}>
                ${formats.map(
                  (format) =>
                    html`<button
                      type="button"
                      class="secondary"
                      ?disabled=${!this.editor}
                      @click=${() => this.editor?.format(format)}
                    >
                      ${t[format]}
                    </button>`,
                )}
              </div>
              ${this.loading ? html`<p class="hint" role="status">${t.loadingEditor}</p>` : nothing}
              <div class="editor"></div>`
          : html`<textarea
              id="plain"
              lang=${this.language}
              .value=${this.value}
              aria-describedby="hint problem"
              aria-invalid=${this.problem ? 'true' : nothing}
              @input=${(event: Event) => this.change((event.target as HTMLTextAreaElement).value)}
              @blur=${() => this.dispatchEvent(new Event('blur-story', { bubbles: true, composed: true }))}
            ></textarea>`
      }
      <p class="field-problem" id="problem">${this.problem}</p>
      ${
        this.mdx
          ? nothing
          : html`<button type="button" class="secondary mode" @click=${this.switchMode}>
              ${rich ? t.plainText : t.richText}
            </button>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rally-story-editor': RallyStoryEditor;
  }
}
