/**
 * API keys for sync tools: made by an admin and shown once, stored hashed, read or read-write,
 * revocable, each with its last use; and RALLY_ADMIN_TOKEN, the bootstrap key, working as before.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  consoleOrigin,
  consoleRequest,
  databases,
  openTestApi,
  person,
  signedInStaff,
  staffToken,
  type TestApi,
} from '../testing.ts';

/** A request as a sync tool sends it: the key in a header, no browser's Origin, no cookie. */
function withKey(api: TestApi, key: string, path: string, init: RequestInit = {}) {
  return Promise.resolve(
    api.app.request(`${consoleOrigin}${path}`, {
      ...init,
      headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': key, ...init.headers },
    }),
  );
}

describe.each(databases)('API keys on %s', (_kind, open) => {
  let api: TestApi;
  let admin: string;
  beforeEach(async () => {
    api = await openTestApi(open);
    admin = await signedInStaff(api.db, { email: 'admin@example.org', role: 'admin' });
  });
  afterEach(() => api.close());

  const makeKey = async (name: string, scope: 'read' | 'read-write') => {
    const response = await consoleRequest(api, '/api/v1/staff/api-keys', {
      body: { name, scope },
      cookie: admin,
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; key: string; name: string; scope: string };
  };

  it('are shown once and stored only as a hash', async () => {
    const made = await makeKey('Spreadsheet sync', 'read');
    expect(made.key).toMatch(/^rk_[\w-]{43}$/);
    expect(made).toMatchObject({ name: 'Spreadsheet sync', scope: 'read', last_used_at: null });

    const list = await consoleRequest(api, '/api/v1/staff/api-keys', { cookie: admin });
    const { api_keys } = (await list.json()) as { api_keys: Record<string, unknown>[] };
    expect(api_keys.map((key) => [key.name, key.scope])).toEqual([
      ['Spreadsheet sync', 'read'],
      ['RALLY_ADMIN_TOKEN', 'admin'],
    ]);
    expect(JSON.stringify(api_keys)).not.toContain(made.key);

    const table = await api.db.query('select * from api_tokens');
    expect(JSON.stringify(table)).not.toContain(made.key);
    expect(JSON.stringify(table)).not.toContain(made.key.slice(3));
    expect(table).toContainEqual(
      expect.objectContaining({
        token_hash: createHash('sha256').update(made.key).digest('hex'),
      }),
    );
  });

  it('read with a read key, and nothing else', async () => {
    const { key } = await makeKey('Warehouse', 'read');
    const people = await withKey(api, key, '/api/v1/people');
    expect(people.status).toBe(200);
    expect(people.headers.get('cache-control')).toBe('no-store');
    const write = await withKey(api, key, '/api/v1/people', {
      method: 'POST',
      body: JSON.stringify({ person: person('sync@example.org') }),
    });
    expect(write.status).toBe(403);
    expect((await write.json()).detail).toBe(
      'The API key "Warehouse" may only read: ask an admin for a read-write key to change anything.',
    );
    expect(await api.db.query(`select 1 from people`)).toEqual([]);
    expect((await withKey(api, key, '/api/v1/staff/api-keys')).status).toBe(403);
  });

  it('write with a read-write key, but manage no keys or accounts with it', async () => {
    const { key } = await makeKey('CRM sync', 'read-write');
    const write = await withKey(api, key, '/api/v1/people', {
      method: 'POST',
      body: JSON.stringify({ person: person('sync@example.org') }),
    });
    expect(write.status).toBe(201);
    const more = await withKey(api, key, '/api/v1/staff/api-keys', {
      method: 'POST',
      body: JSON.stringify({ name: 'Another', scope: 'read-write' }),
    });
    expect(more.status).toBe(403);
    expect((await more.json()).detail).toMatch(/a sync tool's.*RALLY_ADMIN_TOKEN/);
    expect((await withKey(api, key, '/api/v1/staff/accounts')).status).toBe(403);
  });

  it('open nothing once revoked, and say so', async () => {
    const made = await makeKey('Old tool', 'read-write');
    const revoked = await consoleRequest(api, `/api/v1/staff/api-keys/${made.id}`, {
      method: 'DELETE',
      cookie: admin,
    });
    expect(revoked.status).toBe(204);
    const refused = await withKey(api, made.key, '/api/v1/people');
    expect(refused.status).toBe(401);
    expect((await refused.json()).detail).toBe(
      'This API key was revoked: ask an admin for a new one.',
    );
    const list = (await (
      await consoleRequest(api, '/api/v1/staff/api-keys', { cookie: admin })
    ).json()) as { api_keys: { id: string; revoked_at: string | null }[] };
    expect(list.api_keys.at(-1)).toMatchObject({ id: made.id, revoked_at: expect.any(String) });
  });

  it('record their last use, once a minute at most', async () => {
    const made = await makeKey('Nightly', 'read');
    const lastUse = async () =>
      (
        await api.db.query<{ last_used_at: Date | null }>(
          'select last_used_at from api_tokens where id = $1',
          [made.id],
        )
      )[0]!.last_used_at;
    expect(await lastUse()).toBeNull();
    await withKey(api, made.key, '/api/v1/people');
    const first = await lastUse();
    expect(first).toBeInstanceOf(Date);
    await withKey(api, made.key, '/api/v1/people');
    expect(await lastUse()).toEqual(first);
    await api.db.query(
      `update api_tokens set last_used_at = now() - interval '2 minutes' where id = $1`,
      [made.id],
    );
    await withKey(api, made.key, '/api/v1/people');
    expect((await lastUse())!.getTime()).toBeGreaterThan(first!.getTime() - 1000);
    expect((await lastUse())!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keep RALLY_ADMIN_TOKEN working as the bootstrap key, which the console cannot revoke', async () => {
    expect((await withKey(api, staffToken, '/api/v1/people')).status).toBe(200);
    const accounts = await withKey(api, staffToken, '/api/v1/staff/accounts');
    expect(accounts.status).toBe(200);
    const { api_keys } = (await (
      await withKey(api, staffToken, '/api/v1/staff/api-keys')
    ).json()) as { api_keys: { id: string; scope: string; last_used_at: string | null }[] };
    const bootstrap = api_keys.find((key) => key.scope === 'admin')!;
    expect(bootstrap.last_used_at).not.toBeNull();
    const revoke = await consoleRequest(api, `/api/v1/staff/api-keys/${bootstrap.id}`, {
      method: 'DELETE',
      cookie: admin,
    });
    expect(revoke.status).toBe(409);
    expect((await revoke.json()).detail).toMatch(/RALLY_ADMIN_TOKEN/);
    expect((await withKey(api, 'not-a-key-at-all-0123456789', '/api/v1/people')).status).toBe(401);
  });
});
