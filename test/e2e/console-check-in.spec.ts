/**
 * The door, end to end on a phone: an organizer opens an event's check-in screen, loses the
 * signal, reloads (the service worker serves the console), marks two people attended and adds a
 * walk-in, sees three waiting to send; back online, the queue empties and the API counts each
 * once, also after the same queued requests are sent a second time under their keys. axe finds
 * nothing on the Events and check-in screens, in English and in Spanish.
 */
import { randomUUID } from 'node:crypto';
import { devices, expect, test, type Page } from '@playwright/test';
import {
  api,
  bootstrap,
  consoleOrigin,
  enroll,
  expectAccessible,
  invite,
  pageWithAuthenticator,
} from './staff-console.ts';

async function staff(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${api}${path}`, { ...init, headers: { ...bootstrap, ...init.headers } });
}

/** The event's attendance as the API counts it (the dashboard's figure, for everyone). */
async function attendedAt(event: string): Promise<number> {
  const response = await staff('/reports/dashboard');
  expect(response.status).toBe(200);
  const { figures } = (await response.json()) as {
    figures: { events: { event: string; attended: number }[] };
  };
  const row = figures.events.find((figure) => figure.event === event);
  expect(row).toBeDefined();
  return row!.attended;
}

/** An RSVP not yet checked in: a walk-in through the API, then its attendance cleared. */
async function rsvp(event: string, given_name: string, family_name: string): Promise<void> {
  const email = `${given_name}.${family_name}@example.org`.toLowerCase();
  const response = await staff(`/events/${event}/walk-ins`, {
    method: 'POST',
    headers: { 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({ given_name, family_name, email }),
  });
  expect(response.status).toBe(201);
  const { identifiers } = (await response.json()) as { identifiers: string[] };
  const id = identifiers[0]!.replace('rally:', '');
  const cleared = await staff(`/events/${event}/attendances/${id}`, {
    method: 'PUT',
    body: JSON.stringify({ attended: null }),
  });
  expect(cleared.status).toBe(200);
}

interface Queued {
  key: string;
  kind: 'check-in' | 'walk-in';
  event: string;
  attendance?: string;
  attended?: boolean | null;
  walkIn?: Record<string, string>;
}

/** What waits in the console's outbox (IndexedDB), read in the page. */
function queued(page: Page): Promise<Queued[]> {
  return page.evaluate(
    () =>
      new Promise<Queued[]>((resolve, reject) => {
        const open = indexedDB.open('rally-console-outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('outbox').objectStore('outbox').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => resolve(all.result as Queued[]);
        };
      }),
  );
}

// The door is a phone: the desktop project leaves this out (playwright.config.ts).
test('an organizer checks people in with no signal; back online, each counts once @phone-only', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const suffix = randomUUID().slice(0, 6);
  const family = `Door${suffix}`;

  const events = (await (await staff('/events')).json()) as {
    _embedded: { 'osdi:events': { identifiers: string[] }[] };
  };
  const event = events._embedded['osdi:events'][0]!.identifiers[0]!.replace('rally:', '');
  await rsvp(event, 'Amara', family);
  await rsvp(event, 'Bruno', family);
  const before = await attendedAt(event);

  const page = await pageWithAuthenticator(browser, devices['Pixel 7']);
  const context = page.context();
  // The invitation gives no name: the organizer types theirs as they enroll.
  const link = await invite({ email: `door.${suffix}@example.org`, role: 'organizer' });
  await enroll(page, link, 'Dora Door');

  // The Events screen, and the event's check-in screen, pass axe in both languages.
  await page.goto(`${consoleOrigin}/console/events`);
  const eventLink = page.locator(`a[href="/console/events/${event}"]`);
  await expect(eventLink).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expectAccessible(page);
  await eventLink.click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Registro de asistencia' }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: `Marcar asistencia: Amara ${family}` }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check-in' })).toBeVisible();
  await expectAccessible(page);

  // The service worker holds the console before the signal goes.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Check-in' })).toBeVisible();
  await page.getByLabel('Search by name or email').fill(family);
  await page.getByRole('button', { name: `Mark attended: Amara ${family}` }).click();
  await page.getByRole('button', { name: `Mark attended: Bruno ${family}` }).click();
  await page.getByLabel('First name').fill('Chidi');
  await page.getByLabel('Last name').fill(family);
  await page.getByLabel('Email', { exact: true }).fill(`chidi.${family}@example.org`.toLowerCase());
  await page.getByRole('button', { name: 'Add and mark attended' }).click();
  await expect(page.getByText(/waiting to send \(3\)/i)).toBeVisible();
  const sent = await queued(page);
  expect(sent).toHaveLength(3);
  expect(await attendedAt(event)).toBe(before);

  await context.setOffline(false);
  await expect(page.getByText(/waiting to send/i)).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByText('Everything is sent.')).toBeVisible();
  expect(await queued(page)).toEqual([]);
  expect(await attendedAt(event)).toBe(before + 3);

  // The same queued requests, sent again under their keys (an answer lost on the way back):
  // answered as the first time, and counted once.
  for (const entry of sent) {
    const replay = await page.evaluate(async (entry) => {
      const path =
        entry.kind === 'check-in'
          ? `/api/v1/events/${entry.event}/attendances/${entry.attendance}`
          : `/api/v1/events/${entry.event}/walk-ins`;
      const response = await fetch(path, {
        method: entry.kind === 'check-in' ? 'PUT' : 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.key },
        body: JSON.stringify(
          entry.kind === 'check-in' ? { attended: entry.attended } : entry.walkIn,
        ),
      });
      return { status: response.status, replayed: response.headers.get('Idempotent-Replayed') };
    }, entry);
    expect(replay.status).toBeLessThan(300);
    expect(replay.replayed).toBe('true');
  }
  expect(await attendedAt(event)).toBe(before + 3);
  // Each of the three is on the event's list once, attended.
  const door: { family_name: string; attended: boolean | null }[] = [];
  for (let page = 1, pages = 1; page <= pages; page += 1) {
    const answer = (await (
      await staff(`/events/${event}/attendances?per_page=100&page=${page}`)
    ).json()) as {
      total_pages: number;
      _embedded: {
        'osdi:attendances': {
          attended: boolean | null;
          _embedded: { 'osdi:person': { family_name: string } };
        }[];
      };
    };
    pages = answer.total_pages;
    for (const item of answer._embedded['osdi:attendances'])
      door.push({
        family_name: item._embedded['osdi:person'].family_name,
        attended: item.attended,
      });
  }
  expect(door.filter((row) => row.family_name === family)).toEqual([
    { family_name: family, attended: true },
    { family_name: family, attended: true },
    { family_name: family, attended: true },
  ]);
  await context.close();
});
