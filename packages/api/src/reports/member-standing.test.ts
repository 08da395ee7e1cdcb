/**
 * member_standing (migration 017) stays true to the people and dues it is made from, through the
 * writes that change them as they happen in life — joining, signing, a second join filling a blank,
 * a staff correction, dues starting and lapsing, an erasure — and agrees, row for row, with
 * `memberSince` read from the rows themselves. On both databases.
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
import { duesJoin, memberSince } from './standing.ts';

interface Standing extends Record<string, unknown> {
  email: string;
  region: string | null;
  sector: string | null;
  member: boolean;
  first_member_since: Date;
  dues_status: string | null;
  has_phone: boolean;
  has_address: boolean;
  has_employer: boolean;
}

describe.each(databases)('member standing on %s', (_kind, open) => {
  let api: TestApi;

  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  const standing = () =>
    api.db.query<Standing>(
      `select p.email, s.region, s.sector, s.member_since is not null as member,
              s.first_member_since, s.dues_status, s.has_phone, s.has_address, s.has_employer
       from member_standing s join people p on p.id = s.person_id order by p.email`,
    );

  /** The same, worked out from people and dues as every other report does. */
  const fromTheRows = () =>
    api.db.query(
      `select p.id, p.region, p.sector, p.source, p.joined_at, ${memberSince} as member_since,
              least(p.joined_at, d.started_at) as first_member_since, d.status, d.interval,
              p.phone_numbers <> '[]' as has_phone, p.postal_addresses <> '[]' as has_address,
              nullif(btrim(p.custom_fields ->> 'employer'), '') is not null as has_employer
       from people p ${duesJoin}
       where least(p.joined_at, d.started_at) is not null order by p.id`,
    );
  const kept = () =>
    api.db.query(
      `select person_id as id, region, sector, source, joined_at, member_since, first_member_since,
              dues_status as status, dues_interval as interval, has_phone, has_address, has_employer
       from member_standing order by person_id`,
    );

  async function join(email: string, extra: Record<string, unknown> = {}) {
    const response = await postJson(api, '/api/v1/people', { person: person(email, extra) });
    expect(response.status).toBe(201);
    return ((await response.json()) as { identifiers: string[] }).identifiers[0]!.slice(6);
  }

  async function sign(email: string) {
    const response = await postJson(api, '/api/v1/petitions/fair-wages/signatures', {
      person: person(email),
    });
    expect(response.status).toBe(201);
  }

  const dues = (email: string, status: string) =>
    api.db.query(
      `insert into dues_memberships (person_id, status, interval, status_event_at, started_at)
       select id, $2, 'month', now(), '2026-03-01T00:00:00Z' from people where email = $1
       on conflict (person_id) do update set status = excluded.status`,
      [email, status],
    );

  it('holds a row for each member and none for supporters, kept through every change', async () => {
    const rosa = await join('rosa@example.org', {
      postal_addresses: [{ postal_code: '70112' }],
      custom_fields: { employer: 'Hotel Uno' },
    });
    await sign('ana@example.org');
    expect(await standing()).toEqual([
      expect.objectContaining({
        email: 'rosa@example.org',
        member: true,
        has_phone: false,
        has_address: true,
        has_employer: true,
      }),
    ]);

    // Joining again fills a blank: the phone the first join left out.
    await join('rosa@example.org', { phone_numbers: [{ number: '+1 504 555 0101' }] });
    expect((await standing())[0]).toMatchObject({ has_phone: true });

    // A staff correction moves her to another region.
    const cookie = await signedInStaff(api.db, { email: 'dana@example.org', role: 'admin' });
    const corrected = await consoleRequest(api, `/api/v1/people/${rosa}`, {
      cookie,
      method: 'PATCH',
      body: { region: 'florida-gulf' },
    });
    expect(corrected.status).toBe(200);
    expect((await standing())[0]).toMatchObject({ region: 'florida-gulf' });

    // The supporter starts paying dues: a member from the day they started, until they lapse.
    await dues('ana@example.org', 'active');
    expect((await standing()).map((row) => [row.email, row.member, row.dues_status])).toEqual([
      ['ana@example.org', true, 'active'],
      ['rosa@example.org', true, null],
    ]);
    await dues('ana@example.org', 'lapsed');
    const lapsed = (await standing()).find((row) => row.email === 'ana@example.org');
    // No longer a member, but one once: retention still counts her in her cohort.
    expect(lapsed).toMatchObject({ member: false, dues_status: 'lapsed' });
    expect(lapsed!.first_member_since).toEqual(new Date('2026-03-01T00:00:00Z'));

    // Dues that lapse leave someone who joined a member.
    await dues('rosa@example.org', 'lapsed');
    expect((await standing()).find((row) => row.email === 'rosa@example.org')).toMatchObject({
      member: true,
    });

    // Dues taken away (a refund put right by hand): a supporter again, with no row.
    await api.db.query(
      `delete from dues_memberships where person_id = (select id from people where email = $1)`,
      ['ana@example.org'],
    );
    expect((await standing()).map((row) => row.email)).toEqual(['rosa@example.org']);

    expect(await kept()).toEqual(await fromTheRows());

    // Erased on request: nothing of her stays here either.
    const erased = await consoleRequest(api, `/api/v1/people/${rosa}`, {
      cookie,
      method: 'DELETE',
    });
    expect(erased.status).toBe(204);
    expect(await standing()).toEqual([]);
  });

  it('agrees with the rows after many people join, sign and pay', async () => {
    for (let n = 0; n < 12; n++) {
      const email = `person${n}@example.org`;
      if (n % 3 === 0) await sign(email);
      else
        await join(email, {
          ...(n % 2 === 0 ? { phone_numbers: [{ number: `+1 504 555 01${n}0` }] } : {}),
        });
      if (n % 4 === 0) await dues(email, n % 8 === 0 ? 'active' : 'past_due');
    }
    await api.db.query(`update people set region = 'louisiana' where email like 'person1%'`);
    await api.db.query(
      `update dues_memberships set status = 'cancelled'
       where person_id in (select id from people where email = 'person4@example.org')`,
    );
    const rows = await kept();
    // Eight joined, and one supporter pays dues.
    expect(rows.length).toBe(9);
    expect(rows).toEqual(await fromTheRows());
  });
});
