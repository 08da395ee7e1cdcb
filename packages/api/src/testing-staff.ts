/**
 * Test support for staff sign-in (re-exported by testing.ts as `@rally/api/testing`): a software
 * authenticator that makes and uses passkeys as a browser's would — an ES256 key from node:crypto,
 * the attestation object (format `none`) and authenticator data in a minimal CBOR, the client data
 * with the challenge and the page's origin — so registration and sign-in go through SimpleWebAuthn's
 * real checks without a browser; and accounts and sessions made straight in the database for tests
 * of what a role may do.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { StaffRole } from '@rally/core';
import type { Database } from './database.ts';
import type { TestApi } from './testing.ts';

/** The smallest CBOR (RFC 8949) encoder WebAuthn needs: integers, byte and text strings, maps. */
export type Cbor = number | string | Uint8Array | Map<Cbor, Cbor> | { [key: string]: Cbor };

export function cbor(value: Cbor): Buffer {
  const head = (major: number, length: number): Buffer => {
    if (length < 24) return Buffer.from([(major << 5) | length]);
    if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
    if (length < 0x10000) {
      const bytes = Buffer.alloc(3);
      bytes[0] = (major << 5) | 25;
      bytes.writeUInt16BE(length, 1);
      return bytes;
    }
    const bytes = Buffer.alloc(5);
    bytes[0] = (major << 5) | 26;
    bytes.writeUInt32BE(length, 1);
    return bytes;
  };
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error('Only whole numbers are written here.');
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }
  if (typeof value === 'string') {
    const text = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, text.length), text]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return Buffer.concat([
    head(5, entries.length),
    ...entries.flatMap(([key, item]) => [cbor(key), cbor(item)]),
  ]);
}

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

/** What the server's options say, as far as an authenticator reads them. */
interface CreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string };
}
interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
}

export interface SoftwarePasskey {
  /** The credential id, in base64url as the API stores it. */
  id: string;
  rpId: string;
  /** The WebAuthn user handle the server gave it (base64url). */
  userHandle: string;
  privateKey: KeyObject;
  counter: number;
}

/** How a page's `navigator.credentials` call may be bent, to test the server's refusals. */
export interface Ceremony {
  /** The page's origin, as the browser writes it into the client data. */
  origin: string;
  /** Another challenge than the options' (a replayed or forged answer). */
  challenge?: string;
  /** Whether the authenticator verified its owner (PIN, fingerprint): true unless told. */
  userVerified?: boolean;
}

/**
 * A passkey authenticator in software, as a browser and a phone together answer
 * `navigator.credentials.create()` and `.get()`, in the JSON `@simplewebauthn/browser` sends.
 */
export class SoftwareAuthenticator {
  readonly passkeys: SoftwarePasskey[] = [];

  /** Makes a passkey for the options' relying party and user: the registration response. */
  register(options: CreationOptions, ceremony: Ceremony) {
    const rpId = options.rp.id ?? new URL(ceremony.origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const credentialId = randomBytes(16);
    // The public key as COSE writes it: EC2, ES256, P-256, x, y.
    const coseKey = cbor(
      new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credentialId.length);
    const authenticatorData = Buffer.concat([
      this.head(rpId, ceremony, 0x40, 0),
      Buffer.alloc(16), // AAGUID: none, as a passkey with attestation `none` gives.
      idLength,
      credentialId,
      coseKey,
    ]);
    const passkey: SoftwarePasskey = {
      id: b64url(credentialId),
      rpId,
      userHandle: options.user.id,
      privateKey,
      counter: 0,
    };
    this.passkeys.push(passkey);
    return {
      id: passkey.id,
      rawId: passkey.id,
      type: 'public-key' as const,
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: this.clientData('webauthn.create', options.challenge, ceremony),
        attestationObject: b64url(cbor({ fmt: 'none', attStmt: {}, authData: authenticatorData })),
        transports: ['internal'],
      },
    };
  }

  /**
   * Signs the options' challenge with a passkey of its relying party (the one named, else the
   * first allowed, else the first held, as a browser offers a discoverable one): the sign-in
   * response. The counter moves on by `step` (0: an authenticator that keeps none).
   */
  signIn(
    options: RequestOptions,
    ceremony: Ceremony & { passkey?: SoftwarePasskey; step?: number },
  ) {
    const rpId = options.rpId ?? new URL(ceremony.origin).hostname;
    const allowed = options.allowCredentials?.map((credential) => credential.id) ?? [];
    const passkey =
      ceremony.passkey ??
      this.passkeys.find(
        (key) => key.rpId === rpId && (allowed.length === 0 || allowed.includes(key.id)),
      );
    if (!passkey) throw new Error(`No passkey for ${rpId}.`);
    passkey.counter += ceremony.step ?? 1;
    const authenticatorData = this.head(rpId, ceremony, 0, passkey.counter);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, ceremony);
    const signature = sign(
      'sha256',
      Buffer.concat([authenticatorData, sha256(Buffer.from(clientDataJSON, 'base64url'))]),
      passkey.privateKey,
    );
    return {
      id: passkey.id,
      rawId: passkey.id,
      type: 'public-key' as const,
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON,
        authenticatorData: b64url(authenticatorData),
        signature: b64url(signature),
        userHandle: passkey.userHandle,
      },
    };
  }

  /** The relying party's hash, the flags (user present, verified unless told) and the counter. */
  private head(rpId: string, ceremony: Ceremony, flags: number, counter: number): Buffer {
    const verified = ceremony.userVerified === false ? 0 : 0x04;
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([0x01 | verified | flags]), count]);
  }

  private clientData(type: string, challenge: string, ceremony: Ceremony): string {
    return b64url(
      JSON.stringify({
        type,
        challenge: ceremony.challenge ?? challenge,
        origin: ceremony.origin,
        crossOrigin: false,
      }),
    );
  }
}

