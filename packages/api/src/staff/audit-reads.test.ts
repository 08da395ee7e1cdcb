/**
 * Every bulk read of people's personal data leaves an entry in the audit log: a page of people,
 * of a person's or a petition's signatures, of RSVPs, a search, a correction that changed nothing
 * (the record answered in full), the dashboard's referrers as CSV. Entries hold paths, parameter
 * names, pages and counts, never a value a member could be found by.
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

describe.each(databases)('the audit log of bulk reads, on %s', (_kind, open) => {
  let api: TestApi;
  let cookie: string;
  let personId: string;
  beforeAll(async () => {
    api = await openTestApi(open);
    for (const path of [
      '/api/v1/people',
      '/api/v1/petitions/fair-wages/signatures',
      '/api/v1/events/open-meeting/attendances',
    ]) {
      await postJson(
        api,
        path,
        { person: person('listed@example.org') },
        { 'OSDI-API-Token': staffToken },
      );
    }
    const [row] = await api.db.query<{ id: string }>(
      `select id from people where email = 'listed@example.org'`,
    );
    personId = row!.id;
    cookie = await signedInStaff(api.db, {
      email: 'organizer@example.org',
      role: 'organizer',
    });
  });
  afterAll(() => api.close());

  async function lastEntry() {
    const [entry] = await api.db.query<{
      action: string;
      actor_label: string;
      detail: Record<string, unknown>;
    }>('select action, actor_label, detail from audit_log order by id desc limit 1');
    return entry!;
  }

  it('records each page of people, signatures and RSVPs read, with no value asked for', async () => {
    const lists = [
      `/api/v1/people?filter=${encodeURIComponent("email_address eq 'listed@example.org'")}`,
      `/api/v1/people/${personId}/signatures`,
      `/api/v1/people/${personId}/attendances`,
      '/api/v1/petitions/fair-wages/signatures',
      '/api/v1/events/open-meeting/attendances',
    ];
    for (const path of lists) {
      const response = await consoleRequest(api, path, { cookie });
      expect(response.status, path).toBe(200);
      const entry = await lastEntry();
      expect(entry.action, path).toBe('people-listed');
      expect(entry.actor_label).toBe('organizer@example.org');
      expect(entry.detail).toMatchObject({ list: path.split('?')[0], page: 1, rows: 1, total: 1 });
      expect(JSON.stringify(entry.detail)).not.toContain('listed@');
    }
    await consoleRequest(api, lists[0]!, { cookie });
    expect((await lastEntry()).detail.parameters).toEqual(['filter']);
  });

  it('records a search by the length of what was asked, never its words', async () => {
    const response = await consoleRequest(api, '/api/v1/people/search?q=listed', { cookie });
    expect(response.status).toBe(200);
    const entry = await lastEntry();
    expect(entry.action).toBe('people-listed');
    expect(entry.detail).toMatchObject({ query_length: 6, page: 1, rows: 1 });
    expect(JSON.stringify(entry.detail)).not.toContain('listed');
  });

  it('records a correction that changed nothing as a view', async () => {
    const response = await consoleRequest(api, `/api/v1/people/${personId}`, {
      method: 'PATCH',
      body: { given_name: 'Rosa' },
      cookie,
    });
    expect(response.status).toBe(200);
    const [entry] = await api.db.query<{ action: string; subject_id: string }>(
      'select action, subject_id from audit_log order by id desc limit 1',
    );
    expect(entry).toEqual({ action: 'person-viewed', subject_id: personId });
  });

  it('records the dashboard’s referrers as CSV as an export', async () => {
    const response = await consoleRequest(
      api,
      '/api/v1/reports/dashboard/new_members_by_referrer.csv',
      { cookie },
    );
    expect(response.status).toBe(200);
    await response.text();
    const entry = await lastEntry();
    expect(entry.action).toBe('export');
    expect(entry.detail).toMatchObject({ export: 'dashboard/new_members_by_referrer' });
  });
});
