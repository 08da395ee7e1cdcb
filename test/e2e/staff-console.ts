/**
 * What the console's end-to-end specs share: staff invited with the bootstrap key, as `pnpm staff
 * invite` invites them, enrolled with a passkey from a virtual authenticator (no prompt), and axe.
 */
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { ports, staffToken } from '../../playwright.config.ts';

// Passkeys need a host name, not an IP address: the console is opened as browsers allow them.
export const consoleOrigin = `http://localhost:${ports.api}`;
export const api = `${consoleOrigin}/api/v1`;
export const bootstrap = { 'OSDI-API-Token': staffToken, 'Content-Type': 'application/json' };

/** An invitation made with the bootstrap key, as `pnpm staff invite` would: its link. */
export async function invite(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${api}/staff/invitations`, {
    method: 'POST',
    headers: bootstrap,
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  const { url } = (await response.json()) as { url: string };
  return url.replace(/^https?:\/\/[^/]+/, consoleOrigin);
}

/**
 * A page of its own browser context (a phone's, say, with `options`) with a passkey authenticator
 * that says yes at once.
 */
export async function pageWithAuthenticator(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return page;
}

/**
 * Opens an invitation link and makes a passkey with it, typing `typed` as the account's name where
 * the invitation gave none: signed in, on the dashboard.
 */
export async function enroll(page: Page, link: string, typed = 'Sam Staff'): Promise<void> {
  await page.goto(link);
  const name = page.getByLabel('Your name');
  if (!(await name.inputValue())) await name.fill(typed);
  await page.getByRole('button', { name: 'Make a passkey and sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}

export const newEmail = (who: string) => `${who}.${randomUUID().slice(0, 8)}@example.org`;
