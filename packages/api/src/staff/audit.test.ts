/**
 * The audit log: each action it promises is recorded, with ids and counts but nothing about a
 * member; its rows cannot be changed or deleted; admins read it a page at a time, filtered, or
 * export it, and the export is recorded too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addStaffAccount,
  addStaffSession,
  consoleOrigin,
  consoleRequest,
  databases,
  enrollPasskey,
  openTestApi,
  person,
  signInWithPasskey,
  SoftwareAuthenticator,
  staffToken,
  type TestApi,
} from '../testing.ts';

interface Entry {
  id: string;
  action: string;
  actor_kind: string;
  actor_id: string | null;
  actor_label: string | null;
  subject_kind: string | null;
  subject_id: string | null;
  detail: Record<string, unknown>;
}

describe.each(databases)('the audit log on %s', (_kind, open) => {
  let api: TestApi;
  let admin: { id: string; cookie: string };
  beforeEach(async () => {
    api = await openTestApi(open);
    const account = await addStaffAccount(api.db, { email: 'admin@example.org', role: 'admin' });
    admin = { id: account.id, cookie: await addStaffSession(api.db, account.id) };
  });
  afterEach(() => api.close());

  const entries = async (query = '') => {
    const response = await consoleRequest(api, `/api/v1/staff/audit${query}`, {
      cookie: admin.cookie,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { entries: Entry[]; next: string | null };
  };

  it('records sign-ins, invitations, accounts, keys, views, exports and erasures, with no member’s data', async () => {
    // An invitation, used: the account, its passkey and a sign-in.
    const invited = await consoleRequest(api, '/api/v1/staff/invitations', {
      body: { email: 'rosa@example.org', role: 'organizer' },
      cookie: admin.cookie,
    });
    const authenticator = new SoftwareAuthenticator();
    const enrolled = await enrollPasskey(api, (await invited.json()).url, authenticator);
    const rosa = (await enrolled.response.json()).account as { id: string };
    await signInWithPasskey(api, authenticator, { userVerified: false });
    const { cookie } = await signInWithPasskey(api, authenticator);
    await consoleRequest(api, '/api/v1/staff/sign-out', { method: 'POST', cookie });

    // The admin changes the account, makes a key and revokes it, ends a session.
    await consoleRequest(api, `/api/v1/staff/accounts/${rosa.id}`, {
      method: 'PATCH',
      body: { regions: ['gulf-south'] },
      cookie: admin.cookie,
    });
    const key = await (
      await consoleRequest(api, '/api/v1/staff/api-keys', {
        body: { name: 'Sync', scope: 'read' },
        cookie: admin.cookie,
      })
    ).json();
    await consoleRequest(api, `/api/v1/staff/api-keys/${key.id}`, {
      method: 'DELETE',
      cookie: admin.cookie,
    });
    const other = await addStaffSession(api.db, rosa.id);
    const [session] = await api.db.query<{ id: string }>(
      'select id from staff_sessions where account_id = $1 and ended_at is null',
      [rosa.id],
    );
    await consoleRequest(api, `/api/v1/staff/sessions/${session!.id}`, {
      method: 'DELETE',
      cookie: other,
    });

    // A member's record viewed, exported, in a CSV, and erased, with the bootstrap key.
    const joined = await api.app.request(`${consoleOrigin}/api/v1/people`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': staffToken },
      body: JSON.stringify({
        person: person('marisol.private@example.org', { given_name: 'Marisol' }),
      }),
    });
    const memberId = (await joined.json()).identifiers[0].slice(6);
    const asStaff = (path: string, method = 'GET') =>
      api.app.request(`${consoleOrigin}${path}`, {
        method,
        headers: { 'OSDI-API-Token': staffToken },
      });
    await (await asStaff(`/api/v1/people/${memberId}`)).arrayBuffer();
    await (await asStaff(`/api/v1/people/${memberId}/export`)).arrayBuffer();
    await (await asStaff('/api/v1/reports/people.csv?standing=member&from=2020-01-01')).text();
    await (await asStaff('/api/v1/reports/events/open-meeting/attendances.csv')).text();
    expect((await asStaff(`/api/v1/people/${memberId}`, 'DELETE')).status).toBe(204);

    const all = (await entries('?per_page=200')).entries.reverse();
    expect(all.map((entry) => entry.action)).toEqual([
      'invitation-created',
      'invitation-used',
      'sign-in',
      'sign-in-failed',
      'sign-in',
      'sign-out',
      'account-changed',
      'key-created',
      'key-revoked',
      'session-ended',
      'person-viewed',
      'export',
      'export',
      'export',
      'person-erased',
    ]);
    const by = (action: string) => all.filter((entry) => entry.action === action);
    expect(by('invitation-created')[0]).toMatchObject({
      actor_kind: 'staff',
      actor_id: admin.id,
      actor_label: 'admin@example.org',
      detail: { email: 'rosa@example.org', role: 'organizer' },
    });
    expect(by('invitation-used')[0]).toMatchObject({
      actor_id: rosa.id,
      detail: { account_id: rosa.id, invited_by: admin.id },
    });
    expect(by('sign-in').map((entry) => entry.detail.method)).toEqual(['passkey', 'passkey']);
    expect(by('sign-in-failed')[0]).toMatchObject({
      actor_label: 'rosa@example.org',
      detail: { method: 'passkey', reason: 'passkey-not-verified' },
    });
    expect(by('account-changed')[0]).toMatchObject({
      subject_id: rosa.id,
      detail: { changes: { regions: ['gulf-south'] } },
    });
    expect(by('key-created')[0]).toMatchObject({
      subject_kind: 'key',
      subject_id: key.id,
      detail: { name: 'Sync', scope: 'read' },
    });
    expect(by('session-ended')[0]).toMatchObject({ actor_id: rosa.id, subject_id: session!.id });
    expect(by('person-viewed')[0]).toMatchObject({
      actor_kind: 'key',
      actor_label: 'RALLY_ADMIN_TOKEN',
      subject_kind: 'person',
      subject_id: memberId,
    });
    expect(by('export').map((entry) => entry.detail)).toEqual([
      { export: 'person' },
      { export: 'people', filters: { standing: 'member', from: '2020-01-01' }, rows: 1 },
      { export: 'attendances', filters: { event: 'open-meeting' }, rows: 0 },
    ]);
    expect(by('person-erased')[0]).toMatchObject({ subject_id: memberId, detail: {} });

    // Ids and counts only: nothing that says who the member was.
    const stored = JSON.stringify(await api.db.query('select * from audit_log'));
    expect(stored).not.toContain('marisol');
    expect(stored).not.toContain('Marisol');
    expect(stored).not.toContain('Ortiz');
  });

  it('refuses to change or delete a row, even to the database’s owner', async () => {
    await (
      await consoleRequest(api, '/api/v1/staff/sign-out', { method: 'POST', cookie: admin.cookie })
    ).arrayBuffer();
    const [row] = await api.db.query<{ id: string }>('select id::text as id from audit_log');
    expect(row).toBeDefined();
    await expect(
      api.db.query(`update audit_log set action = 'nothing' where id = $1`, [row!.id]),
    ).rejects.toThrow(/append-only/);
    await expect(api.db.query('delete from audit_log')).rejects.toThrow(/append-only/);
    expect(await api.db.query(`select action from audit_log`)).toEqual([{ action: 'sign-out' }]);
  });

  it('reads a page at a time, newest first, filtered by action, actor and days', async () => {
    for (let i = 0; i < 5; i++) {
      await (
        await consoleRequest(api, '/api/v1/staff/api-keys', {
          body: { name: `Key ${i}`, scope: 'read' },
          cookie: admin.cookie,
        })
      ).arrayBuffer();
    }
    await api.app.request(`${consoleOrigin}/api/v1/people`, {
      headers: { 'OSDI-API-Token': staffToken },
    });
    const first = await entries('?action=key-created&per_page=2');
    expect(first.entries.map((entry) => entry.detail.name)).toEqual(['Key 4', 'Key 3']);
    const second = await (
      await consoleRequest(api, new URL(first.next!).pathname + new URL(first.next!).search, {
        cookie: admin.cookie,
      })
    ).json();
    expect(second.entries.map((entry: Entry) => entry.detail.name)).toEqual(['Key 2', 'Key 1']);

    expect((await entries(`?actor=${admin.id}`)).entries).toHaveLength(5);
    expect((await entries('?actor=ADMIN@example.org')).entries).toHaveLength(5);
    const today = new Date().toISOString().slice(0, 10);
    // The five keys made, and the page of people the key read (`people-listed`).
    expect((await entries(`?from=${today}&to=${today}`)).entries).toHaveLength(6);
    expect((await entries('?to=2020-01-01')).entries).toEqual([]);

    const unreadable = await consoleRequest(api, '/api/v1/staff/audit?before=x', {
      cookie: admin.cookie,
    });
    expect(unreadable.status).toBe(400);
  });

  it('exports as CSV, oldest first, and records the export itself', async () => {
    for (let i = 0; i < 11; i++) {
      await consoleRequest(api, '/api/v1/staff/api-keys', {
        body: { name: `Key ${i}`, scope: 'read' },
        cookie: admin.cookie,
      });
    }
    const response = await consoleRequest(
      api,
      '/api/v1/staff/audit?format=csv&action=key-created',
      {
        cookie: admin.cookie,
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/audit-log\.csv/);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,at,actor_kind,actor_id,actor_label,action,subject_kind,subject_id,detail,ip',
    );
    expect(lines).toHaveLength(12);
    // By id as a number: the tenth entry after the ninth.
    const ids = lines.slice(1).map((line) => Number(line.split(',')[0]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(lines[11]).toContain('""name"":""Key 10""');

    const [exported] = (await entries('?action=audit-exported')).entries;
    expect(exported).toMatchObject({
      actor_id: admin.id,
      detail: { filters: { action: 'key-created' }, rows: 11 },
    });
  });
});
