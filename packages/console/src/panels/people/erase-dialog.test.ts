import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../../../widgets/src/internal/expect-accessible.ts';
import { ApiProblem } from '../../data/api.ts';
import type { PersonErasedEvent } from './erase-dialog.ts';
import './erase-dialog.ts';

const personId = '5d0f4c1e-8a43-4c4e-9a51-3f1f6a0b2c11';

afterEach(() => document.body.replaceChildren());

async function mount(
  erase: (id: string) => Promise<void>,
  locale: 'en' | 'es' = 'en',
  email = 'rosa@example.org',
) {
  const dialog = document.createElement('rally-erase-dialog');
  dialog.locale = locale;
  dialog.personId = personId;
  dialog.name = 'Rosa Parks';
  dialog.email = email;
  dialog.erase = erase;
  document.body.append(dialog);
  await dialog.updateComplete;
  const erased: string[] = [];
  dialog.addEventListener('person-erased', (event: PersonErasedEvent) =>
    erased.push(event.personId),
  );
  return { dialog, erased };
}

const focused = (host: HTMLElement) => host.shadowRoot!.activeElement;

test('asks by name, erases only once their email is typed, from the keyboard alone', async () => {
  const calls: string[] = [];
  const { dialog, erased } = await mount(async (id) => {
    calls.push(id);
  });
  const opener = page.getByRole('button', { name: 'Erase on request…' });
  (opener.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');

  const asking = page.getByRole('dialog', { name: 'Erase Rosa Parks?' });
  await expect.element(asking).toBeVisible();
  await expect.element(asking).toHaveAccessibleDescription(/Rosa Parks, their signatures/);
  // Focus is in the dialog, on what it asks for.
  await expect.poll(() => focused(dialog)?.id).toBe('typed');
  await expectAccessible(dialog);

  // A wrong email erases nothing, and says why beside the field.
  await userEvent.keyboard('rosa@example.com{Enter}');
  await expect
    .element(page.getByRole('alert'))
    .toHaveTextContent('That is not their email. Type it exactly as shown to confirm.');
  await expect
    .element(page.getByLabelText('To confirm, type their email: rosa@example.org'))
    .toHaveAttribute('aria-invalid', 'true');
  expect(calls).toEqual([]);

  // The right one (any case), then the clearly worded button.
  await userEvent.fill(
    page.getByLabelText('To confirm, type their email: rosa@example.org'),
    'Rosa@Example.org',
  );
  await userEvent.keyboard('{Tab}');
  expect(focused(dialog)?.textContent?.trim()).toBe('Erase for good');
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => erased).toEqual([personId]);
  expect(calls).toEqual([personId]);
  await expect.element(asking).not.toBeInTheDocument();
});

test('Escape or Cancel keeps them, and focus returns to the button that asked', async () => {
  const calls: string[] = [];
  const { dialog } = await mount(async (id) => {
    calls.push(id);
  }, 'es');
  const opener = page.getByRole('button', { name: 'Borrar a petición…' });
  (opener.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  const asking = page.getByRole('dialog', { name: '¿Borrar a Rosa Parks?' });
  await expect.element(asking).toBeVisible();
  await userEvent.keyboard('{Escape}');
  await expect.element(asking).not.toBeInTheDocument();
  await expect.poll(() => focused(dialog)?.id).toBe('open');

  await userEvent.keyboard('{Enter}');
  await expect.element(asking).toBeVisible();
  // The field was emptied: what was typed before does not confirm.
  await expect
    .element(page.getByLabelText('Para confirmar, escribe su correo: rosa@example.org'))
    .toHaveValue('');
  await userEvent.click(page.getByRole('button', { name: 'Cancelar y conservarla' }));
  await expect.element(asking).not.toBeInTheDocument();
  await expect.poll(() => focused(dialog)?.id).toBe('open');
  expect(calls).toEqual([]);
});

test('what the API refuses is said inside the dialog, which stays open', async () => {
  const { erased } = await mount(async () => {
    throw new ApiProblem(403, 'This person is outside your regions and sectors.');
  });
  await userEvent.click(page.getByRole('button', { name: 'Erase on request…' }));
  await userEvent.fill(
    page.getByLabelText('To confirm, type their email: rosa@example.org'),
    'rosa@example.org',
  );
  await userEvent.click(page.getByRole('button', { name: 'Erase for good' }));
  await expect
    .element(page.getByRole('alert'))
    .toHaveTextContent('This person is outside your regions and sectors.');
  await expect.element(page.getByRole('dialog')).toBeVisible();
  expect(erased).toEqual([]);
});

test('asks for the name of someone without an email, in either language', async () => {
  const calls: string[] = [];
  const { erased } = await mount(
    async (id) => {
      calls.push(id);
    },
    'es',
    '',
  );
  await userEvent.click(page.getByRole('button', { name: 'Borrar a petición…' }));
  const field = page.getByLabelText('Para confirmar, escribe su nombre: Rosa Parks');
  await expect.element(field).toHaveAttribute('type', 'text');
  // Nothing typed is not an empty email matched: it erases nothing.
  await userEvent.click(page.getByRole('button', { name: 'Borrar para siempre' }));
  await expect
    .element(page.getByRole('alert'))
    .toHaveTextContent('Ese no es su nombre. Escríbelo tal como aparece para confirmar.');
  expect(calls).toEqual([]);

  await userEvent.fill(field, 'rosa parks');
  await userEvent.click(page.getByRole('button', { name: 'Borrar para siempre' }));
  await expect.poll(() => erased).toEqual([personId]);
});
