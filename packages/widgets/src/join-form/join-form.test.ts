import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { RallySubmitEvent } from '../events/rally-submit-event.ts';
import { expectAccessible } from '../internal/expect-accessible.ts';
import type { JoinPayload, RallyJoinForm } from './join-form.ts';
import './join-form.ts';

async function mount(attributes: Record<string, string> = {}): Promise<RallyJoinForm> {
  const form = document.createElement('rally-join-form');
  for (const [name, value] of Object.entries(attributes)) form.setAttribute(name, value);
  document.body.append(form);
  await form.updateComplete;
  return form;
}

function submissions(form: RallyJoinForm): JoinPayload[] {
  const payloads: JoinPayload[] = [];
  form.addEventListener('rally-submit', (event) => {
    payloads.push((event as RallySubmitEvent<JoinPayload>).payload);
  });
  return payloads;
}

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = 'en';
});

describe('rally-join-form', () => {
  it('labels every field and is accessible', async () => {
    const form = await mount();
    await expect.element(page.getByRole('textbox', { name: 'First name' })).toBeVisible();
    await expect.element(page.getByRole('textbox', { name: 'Email' })).toBeVisible();
    await expect
      .element(page.getByRole('checkbox', { name: /agree to be contacted/ }))
      .toBeVisible();
    await expectAccessible(form);
  });

  it('blocks an empty submit, explains each error and focuses the first field', async () => {
    const form = await mount();
    const payloads = submissions(form);

    await page.getByRole('button', { name: 'Join' }).click();

    const firstName = page.getByRole('textbox', { name: 'First name' });
    // Focus sits inside the shadow root; document.activeElement is only the host.
    expect(form.shadowRoot?.activeElement).toBe(firstName.element());
    await expect.element(firstName).toHaveAttribute('aria-invalid', 'true');
    await expect.element(firstName).toHaveAccessibleDescription('Please fill in this field.');
    await expect
      .element(page.getByRole('checkbox'))
      .toHaveAccessibleDescription('Please tick this box to join.');
    expect(payloads).toEqual([]);
    await expectAccessible(form);
  });

  it('sends the signup in OSDI field names when the form is complete, by keyboard alone', async () => {
    const form = await mount();
    const payloads = submissions(form);

    await userEvent.click(page.getByRole('textbox', { name: 'First name' }));
    await userEvent.keyboard('Rosa');
    await userEvent.tab();
    await userEvent.keyboard('Ortiz');
    await userEvent.tab();
    await userEvent.keyboard(' rosa@example.org ');
    await userEvent.tab();
    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');

    expect(payloads).toEqual([
      {
        person: {
          given_name: 'Rosa',
          family_name: 'Ortiz',
          email_addresses: [{ address: 'rosa@example.org' }],
        },
        consent: {
          text: 'I agree to be contacted about organizing in my workplace and community.',
        },
      },
    ]);
  });

  it('rejects an address that is not an email', async () => {
    const form = await mount();
    const payloads = submissions(form);
    await page.getByRole('textbox', { name: 'Email' }).fill('rosa at work');
    await page.getByRole('button', { name: 'Join' }).click();
    await expect
      .element(page.getByRole('textbox', { name: 'Email' }))
      .toHaveAccessibleDescription('Please enter an email address, like name@example.org.');
    expect(payloads).toEqual([]);
  });

  it('speaks Spanish when its lang says so, or when the page does', async () => {
    await mount({ lang: 'es' });
    await expect.element(page.getByRole('button', { name: 'Unirme' })).toBeVisible();
    document.body.replaceChildren();

    document.documentElement.lang = 'es-MX';
    await mount();
    await page.getByRole('button', { name: 'Unirme' }).click();
    await expect
      .element(page.getByRole('textbox', { name: 'Nombre' }))
      .toHaveAccessibleDescription('Completa este campo, por favor.');
  });
});
