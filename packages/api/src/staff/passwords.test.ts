/**
 * The password fallback: only for an account an admin allows it, at least twelve characters,
 * stored as argon2id, a wrong one refused and recorded, and guessing slowed by limits that say
 * nothing of which emails have an account.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app.ts';
import { memoryRateLimiter } from '../http/rate-limits.ts';
import {
  addStaffAccount,
  addStaffSession,
  consoleOrigin,
  consoleRequest,
  databases,
  openTestApi,
  sessionCookieOf,
  testSettings,
  type TestApi,
} from '../testing.ts';
import { decoyHash, hashPassword, passwordChecks } from './passwords.ts';

const password = 'a long passphrase for the hall';

function signIn(api: TestApi, email: string, secret: string, headers: Record<string, string> = {}) {
  return consoleRequest(api, '/api/v1/staff/sign-in/password', {
    body: { email, password: secret },
    headers,
  });
}

/**
 * The API behind a proxy that says who is asking (`X-Forwarded-For`), so each test can ask from
 * the addresses it needs, on the test's database and with counts of its own.
 */
function behindProxy(api: TestApi): TestApi {
  const app = createApp({
    db: api.db,
    settings: testSettings(),
    linkSecret: 'test-link-secret',
    rateLimiter: memoryRateLimiter(),
    trustProxy: true,
  });
  return { ...api, app };
}

const from = (address: string) => ({ 'X-Forwarded-For': address });

/**
 * Holds the clock a minute into a fifteen-minute window of the limits (which start on the clock),
 * so a test's tries cannot fall on both sides of a window's end.
 */
function withinOneWindow(): void {
  const window = 900_000;
  vi.useFakeTimers({ toFake: ['Date'], now: Math.floor(Date.now() / window) * window + 60_000 });
}

/** A password sign-in, its answer read whole: what a person (or a script) sees of it. */
async function seen(response: Response) {
  const { date: _date, ...headers } = Object.fromEntries(response.headers);
  return { status: response.status, headers, body: await response.json() };
}

/** An account that signs in with `password`. */
async function withPassword(api: TestApi, email: string) {
  const account = await addStaffAccount(api.db, {
    email,
    role: 'organizer',
    passwordAllowed: true,
  });
  await api.db.query('update staff_accounts set password_hash = $2 where id = $1', [
    account.id,
    await hashPassword(password),
  ]);
  return account;
}

describe.each(databases)('staff passwords on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await api.close();
  });

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

    const wrong = await seen(await signIn(api, 'dele@example.org', 'not the passphrase'));
    const unknown = await seen(await signIn(api, 'nobody@example.org', password));
    // The same answer to the letter, headers and all: nothing tells which address has an account.
    expect(unknown).toEqual(wrong);
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toMatch(/sign in with your passkey, or ask an admin/);
    expect(wrong.headers['set-cookie']).toBeUndefined();

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

  it('count an IPv6 client by its /64: a neighbour shares the count, the next /64 does not', async () => {
    withinOneWindow();
    const proxied = behindProxy(api);
    // Twenty tries, each from another address of one /64 and for another email.
    for (let i = 0; i < 20; i++) {
      const answer = await signIn(proxied, `guess${i}@example.org`, 'a guess at last', {
        ...from(`2001:db8:1:2::${(i + 1).toString(16)}`),
      });
      expect(answer.status).toBe(401);
    }
    const neighbour = await signIn(proxied, 'fresh@example.org', 'a guess at last', {
      ...from('2001:db8:1:2:ffff:ffff:ffff:fffe'),
    });
    expect(neighbour.status).toBe(429);
    expect(Number(neighbour.headers.get('retry-after'))).toBeGreaterThan(0);
    const nextNetwork = await signIn(proxied, 'fresh@example.org', 'a guess at last', {
      ...from('2001:db8:1:3::1'),
    });
    expect(nextNetwork.status).toBe(401);
  });

  it('hold a spray of emails that have no account as guessing at one: from one network, and from all', async () => {
    withinOneWindow();
    const proxied = behindProxy(api);
    await withPassword(api, 'door@example.org');
    const spray = (i: number, address: string) =>
      signIn(proxied, `nobody${i}@example.org`, 'Summer2024!Summer', from(address));

    // From one IPv4 address: twenty emails, then it waits, whatever the next email.
    for (let i = 0; i < 20; i++) expect((await spray(i, '198.51.100.7')).status).toBe(401);
    const held = await seen(await spray(20, '198.51.100.7'));
    expect(held.status).toBe(429);
    expect(held.body.detail).toMatch(/Too many sign-in attempts: wait \d+ seconds/);
    // The same address mapped into IPv6 is the same client.
    expect((await spray(21, '::ffff:198.51.100.7')).status).toBe(429);
    // Held at its own limit, it uses up nothing of everyone's, however often it asks.
    for (let i = 0; i < 30; i++) expect((await spray(1000 + i, '198.51.100.7')).status).toBe(429);

    // From many networks: a hundred tries in all within the window (the twenty let through so
    // far), then every email waits — one with an account and its right password too, so the
    // answer says nothing of which exist.
    for (let i = 20; i < 100; i++) {
      expect((await spray(i, `203.0.113.${Math.floor(i / 10)}`)).status).toBe(401);
    }
    const sprayed = await seen(await spray(100, '192.0.2.1'));
    const known = await seen(
      await signIn(proxied, 'door@example.org', password, from('192.0.2.2')),
    );
    expect(sprayed.status).toBe(429);
    expect(known.status).toBe(429);
    expect(known.body).toEqual(sprayed.body);
    // Every try refused with 401 is in the audit log, none naming an address that has no account.
    const [{ count }] = (await api.db.query<{ count: number }>(
      `select count(*)::int as count from audit_log
       where action = 'sign-in-failed' and detail->>'reason' = 'no-account'`,
    )) as [{ count: number }];
    expect(count).toBe(100);
  });

  it('check a few passwords at a time, and answer 503 to the next while the line is full', async () => {
    await withPassword(api, 'door@example.org');
    // Every place taken, and the line behind them full, until the test opens the gate.
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const holding = Array.from({ length: 10 }, () => passwordChecks.run(() => gate));
    try {
      const known = await seen(await signIn(api, 'door@example.org', password));
      const unknown = await seen(await signIn(api, 'nobody@example.org', password));
      expect(known.status).toBe(503);
      expect(known.headers['retry-after']).toBe('1');
      expect(known.body).toMatchObject({
        type: 'https://rally.invalid/problems/sign-in-busy',
        detail: expect.stringMatching(/Too many password sign-ins at once: try again in a moment/),
      });
      expect(unknown).toEqual(known);
    } finally {
      openGate();
      await Promise.all(holding);
    }
    // Once a place is free, the password signs in.
    expect((await signIn(api, 'door@example.org', password)).status).toBe(200);
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

it('check an unknown address against a decoy made with the same costs as every password', async () => {
  const costs = (hash: string) => hash.split('$').slice(0, 4).join('$');
  expect(costs(decoyHash)).toBe(costs(await hashPassword(password)));
});
