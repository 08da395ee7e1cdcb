/**
 * What a person sees once they have acted, on the built sites: the confirmation where they are
 * looking, with focus on it; their RSVP still there when they come back, with a cancel button
 * that asks first; and buttons that keep their outline in forced colors (high contrast).
 */
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { micrositeUrl } from '../../playwright.config.ts';

const petitionPage = `${micrositeUrl('domestic-work')}/es/petitions/fair-wages-home-care/`;
const eventPage = `${micrositeUrl('domestic-work')}/events/new-orleans-home-care-meeting/`;

test('after signing, in Spanish, the thank-you is on screen and has focus', async ({ page }) => {
  await page.goto(petitionPage);
  const widget = page.locator('rally-petition');
  await widget.getByLabel('Nombre', { exact: true }).fill('Rosa');
  await widget.getByLabel('Correo electrónico').fill(`rosa-${randomUUID()}@example.org`);
  const sign = widget.getByRole('button', { name: 'Firmar la petición' });
  // The person has scrolled down to the button: on a phone the form fills the screen and more.
  await sign.evaluate((button) => button.scrollIntoView({ block: 'end' }));
  await sign.click();

  // The widget's live region (its share step has one of its own, for "copied").
  const thanks = widget.locator('[part="status"]');
  await expect(thanks).toHaveText('Gracias, Rosa. Tu firma quedó registrada.');
  await expect(thanks).toBeFocused();
  await expect(thanks).toBeInViewport();
});

test('an RSVP is there after a reload — "You\'re going", and a cancel button that asks first', async ({
  page,
}) => {
  await page.goto(eventPage);
  const widget = page.locator('rally-event-rsvp');
  await widget.getByLabel('First name').fill('Lupe');
  await widget.getByLabel('Email').fill(`lupe-${randomUUID()}@example.org`);
  await widget.getByRole('checkbox', { name: 'Remember me on this device' }).check();
  await widget.getByRole('button', { name: 'RSVP', exact: true }).click();
  const status = widget.getByRole('status');
  await expect(status).toHaveText("You're going, Lupe! See you there.");
  await expect(status).toBeFocused();

  await page.reload();
  await expect(widget.getByText("You're going, Lupe! See you there.")).toBeVisible();
  await expect(widget.getByRole('button', { name: 'RSVP', exact: true })).toHaveCount(0);
  const cancel = widget.getByRole('button', { name: 'Cancel my RSVP' });

  // Asked first, inside the page; by keyboard, Escape keeps the RSVP.
  await cancel.focus();
  await page.keyboard.press('Enter');
  const question = widget.getByRole('group', { name: 'Cancel your RSVP to this event?' });
  await expect(question).toBeVisible();
  await expect(widget.getByRole('button', { name: 'No, keep my RSVP' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(cancel).toBeFocused();

  await cancel.click();
  await widget.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(status).toHaveText('Your RSVP is cancelled. Thank you for letting us know.');
  await expect(status).toBeFocused();

  // Cancelled, it is forgotten: the next visit offers the form again.
  await page.reload();
  await expect(widget.getByRole('button', { name: 'RSVP', exact: true })).toBeVisible();
  await expect(widget.getByText("You're going")).toHaveCount(0);
});

test('buttons keep a visible outline in forced colors', { tag: '@once' }, async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${micrositeUrl('louisiana')}/join/`);
  const join = page.locator('rally-join-form').getByRole('button', { name: 'Join' });
  await expect(join).toBeVisible();
  const edge = await join.evaluate((button) => {
    const style = getComputedStyle(button);
    return {
      width: parseFloat(style.borderTopWidth),
      style: style.borderTopStyle,
      color: style.borderTopColor,
      background: style.backgroundColor,
    };
  });
  // Forced colors replace the page's colours with the system's, and draw a border only where
  // there is one: without it the button reads as bare text.
  expect(edge.width).toBeGreaterThanOrEqual(1);
  expect(edge.style).toBe('solid');
  expect(edge.color).not.toBe(edge.background);
  expect(edge.color).not.toBe('rgba(0, 0, 0, 0)');
});
