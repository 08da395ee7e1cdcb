import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  databases,
  openTestApi,
  person,
  postJson,
  staffToken,
  testOrigins,
  type TestApi,
} from '../testing.ts';

const rsvp = '/api/v1/events/union-meeting/attendances';

async function event(api: TestApi) {
  return (await api.app.request('/api/v1/events/union-meeting')).json();
}

async function attend(api: TestApi, email: string) {
  const response = await postJson(api, rsvp, { person: person(email) });
  expect(response.status).toBe(201);
  return response.json();
}

describe.each(databases)('events on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  it('lists upcoming events only, with places and the event’s time zone', async () => {
    const body = await (await api.app.request('/api/v1/events')).json();
    expect(
      body._embedded['osdi:events'].map((e: { identifiers: string[] }) => e.identifiers[0]),
    ).toEqual(['rally:union-meeting', 'rally:open-meeting']);
    expect(body._embedded['osdi:events'][0]).toMatchObject({
      identifiers: ['rally:union-meeting'],
      start_date: '2030-03-08T00:00:00.000Z',
      timezone_identifier: 'America/Chicago',
      location: { venue: 'Union hall', locality: 'New Orleans' },
      capacity: 2,
      places_remaining: 2,
      waitlist_size: 0,
    });
    const filtered = await (await api.app.request('/api/v1/events?region=great-lakes')).json();
    expect(filtered._embedded['osdi:events'].map((e: { title: string }) => e.title)).toEqual([
      'Open organizing call',
    ]);
  });

  it('pages the upcoming events, and lists past ones too for staff only', async () => {
    const read = (query: string, headers: Record<string, string> = {}) =>
      api.app.request(`http://api.rally.test/api/v1/events${query}`, { headers });
    const ids = (body: { _embedded: { 'osdi:events': { identifiers: string[] }[] } }) =>
      body._embedded['osdi:events'].map((e) => e.identifiers[0]);

    const first = await (await read('?per_page=1')).json();
    expect(first).toMatchObject({ total_pages: 2, per_page: 1, page: 1, total_records: 2 });
    expect(ids(first)).toEqual(['rally:union-meeting']);
    const second = await (await api.app.request(first._links.next.href)).json();
    expect(ids(second)).toEqual(['rally:open-meeting']);
    expect(second._links.next).toBeUndefined();
    expect(ids(await (await read('?page=3&per_page=1')).json())).toEqual([]);

    const token = { 'OSDI-API-Token': staffToken };
    const all = await read('?include=past', token);
    expect(all.status).toBe(200);
    expect(all.headers.get('cache-control')).toBe('no-store');
    const body = await all.json();
    expect(ids(body)).toEqual(['rally:past-rally', 'rally:union-meeting', 'rally:open-meeting']);
    expect(body._embedded['osdi:events'][0].status).toBe('past');
    expect(body._links.self.href).toContain('include=past');
    expect((await read('?include=past')).status).toBe(401);
    expect((await read('?include=past', { 'OSDI-API-Token': 'wrong' })).status).toBe(401);
    expect((await read('?include=everything', token)).status).toBe(400);
  });

  it('accepts people while places remain, then waitlists them', async () => {
    expect((await attend(api, 'a@example.org')).status).toBe('accepted');
    expect((await attend(api, 'b@example.org')).status).toBe('accepted');
    expect((await attend(api, 'c@example.org')).status).toBe('waitlisted');
    expect(await event(api)).toMatchObject({
      total_accepted: 2,
      places_remaining: 0,
      waitlist_size: 1,
    });
    // RSVPing again changes nothing.
    expect((await attend(api, 'A@example.org')).status).toBe('accepted');
    expect(await event(api)).toMatchObject({ total_accepted: 2, waitlist_size: 1 });
  });

  it('never oversells the last places when many RSVP at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        postJson(api, rsvp, { person: person(`p${i}@example.org`) }),
      ),
    );
    const statuses = await Promise.all(answers.map(async (a) => (await a.json()).status));
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(8);
    expect(await event(api)).toMatchObject({ total_accepted: 2, waitlist_size: 8 });
  });

  it('cancels through the signed link and moves the first waitlisted person up', async () => {
    const first = await attend(api, 'a@example.org');
    await attend(api, 'b@example.org');
    await attend(api, 'c@example.org');
    await attend(api, 'd@example.org');
    const link = first._links['rally:cancel'].href as string;

    // Opening the link only asks; it changes nothing.
    const page = await api.app.request(link, { headers: { 'Accept-Language': 'es' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sí, cancelar mi confirmación');
    expect(await event(api)).toMatchObject({ total_accepted: 2, waitlist_size: 2 });

    const cancelled = await api.app.request(link, { method: 'POST' });
    expect(await cancelled.json()).toEqual({ status: 'cancelled' });
    expect(await event(api)).toMatchObject({ total_accepted: 2, waitlist_size: 1 });
    const [promoted] = await api.db.query<{ status: string }>(
      `select a.status from attendances a join people p on p.id = a.person_id where p.email = 'c@example.org'`,
    );
    expect(promoted!.status).toBe('accepted');

    // Cancelling twice is harmless.
    await api.app.request(link, { method: 'POST' });
    expect(await event(api)).toMatchObject({ total_accepted: 2, waitlist_size: 1 });
  });

  it('refuses a forged cancellation link', async () => {
    const first = await attend(api, 'a@example.org');
    const link = new URL(first._links['rally:cancel'].href);
    link.searchParams.set('token', 'forged');
    const response = await api.app.request(link.toString(), { method: 'POST' });
    expect(response.status).toBe(403);
    expect(await event(api)).toMatchObject({ total_accepted: 1 });
  });

  it('refuses RSVPs to a past event with 409', async () => {
    const response = await postJson(api, '/api/v1/events/past-rally/attendances', {
      person: person('a@example.org'),
    });
    expect(response.status).toBe(409);
    expect((await response.json()).detail).toMatch(/over/);
  });

  it('serves a valid iCalendar file in the event’s time zone', async () => {
    const response = await api.app.request('/api/v1/events/union-meeting/calendar.ics');
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = (await response.text()).replace(/\r\n /g, '');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:America/Chicago');
    expect(ics).toContain('DTSTART;TZID=America/Chicago:20300307T180000');
    expect(ics).toContain('DTEND;TZID=America/Chicago:20300307T200000');
    expect(ics).toContain('SUMMARY:Home care union meeting');
    expect(ics).toContain('LOCATION:Union hall\\, 1200 Canal St\\, New Orleans\\, LA');
    expect(ics.trimEnd()).toMatch(/END:VCALENDAR$/);
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(
      true,
    );

    // An independent parser agrees on the instant, across the zone's rules.
    const calendar = new ICAL.Component(ICAL.parse(ics));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) {
      ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    }
    const parsed = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2030-03-08T00:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2030-03-08T02:00:00.000Z');
    // Opened from no page: no link to the API's own JSON, which is nothing a person can read.
    expect(ics).not.toMatch(/^URL:/m);
  });

  it('writes the calendar in the page’s language, linking to the page it came from', async () => {
    const page = `${testOrigins.site}/es/eventos/past-rally/`;
    const calendar = async (query: string) =>
      (
        await (await api.app.request(`/api/v1/events/past-rally/calendar.ics?${query}`)).text()
      ).replace(/\r\n /g, '');
    const spanish = await calendar(`lang=es&page=${encodeURIComponent(page)}`);
    expect(spanish).toContain('SUMMARY:Mitin en el capitolio');
    expect(spanish).toContain('PRODID:-//Rally//Gulf Coast Workers United//ES');
    expect(spanish).toContain(`URL:${page}`);
    for (const elsewhere of ['https://evil.example/es/', 'javascript:alert(1)']) {
      const ics = await calendar(`lang=es&page=${encodeURIComponent(elsewhere)}`);
      expect(ics).not.toMatch(/^URL:/m);
    }
  });
});
