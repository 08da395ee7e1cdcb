import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectAccessible } from '../../../../widgets/src/internal/expect-accessible.ts';
import { ApiProblem } from '../../data/api.ts';
import type { StaffPasskey } from '../../data/staff.ts';
import type { PasskeyCalls } from './passkeys-section.ts';
import './passkeys-section.ts';

afterEach(() => document.body.replaceChildren());

const phone: StaffPasskey = {
  id: 'cGhvbmU',
  name: 'Phone',
  created_at: '2026-01-05T10:00:00Z',
  last_used_at: '2026-02-01T09:30:00Z',
};
const laptop: StaffPasskey = {
  id: 'bGFwdG9w',
  name: 'Work laptop',
  created_at: '2026-01-20T15:00:00Z',
  last_used_at: null,
};

/** Stand-ins for the API: the passkeys held, and what each call was asked. */
function api(overrides: Partial<PasskeyCalls> = {}) {
  const held = [phone, laptop];
  const removed: string[] = [];
  const calls: PasskeyCalls = {
    passkeys: async () => ({ passkeys: [...held] }),
    addPasskey: async () => undefined,
    removePasskey: async (id) => {
      removed.push(id);
      held.splice(
        held.findIndex((passkey) => passkey.id === id),
        1,
      );
    },
    ...overrides,
  };
  return { calls, removed, held };
}

async function mount(
  calls: PasskeyCalls,
  options: { locale?: 'en' | 'es'; passwordAllowed?: boolean; signIn?: () => Promise<void> } = {},
) {
  const section = document.createElement('rally-passkeys-section');
  section.locale = options.locale ?? 'en';
  section.email = 'rosa@example.org';
  section.passwordAllowed = options.passwordAllowed ?? false;
  section.calls = calls;
  section.signIn = {
    passkey: options.signIn ?? (async () => undefined),
    password: async () => undefined,
  };
  const changes: string[] = [];
  section.addEventListener('account-changed', (event) => changes.push(event.type));
  document.body.append(section);
  await section.updateComplete;
  return { section, changes };
}

const focused = (host: HTMLElement) => host.shadowRoot!.activeElement;