export interface TestStaffAccount {
  id: string;
  email: string;
  role: StaffRole;
}

/** An account made straight in the database, for tests of what a role may do. */
export async function addStaffAccount(
  db: Database,
  account: {
    email: string;
    role: StaffRole;
    regions?: string[];
    sectors?: string[];
    sources?: string[];
    passwordAllowed?: boolean;
    name?: string;
  },
): Promise<TestStaffAccount> {
  const [row] = await db.query<{ id: string }>(
    `insert into staff_accounts (email, role, regions, sectors, sources, password_allowed, name)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [
      account.email,
      account.role,
      account.regions ?? [],
      account.sectors ?? [],
      account.sources ?? [],
      account.passwordAllowed ?? false,
      account.name ?? '',
    ],
  );
  return { id: row!.id, email: account.email, role: account.role };
}

/**
 * A live session for the account, made straight in the database: the `Cookie` header a browser
 * on http://localhost would send with it.
 */
export async function addStaffSession(db: Database, accountId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `insert into staff_sessions (token_hash, account_id, expires_at, ends_at)
     values ($1, $2, now() + interval '12 hours', now() + interval '7 days')`,
    [sha256(token).toString('hex'), accountId],
  );
  return `rally_staff=${token}`;
}

/**
 * A new account, signed in: the `Cookie` header of its session. For the tests that need someone of
 * a role, and never their account's id.
 */
export async function signedInStaff(
  db: Database,
  account: Parameters<typeof addStaffAccount>[1],
): Promise<string> {
  return addStaffSession(db, (await addStaffAccount(db, account)).id);
}

/** Where the staff tests reach the API: http://localhost, where the cookie is `rally_staff`. */
export const consoleOrigin = 'http://localhost:8787';

/**
 * A request as a page of the console sends it: from the API's own origin (`Origin` and
 * `Sec-Fetch-Site` as a browser sets them on a write), with the session cookie when given.
 */
export function consoleRequest(
  api: TestApi,
  path: string,
  options: {
    method?: string;
    cookie?: string | undefined;
    body?: unknown;
    headers?: Record<string, string>;
    origin?: string;
  } = {},
): Promise<Response> {
  const origin = options.origin ?? consoleOrigin;
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = {
    ...(method === 'GET' ? {} : { Origin: origin, 'Sec-Fetch-Site': 'same-origin' }),
    ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...(options.cookie ? { Cookie: options.cookie } : {}),
    ...options.headers,
  };
  return Promise.resolve(
    api.app.request(`${origin}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    }),
  );
}

/** The `name=value` of the session cookie an answer sets, as the browser sends it back. */
export function sessionCookieOf(response: Response): string | undefined {
  const set = response.headers
    .getSetCookie()
    .find((cookie) => /^(__Host-)?rally_staff=[^;]/.test(cookie));
  return set?.split(';')[0];
}

/**
 * Enrolls a passkey with an invitation link, as the console's enrollment page does: asks for the
 * options, makes the passkey, registers it (with `fields` added to the registration: the
 * `account_name` the person typed). The registration's answer, and the cookie it set.
 */
export async function enrollPasskey(
  api: TestApi,
  invitationUrl: string,
  authenticator: SoftwareAuthenticator,
  ceremony: Partial<Ceremony> = {},
  fields: Record<string, unknown> = {},
): Promise<{ response: Response; cookie: string | undefined }> {
  const url = new URL(invitationUrl);
  const invitation = url.hash.slice(1);
  const origin = url.origin;
  const options = await consoleRequest(api, '/api/v1/staff/passkeys/registration-options', {
    body: { invitation },
    origin,
  });
  if (options.status !== 200) throw new Error(`Options refused: ${await options.text()}`);
  const { challenge_id, options: creation } = (await options.json()) as {
    challenge_id: string;
    options: CreationOptions;
  };
  const response = await consoleRequest(api, '/api/v1/staff/passkeys/registration', {
    body: {
      invitation,
      challenge_id,
      name: 'Test phone',
      response: authenticator.register(creation, { origin, ...ceremony }),
      ...fields,
    },
    origin,
  });
  return { response, cookie: sessionCookieOf(response) };
}

/** Signs in with a passkey the authenticator holds: the answer, and the cookie it set. */
export async function signInWithPasskey(
  api: TestApi,
  authenticator: SoftwareAuthenticator,
  ceremony: Partial<Ceremony> & { passkey?: SoftwarePasskey; step?: number } = {},
): Promise<{ response: Response; cookie: string | undefined }> {
  const origin = consoleOrigin;
  const options = await consoleRequest(api, '/api/v1/staff/sign-in/options', {
    method: 'POST',
    origin,
  });
  const { challenge_id, options: request } = (await options.json()) as {
    challenge_id: string;
    options: RequestOptions;
  };
  const response = await consoleRequest(api, '/api/v1/staff/sign-in', {
    body: { challenge_id, response: authenticator.signIn(request, { origin, ...ceremony }) },
    origin,
  });
  return { response, cookie: sessionCookieOf(response) };
}
