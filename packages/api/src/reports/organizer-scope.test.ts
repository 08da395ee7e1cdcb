/**
 * An organizer's dashboard and summary count and name only the people of their regions and
 * sectors (and those with none recorded), whatever region or sector they ask for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consoleRequest,
  databases,
  openTestApi,
  person,
  postJson,
  signedInStaff,
  staffToken,
  type TestApi,
} from '../testing.ts';

type Row = Record<string, unknown>;

describe.each(databases)('an organizer’s reports, on %s', (_kind, open) => {
  let api: TestApi;
  let organizer: string;
  let admin: string;
  beforeAll(async () => {
    api = await openTestApi(open);
    const join = (email: string, region: string, referrer?: string) =>
      postJson(
        api,
        '/api/v1/people',
        {
          person: person(email),
          region,
          ...(referrer ? { referrer_data: { referrer } } : {}),
        },
        { 'OSDI-API-Token': staffToken },
      );
    await join('gulf@example.org', 'gulf-south');
    await join('lakes@example.org', 'great-lakes');
    const [lakes] = await api.db.query<{ referral_code: string }>(
      `update people set given_name = 'Lakesreferrer' where email = 'lakes@example.org'
       returning referral_code`,
    );
    await join('lakes-friend@example.org', 'great-lakes', lakes!.referral_code);
    organizer = await signedInStaff(api.db, {
      email: 'organizer@example.org',
      role: 'organizer',
      regions: ['gulf-south'],
    });
    admin = await signedInStaff(api.db, {
      email: 'admin@example.org',
      role: 'admin',
    });
  });
  afterAll(() => api.close());

  const regionsCounted = (rows: Row[]) =>
    new Set(rows.filter((row) => Number(row.members) > 0).map((row) => row.region));

  it('the dashboard counts no one outside the organizer’s regions', async () => {
    for (const query of ['', '?region=great-lakes']) {
      const asAdmin = await (
        await consoleRequest(api, `/api/v1/reports/dashboard${query}`, { cookie: admin })
      ).json();
      expect(regionsCounted(asAdmin.figures.members_by_region)).toContain('great-lakes');
      const response = await consoleRequest(api, `/api/v1/reports/dashboard${query}`, {
        cookie: organizer,
      });
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(regionsCounted(body.figures.members_by_region)).not.toContain('great-lakes');
      expect(JSON.stringify(body)).not.toContain('Lakesreferrer');
    }
    const csv = await (
      await consoleRequest(api, '/api/v1/reports/dashboard/new_members_by_referrer.csv', {
        cookie: organizer,
      })
    ).text();
    expect(csv).not.toContain('Lakesreferrer');
  });

  it('the summary counts and names no one outside the organizer’s regions', async () => {
    const asAdmin = await (
      await consoleRequest(api, '/api/v1/reports/summary', { cookie: admin })
    ).json();
    expect(JSON.stringify(asAdmin.people.by_region)).toContain('great-lakes');
    expect(JSON.stringify(asAdmin.people.by_referrer)).toContain('Lakesreferrer');
    const response = await consoleRequest(api, '/api/v1/reports/summary', { cookie: organizer });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.people.total).toBe(asAdmin.people.total - 2);
    expect(JSON.stringify(body.people.by_region)).not.toContain('great-lakes');
    expect(body.people.by_referrer).toEqual([]);
    expect(JSON.stringify(body.members)).not.toContain('great-lakes');
    expect(JSON.stringify(body.supporters)).not.toContain('great-lakes');
  });
});
