/**
 * Idempotency-Key replays of staff writes belong to whoever made the request: another staff
 * member's same key replays nothing to them, a replay is not answered once the record is outside
 * the caller's scope, and a person's erasure takes the answers kept about them.
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
  signedInStaff,
  staffToken,
  type TestApi,
} from '../testing.ts';

const event = '/api/v1/events/union-meeting';

describe.each(databases)('staff Idempotency-Key replays, on %s', (_kind, open) => {
  let api: TestApi;
  let first: string;
  let second: string;
  let admin: string;
  beforeAll(async () => {
    api = await openTestApi(open);
    const session = async (email: string, role: 'organizer' | 'admin') =>
      addStaffSession(api.db, (await addStaffAccount(api.db, { email, role })).id);
    first = await session('first@example.org', 'organizer');
    second = await session('second@example.org', 'organizer');
    admin = await session('admin@example.org', 'admin');
  });
  afterAll(() => api.close());

  const rsvp = async (email: string) => {
    const response = await postJson(
      api,
      `${event}/attendances`,
      { person: person(email) },
      { 'OSDI-API-Token': staffToken },
    );
    return ((await response.json()) as { identifiers: string[] }).identifiers[0]!.slice(6);
  };
  const checkIn = (attendance: string, cookie: string, key: string) =>
    consoleRequest(api, `${event}/attendances/${attendance}`, {
      method: 'PUT',
      body: { attended: true },
      cookie,
      headers: { 'Idempotency-Key': key },
    });

  it('keeps one staff member’s keys from another', async () => {
    const attendance = await rsvp('keys@example.org');
    const answer = await checkIn(attendance, first, 'shared-key');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('idempotent-replayed')).toBeNull();
    const other = await checkIn(attendance, second, 'shared-key');
    expect(other.status).toBe(200);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    const again = await checkIn(attendance, first, 'shared-key');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers no replay of a record now outside the caller’s scope', async () => {
    const attendance = await rsvp('moved@example.org');
    const cookie = await signedInStaff(api.db, {
      email: 'scoped@example.org',
      role: 'organizer',
      regions: ['gulf-south'],
    });
    expect((await checkIn(attendance, cookie, 'scoped-key')).status).toBe(200);
    await api.db.query(`update people set region = 'great-lakes' where email = $1`, [
      'moved@example.org',
    ]);
    const replay = await checkIn(attendance, cookie, 'scoped-key');
    expect(replay.status).toBe(404);
    expect(JSON.stringify(await replay.json())).not.toContain('moved@example.org');
  });

  it('forgets the answers kept about a person when they are erased', async () => {
    const attendance = await rsvp('erased@example.org');
    expect((await checkIn(attendance, admin, 'erase-key')).status).toBe(200);
    const [row] = await api.db.query<{ person_id: string }>(
      'select person_id from attendances where id = $1',
      [attendance],
    );
    const kept = () =>
      api.db.query('select 1 from idempotency_keys where strpos(response::text, $1) > 0', [
        row!.person_id,
      ]);
    expect((await kept()).length).toBeGreaterThan(0);
    const erased = await consoleRequest(api, `/api/v1/people/${row!.person_id}`, {
      method: 'DELETE',
      cookie: admin,
    });
    expect(erased.status).toBe(204);
    expect(await kept()).toEqual([]);
  });
});
