/**
 * Signing in and out: an invitation's enrollment of a first passkey, more passkeys for the account
 * signed in, sign-in by passkey or (where an admin allows it) by password, the account signed in
 * and its password, and the sessions — each recorded in the audit log.
 */
import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import {
  passkeyRegistrationOptionsRequest,
  passkeyRegistrationRequest,
  passkeySignInRequest,
  passwordChangeRequest,
  passwordSignInRequest,
  staffAccount,
  staffInvitationInfo,
  staffMe,
  staffSession,
  type StaffSession,
} from '@rally/core';
import { z } from 'zod';
import { AtCapacity } from '../concurrency-cap.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { addressBlock } from '../http/address-block.ts';
import { readJson } from '../http/body.ts';
import { HttpProblem } from '../http/problems.ts';
import { uuidPattern } from '../http/query.ts';
import type { Limit } from '../http/rate-limits.ts';
import {
  jsonResponse,
  pathParameter,
  problemResponse,
  queryParameter,
  requestSchema,
} from '../openapi.ts';
import { accountAnswer, findAccount, type AccountRow } from './accounts.ts';
import { audit, type Actor } from './audit.ts';
import { markInvitationUsed, usableInvitation } from './invitations.ts';
import {
  registrationOptions,
  type NewPasskey,
  signInOptions,
  SignInRefusal,
  takeChallenge,
  verifyRegistration,
  verifySignIn,
} from './passkeys.ts';
import { checkPassword, hashPassword } from './passwords.ts';
import { identifyStaff, requireAnyStaff, requireSession } from './require-staff.ts';
import type { Staff } from './roles.ts';
import {
  clearSessionCookie,
  endSessions,
  requireRecentSignIn,
  sessionToken,
  startSession,
} from './sessions.ts';
import { hashToken } from './tokens.ts';

export const signInRoutes = new Hono<AppContext>();

/**
 * Steps of signing in one IP (an IPv6 /64: `addressBlock`) may take in ten minutes (a passkey
 * sign-in takes two): enough for a whole staff behind one office connection or proxy; guessing a
 * password is held by the limits below, and a passkey cannot be guessed.
 */
const attemptsPerIp = 300;
/**
 * Password attempts in fifteen minutes, each counted before its email is looked up, so that an
 * email with no account is counted as one with an account is, and the answer (401 or 429) says
 * nothing of which it is. For one email: a few typos, not a guessing run. From one IP or /64: a
 * few people mistyping behind one connection, while trying many emails from there is held as
 * trying one is. In all: more than a whole staff signs in with passwords in a quarter of an hour,
 * far fewer than a spray of leaked emails and passwords from many networks needs.
 */
const passwordAttempts = { perEmail: 10, perIp: 20, inAll: 100, windowSeconds: 900 };

function jsonBody(name: string, schema: z.ZodType) {
  return {
    required: true,
    content: { 'application/json': { schema: requestSchema(name, schema) } },
  };
}

const accountAnswered = jsonResponse(
  'The account signed in; the session cookie is set',
  'StaffAccountAnswer',
  z.object({ account: staffAccount }),
);
const optionsAnswer = (description: string, name: string) =>
  jsonResponse(
    description,
    name,
    z.object({
      challenge_id: z.uuid(),
      options: z.record(z.string(), z.unknown()),
    }),
  );
const tooMany = problemResponse(
  'Too many sign-in attempts from here (an IP, or an IPv6 /64), for this account, or (with passwords) in all; see Retry-After.',
);
const unreadableBody = {
  400: problemResponse(
    'The body is not valid JSON, or the challenge was used, expired or is not for this step.',
  ),
  415: problemResponse('The body is not JSON.'),
  422: problemResponse('Fields failed validation (each in `errors`).'),
};
const httpsOnly = problemResponse(
  'A write from another site’s page (`cross-site`), or a sign-in over plain http anywhere but this machine (`https-required`).',
);

