/**
 * The staff dashboard's figures on a small population whose every figure is known, seeded through
 * the public API, the staff check-in and Stripe's webhook as they arrive in life, then dated: each
 * figure exactly, in a region, for a partner's sources, and the CSV the same as the JSON. On both
 * databases.
 */
import { Hono } from 'hono';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RallySettings } from '../config.ts';
import type { AppContext } from '../context.ts';
import {
  databases,
  openTestApi,
  person,
  postJson,
  staffGet,
  staffToken,
  testOrigins,
  testSettings,
  testStripeWebhookSecret,
  type TestApi,
} from '../testing.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { figureNames } from './dashboard.ts';

/** The organization's goals and lines, as rally.config.json would set them. */
function dashboardSettings(): RallySettings {
  const settings = testSettings();
  return {
    ...settings,
    goals: {
      members: { regions: { louisiana: 4, 'florida-gulf': 10 }, sectors: { education: 6 } },
      participation: 0.5,
      activists: 0.1,
    },
    participation: { days: 90 },
    activists: { actions: 3, events_attended: 1, days: 90 },
  };
}

/** The period every test asks for: January to April 2026; its 90-day window starts on 31 January. */
const period = 'from=2026-01-01&to=2026-04-30';

type Rows = Record<string, unknown>[];

