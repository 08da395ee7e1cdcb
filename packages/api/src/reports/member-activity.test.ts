/**
 * Each member's latest actions on their standing row (migration 022) stay true to the actions
 * they come from, through the writes that make and change them — signing, an RSVP, a check-in, a
 * cancellation, a payment, an event moved, a supporter who joins — and the dashboard's read of
 * those rows gives participation, activists and retention exactly as the read of the actions
 * themselves does, for every window, threshold and scope it answers; otherwise it leaves the
 * answer to the actions. On both databases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  consoleRequest,
  databases,
  openTestApi,
  openTestPostgres,
  person,
  postJson,
  signedInStaff,
  staffToken,
  type TestApi,
} from '../testing.ts';
import { activityFromActions, activityKept, recentActionsKept } from './dashboard-activity.ts';
import { figures } from './dashboard.ts';
import { SharedReads, type DashboardScope, type DashboardSettings } from './dashboard-sql.ts';

interface Kept extends Record<string, unknown> {
  person_id: string;
  recent_actions: Date[];
  recent_events: Date[];
  last_paid_at: Date | null;
}

/** What a member's standing row keeps of their activity, by their email; none for a supporter. */
async function keptOfPerson(api: TestApi, email: string): Promise<Kept | undefined> {
  const [row] = await api.db.query<Kept>(
    `select s.person_id, s.recent_actions, s.recent_events, s.last_paid_at
     from member_standing s join people p on p.id = s.person_id where p.email = $1`,
    [email],
  );
  return row;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
/** A period that has not ended, even for a test that runs across midnight: it ends tomorrow. */
const tomorrow = () => daysAgo(-1).slice(0, 10);

function settingsWith(
  activists: Partial<DashboardSettings['activists']> = {},
  participationDays = 90,
): DashboardSettings {
  return {
    goals: { members: { regions: {}, sectors: {} }, participation: 0.5, activists: 0.1 },
    participation: { days: participationDays },
    activists: { actions: 3, events_attended: 1, days: 90, ...activists },
    partners: [],
  };
}

function scopeOf(extra: Partial<DashboardScope> = {}): DashboardScope {
  return { from: '2026-01-01', to: tomorrow(), toGiven: false, personal: true, ...extra };
}

describe.each(databases)('members’ activity on %s', (_kind, open) => {
  let api: TestApi;

  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  const kept = () =>
    api.db.query<Kept>(
      `select person_id, recent_actions, recent_events, last_paid_at
       from member_standing order by person_id`,
    );

  /** The same, worked out from the actions themselves. */
  const fromTheRows = () =>
    api.db.query<Kept>(
      `select s.person_id,
              array(select t from (
                      select created_at as t from signatures where person_id = s.person_id
                      union all
                      select created_at from attendances
                      where person_id = s.person_id and status <> 'cancelled') actions
                    order by t desc limit ${recentActionsKept}) as recent_actions,
              array(select e.start_at from attendances a join events e on e.id = a.event_id
                    where a.person_id = s.person_id and a.attended
                    order by e.start_at desc limit ${recentActionsKept}) as recent_events,
              (select max(paid_at) from dues_payments
               where person_id = s.person_id and status = 'paid') as last_paid_at
       from member_standing s order by s.person_id`,
    );

  const keptOf = (email: string) => keptOfPerson(api, email);

  async function sent(path: string, email: string, extra: object = {}) {
    const response = await postJson(api, path, { person: person(email), ...extra });
    expect(response.status).toBe(201);
    return (await response.json()) as { identifiers: string[] };
  }

  it('keeps each member’s latest actions, events attended and payment through every change', async () => {
    await sent('/api/v1/people', 'rosa@example.org');
    expect(await keptOf('rosa@example.org')).toMatchObject({
      recent_actions: [],
      recent_events: [],
      last_paid_at: null,
    });

    // She signs, then RSVPs: newest first.
    await sent('/api/v1/petitions/fair-wages/signatures', 'rosa@example.org');
    const { identifiers } = await sent(
      '/api/v1/events/union-meeting/attendances',
      'rosa@example.org',
    );
    const rsvp = identifiers[0]!.slice(6);
    const [{ signed }] = (await api.db.query<{ signed: Date }>(
      'select created_at as signed from signatures',
    )) as [{ signed: Date }];
    const [{ rsvped }] = (await api.db.query<{ rsvped: Date }>(
      'select created_at as rsvped from attendances where id = $1',
      [rsvp],
    )) as [{ rsvped: Date }];
    expect((await keptOf('rosa@example.org'))!.recent_actions).toEqual([rsvped, signed]);

    // Staff at the door check her in; the event is then moved to a date already past.
    const checkIn = await api.app.request(
      `http://api.rally.test/api/v1/events/union-meeting/attendances/${rsvp}`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': staffToken },
        body: JSON.stringify({ attended: true }),
      },
    );
    expect(checkIn.status).toBe(200);
    const moved = new Date(daysAgo(3));
    await api.db.query(`update events set start_at = $1 where id = 'union-meeting'`, [moved]);
    expect((await keptOf('rosa@example.org'))!.recent_events).toEqual([moved]);

    // A payment, and a failed one after it that changes nothing.
    const paid = daysAgo(10);
    await api.db.query(
      `insert into dues_payments (id, person_id, amount, currency, status, paid_at)
       select 'in_1', id, 1500, 'usd', 'paid', $2 from people where email = $1`,
      ['rosa@example.org', paid],
    );
    await api.db.query(
      `insert into dues_payments (id, person_id, amount, currency, status, paid_at)
       select 'in_2', id, 1500, 'usd', 'failed', $2 from people where email = $1`,
      ['rosa@example.org', daysAgo(1)],
    );
    expect((await keptOf('rosa@example.org'))!.last_paid_at).toEqual(new Date(paid));

    // She cancels her RSVP (by her signed link): it is no longer an action of hers.
    await api.db.query('select rally_cancel_attendance($1)', [rsvp]);
    expect((await keptOf('rosa@example.org'))!.recent_actions).toEqual([signed]);

    // A supporter who signed, and joins later, brings the signature with her.
    await sent('/api/v1/petitions/fair-wages/signatures', 'ana@example.org');
    expect(await keptOf('ana@example.org')).toBeUndefined();
    await sent('/api/v1/people', 'ana@example.org');
    expect((await keptOf('ana@example.org'))!.recent_actions).toHaveLength(1);

    expect(await kept()).toEqual(await fromTheRows());
  });

  it('keeps them through walk-ins, a promotion from the waitlist, a return after cancelling and an erasure', async () => {
    const cookie = await signedInStaff(api.db, { email: 'dana@example.org', role: 'admin' });
    const members = ['a@example.org', 'b@example.org', 'c@example.org'];
    for (const email of members) await sent('/api/v1/people', email);
    // The meeting has two places: Ana and Bea take them, Cai waits.
    const cancelLinks: string[] = [];
    for (const email of members) {
      const response = await postJson(api, '/api/v1/events/union-meeting/attendances', {
        person: person(email),
      });
      expect(response.status).toBe(201);
      cancelLinks.push((await response.json())._links['rally:cancel'].href);
    }
    // Ana cancels, and Cai moves up; then Ana comes back, to a new place in line.
    expect((await api.app.request(cancelLinks[0]!, { method: 'POST' })).status).toBe(200);
    await sent('/api/v1/events/union-meeting/attendances', 'a@example.org');
    // At the door: Bea, who RSVPed, and someone new.
    for (const [key, body] of [
      ['walk-in-1', { given_name: 'Bea', email: 'b@example.org' }],
      ['walk-in-2', { given_name: 'Thu', email: 't@example.org' }],
    ] as const) {
      const walkIn = await consoleRequest(api, '/api/v1/events/union-meeting/walk-ins', {
        body,
        cookie,
        headers: { 'Idempotency-Key': key },
      });
      expect(walkIn.status).toBeLessThan(300);
    }
    expect(await kept()).toEqual(await fromTheRows());
    expect((await keptOf('a@example.org'))!.recent_actions).toHaveLength(1);
    expect((await keptOf('b@example.org'))!.recent_events).toHaveLength(1);

    // Bea is erased on request: her row goes, and everyone else's still agrees.
    const [bea] = await api.db.query<{ id: string }>(
      `select id from people where email = 'b@example.org'`,
    );
    const erased = await consoleRequest(api, `/api/v1/people/${bea!.id}`, {
      cookie,
      method: 'DELETE',
    });
    expect(erased.status).toBe(204);
    expect(await keptOf('b@example.org')).toBeUndefined();
    expect(await kept()).toEqual(await fromTheRows());
  });

  /**
   * Three hundred people over the last 400 days, seven in ten members, some with dues, each with
   * signatures, RSVPs (some cancelled, some attended) and payments at times spread over the year,
   * written row by row so the triggers keep the standing rows as they would in life.
   */
  async function population() {
    await api.db.exec(`
      insert into petitions (id, title, description, targets, goal, lang)
      select 'petition-' || n, 'Petition ' || n, 'A petition.', '[]', 1000, 'en'
      from generate_series(1, 12) n;
      insert into events (id, title, description, start_at, end_at, timezone, lang, region)
      select 'event-' || n, 'Event ' || n, 'An event.', now() - (n * 13 % 400) * interval '1 day',
             now() - (n * 13 % 400) * interval '1 day' + interval '2 hours', 'America/Chicago', 'en',
             'louisiana'
      from generate_series(1, 40) n;
      insert into people (email, referral_code, region, sector, source, created_at, joined_at)
      select 'p' || i || '@example.org', 'code' || i,
             (array['louisiana', 'texas-gulf', null])[1 + i % 3],
             (array['education', 'domestic-work', null])[1 + i / 2 % 3],
             (array['site', 'partner-a', null])[1 + i / 3 % 3],
             now() - (i * 37 % 400) * interval '1 day',
             case when i % 10 < 7 then now() - (i * 37 % 400) * interval '1 day' end
      from generate_series(1, 300) i;
      insert into dues_memberships (person_id, status, interval, status_event_at, started_at)
      select id, (array['active', 'past_due', 'lapsed', 'cancelled'])[1 + (hashtext(email) & 3)],
             (array['month', 'year', 'one_time'])[1 + (hashtext(email) >> 2 & 3) % 3],
             now(), created_at
      from people where hashtext(email) % 5 = 0;
      insert into dues_payments (id, person_id, amount, currency, status, paid_at)
      select 'in_' || d.person_id || '_' || k, d.person_id, 1500, 'usd',
             case when k % 4 = 3 then 'failed' else 'paid' end,
             now() - (k * 31 + (hashtext(d.person_id::text) & 15)) * interval '1 day'
      from dues_memberships d, generate_series(0, 7) k;
      insert into signatures (petition_id, person_id, source, created_at)
      select 'petition-' || (1 + (g + i) % 12), p.id, p.source,
             now() - ((g * 7919 + i * 104729) % (400 * 24)) * interval '1 hour'
      from (select id, source, row_number() over (order by email) as i from people) p,
           generate_series(0, 11) g
      where (g + i) % 4 <> 0
      on conflict do nothing;
      insert into attendances (event_id, person_id, status, attended, source, created_at)
      select 'event-' || (1 + (g * 11 + i) % 40), p.id,
             case (g + i) % 9 when 0 then 'cancelled' when 1 then 'waitlisted' else 'accepted' end,
             case when (g + i) % 3 <> 0 then true end, p.source,
             now() - ((g * 4241 + i * 613) % (400 * 24)) * interval '1 hour'
      from (select id, source, row_number() over (order by email) as i from people) p,
           generate_series(0, 5) g
      on conflict do nothing;
    `);
  }

  const context = (settings: DashboardSettings, scope: DashboardScope) => ({
    db: api.db,
    settings,
    scope,
    shared: new SharedReads(),
  });

  it('reads from the standing rows the same figures as from the actions, for every window, threshold and scope', async () => {
    await population();
    expect(await kept()).toEqual(await fromTheRows());

    const settingsList = [
      settingsWith(),
      settingsWith({ actions: 1, events_attended: 2, days: 30 }, 30),
      settingsWith({ actions: 5, events_attended: 3, days: 365 }, 180),
      settingsWith({ actions: recentActionsKept, events_attended: recentActionsKept, days: 400 }),
    ];
    const scopes = [
      scopeOf(),
      scopeOf({ region: 'louisiana' }),
      scopeOf({ sector: 'education', regions: ['texas-gulf'] }),
      scopeOf({ sources: ['partner-a'] }),
      scopeOf({ to: '2999-12-31', toGiven: true }),
    ];
    let someActivists = false;
    for (const settings of settingsList) {
      for (const scope of scopes) {
        const fromStanding = await activityKept(context(settings, scope));
        expect(fromStanding).toBeDefined();
        expect(fromStanding).toEqual(await activityFromActions(context(settings, scope)));
        someActivists ||=
          fromStanding!.activists > 0 && fromStanding!.activists < fromStanding!.members;
      }
    }
    // The population tells the cases apart: some members are activists and some are not.
    expect(someActivists).toBe(true);
  });

  it('leaves a period already over, a larger threshold, a payment dated after it and an event moved ahead to the actions', async () => {
    await population();
    const settings = settingsWith();
    const yesterday = daysAgo(1).slice(0, 10);
    expect(await activityKept(context(settings, scopeOf({ to: yesterday, toGiven: true })))).toBe(
      undefined,
    );
    expect(
      await activityKept(context(settingsWith({ actions: recentActionsKept + 1 }), scopeOf())),
    ).toBe(undefined);

    // A payment dated after the period (a clock set wrong) is a time after its end as well; taken
    // away again, the rows answer once more.
    await api.db.exec(
      `insert into dues_payments (id, person_id, amount, currency, status, paid_at)
       select 'in_later', person_id, 1500, 'usd', 'paid', now() + interval '5 days'
       from member_standing limit 1`,
    );
    expect(await activityKept(context(settings, scopeOf()))).toBe(undefined);
    await api.db.exec(`delete from dues_payments where id = 'in_later'`);
    expect(await activityKept(context(settings, scopeOf()))).toBeDefined();

    // An event someone attended is moved to next month: the standing rows hold a time after the
    // period, so their answer would not be exact.
    await api.db.exec(
      `update events set start_at = now() + interval '30 days' where id = (
         select event_id from attendances a join member_standing s on s.person_id = a.person_id
         where a.attended limit 1)`,
    );
    expect(await kept()).toEqual(await fromTheRows());
    expect(await activityKept(context(settings, scopeOf()))).toBe(undefined);

    // The dashboard answers all the same, from the actions.
    const [participation] = await figures.participation.read(api.db, scopeOf(), settings);
    const fromActions = await activityFromActions(context(settings, scopeOf()));
    expect(participation).toMatchObject({
      members: fromActions.members,
      participating: fromActions.participating,
    });
    expect(fromActions.participating).toBeGreaterThan(0);
  });
});

