import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { ports, staffToken } from '../../playwright.config.ts';

const partnerPage = `http://127.0.0.1:${ports.partner}/petition.html`;
const api = `http://127.0.0.1:${ports.api}/api/v1`;

/** Signatures the API holds from this email, read from the staff export. */
async function signaturesFrom(email: string): Promise<number> {
  const csv = await fetch(`${api}/reports/petitions/fair-wages-home-care/signatures.csv`, {
    headers: { 'OSDI-API-Token': staffToken },
  }).then((response) => response.text());
  return csv.split('\r\n').filter((line) => line.split(',')[2] === email).length;
}

function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe('a partner page on another origin, under a strict CSP', () => {
  test('loads the petition widget by one script tag and records a signature', async ({ page }) => {
    const violations = collectCspViolations(page);
    const email = `e2e.${randomUUID().slice(0, 8)}@example.org`;
    await page.goto(partnerPage);
    const petition = page.locator('rally-petition');
    await expect(
      petition.getByRole('heading', { name: 'A living wage for home care workers' }),
    ).toBeVisible();
    // The light-DOM fallback form is replaced by the widget.
    await expect(page.getByRole('button', { name: 'Sign the petition' })).toHaveCount(1);

    await petition.getByRole('textbox', { name: 'First name' }).fill('Rosa');
    await petition.getByRole('textbox', { name: 'Email' }).fill(email);
    await petition.getByRole('button', { name: 'Sign the petition' }).click();
    await expect(petition.getByRole('status').first()).toContainText('Thank you, Rosa.');
    await expect.poll(() => signaturesFrom(email)).toBe(1);
    expect(violations).toEqual([]);
  });

  test('shows all five elements on one page, each loading only its own code', async ({ page }) => {
    const violations = collectCspViolations(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${ports.partner}/all.html`);
    await expect(
      page.getByRole('heading', { name: 'A living wage for home care workers' }),
    ).toBeVisible();
    await expect(
      page.locator('rally-event-rsvp').getByRole('heading', { level: 2 }).first(),
    ).toBeVisible();
    await expect(
      page.locator('rally-spotlight-carousel').getByRole('region').first(),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Join' })).toBeVisible();
    await expect(page.getByRole('radio', { name: /^\$12 a month/ })).toBeVisible();
    // Four forms ask for an email: the petition, the RSVP, the join form and the dues checkout.
    await expect(page.getByRole('textbox', { name: 'Email' })).toHaveCount(4);
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
  });

  test('keeps a signature made offline and sends it once when the connection returns', async ({
    page,
    context,
  }) => {
    const email = `offline.${randomUUID().slice(0, 8)}@example.org`;
    await page.goto(partnerPage);
    const petition = page.locator('rally-petition');
    // The widget has loaded (not just the plain form it replaces) before the signal goes.
    await expect(petition.getByRole('heading', { name: /living wage/ })).toBeVisible();

    await context.setOffline(true);
    await petition.getByRole('textbox', { name: 'First name' }).fill('Ana');
    await petition.getByRole('textbox', { name: 'Email' }).fill(email);
    await petition.getByRole('button', { name: 'Sign the petition' }).click();
    await expect(petition.getByRole('status').first()).toContainText('saved on this device');
    expect(await signaturesFrom(email)).toBe(0);

    await context.setOffline(false);
    await expect.poll(() => signaturesFrom(email)).toBe(1);
    await page.reload(); // A reload flushes the outbox again: still one.
    await expect(petition.getByRole('heading')).toBeVisible();
    expect(await signaturesFrom(email)).toBe(1);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the plain form inside the widget still records the signature', async ({ page }) => {
    const email = `nojs.${randomUUID().slice(0, 8)}@example.org`;
    await page.goto(partnerPage);
    await page.getByRole('textbox', { name: 'First name' }).fill('Marisol');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('button', { name: 'Sign the petition' }).click();
    await expect(page).toHaveURL(`${partnerPage}?rally=signed`);
    expect(await signaturesFrom(email)).toBe(1);
  });
});
