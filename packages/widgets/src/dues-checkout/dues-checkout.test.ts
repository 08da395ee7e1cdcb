import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { RallyActionEvent } from '../events/rally-action-event.ts';
import { expectAccessible } from '../internal/expect-accessible.ts';
import {
  apiUrl,
  mount,
  nextEvent,
  placeOnLongPage,
  resetPage,
  staff,
  statusOf,
  statusRegion,
  uniqueEmail,
} from '../internal/testing.ts';
import { parseAmount } from './parse-amount.ts';
import './dues-checkout.ts';

interface DuesSummary {
  dues: { paying: number; monthly_recurring_revenue: number };
}

/** Stripe.js as the fake Stripe serves it: the page gets it from Stripe, so the test page does too. */
beforeAll(async () => {
  const script = document.createElement('script');
  script.src = `${inject('fakeStripeUrl')}/js/stripe.js`;
  await new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await commands.setApiReachable(true);
  await commands.setApiWritesAllowed(true);
  await resetPage();
});

const dues = async () => (await staff<DuesSummary>('reports/summary')).dues;

async function fillPerson(name: string, email = uniqueEmail(name.toLowerCase())) {
  await page.getByRole('textbox', { name: /^(First name|Nombre)$/ }).fill(name);
  await page.getByRole('textbox', { name: /^(Email|Correo electrónico)$/ }).fill(email);
}

