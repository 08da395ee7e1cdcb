/**
 * What a staff member's write through a public helper may change on a person already on file: an
 * API key or an admin speaks for the organization, and replaces details; an organizer only fills
 * blanks, never moves anyone's region or sector, and may name a region or sector of theirs only.
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

const helpers = [
  '/api/v1/people',
  '/api/v1/petitions/fair-wages/signatures',
  '/api/v1/events/open-meeting/attendances',
];

describe.each(databases)('staff writes through the helpers, on %s', (_kind, open) => {
  let api: TestApi;
  let organizer: string;
  let admin: string;
  beforeAll(async () => {
    api = await openTestApi(open);
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

  async function onFile(email: string) {
    const [row] = await api.db.query<{ id: string; given_name: string; region: string | null }>(
      'select id, given_name, region from people where email = $1',
      [email],
    );
    return row!;
  }

  it.each(helpers)(
    '%s: an organizer neither renames nor moves someone elsewhere, nor sees them',
    async (path) => {
      const email = `lakes-${path.length}@example.org`;
      await postJson(
        api,
        '/api/v1/people',
        { person: person(email), region: 'great-lakes' },
        { 'OSDI-API-Token': staffToken },
      );
      const response = await consoleRequest(api, path, {
        cookie: organizer,
        body: {
          person: { ...person(email), given_name: 'Changed', family_name: 'Changed' },
          region: 'gulf-south',
        },
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('location')).toBeNull();
      expect(JSON.stringify(await response.json())).not.toContain(email);
      const after = await onFile(email);
      expect(after.given_name).not.toBe('Changed');
      expect(after.region).toBe('great-lakes');
      expect(
        await api.db.query(
          `select 1 from audit_log where action = 'person-corrected' and subject_id = $1`,
          [after.id],
        ),
      ).toEqual([]);
    },
  );

  it.each(helpers)('%s: a region or sector outside an organizer’s is refused', async (path) => {
    const email = `new-${path.length}@example.org`;
    const response = await consoleRequest(api, path, {
      cookie: organizer,
      body: { person: person(email), region: 'great-lakes' },
    });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors[0].path).toBe('region');
    expect(await api.db.query('select 1 from people where email = $1', [email])).toEqual([]);
  });

  it('an organizer fills what is blank, and the change is audited by field name', async () => {
    const email = 'blank@example.org';
    await postJson(
      api,
      '/api/v1/people',
      { person: { email_addresses: [{ address: email }] } },
      { 'OSDI-API-Token': staffToken },
    );
    const response = await consoleRequest(api, '/api/v1/people', {
      cookie: organizer,
      body: { person: { ...person(email), given_name: 'Filled' }, region: 'gulf-south' },
    });
    expect(response.status).toBe(201);
    const after = await onFile(email);
    expect(after).toMatchObject({ given_name: 'Filled', region: 'gulf-south' });
    const [entry] = await api.db.query<{ detail: { fields: string[] }; actor_label: string }>(
      `select detail, actor_label from audit_log
       where action = 'person-corrected' and subject_id = $1`,
      [after.id],
    );
    expect(entry!.actor_label).toBe('organizer@example.org');
    expect(entry!.detail.fields).toEqual(expect.arrayContaining(['given_name', 'region']));
    expect(JSON.stringify(entry!.detail)).not.toContain('Filled');
  });

  it('an admin’s write replaces details, and is audited by field name', async () => {
    const email = 'admin-fix@example.org';
    await postJson(
      api,
      '/api/v1/people',
      { person: person(email), region: 'great-lakes' },
      { 'OSDI-API-Token': staffToken },
    );
    const response = await consoleRequest(api, '/api/v1/people', {
      cookie: admin,
      body: { person: { ...person(email), given_name: 'Renamed' }, region: 'gulf-south' },
    });
    expect(response.status).toBe(201);
    const after = await onFile(email);
    expect(after).toMatchObject({ given_name: 'Renamed', region: 'gulf-south' });
    const [entry] = await api.db.query<{ detail: { fields: string[] } }>(
      `select detail from audit_log where action = 'person-corrected' and subject_id = $1`,
      [after.id],
    );
    expect(entry!.detail.fields.sort()).toEqual(['given_name', 'region']);
  });
});
