/**
 * Staff accounts, their sign-in, API keys and the audit log: what the staff endpoints
 * (`/api/v1/staff/…`) take and answer, shared by the API and the staff console.
 */
import { z } from 'zod';
import { slug } from './people.ts';

/**
 * What each role may do: `admin` everything; `organizer` people, events, check-in, conversations
 * and exports within their regions and sectors; `communications` content and aggregate numbers,
 * never personal data; `partner` only aggregate numbers for its own source codes.
 */
export const staffRoles = ['admin', 'organizer', 'communications', 'partner'] as const;
export const staffRole = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRole>;

/** What an API key may do: read (GET only), or read and write. */
export const apiKeyScopes = ['read', 'read-write'] as const;

/** A staff member's address: trimmed and lower-cased, so one person has one account. */
const staffEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .check(z.email('Enter an email address, like name@example.org.'));

const slugs = z
  .array(slug)
  .max(200)
  .refine((list) => new Set(list).size === list.length, 'List each one once.');

const displayName = z.string().trim().max(120);

/** A staff member's own name, as colleagues see it: never empty, since it stands for them. */
const accountName = z
  .string()
  .trim()
  .min(1, 'Enter your name, as colleagues will see it.')
  .max(100);

/** Whoever sends a password, however long: the limit only keeps hashing cheap. */
const anyPassword = z.string().min(1, 'Enter your password.').max(1024);

/** `POST /staff/invitations`: who to invite, with what role and scope. */
export const staffInvitationRequest = z.strictObject({
  email: staffEmail,
  role: staffRole,
  /** Their name, as colleagues will see it. */
  name: displayName.optional(),
  regions: slugs.optional(),
  sectors: slugs.optional(),
  sources: slugs.optional(),
});

/** `POST /staff/passkeys/registration-options`: an invitation's token, or nothing when signed in. */
export const passkeyRegistrationOptionsRequest = z.strictObject({
  invitation: z.string().min(1).max(200).optional(),
});

/** A browser's WebAuthn answer, as `@simplewebauthn/browser` sends it; checked by the server library. */
const webAuthnResponse = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: z.string().min(1).max(16_384) }),
  clientExtensionResults: z.record(z.string(), z.unknown()).optional(),
});

/** `POST /staff/passkeys/registration`. */
export const passkeyRegistrationRequest = z.strictObject({
  /** The invitation being used; leave out to add a passkey to the account signed in. */
  invitation: z.string().min(1).max(200).optional(),
  challenge_id: z.uuid('Send the challenge_id the registration options gave.'),
  /** The passkey's name, to tell one from another: "Phone", "Laptop". */
  name: displayName.optional(),
  /**
   * With an invitation: the account's name as the person confirms or types it (1 to 100
   * characters); left out, the invitation's. Signed in, the name is changed with `PATCH /staff/me`.
   */
  account_name: accountName.optional(),
  response: webAuthnResponse,
});

/** `POST /staff/sign-in`. */
export const passkeySignInRequest = z.strictObject({
  challenge_id: z.uuid('Send the challenge_id the sign-in options gave.'),
  response: webAuthnResponse,
});

/** `POST /staff/sign-in/password`. */
export const passwordSignInRequest = z.strictObject({
  email: staffEmail,
  password: anyPassword,
});

/** Shortest password staff may choose: long enough that guessing fails within the rate limits. */
export const minimumPasswordLength = 12;

/** `PUT /staff/me/password`. */
export const passwordChangeRequest = z.strictObject({
  password: z
    .string()
    .min(minimumPasswordLength, `Use at least ${minimumPasswordLength} characters.`)
    .max(256),
});

/** `PATCH /staff/me`: what the account signed in changes of its own. */
export const staffMeChange = z.strictObject({
  /** Your name, as colleagues see it: 1 to 100 characters. */
  name: accountName,
});

