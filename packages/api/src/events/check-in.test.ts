/**
 * Staff at the door: the event's RSVPs as a sign-in sheet, who came recorded against each, and the
 * reports that turn it into attendance. On both databases.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  databases,
  openTestApi,
  person,
  postJson,
  staffGet,
  staffToken,
  type TestApi,
} from '../testing.ts';

const event = '/api/v1/events/union-meeting';

interface Attendance {
  identifiers: string[];
  status: string;
  attended: boolean | null;
  _links: { self: { href: string } };
  _embedded: { 'osdi:person': { given_name: string; email_addresses: { address: string }[] } };
}

async function rsvp(api: TestApi, email: string, given_name: string): Promise<string> {
  const response = await postJson(api, `${event}/attendances`, {
    person: person(email, { given_name }),
  });
  expect(response.status).toBe(201);
  const { identifiers } = (await response.json()) as { identifiers: string[] };
  return identifiers[0]!.replace('rally:', '');
}

/** A staff PUT; a string body is sent as it is. */
function checkIn(api: TestApi, path: string, body: unknown, headers: Record<string, string> = {}) {
  return Promise.resolve(
    api.app.request(`http://api.rally.test${path}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': staffToken, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

async function sheet(api: TestApi, query = ''): Promise<Attendance[]> {
  const response = await staffGet(api, `${event}/attendances${query}`);
  expect(response.status).toBe(200);
  const page = (await response.json()) as { _embedded: { 'osdi:attendances': Attendance[] } };
  return page._embedded['osdi:attendances'];
}

async function eventReport(api: TestApi) {
  const report = await (await staffGet(api, '/api/v1/reports/summary')).json();
  return report.events.find((e: { id: string }) => e.id === 'union-meeting');
}

/** Any JSON, and often an `attended` with something in it, right or wrong, beside other fields. */
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.record(
    { attended: fc.oneof(fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 1 })) },
    { requiredKeys: [] },
  ),
  fc
    .tuple(fc.boolean(), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }))
    .map(([attended, other]) => ({ ...other, attended })),
);

describe.each(databases)('checking people in at an event on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  it('is for staff only', async () => {
    const id = await rsvp(api, 'rosa@example.org', 'Rosa');
    expect((await api.app.request(`${event}/attendances`)).status).toBe(401);
    const anonymous = await api.app.request(`${event}/attendances/${id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ attended: true }),
    });
    expect(anonymous.status).toBe(401);
    expect((await sheet(api))[0]!.attended).toBeNull();
  });

  it('lists the RSVPs oldest first, with who made each, a page at a time', async () => {
    await rsvp(api, 'rosa@example.org', 'Rosa');
    await rsvp(api, 'ana@example.org', 'Ana');
    await rsvp(api, 'thu@example.org', 'Thu'); // The event has two places: Thu waits.

    const all = await sheet(api);
    expect(
      all.map((a) => [
        a._embedded['osdi:person'].given_name,
        a._embedded['osdi:person'].email_addresses[0]!.address,
        a.status,
        a.attended,
      ]),
    ).toEqual([
      ['Rosa', 'rosa@example.org', 'accepted', null],
      ['Ana', 'ana@example.org', 'accepted', null],
      ['Thu', 'thu@example.org', 'waitlisted', null],
    ]);

    const first = await (await staffGet(api, `${event}/attendances?per_page=2`)).json();
    expect(first).toMatchObject({ total_records: 3, total_pages: 2, page: 1, per_page: 2 });
    const next = new URL(first._links.next.href);
    const second = await (await staffGet(api, `${next.pathname}${next.search}`)).json();
    expect(second._embedded['osdi:attendances'].map((a: Attendance) => a.status)).toEqual([
      'waitlisted',
    ]);
    expect((await staffGet(api, '/api/v1/events/nope/attendances')).status).toBe(404);
    expect((await staffGet(api, `${event}/attendances?per_page=500`)).status).toBe(400);
  });

  it('gives a sync tool only the RSVPs changed since it last looked', async () => {
    const rosa = await rsvp(api, 'rosa@example.org', 'Rosa');
    await rsvp(api, 'ana@example.org', 'Ana');
    const seen = (await sheet(api)).at(-1)! as Attendance & { modified_date: string };
    expect((await checkIn(api, `${event}/attendances/${rosa}`, { attended: true })).status).toBe(
      200,
    );
    const changed = await sheet(
      api,
      `?filter=${encodeURIComponent(`modified_date gt '${seen.modified_date}'`)}`,
    );
    expect(changed.map((a) => [a._embedded['osdi:person'].given_name, a.attended])).toEqual([
      ['Rosa', true],
    ]);
    const made = await sheet(
      api,
      `?filter=${encodeURIComponent(`created_date gt '${seen.modified_date}'`)}`,
    );
    expect(made).toEqual([]);
    const unreadable = await staffGet(api, `${event}/attendances?filter=attended%20eq%20'true'`);
    expect(unreadable.status).toBe(400);
    expect((await unreadable.json()).errors[0].path).toBe('filter');
  });

  it('records who came and who did not, and counts it in the reports and the CSV', async () => {
    const rosa = await rsvp(api, 'rosa@example.org', 'Rosa');
    const ana = await rsvp(api, 'ana@example.org', 'Ana');

    const came = await checkIn(api, `${event}/attendances/${rosa}`, { attended: true });
    expect(came.status).toBe(200);
    expect(came.headers.get('content-type')).toContain('application/hal+json');
    expect(await came.json()).toMatchObject({
      identifiers: [`rally:${rosa}`],
      status: 'accepted',
      attended: true,
      _links: { self: { href: expect.stringContaining(`${event}/attendances/${rosa}`) } },
    });
    // Its own address shows it as recorded.
    const own = await staffGet(api, new URL((await sheet(api))[0]!._links.self.href).pathname);
    expect(await own.json()).toMatchObject({ identifiers: [`rally:${rosa}`], attended: true });
    // Recording it twice changes nothing more.
    expect((await checkIn(api, `${event}/attendances/${rosa}`, { attended: true })).status).toBe(
      200,
    );
    expect((await checkIn(api, `${event}/attendances/${ana}`, { attended: false })).status).toBe(
      200,
    );

    expect((await sheet(api)).map((a) => a.attended)).toEqual([true, false]);
    // Before the meeting starts there is no rate to give.
    expect(await eventReport(api)).toMatchObject({
      accepted: 2,
      attended: 1,
      attendance_rate: null,
    });
    await api.db.query(`update events set start_at = now() - interval '1 hour' where id = $1`, [
      'union-meeting',
    ]);
    expect(await eventReport(api)).toMatchObject({
      accepted: 2,
      attended: 1,
      attendance_rate: 0.5,
    });

    const csv = await (
      await staffGet(api, '/api/v1/reports/events/union-meeting/attendances.csv')
    ).text();
    const [, ...rows] = csv.trim().split('\r\n');
    expect(rows.map((row) => [row.split(',')[0], row.split(',')[6]])).toEqual([
      [rosa, 'true'],
      [ana, 'false'],
    ]);

    // A mistake is undone with null.
    await checkIn(api, `${event}/attendances/${rosa}`, { attended: null });
    expect((await sheet(api)).map((a) => a.attended)).toEqual([null, false]);
    expect(await eventReport(api)).toMatchObject({ attended: 0, attendance_rate: 0 });
  });

  it('refuses a body it cannot use, naming the field, and changes nothing', async () => {
    const rosa = await rsvp(api, 'rosa@example.org', 'Rosa');
    const path = `${event}/attendances/${rosa}`;
    const refusals: [unknown, string, string][] = [
      [{}, 'attended', 'required'],
      [{ attended: 'yes' }, 'attended', 'invalid_type'],
      [{ attended: true, status: 'cancelled' }, 'status', 'invalid'],
    ];
    for (const [body, field, code] of refusals) {
      const response = await checkIn(api, path, body);
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect((await response.json()).errors).toEqual([
        expect.objectContaining({ path: field, code }),
      ]);
    }
    expect((await checkIn(api, path, '{"attended": tru')).status).toBe(400);
    expect(
      (
        await checkIn(api, path, 'attended=true', {
          'Content-Type': 'application/x-www-form-urlencoded',
        })
      ).status,
    ).toBe(415);
    expect((await sheet(api))[0]).toMatchObject({ status: 'accepted', attended: null });
  });

  it('answers 404 for an RSVP that is not this event’s', async () => {
    const rosa = await rsvp(api, 'rosa@example.org', 'Rosa');
    for (const path of [
      `${event}/attendances/00000000-0000-4000-8000-000000000000`,
      `${event}/attendances/not-an-id`,
      `/api/v1/events/open-meeting/attendances/${rosa}`,
      `/api/v1/events/nope/attendances/${rosa}`,
    ]) {
      const response = await checkIn(api, path, { attended: true });
      expect(response.status, path).toBe(404);
      expect((await staffGet(api, path)).status, path).toBe(404);
    }
    expect((await sheet(api))[0]!.attended).toBeNull();
  });

  it('never fails with a 5xx, and stores only a true, false or null it was sent', async () => {
    const rosa = await rsvp(api, 'rosa@example.org', 'Rosa');
    const path = `${event}/attendances/${rosa}`;
    await fc.assert(
      fc.asyncProperty(body, async (body) => {
        const before = (await sheet(api))[0]!.attended;
        const response = await checkIn(api, path, JSON.stringify(body));
        expect(response.status).toBeLessThan(500);
        const after = (await sheet(api))[0]!.attended;
        const valid =
          typeof body === 'object' &&
          body !== null &&
          !Array.isArray(body) &&
          Object.keys(body).length === 1 &&
          'attended' in body &&
          (typeof body.attended === 'boolean' || body.attended === null);
        expect(response.status).toBe(valid ? 200 : 422);
        expect(after).toBe(valid ? (body as { attended: boolean | null }).attended : before);
      }),
      { numRuns: 60 },
    );
  });
});