describe.each(databases)('the staff dashboard on %s', (_kind, open) => {
  let api: TestApi;
  let anaCode: string;

  async function figuresOf(query: string): Promise<Record<string, Rows>> {
    const response = await staffGet(api, `/api/v1/reports/dashboard?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()).figures;
  }

  const at = (email: string, sql: string, time: string) =>
    api.db.query(sql.replace('$person', '(select id from people where email = $1)'), [email, time]);

  /** A widget's form for `email`, sent from `origin` and taken: the API's answer. */
  async function sent(path: string, email: string, body: object, origin: string) {
    const response = await postJson(
      api,
      path,
      { person: person(email), ...body },
      { Origin: origin },
    );
    expect(response.status).toBe(201);
    return response.json();
  }

  async function join(email: string, time: string, body: object = {}, origin = testOrigins.site) {
    const answer = await sent('/api/v1/people', email, body, origin);
    await at(email, 'update people set joined_at = $2 where id = $person', time);
    await at(email, 'update people set created_at = $2 where id = $person', time);
    return answer as { referral_code: string };
  }

  async function sign(email: string, time: string, body: object = {}, origin = testOrigins.site) {
    await sent('/api/v1/petitions/fair-wages/signatures', email, body, origin);
    await at(email, 'update signatures set created_at = $2 where person_id = $person', time);
    // A supporter arrives with their first action.
    await at(
      email,
      'update people set created_at = least(created_at, $2) where id = $person',
      time,
    );
  }

  async function rsvp(email: string, event: string, time: string, origin = testOrigins.site) {
    const { identifiers } = await sent(`/api/v1/events/${event}/attendances`, email, {}, origin);
    const id = (identifiers as string[])[0]!.slice(6);
    await api.db.query('update attendances set created_at = $2 where id = $1', [id, time]);
    return id;
  }

  /** Staff at the door record whether the person came. */
  async function checkIn(event: string, attendance: string, attended: boolean) {
    const response = await api.app.request(
      `http://api.rally.test/api/v1/events/${event}/attendances/${attendance}`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': staffToken },
        body: JSON.stringify({ attended }),
      },
    );
    expect(response.status).toBe(200);
  }

  /** Stripe's word, signed as Stripe signs it. */
  async function stripe(id: string, type: string, time: string, object: object) {
    const created = Date.parse(time) / 1000;
    const payload = JSON.stringify({ id, object: 'event', type, created, data: { object } });
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: testStripeWebhookSecret,
    });
    const response = await api.app.request('http://api.rally.test/api/v1/stripe/webhook', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      body: payload,
    });
    expect(await response.json()).toEqual({ received: true, outcome: 'applied' });
  }

  /** Monthly dues from `start`, paid on `paid`, and lapsed on `lapsed` if given. */
  async function dues(email: string, start: string, paid: string, lapsed?: string) {
    const [{ id }] = (await api.db.query<{ id: string }>('select id from people where email = $1', [
      email,
    ])) as [{ id: string }];
    const metadata = { rally_person_id: id, rally_amount: '1500', rally_interval: 'month' };
    const ids = { customer: `cus_${id}`, subscription: `sub_${id}` };
    await stripe(`evt_start_${id}`, 'checkout.session.completed', start, {
      id: `cs_${id}`,
      object: 'checkout.session',
      mode: 'subscription',
      ...ids,
      payment_status: 'paid',
      amount_total: 1500,
      currency: 'usd',
      metadata,
    });
    await stripe(`evt_paid_${id}`, 'invoice.paid', paid, {
      id: `in_${id}`,
      object: 'invoice',
      customer: ids.customer,
      amount_paid: 1500,
      amount_due: 1500,
      currency: 'usd',
      parent: { subscription_details: { metadata, subscription: ids.subscription } },
    });
    if (lapsed)
      await stripe(`evt_lapsed_${id}`, 'customer.subscription.deleted', lapsed, {
        id: ids.subscription,
        object: 'subscription',
        customer: ids.customer,
        status: 'canceled',
        currency: 'usd',
        cancellation_details: { reason: 'payment_failed' },
        items: { data: [{ price: { unit_amount: 1500, recurring: { interval: 'month' } } }] },
        metadata,
      });
    await api.db.query('update dues_memberships set started_at = $2 where person_id = $1', [
      id,
      start,
    ]);
  }

  async function conversation(email: string, heldOn: string, assessment: number | null) {
    await at(
      email,
      `insert into conversations (person_id, organizer_name, held_on, notes, assessment)
       values ($person, 'Marisol', $2, 'Talked about the heat.', ${assessment ?? 'null'})`,
      heldOn,
    );
  }

  beforeEach(async () => {
    api = await openTestApi(open, dashboardSettings());
    // Ana: a member since December, Louisiana, education; signed and RSVPed twice in the window,
    // and did not come to the union meeting.
    anaCode = (
      await join('ana@example.org', '2025-12-01T12:00:00Z', {
        person: person('ana@example.org', {
          given_name: 'Ana',
          phone_numbers: [{ number: '+1 504 555 0101' }],
          postal_addresses: [{ postal_code: '70112' }],
          custom_fields: { employer: 'Sunrise Home Care' },
        }),
        region: 'louisiana',
        sector: 'education',
        referrer_data: { source: 'louisiana' },
      })
    ).referral_code;
    await sign('ana@example.org', '2026-03-01T12:00:00Z');
    const anaAtMeeting = await rsvp('ana@example.org', 'union-meeting', '2026-03-01T12:00:00Z');
    await rsvp('ana@example.org', 'open-meeting', '2026-03-01T12:00:00Z');
    // Ben: joined in February on the partner's page, referred by Ana; came to the union meeting.
    await join(
      'ben@example.org',
      '2026-02-10T12:00:00Z',
      {
        person: person('ben@example.org', {
          given_name: 'Ben',
          phone_numbers: [{ number: '+1 504 555 0102' }],
        }),
        region: 'louisiana',
        sector: 'domestic-work',
        referrer_data: { referrer: anaCode },
      },
      testOrigins.partner,
    );
    const benAtMeeting = await rsvp(
      'ben@example.org',
      'union-meeting',
      '2026-03-02T12:00:00Z',
      testOrigins.partner,
    );
    // Cleo: a member since June 2025 whose dues lapsed; she signed before the window, and
    // cancelled the one RSVP she made in it.
    await join('cleo@example.org', '2025-06-01T12:00:00Z', {
      person: person('cleo@example.org', { postal_addresses: [{ postal_code: '77001' }] }),
      region: 'texas-gulf',
      referrer_data: { source: 'texas-gulf' },
    });
    await dues(
      'cleo@example.org',
      '2025-06-01T12:00:00Z',
      '2025-07-01T12:00:00Z',
      '2025-08-01T12:00:00Z',
    );
    await sign('cleo@example.org', '2025-12-01T12:00:00Z');
    const cleoOpen = await rsvp('cleo@example.org', 'open-meeting', '2026-03-03T12:00:00Z');
    await api.db.query('select rally_cancel_attendance($1)', [cleoOpen]);
    // Dan: a supporter, who signed on the partner's page and is on the union meeting's waitlist.
    await sign(
      'dan@example.org',
      '2026-03-15T12:00:00Z',
      { region: 'louisiana' },
      testOrigins.partner,
    );
    await rsvp('dan@example.org', 'union-meeting', '2026-03-03T12:00:00Z');
    // Eve: signed in September 2025, then became a member by paying dues, paid again in April.
    await sign('eve@example.org', '2025-09-01T12:00:00Z', {
      region: 'mississippi-alabama',
      sector: 'education',
      referrer_data: { source: 'mississippi-alabama' },
    });
    await dues('eve@example.org', '2025-09-20T12:00:00Z', '2026-04-20T12:00:00Z');
    // Fay: joined in April with a blank employer; signed and RSVPed: two actions, not three.
    await join('fay@example.org', '2026-04-25T12:00:00Z', {
      person: person('fay@example.org', { custom_fields: { employer: '   ' } }),
      sector: 'education',
    });
    await sign('fay@example.org', '2026-04-26T12:00:00Z');
    await rsvp('fay@example.org', 'open-meeting', '2026-04-27T12:00:00Z');
    // Gus: joins after the period, and counts in none of it.
    await join('gus@example.org', '2026-06-15T12:00:00Z', { region: 'louisiana' });
    await sign('gus@example.org', '2026-06-20T12:00:00Z');

    // The events took place in the period; staff recorded who came.
    await api.db.query(
      `update events set start_at = $2, end_at = $2::timestamptz + interval '2 hours' where id = $1`,
      ['union-meeting', '2026-03-10T23:00:00Z'],
    );
    await api.db.query(
      `update events set start_at = $2, end_at = $2::timestamptz + interval '1 hour' where id = $1`,
      ['open-meeting', '2026-04-28T22:00:00Z'],
    );
    await checkIn('union-meeting', anaAtMeeting, false);
    await checkIn('union-meeting', benAtMeeting, true);

    await conversation('ana@example.org', '2026-02-05', 1);
    await conversation('ana@example.org', '2026-03-05', 2);
    await conversation('ben@example.org', '2026-03-20', 3);
    await conversation('dan@example.org', '2026-03-21', null);
    await conversation('gus@example.org', '2026-06-01', 2);
  });
  afterEach(() => api.close());

  it('is for staff only', async () => {
    expect((await api.app.request('/api/v1/reports/dashboard')).status).toBe(401);
    expect((await api.app.request('/api/v1/reports/dashboard/participation.csv')).status).toBe(401);
  });

  it('counts every figure of the period exactly', async () => {
    const response = await staffGet(api, `/api/v1/reports/dashboard?${period}`);
    const body = await response.json();
    expect(body.scope).toEqual({
      region: null,
      sector: null,
      from: '2026-01-01',
      to: '2026-04-30',
      sources: null,
    });
    const figures = body.figures as Record<string, Rows>;
    expect(Object.keys(figures)).toEqual(figureNames);
    // The figures count by slug; the names staff know them by come with them.
    expect(body.names).toEqual({
      'domestic-work': { en: 'Domestic work' },
      'gulf-south': { en: 'Gulf South' },
    });

    // Members at each month's end: those from before the period count from January; Florida has a
    // goal and nobody yet; Fay has no region.
    const region = (month: string, counts: [string | null, number, number | null][]) =>
      counts.map(([key, members, goal]) => ({
        month,
        region: key,
        members,
        goal,
        share_of_goal: goal === null ? null : members / goal,
      }));
    expect(figures.members_by_region).toEqual([
      ...region('2026-01', [
        ['florida-gulf', 0, 10],
        ['louisiana', 1, 4],
        ['mississippi-alabama', 1, null],
        ['texas-gulf', 1, null],
        [null, 0, null],
      ]),
      ...['2026-02', '2026-03'].flatMap((month) =>
        region(month, [
          ['florida-gulf', 0, 10],
          ['louisiana', 2, 4],
          ['mississippi-alabama', 1, null],
          ['texas-gulf', 1, null],
          [null, 0, null],
        ]),
      ),
      ...region('2026-04', [
        ['florida-gulf', 0, 10],
        ['louisiana', 2, 4],
        ['mississippi-alabama', 1, null],
        ['texas-gulf', 1, null],
        [null, 1, null],
      ]),
    ]);
    expect(
      figures.members_by_sector!.map((row) => [row.month, row.sector, row.members, row.goal]),
    ).toEqual([
      ['2026-01', 'domestic-work', 0, null],
      ['2026-01', 'education', 2, 6],
      ['2026-01', null, 1, null],
      ['2026-02', 'domestic-work', 1, null],
      ['2026-02', 'education', 2, 6],
      ['2026-02', null, 1, null],
      ['2026-03', 'domestic-work', 1, null],
      ['2026-03', 'education', 2, 6],
      ['2026-03', null, 1, null],
      ['2026-04', 'domestic-work', 1, null],
      ['2026-04', 'education', 3, 6],
      ['2026-04', null, 1, null],
    ]);
    expect(figures.members_by_sector!.at(-2)!.share_of_goal).toBe(0.5);

    // New members by the Monday of their week: Ben (the partner's, Ana's referral), then Fay.
    expect(figures.new_members_by_source).toEqual([
      { week: '2026-02-09', source: 'riverside', members: 1 },
      { week: '2026-04-20', source: null, members: 1 },
    ]);
    expect(figures.new_members_by_partner).toEqual([
      {
        week: '2026-02-09',
        partner: 'riverside',
        partner_name: 'Riverside Worker Center',
        members: 1,
      },
      { week: '2026-04-20', partner: null, partner_name: null, members: 1 },
    ]);
    expect(figures.new_members_by_referrer).toEqual([
      { week: '2026-02-09', referrer: anaCode, referrer_name: 'Ana', members: 1 },
    ]);

    // Five members at the end of April. Took part in the window: Ana (signed), Ben and Fay
    // (joined), Eve (paid dues); not Cleo, whose only RSVP she cancelled.
    expect(figures.participation).toEqual([
      { as_of: '2026-04-30', days: 90, members: 5, participating: 4, share: 0.8, target: 0.5 },
    ]);
    // Activists: Ana (a signature and two RSVPs), Ben (came to a meeting); not Fay, whose join is
    // no action here, nor Eve, whose dues are none.
    expect(figures.activists).toEqual([
      {
        as_of: '2026-04-30',
        days: 90,
        min_actions: 3,
        min_events_attended: 1,
        members: 5,
        activists: 2,
        share: 0.4,
        target: 0.1,
      },
    ]);
    // Members of 3 months: Ana, Cleo, Eve; of 6 months: Cleo, Eve. Cleo's dues lapsed; Eve paid
    // in April.
    expect(figures.retention).toEqual([
      {
        as_of: '2026-04-30',
        months: 3,
        members: 3,
        still_members: 2,
        still_members_share: 0.6667,
        dues_paid: 1,
        dues_paid_share: 0.3333,
      },
      {
        as_of: '2026-04-30',
        months: 6,
        members: 2,
        still_members: 1,
        still_members_share: 0.5,
        dues_paid: 1,
        dues_paid_share: 0.5,
      },
    ]);
    // Phones: Ana, Ben; addresses: Ana, Cleo; an employer: Ana (Fay's is blank).
    expect(figures.contact_completeness).toEqual([
      {
        as_of: '2026-04-30',
        members: 5,
        with_phone: 2,
        with_phone_share: 0.4,
        with_address: 2,
        with_address_share: 0.4,
        with_employer: 1,
        with_employer_share: 0.2,
      },
    ]);
    // By the end of April: Eve, Cleo, Ana, Dan, Fay; in the period: Ana, Dan, Fay. Gus signed later.
    expect(figures.petitions).toEqual([
      {
        petition: 'fair-wages',
        title: 'Fair wages for home care workers',
        goal: 1000,
        signatures: 5,
        share_of_goal: 0.005,
        signatures_in_period: 3,
      },
      {
        petition: 'heat-rules',
        title: 'Reglas contra el calor para trabajadores del campo',
        goal: 500,
        signatures: 0,
        share_of_goal: 0,
        signatures_in_period: 0,
      },
    ]);
    expect(figures.events).toEqual([
      {
        event: 'union-meeting',
        title: 'Home care union meeting',
        start_at: '2026-03-10T23:00:00.000Z',
        capacity: 2,
        rsvps: 2,
        waitlisted: 1,
        attended: 1,
        attendance_rate: 0.5,
      },
      {
        event: 'open-meeting',
        title: 'Open organizing call',
        start_at: '2026-04-28T22:00:00.000Z',
        capacity: null,
        rsvps: 2,
        waitlisted: 0,
        attended: 0,
        attendance_rate: 0,
      },
    ]);
    expect(figures.conversations).toEqual([
      { month: '2026-02', conversations: 1, people: 1, average_assessment: 1 },
      { month: '2026-03', conversations: 3, people: 3, average_assessment: 2.5 },
    ]);
  });

  it('counts signatures to date from the petition’s own counter when no end is asked for', async () => {
    const figures = await figuresOf('from=2026-01-01');
    expect(figures.petitions![0]).toMatchObject({
      petition: 'fair-wages',
      signatures: 6,
      signatures_in_period: 4,
    });
  });

  it('counts only one region’s people and their actions', async () => {
    const figures = await figuresOf(`${period}&region=louisiana`);
    expect(figures.members_by_region!.map((row) => [row.month, row.region, row.members])).toEqual([
      ['2026-01', 'louisiana', 1],
      ['2026-02', 'louisiana', 2],
      ['2026-03', 'louisiana', 2],
      ['2026-04', 'louisiana', 2],
    ]);
    expect(figures.members_by_sector!.at(-1)).toMatchObject({
      month: '2026-04',
      sector: 'education',
      members: 1,
    });
    expect(figures.participation![0]).toMatchObject({ members: 2, participating: 2, share: 1 });
    expect(figures.activists![0]).toMatchObject({ members: 2, activists: 2, share: 1 });
    expect(figures.retention).toMatchObject([
      { months: 3, members: 1, still_members: 1, dues_paid: 0, dues_paid_share: 0 },
      { months: 6, members: 0, still_members_share: null, dues_paid_share: null },
    ]);
    expect(figures.contact_completeness![0]).toMatchObject({
      members: 2,
      with_phone_share: 1,
      with_address_share: 0.5,
      with_employer_share: 0.5,
    });
    // Ana and Dan (a supporter of Louisiana) signed; Dan waits for a place at the meeting.
    expect(figures.petitions![0]).toMatchObject({ signatures: 2, signatures_in_period: 2 });
    expect(figures.events!.map((row) => [row.rsvps, row.waitlisted, row.attended])).toEqual([
      [2, 1, 1],
      [1, 0, 0],
    ]);
    expect(figures.new_members_by_source).toEqual([
      { week: '2026-02-09', source: 'riverside', members: 1 },
    ]);
    expect(figures.conversations).toEqual([
      { month: '2026-02', conversations: 1, people: 1, average_assessment: 1 },
      { month: '2026-03', conversations: 3, people: 3, average_assessment: 2.5 },
    ]);
  });

  it('restricts every figure to a partner’s sources', async () => {
    const figures = await figuresOf(`${period}&sources=riverside`);
    expect(figures).toEqual(partnerFigures(anaCode, 'Ana'));
  });

  it('gives a partner its own sources whatever it asks, and names no referrer', async () => {
    // The staff guard sets who is asking (staff accounts); here, a partner's session as it would.
    const app = new Hono<AppContext>();
    app.use(async (c, next) => {
      c.set('db', api.db);
      c.set('settings', dashboardSettings());
      (c.set as (key: string, value: unknown) => void)('staff', {
        role: 'partner',
        sources: ['riverside'],
      });
      await next();
    });
    app.route('/dashboard', dashboardRoutes);
    for (const asked of ['', '&sources=louisiana,texas-gulf']) {
      const response = await app.request(`/dashboard?${period}${asked}`);
      const body = await response.json();
      expect(body.scope.sources).toEqual(['riverside']);
      expect(body.figures).toEqual(partnerFigures(null, null));
    }
    const csv = await app.request(`/dashboard/participation.csv?${period}&sources=louisiana`);
    expect(await csv.text()).toBe(
      'as_of,days,members,participating,share,target\r\n2026-04-30,90,1,1,1,0.5\r\n',
    );
    // A partner with no source codes sees nothing at all, not everyone's.
    const none = new Hono<AppContext>();
    none.use(async (c, next) => {
      c.set('db', api.db);
      c.set('settings', dashboardSettings());
      (c.set as (key: string, value: unknown) => void)('staff', { role: 'partner', sources: [] });
      await next();
    });
    none.route('/dashboard', dashboardRoutes);
    const empty = (await (await none.request(`/dashboard?${period}`)).json()).figures;
    expect(empty.participation[0]).toMatchObject({ members: 0, participating: 0, share: null });
    expect(empty.petitions[0]).toMatchObject({ signatures: 0 });
  });

  it('gives each figure as CSV, the same rows as the JSON', async () => {
    for (const query of [period, `${period}&region=louisiana`, `${period}&sources=riverside`]) {
      const figures = await figuresOf(query);
      for (const name of figureNames) {
        const response = await staffGet(api, `/api/v1/reports/dashboard/${name}.csv?${query}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        expect(response.headers.get('content-disposition')).toBe(
          `attachment; filename="${name}-2026-01-01-2026-04-30.csv"`,
        );
        const [header, ...lines] = parseCsv(await response.text());
        const rows = figures[name]!;
        expect(header, name).toEqual(rows.length ? Object.keys(rows[0]!) : header);
        expect(lines, `${name} ${query}`).toEqual(
          rows.map((row) =>
            header!.map((column) => (row[column] === null ? '' : String(row[column]))),
          ),
        );
      }
    }
  });

  it('says which filter it cannot read', async () => {
    for (const [query, path, detail] of [
      ['region=Louisiana', 'query.region', /region must be a region's slug/],
      ['sector=home care', 'query.sector', /sector must be a sector's slug/],
      ['from=yesterday', 'query.from', /from must be a day written 2026-11-01/],
      ['to=2026-02-30', 'query.to', /to must be a day/],
      ['from=2026-05-01&to=2026-04-30', 'query.from', /from \(2026-05-01\) is after to/],
      ['from=2010-01-01&to=2026-04-30', 'query.from', /longer than ten years/],
      ['sources=riverside,Not A Code', 'query.sources', /"Not A Code" is not a source code/],
    ] as const) {
      for (const path_ of ['/api/v1/reports/dashboard', '/api/v1/reports/dashboard/events.csv']) {
        const response = await staffGet(api, `${path_}?${query.replaceAll(' ', '%20')}`);
        expect(response.status, query).toBe(400);
        const problem = await response.json();
        expect(problem.detail).toMatch(detail);
        expect(problem.errors[0].path).toBe(path);
      }
    }
  });

  it('records who saw referrers named, and nothing when no name was shown', async () => {
    const listed = () =>
      api.db.query<{ detail: Record<string, unknown> }>(
        `select detail from audit_log where action = 'people-listed'`,
      );
    await figuresOf(`${period}&figures=events`);
    await figuresOf('from=2025-01-01&to=2025-03-31');
    expect(await listed()).toEqual([]);
    await figuresOf(period);
    expect(await listed()).toEqual([
      {
        detail: {
          list: '/api/v1/reports/dashboard',
          figure: 'new_members_by_referrer',
          rows: 1,
        },
      },
    ]);
  });

  it('counts only the figures asked for, and says which name it does not know', async () => {
    const whole = await figuresOf(period);
    const some = await figuresOf(`${period}&figures=events,petitions`);
    expect(Object.keys(some).sort()).toEqual(['events', 'petitions']);
    expect(some.events).toEqual(whole.events);
    expect(some.petitions).toEqual(whole.petitions);
    const response = await staffGet(api, `/api/v1/reports/dashboard?figures=events,members`);
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.detail).toMatch(/"members" is no figure of the dashboard/);
    expect(problem.errors[0].path).toBe('query.figures');
  });

  it('takes twelve months to today when no period is asked for', async () => {
    const body = await (await staffGet(api, '/api/v1/reports/dashboard')).json();
    const today = new Date().toISOString().slice(0, 10);
    expect(body.scope.to).toBe(today);
    expect(body.figures.participation[0].as_of).toBe(today);
    const months = body.figures.members_by_region
      .filter((row: { region: string | null }) => row.region === 'louisiana')
      .map((row: { month: string }) => row.month);
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toBe(today.slice(0, 7));
    expect(body.scope.from).toBe(`${months[0]}-01`);
  });
});

/** Every figure with only what `riverside` brought: Ben, and Dan's signature; Ben's RSVP. */
function partnerFigures(referrer: string | null, referrerName: string | null) {
  const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
  const ben = (month: string) => (month === '2026-01' ? 0 : 1);
  return {
    members_by_region: months.flatMap((month) => [
      { month, region: 'florida-gulf', members: 0, goal: 10, share_of_goal: 0 },
      { month, region: 'louisiana', members: ben(month), goal: 4, share_of_goal: ben(month) / 4 },
    ]),
    members_by_sector: months.flatMap((month) => [
      { month, sector: 'domestic-work', members: ben(month), goal: null, share_of_goal: null },
      { month, sector: 'education', members: 0, goal: 6, share_of_goal: 0 },
    ]),
    new_members_by_source: [{ week: '2026-02-09', source: 'riverside', members: 1 }],
    new_members_by_partner: [
      {
        week: '2026-02-09',
        partner: 'riverside',
        partner_name: 'Riverside Worker Center',
        members: 1,
      },
    ],
    new_members_by_referrer: [
      { week: '2026-02-09', referrer, referrer_name: referrerName, members: 1 },
    ],
    participation: [
      { as_of: '2026-04-30', days: 90, members: 1, participating: 1, share: 1, target: 0.5 },
    ],
    activists: [
      {
        as_of: '2026-04-30',
        days: 90,
        min_actions: 3,
        min_events_attended: 1,
        members: 1,
        activists: 1,
        share: 1,
        target: 0.1,
      },
    ],
    retention: [3, 6].map((months) => ({
      as_of: '2026-04-30',
      months,
      members: 0,
      still_members: 0,
      still_members_share: null,
      dues_paid: 0,
      dues_paid_share: null,
    })),
    contact_completeness: [
      {
        as_of: '2026-04-30',
        members: 1,
        with_phone: 1,
        with_phone_share: 1,
        with_address: 0,
        with_address_share: 0,
        with_employer: 0,
        with_employer_share: 0,
      },
    ],
    petitions: [
      {
        petition: 'fair-wages',
        title: 'Fair wages for home care workers',
        goal: 1000,
        signatures: 1,
        share_of_goal: 0.001,
        signatures_in_period: 1,
      },
      {
        petition: 'heat-rules',
        title: 'Reglas contra el calor para trabajadores del campo',
        goal: 500,
        signatures: 0,
        share_of_goal: 0,
        signatures_in_period: 0,
      },
    ],
    events: [
      {
        event: 'union-meeting',
        title: 'Home care union meeting',
        start_at: '2026-03-10T23:00:00.000Z',
        capacity: 2,
        rsvps: 1,
        waitlisted: 0,
        attended: 1,
        attendance_rate: 1,
      },
      {
        event: 'open-meeting',
        title: 'Open organizing call',
        start_at: '2026-04-28T22:00:00.000Z',
        capacity: null,
        rsvps: 0,
        waitlisted: 0,
        attended: 0,
        attendance_rate: null,
      },
    ],
    // Ben's, and Dan's: a supporter the partner brought, whom an organizer met.
    conversations: [{ month: '2026-03', conversations: 2, people: 2, average_assessment: 3 }],
  };
}

/** RFC 4180, as csv.ts writes it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}
