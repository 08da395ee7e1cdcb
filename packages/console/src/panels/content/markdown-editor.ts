/**
 * The story's editor with formatting: Milkdown (its core and CommonMark preset, without Crepe's
 * Vue, CodeMirror and KaTeX), which reads and writes Markdown through remark, so what it writes is
 * Markdown the sites' MDX compiler reads. It was measured against Tiptap with its Markdown
 * extension in the console's build (115.7 KB gzip against 141.6 KB) and adds no `<style>` element
 * or style attribute, which the console's Content-Security-Policy would refuse. Loaded only when a
 * story is opened for editing: this module is its own chunk.
 */
import {
  Editor,
  defaultValueCtx,
  editorViewCtx,
  editorViewOptionsCtx,
  rootCtx,
  serializerCtx,
} from '@milkdown/core';
import { history } from '@milkdown/plugin-history';
import { listener, listenerCtx } from '@milkdown/plugin-listener';
import {
  commonmark,
  toggleEmphasisCommand,
  toggleStrongCommand,
  wrapInBlockquoteCommand,
  wrapInBulletListCommand,
  wrapInHeadingCommand,
  wrapInOrderedListCommand,
} from '@milkdown/preset-commonmark';
import { callCommand } from '@milkdown/utils';

export type Format = 'bold' | 'italic' | 'heading' | 'bulletList' | 'orderedList' | 'quote';

export interface MarkdownEditor {
  /** Applies a format to the selection, then gives the text back the cursor. */
  format(format: Format): void;
  focus(): void;
  /** The editable element, for the attributes that change with the field (aria-invalid). */
  readonly editable: HTMLElement;
  destroy(): Promise<void>;
}

const commands = {
  bold: () => callCommand(toggleStrongCommand.key),
  italic: () => callCommand(toggleEmphasisCommand.key),
  heading: () => callCommand(wrapInHeadingCommand.key, 2),
  bulletList: () => callCommand(wrapInBulletListCommand.key),
  orderedList: () => callCommand(wrapInOrderedListCommand.key),
  quote: () => callCommand(wrapInBlockquoteCommand.key),
} satisfies Record<Format, () => unknown>;

/**
 * An editor in `root` holding `markdown`. `onChange` hears the Markdown after each change of the
 * text (not before: a story opened and left alone keeps its text exactly as it was written) —
 * a moment after typing stops, and at once when the editor is left, so that Publish, clicked
 * straight after the last word, sends it.
 */
export async function createMarkdownEditor(
  root: HTMLElement,
  markdown: string,
  attributes: Record<string, string>,
  onChange: (markdown: string) => void,
): Promise<MarkdownEditor> {
  /** The Markdown last said, to say each change once; undefined until the editor is made. */
  let said: string | undefined;
  const say = (next: string) => {
    if (said === undefined || next === said) return;
    said = next;
    onChange(next);
  };
  const editor = await Editor.make()
    .config((ctx) => {
      ctx.set(rootCtx, root);
      ctx.set(defaultValueCtx, markdown);
      ctx.update(editorViewOptionsCtx, (options) => ({
        ...options,
        attributes: { role: 'textbox', 'aria-multiline': 'true', ...attributes },
      }));
      // Milkdown says what changed once typing pauses (200 ms); leaving says it at once.
      ctx.get(listenerCtx).markdownUpdated((_ctx, next) => say(next));
      ctx
        .get(listenerCtx)
        .blur((ctx) => say(ctx.get(serializerCtx)(ctx.get(editorViewCtx).state.doc)));
    })
    .use(commonmark)
    .use(listener)
    .use(history)
    .create();
  const view = editor.ctx.get(editorViewCtx);
  // The text as the editor writes it back, not as it was opened: only a change is said.
  said = editor.ctx.get(serializerCtx)(view.state.doc);
  return {
    format(format) {
      editor.action(commands[format]());
      view.focus();
    },
    focus: () => view.focus(),
    editable: view.dom,
    destroy: async () => {
      await editor.destroy();
    },
  };
}