/** Counts one sign-in attempt against the limits; a 429 saying how long to wait. */
async function countAttempt(c: Context<AppContext>, extra: Limit[] = []): Promise<void> {
  await refuseOver(c, [
    {
      key: `staff-sign-in:ip:${addressBlock(c.var.clientIp)}`,
      max: attemptsPerIp,
      windowSeconds: 600,
    },
    ...extra,
  ]);
}

/** Counts a hit against `limits`; a 429 saying how long to wait when one is reached. */
async function refuseOver(c: Context<AppContext>, limits: Limit[]): Promise<void> {
  const wait = await c.var.rateLimiter.hit(limits);
  if (wait > 0) {
    throw new HttpProblem(429, `Too many sign-in attempts: wait ${wait} seconds, then try again.`, {
      headers: { 'Retry-After': String(wait) },
    });
  }
}

function actorOfAccount(account: Pick<AccountRow, 'id' | 'email'>): Actor {
  return { kind: 'staff', id: account.id, label: account.email };
}

/** The invitation's token, in a body: a URL's path is kept in logs and histories, a body is not. */
const invitationLookup = z.strictObject({ invitation: z.string().min(1).max(200) });

signInRoutes.post(
  '/invitations/lookup',
  describeRoute({
    summary: 'Whom an invitation is for, before enrolling a passkey with it',
    description:
      'The token from the invitation link’s fragment travels in the body, never in a URL, which proxies and logs keep.',
    requestBody: jsonBody('StaffInvitationLookup', invitationLookup),
    responses: {
      200: jsonResponse('The invitation', 'StaffInvitationInfo', staffInvitationInfo),
      ...unreadableBody,
      404: problemResponse('No such invitation'),
      410: problemResponse('The invitation was used, or has expired'),
      429: tooMany,
    },
  }),
  async (c) => {
    await countAttempt(c);
    const { invitation: token } = await readJson(c, invitationLookup);
    const invitation = await usableInvitation(c.var.db, token);
    return c.json(
      {
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        expires_at: invitation.expires_at.toISOString(),
      },
      200,
      { 'Cache-Control': 'no-store' },
    );
  },
);

signInRoutes.post(
  '/passkeys/registration-options',
  describeRoute({
    summary: 'Options to make a passkey: with an invitation, or for the account signed in',
    requestBody: jsonBody('PasskeyRegistrationOptionsRequest', passkeyRegistrationOptionsRequest),
    responses: {
      200: optionsAnswer(
        'The options for `navigator.credentials.create` (as `@simplewebauthn/browser` takes them), and the challenge’s id to send back',
        'PasskeyRegistrationOptions',
      ),
      ...unreadableBody,
      401: problemResponse('No invitation, and not signed in'),
      403: problemResponse(
        'The invited account is disabled, or a write from another site’s page (`cross-site`)',
      ),
      404: problemResponse('No such invitation'),
      410: problemResponse('The invitation was used, or has expired'),
      429: tooMany,
    },
  }),
  async (c) => {
    const { db } = c.var;
    const body = await readJson(c, passkeyRegistrationOptionsRequest);
    if (body.invitation === undefined) {
      const staff = await signedIn(c);
      // A way in added from an old session would let whoever holds it keep the account.
      await requireRecentSignIn(db, staff.sessionId!);
      const account = await findAccount(db, staff.id);
      return c.json(await registrationOptions(c, account, null), 200, noStore);
    }
    await countAttempt(c);
    const invitation = await usableInvitation(db, body.invitation);
    // Invited again (a lost phone, say): the passkey is added to the account already there.
    const [existing] = await db.query<AccountRow>('select * from staff_accounts where email = $1', [
      invitation.email,
    ]);
    if (existing?.disabled_at) throw disabledAccount();
    const account = existing ?? {
      id: crypto.randomUUID(),
      email: invitation.email,
      name: invitation.name,
    };
    return c.json(await registrationOptions(c, account, invitation.token_hash), 200, noStore);
  },
);

