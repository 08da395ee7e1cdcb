import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../../../widgets/src/internal/expect-accessible.ts';
import type { RallyStoryEditor } from './story-editor.ts';
import './story-editor.ts';

afterEach(() => document.body.replaceChildren());

async function mount(value: string) {
  const editor = document.createElement('rally-story-editor') as RallyStoryEditor;
  editor.label = 'Story';
  editor.value = value;
  const heard: string[] = [];
  editor.addEventListener('input', () => heard.push(editor.value));
  document.body.append(editor);
  await editor.updateComplete;
  return { editor, heard };
}

test('plain Markdown opens with formatting, and what is typed comes back as Markdown', async () => {
  const { editor, heard } = await mount('Maria has served breakfast for twelve years.');
  const story = page.getByRole('textbox', { name: 'Story' });
  await expect.element(story).toBeVisible();
  await expect.element(story).toHaveAccessibleDescription(/Blank lines between paragraphs/);
  await expectAccessible(editor);
  // Opened and left alone, the story is not rewritten.
  expect(heard).toEqual([]);

  await userEvent.click(story);
  await userEvent.keyboard('{Control>}{End}{/Control}');
  await userEvent.click(page.getByRole('button', { name: 'Bold' }));
  await userEvent.keyboard(' Together');
  await expect.poll(() => heard.at(-1)).toMatch(/twelve years\.\s?\*\*\s?Together\*\*/);
});

test('what was typed last is heard as soon as the story is left, as Publish is clicked', async () => {
  const { heard } = await mount('Maria has served breakfast for twelve years.');
  const story = page.getByRole('textbox', { name: 'Story' });
  await expect.element(story).toBeVisible();
  // Typed and left within a moment, as a quick hand clicks Publish after the last word.
  const editable = story.element() as HTMLElement;
  editable.focus();
  document.execCommand('insertText', false, 'Today ');
  await new Promise((resolve) => setTimeout(resolve, 0));
  editable.blur();
  // Heard at once, not once typing has paused: a click on Publish sends it.
  expect(heard.at(-1)).toMatch(/^Today Maria has served breakfast/);
});

test('a story with MDX beyond Markdown opens as plain text, kept as written', async () => {
  const placeholder = '{/* Write their story here, in a few short paragraphs. */}';
  const { heard } = await mount(placeholder);
  const story = page.getByRole('textbox', { name: 'Story' });
  await expect.element(story).toHaveValue(placeholder);
  await expect.element(story).toHaveAccessibleDescription(/edited as plain text/);
  await expect.element(page.getByRole('button', { name: 'Bold' })).not.toBeInTheDocument();
  await userEvent.fill(story, 'Her story.');
  expect(heard.at(-1)).toBe('Her story.');
});
