/**
 * The last enabled admin cannot be demoted or disabled, even by two admins stepping each other
 * down at the same moment: the enabled admins are locked before they are counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaffAccount,
  addStaffSession,
  consoleRequest,
  databases,
  openTestApi,
  type TestApi,
} from '../testing.ts';

describe.each(databases)('the last admin, on %s', (_kind, open) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(open);
  });
  afterAll(() => api.close());

  it('survives two admins demoting each other at once', async () => {
    const ann = await addStaffAccount(api.db, { email: 'ann@example.org', role: 'admin' });
    const bea = await addStaffAccount(api.db, { email: 'bea@example.org', role: 'admin' });
    const annCookie = await addStaffSession(api.db, ann.id);
    const beaCookie = await addStaffSession(api.db, bea.id);
    const demote = (cookie: string, id: string) =>
      consoleRequest(api, `/api/v1/staff/accounts/${id}`, {
        method: 'PATCH',
        body: { role: 'organizer' },
        cookie,
      });
    const answers = await Promise.all([demote(annCookie, bea.id), demote(beaCookie, ann.id)]);
    // One is carried out; the other is refused: 409 when both were under way together, 403 when
    // the first was done before the second asked (its admin is an organizer by then).
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const [admins] = await api.db.query<{ count: number }>(
      `select count(*)::int as count from staff_accounts where role = 'admin' and disabled_at is null`,
    );
    expect(admins!.count).toBe(1);
  });
});