const noStore = { 'Cache-Control': 'no-store' };

function disabledAccount(): HttpProblem {
  return new HttpProblem(
    403,
    'This account is disabled: an admin must enable it again before it can sign in.',
    { kind: 'account-disabled' },
  );
}

/** The session asking, or a 401: passkeys and passwords belong to accounts, not to keys. */
async function signedIn(c: Context<AppContext>): Promise<Staff> {
  const staff = sessionToken(c) === undefined ? undefined : await identifyStaff(c);
  if (staff?.kind !== 'session') {
    throw new HttpProblem(
      401,
      'Not signed in: open your invitation link to make a first passkey, or sign in to add another.',
      { kind: 'not-signed-in' },
    );
  }
  return staff;
}

signInRoutes.post(
  '/passkeys/registration',
  describeRoute({
    summary:
      'Register a passkey: the invitation’s first (which makes the account and signs it in), or another for the account signed in',
    requestBody: jsonBody('PasskeyRegistrationRequest', passkeyRegistrationRequest),
    responses: {
      201: accountAnswered,
      ...unreadableBody,
      400: problemResponse(
        'The body is not valid JSON; the challenge was used, expired or is another’s; or the passkey could not be verified (its origin, challenge or signature), the reason given',
      ),
      401: problemResponse('No invitation, and not signed in'),
      403: problemResponse(
        'The invited account is disabled; a sign-in over plain http away from this machine (`https-required`); or a write from another site’s page (`cross-site`)',
      ),
      404: problemResponse('No such invitation'),
      409: problemResponse('This passkey is registered already'),
      410: problemResponse('The invitation was used, or has expired'),
      429: tooMany,
    },
  }),
  async (c) => {
    const { db } = c.var;
    const body = await readJson(c, passkeyRegistrationRequest);
    const passkeyName = body.name || 'Passkey';
    if (body.invitation === undefined) {
      // Another passkey for the account signed in.
      const staff = await signedIn(c);
      await requireRecentSignIn(db, staff.sessionId!);
      if (body.account_name !== undefined) throw accountNameWithoutInvitation();
      const challenge = await takeChallenge(db, body.challenge_id, 'register');
      if (challenge.invitation_hash !== null || challenge.account_id !== staff.id)
        throw otherChallenge();
      const passkey = await verifyRegistration(c, challenge, body.response);
      await db.transaction(async (tx) => {
        await insertPasskey(tx, staff.id, passkey, passkeyName);
        await audit(
          c,
          {
            action: 'passkey-added',
            subjectKind: 'account',
            subjectId: staff.id,
            detail: { credential_id: passkey.credentialId },
          },
          { db: tx },
        );
      });
      return c.json({ account: accountAnswer(await findAccount(db, staff.id)) }, 201, noStore);
    }

    await countAttempt(c);
    const invitation = await usableInvitation(db, body.invitation);
    const challenge = await takeChallenge(db, body.challenge_id, 'register');
    if (challenge.invitation_hash !== invitation.token_hash || !challenge.account_id)
      throw otherChallenge();
    const accountId = challenge.account_id;
    const passkey = await verifyRegistration(c, challenge, body.response);
    const account = await db.transaction(async (tx) => {
      if (!(await markInvitationUsed(tx, invitation.token_hash))) {
        throw new HttpProblem(
          410,
          'This invitation was used already: sign in with the passkey made with it, or ask an admin for a new invitation.',
          { kind: 'invitation-used' },
        );
      }
      // The invitation says the role and scope: invited again, an account takes the new ones.
      const [row] = await tx.query<AccountRow>(
        `insert into staff_accounts (id, email, name, role, regions, sectors, sources)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (email) do update set role = excluded.role, regions = excluded.regions,
           sectors = excluded.sectors, sources = excluded.sources,
           name = coalesce(nullif(excluded.name, ''), staff_accounts.name)
         returning *`,
        [
          accountId,
          invitation.email,
          body.account_name ?? invitation.name,
          invitation.role,
          invitation.regions,
          invitation.sectors,
          invitation.sources,
        ],
      );
      // The passkey was made for the account's id, its user handle: another account for the same
      // address, made meanwhile, is not the one it names.
      if (row!.id !== accountId) throw otherChallenge();
      if (row!.disabled_at) throw disabledAccount();
      await insertPasskey(tx, row!.id, passkey, passkeyName);
      const session = await startSession(c, tx, row!.id);
      const actor = actorOfAccount(row!);
      await audit(
        c,
        {
          action: 'invitation-used',
          subjectKind: 'invitation',
          subjectId: invitation.token_hash,
          detail: { account_id: row!.id, role: row!.role, invited_by: invitation.invited_by },
        },
        { db: tx, actor },
      );
      await audit(
        c,
        {
          action: 'sign-in',
          subjectKind: 'session',
          subjectId: session.id,
          detail: {
            method: 'passkey',
            enrolled: true,
            credential_id: passkey.credentialId,
            ...replacedSession(session),
          },
        },
        { db: tx, actor },
      );
      return row!;
    });
    return c.json({ account: accountAnswer(account) }, 201, noStore);
  },
);