// Two writers at once need two connections: the embedded database has one.
describe('members’ activity under writes at once on postgres', () => {
  let api: TestApi;

  beforeEach(async () => {
    api = await openTestApi(openTestPostgres);
  });
  afterEach(() => api.close());

  const keptOf = (email: string) => keptOfPerson(api, email);

  it('keeps a signature made while a payment waits for the member’s row', async () => {
    const joined = await postJson(api, '/api/v1/people', { person: person('rosa@example.org') });
    expect(joined.status).toBe(201);
    let signed!: () => void;
    let commit!: () => void;
    const signing = new Promise<void>((resolve) => (signed = resolve));
    const held = new Promise<void>((resolve) => (commit = resolve));
    // She signs; before her signature commits, her dues payment arrives and waits for her row.
    const signature = api.db.transaction(async (tx) => {
      await tx.query(
        `insert into signatures (petition_id, person_id)
           select 'fair-wages', id from people where email = 'rosa@example.org'`,
      );
      signed();
      await held;
    });
    await signing;
    const payment = api.db.query(
      `insert into dues_payments (id, person_id, amount, currency, status, paid_at)
         select 'in_1', id, 1500, 'usd', 'paid', now() from people where email = 'rosa@example.org'`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    commit();
    await Promise.all([signature, payment]);
    const rosa = await keptOf('rosa@example.org');
    expect(rosa!.recent_actions).toHaveLength(1);
    expect(rosa!.last_paid_at).not.toBeNull();
  });
});
