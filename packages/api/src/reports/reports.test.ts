import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  databases,
  openTestApi,
  person,
  postJson,
  staffGet,
  testOrigins,
  type TestApi,
} from '../testing.ts';

describe.each(databases)('staff reports on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  it('are for staff only', async () => {
    expect((await api.app.request('/api/v1/reports/summary')).status).toBe(401);
    expect((await api.app.request('/api/v1/reports/people.csv')).status).toBe(401);
  });

  it('count new members by region, sector, source and referrer, and actions', async () => {
    const rosa = await (
      await postJson(api, '/api/v1/people', {
        person: person('rosa@example.org'),
        region: 'gulf-south',
        sector: 'domestic-work',
        referrer_data: { source: 'gulf-south-site' },
      })
    ).json();
    await postJson(
      api,
      '/api/v1/petitions/fair-wages/signatures',
      {
        person: person('ana@example.org', { given_name: 'Ana' }),
        region: 'gulf-south',
        referrer_data: { referrer: rosa.referral_code },
      },
      { Origin: testOrigins.partner },
    );
    await postJson(api, '/api/v1/events/union-meeting/attendances', {
      person: person('rosa@example.org'),
    });
    await postJson(api, '/api/v1/petitions/fair-wages/signatures', {
      person: person('bot@example.org'),
      nickname: 'x',
    });

    const report = await (await staffGet(api, '/api/v1/reports/summary')).json();
    expect(report.people).toMatchObject({
      total: 2,
      new_this_week: 2,
      by_region: [{ region: 'gulf-south', people: 2 }],
      by_sector: [
        { sector: 'domestic-work', people: 1 },
        { sector: null, people: 1 },
      ],
      by_referrer: [{ referral_code: rosa.referral_code, given_name: 'Rosa', referred: 1 }],
    });
    expect(report.people.by_source).toEqual(
      expect.arrayContaining([
        { source: 'gulf-south-site', people: 1 },
        { source: 'riverside', people: 1 },
      ]),
    );
    expect(
      report.people.new_per_week.reduce((sum: number, w: { people: number }) => sum + w.people, 0),
    ).toBe(2);
    expect(report.petitions).toContainEqual(
      expect.objectContaining({ id: 'fair-wages', signatures: 1, new_this_week: 1 }),
    );
    expect(report.events).toContainEqual(
      expect.objectContaining({ id: 'union-meeting', accepted: 1, waitlisted: 0, cancelled: 0 }),
    );
    expect(report.bot_submissions_turned_away).toBe(1);
    // Rosa joined; Ana only signed: one new member this week, not two.
    expect(report.members).toMatchObject({
      total: 1,
      new_this_week: 1,
      by_region: [{ region: 'gulf-south', people: 1 }],
    });
    expect(report.supporters).toMatchObject({
      total: 1,
      new_this_week: 1,
      by_source: [{ source: 'riverside', people: 1 }],
    });
  });

  it('count members and supporters apart, and who agreed to be contacted', async () => {
    await postJson(api, '/api/v1/people', {
      person: person('rosa@example.org'),
      consent: { text: 'You may contact me.' },
    });
    await postJson(api, '/api/v1/petitions/fair-wages/signatures', {
      person: person('ana@example.org'),
      consent: { text: 'You may contact me.' },
    });
    await postJson(api, '/api/v1/events/union-meeting/attendances', {
      person: person('bea@example.org'),
    });
    // Signing after joining keeps a member a member; joining after signing makes one.
    await postJson(api, '/api/v1/petitions/fair-wages/signatures', {
      person: person('rosa@example.org'),
    });
    await postJson(api, '/api/v1/people', { person: person('bea@example.org') });

    const report = await (await staffGet(api, '/api/v1/reports/summary')).json();
    expect(report.members).toMatchObject({ total: 2, new_this_week: 2, contactable: 1 });
    expect(report.supporters).toMatchObject({ total: 1, new_this_week: 1, contactable: 1 });
    expect(
      report.members.new_per_week.reduce((sum: number, w: { people: number }) => sum + w.people, 0),
    ).toBe(2);

    const rows = async (path: string) =>
      (await (await staffGet(api, path)).text()).trim().split('\r\n').slice(1);
    const members = await rows('/api/v1/reports/people.csv?standing=member');
    expect(members.map((row) => row.split(',')[3]).sort()).toEqual([
      'bea@example.org',
      'rosa@example.org',
    ]);
    expect(members.find((row) => row.includes('rosa@'))).toMatch(/,member,[^,]+,[^,]+$/);
    expect(members.find((row) => row.includes('bea@'))).toMatch(/,member,[^,]+,$/);
    const supporters = await rows('/api/v1/reports/people.csv?standing=supporter');
    expect(supporters).toHaveLength(1);
    expect(supporters[0]).toMatch(/ana@example.org.*,supporter,,[^,]+$/);
    const signers = await rows('/api/v1/reports/petitions/fair-wages/signatures.csv');
    expect(signers.map((row) => row.split(',').at(-3))).toEqual(['supporter', 'member']);
    expect((await staffGet(api, '/api/v1/reports/people.csv?standing=everyone')).status).toBe(400);
  });

  it('export only the days asked for', async () => {
    await postJson(api, '/api/v1/people', { person: person('rosa@example.org') });
    await postJson(api, '/api/v1/petitions/fair-wages/signatures', {
      person: person('ana@example.org'),
    });
    await api.db.query(
      `update people set created_at = '2026-10-15T12:00:00Z' where email = 'rosa@example.org'`,
    );
    await api.db.query(`update signatures set created_at = '2026-10-31T23:59:00Z'`);
    const rows = async (path: string) =>
      (await (await staffGet(api, path)).text()).trim().split('\r\n').length - 1;
    expect(await rows('/api/v1/reports/people.csv?from=2026-10-01&to=2026-10-31')).toBe(1);
    expect(await rows('/api/v1/reports/people.csv?from=2026-11-01')).toBe(1);
    expect(await rows('/api/v1/reports/people.csv?to=2026-10-14')).toBe(0);
    const signatures = '/api/v1/reports/petitions/fair-wages/signatures.csv';
    expect(await rows(`${signatures}?to=2026-10-31`)).toBe(1);
    expect(await rows(`${signatures}?from=2026-11-01`)).toBe(0);
    for (const bad of ['2026-02-30', 'yesterday', '0000-01-01', '9999-12-31']) {
      const response = await staffGet(api, `/api/v1/reports/people.csv?to=${bad}`);
      expect(response.status, bad).toBe(400);
      expect((await response.json()).errors[0].path).toBe('query.to');
    }
  });

  it('export people and each action as CSV that spreadsheets cannot run as formulas', async () => {
    await postJson(api, '/api/v1/petitions/fair-wages/signatures', {
      person: person('rosa@example.org', { given_name: '=HYPERLINK("https://evil.example")' }),
      comments: 'Fair pay, "now", for everyone',
    });
    const people = await staffGet(api, '/api/v1/reports/people.csv');
    expect(people.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // Personal data: no cache on the way keeps a copy (the token is not part of a cache's key).
    expect(people.headers.get('cache-control')).toBe('no-store');
    const [header, row] = (await people.text()).trim().split('\r\n');
    expect(header).toBe(
      'id,given_name,family_name,email,phone,postal_code,languages,region,sector,source,referral_code,referred_by,tags,created_at,standing,member_since,consented_at',
    );
    expect(row).toContain(`"'=HYPERLINK(""https://evil.example"")",Ortiz,rosa@example.org`);

    const signatures = await (
      await staffGet(api, '/api/v1/reports/petitions/fair-wages/signatures.csv')
    ).text();
    expect(signatures).toContain('"Fair pay, ""now"", for everyone"');
    const attendances = await staffGet(api, '/api/v1/reports/events/union-meeting/attendances.csv');
    expect((await attendances.text()).trim()).toBe(
      'id,given_name,family_name,email,phone,status,attended,source,created_at,standing,member_since,consented_at',
    );
    expect((await staffGet(api, '/api/v1/reports/events/nope/attendances.csv')).status).toBe(404);
  });
});