function accountNameWithoutInvitation(): HttpProblem {
  return new HttpProblem(
    422,
    'account_name is taken only with an invitation: change your name with PATCH /api/v1/staff/me.',
    {
      errors: [
        {
          path: 'account_name',
          code: 'invalid',
          message: 'This field cannot be set here; leave it out.',
        },
      ],
    },
  );
}

/** The session a sign-in replaced in the same browser, for its record in the audit log. */
function replacedSession(session: { replaced: string | null }): Record<string, string> {
  return session.replaced ? { replaced_session: session.replaced } : {};
}

function otherChallenge(): HttpProblem {
  return new HttpProblem(
    400,
    'This challenge_id was made for another invitation or account: ask for new registration options.',
    { errors: [{ path: 'challenge_id', code: 'invalid', message: 'Ask for new options.' }] },
  );
}

async function insertPasskey(
  tx: Queryable,
  accountId: string,
  passkey: NewPasskey,
  name: string,
): Promise<void> {
  const rows = await tx.query(
    `insert into staff_passkeys (credential_id, account_id, public_key, counter, transports, name)
     values ($1, $2, $3, $4, $5, $6) on conflict (credential_id) do nothing returning 1`,
    [passkey.credentialId, accountId, passkey.publicKey, passkey.counter, passkey.transports, name],
  );
  if (rows.length === 0) {
    throw new HttpProblem(409, 'This passkey is registered already: sign in with it instead.');
  }
}

signInRoutes.post(
  '/sign-in/options',
  describeRoute({
    summary: 'Options to sign in with a passkey',
    description:
      'No email is asked for: the browser offers the passkeys it holds for this site (discoverable credentials).',
    responses: {
      200: optionsAnswer(
        'The options for `navigator.credentials.get`, and the challenge’s id to send back',
        'PasskeySignInOptions',
      ),
      403: httpsOnly,
      429: tooMany,
    },
  }),
  async (c) => {
    await countAttempt(c);
    return c.json(await signInOptions(c), 200, noStore);
  },
);

signInRoutes.post(
  '/sign-in',
  describeRoute({
    summary: 'Sign in with a passkey; sets the session cookie',
    requestBody: jsonBody('PasskeySignInRequest', passkeySignInRequest),
    responses: {
      200: accountAnswered,
      ...unreadableBody,
      401: problemResponse(
        'The passkey is not registered here, could not be verified (its origin, challenge, signature or counter), or its account is disabled; the reason given',
      ),
      403: httpsOnly,
      429: tooMany,
    },
  }),
  async (c) => {
    const { db } = c.var;
    await countAttempt(c);
    const body = await readJson(c, passkeySignInRequest);
    const challenge = await takeChallenge(db, body.challenge_id, 'sign-in');
    let account: AccountRow;
    try {
      account = await verifySignIn(c, challenge, body.response);
    } catch (error) {
      if (!(error instanceof SignInRefusal)) throw error;
      await refusedSignIn(c, 'passkey', error.reason, await accountNamed(db, error.accountId));
      throw error.problem;
    }
    await signIn(c, account, { method: 'passkey', credential_id: body.response.id });
    return c.json({ account: accountAnswer(account) }, 200, noStore);
  },
);

