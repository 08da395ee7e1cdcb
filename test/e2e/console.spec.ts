/**
 * The staff console end to end, in Chromium with a virtual authenticator (a passkey without a
 * prompt): an invitation → enrolling a passkey → the dashboard, whose figures are the API's → a
 * partner who sees only its own numbers → an export in the audit log → signing out, after which
 * the old cookie opens nothing. Also: the console's cookie is refused on a write from another
 * origin, and axe finds nothing on any screen in English or Spanish.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  api,
  bootstrap,
  consoleOrigin,
  enroll,
  expectAccessible,
  invite,
  newEmail,
  pageWithAuthenticator,
} from './staff-console.ts';

async function dashboardJson(query = ''): Promise<{ figures: Record<string, unknown[]> }> {
  const response = await fetch(`${api}/reports/dashboard${query}`, { headers: bootstrap });
  expect(response.status).toBe(200);
  return (await response.json()) as { figures: Record<string, unknown[]> };
}

const participationMembers = (page: Page) =>
  page.locator('[data-figure="participation"] tbody tr td').nth(2);

test.describe('the staff console', () => {
  test('invite, enroll, the dashboard, a partner, an export in the audit log, sign-out @once', async ({
    browser,
  }) => {
    const admin = await pageWithAuthenticator(browser);
    const errors: string[] = [];
    admin.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) errors.push(message.text());
    });
    const adminEmail = newEmail('admin');
    await enroll(admin, await invite({ email: adminEmail, role: 'admin', name: 'Ada Admin' }));
    await expect(admin.getByText('Ada Admin, admin')).toBeVisible();

    // The dashboard shows the API's figures: as many rows in each table, the same counts.
    const figures = (await dashboardJson()).figures;
    await expect(participationMembers(admin)).toBeVisible();
    for (const [name, rows] of Object.entries(figures)) {
      await expect(admin.locator(`[data-figure="${name}"] tbody tr`)).toHaveCount(rows.length);
    }
    const participation = figures.participation![0] as { members: number; participating: number };
    await expect(participationMembers(admin)).toHaveText(
      participation.members.toLocaleString('en'),
    );

    // An admin invites a partner from the console; the link is shown once.
    await admin.getByRole('link', { name: 'Invitations' }).click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Invitations' })).toBeFocused();
    const partnerEmail = newEmail('partner');
    await admin.getByLabel('Email').fill(partnerEmail);
    await admin.getByLabel('Role').selectOption('partner');
    await admin.getByLabel('Source codes').fill('e2e-partner');
    await admin.getByRole('button', { name: 'Invite', exact: true }).click();
    const link = (await admin.locator('#invitation-link').textContent())!.trim();
    expect(link).toContain('/console/enroll#');

    const partner = await pageWithAuthenticator(browser);
    await enroll(partner, link.replace(/^https?:\/\/[^/]+/, consoleOrigin));
    await expect(
      partner.getByText('Only what your source codes brought in: e2e-partner.'),
    ).toBeVisible();
    const own = (await dashboardJson('?sources=e2e-partner')).figures.participation![0] as {
      members: number;
    };
    await expect(participationMembers(partner)).toHaveText(own.members.toLocaleString('en'));
    // Numbers only: no people screen in the navigation, and none at its address.
    await expect(partner.getByRole('link', { name: 'People' })).toHaveCount(0);
    await partner.goto(`${consoleOrigin}/console/people`);
    await expect(partner.getByRole('heading', { level: 1, name: 'Not open to you' })).toBeVisible();
    const peopleAsPartner = await partner.request.get(`${api}/reports/people.csv`);
    expect(peopleAsPartner.status()).toBe(403);

    // An export from the people screen appears in the audit log.
    await admin.getByRole('link', { name: 'People' }).click();
    const download = admin.waitForEvent('download');
    await admin.getByRole('link', { name: 'Download everyone (CSV)' }).click();
    await download;
    await admin.getByRole('link', { name: 'Audit log' }).click();
    await admin.getByLabel('Action').fill('export');
    await admin.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect(admin.locator('tbody tr').first()).toContainText(adminEmail);
    await expect(admin.locator('tbody tr').first()).toContainText('export');

    // Signing out ends the session: the old cookie is refused afterwards.
    const cookies = await admin.context().cookies(consoleOrigin);
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await fetch(`${api}/staff/me`, { headers: { Cookie: cookie } })).status).toBe(200);
    await admin.getByRole('button', { name: 'Sign out' }).click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    expect((await fetch(`${api}/staff/me`, { headers: { Cookie: cookie } })).status).toBe(401);
    expect(errors).toEqual([]);
  });

  test('refuses a write with the console’s cookie from another origin @once', async ({
    browser,
  }) => {
    const page = await pageWithAuthenticator(browser);
    await enroll(page, await invite({ email: newEmail('origin'), role: 'admin' }));
    const cookie = (await page.context().cookies(consoleOrigin))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const write = (origin: string) =>
      fetch(`${api}/staff/invitations`, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: newEmail('x'), role: 'organizer' }),
      });
    expect((await write('http://evil.example')).status).toBe(403);
    expect((await write(consoleOrigin)).status).toBe(201);
  });

  test('every screen passes axe, in English and in Spanish @once', async ({ browser }) => {
    // Two enrollments and axe on sixteen screens take longer than one test's usual 30 seconds.
    test.setTimeout(150_000);
    const page = await pageWithAuthenticator(browser);
    const link = await invite({ email: newEmail('axe'), role: 'organizer', name: 'Olu' });
    await page.goto(link);
    await expect(page.getByRole('button', { name: 'Make a passkey and sign in' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'English' }).click();
    await enroll(page, link);

    const adminPage = await pageWithAuthenticator(browser);
    await enroll(adminPage, await invite({ email: newEmail('axe-admin'), role: 'admin' }));
    const screens = [
      'dashboard',
      'people',
      'sessions',
      'account',
      'admin/invitations',
      'admin/accounts',
      'admin/api-keys',
      'admin/audit',
    ];
    for (const language of ['English', 'Español']) {
      if (language === 'Español') await adminPage.getByRole('button', { name: 'Español' }).click();
      for (const screen of screens) {
        await adminPage.goto(`${consoleOrigin}/console/${screen}`);
        await expect(adminPage.locator('h1')).not.toHaveText(
          /Nothing here|No hay nada|Not open to you|No disponible/,
        );
        await adminPage.waitForLoadState('networkidle');
        await expectAccessible(adminPage);
      }
    }
    // The choice is remembered: a new visit is in Spanish.
    await adminPage.goto(`${consoleOrigin}/console/dashboard`);
    await expect(adminPage.locator('html')).toHaveAttribute('lang', 'es');
  });

  test('sign-in and the dashboard fit the screen, and pass axe', async ({ browser }) => {
    const page = await pageWithAuthenticator(browser);
    await page.goto(`${consoleOrigin}/console/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expectAccessible(page);
    // A password is refused, saying why, next to the form.
    await page.getByRole('button', { name: 'Sign in with a password instead' }).click();
    await page.getByLabel('Email').fill(newEmail('nobody'));
    await page.getByLabel('Password').fill('not-a-password-here');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'password' })).toContainText(
      'sign in with your passkey',
    );
    const fits = () =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    expect(await fits()).toBe(true);

    await enroll(page, await invite({ email: newEmail('phone'), role: 'communications' }));
    await expect(page.locator('[data-figure="participation"]')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await fits()).toBe(true);
    await expectAccessible(page);
    // Communications staff have no people screen.
    await expect(page.getByRole('link', { name: 'People' })).toHaveCount(0);

    // Signing in again with the passkey just made.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  });

  test('your account: the name typed at enrollment, changed later; the only passkey kept @once', async ({
    browser,
  }) => {
    const page = await pageWithAuthenticator(browser);
    await page.goto(
      await invite({ email: newEmail('self'), role: 'organizer', name: 'D. Okafor' }),
    );
    // The invitation's name, to confirm or correct; an empty one is refused beside the field.
    const enrollName = page.getByLabel('Your name');
    await expect(enrollName).toHaveValue('D. Okafor');
    await enrollName.fill('');
    await page.getByRole('button', { name: 'Make a passkey and sign in' }).click();
    await expect(enrollName).toBeFocused();
    await expect(enrollName).toHaveAccessibleDescription(/Enter your name\./);
    await enrollName.fill('Dele Okafor');
    await page.getByRole('button', { name: 'Make a passkey and sign in' }).click();
    await expect(page.getByText('Dele Okafor, organizer')).toBeVisible();

    await page.getByRole('link', { name: 'Your account' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeFocused();
    await expect(page.getByRole('cell', { name: 'This device', exact: true })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);

    const name = page.getByLabel('Your name');
    await name.fill('Dele A. Okafor');
    await page.getByRole('button', { name: 'Save your name' }).click();
    await expect(page.getByText('Your name is saved.')).toBeVisible();
    await expect(page.getByText('Dele A. Okafor, organizer')).toBeVisible();

    // The only way in cannot be removed: the dialog says why, and Cancel keeps it.
    await page.getByRole('button', { name: 'Remove the passkey “This device”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the passkey “This device”?' });
    await dialog.getByRole('button', { name: 'Remove it' }).click();
    await expect(dialog.getByRole('alert')).toContainText('This is your only passkey');
    await dialog.getByRole('button', { name: 'Cancel, keep it' }).click();
    await expect(
      page.getByRole('button', { name: 'Remove the passkey “This device”' }),
    ).toBeFocused();
  });

  test('a person: their signature in the timeline, a conversation, a correction, the export, erasure, all in the audit log @once', async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    // Someone signs a petition, as a sync tool records it.
    const email = newEmail('thu');
    const signed = await fetch(`${api}/petitions/fair-wages-home-care/signatures`, {
      method: 'POST',
      headers: bootstrap,
      body: JSON.stringify({
        person: { given_name: 'Thu', family_name: 'Nguyen', email_addresses: [{ address: email }] },
      }),
    });
    expect(signed.ok).toBe(true);

    const page = await pageWithAuthenticator(browser);
    const organizerEmail = newEmail('person-admin');
    await enroll(page, await invite({ email: organizerEmail, role: 'admin', name: 'Olu' }));
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByLabel('Name or email').fill(email);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: 'Thu Nguyen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Person' })).toBeFocused();
    await expect(page.getByRole('heading', { level: 2, name: 'Thu Nguyen' })).toBeVisible();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await expect(timeline.locator('[data-kind="signature"]')).toContainText('Signed a petition');
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);

    // A one-on-one conversation, logged as whoever is signed in; it appears in the timeline.
    await expect(page.getByText('Logged as Olu.')).toBeVisible();
    await page.getByLabel('Notes').fill('Will bring two coworkers to the meeting.');
    await page.getByRole('radio', { name: '2, supportive' }).check();
    await page.getByRole('button', { name: 'Log the conversation' }).click();
    await expect(page.getByText('Conversation logged; it is in the timeline.')).toBeVisible();
    const conversation = timeline.locator('[data-kind="conversation"]');
    await expect(conversation).toContainText('Will bring two coworkers to the meeting.');
    await expect(conversation).toContainText('Assessment: 2 of 5');

    // A phone the API refuses is said beside the field; a good one is saved.
    const phone = page.getByLabel('Phone', { exact: true });
    await phone.fill('call me');
    await page.getByRole('button', { name: 'Save the corrections' }).click();
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    await expect(phone).toBeFocused();
    await expect(page.locator('#phone-problem')).toContainText('Enter a phone number');
    await phone.fill('+1 504 555 0134');
    await page.getByRole('button', { name: 'Save the corrections' }).click();
    await expect(page.getByText('Contact details saved.')).toBeVisible();
    await expect(phone).not.toHaveAttribute('aria-invalid', 'true');

    // Everything held about them, as a file.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export everything we hold (JSON)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^person-.+\.json$/);

    // The same screen in Spanish, and the confirmation open, pass axe too.
    await page.getByRole('button', { name: 'Español' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Historial' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'English' }).click();

    // Erasure asks first, naming them; Escape keeps them, focus back on the button.
    const erase = page.getByRole('button', { name: 'Erase on request…' });
    await erase.click();
    const dialog = page.getByRole('dialog', { name: 'Erase Thu Nguyen?' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(erase).toBeFocused();
    await page.keyboard.press('Enter');
    await dialog.getByLabel(`To confirm, type their email: ${email}`).fill(email);
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'erased' })).toHaveText(
      'Thu Nguyen was erased.',
    );
    const gone = await fetch(`${api}/people/search?q=${encodeURIComponent(email)}`, {
      headers: bootstrap,
    });
    expect(((await gone.json()) as { people: unknown[] }).people).toEqual([]);

    // Every step is in the audit log, by who did it.
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Who').fill(organizerEmail);
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    const entries = page.locator('tbody');
    for (const action of [
      'person-viewed',
      'conversation-logged',
      'person-corrected',
      'export',
      'person-erased',
    ]) {
      await expect(entries).toContainText(action);
    }
  });

  // `RALLY_SCREENSHOTS=1 playwright test test/e2e/console.spec.ts --project desktop` refreshes the
  // pictures in docs/console.md; other runs leave it out (playwright.config.ts), and the docs alone.
  test('screenshots for docs/console.md @once @screenshots', async ({ browser }) => {
    const page = await pageWithAuthenticator(browser);
    await page.setViewportSize({ width: 960, height: 640 });
    const shot = (name: string) => page.screenshot({ path: `docs/images/console-${name}.png` });
    await page.goto(`${consoleOrigin}/console/sign-in`);
    await expect(page.getByRole('button', { name: 'Sign in with a passkey' })).toBeVisible();
    await shot('sign-in');
    const link = await invite({ email: 'rosa@example.org', role: 'admin', name: 'Rosa Admin' });
    await page.goto(link);
    await expect(page.getByRole('button', { name: 'Make a passkey and sign in' })).toBeVisible();
    await shot('enroll');
    // Members in every region and sector, a third of whom signed a petition: figures to show.
    const places = [
      ['louisiana', 'domestic-work'],
      ['louisiana', 'education'],
      ['texas-gulf', 'food-and-farm'],
      ['florida-gulf', 'cooperatives'],
      ['mississippi-alabama', 'education'],
      ['texas-gulf', 'domestic-work'],
      ['louisiana', 'domestic-work'],
    ] as const;
    for (let i = 0; i < 28; i++) {
      const [region, sector] = places[i % places.length]!;
      const person = {
        given_name: `Member ${i}`,
        email_addresses: [{ address: `m${i}@example.org` }],
      };
      const join = await fetch(`${api}/people`, {
        method: 'POST',
        headers: bootstrap,
        body: JSON.stringify({ person, region, sector }),
      });
      expect(join.ok).toBe(true);
      if (i % 3 === 0)
        await fetch(`${api}/petitions/fair-wages-home-care/signatures`, {
          method: 'POST',
          headers: bootstrap,
          body: JSON.stringify({ person }),
        });
    }
    await enroll(page, link);
    await expect(page.locator('[data-figure="participation"] rally-share-bars')).toBeVisible();
    await page.waitForLoadState('networkidle');
    // The first chart at the top, under the filters.
    await page
      .getByRole('heading', { level: 2, name: 'Members by region' })
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -16));
    await shot('dashboard');
    await page.getByRole('link', { name: 'Invitations' }).click();
    await page.getByLabel('Email').fill('sam@example.org');
    await page.getByLabel('Role').selectOption('organizer');
    await page.getByLabel('Regions').fill('louisiana');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await expect(page.locator('#invitation-link')).toBeVisible();
    await shot('invitations');
    // A person who signed a petition, with a one-on-one conversation logged.
    await fetch(`${api}/petitions/fair-wages-home-care/signatures`, {
      method: 'POST',
      headers: bootstrap,
      body: JSON.stringify({
        person: {
          given_name: 'Thu',
          family_name: 'Nguyen',
          email_addresses: [{ address: 'thu@example.org' }],
        },
      }),
    });
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByLabel('Name or email').fill('thu@example.org');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: 'Thu Nguyen' }).click();
    await page.getByLabel('Notes').fill('Will bring two coworkers to the meeting.');
    await page.getByRole('radio', { name: '2, supportive' }).check();
    await page.getByRole('button', { name: 'Log the conversation' }).click();
    await expect(page.locator('[data-kind="conversation"]')).toBeVisible();
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -80));
    await shot('person');
  });
});
