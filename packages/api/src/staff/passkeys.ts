/**
 * Passkeys (WebAuthn), through SimpleWebAuthn: the options a browser needs to make or use one, the
 * one-time challenges behind them (five minutes, deleted as they are checked), and the checks of
 * what the authenticator signed — the challenge, the API's own origin and host name, the user's
 * verification, and for a sign-in the passkey's signature counter.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Context } from 'hono';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { HttpProblem } from '../http/problems.ts';
import type { AccountRow } from './accounts.ts';

/**
 * EdDSA, ES256 and RS256 (COSE -8, -7, -257): what passkeys use. Written out because the library's
 * default asks the runtime's Web Crypto whether it has ML-DSA too, an experimental call Node warns
 * about in the server's log.
 */
const algorithms = [-8, -7, -257];

interface ChallengeRow extends Record<string, unknown> {
  id: string;
  challenge: string;
  purpose: 'register' | 'sign-in';
  invitation_hash: string | null;
  account_id: string | null;
}

/** The passkey's relying party: the host name the console is reached by, and its origin. */
function relyingParty(c: Context<AppContext>): { rpID: string; origin: string } {
  return { rpID: new URL(c.var.origin).hostname, origin: c.var.origin };
}

/**
 * Options to make a passkey for `account` (its WebAuthn user handle is the account's id), with the
 * challenge kept for the registration: made from `invitation`, or added by the account signed in.
 */
export async function registrationOptions(
  c: Context<AppContext>,
  account: { id: string; email: string; name: string },
  invitationHash: string | null,
): Promise<{ challenge_id: string; options: PublicKeyCredentialCreationOptionsJSON }> {
  const { db, settings } = c.var;
  const existing = await db.query<{ credential_id: string; transports: string[] }>(
    'select credential_id, transports from staff_passkeys where account_id = $1',
    [account.id],
  );
  const options = await generateRegistrationOptions({
    rpName: `${settings.organization.name} — Rally`,
    rpID: relyingParty(c).rpID,
    userName: account.email,
    userDisplayName: account.name || account.email,
    userID: new TextEncoder().encode(account.id),
    attestationType: 'none',
    // A passkey the browser can offer without the email being typed, unlocked by its owner.
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    excludeCredentials: existing.map((row) => ({
      id: row.credential_id,
      transports: row.transports,
    })),
    supportedAlgorithmIDs: algorithms,
  });
  const [row] = await db.query<{ id: string }>(
    `insert into staff_challenges (challenge, purpose, invitation_hash, account_id)
     values ($1, 'register', $2, $3) returning id`,
    [options.challenge, invitationHash, account.id],
  );
  return { challenge_id: row!.id, options };
}

/** Options to sign in with any passkey made here: the browser offers the person's own. */
export async function signInOptions(
  c: Context<AppContext>,
): Promise<{ challenge_id: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(c).rpID,
    userVerification: 'required',
  });
  const [row] = await c.var.db.query<{ id: string }>(
    `insert into staff_challenges (challenge, purpose) values ($1, 'sign-in') returning id`,
    [options.challenge],
  );
  return { challenge_id: row!.id, options };
}

/** Takes a challenge for its one use: a 400 when it is unknown, used, expired or for another step. */
export async function takeChallenge(
  db: Queryable,
  id: string,
  purpose: ChallengeRow['purpose'],
): Promise<ChallengeRow> {
  const [row] = await db.query<ChallengeRow>(
    `delete from staff_challenges where id = $1 and purpose = $2 and expires_at > now() returning *`,
    [id, purpose],
  );
  if (!row) {
    throw new HttpProblem(
      400,
      `This challenge_id was used, has expired (after five minutes) or is not one for ${purpose === 'register' ? 'registering a passkey' : 'signing in'}: ask for new options and try again.`,
      { errors: [{ path: 'challenge_id', code: 'invalid', message: 'Ask for new options.' }] },
    );
  }
  return row;
}

export interface NewPasskey {
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
}

