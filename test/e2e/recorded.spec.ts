/**
 * What a person did is what the organization sees: a signature sent the moment the form is filled
 * (a remembered person, a browser's autofill) is recorded, never silently dropped as a bot; and
 * the calendar file a Spanish page offers is in Spanish and leads back to that page.
 */
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { micrositeUrl, ports, staffToken } from '../../playwright.config.ts';

const api = `http://127.0.0.1:${ports.api}/api/v1`;
const petitionPage = `${micrositeUrl('domestic-work')}/es/petitions/fair-wages-home-care/`;
const eventPage = `${micrositeUrl('domestic-work')}/es/events/new-orleans-home-care-meeting/`;

test('a signature sent the moment the form is filled in is recorded', async ({ page, request }) => {
  const email = `rapida-${randomUUID()}@example.org`;
  await page.goto(petitionPage);
  const widget = page.locator('rally-petition');
  await widget.getByLabel('Nombre', { exact: true }).fill('Rápida');
  await widget.getByLabel('Correo electrónico').fill(email);
  // Everything at once, as autofill does: no pause a stopwatch would call human.
  await widget.getByRole('button', { name: /Firmar/ }).click();
  await expect(widget.locator('[part="status"]')).toContainText(/firma/i);

  await expect
    .poll(async () => {
      const signatures = await request.get(`${api}/petitions/fair-wages-home-care/signatures`, {
        headers: { 'OSDI-API-Token': staffToken },
        params: { per_page: '100' },
      });
      return JSON.stringify(await signatures.json());
    })
    .toContain(email);
});

test('the calendar file of a Spanish event page is in Spanish and leads back to the page', async ({
  page,
  request,
}) => {
  await page.goto(eventPage);
  const link = page.getByRole('link', { name: 'Agregar al calendario' });
  const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
  const ics = (await (await request.get(href)).text()).replace(/\r\n /g, '');
  expect(ics).toContain('SUMMARY:Reunión de trabajadoras del cuidado en casa — Nueva Orleans');
  expect(ics).toContain(`URL:${page.url()}`);
  expect(ics).not.toContain(`URL:${api}`);
});
