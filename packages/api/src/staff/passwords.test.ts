/**
 * The password fallback: only for an account an admin allows it, at least twelve characters,
 * stored as argon2id, a wrong one refused and recorded, and guessing slowed by a limit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addStaffAccount,
  addStaffSession,
  consoleOrigin,
  consoleRequest,
  databases,
  openTestApi,
  sessionCookieOf,
  type TestApi,
} from '../testing.ts';

const password = 'a long passphrase for the hall';

function signIn(api: TestApi, email: string, secret: string) {
  return consoleRequest(api, '/api/v1/staff/sign-in/password', {
    body: { email, password: secret },
  });
}

describe.each(databases)('staff passwords on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  it('work only once an admin allows one: set, then sign in with it', async () => {
    const admin = await addStaffAccount(api.db, { email: 'admin@example.org', role: 'admin' });
    const adminCookie = await addStaffSession(api.db, admin.id);
    const rosa = await addStaffAccount(api.db, { email: 'rosa@example.org', role: 'organizer' });
    const cookie = await addStaffSession(api.db, rosa.id);

    const notYet = await consoleRequest(api, '/api/v1/staff/me/password', {
      method: 'PUT',
      body: { password },
      cookie,
    });
    expect(notYet.status).toBe(403);
    expect((await notYet.json()).detail).toMatch(/No admin has allowed a password/);

    const allowed = await consoleRequest(api, `/api/v1/staff/accounts/${rosa.id}`, {
      method: 'PATCH',
      body: { password_allowed: true },
      cookie: adminCookie,
    });
    expect(allowed.status).toBe(200);
    expect((await allowed.json()).password_allowed).toBe(true);

    const short = await consoleRequest(api, '/api/v1/staff/me/password', {
      method: 'PUT',
      body: { password: 'too short' },
      cookie,
    });
    expect(short.status).toBe(422);
    expect((await short.json()).errors).toEqual([
      { path: 'password', code: 'too_short', message: 'Use at least 12 characters.' },
    ]);
    const set = await consoleRequest(api, '/api/v1/staff/me/password', {
      method: 'PUT',
      body: { password },
      cookie,
    });
    expect(set.status).toBe(204);

    // argon2id with OWASP's parameters, and the password itself nowhere.
    const [row] = await api.db.query<{ password_hash: string }>(
      'select password_hash from staff_accounts where id = $1',
      [rosa.id],
    );
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(JSON.stringify(await api.db.query('select * from staff_accounts'))).not.toContain(
      password,
    );

    const signedIn = await signIn(api, ' Rosa@Example.org ', password);
    expect(signedIn.status).toBe(200);
    expect((await signedIn.json()).account.email).toBe('rosa@example.org');
    const fresh = sessionCookieOf(signedIn);
    expect((await consoleRequest(api, '/api/v1/people', { cookie: fresh })).status).toBe(200);

    // Allowed no more: the password stays stored, and opens nothing.
    await consoleRequest(api, `/api/v1/staff/accounts/${rosa.id}`, {
      method: 'PATCH',
      body: { password_allowed: false },
      cookie: adminCookie,
    });
    expect((await signIn(api, 'rosa@example.org', password)).status).toBe(401);
  });

  it('refuse a wrong password or an unknown address alike, and record each', async () => {
    const account = await addStaffAccount(api.db, {
      email: 'dele@example.org',
      role: 'organizer',
      passwordAllowed: true,
    });
    const cookie = await addStaffSession(api.db, account.id);
    await consoleRequest(api, '/api/v1/staff/me/password', {
      method: 'PUT',
      body: { password },
      cookie,
    });

    const wrong = await signIn(api, 'dele@example.org', 'not the passphrase');
    const unknown = await signIn(api, 'nobody@example.org', password);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [wrongDetail, unknownDetail] = [
      (await wrong.json()).detail,
      (await unknown.json()).detail,
    ];
    expect(wrongDetail).toBe(unknownDetail);
    expect(wrongDetail).toMatch(/sign in with your passkey, or ask an admin/);
    expect(wrong.headers.getSetCookie()).toEqual([]);

    const failed = await api.db.query<Record<string, unknown>>(
      `select actor_kind, actor_id, actor_label, subject_id, detail from audit_log
       where action = 'sign-in-failed' order by id`,
    );
    expect(failed).toEqual([
      {
        actor_kind: 'staff',
        actor_id: account.id,
        actor_label: 'dele@example.org',
        subject_id: account.id,
        detail: { method: 'password', reason: 'wrong-password' },
      },
      // An address that is no account's is not kept: it may be anyone's, typed by mistake.
      {
        actor_kind: 'staff',
        actor_id: null,
        actor_label: null,
        subject_id: null,
        detail: { method: 'password', reason: 'no-account' },
      },
    ]);
    expect(JSON.stringify(failed)).not.toContain('nobody@example.org');
  });

  it('slow guessing: ten tries for an address in fifteen minutes, then wait', async () => {
    await addStaffAccount(api.db, {
      email: 'target@example.org',
      role: 'admin',
      passwordAllowed: true,
    });
    for (let i = 0; i < 10; i++) {
      expect((await signIn(api, 'target@example.org', `guess number ${i}`)).status).toBe(401);
    }
    const limited = await signIn(api, 'target@example.org', 'guess number ten');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).detail).toMatch(/Too many sign-in attempts: wait \d+ seconds/);
    // Another address is not held up by this one's guesses.
    expect((await signIn(api, 'other@example.org', 'anything at all')).status).toBe(401);
  });

  it('are no way in for a passkey-only account, nor when the request comes from elsewhere', async () => {
    await addStaffAccount(api.db, { email: 'passkey@example.org', role: 'admin' });
    expect((await signIn(api, 'passkey@example.org', password)).status).toBe(401);
    const fromElsewhere = await api.app.request(`${consoleOrigin}/api/v1/staff/sign-in/password`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: consoleOrigin,
        'Sec-Fetch-Site': 'cross-site',
      },
      body: JSON.stringify({ email: 'passkey@example.org', password }),
    });
    expect(fromElsewhere.status).toBe(403);
  });
});
