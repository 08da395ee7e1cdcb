/**
 * An organizer kept to regions or sectors cannot clear a person's region or sector: a person
 * with none is in everyone's scope, so clearing it would hand them to every organizer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaffAccount,
  addStaffSession,
  consoleRequest,
  databases,
  openTestApi,
  person,
  postJson,
  staffToken,
  type TestApi,
} from '../testing.ts';

describe.each(databases)('clearing a region or sector, on %s', (_kind, open) => {
  let api: TestApi;
  let id: string;
  beforeAll(async () => {
    api = await openTestApi(open);
    const response = await postJson(
      api,
      '/api/v1/people',
      { person: person('gulf@example.org'), region: 'gulf-south' },
      { 'OSDI-API-Token': staffToken },
    );
    id = ((await response.json()) as { identifiers: string[] }).identifiers[0]!.slice(6);
  });
  afterAll(() => api.close());

  const patch = async (cookie: string, body: unknown) =>
    consoleRequest(api, `/api/v1/people/${id}`, { method: 'PATCH', body, cookie });
  const session = async (email: string, regions: string[], sectors: string[] = []) =>
    addStaffSession(
      api.db,
      (await addStaffAccount(api.db, { email, role: 'organizer', regions, sectors })).id,
    );

  it('refuses a scoped organizer, naming the field', async () => {
    const cookie = await session('scoped@example.org', ['gulf-south'], ['education']);
    for (const field of ['region', 'sector']) {
      const response = await patch(cookie, { [field]: null });
      expect(response.status, field).toBe(422);
      expect((await response.json()).errors[0].path).toBe(field);
    }
    const [row] = await api.db.query<{ region: string | null }>(
      'select region from people where id = $1',
      [id],
    );
    expect(row!.region).toBe('gulf-south');
  });

  it('lets an organizer of every region clear it', async () => {
    const cookie = await session('everywhere@example.org', []);
    const response = await patch(cookie, { region: null });
    expect(response.status).toBe(200);
    expect((await response.json()).custom_fields).toBeDefined();
  });
});
