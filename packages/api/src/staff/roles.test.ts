/**
 * What each role reaches on the routes that hold members' personal data: organizers and admins
 * read and export them (an organizer within their regions and sectors); communications and
 * partner staff get a 403 saying why, on every one of them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffRole } from '@rally/core';
import {
  consoleOrigin,
  consoleRequest,
  databases,
  openTestApi,
  person,
  signedInStaff,
  staffToken,
  type TestApi,
} from '../testing.ts';

/** A person joined with the bootstrap key, in a region and sector: their id. */
async function join(api: TestApi, email: string, region?: string, sector?: string) {
  const response = await api.app.request(`${consoleOrigin}/api/v1/people`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': staffToken },
    body: JSON.stringify({
      person: person(email),
      ...(region ? { region } : {}),
      ...(sector ? { sector } : {}),
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { identifiers: string[] }).identifiers[0]!.slice(6);
}

/** An RSVP to the open meeting, with the bootstrap key: the RSVP's id. */
async function rsvp(api: TestApi, email: string) {
  const response = await api.app.request(
    `${consoleOrigin}/api/v1/events/open-meeting/attendances`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': staffToken },
      body: JSON.stringify({ person: person(email) }),
    },
  );
  return ((await response.json()) as { identifiers: string[] }).identifiers[0]!.slice(6);
}

describe.each(databases)('staff roles on %s', (_kind, open) => {
  let api: TestApi;
  let personId: string;
  let attendanceId: string;
  const cookieOf = async (role: StaffRole, scope: { regions?: string[] } = {}) => {
    return signedInStaff(api.db, {
      email: `${role}-${Math.random().toString(36).slice(2)}@example.org`,
      role,
      ...scope,
    });
  };

  beforeEach(async () => {
    api = await openTestApi(open);
    personId = await join(api, 'member@example.org', 'gulf-south');
    attendanceId = await rsvp(api, 'member@example.org');
  });
  afterEach(() => api.close());

  /** Every route that answers personal data, as the console would ask it. */
  const personalRoutes = () => [
    { path: '/api/v1/people' },
    { path: `/api/v1/people/${personId}` },
    { path: `/api/v1/people/${personId}/signatures` },
    { path: `/api/v1/people/${personId}/attendances` },
    { path: `/api/v1/people/${personId}/export` },
    { path: '/api/v1/petitions/fair-wages/signatures' },
    { path: '/api/v1/events/open-meeting/attendances' },
    { path: `/api/v1/events/open-meeting/attendances/${attendanceId}` },
    { path: '/api/v1/reports/summary' },
    { path: '/api/v1/reports/people.csv' },
    { path: '/api/v1/reports/petitions/fair-wages/signatures.csv' },
    { path: '/api/v1/reports/events/open-meeting/attendances.csv' },
    {
      path: `/api/v1/events/open-meeting/attendances/${attendanceId}`,
      method: 'PUT',
      body: { attended: true },
    },
    // Walk-ins at the door: a staff answer to a helper is the record in full.
    { path: '/api/v1/people', method: 'POST', body: { person: person('walk-in@example.org') } },
    { path: `/api/v1/people/${personId}`, method: 'DELETE' },
  ];

  it('let organizers and admins read, export, check in and add people', async () => {
    for (const role of ['organizer', 'admin'] as const) {
      const cookie = await cookieOf(role);
      for (const route of personalRoutes().filter((r) => r.method !== 'DELETE')) {
        const response = await consoleRequest(api, route.path, { ...route, cookie });
        expect([200, 201], `${role} ${route.method ?? 'GET'} ${route.path}`).toContain(
          response.status,
        );
        await response.arrayBuffer();
      }
    }
    const organizer = await cookieOf('organizer');
    const erased = await consoleRequest(api, `/api/v1/people/${personId}`, {
      method: 'DELETE',
      cookie: organizer,
    });
    expect(erased.status).toBe(204);
  });

  it('refuse communications and partner staff every personal record, saying why', async () => {
    for (const role of ['communications', 'partner'] as const) {
      const cookie = await cookieOf(role);
      for (const route of personalRoutes()) {
        const response = await consoleRequest(api, route.path, { ...route, cookie });
        const what = `${role} ${route.method ?? 'GET'} ${route.path}`;
        expect(response.status, what).toBe(403);
        const problem = await response.json();
        expect(problem.detail, what).toBe(
          `Your role (${role}) gives no access to members’ personal data: that takes an admin or an organizer. Ask an admin if you need it.`,
        );
      }
      // Nothing was changed on the way: the person is there, the RSVP not checked in.
      expect(await api.db.query('select 1 from people where id = $1', [personId])).toHaveLength(1);
      expect(
        await api.db.query('select 1 from people where email = $1', ['walk-in@example.org']),
      ).toEqual([]);
      // What any staff member may see: who they are, and events that are over.
      expect((await consoleRequest(api, '/api/v1/staff/me', { cookie })).status).toBe(200);
      expect((await consoleRequest(api, '/api/v1/events?include=past', { cookie })).status).toBe(
        200,
      );
    }
    expect(
      await api.db.query('select attended from attendances where id = $1', [attendanceId]),
    ).toEqual([{ attended: null }]);
  });

  it('keep an organizer to their regions; people without one are everyone’s', async () => {
    const elsewhere = await join(api, 'lakes@example.org', 'great-lakes');
    const nowhere = await join(api, 'nowhere@example.org');
    const cookie = await cookieOf('organizer', { regions: ['gulf-south'] });

    const page = await consoleRequest(api, '/api/v1/people', { cookie });
    const emails = (
      (await page.json()) as {
        _embedded: { 'osdi:people': { email_addresses: { address: string }[] }[] };
      }
    )._embedded['osdi:people'].map((p) => p.email_addresses[0]!.address);
    expect(emails.sort()).toEqual(['member@example.org', 'nowhere@example.org']);

    expect((await consoleRequest(api, `/api/v1/people/${nowhere}`, { cookie })).status).toBe(200);
    // Someone outside their regions is, to an organizer, no such person: nothing says where.
    const outside = await consoleRequest(api, `/api/v1/people/${elsewhere}`, { cookie });
    expect(outside.status).toBe(404);
    expect((await outside.json()).detail).not.toContain('great-lakes');
    const erase = await consoleRequest(api, `/api/v1/people/${elsewhere}`, {
      method: 'DELETE',
      cookie,
    });
    expect(erase.status).toBe(404);

    const csv = await (await consoleRequest(api, '/api/v1/reports/people.csv', { cookie })).text();
    expect(csv).toContain('member@example.org');
    expect(csv).not.toContain('lakes@example.org');
    // The export is recorded with the scope it was cut to, and the rows it held.
    const [entry] = await api.db.query<{ detail: Record<string, unknown> }>(
      `select detail from audit_log where action = 'export'`,
    );
    expect(entry!.detail).toEqual({
      export: 'people',
      filters: {},
      regions: ['gulf-south'],
      sectors: [],
      rows: 2,
    });

    await rsvp(api, 'lakes@example.org');
    const rsvps = await consoleRequest(api, '/api/v1/events/open-meeting/attendances', { cookie });
    expect(((await rsvps.json()) as { total_records: number }).total_records).toBe(1);

    // Signing someone up from elsewhere (their address typed at the door) shows nothing on file.
    const again = await consoleRequest(api, '/api/v1/petitions/fair-wages/signatures', {
      body: { person: person('lakes@example.org') },
      cookie,
    });
    expect(again.status).toBe(201);
    const answer = JSON.stringify(await again.json());
    expect(answer).not.toContain('Rosa');
    expect(answer).not.toContain('lakes@example.org');
  });

  it('keep the staff management to admins', async () => {
    for (const role of ['organizer', 'communications', 'partner'] as const) {
      const cookie = await cookieOf(role);
      for (const path of ['invitations', 'accounts', 'api-keys', 'audit']) {
        const response = await consoleRequest(api, `/api/v1/staff/${path}`, { cookie });
        expect(response.status, `${role} ${path}`).toBe(403);
      }
      const invite = await consoleRequest(api, '/api/v1/staff/invitations', {
        body: { email: 'friend@example.org', role: 'admin' },
        cookie,
      });
      expect(invite.status).toBe(403);
    }
  });
});
