import { afterEach, describe, expect, it } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { RallyActionEvent } from '../events/rally-action-event.ts';
import { expectAccessible } from '../internal/expect-accessible.ts';
import {
  mount,
  nextEvent,
  peopleWithEmail,
  resetPage,
  statusOf,
  uniqueEmail,
} from '../internal/testing.ts';
import { $waiting } from '../offline/outbox.ts';
import { $person } from '../state/person.ts';
import './join-form.ts';

afterEach(async () => {
  await commands.setApiReachable(true);
  await resetPage();
});

async function fillRequired(email: string) {
  await page.getByRole('textbox', { name: 'First name' }).fill('Rosa');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('checkbox', { name: /agree to be contacted/ }).click();
}

describe('rally-join-form', () => {
  it('labels every field, and is accessible', async () => {
    const form = await mount('rally-join-form', {
      regions: 'gulf-south=Gulf South;great-lakes=Great Lakes',
    });
    for (const name of [
      'First name',
      'Last name',
      'Email',
      'Phone (optional)',
      'ZIP or postal code',
    ]) {
      await expect.element(page.getByRole('textbox', { name })).toBeVisible();
    }
    await expect.element(page.getByRole('combobox', { name: 'Region' })).toBeVisible();
    await expect
      .element(page.getByRole('combobox', { name: 'Preferred language' }))
      .toHaveValue('en');
    await expectAccessible(form);
  });

  it('blocks an empty submit, explains each error in its language and focuses the first field', async () => {
    const form = await mount('rally-join-form', { lang: 'es' });
    await page.getByRole('button', { name: 'Unirme' }).click();
    const firstName = page.getByRole('textbox', { name: 'Nombre' });
    // Focus sits inside the shadow root; document.activeElement is only the host.
    expect(form.shadowRoot?.activeElement).toBe(firstName.element());
    await expect.element(firstName).toHaveAccessibleDescription('Completa este campo, por favor.');
    await expect.poll(() => statusOf(form)).toContain('Corrige los campos marcados');
    await expectAccessible(form);
  });

  it('joins by keyboard alone, records one person and offers a referral link', async () => {
    const form = await mount('rally-join-form', {
      region: 'gulf-south',
      sector: 'domestic-work',
      source: 'test-site',
    });
    const email = uniqueEmail();
    const joined = nextEvent<RallyActionEvent>(form, 'rally-joined');

    await userEvent.click(page.getByRole('textbox', { name: 'First name' }));
    await userEvent.keyboard('Rosa');
    await userEvent.tab();
    await userEvent.keyboard('Ortiz');
    await userEvent.tab();
    await userEvent.keyboard(email);
    await userEvent.tab(); // phone
    await userEvent.tab(); // postal code
    await userEvent.keyboard('70112');
    await userEvent.tab(); // language
    await userEvent.tab(); // consent
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{Enter}');

    const event = await joined;
    expect(event.queued).toBe(false);
    expect(event.identifiers[0]).toMatch(/^rally:/);
    await expect.poll(() => statusOf(form)).toContain('Welcome, Rosa!');
    const link = page.getByRole('textbox', { name: 'Your link' });
    await expect.element(link).toBeVisible(); // The share step loads its code when needed.
    expect((link.element() as HTMLInputElement).value).toMatch(/[?&]ref=[A-Z2-9]{8}$/);
    expect(await peopleWithEmail(email)).toBe(1);
    expect($person.get()).toMatchObject({ given_name: 'Rosa', email, remember: false });
    await expectAccessible(form);
  });

  it('shows the API’s field errors beside their fields', async () => {
    const form = await mount('rally-join-form');
    // The browser accepts "rosa@localhost"; the API wants a domain with a dot.
    await fillRequired('rosa@localhost');
    await page.getByRole('button', { name: 'Join' }).click();
    const email = page.getByRole('textbox', { name: 'Email' });
    await expect
      .element(email)
      .toHaveAccessibleDescription('Please enter an email address, like name@example.org.');
    await expect.poll(() => form.shadowRoot?.activeElement).toBe(email.element());
    await expectAccessible(form);
  });

  it('saves the signup offline and sends it exactly once when the connection returns', async () => {
    const form = await mount('rally-join-form');
    const email = uniqueEmail('offline');
    await commands.setApiReachable(false);
    await fillRequired(email);
    const queued = nextEvent<RallyActionEvent>(form, 'rally-joined');
    await page.getByRole('button', { name: 'Join' }).click();

    expect((await queued).queued).toBe(true);
    await expect.poll(() => statusOf(form)).toMatch(/saved on this device/);
    expect($waiting.get()).toBe(1);
    await expectAccessible(form);

    await commands.setApiReachable(true);
    window.dispatchEvent(new Event('online'));
    await expect.poll(() => $waiting.get()).toBe(0);
    window.dispatchEvent(new Event('online')); // A second "online" sends nothing twice.
    await expect.poll(() => peopleWithEmail(email)).toBe(1);
  });

  it('prefills from the person already known on the page, with a “Not you?” reset', async () => {
    $person.set({ given_name: 'Ana', email: 'ana@example.org', remember: false });
    await mount('rally-join-form');
    await expect.element(page.getByRole('textbox', { name: 'First name' })).toHaveValue('Ana');
    await page.getByRole('button', { name: 'Not Ana?' }).click();
    await expect.element(page.getByRole('textbox', { name: 'First name' })).toHaveValue('');
    expect($person.get()).toBeNull();
  });
});
