/**
 * A staff member's own account: the name they give at enrollment and change later, their
 * passkeys listed, and removing one — refused while it is the only way in, or when the last
 * sign-in is not recent — each change in the audit log, and none taken from another site's page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  consoleOrigin,
  consoleRequest,
  databases,
  enrollPasskey,
  openTestApi,
  sessionCookieOf,
  SoftwareAuthenticator,
  staffToken,
  testOrigins,
  type TestApi,
} from '../testing.ts';
import { hashPassword } from './passwords.ts';

/** An invitation made with the bootstrap key: its link. */
async function invite(api: TestApi, body: Record<string, unknown>): Promise<string> {
  const response = await api.app.request(`${consoleOrigin}/api/v1/staff/invitations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': staffToken },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { url: string }).url;
}

/** An account enrolled from an invitation with one passkey, signed in just now. */
async function enrolled(api: TestApi, email: string) {
  const authenticator = new SoftwareAuthenticator();
  const { response, cookie } = await enrollPasskey(
    api,
    await invite(api, { email, role: 'organizer' }),
    authenticator,
  );
  expect(response.status).toBe(201);
  const { account } = (await response.json()) as { account: { id: string } };
  return { id: account.id, cookie: cookie!, authenticator };
}

/** Another passkey for the account signed in, as the console's "Add a passkey" makes it. */
async function addPasskey(api: TestApi, cookie: string, name: string): Promise<void> {
  const options = await consoleRequest(api, '/api/v1/staff/passkeys/registration-options', {
    body: {},
    cookie,
  });
  const { challenge_id, options: creation } = await options.json();
  const added = await consoleRequest(api, '/api/v1/staff/passkeys/registration', {
    body: {
      challenge_id,
      name,
      response: new SoftwareAuthenticator().register(creation, { origin: consoleOrigin }),
    },
    cookie,
  });
  expect(added.status).toBe(201);
}

async function passkeysOf(api: TestApi, cookie: string) {
  const response = await consoleRequest(api, '/api/v1/staff/me/passkeys', { cookie });
  expect(response.status).toBe(200);
  return ((await response.json()) as { passkeys: { id: string; name: string }[] }).passkeys;
}

/** A page of another site asking, as the browser says so. */
function fromPageOf(origin: string) {
  return { Origin: origin, 'Sec-Fetch-Site': 'cross-site' };
}

function removePasskey(
  api: TestApi,
  cookie: string,
  id: string,
  headers: Record<string, string> = {},
) {
  return consoleRequest(api, `/api/v1/staff/me/passkeys/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    cookie,
    headers,
  });
}

/** Makes the account's sessions as old as a sign-in `minutes` ago. */
async function signedInAgo(api: TestApi, accountId: string, minutes: number): Promise<void> {
  await api.db.query(
    `update staff_sessions set created_at = now() - make_interval(mins => $2) where account_id = $1`,
    [accountId, minutes],
  );
}

