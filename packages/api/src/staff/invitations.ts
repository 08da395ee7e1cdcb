/**
 * Invitations: a one-time link an admin (or `pnpm staff invite`) sends a new staff member, with
 * which they enroll a passkey and get their account. The token travels in the link's fragment
 * (`/console/enroll#<token>`), which browsers send to no server and no Referer; it is stored as
 * its SHA-256, expires after 72 hours and is used once.
 */
import type { StaffInvitation, StaffRole } from '@rally/core';
import type { Queryable } from '../database.ts';
import { HttpProblem } from '../http/problems.ts';
import { hashToken, newToken } from './tokens.ts';

export interface InvitationRow extends Record<string, unknown> {
  token_hash: string;
  email: string;
  name: string;
  role: StaffRole;
  regions: string[];
  sectors: string[];
  sources: string[];
  invited_by: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface InvitationRequest {
  email: string;
  role: StaffRole;
  name?: string | undefined;
  regions?: string[] | undefined;
  sectors?: string[] | undefined;
  sources?: string[] | undefined;
}

/** Where a new staff member enrolls: the console's page, the token in the fragment. */
export function enrollUrl(apiOrigin: string, token: string): string {
  return `${new URL(apiOrigin).origin}/console/enroll#${token}`;
}

/** A new invitation: its row, and the token, which is never stored and never shown again. */
export async function createInvitation(
  db: Queryable,
  request: InvitationRequest,
  invitedBy: string | null,
): Promise<{ row: InvitationRow; token: string }> {
  const token = newToken();
  const [row] = await db.query<InvitationRow>(
    `insert into staff_invitations (token_hash, email, name, role, regions, sectors, sources, invited_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
    [
      hashToken(token),
      request.email.trim().toLowerCase(),
      request.name ?? '',
      request.role,
      request.regions ?? [],
      request.sectors ?? [],
      request.sources ?? [],
      invitedBy,
    ],
  );
  return { row: row!, token };
}

/** An invitation as the admin's list shows it: never its token or even its hash. */
export function invitationAnswer(row: InvitationRow): StaffInvitation {
  return {
    email: row.email,
    name: row.name,
    role: row.role,
    regions: row.regions,
    sectors: row.sectors,
    sources: row.sources,
    invited_by: row.invited_by,
    created_at: row.created_at.toISOString(),
    expires_at: row.expires_at.toISOString(),
    used_at: row.used_at?.toISOString() ?? null,
  };
}

/**
 * The invitation a token names, if it can still be used: a 404 for a token that names none, a
 * 410 for one used or expired, each saying what to do.
 */
export async function usableInvitation(db: Queryable, token: string): Promise<InvitationRow> {
  const [row] = await db.query<InvitationRow & { expired: boolean }>(
    'select *, expires_at <= now() as expired from staff_invitations where token_hash = $1',
    [hashToken(token)],
  );
  if (!row) {
    throw new HttpProblem(
      404,
      'This invitation link is not one Rally made: check that the whole link was copied, or ask an admin for a new one.',
      { kind: 'no-such-invitation' },
    );
  }
  if (row.used_at) {
    throw new HttpProblem(
      410,
      'This invitation was used already: sign in with the passkey made with it, or ask an admin for a new invitation.',
      { kind: 'invitation-used' },
    );
  }
  if (row.expired) {
    throw new HttpProblem(
      410,
      `This invitation expired on ${row.expires_at.toISOString().slice(0, 16).replace('T', ' ')} UTC: ask an admin for a new one.`,
      { kind: 'invitation-expired' },
    );
  }
  const { expired: _expired, ...invitation } = row;
  return invitation;
}

/**
 * Marks the invitation used, once: false when another request used it first, so one invitation
 * makes one enrollment however many arrive together.
 */
export async function markInvitationUsed(db: Queryable, tokenHash: string): Promise<boolean> {
  const rows = await db.query(
    `update staff_invitations set used_at = now()
     where token_hash = $1 and used_at is null and expires_at > now() returning 1`,
    [tokenHash],
  );
  return rows.length === 1;
}
