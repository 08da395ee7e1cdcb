/**
 * The door of an event, as the console's check-in screen works it: checking people in and adding
 * walk-ins, each sent again from an offline queue under its Idempotency-Key and counted once; who
 * may do it; the fields it refuses. On both databases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  consoleRequest,
  databases,
  openTestApi,
  person,
  postJson,
  signedInStaff,
  type TestApi,
} from '../testing.ts';

const event = '/api/v1/events/union-meeting';

interface Counts extends Record<string, unknown> {
  accepted_count: number;
  waitlist_count: number;
}

async function rsvp(api: TestApi, email: string, extra: Record<string, unknown> = {}) {
  const response = await postJson(api, `${event}/attendances`, {
    person: person(email, extra),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { identifiers: string[] }).identifiers[0]!.slice(6);
}

describe.each(databases)('the door of an event on %s', (_kind, open) => {
  let api: TestApi;
  let organizer: string;
  const counts = async () =>
    (
      await api.db.query<Counts>(
        `select accepted_count, waitlist_count from events where id = 'union-meeting'`,
      )
    )[0];
  const walkIn = (body: unknown, key?: string, cookie = organizer) =>
    consoleRequest(api, `${event}/walk-ins`, {
      body,
      cookie,
      headers: key ? { 'Idempotency-Key': key } : {},
    });

  beforeEach(async () => {
    api = await openTestApi(open);
    organizer = await signedInStaff(api.db, {
      email: 'dana@example.org',
      role: 'organizer',
      regions: ['gulf-south'],
    });
  });
  afterEach(() => api.close());

  it('counts a check-in sent again under its key once, even after a correction', async () => {
    const rosa = await rsvp(api, 'rosa@example.org');
    const checkIn = (attended: boolean | null, key?: string) =>
      consoleRequest(api, `${event}/attendances/${rosa}`, {
        method: 'PUT',
        body: { attended },
        cookie: organizer,
        headers: key ? { 'Idempotency-Key': key } : {},
      });
    const first = await checkIn(true, 'check-in-1');
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const recorded = await first.json();
    // The queue sends it again: the same answer, said to be a replay.
    const again = await checkIn(true, 'check-in-1');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toContain('application/hal+json');
    expect(await again.json()).toEqual(recorded);

    // Corrected at the desk, then a late replay from another phone's queue: it changes nothing.
    expect((await checkIn(null, 'correction-1')).status).toBe(200);
    const late = await checkIn(true, 'check-in-1');
    expect(late.headers.get('idempotent-replayed')).toBe('true');
    expect(await api.db.query('select attended from attendances where id = $1', [rosa])).toEqual([
      { attended: null },
    ]);

    // The same key for something else is refused, naming the header.
    const reused = await checkIn(false, 'check-in-1');
    expect(reused.status).toBe(422);
    expect((await reused.json()).errors[0].path).toBe('header.idempotency-key');
    // A refusal keeps no key: a check-in of an RSVP that is not there may be sent again.
    const missing = await consoleRequest(
      api,
      `${event}/attendances/00000000-0000-4000-8000-000000000000`,
      {
        method: 'PUT',
        body: { attended: true },
        cookie: organizer,
        headers: { 'Idempotency-Key': 'k-404' },
      },
    );
    expect(missing.status).toBe(404);
    expect(await api.db.query(`select 1 from idempotency_keys where key = 'k-404'`)).toEqual([]);
  });

  it('adds a walk-in and their attendance once, however often it is sent', async () => {
    const body = {
      given_name: 'Thu',
      family_name: 'Nguyen',
      email: 'Thu@Example.org',
      phone: '+1 504 555 0101',
    };
    const [first, ...replays] = await Promise.all([
      walkIn(body, 'walk-in-1'),
      walkIn(body, 'walk-in-1'),
      walkIn(body, 'walk-in-1'),
    ]);
    const answers = [first!, ...replays];
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    const resources = await Promise.all(answers.map((a) => a.json()));
    expect(new Set(resources.map((r) => r.identifiers[0])).size).toBe(1);
    expect(resources[0]).toMatchObject({
      status: 'accepted',
      attended: true,
      _embedded: {
        'osdi:person': {
          given_name: 'Thu',
          family_name: 'Nguyen',
          email_addresses: [{ address: 'thu@example.org' }],
        },
      },
    });
    expect(first!.headers.get('location')).toContain(`${event}/attendances/`);

    expect(
      await api.db.query(
        `select p.email, p.phone_numbers, a.status, a.attended, a.source
         from attendances a join people p on p.id = a.person_id`,
      ),
    ).toEqual([
      {
        email: 'thu@example.org',
        phone_numbers: [{ number: '+1 504 555 0101' }],
        status: 'accepted',
        attended: true,
        source: 'walk-in',
      },
    ]);
    expect(await counts()).toEqual({ accepted_count: 1, waitlist_count: 0 });
    // Another key for the same person at the same door: still one attendance.
    expect((await walkIn(body, 'walk-in-2')).status).toBe(201);
    expect(await api.db.query('select 1 from attendances')).toHaveLength(1);
    expect(await counts()).toEqual({ accepted_count: 1, waitlist_count: 0 });
    const reused = await walkIn({ given_name: 'Ana' }, 'walk-in-1');
    expect(reused.status).toBe(422);
  });

  it('matches a person on file by email, filling blanks only, and seats a waitlisted one', async () => {
    await rsvp(api, 'rosa@example.org');
    await rsvp(api, 'ana@example.org');
    // The event holds two: Thu waits, with no phone and no family name on file.
    await rsvp(api, 'thu@example.org', { given_name: 'Thu', family_name: undefined });
    await api.db.query(`update people set family_name = null where email = 'thu@example.org'`);
    expect(await counts()).toEqual({ accepted_count: 2, waitlist_count: 1 });

    const response = await walkIn(
      {
        given_name: 'Tuyet',
        family_name: 'Nguyen',
        email: 'thu@example.org',
        phone: '+1 504 555 0102',
      },
      'walk-in-thu',
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: 'accepted', attended: true });
    expect(
      await api.db.query(
        `select given_name, family_name, phone_numbers from people where email = 'thu@example.org'`,
      ),
    ).toEqual([
      { given_name: 'Thu', family_name: 'Nguyen', phone_numbers: [{ number: '+1 504 555 0102' }] },
    ]);
    expect(await api.db.query('select 1 from people')).toHaveLength(3);
    expect(await counts()).toEqual({ accepted_count: 3, waitlist_count: 0 });
  });

  it('lists the waitlist apart, in the order places are given', async () => {
    await rsvp(api, 'rosa@example.org');
    await rsvp(api, 'ana@example.org');
    await rsvp(api, 'thu@example.org');
    await rsvp(api, 'lee@example.org');
    const listed = async (status: string) => {
      const response = await consoleRequest(api, `${event}/attendances?status=${status}`, {
        cookie: organizer,
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as {
        _embedded: {
          'osdi:attendances': {
            _embedded: { 'osdi:person': { email_addresses: { address: string }[] } };
          }[];
        };
      };
      return page._embedded['osdi:attendances'].map(
        (a) => a._embedded['osdi:person'].email_addresses[0]!.address,
      );
    };
    expect(await listed('waitlisted')).toEqual(['thu@example.org', 'lee@example.org']);
    expect(await listed('accepted')).toEqual(['rosa@example.org', 'ana@example.org']);
    expect(await listed('cancelled')).toEqual([]);
    const wrong = await consoleRequest(api, `${event}/attendances?status=maybe`, {
      cookie: organizer,
    });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).errors[0].path).toBe('query.status');
  });

  it('adds a walk-in without an email with none, the same person on every replay', async () => {
    const first = await walkIn({ given_name: 'Marisol' }, 'walk-in-m');
    expect(first.status).toBe(201);
    expect((await first.json())._embedded['osdi:person']).toMatchObject({
      given_name: 'Marisol',
      email_addresses: [],
    });
    expect((await walkIn({ given_name: 'Marisol' }, 'walk-in-m')).status).toBe(201);
    expect(await api.db.query('select email from people')).toEqual([{ email: null }]);
    // Once the key is forgotten (48 hours on), a replay still finds the same person.
    await api.db.query('truncate idempotency_keys');
    const late = await walkIn({ given_name: 'Marisol' }, 'walk-in-m');
    expect(late.status).toBe(201);
    expect(late.headers.get('idempotent-replayed')).toBeNull();
    expect(await api.db.query('select email from people')).toEqual([{ email: null }]);
    expect(await api.db.query('select 1 from attendances')).toHaveLength(1);
    expect(await counts()).toEqual({ accepted_count: 1, waitlist_count: 0 });

    // An email added at the desk since changes nothing: the late replay still finds her.
    const [{ id }] = (await api.db.query<{ id: string }>('select id from people')) as [
      { id: string },
    ];
    const corrected = await consoleRequest(api, `/api/v1/people/${id}`, {
      method: 'PATCH',
      body: { email_addresses: [{ address: 'marisol@example.org' }] },
      cookie: organizer,
    });
    expect(corrected.status).toBe(200);
    await api.db.query('truncate idempotency_keys');
    expect((await walkIn({ given_name: 'Marisol' }, 'walk-in-m')).status).toBe(201);
    expect(await api.db.query('select email from people')).toEqual([
      { email: 'marisol@example.org' },
    ]);
    expect(await api.db.query('select 1 from attendances')).toHaveLength(1);
  });

  it('adds two walk-ins without an email as two people, even of one name', async () => {
    expect((await walkIn({ given_name: 'Luis' }, 'walk-in-luis-1')).status).toBe(201);
    expect((await walkIn({ given_name: 'Luis' }, 'walk-in-luis-2')).status).toBe(201);
    // Without a key nothing can tell a replay from another person: each is added.
    expect((await walkIn({ given_name: 'Luis' })).status).toBe(201);
    expect((await walkIn({ given_name: 'Luis' })).status).toBe(201);
    expect(
      await api.db.query(
        `select p.given_name, p.email, a.attended from attendances a
         join people p on p.id = a.person_id`,
      ),
    ).toEqual(Array(4).fill({ given_name: 'Luis', email: null, attended: true }));
    expect(await counts()).toEqual({ accepted_count: 4, waitlist_count: 0 });
  });

  it('never merges a later signup with an email into a walk-in without one', async () => {
    expect((await walkIn({ given_name: 'Rosa', family_name: 'Ortiz' }, 'walk-in-r')).status).toBe(
      201,
    );
    // The same name, now with an email: the join form matches by email only, so it is someone
    // on file only if that email is.
    const joined = await postJson(api, '/api/v1/people', {
      person: person('rosa@example.org', { given_name: 'Rosa', family_name: 'Ortiz' }),
    });
    expect(joined.status).toBe(201);
    expect(
      await api.db.query(
        'select given_name, family_name, email, joined_at is not null as joined from people order by email nulls first',
      ),
    ).toEqual([
      { given_name: 'Rosa', family_name: 'Ortiz', email: null, joined: false },
      { given_name: 'Rosa', family_name: 'Ortiz', email: 'rosa@example.org', joined: true },
    ]);
    // A walk-in with that email at the next event is the one who joined.
    const next = await walkIn({ given_name: 'Rosa', email: 'rosa@example.org' }, 'walk-in-r2');
    expect(next.status).toBe(201);
    expect(
      await api.db.query(
        'select p.email from attendances a join people p on p.id = a.person_id order by p.email',
      ),
    ).toEqual([{ email: 'rosa@example.org' }, { email: null }]);
  });

  it('shows a walk-in without an email with none: the RSVPs, the record, the search, the exports', async () => {
    const added = await walkIn(
      { given_name: 'Marisol', family_name: 'Vega', phone: '+1 504 555 0103' },
      'walk-in-v',
    );
    const id = ((await added.json()) as { _links: { 'osdi:person': { href: string } } })._links[
      'osdi:person'
    ].href
      .split('/')
      .at(-1)!;
    const read = async (path: string) => {
      const response = await consoleRequest(api, path, { cookie: organizer });
      expect(response.status, path).toBe(200);
      return response;
    };

    const rsvps = await (await read(`${event}/attendances`)).json();
    expect(rsvps._embedded['osdi:attendances'][0]._embedded['osdi:person']).toMatchObject({
      given_name: 'Marisol',
      email_addresses: [],
    });
    expect(await (await read(`/api/v1/people/${id}`)).json()).toMatchObject({
      given_name: 'Marisol',
      email_addresses: [],
    });
    expect((await (await read(`/api/v1/people/${id}/timeline`)).json()).person).toEqual({
      id,
      given_name: 'Marisol',
      family_name: 'Vega',
      email: null,
      region: null,
      sector: null,
    });
    const exported = await (await read(`/api/v1/people/${id}/export`)).json();
    expect(exported.person.email_addresses).toEqual([]);

    // Found by her name, with no email; nothing she never had finds her.
    const found = await (await read('/api/v1/people/search?q=marisol+vega')).json();
    expect(found.people).toEqual([expect.objectContaining({ id, email: null })]);
    for (const q of ['walk-ins', 'invalid', 'null'])
      expect((await (await read(`/api/v1/people/search?q=${q}`)).json()).people, q).toEqual([]);

    // The exports leave her email's cell empty.
    const people = (await (await read('/api/v1/reports/people.csv')).text()).split('\r\n');
    expect(people[0]!.split(',').slice(0, 4)).toEqual(['id', 'given_name', 'family_name', 'email']);
    expect(people[1]!.split(',').slice(0, 4)).toEqual([id, 'Marisol', 'Vega', '']);
    const attendances = (
      await (await read('/api/v1/reports/events/union-meeting/attendances.csv')).text()
    ).split('\r\n');
    expect(attendances[1]!.split(',').slice(1, 4)).toEqual(['Marisol', 'Vega', '']);

    // Erased on request as anyone is.
    const erased = await consoleRequest(api, `/api/v1/people/${id}`, {
      method: 'DELETE',
      cookie: organizer,
    });
    expect(erased.status).toBe(204);
    expect(await api.db.query('select 1 from people')).toEqual([]);
    expect(await counts()).toEqual({ accepted_count: 0, waitlist_count: 0 });
  });

  it('refuses a walk-in matching a person outside the organizer’s regions, as no such person', async () => {
    await rsvp(api, 'lakes@example.org');
    await api.db.query(`update people set region = 'great-lakes'`);
    const before = await counts();
    const response = await walkIn({ given_name: 'Lee', email: 'lakes@example.org' });
    expect(response.status).toBe(404);
    const body = JSON.stringify(await response.json());
    expect(body).not.toContain('Rosa');
    expect(body).not.toContain('great-lakes');
    expect(await counts()).toEqual(before);
    expect(
      await api.db.query(`select given_name from people where email = 'lakes@example.org'`),
    ).toEqual([{ given_name: 'Rosa' }]);
  });

  it('refuses what it cannot use, naming the field, and whoever may not', async () => {
    const refusals: [unknown, string, string][] = [
      [{}, 'given_name', 'required'],
      [{ given_name: '  ' }, 'given_name', 'too_short'],
      [{ given_name: 'Ana', email: 'ana' }, 'email', 'invalid_email'],
      [{ given_name: 'Ana', phone: 'call me' }, 'phone', 'invalid'],
      [{ given_name: 'Ana', region: 'x' }, 'region', 'invalid'],
    ];
    for (const [body, field, code] of refusals) {
      const response = await walkIn(body, 'k');
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await response.json()).errors, JSON.stringify(body)).toEqual([
        expect.objectContaining({ path: field, code }),
      ]);
    }
    expect((await walkIn({ given_name: 'Ana' }, 'bad key')).status).toBe(400);
    const nowhere = await consoleRequest(api, '/api/v1/events/nope/walk-ins', {
      body: { given_name: 'Ana' },
      cookie: organizer,
    });
    expect(nowhere.status).toBe(404);
    for (const role of ['communications', 'partner'] as const) {
      const cookie = await signedInStaff(api.db, { email: `${role}@example.org`, role });
      expect((await walkIn({ given_name: 'Ana' }, undefined, cookie)).status).toBe(403);
    }
    const anonymous = await api.app.request(`http://api.rally.test${event}/walk-ins`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ given_name: 'Ana' }),
    });
    expect(anonymous.status).toBe(401);
    expect(await api.db.query('select 1 from people')).toEqual([]);
    expect(await counts()).toEqual({ accepted_count: 0, waitlist_count: 0 });
  });
});