describe.each(databases)('your own account on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  it('are described in the OpenAPI document, with the schemas that check them', async () => {
    const document = await (await api.app.request('/api/v1/openapi.json')).json();
    const change = document.paths['/api/v1/staff/me'].patch;
    expect(change.summary).toBe('Change the name of the account signed in');
    expect(document.components.schemas.StaffMeChange.properties.name.maxLength).toBe(100);
    expect(document.paths['/api/v1/staff/me/passkeys'].get.responses[200]).toBeDefined();
    const removal = document.paths['/api/v1/staff/me/passkeys/{id}'].delete;
    expect(Object.keys(removal.responses)).toEqual(
      expect.arrayContaining(['204', '401', '403', '404', '409']),
    );
    const registration = document.components.schemas.PasskeyRegistrationRequest;
    expect(registration.properties.account_name.minLength).toBe(1);
  });

  it('take the name the person confirms or types at enrollment, trimmed', async () => {
    const typed = await enrollPasskey(
      api,
      await invite(api, { email: 'rosa@example.org', role: 'organizer', name: 'R. Ortiz' }),
      new SoftwareAuthenticator(),
      {},
      { account_name: '  Rosa Ortiz  ' },
    );
    expect(typed.response.status).toBe(201);
    expect((await typed.response.json()).account.name).toBe('Rosa Ortiz');

    // Left out, the invitation's name stands, as before.
    const kept = await enrollPasskey(
      api,
      await invite(api, { email: 'dele@example.org', role: 'organizer', name: 'Dele A.' }),
      new SoftwareAuthenticator(),
    );
    expect((await kept.response.json()).account.name).toBe('Dele A.');
  });

  it('refuse an empty or overlong name at enrollment, naming the field, and make nothing', async () => {
    const url = await invite(api, { email: 'blank@example.org', role: 'organizer' });
    for (const [name, message] of [
      ['   ', 'Enter your name, as colleagues will see it.'],
      ['x'.repeat(101), 'Use at most 100 characters.'],
    ]) {
      const refused = await enrollPasskey(
        api,
        url,
        new SoftwareAuthenticator(),
        {},
        { account_name: name },
      );
      expect(refused.response.status).toBe(422);
      const problem = await refused.response.json();
      expect(problem.detail).toBe('Some fields need attention: account_name.');
      expect(problem.errors).toEqual([{ path: 'account_name', code: expect.any(String), message }]);
      expect(refused.cookie).toBeUndefined();
    }
    expect(await api.db.query('select 1 from staff_accounts')).toEqual([]);

    // The invitation still works, with a name.
    const named = await enrollPasskey(
      api,
      url,
      new SoftwareAuthenticator(),
      {},
      { account_name: 'Blanca' },
    );
    expect(named.response.status).toBe(201);

    // Signed in, a new passkey does not rename the account: that is PATCH /me.
    const options = await consoleRequest(api, '/api/v1/staff/passkeys/registration-options', {
      body: {},
      cookie: named.cookie,
    });
    const { challenge_id, options: creation } = await options.json();
    const renaming = await consoleRequest(api, '/api/v1/staff/passkeys/registration', {
      body: {
        challenge_id,
        account_name: 'Someone else',
        response: new SoftwareAuthenticator().register(creation, { origin: consoleOrigin }),
      },
      cookie: named.cookie,
    });
    expect(renaming.status).toBe(422);
    expect((await renaming.json()).errors[0].path).toBe('account_name');
  });

  it('change one’s own name, recorded as account-changed', async () => {
    const rosa = await enrolled(api, 'rosa@example.org');
    const changed = await consoleRequest(api, '/api/v1/staff/me', {
      method: 'PATCH',
      body: { name: ' Rosa Ortiz ' },
      cookie: rosa.cookie,
    });
    expect(changed.status).toBe(200);
    expect((await changed.json()).account).toMatchObject({
      id: rosa.id,
      email: 'rosa@example.org',
      name: 'Rosa Ortiz',
    });
    const me = await consoleRequest(api, '/api/v1/staff/me', { cookie: rosa.cookie });
    expect((await me.json()).account.name).toBe('Rosa Ortiz');
    const [entry] = await api.db.query<Record<string, unknown>>(
      `select actor_id, actor_label, subject_id, detail from audit_log where action = 'account-changed'`,
    );
    expect(entry).toEqual({
      actor_id: rosa.id,
      actor_label: 'rosa@example.org',
      subject_id: rosa.id,
      detail: { changes: { name: 'Rosa Ortiz' } },
    });

    const empty = await consoleRequest(api, '/api/v1/staff/me', {
      method: 'PATCH',
      body: { name: '' },
      cookie: rosa.cookie,
    });
    expect(empty.status).toBe(422);
    expect((await empty.json()).errors).toEqual([
      { path: 'name', code: 'too_short', message: 'Enter your name, as colleagues will see it.' },
    ]);
    // Only the name: a role is not one's own to change.
    const promoting = await consoleRequest(api, '/api/v1/staff/me', {
      method: 'PATCH',
      body: { name: 'Rosa', role: 'admin' },
      cookie: rosa.cookie,
    });
    expect(promoting.status).toBe(422);
    const [row] = await api.db.query<{ name: string; role: string }>(
      'select name, role from staff_accounts',
    );
    expect(row).toEqual({ name: 'Rosa Ortiz', role: 'organizer' });

    // A key has no account of its own to rename.
    const byKey = await api.app.request(`${consoleOrigin}/api/v1/staff/me`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': staffToken },
      body: JSON.stringify({ name: 'Key' }),
    });
    expect(byKey.status).toBe(401);
  });

  // The organization's own microsite, whose pages may post submissions: a staff write, never.
  it('refuse a change of name or a passkey’s removal from another site’s page', async () => {
    const rosa = await enrolled(api, 'rosa@example.org');
    await addPasskey(api, rosa.cookie, 'Laptop');
    const renamed = await consoleRequest(api, '/api/v1/staff/me', {
      method: 'PATCH',
      body: { name: 'Mallory' },
      cookie: rosa.cookie,
      headers: fromPageOf(testOrigins.site),
    });
    expect(renamed.status).toBe(403);
    expect((await renamed.json()).type).toMatch(/cross-site/);
    const [passkey] = await passkeysOf(api, rosa.cookie);
    const removed = await removePasskey(
      api,
      rosa.cookie,
      passkey!.id,
      fromPageOf(testOrigins.site),
    );
    expect(removed.status).toBe(403);
    expect((await removed.json()).type).toMatch(/cross-site/);
    expect(await passkeysOf(api, rosa.cookie)).toHaveLength(2);
    const [row] = await api.db.query<{ name: string }>('select name from staff_accounts');
    expect(row!.name).toBe('');
  });

  it('list only one’s own passkeys, with their names and dates', async () => {
    const rosa = await enrolled(api, 'rosa@example.org');
    const dele = await enrolled(api, 'dele@example.org');
    await addPasskey(api, rosa.cookie, 'Laptop');

    const mine = await consoleRequest(api, '/api/v1/staff/me/passkeys', { cookie: rosa.cookie });
    expect(mine.headers.get('cache-control')).toBe('no-store');
    const { passkeys } = (await mine.json()) as { passkeys: Record<string, unknown>[] };
    expect(passkeys.map((passkey) => passkey.name)).toEqual(['Test phone', 'Laptop']);
    expect(passkeys[0]).toEqual({
      id: rosa.authenticator.passkeys[0]!.id,
      name: 'Test phone',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      last_used_at: null,
    });
    const theirs = await passkeysOf(api, dele.cookie);
    expect(theirs.map((passkey) => passkey.id)).toEqual([dele.authenticator.passkeys[0]!.id]);

    // Another's passkey cannot be removed either: as far as Rosa is told, there is none.
    const other = await removePasskey(api, rosa.cookie, theirs[0]!.id);
    expect(other.status).toBe(404);
    expect(await passkeysOf(api, dele.cookie)).toHaveLength(1);

    expect((await consoleRequest(api, '/api/v1/staff/me/passkeys')).status).toBe(401);
  });

  it('refuse to remove the only way in: the last passkey, with no password to use', async () => {
    const rosa = await enrolled(api, 'rosa@example.org');
    const [only] = await passkeysOf(api, rosa.cookie);
    const refused = await removePasskey(api, rosa.cookie, only!.id);
    expect(refused.status).toBe(409);
    const problem = await refused.json();
    expect(problem.type).toMatch(/last-way-in$/);
    expect(problem.detail).toMatch(/only passkey.*add another passkey first/);
    expect(await passkeysOf(api, rosa.cookie)).toHaveLength(1);

    // A password allowed but never set opens nothing: still refused.
    await api.db.query('update staff_accounts set password_allowed = true where id = $1', [
      rosa.id,
    ]);
    expect((await removePasskey(api, rosa.cookie, only!.id)).status).toBe(409);

    // With a password set and allowed, the passkey may go: the password still opens the account.
    await api.db.query('update staff_accounts set password_hash = $2 where id = $1', [
      rosa.id,
      await hashPassword('a long passphrase for the hall'),
    ]);
    expect((await removePasskey(api, rosa.cookie, only!.id)).status).toBe(204);
    expect(await passkeysOf(api, rosa.cookie)).toEqual([]);
  });

  it('add a way in only after a recent sign-in: another passkey, or a password', async () => {
    const rosa = await enrolled(api, 'rosa@example.org');
    await api.db.query('update staff_accounts set password_allowed = true where id = $1', [
      rosa.id,
    ]);
    await signedInAgo(api, rosa.id, 11);
    const options = await consoleRequest(api, '/api/v1/staff/passkeys/registration-options', {
      body: {},
      cookie: rosa.cookie,
    });
    expect(options.status).toBe(403);
    expect((await options.json()).type).toMatch(/sign-in-again$/);
    const password = await consoleRequest(api, '/api/v1/staff/me/password', {
      method: 'PUT',
      body: { password: 'a long passphrase for the hall' },
      cookie: rosa.cookie,
    });
    expect(password.status).toBe(403);
    const [account] = await api.db.query<{ password_hash: string | null }>(
      'select password_hash from staff_accounts where id = $1',
      [rosa.id],
    );
    expect(account!.password_hash).toBeNull();
    expect(await passkeysOf(api, rosa.cookie)).toHaveLength(1);
  });

  it('remove a passkey only after a recent sign-in, and record it', async () => {
    const rosa = await enrolled(api, 'rosa@example.org');
    await addPasskey(api, rosa.cookie, 'Lost phone');
    const lost = (await passkeysOf(api, rosa.cookie)).find((key) => key.name === 'Lost phone')!;

    await signedInAgo(api, rosa.id, 11);
    const stale = await removePasskey(api, rosa.cookie, lost.id);
    expect(stale.status).toBe(403);
    const problem = await stale.json();
    expect(problem.type).toMatch(/sign-in-again$/);
    expect(problem.detail).toMatch(/sign in again.*10 minutes/);
    expect(await passkeysOf(api, rosa.cookie)).toHaveLength(2);

    // Signing in again in the same browser: a new session, and the one it replaces ends.
    const options = await consoleRequest(api, '/api/v1/staff/sign-in/options', {
      method: 'POST',
      cookie: rosa.cookie,
    });
    const { challenge_id, options: request } = await options.json();
    const again = await consoleRequest(api, '/api/v1/staff/sign-in', {
      body: {
        challenge_id,
        response: rosa.authenticator.signIn(request, { origin: consoleOrigin }),
      },
      cookie: rosa.cookie,
    });
    expect(again.status).toBe(200);
    const fresh = sessionCookieOf(again)!;
    expect((await consoleRequest(api, '/api/v1/staff/me', { cookie: rosa.cookie })).status).toBe(
      401,
    );
    const [signIn] = await api.db.query<{ detail: { replaced_session?: string } }>(
      `select detail from audit_log where action = 'sign-in' order by id desc limit 1`,
    );
    expect(signIn!.detail.replaced_session).toMatch(/^[\da-f-]{36}$/);

    expect((await removePasskey(api, fresh, lost.id)).status).toBe(204);
    expect((await passkeysOf(api, fresh)).map((key) => key.name)).toEqual(['Test phone']);
    const [entry] = await api.db.query<Record<string, unknown>>(
      `select actor_id, actor_label, subject_kind, subject_id, detail from audit_log
       where action = 'passkey-removed'`,
    );
    expect(entry).toEqual({
      actor_id: rosa.id,
      actor_label: 'rosa@example.org',
      subject_kind: 'account',
      subject_id: rosa.id,
      detail: { credential_id: lost.id, passkeys_left: 1 },
    });
  });
});