test('lists the passkeys, asks before removing one, and removes it from the keyboard alone', async () => {
  const { calls, removed } = api();
  const { section } = await mount(calls);
  await expect.element(page.getByRole('cell', { name: 'Work laptop' })).toBeVisible();
  await expect.element(page.getByRole('cell', { name: 'never' })).toBeVisible();
  await expectAccessible(section);

  const remove = page.getByRole('button', { name: 'Remove the passkey “Work laptop”' });
  (remove.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  const asking = page.getByRole('dialog', { name: 'Remove the passkey “Work laptop”?' });
  await expect.element(asking).toBeVisible();
  await expect.element(asking).toHaveAccessibleDescription(/no longer be able to sign in with it/);
  // The safe choice has the focus: Enter at once would keep it.
  await expect.poll(() => focused(section)?.id).toBe('keep');
  await expectAccessible(section);

  await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
  expect(focused(section)?.textContent?.trim()).toBe('Remove it');
  await userEvent.keyboard('{Enter}');
  await expect.element(asking).not.toBeInTheDocument();
  expect(removed).toEqual([laptop.id]);
  await expect
    .element(page.getByRole('status'))
    .toHaveTextContent('Passkey “Work laptop” removed.');
  await expect.element(page.getByRole('cell', { name: 'Work laptop' })).not.toBeInTheDocument();
  // Its button is gone: focus goes to the section's heading.
  await expect.poll(() => focused(section)?.id).toBe('passkeys-title');
});

test('Escape or Cancel keeps it, and focus returns to its Remove button', async () => {
  const { calls, removed } = api();
  const { section } = await mount(calls, { locale: 'es' });
  const remove = page.getByRole('button', { name: 'Quitar la llave de acceso «Phone»' });
  await userEvent.click(remove);
  const asking = page.getByRole('dialog', { name: '¿Quitar la llave de acceso «Phone»?' });
  await expect.element(asking).toBeVisible();
  await userEvent.keyboard('{Escape}');
  await expect.element(asking).not.toBeInTheDocument();
  await expect
    .poll(() => focused(section)?.getAttribute('aria-label'))
    .toBe('Quitar la llave de acceso «Phone»');

  await userEvent.keyboard('{Enter}');
  await expect.element(asking).toBeVisible();
  await userEvent.click(page.getByRole('button', { name: 'Cancelar y conservarla' }));
  await expect.element(asking).not.toBeInTheDocument();
  await expect
    .poll(() => focused(section)?.getAttribute('aria-label'))
    .toBe('Quitar la llave de acceso «Phone»');
  expect(removed).toEqual([]);
});

test('the only way in is kept: the API’s sentence is said in the dialog, which stays open', async () => {
  const { calls } = api({
    removePasskey: async () => {
      throw new ApiProblem(
        409,
        'This is your only passkey, and your account has no password to sign in with: add another passkey first, then remove this one.',
        [],
        'last-way-in',
      );
    },
  });
  await mount(calls);
  await userEvent.click(page.getByRole('button', { name: 'Remove the passkey “Phone”' }));
  await userEvent.click(page.getByRole('button', { name: 'Remove it' }));
  const said = page.getByRole('dialog').getByRole('alert');
  await expect
    .poll(() => said.query()?.textContent)
    .toMatch(/your only passkey.*add another passkey first/);
  await expect.element(page.getByRole('dialog')).toBeVisible();
  await expect.element(page.getByRole('cell', { name: 'Phone' })).toBeVisible();
});

test('asks to sign in again when the last sign-in is not recent, then removes it', async () => {
  let refusals = 1;
  const { calls, removed } = api();
  const remove = calls.removePasskey;
  calls.removePasskey = async (id) => {
    if (refusals-- > 0)
      throw new ApiProblem(403, 'For your safety, sign in again first.', [], 'sign-in-again');
    await remove(id);
  };
  let signIns = 0;
  const { section, changes } = await mount(calls, {
    passwordAllowed: true,
    signIn: async () => {
      signIns++;
    },
  });
  await userEvent.click(page.getByRole('button', { name: 'Remove the passkey “Phone”' }));
  await userEvent.click(page.getByRole('button', { name: 'Remove it' }));

  const dialog = page.getByRole('dialog');
  await expect
    .element(dialog.getByRole('alert').first())
    .toHaveTextContent(
      'To remove a passkey, sign in again first: your last sign-in was more than 10 minutes ago.',
    );
  // The way to do so is offered at once, with the keyboard on it; a password too, where allowed.
  const again = dialog.getByRole('button', { name: 'Sign in again with a passkey' });
  await expect.element(again).toBeVisible();
  await expect.element(dialog.getByLabelText('Or sign in again with your password')).toBeVisible();
  await expect
    .poll(() => focused(section)?.shadowRoot?.activeElement?.textContent?.trim())
    .toBe('Sign in again with a passkey');
  expect(removed).toEqual([]);
  await expectAccessible(section);

  await userEvent.keyboard('{Enter}');
  await expect.element(dialog).not.toBeInTheDocument();
  expect(signIns).toBe(1);
  expect(removed).toEqual([phone.id]);
  // The console reads the new session.
  expect(changes).toEqual(['account-changed']);
  await expect.element(page.getByRole('status')).toHaveTextContent('Passkey “Phone” removed.');
});

test('adds a passkey under its name; a closed prompt says nothing was made, beside the field', async () => {
  const added: string[] = [];
  let prompts = 0;
  const { calls, held } = api({
    addPasskey: async (name) => {
      if (prompts++ === 0) throw new DOMException('The prompt was closed.', 'NotAllowedError');
      added.push(name);
      held.push({ id: 'bmV3', name, created_at: '2026-03-01T08:00:00Z', last_used_at: null });
    },
  });
  await mount(calls);
  const name = page.getByLabelText('Name the new passkey');
  await expect.element(name).toHaveValue('This device');
  await userEvent.fill(name, 'Tablet at the door');
  await userEvent.click(page.getByRole('button', { name: 'Add a passkey' }));
  await expect
    .element(page.getByRole('alert').filter({ hasText: 'No passkey was made' }))
    .toBeVisible();
  await expect.element(name).toHaveAccessibleDescription(/No passkey was made/);
  expect(added).toEqual([]);

  await userEvent.click(page.getByRole('button', { name: 'Add a passkey' }));
  await expect
    .element(page.getByRole('status'))
    .toHaveTextContent('Passkey “Tablet at the door” added.');
  await expect.element(page.getByRole('cell', { name: 'Tablet at the door' })).toBeVisible();
  expect(added).toEqual(['Tablet at the door']);
  // Ready for the next device.
  await expect.element(name).toHaveValue('This device');
});