/** Opens the session and records the sign-in, together. */
async function signIn(
  c: Context<AppContext>,
  account: AccountRow,
  detail: Record<string, unknown>,
): Promise<void> {
  await c.var.db.transaction(async (tx) => {
    const session = await startSession(c, tx, account.id);
    await audit(
      c,
      {
        action: 'sign-in',
        subjectKind: 'session',
        subjectId: session.id,
        detail: { ...detail, ...replacedSession(session) },
      },
      { db: tx, actor: actorOfAccount(account) },
    );
  });
}

/** The account a refused passkey named, when it named one. */
async function accountNamed(
  db: Queryable,
  accountId: string | null,
): Promise<Pick<AccountRow, 'id' | 'email'> | undefined> {
  if (!accountId) return undefined;
  const [account] = await db.query<AccountRow>(
    'select id, email from staff_accounts where id = $1',
    [accountId],
  );
  return account;
}

/** Records a refused sign-in: for the account it named, when it named one. */
async function refusedSignIn(
  c: Context<AppContext>,
  method: 'passkey' | 'password',
  reason: string,
  account: Pick<AccountRow, 'id' | 'email'> | undefined,
): Promise<void> {
  await audit(
    c,
    {
      action: 'sign-in-failed',
      ...(account ? { subjectKind: 'account', subjectId: account.id } : {}),
      detail: { method, reason },
    },
    { actor: account ? actorOfAccount(account) : { kind: 'staff', id: null, label: null } },
  );
}

signInRoutes.post(
  '/sign-in/password',
  describeRoute({
    summary: 'Sign in with a password, where an admin allows it for the account; sets the cookie',
    requestBody: jsonBody('PasswordSignInRequest', passwordSignInRequest),
    responses: {
      200: accountAnswered,
      ...unreadableBody,
      401: problemResponse(
        'The email and password do not match an account allowed to sign in with a password',
      ),
      403: httpsOnly,
      429: tooMany,
      503: problemResponse(
        'Too many password sign-ins at once (`sign-in-busy`): try again after Retry-After',
      ),
    },
  }),
  async (c) => {
    const { db } = c.var;
    const { email, password } = await readJson(c, passwordSignInRequest);
    const { perEmail, perIp, inAll, windowSeconds } = passwordAttempts;
    await countAttempt(c, [
      { key: `staff-password:email:${hashToken(email)}`, max: perEmail, windowSeconds },
      { key: `staff-password:ip:${addressBlock(c.var.clientIp)}`, max: perIp, windowSeconds },
    ]);
    // Only tries the narrower limits let through count in all: one address held at its own
    // limit, however hard it keeps asking, cannot use up everyone's.
    await refuseOver(c, [{ key: 'staff-password:all', max: inAll, windowSeconds }]);
    const [account] = await db.query<AccountRow>('select * from staff_accounts where email = $1', [
      email,
    ]);
    const allowed = account?.password_allowed && !account.disabled_at;
    // A check whatever the account, so the time taken tells nothing about which exist.
    const matches = await checkPassword(allowed ? account.password_hash : null, password).catch(
      (error: unknown) => {
        if (error instanceof AtCapacity) throw passwordChecksBusy();
        throw error;
      },
    );
    if (!account || !allowed || !matches) {
      const reason = !account
        ? 'no-account'
        : account.disabled_at
          ? 'account-disabled'
          : !account.password_allowed
            ? 'password-not-allowed'
            : account.password_hash === null
              ? 'no-password-set'
              : 'wrong-password';
      await refusedSignIn(c, 'password', reason, account);
      throw new HttpProblem(
        401,
        'That email and password do not match an account allowed to sign in with a password: sign in with your passkey, or ask an admin.',
        { kind: 'sign-in-refused' },
      );
    }
    await signIn(c, account, { method: 'password' });
    return c.json({ account: accountAnswer(account) }, 200, noStore);
  },
);

