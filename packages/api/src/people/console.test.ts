/**
 * The console's People screen: finding a person, their timeline, logging a conversation,
 * correcting their details, their export and erasure, and the conversations CSV — who may do
 * each, what each answers, and what the audit log keeps of it (ids and field names, never a
 * member's details). On both databases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffRole } from '@rally/core';
import {
  addStaffAccount,
  addStaffSession,
  consoleOrigin,
  consoleRequest,
  databases,
  openTestApi,
  person,
  postJson,
  signedInStaff,
  staffToken,
  type TestApi,
} from '../testing.ts';

interface AuditRow extends Record<string, unknown> {
  actor_kind: string;
  actor_id: string | null;
  action: string;
  subject_kind: string | null;
  subject_id: string | null;
  detail: Record<string, unknown>;
}

/** A person joined with the bootstrap key, in a region: their id. */
async function join(api: TestApi, email: string, extra: Record<string, unknown> = {}) {
  const response = await api.app.request(`${consoleOrigin}/api/v1/people`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': staffToken },
    body: JSON.stringify({ person: person(email), ...extra }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { identifiers: string[] }).identifiers[0]!.slice(6);
}

/** Everything in the audit log, oldest first. */
function auditRows(api: TestApi, action?: string) {
  return api.db.query<AuditRow>(
    `select actor_kind, actor_id, action, subject_kind, subject_id, detail from audit_log
     ${action ? 'where action = $1' : ''} order by id`,
    action ? [action] : [],
  );
}

/** The audit log holds none of a member's details: not their name, email, notes or numbers. */
async function expectNoPersonalValues(api: TestApi, ...values: string[]) {
  const text = JSON.stringify(await auditRows(api)).toLowerCase();
  for (const value of values) expect(text).not.toContain(value.toLowerCase());
}

describe.each(databases)('the console’s People routes on %s', (_kind, open) => {
  let api: TestApi;
  let rosa: string;
  let staffId: string;
  let organizer: string;

  const cookieOf = async (role: StaffRole, scope: { regions?: string[] } = {}) => {
    return signedInStaff(api.db, {
      email: `${role}-${Math.random().toString(36).slice(2)}@example.org`,
      role,
      ...scope,
    });
  };
  const ask = (path: string, options: Parameters<typeof consoleRequest>[2] = {}) =>
    consoleRequest(api, path, { cookie: organizer, ...options });

  beforeEach(async () => {
    api = await openTestApi(open);
    rosa = await join(api, 'rosa@example.org', { region: 'gulf-south' });
    const account = await addStaffAccount(api.db, {
      email: 'dana@example.org',
      role: 'organizer',
      regions: ['gulf-south'],
    });
    staffId = account.id;
    await api.db.query(`update staff_accounts set name = 'Dana Cruz' where id = $1`, [staffId]);
    organizer = await addStaffSession(api.db, account.id);
  });
  afterEach(() => api.close());

  describe('search', () => {
    it('finds people by name or email within the organizer’s regions, a page at a time', async () => {
      await join(api, 'ana.ortiz@example.org', { region: 'gulf-south' });
      await join(api, 'lakes@example.org', { region: 'great-lakes' });
      await join(api, 'nowhere@example.org');
      const found = async (query: string, cookie = organizer) => {
        const response = await ask(`/api/v1/people/search?${query}`, { cookie });
        expect(response.status).toBe(200);
        return response.json();
      };
      // Everyone is a Rosa Ortiz: the organizer sees the three without the great-lakes one.
      const first = await found('q=ortiz&per_page=2');
      expect(first).toMatchObject({ q: 'ortiz', page: 1, per_page: 2, more: true });
      const second = await found('q=ortiz&per_page=2&page=2');
      expect(second.more).toBe(false);
      const emails = [...first.people, ...second.people].map((p: { email: string }) => p.email);
      expect(emails.sort()).toEqual([
        'ana.ortiz@example.org',
        'nowhere@example.org',
        'rosa@example.org',
      ]);
      expect(first.people[0]).toEqual({
        id: expect.any(String),
        given_name: 'Rosa',
        family_name: 'Ortiz',
        email: expect.any(String),
        region: expect.anything(),
        sector: null,
        member: true,
      });
      // An exact email first; an admin sees every region.
      const admin = await cookieOf('admin');
      expect((await found('q=lakes@example.org', admin)).people[0].email).toBe('lakes@example.org');
      expect((await found('q=lakes@example.org')).people).toEqual([]);

      const short = await ask('/api/v1/people/search?q=ro');
      expect(short.status).toBe(400);
      expect((await short.json()).errors[0]).toMatchObject({ path: 'query.q', code: 'too_short' });
      expect((await ask('/api/v1/people/search?q=rosa&per_page=500')).status).toBe(400);
    });
  });

  describe('the timeline', () => {
    it('lists every kind of entry, newest first, with consents’ exact text and version', async () => {
      const joined = await postJson(api, '/api/v1/people', {
        person: person('thu@example.org', { given_name: 'Thu' }),
        region: 'gulf-south',
        consent: { text: 'Text me about campaigns.', version: 'sms-2026-01' },
      });
      expect(joined.status).toBe(201);
      const thu = ((await joined.json()) as { identifiers: string[] }).identifiers[0]!.slice(6);
      await postJson(api, '/api/v1/petitions/fair-wages/signatures', {
        person: person('thu@example.org'),
        comments: 'Pay us fairly.',
      });
      const rsvp = await postJson(api, '/api/v1/events/union-meeting/attendances', {
        person: person('thu@example.org'),
      });
      const attendance = ((await rsvp.json()) as { identifiers: string[] }).identifiers[0]!.slice(
        6,
      );
      const checkIn = await ask(`/api/v1/events/union-meeting/attendances/${attendance}`, {
        method: 'PUT',
        body: { attended: true },
      });
      expect(checkIn.status).toBe(200);
      const logged = await ask(`/api/v1/people/${thu}/conversations`, {
        body: { held_on: '2026-05-01', notes: 'Wants a steward at her site.', assessment: 2 },
      });
      expect(logged.status).toBe(201);
      const conversation = (await logged.json()) as { id: string };
      // Times of one's own choosing, so that the order is the point.
      await api.db.query(
        `update people set created_at = '2026-01-01T10:00:00Z', joined_at = '2026-01-01T10:00:00Z' where id = $1`,
        [thu],
      );
      await api.db.query(`update consents set given_at = '2026-01-01T10:00:00Z'`);
      await api.db.query(`update signatures set created_at = '2026-02-01T10:00:00Z'`);
      await api.db.query(`update attendances set created_at = '2026-03-01T10:00:00Z'`);
      await api.db.query(
        `insert into dues_memberships (person_id, status, amount, currency, interval, status_event_at, started_at)
         values ($1, 'lapsed', 1500, 'usd', 'month', '2026-06-01T00:00:00Z', '2026-04-01T00:00:00Z')`,
        [thu],
      );
      await api.db.query(
        `insert into dues_payments (id, person_id, amount, currency, status, paid_at)
         values ('in_1', $1, 1500, 'usd', 'paid', '2026-04-01T00:00:01Z')`,
        [thu],
      );

      const response = await ask(`/api/v1/people/${thu}/timeline`);
      expect(response.status).toBe(200);
      const { person: who, entries } = await response.json();
      expect(who).toEqual({
        id: thu,
        given_name: 'Thu',
        family_name: 'Ortiz',
        email: 'thu@example.org',
        region: 'gulf-south',
        sector: null,
      });
      const [consent] = await api.db.query<{ id: string }>('select id::text as id from consents');
      const [signature] = await api.db.query<{ id: string }>(
        'select id::text as id from signatures',
      );
      expect(entries).toEqual([
        {
          kind: 'attendance',
          at: '2030-03-08T00:00:00.000Z',
          id: attendance,
          detail: { event_id: 'union-meeting', title: 'Home care union meeting', attended: true },
        },
        {
          kind: 'membership',
          at: '2026-06-01T00:00:00.000Z',
          id: null,
          detail: { change: 'lapsed' },
        },
        {
          kind: 'conversation',
          at: '2026-05-01T00:00:00.000Z',
          id: conversation.id,
          detail: {
            held_on: '2026-05-01',
            notes: 'Wants a steward at her site.',
            assessment: 2,
            organizer_id: staffId,
            organizer_name: 'Dana Cruz',
          },
        },
        {
          kind: 'dues-payment',
          at: '2026-04-01T00:00:01.000Z',
          id: 'in_1',
          detail: { amount: 1500, currency: 'usd', status: 'paid' },
        },
        {
          kind: 'membership',
          at: '2026-04-01T00:00:00.000Z',
          id: null,
          detail: { change: 'started', amount: 1500, currency: 'usd', interval: 'month' },
        },
        {
          kind: 'rsvp',
          at: '2026-03-01T10:00:00.000Z',
          id: attendance,
          detail: {
            event_id: 'union-meeting',
            title: 'Home care union meeting',
            status: 'accepted',
            source: null,
          },
        },
        {
          kind: 'signature',
          at: '2026-02-01T10:00:00.000Z',
          id: signature!.id,
          detail: {
            petition_id: 'fair-wages',
            title: 'Fair wages for home care workers',
            comments: 'Pay us fairly.',
            source: null,
          },
        },
        // One moment, later-in-life first.
        {
          kind: 'consent',
          at: '2026-01-01T10:00:00.000Z',
          id: consent!.id,
          detail: { text: 'Text me about campaigns.', version: 'sms-2026-01' },
        },
        { kind: 'joined', at: '2026-01-01T10:00:00.000Z', id: null, detail: {} },
        {
          kind: 'added',
          at: '2026-01-01T10:00:00.000Z',
          id: null,
          detail: { source: null, website: 'https://gulf-south.rally.test' },
        },
      ]);

      const viewed = await auditRows(api, 'person-viewed');
      expect(viewed).toEqual([
        {
          actor_kind: 'staff',
          actor_id: staffId,
          action: 'person-viewed',
          subject_kind: 'person',
          subject_id: thu,
          detail: { view: 'timeline' },
        },
      ]);
      await expectNoPersonalValues(api, 'thu@example.org', 'Thu', 'steward', 'Text me');
    });

    it('keeps organizers to their regions and refuses other roles, saying why', async () => {
      const lakes = await join(api, 'lakes@example.org', { region: 'great-lakes' });
      // Outside their scope is as if there were no such person: nothing says where they are.
      const outside = await ask(`/api/v1/people/${lakes}/timeline`);
      expect(outside.status).toBe(404);
      const problem = await outside.json();
      expect(problem.detail).not.toContain('great-lakes');
      expect(problem.detail).not.toContain('lakes@example.org');
      expect(problem.detail).not.toContain('Rosa');
      for (const role of ['communications', 'partner'] as const) {
        const cookie = await cookieOf(role);
        for (const [path, body] of [
          [`/api/v1/people/search?q=rosa`, undefined],
          [`/api/v1/people/${rosa}/timeline`, undefined],
          [`/api/v1/people/${rosa}/conversations`, { held_on: '2026-05-01' }],
          [`/api/v1/reports/conversations.csv`, undefined],
        ] as const) {
          const response = await ask(path, { cookie, body });
          expect(response.status, `${role} ${path}`).toBe(403);
        }
        const patch = await ask(`/api/v1/people/${rosa}`, {
          cookie,
          method: 'PATCH',
          body: { given_name: 'Rose' },
        });
        expect(patch.status).toBe(403);
      }
      expect(
        (await ask('/api/v1/people/00000000-0000-4000-8000-000000000000/timeline')).status,
      ).toBe(404);
      expect((await ask('/api/v1/people/not-an-id/timeline')).status).toBe(404);
      expect(await auditRows(api, 'person-viewed')).toEqual([]);
      expect(await api.db.query('select 1 from conversations')).toEqual([]);
    });
  });

  describe('conversations', () => {
    it('are logged by the organizer signed in, and recorded in the audit log by id', async () => {
      const response = await ask(`/api/v1/people/${rosa}/conversations`, {
        body: { held_on: '2026-05-01', notes: 'Talked about the heat.', assessment: 1 },
      });
      expect(response.status).toBe(201);
      const logged = await response.json();
      expect(logged).toEqual({
        id: expect.any(String),
        person_id: rosa,
        organizer_id: staffId,
        organizer_name: 'Dana Cruz',
        held_on: '2026-05-01',
        notes: 'Talked about the heat.',
        assessment: 1,
        created_at: expect.any(String),
      });
      // With a key: the key's name, and no account.
      const byKey = await api.app.request(`${consoleOrigin}/api/v1/people/${rosa}/conversations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': staffToken },
        body: JSON.stringify({ held_on: '2026-05-02' }),
      });
      expect(byKey.status).toBe(201);
      expect(await byKey.json()).toMatchObject({
        organizer_id: null,
        notes: null,
        assessment: null,
      });

      const rows = await auditRows(api, 'conversation-logged');
      expect(rows[0]).toEqual({
        actor_kind: 'staff',
        actor_id: staffId,
        action: 'conversation-logged',
        subject_kind: 'person',
        subject_id: rosa,
        detail: { conversation: logged.id },
      });
      expect(rows).toHaveLength(2);
      await expectNoPersonalValues(api, 'heat', 'rosa@example.org');
    });

    it('are logged once per Idempotency-Key, however often one is sent', async () => {
      const send = () =>
        ask(`/api/v1/people/${rosa}/conversations`, {
          body: { held_on: '2026-05-03', assessment: 4 },
          headers: { 'Idempotency-Key': 'talk-1' },
        });
      const first = await send();
      const again = await send();
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json()).toEqual(await first.json());
      expect(await api.db.query('select 1 from conversations')).toHaveLength(1);
      expect(await auditRows(api, 'conversation-logged')).toHaveLength(1);
    });

    it('refuses what cannot be logged, naming the field', async () => {
      const refusals: [unknown, string, string][] = [
        [{}, 'held_on', 'required'],
        [{ held_on: '1 May' }, 'held_on', 'invalid'],
        [{ held_on: '2026-02-30' }, 'held_on', 'invalid'],
        [{ held_on: '2999-01-01' }, 'held_on', 'invalid'],
        [{ held_on: '2026-05-01', assessment: 6 }, 'assessment', 'too_long'],
        [{ held_on: '2026-05-01', assessment: 2.5 }, 'assessment', 'invalid_type'],
        [{ held_on: '2026-05-01', mood: 'good' }, 'mood', 'invalid'],
      ];
      for (const [body, field, code] of refusals) {
        const response = await ask(`/api/v1/people/${rosa}/conversations`, { body });
        expect(response.status, JSON.stringify(body)).toBe(422);
        const { errors } = await response.json();
        expect(errors, JSON.stringify(body)).toEqual([
          expect.objectContaining({ path: field, code }),
        ]);
      }
      expect(await api.db.query('select 1 from conversations')).toEqual([]);
      expect(await auditRows(api, 'conversation-logged')).toEqual([]);
    });

    it('are exported as CSV with the days, region and sector asked for, and audited', async () => {
      const lakes = await join(api, 'lakes@example.org', { region: 'great-lakes' });
      const admin = await cookieOf('admin');
      for (const [who, held_on, cookie] of [
        [rosa, '2026-05-01', organizer],
        [rosa, '2026-06-01', organizer],
        [lakes, '2026-05-02', admin],
      ] as const) {
        const response = await ask(`/api/v1/people/${who}/conversations`, {
          body: { held_on, notes: `=cmd on ${held_on}`, assessment: 3 },
          cookie,
        });
        expect(response.status).toBe(201);
      }
      const csv = async (query: string, cookie = organizer) => {
        const response = await ask(`/api/v1/reports/conversations.csv${query}`, { cookie });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('text/csv');
        return (await response.text()).trim().split('\r\n');
      };
      const [header, ...rows] = await csv('');
      expect(header).toBe(
        'id,person_id,given_name,family_name,email,region,sector,held_on,assessment,organizer_name,notes,created_at',
      );
      // The organizer's own region only; a note that looks like a formula stays text.
      expect(rows.map((row) => row.split(',').slice(4, 11))).toEqual([
        [
          'rosa@example.org',
          'gulf-south',
          '',
          '2026-05-01',
          '3',
          'Dana Cruz',
          "'=cmd on 2026-05-01",
        ],
        [
          'rosa@example.org',
          'gulf-south',
          '',
          '2026-06-01',
          '3',
          'Dana Cruz',
          "'=cmd on 2026-06-01",
        ],
      ]);
      expect((await csv('?from=2026-05-02&to=2026-05-31', admin)).slice(1)).toEqual([
        expect.stringContaining('lakes@example.org'),
      ]);
      expect((await csv('?region=great-lakes', admin)).length).toBe(2);
      expect((await csv('?to=2026-05-01')).length).toBe(2);
      expect((await csv('?sector=domestic-work', admin)).length).toBe(1);
      const bad = await ask('/api/v1/reports/conversations.csv?from=May');
      expect(bad.status).toBe(400);

      const exports = await auditRows(api, 'export');
      expect(exports.map((row) => row.detail)).toEqual([
        { export: 'conversations', filters: {}, regions: ['gulf-south'], sectors: [], rows: 2 },
        {
          export: 'conversations',
          filters: { from: '2026-05-02', to: '2026-05-31' },
          rows: 1,
        },
        { export: 'conversations', filters: { region: 'great-lakes' }, rows: 1 },
        {
          export: 'conversations',
          filters: { to: '2026-05-01' },
          regions: ['gulf-south'],
          sectors: [],
          rows: 1,
        },
        { export: 'conversations', filters: { sector: 'domestic-work' }, rows: 0 },
      ]);
    });
  });

  describe('corrections', () => {
    it('replace what is sent, and the audit log names the fields changed, never the values', async () => {
      const response = await ask(`/api/v1/people/${rosa}`, {
        method: 'PATCH',
        body: {
          given_name: 'Rosalía',
          family_name: 'Ortiz', // Unchanged: not named.
          email_addresses: [{ address: 'Rosalia@Example.org' }],
          phone_numbers: [{ number: '+1 504 555 0199' }],
          custom_fields: { employer: 'Sunrise Home Care' },
          sector: 'domestic-work',
        },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/hal+json');
      expect(await response.json()).toMatchObject({
        identifiers: [`rally:${rosa}`],
        given_name: 'Rosalía',
        family_name: 'Ortiz',
        email_addresses: [{ address: 'rosalia@example.org', primary: true }],
        phone_numbers: [{ number: '+1 504 555 0199' }],
        custom_fields: { employer: 'Sunrise Home Care' },
        region: 'gulf-south',
        sector: 'domestic-work',
      });
      // null and [] clear; a custom field is merged by key.
      const cleared = await ask(`/api/v1/people/${rosa}`, {
        method: 'PATCH',
        body: { family_name: null, phone_numbers: [], custom_fields: { shift: 'night' } },
      });
      expect(await cleared.json()).toMatchObject({
        family_name: null,
        phone_numbers: [],
        custom_fields: { employer: 'Sunrise Home Care', shift: 'night' },
      });
      // An address that was never hers is removed: she keeps her record, found by name.
      const unaddressed = await ask(`/api/v1/people/${rosa}`, {
        method: 'PATCH',
        body: { email_addresses: [] },
      });
      expect(await unaddressed.json()).toMatchObject({ email_addresses: [] });
      const [row] = await api.db.query('select email from people where id = $1', [rosa]);
      expect(row).toEqual({ email: null });
      const found = await ask('/api/v1/people/search?q=rosal%C3%ADa');
      expect((await found.json()).people.map((match: { id: string }) => match.id)).toEqual([rosa]);
      // Nothing different: nothing written, nothing logged.
      expect(
        (await ask(`/api/v1/people/${rosa}`, { method: 'PATCH', body: { given_name: 'Rosalía' } }))
          .status,
      ).toBe(200);

      const corrected = await auditRows(api, 'person-corrected');
      expect(corrected).toEqual([
        {
          actor_kind: 'staff',
          actor_id: staffId,
          action: 'person-corrected',
          subject_kind: 'person',
          subject_id: rosa,
          detail: { fields: ['given_name', 'email', 'phone_numbers', 'custom_fields', 'sector'] },
        },
        {
          actor_kind: 'staff',
          actor_id: staffId,
          action: 'person-corrected',
          subject_kind: 'person',
          subject_id: rosa,
          detail: { fields: ['family_name', 'phone_numbers', 'custom_fields'] },
        },
        {
          actor_kind: 'staff',
          actor_id: staffId,
          action: 'person-corrected',
          subject_kind: 'person',
          subject_id: rosa,
          detail: { fields: ['email'] },
        },
      ]);
      // The number as written, not '555': a random id in the log may hold those three digits.
      await expectNoPersonalValues(api, 'Rosal', 'rosalia@', '504 555 0199', 'Sunrise', 'night');
    });

    it('refuse what cannot be stored, naming the field, and change nothing', async () => {
      await join(api, 'ana@example.org', { region: 'gulf-south' });
      const refusals: [unknown, number, string][] = [
        [{}, 422, ''],
        [{ email_addresses: [{ address: 'not an address' }] }, 422, 'email_addresses.0.address'],
        [
          { email_addresses: [{ address: 'rosa@example.org' }, { address: 'r@example.org' }] },
          422,
          'email_addresses',
        ],
        [{ phone_numbers: [{ number: 'call me' }] }, 422, 'phone_numbers.0.number'],
        [{ region: 'Gulf South!' }, 422, 'region'],
        [{ region: 'great-lakes' }, 422, 'region'],
        [{ nickname: 'Ro' }, 422, 'nickname'],
        [{ email_addresses: [{ address: 'ana@example.org' }] }, 409, 'email_addresses.0.address'],
      ];
      for (const [body, status, field] of refusals) {
        const response = await ask(`/api/v1/people/${rosa}`, { method: 'PATCH', body });
        expect(response.status, JSON.stringify(body)).toBe(status);
        const problem = await response.json();
        expect(problem.errors?.[0]?.path ?? '', JSON.stringify(body)).toBe(field);
      }
      const [row] = await api.db.query('select email, region from people where id = $1', [rosa]);
      expect(row).toEqual({ email: 'rosa@example.org', region: 'gulf-south' });
      expect(await auditRows(api, 'person-corrected')).toEqual([]);
    });
  });

  describe('export and erasure', () => {
    it('export the conversations with the rest, audited, and erase them with the person', async () => {
      await ask(`/api/v1/people/${rosa}/conversations`, {
        body: { held_on: '2026-05-01', notes: 'First talk.', assessment: 2 },
      });
      const exported = await ask(`/api/v1/people/${rosa}/export`);
      expect(exported.status).toBe(200);
      const file = await exported.json();
      expect(file.conversations).toEqual([
        {
          id: expect.any(String),
          held_on: '2026-05-01',
          organizer_name: 'Dana Cruz',
          notes: 'First talk.',
          assessment: 2,
          created_at: expect.any(String),
        },
      ]);
      expect(file.dues).toEqual({ membership: null, payments: [], checkouts: [] });
      expect(await auditRows(api, 'export')).toEqual([
        {
          actor_kind: 'staff',
          actor_id: staffId,
          action: 'export',
          subject_kind: 'person',
          subject_id: rosa,
          detail: { export: 'person' },
        },
      ]);

      const erased = await ask(`/api/v1/people/${rosa}`, { method: 'DELETE' });
      expect(erased.status).toBe(204);
      expect(await api.db.query('select 1 from conversations')).toEqual([]);
      expect(await api.db.query('select 1 from people where id = $1', [rosa])).toEqual([]);
      expect(await auditRows(api, 'person-erased')).toEqual([
        {
          actor_kind: 'staff',
          actor_id: staffId,
          action: 'person-erased',
          subject_kind: 'person',
          subject_id: rosa,
          detail: {},
        },
      ]);
      await expectNoPersonalValues(api, 'rosa@example.org', 'First talk');
    });
  });
});