/** Checks a new passkey against its challenge, this origin and host name; a 400 saying why not. */
export async function verifyRegistration(
  c: Context<AppContext>,
  challenge: ChallengeRow,
  response: unknown,
): Promise<NewPasskey> {
  const { rpID, origin } = relyingParty(c);
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
      supportedAlgorithmIDs: algorithms,
    });
  } catch (error) {
    throw notVerified(400, 'The new passkey could not be verified', error);
  }
  if (!verified.verified) throw notVerified(400, 'The new passkey could not be verified');
  const { credential } = verified.registrationInfo;
  return {
    credentialId: credential.id,
    publicKey: credential.publicKey,
    counter: credential.counter,
    transports: credential.transports ?? [],
  };
}

interface PasskeyRow extends Record<string, unknown> {
  credential_id: string;
  account_id: string;
  public_key: Uint8Array;
  counter: string | number;
  transports: string[];
}

/**
 * The account a sign-in's passkey belongs to, once its signature over the challenge checks out
 * and its counter has moved on (a counter that goes back is a cloned authenticator); the counter
 * and last use are recorded. A 401 saying why not, with the account when the passkey was known.
 */
export async function verifySignIn(
  c: Context<AppContext>,
  challenge: ChallengeRow,
  response: { id: string; response: Record<string, unknown> },
): Promise<AccountRow> {
  const { db } = c.var;
  const [passkey] = await db.query<PasskeyRow>(
    'select * from staff_passkeys where credential_id = $1',
    [response.id],
  );
  if (!passkey) {
    throw new SignInRefusal(
      new HttpProblem(
        401,
        'This passkey is not registered here (it may have been made for another Rally, or removed): use another, or ask an admin for a new invitation.',
        { kind: 'unknown-passkey' },
      ),
      null,
      'unknown-passkey',
    );
  }
  const { rpID, origin } = relyingParty(c);
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response: response as unknown as AuthenticationResponseJSON,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.credential_id,
        publicKey: new Uint8Array(passkey.public_key),
        counter: Number(passkey.counter),
        transports: passkey.transports,
      },
      requireUserVerification: true,
    });
  } catch (error) {
    throw new SignInRefusal(
      notVerified(401, 'The passkey could not be verified', error),
      passkey.account_id,
      'passkey-not-verified',
    );
  }
  const handle = response.response.userHandle;
  const handleAccount =
    typeof handle === 'string' ? Buffer.from(handle, 'base64url').toString() : passkey.account_id;
  if (!verified.verified || handleAccount !== passkey.account_id) {
    throw new SignInRefusal(
      notVerified(401, 'The passkey could not be verified'),
      passkey.account_id,
      'passkey-not-verified',
    );
  }
  // Only if the counter still moves on: two sign-ins racing with the same assertion (a replay, a
  // cloned authenticator) both pass the check above, and only the first may change the row. An
  // authenticator that keeps no counter sends 0 each time.
  const moved = await db.query(
    `update staff_passkeys set counter = $2, last_used_at = now()
     where credential_id = $1 and (counter < $2 or $2 = 0) returning 1`,
    [passkey.credential_id, verified.authenticationInfo.newCounter],
  );
  if (moved.length === 0) {
    throw new SignInRefusal(
      notVerified(401, 'The passkey could not be verified'),
      passkey.account_id,
      'passkey-not-verified',
    );
  }
  const [account] = await db.query<AccountRow>('select * from staff_accounts where id = $1', [
    passkey.account_id,
  ]);
  if (!account || account.disabled_at) {
    throw new SignInRefusal(
      new HttpProblem(401, 'This account is disabled: ask an admin to enable it.', {
        kind: 'account-disabled',
      }),
      passkey.account_id,
      'account-disabled',
    );
  }
  return account;
}

/** A refused sign-in, with the account it was for when known: the audit log records both. */
export class SignInRefusal extends Error {
  readonly problem: HttpProblem;
  readonly accountId: string | null;
  readonly reason: string;

  constructor(problem: HttpProblem, accountId: string | null, reason: string) {
    super(problem.message);
    this.problem = problem;
    this.accountId = accountId;
    this.reason = reason;
  }
}

function notVerified(status: 400 | 401, what: string, error?: unknown): HttpProblem {
  const why = error instanceof Error ? `: ${error.message}` : '';
  return new HttpProblem(
    status,
    `${what}${why}. Ask for new options and try again, on this site's own address.`,
    { kind: 'passkey-not-verified' },
  );
}