/** Every password check is taken (`passwordChecks`): the same for any email, so it tells nothing. */
function passwordChecksBusy(): HttpProblem {
  return new HttpProblem(
    503,
    'Too many password sign-ins at once: try again in a moment, or sign in with your passkey.',
    { kind: 'sign-in-busy', headers: { 'Retry-After': '1' } },
  );
}

signInRoutes.post(
  '/sign-out',
  describeRoute({
    summary: 'Sign out: ends this session and clears its cookie',
    responses: {
      204: { description: 'Signed out (or was not signed in)' },
      403: problemResponse('A write from another site’s page (`cross-site`)'),
    },
  }),
  async (c) => {
    const token = sessionToken(c);
    if (token !== undefined) {
      const ended = await c.var.db.query<{ id: string; account_id: string }>(
        `update staff_sessions set ended_at = now()
         where token_hash = $1 and ended_at is null returning id, account_id`,
        [hashToken(token)],
      );
      if (ended[0]) {
        const [account] = await c.var.db.query<AccountRow>(
          'select id, email from staff_accounts where id = $1',
          [ended[0].account_id],
        );
        await audit(
          c,
          { action: 'sign-out', subjectKind: 'session', subjectId: ended[0].id },
          { actor: account ? actorOfAccount(account) : undefined },
        );
      }
    }
    clearSessionCookie(c);
    return c.body(null, 204, noStore);
  },
);

signInRoutes.get(
  '/me',
  describeRoute({
    summary: 'The account signed in, and its session',
    responses: { 200: jsonResponse('The account and session', 'StaffMe', staffMe) },
  }),
  requireSession,
  async (c) => {
    const { db, staff } = c.var;
    const account = await findAccount(db, staff.id);
    const [session] = await db.query<{ id: string; expires_at: Date; ends_at: Date }>(
      'select id, expires_at, ends_at from staff_sessions where id = $1',
      [staff.sessionId],
    );
    return c.json({
      account: accountAnswer(account),
      session: {
        id: session!.id,
        expires_at: session!.expires_at.toISOString(),
        ends_at: session!.ends_at.toISOString(),
      },
    });
  },
);

signInRoutes.put(
  '/me/password',
  describeRoute({
    summary: 'Set the password of the account signed in, where an admin allows one',
    requestBody: jsonBody('PasswordChangeRequest', passwordChangeRequest),
    responses: {
      204: { description: 'Set' },
      ...unreadableBody,
      403: problemResponse(
        'No admin has allowed a password for this account, or a write from another site’s page (`cross-site`)',
      ),
    },
  }),
  requireSession,
  async (c) => {
    const { db, staff } = c.var;
    const { password } = await readJson(c, passwordChangeRequest);
    // As a new passkey: a password set from an old session would be a way in for whoever holds it.
    await requireRecentSignIn(db, staff.sessionId!);
    const account = await findAccount(db, staff.id);
    if (!account.password_allowed) {
      throw new HttpProblem(
        403,
        'No admin has allowed a password for your account: sign in with your passkey, or ask an admin to allow one.',
        { kind: 'password-not-allowed' },
      );
    }
    const hash = await hashPassword(password);
    await db.transaction(async (tx) => {
      await tx.query('update staff_accounts set password_hash = $2 where id = $1', [
        account.id,
        hash,
      ]);
      await audit(
        c,
        {
          action: 'account-changed',
          subjectKind: 'account',
          subjectId: account.id,
          detail: { password: 'set' },
        },
        { db: tx },
      );
    });
    return c.body(null, 204);
  },
);

