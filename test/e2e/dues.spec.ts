/**
 * Dues from end to end: a member on a microsite chooses sliding-scale monthly dues, pays in the
 * (fake) Stripe checkout, Stripe's signed webhook reaches the API, and the staff summary counts
 * one more dues-paying member and the right monthly revenue. Stripe.js is routed to the local fake
 * Stripe, as there is no network; it must not be fetched before the member goes on to pay.
 */
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { micrositeUrl, ports, staffToken } from '../../playwright.config.ts';

const api = `http://127.0.0.1:${ports.api}/api/v1`;
const fakeStripe = `http://127.0.0.1:${ports.stripe}`;

interface DuesSummary {
  paying: number;
  monthly_recurring_revenue: number;
  by_source: { source: string | null; paying: number; monthly_recurring_revenue: number }[];
}

async function duesSummary(request: APIRequestContext): Promise<DuesSummary> {
  const response = await request.get(`${api}/reports/summary`, {
    headers: { 'OSDI-API-Token': staffToken },
  });
  return ((await response.json()) as { dues: DuesSummary }).dues;
}

const bySource = (summary: DuesSummary, source: string) =>
  summary.by_source.find((row) => row.source === source) ?? {
    paying: 0,
    monthly_recurring_revenue: 0,
  };

test('sliding-scale monthly dues on a microsite: paid, confirmed by webhook, counted for staff', async ({
  page,
  request,
}) => {
  // Each browser project pays on its own microsite, so their counts never mix.
  const site = test.info().project.name === 'desktop' ? 'texas-gulf' : 'florida-gulf';
  const stripeJs: string[] = [];
  await page.route('https://js.stripe.com/**', async (route) => {
    stripeJs.push(route.request().url());
    const script = await (await fetch(`${fakeStripe}/js/stripe.js`)).text();
    await route.fulfill({ body: script, contentType: 'text/javascript' });
  });
  const before = await duesSummary(request);

  await page.goto(`${micrositeUrl(site)}/dues/`);
  await page.getByRole('radio', { name: /^\$12 a month/ }).check();
  await page.getByRole('textbox', { name: 'First name' }).fill('Marisol');
  await page.getByRole('textbox', { name: 'Email' }).fill(`marisol.${randomUUID()}@example.org`);
  const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']);
  expect((await axe.analyze()).violations).toEqual([]);
  expect(stripeJs, 'Stripe.js is not loaded before the member goes on to pay').toEqual([]);

  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(page.getByText('You are paying $12 a month.')).toBeVisible();
  expect(stripeJs).toHaveLength(1);
  await page.getByRole('button', { name: 'Pay' }).click();
  await expect(
    page.getByRole('heading', { name: 'Thank you, Marisol. Your dues are set up.' }),
  ).toBeVisible();
  expect((await axe.analyze()).violations).toEqual([]);

  const after = await duesSummary(request);
  expect(after.paying).toBe(before.paying + 1);
  expect(after.monthly_recurring_revenue).toBe(before.monthly_recurring_revenue + 1200);
  expect(bySource(after, site).paying).toBe(bySource(before, site).paying + 1);
  expect(bySource(after, site).monthly_recurring_revenue).toBe(
    bySource(before, site).monthly_recurring_revenue + 1200,
  );

  // The member can manage their membership at Stripe straight away.
  await page.getByRole('button', { name: 'Manage your membership' }).click();
  await expect(page).toHaveURL(new RegExp(`^${fakeStripe}/billing/bps_`));
  await expect(page.getByRole('heading', { name: 'Manage your membership' })).toBeVisible();
});

test('the Spanish dues page speaks Spanish and credits its microsite', async ({ page }) => {
  await page.goto(`${micrositeUrl('louisiana')}/es/dues/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Paga tu cuota' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^5 US\$ al mes/ })).toBeVisible();
  const widget = page.locator('rally-dues-checkout');
  await expect(widget).toHaveAttribute('source', 'louisiana');
  await expect(widget).toHaveAttribute('region', 'louisiana');
});
