import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../../../widgets/src/internal/expect-accessible.ts';
import { ApiProblem } from '../../data/api.ts';
import './name-form.ts';

afterEach(() => document.body.replaceChildren());

async function mount(rename: (name: string) => Promise<unknown>, locale: 'en' | 'es' = 'en') {
  const form = document.createElement('rally-name-form');
  form.locale = locale;
  form.name = 'R. Ortiz';
  form.rename = rename;
  const changes: string[] = [];
  form.addEventListener('account-changed', (event) => changes.push(event.type));
  document.body.append(form);
  await form.updateComplete;
  return { form, changes };
}

test('saves the name, trimmed, says so, and tells the console', async () => {
  const sent: string[] = [];
  const { form, changes } = await mount(async (name) => sent.push(name));
  const field = page.getByLabelText('Your name');
  await expect.element(field).toHaveValue('R. Ortiz');
  await expect.element(field).toHaveAccessibleDescription(/As colleagues see it/);
  await expectAccessible(form);

  await userEvent.fill(field, '  Rosa Ortiz ');
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByRole('status')).toHaveTextContent('Your name is saved.');
  expect(sent).toEqual(['Rosa Ortiz']);
  expect(changes).toEqual(['account-changed']);
});

test('an empty name is refused beside the field before anything is sent', async () => {
  const sent: string[] = [];
  const { form } = await mount(async (name) => sent.push(name), 'es');
  const field = page.getByLabelText('Tu nombre');
  await userEvent.fill(field, '   ');
  await userEvent.click(page.getByRole('button', { name: 'Guardar tu nombre' }));
  await expect.element(page.getByRole('alert')).toHaveTextContent('Escribe tu nombre.');
  await expect.element(field).toHaveAttribute('aria-invalid', 'true');
  await expect.element(field).toHaveAccessibleDescription(/Escribe tu nombre\./);
  await expect.poll(() => form.shadowRoot!.activeElement?.id).toBe('name');
  expect(sent).toEqual([]);
});

test('what the API refuses about the field is said beside it, and the cursor goes there', async () => {
  const { form, changes } = await mount(async () => {
    throw new ApiProblem(422, 'Some fields need attention: name.', [
      { path: 'name', message: 'Use at most 100 characters.' },
    ]);
  });
  const field = page.getByLabelText('Your name');
  await userEvent.fill(field, 'Rosa');
  await userEvent.click(page.getByRole('button', { name: 'Save your name' }));
  await expect.element(page.getByRole('alert')).toHaveTextContent('Use at most 100 characters.');
  await expect.element(field).toHaveAccessibleDescription(/Use at most 100 characters\./);
  await expect.poll(() => form.shadowRoot!.activeElement?.id).toBe('name');
  await expect.element(page.getByRole('status')).toHaveTextContent('');
  expect(changes).toEqual([]);
});
