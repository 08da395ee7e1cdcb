/**
 * Staff sessions: the cookie and its attributes, idle and absolute expiry, ending one's own
 * session or (as an admin) another's, disabled accounts, and writes with the cookie from pages of
 * another site, which are refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { memoryRateLimiter } from '../http/rate-limits.ts';
import { purgeExpired } from '../maintenance.ts';
import {
  addStaffAccount,
  addStaffSession,
  consoleOrigin,
  consoleRequest,
  databases,
  openTestApi,
  person,
  sessionCookieOf,
  signedInStaff,
  staffToken,
  testOrigins,
  testSettings,
  type TestApi,
} from '../testing.ts';
import { hashPassword } from './passwords.ts';

/** An account that may sign in with a password, and that password. */
async function withPassword(api: TestApi, email: string, role = 'organizer' as const) {
  const account = await addStaffAccount(api.db, { email, role, passwordAllowed: true });
  const password = 'correct horse battery staple';
  await api.db.query('update staff_accounts set password_hash = $2 where id = $1', [
    account.id,
    await hashPassword(password),
  ]);
  return { account, password };
}

/** Signs in with a password from a page of `origin` (the API's own, as the console's). */
function passwordSignIn(
  app: { request: TestApi['app']['request'] },
  origin: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  return Promise.resolve(
    app.request(`${origin}/api/v1/staff/sign-in/password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe.each(databases)('staff sessions on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  it('set an HttpOnly, SameSite=Strict cookie: rally_staff on http://localhost, without Secure', async () => {
    const { password } = await withPassword(api, 'local@example.org');
    const response = await passwordSignIn(api.app, consoleOrigin, 'local@example.org', password);
    expect(response.status).toBe(200);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^rally_staff=[\w-]{43}; /);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure|Domain/);
  });

  it('set __Host-rally_staff, Secure, over https, and read no other cookie there', async () => {
    const { password } = await withPassword(api, 'secure@example.org');
    const origin = 'https://api.rally.test';
    const response = await passwordSignIn(api.app, origin, 'secure@example.org', password);
    expect(response.status).toBe(200);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-rally_staff=[\w-]{43}; /);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain/);
    const value = sessionCookieOf(response)!;
    const me = (cookieHeader: string) =>
      api.app.request(`${origin}/api/v1/staff/me`, { headers: { Cookie: cookieHeader } });
    expect((await me(value)).status).toBe(200);
    // The same token in the cookie any page over http could have set is not taken over https.
    expect((await me(value.replace('__Host-', ''))).status).toBe(401);
  });

  it('sign in over plain http only on this machine; behind a trusted proxy, by its scheme', async () => {
    const { password } = await withPassword(api, 'proxy@example.org');
    const plain = await passwordSignIn(
      api.app,
      'http://api.rally.test',
      'proxy@example.org',
      password,
    );
    expect(plain.status).toBe(403);
    expect((await plain.json()).detail).toMatch(/https only.*RALLY_TRUST_PROXY=1/);
    expect(plain.headers.getSetCookie()).toEqual([]);

    const behindProxy = createApp({
      db: api.db,
      settings: testSettings(),
      linkSecret: 'test-link-secret',
      rateLimiter: memoryRateLimiter(),
      trustProxy: true,
    });
    const forwarded = await passwordSignIn(
      behindProxy,
      'http://api.rally.test',
      'proxy@example.org',
      password,
      { Origin: 'https://api.rally.test', 'X-Forwarded-Proto': 'https' },
    );
    expect(forwarded.status).toBe(200);
    expect(forwarded.headers.getSetCookie()[0]).toMatch(/^__Host-rally_staff=.*; Secure/);
  });

  it('end after the idle time, and after the absolute time however busy', async () => {
    const account = await addStaffAccount(api.db, { email: 'idle@example.org', role: 'admin' });
    const cookie = await addStaffSession(api.db, account.id);
    expect((await consoleRequest(api, '/api/v1/staff/me', { cookie })).status).toBe(200);

    await api.db.query(`update staff_sessions set expires_at = now() - interval '1 second'`);
    const idle = await consoleRequest(api, '/api/v1/staff/me', { cookie });
    expect(idle.status).toBe(401);
    // The people route says the same, and tells the browser to forget the cookie.
    const people = await consoleRequest(api, '/api/v1/people', { cookie });
    expect(people.status).toBe(401);
    expect((await people.json()).detail).toMatch(/session has ended.*sign in again/);
    expect(people.headers.getSetCookie()[0]).toMatch(/^rally_staff=;.*Max-Age=0/);

    const busy = await addStaffSession(api.db, account.id);
    await api.db.query(
      `update staff_sessions set ends_at = now() - interval '1 second' where ended_at is null
         and expires_at > now()`,
    );
    expect((await consoleRequest(api, '/api/v1/staff/me', { cookie: busy })).status).toBe(401);
  });

  it('push the idle expiry forward as it is used, never past the absolute end', async () => {
    const cookie = await signedInStaff(api.db, { email: 'busy@example.org', role: 'admin' });
    await api.db.query(
      `update staff_sessions set last_seen_at = now() - interval '2 minutes',
         expires_at = now() + interval '5 minutes', ends_at = now() + interval '3 hours'`,
    );
    const me = await consoleRequest(api, '/api/v1/staff/me', { cookie });
    const { session } = (await me.json()) as { session: { expires_at: string; ends_at: string } };
    // Twelve hours from now would be past the end: the end it is.
    expect(session.expires_at).toBe(session.ends_at);

    await api.db.query(
      `update staff_sessions set last_seen_at = now() - interval '2 minutes',
         expires_at = now() + interval '5 minutes', ends_at = now() + interval '7 days'`,
    );
    const later = (await (await consoleRequest(api, '/api/v1/staff/me', { cookie })).json()) as {
      session: { expires_at: string };
    };
    const hoursLeft = (Date.parse(later.session.expires_at) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(11.9);
    expect(hoursLeft).toBeLessThanOrEqual(12);
  });

  it('end with sign-out, which clears the cookie and is recorded', async () => {
    const cookie = await signedInStaff(api.db, { email: 'out@example.org', role: 'partner' });
    const out = await consoleRequest(api, '/api/v1/staff/sign-out', { method: 'POST', cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^rally_staff=;.*Max-Age=0/);
    expect((await consoleRequest(api, '/api/v1/staff/me', { cookie })).status).toBe(401);
    const [entry] = await api.db.query<{ actor_label: string }>(
      `select actor_label from audit_log where action = 'sign-out'`,
    );
    expect(entry!.actor_label).toBe('out@example.org');
  });

  it('list one’s own sessions and end one; an admin ends another’s, no one else can', async () => {
    const rosa = await addStaffAccount(api.db, { email: 'rosa@example.org', role: 'organizer' });
    const phone = await addStaffSession(api.db, rosa.id);
    const laptop = await addStaffSession(api.db, rosa.id);
    const list = await consoleRequest(api, '/api/v1/staff/sessions', { cookie: phone });
    const { sessions } = (await list.json()) as { sessions: { id: string; current: boolean }[] };
    expect(sessions).toHaveLength(2);
    const other = sessions.find((session) => !session.current)!;
    const ended = await consoleRequest(api, `/api/v1/staff/sessions/${other.id}`, {
      method: 'DELETE',
      cookie: phone,
    });
    expect(ended.status).toBe(204);
    expect((await consoleRequest(api, '/api/v1/staff/me', { cookie: laptop })).status).toBe(401);
    expect((await consoleRequest(api, '/api/v1/staff/me', { cookie: phone })).status).toBe(200);

    const deleSession = await signedInStaff(api.db, {
      email: 'dele@example.org',
      role: 'organizer',
    });
    const current = sessions.find((session) => session.current)!;
    const refused = await consoleRequest(api, `/api/v1/staff/sessions/${current.id}`, {
      method: 'DELETE',
      cookie: deleSession,
    });
    expect(refused.status).toBe(403);
    expect(
      (
        await consoleRequest(api, `/api/v1/staff/sessions?account=${rosa.id}`, {
          cookie: deleSession,
        })
      ).status,
    ).toBe(403);

    const admin = await addStaffAccount(api.db, { email: 'admin@example.org', role: 'admin' });
    const adminSession = await addStaffSession(api.db, admin.id);
    const theirs = await consoleRequest(api, `/api/v1/staff/sessions?account=${rosa.id}`, {
      cookie: adminSession,
    });
    expect(((await theirs.json()) as { sessions: unknown[] }).sessions).toHaveLength(1);
    const byAdmin = await consoleRequest(api, `/api/v1/staff/sessions/${current.id}`, {
      method: 'DELETE',
      cookie: adminSession,
    });
    expect(byAdmin.status).toBe(204);
    expect((await consoleRequest(api, '/api/v1/staff/me', { cookie: phone })).status).toBe(401);
    const recorded = await api.db.query<{ actor_label: string; subject_id: string }>(
      `select actor_label, subject_id from audit_log where action = 'session-ended' order by id`,
    );
    expect(recorded).toEqual([
      { actor_label: 'rosa@example.org', subject_id: other.id },
      { actor_label: 'admin@example.org', subject_id: current.id },
    ]);
  });

  it('stop a disabled account’s sessions at once, and start them again only by signing in', async () => {
    const adminCookie = await signedInStaff(api.db, { email: 'admin@example.org', role: 'admin' });
    const { account, password } = await withPassword(api, 'leaving@example.org');
    const cookie = await addStaffSession(api.db, account.id);
    expect((await consoleRequest(api, '/api/v1/people', { cookie })).status).toBe(200);

    const disabled = await consoleRequest(api, `/api/v1/staff/accounts/${account.id}`, {
      method: 'PATCH',
      body: { disabled: true },
      cookie: adminCookie,
    });
    expect(disabled.status).toBe(200);
    expect((await disabled.json()).disabled_at).not.toBeNull();
    expect((await consoleRequest(api, '/api/v1/people', { cookie })).status).toBe(401);
    expect(
      await api.db.query(
        'select 1 from staff_sessions where account_id = $1 and ended_at is null',
        [account.id],
      ),
    ).toEqual([]);
    const again = await passwordSignIn(api.app, consoleOrigin, 'leaving@example.org', password);
    expect(again.status).toBe(401);

    // Even a session its disabling missed (made after, straight in the database) lets nobody in.
    const stray = await addStaffSession(api.db, account.id);
    expect((await consoleRequest(api, '/api/v1/staff/me', { cookie: stray })).status).toBe(401);
  });

  it('refuse a write with the cookie from another site’s page, or from no page', async () => {
    const cookie = await signedInStaff(api.db, { email: 'csrf@example.org', role: 'admin' });
    const joined = await api.app.request('http://localhost:8787/api/v1/people', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': staffToken },
      body: JSON.stringify({ person: person('target@example.org') }),
    });
    const id = ((await joined.json()) as { identifiers: string[] }).identifiers[0]!.slice(6);
    const erase = (headers: Record<string, string>) =>
      api.app.request(`${consoleOrigin}/api/v1/people/${id}`, {
        method: 'DELETE',
        headers: { Cookie: cookie, ...headers },
      });

    // A microsite of the organization itself may post submissions, but not act as staff.
    const fromSite = await erase({ Origin: testOrigins.site, 'Sec-Fetch-Site': 'cross-site' });
    expect(fromSite.status).toBe(403);
    expect((await fromSite.json()).type).toMatch(/cross-site/);
    expect((await erase({ 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await erase({ 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await erase({})).status).toBe(403);
    expect((await erase({ Origin: 'null' })).status).toBe(403);
    expect(await api.db.query('select 1 from people where id = $1', [id])).toHaveLength(1);

    // Reads are not writes: the cookie (which browsers send only to the same site) reads.
    expect((await consoleRequest(api, `/api/v1/people/${id}`, { cookie })).status).toBe(200);
    // From the console's own page, it erases.
    const own = await erase({ Origin: consoleOrigin, 'Sec-Fetch-Site': 'same-origin' });
    expect(own.status).toBe(204);

    // A plain form on the organization's own site (which a browser sends the cookie with when the
    // site and the API share a domain) is the public's, answered as any visitor's.
    const signed = await api.app.request(
      `${consoleOrigin}/api/v1/petitions/fair-wages/signatures`,
      {
        method: 'POST',
        headers: {
          Cookie: cookie,
          Origin: testOrigins.site,
          Referer: `${testOrigins.site}/`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: 'email=visitor%40example.org&given_name=Ana',
      },
    );
    expect(signed.status).toBe(303);
    expect(
      await api.db.query(`select 1 from people where email = 'visitor@example.org'`),
    ).toHaveLength(1);

    const sign = await api.app.request(`${consoleOrigin}/api/v1/staff/sign-out`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: testOrigins.site },
    });
    expect(sign.status).toBe(403);
  });
});

describe.each(databases)('staff housekeeping on %s', (_kind, open) => {
  it('forgets passkey challenges once expired, and sessions a month after they end', async () => {
    const api = await openTestApi(open);
    try {
      const account = await addStaffAccount(api.db, { email: 'old@example.org', role: 'admin' });
      const live = await addStaffSession(api.db, account.id);
      const old = await addStaffSession(api.db, account.id);
      // By its token, as the two may have been made within the same instant.
      await api.db.query(
        `update staff_sessions set ended_at = now() - interval '31 days'
         where token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
        [old.slice('rally_staff='.length)],
      );
      await consoleRequest(api, '/api/v1/staff/sign-in/options', { method: 'POST' });
      await consoleRequest(api, '/api/v1/staff/sign-in/options', { method: 'POST' });
      await api.db.query(
        `update staff_challenges set expires_at = now() - interval '1 second'
         where id = (select id from staff_challenges limit 1)`,
      );
      await purgeExpired(api.db);
      expect(await api.db.query('select 1 from staff_challenges')).toHaveLength(1);
      expect(await api.db.query('select 1 from staff_sessions')).toHaveLength(1);
      expect((await consoleRequest(api, '/api/v1/staff/me', { cookie: live })).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});