/** `PATCH /staff/accounts/:id`: what an admin changes; what is left out stays. */
export const staffAccountChange = z.strictObject({
  name: displayName.optional(),
  role: staffRole.optional(),
  regions: slugs.optional(),
  sectors: slugs.optional(),
  sources: slugs.optional(),
  password_allowed: z.boolean().optional(),
  /** True disables the account and ends its sessions; false enables it again. */
  disabled: z.boolean().optional(),
});

/** `POST /staff/api-keys`. */
export const apiKeyRequest = z.strictObject({
  name: z.string().trim().min(1, 'Name the key after the tool that uses it.').max(100),
  scope: z.enum(apiKeyScopes),
});

/** A staff account, as the console shows it. */
export const staffAccount = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: staffRole,
  regions: z.array(z.string()),
  sectors: z.array(z.string()),
  sources: z.array(z.string()),
  password_allowed: z.boolean(),
  created_at: z.string(),
  disabled_at: z.string().nullable(),
});

/** `GET /staff/me`. */
export const staffMe = z.object({
  account: staffAccount,
  session: z.object({ id: z.uuid(), expires_at: z.string(), ends_at: z.string() }),
});

/** One of the passkeys of the account signed in (`GET /staff/me/passkeys`). */
export const staffPasskey = z.object({
  /** The credential's id (base64url), which `DELETE /staff/me/passkeys/:id` takes. */
  id: z.string(),
  /** The name given when it was made: "Phone", "Work laptop". */
  name: z.string(),
  created_at: z.string(),
  /** When it last signed in; null if never since it was made. */
  last_used_at: z.string().nullable(),
});

/** A session in the console's list of sessions. */
export const staffSession = z.object({
  id: z.uuid(),
  account_id: z.uuid(),
  created_at: z.string(),
  last_seen_at: z.string(),
  expires_at: z.string(),
  ends_at: z.string(),
  ended_at: z.string().nullable(),
  user_agent: z.string().nullable(),
  /** Whether this is the session asking. */
  current: z.boolean(),
});

/** `POST /staff/invitations/lookup` `{ invitation }`: whom an invitation is for. */
export const staffInvitationInfo = z.object({
  email: z.string(),
  name: z.string(),
  role: staffRole,
  expires_at: z.string(),
});

/** `POST /staff/invitations`: the link to send, once; the token in it is never shown again. */
export const staffInvitationCreated = z.object({ url: z.url(), expires_at: z.string() });

/** An invitation in the admin's list (without its token, which is only ever shown once). */
export const staffInvitation = z.object({
  email: z.string(),
  name: z.string(),
  role: staffRole,
  regions: z.array(z.string()),
  sectors: z.array(z.string()),
  sources: z.array(z.string()),
  invited_by: z.uuid().nullable(),
  created_at: z.string(),
  expires_at: z.string(),
  used_at: z.string().nullable(),
});

/** An API key, without the key itself. */
export const apiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  scope: z.enum([...apiKeyScopes, 'admin']),
  created_by: z.uuid().nullable(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});

/** `POST /staff/api-keys`: the key, shown this once. */
export const apiKeyCreated = apiKey.extend({ key: z.string() });

/** One entry of the audit log: ids, filters and counts, never a member's personal data. */
export const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor_kind: z.enum(['staff', 'key', 'system']),
  actor_id: z.string().nullable(),
  actor_label: z.string().nullable(),
  action: z.string(),
  subject_kind: z.string().nullable(),
  subject_id: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});

export type StaffAccount = z.infer<typeof staffAccount>;
export type StaffMe = z.infer<typeof staffMe>;
export type StaffSession = z.infer<typeof staffSession>;
export type StaffPasskey = z.infer<typeof staffPasskey>;
export type StaffInvitationInfo = z.infer<typeof staffInvitationInfo>;
export type StaffInvitation = z.infer<typeof staffInvitation>;
export type ApiKey = z.infer<typeof apiKey>;
export type ApiKeyCreated = z.infer<typeof apiKeyCreated>;
export type AuditEntry = z.infer<typeof auditEntry>;