interface SessionListRow extends Record<string, unknown> {
  id: string;
  account_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ends_at: Date;
  ended_at: Date | null;
  user_agent: string | null;
}

/** Refuses to act on another account's sessions unless an admin (signed in, or the bootstrap key). */
function mayManageOthers(staff: Staff): void {
  if (staff.role === 'admin' && (staff.kind === 'session' || staff.scope === 'admin')) return;
  throw new HttpProblem(403, 'Only an admin may see or end another account’s sessions.', {
    kind: 'role-not-allowed',
  });
}

signInRoutes.get(
  '/sessions',
  describeRoute({
    summary:
      'Live sessions: your own, or (for an admin) an account’s, or everyone’s with the bootstrap key',
    parameters: [
      queryParameter('account', 'An account’s id: its sessions (admins only).', {
        type: 'string',
        format: 'uuid',
      }),
    ],
    responses: {
      200: jsonResponse(
        'The sessions, newest first',
        'StaffSessions',
        z.object({ sessions: z.array(staffSession) }),
      ),
      400: problemResponse('`account` is not an account’s id'),
    },
  }),
  requireAnyStaff,
  async (c) => {
    const { db, staff } = c.var;
    const asked = c.req.query('account');
    if (asked !== undefined && !uuidPattern.test(asked)) {
      throw new HttpProblem(
        400,
        'account must be an account’s id, from GET /api/v1/staff/accounts.',
        {
          errors: [{ path: 'query.account', code: 'invalid', message: 'Give an account’s id.' }],
        },
      );
    }
    const account = asked ?? (staff.kind === 'session' ? staff.id : undefined);
    if (account !== staff.id || staff.kind === 'key') mayManageOthers(staff);
    const rows = await db.query<SessionListRow>(
      `select id, account_id, created_at, last_seen_at, expires_at, ends_at, ended_at, user_agent
       from staff_sessions
       where ($1::uuid is null or account_id = $1) and ended_at is null
         and expires_at > now() and ends_at > now()
       order by created_at desc, id limit 500`,
      [account ?? null],
    );
    const sessions: StaffSession[] = rows.map((row) => ({
      id: row.id,
      account_id: row.account_id,
      created_at: row.created_at.toISOString(),
      last_seen_at: row.last_seen_at.toISOString(),
      expires_at: row.expires_at.toISOString(),
      ends_at: row.ends_at.toISOString(),
      ended_at: row.ended_at?.toISOString() ?? null,
      user_agent: row.user_agent,
      current: row.id === staff.sessionId,
    }));
    return c.json({ sessions });
  },
);

signInRoutes.delete(
  '/sessions/:id',
  describeRoute({
    summary: 'End a session: your own, or (for an admin) anyone’s',
    parameters: [pathParameter('id', 'The session’s id', 'uuid')],
    responses: {
      204: { description: 'Ended (or had ended already)' },
      404: problemResponse('No such session'),
    },
  }),
  requireAnyStaff,
  async (c) => {
    const { db, staff } = c.var;
    const id = c.req.param('id');
    const [session] = uuidPattern.test(id)
      ? await db.query<{ id: string; account_id: string }>(
          'select id, account_id from staff_sessions where id = $1',
          [id],
        )
      : [];
    if (!session) {
      throw new HttpProblem(
        404,
        `No session has the id ${id}: take it from GET /api/v1/staff/sessions.`,
      );
    }
    if (session.account_id !== staff.id || staff.kind === 'key') mayManageOthers(staff);
    const ended = await endSessions(db, 'id', session.id);
    if (ended.length > 0) {
      await audit(c, {
        action: 'session-ended',
        subjectKind: 'session',
        subjectId: session.id,
        detail: { account_id: session.account_id },
      });
    }
    if (session.id === staff.sessionId) clearSessionCookie(c);
    return c.body(null, 204);
  },
);
