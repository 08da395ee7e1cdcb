/**
 * Enrolling and signing in with passkeys, through SimpleWebAuthn's real checks: an invitation
 * link, a passkey made by a software authenticator, the session cookie, and every refusal a
 * person could meet — an invitation used or expired, a page on another origin, a replayed counter.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  consoleOrigin,
  consoleRequest,
  databases,
  enrollPasskey,
  openTestApi,
  signInWithPasskey,
  SoftwareAuthenticator,
  staffToken,
  testOrigins,
  type TestApi,
} from '../testing.ts';

/** An invitation made with the bootstrap key, as `curl` would: its link. */
async function invite(api: TestApi, body: Record<string, unknown>): Promise<string> {
  const response = await api.app.request(`${consoleOrigin}/api/v1/staff/invitations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'OSDI-API-Token': staffToken },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  const { url } = (await response.json()) as { url: string };
  return url;
}

describe.each(databases)('passkeys on %s', (_kind, open) => {
  let api: TestApi;
  beforeEach(async () => {
    api = await openTestApi(open);
  });
  afterEach(() => api.close());

  it('enroll from an invitation: the account is made, the cookie signs in, /me answers', async () => {
    const url = await invite(api, {
      email: 'Rosa@Example.org',
      role: 'organizer',
      name: 'Rosa Ortiz',
      regions: ['gulf-south'],
    });
    expect(url).toMatch(/^http:\/\/localhost:8787\/console\/enroll#[\w-]{43}$/);

    // The enrollment page first shows whom the invitation is for.
    const token = new URL(url).hash.slice(1);
    const info = await consoleRequest(api, '/api/v1/staff/invitations/lookup', {
      body: { invitation: token },
    });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({
      email: 'rosa@example.org',
      name: 'Rosa Ortiz',
      role: 'organizer',
    });

    const authenticator = new SoftwareAuthenticator();
    const { response, cookie } = await enrollPasskey(api, url, authenticator);
    expect(response.status).toBe(201);
    const { account } = (await response.json()) as { account: Record<string, unknown> };
    expect(account).toMatchObject({
      email: 'rosa@example.org',
      name: 'Rosa Ortiz',
      role: 'organizer',
      regions: ['gulf-south'],
      password_allowed: false,
    });
    expect(cookie).toMatch(/^rally_staff=[\w-]{43}$/);

    const me = await consoleRequest(api, '/api/v1/staff/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    const body = (await me.json()) as { account: { id: string }; session: { id: string } };
    expect(body.account.id).toBe(account.id);
    // The passkey is kept with its public key, and the token is nowhere in the database.
    const [passkey] = await api.db.query<{ account_id: string; public_key: Uint8Array }>(
      'select account_id, public_key from staff_passkeys',
    );
    expect(passkey!.account_id).toBe(account.id);
    expect(passkey!.public_key.length).toBeGreaterThan(60);
    const stored = JSON.stringify(await api.db.query('select * from staff_sessions'));
    expect(stored).not.toContain(cookie!.split('=')[1]);

    // The organizer's session reads people, as the role allows.
    expect((await consoleRequest(api, '/api/v1/people', { cookie })).status).toBe(200);
  });

  it('refuse an invitation used already, or expired, saying what to do', async () => {
    const url = await invite(api, { email: 'once@example.org', role: 'admin' });
    const token = new URL(url).hash.slice(1);
    expect((await enrollPasskey(api, url, new SoftwareAuthenticator())).response.status).toBe(201);

    const again = await consoleRequest(api, '/api/v1/staff/invitations/lookup', {
      body: { invitation: token },
    });
    expect(again.status).toBe(410);
    expect(again.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await again.json()).detail).toMatch(/used already.*ask an admin for a new invitation/);
    const reuse = await consoleRequest(api, '/api/v1/staff/passkeys/registration-options', {
      body: { invitation: token },
    });
    expect(reuse.status).toBe(410);

    const late = await invite(api, { email: 'late@example.org', role: 'organizer' });
    await api.db.query(`update staff_invitations set expires_at = now() - interval '1 minute'`);
    const expired = await consoleRequest(api, '/api/v1/staff/invitations/lookup', {
      body: { invitation: new URL(late).hash.slice(1) },
    });
    // The token in a URL's path is no longer answered: it is sent in the body only.
    expect(
      (await consoleRequest(api, `/api/v1/staff/invitations/${new URL(late).hash.slice(1)}`))
        .status,
    ).toBe(404);
    expect(expired.status).toBe(410);
    expect((await expired.json()).detail).toMatch(/expired on .* UTC: ask an admin for a new one/);
    const enrolling = await enrollPasskey(api, late, new SoftwareAuthenticator()).catch(
      (error: Error) => error,
    );
    expect(String(enrolling)).toMatch(/expired/);

    const unknown = await consoleRequest(api, '/api/v1/staff/invitations/lookup', {
      body: { invitation: 'not-a-token' },
    });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).detail).toMatch(/not one Rally made/);
  });

  it('use an invitation once, however many registrations arrive for it', async () => {
    const url = await invite(api, { email: 'twice@example.org', role: 'organizer' });
    const invitation = new URL(url).hash.slice(1);
    const optionsFor = async () =>
      (await (
        await consoleRequest(api, '/api/v1/staff/passkeys/registration-options', {
          body: { invitation },
        })
      ).json()) as {
        challenge_id: string;
        options: Parameters<SoftwareAuthenticator['register']>[0];
      };
    const [first, second] = [await optionsFor(), await optionsFor()];
    const register = (options: typeof first) =>
      consoleRequest(api, '/api/v1/staff/passkeys/registration', {
        body: {
          invitation,
          challenge_id: options.challenge_id,
          response: new SoftwareAuthenticator().register(options.options, {
            origin: consoleOrigin,
          }),
        },
      });
    const statuses = (await Promise.all([register(first), register(second)])).map((r) => r.status);
    expect(statuses.sort()).toEqual([201, 410]);
    expect(await api.db.query('select 1 from staff_passkeys')).toHaveLength(1);
  });

  it('refuse a passkey made on a page of another origin', async () => {
    const url = await invite(api, { email: 'phished@example.org', role: 'admin' });
    const { response, cookie } = await enrollPasskey(api, url, new SoftwareAuthenticator(), {
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).detail).toMatch(
      /could not be verified.*origin.*https:\/\/evil\.example/,
    );
    expect(cookie).toBeUndefined();
    expect(await api.db.query('select 1 from staff_accounts')).toEqual([]);
  });

  it('refuse a passkey that answers another challenge, and a challenge used twice', async () => {
    const url = await invite(api, { email: 'replay@example.org', role: 'admin' });
    const invitation = new URL(url).hash.slice(1);
    const options = await consoleRequest(api, '/api/v1/staff/passkeys/registration-options', {
      body: { invitation },
    });
    const { challenge_id, options: creation } = await options.json();
    const authenticator = new SoftwareAuthenticator();
    const register = (response: unknown) =>
      consoleRequest(api, '/api/v1/staff/passkeys/registration', {
        body: { invitation, challenge_id, response },
      });
    const other = await register(
      authenticator.register(creation, { origin: consoleOrigin, challenge: 'c29tZXRoaW5n' }),
    );
    expect(other.status).toBe(400);
    expect((await other.json()).detail).toMatch(/challenge/);
    // The challenge was taken by that try: the right answer now comes too late.
    const late = await register(authenticator.register(creation, { origin: consoleOrigin }));
    expect(late.status).toBe(400);
    expect((await late.json()).detail).toMatch(/was used, has expired/);
  });

  it('sign in with the passkey later: a new session, the counter kept, a replay refused', async () => {
    const url = await invite(api, { email: 'back@example.org', role: 'communications' });
    const authenticator = new SoftwareAuthenticator();
    const enrolled = await enrollPasskey(api, url, authenticator);
    expect(enrolled.response.status).toBe(201);

    const { response, cookie } = await signInWithPasskey(api, authenticator);
    expect(response.status).toBe(200);
    expect((await response.json()).account.email).toBe('back@example.org');
    expect(cookie).toBeDefined();
    expect(cookie).not.toBe(enrolled.cookie);
    const [passkey] = await api.db.query<{ counter: string | number; last_used_at: Date }>(
      'select counter, last_used_at from staff_passkeys',
    );
    expect(Number(passkey!.counter)).toBe(1);
    expect(passkey!.last_used_at).toBeInstanceOf(Date);
    expect((await consoleRequest(api, '/api/v1/staff/me', { cookie })).status).toBe(200);

    // An authenticator whose counter went back (a cloned one, or a replayed answer) is refused.
    const clone = authenticator.passkeys[0]!;
    clone.counter = 0;
    const cloned = await signInWithPasskey(api, authenticator, { step: 1 });
    expect(cloned.response.status).toBe(401);
    expect((await cloned.response.json()).detail).toMatch(/counter/);
    expect(cloned.cookie).toBeUndefined();
    const failed = await api.db.query<{ actor_label: string; detail: { reason: string } }>(
      `select actor_label, detail from audit_log where action = 'sign-in-failed'`,
    );
    expect(failed).toEqual([
      {
        actor_label: 'back@example.org',
        detail: { method: 'passkey', reason: 'passkey-not-verified' },
      },
    ]);
  });

  it('refuse a sign-in from another origin, or without the owner verified', async () => {
    const url = await invite(api, { email: 'careful@example.org', role: 'admin' });
    const authenticator = new SoftwareAuthenticator();
    await enrollPasskey(api, url, authenticator);
    const elsewhere = await signInWithPasskey(api, authenticator, {
      origin: 'https://evil.example',
    });
    expect(elsewhere.response.status).toBe(401);
    expect((await elsewhere.response.json()).detail).toMatch(/origin.*https:\/\/evil\.example/);
    expect(elsewhere.cookie).toBeUndefined();

    // A page of another site (even one of the organization's, allowed to post submissions) may
    // not sign anyone in.
    const options = await consoleRequest(api, '/api/v1/staff/sign-in/options', { method: 'POST' });
    const { challenge_id, options: request } = await options.json();
    const fromSite = await api.app.request(`${consoleOrigin}/api/v1/staff/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: testOrigins.site },
      body: JSON.stringify({
        challenge_id,
        response: authenticator.signIn(request, { origin: consoleOrigin }),
      }),
    });
    expect(fromSite.status).toBe(403);
    expect((await fromSite.json()).type).toMatch(/cross-site/);

    const unverified = await signInWithPasskey(api, authenticator, { userVerified: false });
    expect(unverified.response.status).toBe(401);
    expect((await unverified.response.json()).detail).toMatch(/verif/);
  });

  it('refuse a passkey this Rally does not know', async () => {
    const stranger = new SoftwareAuthenticator();
    stranger.register(
      { challenge: 'AAAA', rp: { name: 'x', id: 'localhost' }, user: { id: 'AAAA', name: 'x' } },
      { origin: consoleOrigin },
    );
    const { response } = await signInWithPasskey(api, stranger);
    expect(response.status).toBe(401);
    expect((await response.json()).detail).toMatch(/not registered here/);
  });

  it('add a second passkey to the account signed in, and sign in with either', async () => {
    const url = await invite(api, { email: 'two@example.org', role: 'organizer' });
    const phone = new SoftwareAuthenticator();
    const { cookie } = await enrollPasskey(api, url, phone);

    const laptop = new SoftwareAuthenticator();
    const options = await consoleRequest(api, '/api/v1/staff/passkeys/registration-options', {
      body: {},
      cookie,
    });
    expect(options.status).toBe(200);
    const { challenge_id, options: creation } = await options.json();
    expect(creation.excludeCredentials).toHaveLength(1);
    const added = await consoleRequest(api, '/api/v1/staff/passkeys/registration', {
      body: {
        challenge_id,
        name: 'Laptop',
        response: laptop.register(creation, { origin: consoleOrigin }),
      },
      cookie,
    });
    expect(added.status).toBe(201);
    expect(
      (await api.db.query<{ name: string }>('select name from staff_passkeys order by name')).map(
        (row) => row.name,
      ),
    ).toEqual(['Laptop', 'Test phone']);
    expect((await signInWithPasskey(api, laptop)).response.status).toBe(200);
    expect((await signInWithPasskey(api, phone)).response.status).toBe(200);

    // Without a session, no passkey is added to anyone.
    const anonymous = await consoleRequest(api, '/api/v1/staff/passkeys/registration-options', {
      body: {},
    });
    expect(anonymous.status).toBe(401);
  });

  it('enroll again from a new invitation for the same address: the account keeps its id', async () => {
    const first = await enrollPasskey(
      api,
      await invite(api, { email: 'lost@example.org', role: 'organizer' }),
      new SoftwareAuthenticator(),
    );
    const { account } = await first.response.json();
    const again = await enrollPasskey(
      api,
      await invite(api, { email: 'lost@example.org', role: 'admin' }),
      new SoftwareAuthenticator(),
    );
    expect(again.response.status).toBe(201);
    expect((await again.response.json()).account).toMatchObject({ id: account.id, role: 'admin' });
  });
});
