import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../../../widgets/src/internal/expect-accessible.ts';
import { ApiProblem } from '../../data/api.ts';
import type { Collection, Published } from '../../data/content.ts';
import { focusedId, mount, standIn } from './editor-stand-in.ts';

afterEach(() => document.body.replaceChildren());

/** A stand-in that records what is unpublished and answers as the API does, with its build. */
function unpublishing(answer: () => Promise<Partial<Published>> = async () => ({})) {
  const { api } = standIn();
  const calls: string[] = [];
  api.unpublish = async (collection: Collection, id: string) => {
    calls.push(`${collection}/${id}`);
    return { collection, id, files: [], commit: null, pushed: null, ...(await answer()) };
  };
  api.build = async () => ({
    build: {
      id: 'b2',
      status: 'done',
      sites: ['texas-gulf', 'education', 'hub'],
      pages: [],
      started_at: '',
      finished_at: '',
      seconds: 4,
      problem: null,
    },
  });
  return { api, calls };
}

/** The element inside the unpublish dialog's own shadow root that has the focus. */
const focusedInDialog = (editor: HTMLElement) =>
  editor.shadowRoot!.querySelector('rally-unpublish-dialog')!.shadowRoot!.activeElement?.id;

test('Unpublish asks first, saying what happens; Cancel is focused, and Escape keeps it', async () => {
  const { api, calls } = unpublishing();
  const editor = await mount(api);
  const opener = page.getByRole('button', { name: 'Unpublish…' });
  await userEvent.click(opener);

  const asking = page.getByRole('dialog', { name: 'Unpublish Maria Gómez?' });
  await expect.element(asking).toBeVisible();
  await expect
    .element(asking)
    .toHaveAccessibleDescription(/leave the sites after their next build/);
  await expect
    .element(asking)
    .toHaveAccessibleDescription(/The signatures and RSVPs it gathered stay/);
  // The safe choice has the focus: Enter at once keeps it published.
  await expect.poll(() => focusedInDialog(editor)).toBe('keep');
  await expectAccessible(editor);

  await userEvent.keyboard('{Escape}');
  await expect.element(asking).not.toBeInTheDocument();
  await expect.poll(() => focusedInDialog(editor)).toBe('open');
  await userEvent.keyboard('{Enter}');
  await expect.element(asking).toBeVisible();
  await userEvent.click(page.getByRole('button', { name: 'Cancel, keep it published' }));
  await expect.element(asking).not.toBeInTheDocument();
  await expect.poll(() => focusedInDialog(editor)).toBe('open');
  expect(calls).toEqual([]);
});

test('Unpublish it takes the story off and follows the build that takes it off the sites', async () => {
  const { api, calls } = unpublishing(async () => ({
    commit: 'abcdef0123456789',
    pushed: null,
    build: {
      id: 'b2',
      status: 'queued',
      sites: ['texas-gulf', 'education', 'hub'],
      pages: [],
      started_at: '',
      finished_at: null,
      seconds: null,
      problem: null,
    },
  }));
  const editor = await mount(api);
  editor.pollEvery = 10;
  await userEvent.click(page.getByRole('button', { name: 'Unpublish…' }));
  await userEvent.click(page.getByRole('button', { name: 'Unpublish it' }));

  await expect
    .element(page.getByText('Unpublished. Saved in the content history as abcdef0.'))
    .toBeVisible();
  await expect
    .element(page.getByText('The sites are updated (in 4 s): it is no longer on them.'))
    .toBeVisible();
  expect(calls).toEqual(['spotlights/maria-gomez']);
  // Nothing is published now: no Unpublish, and the cursor is where the outcome is said.
  await expect.element(page.getByRole('button', { name: 'Unpublish…' })).not.toBeInTheDocument();
  await expect.poll(() => focusedId(editor)).toBe('publish-heading');
});

test('what the API refuses is said inside the dialog, which stays open, in Spanish', async () => {
  const { api } = unpublishing(async () => {
    throw new ApiProblem(
      409,
      'The region texas-gulf is still named by spotlights/maria-gomez.',
      [],
      'still-named',
    );
  });
  await mount(api, 'maria-gomez', 'es');
  await userEvent.click(page.getByRole('button', { name: 'Retirar de los sitios…' }));
  const asking = page.getByRole('dialog', { name: '¿Retirar Maria Gómez de los sitios?' });
  await expect
    .element(asking)
    .toHaveAccessibleDescription(/firmas y confirmaciones de asistencia que reunió se conservan/);
  await userEvent.click(page.getByRole('button', { name: 'Retirarla' }));
  await expect
    .element(asking.getByRole('alert'))
    .toHaveTextContent('The region texas-gulf is still named by spotlights/maria-gomez.');
  await expect.element(asking).toBeVisible();
});