describe('rally-dues-checkout', () => {
  it('offers the sliding scale per schedule, formatted for the visitor', async () => {
    const checkout = await mount('rally-dues-checkout');
    await expect
      .element(page.getByRole('radio', { name: '$10 a month Under $25,000 a year' }))
      .toBeVisible();
    await expect.element(page.getByRole('radio', { name: /^\$25 a month/ })).toBeVisible();
    await page.getByRole('radio', { name: 'Yearly' }).click();
    await expect.element(page.getByRole('radio', { name: /^\$120 a year/ })).toBeVisible();
    await page.getByRole('radio', { name: 'Once' }).click();
    await expect
      .element(page.getByRole('radio', { name: /^\$300, one payment for a year/ }))
      .toBeVisible();
    await expectAccessible(checkout);
  });

  it('speaks Spanish, with amounts written the Spanish way', async () => {
    await mount('rally-dues-checkout', { lang: 'es' });
    await expect
      .element(page.getByRole('radio', { name: '10 US$ al mes Menos de $25,000 al año' }))
      .toBeVisible();
    await page.getByRole('radio', { name: 'Otra cantidad' }).click();
    await expect.element(page.getByText('Mínimo 5 US$.')).toBeVisible();
  });

  it('takes the member from their choice through Stripe to a confirmed thank-you', async () => {
    const before = await dues();
    const checkout = await mount('rally-dues-checkout', { source: 'texas-gulf' });
    // One live region from the first render, the same through every step.
    const region = statusRegion(checkout)!;
    expect(getComputedStyle(region).display).not.toBe('none');
    placeOnLongPage(checkout);
    await page.getByRole('radio', { name: /^\$10 a month/ }).click();
    await fillPerson('Rosa');
    await page.getByRole('button', { name: 'Continue to payment' }).click();

    // Stripe's form, in the page where Stripe's frame needs to be; the heading holds focus.
    await expect.element(page.getByText('You are paying $10 a month.')).toBeVisible();
    expect(checkout.shadowRoot!.activeElement?.textContent).toBe('Payment');
    await expectAccessible(checkout);
    const paid = nextEvent<RallyActionEvent>(checkout, 'rally-dues-paid');
    await page.getByRole('button', { name: 'Pay' }).click();

    // Stripe took the card; the member is not counted until its webhook reaches the API.
    await expect.element(page.getByText(/Waiting for confirmation/)).toBeVisible();
    await expectAccessible(checkout);
    expect((await paid).identifiers[0]).toMatch(/^rally:/);
    const thanks = page.getByRole('heading', { name: 'Thank you, Rosa. Your dues are set up.' });
    await expect.element(thanks).toBeVisible();
    await expect
      .element(page.getByRole('button', { name: 'Manage your membership' }))
      .toBeVisible();
    // Focus and view on the thank-you, though the steps before it were taller.
    await expect.poll(() => checkout.shadowRoot!.activeElement).toBe(thanks.element());
    await expect.element(thanks).toBeInViewport();
    expect(statusRegion(checkout)).toBe(region);
    await expectAccessible(checkout);

    const after = await dues();
    expect(after.paying).toBe(before.paying + 1);
    expect(after.monthly_recurring_revenue).toBe(before.monthly_recurring_revenue + 1000);
  });

  it('takes an amount of the member’s own, refusing one below the floor', async () => {
    const before = await dues();
    const checkout = await mount('rally-dues-checkout');
    await page.getByRole('radio', { name: 'Another amount' }).click();
    const amount = page.getByRole('textbox', { name: 'Amount (monthly)' });
    await amount.fill('4');
    await fillPerson('Lupe');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await expect.element(page.getByText('Dues are at least $5.', { exact: true })).toBeVisible();
    await expect.element(amount).toHaveAttribute('aria-invalid', 'true');
    expect(checkout.shadowRoot!.activeElement?.getAttribute('name')).toBe('custom_amount');
    await expectAccessible(checkout);

    await amount.fill('7,50');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await expect.element(page.getByText('You are paying $7.50 a month.')).toBeVisible();
    await page.getByRole('button', { name: 'Pay' }).click();
    await expect.element(page.getByRole('heading', { name: /^Thank you, Lupe/ })).toBeVisible();
    expect((await dues()).monthly_recurring_revenue).toBe(before.monthly_recurring_revenue + 750);
  });

  it('asks for a choice before payment, in the widget’s language, with the keyboard alone', async () => {
    const checkout = await mount('rally-dues-checkout', { lang: 'es' });
    await fillPerson('Ana');
    await page.getByRole('button', { name: 'Continuar al pago' }).click();
    await expect.element(page.getByText('Elige tu cuota, por favor.')).toBeVisible();
    expect(checkout.shadowRoot!.activeElement?.getAttribute('name')).toBe('amount');
    // Arrow keys move through the radio group, as in every native one.
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(page.getByRole('radio', { name: /^25 US\$ al mes/ })).toBeChecked();
  });

  it('lets the member change their mind at the payment step', async () => {
    await mount('rally-dues-checkout');
    await page.getByRole('radio', { name: /^\$25 a month/ }).click();
    await fillPerson('Marta');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await page.getByRole('button', { name: 'Change amount' }).click();
    await page.getByRole('radio', { name: /^\$10 a month/ }).click();
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await expect.element(page.getByText('You are paying $10 a month.')).toBeVisible();
    // One payment form, for the new choice.
    expect(document.querySelectorAll('[slot="payment"] form')).toHaveLength(1);
  });

  it('says when it is offline, and that nothing was charged', async () => {
    const checkout = await mount('rally-dues-checkout');
    await page.getByRole('radio', { name: /^\$10 a month/ }).click();
    await fillPerson('Noemí', uniqueEmail('noemi'));
    await commands.setApiReachable(false);
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await expect
      .poll(() => statusOf(checkout))
      .toBe('You are offline. Paying dues needs a connection; nothing was charged.');
    await expectAccessible(checkout);
  });

  it('links the privacy notice when the page sets one', async () => {
    const checkout = await mount('rally-dues-checkout', { 'privacy-url': '/privacy/' });
    await expect
      .element(page.getByRole('link', { name: /^How we use your information/ }))
      .toHaveAttribute('href', '/privacy/');
    await expectAccessible(checkout);
  });

  it('says the organization must add this site when the API refuses the page’s origin', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const checkout = await mount('rally-dues-checkout', { lang: 'es' });
    await page.getByRole('radio', { name: /^10 US\$ al mes/ }).click();
    await fillPerson('Noemí', uniqueEmail('noemi'));
    await commands.setApiWritesAllowed(false);
    await page.getByRole('button', { name: 'Continuar al pago' }).click();
    await expect
      .poll(() => statusOf(checkout))
      .toMatch(/la organización tiene que agregar .* a su configuración de Rally/);
    expect(statusOf(checkout)).not.toMatch(/conexión/);
    expect(warn).toHaveBeenCalledTimes(1);
    await expectAccessible(checkout);
  });

  it('reads the dues again from another API when `api` changes', async () => {
    const checkout = await mount('rally-dues-checkout', { api: inject('apiWithoutStripeUrl') });
    await expect
      .element(page.getByText('Dues are not set up yet. Please check back soon.'))
      .toBeVisible();
    checkout.setAttribute('api', apiUrl);
    await expect.element(page.getByRole('radio', { name: /^\$10 a month/ })).toBeVisible();
    await expectAccessible(checkout);
  });

  it('says dues are not set up yet when the organization has no Stripe keys', async () => {
    const checkout = await mount('rally-dues-checkout', {
      api: inject('apiWithoutStripeUrl'),
      lang: 'es',
    });
    await expect
      .element(page.getByText('Las cuotas todavía no están disponibles. Vuelve pronto, por favor.'))
      .toBeVisible();
    await expectAccessible(checkout);
  });
});

describe('parseAmount', () => {
  it('reads amounts as people type them in English and in Spanish', () => {
    expect(parseAmount('15')).toBe(15);
    expect(parseAmount('15.50')).toBe(15.5);
    expect(parseAmount('15,5')).toBe(15.5);
    expect(parseAmount('1,200')).toBe(1200);
    expect(parseAmount('1.200,50')).toBe(1200.5);
    expect(parseAmount('$ 20')).toBe(20);
    expect(parseAmount('veinte')).toBeUndefined();
    expect(parseAmount('')).toBeUndefined();
  });
});
