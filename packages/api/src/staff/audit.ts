/**
 * The audit log: who signed in, invited, changed an account or a key, exported, viewed or erased
 * what. Rows hold ids, filters and counts, never a member's personal data, and are never changed
 * or deleted (a trigger refuses it: sql/functions/rally_audit_log_append_only.sql).
 */
import type { Context } from 'hono';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import type { Staff } from './roles.ts';

/** What the log records; the console and the docs name the same actions. */
export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'session-ended'
  | 'invitation-created'
  | 'invitation-used'
  | 'passkey-added'
  | 'passkey-removed'
  | 'account-changed'
  | 'key-created'
  | 'key-revoked'
  | 'person-viewed'
  | 'people-listed'
  | 'person-corrected'
  | 'person-erased'
  | 'conversation-logged'
  | 'content-published'
  | 'content-previewed'
  | 'draft-saved'
  | 'draft-discarded'
  | 'content-unpublished'
  | 'content-restored'
  | 'photo-uploaded'
  | 'export'
  | 'audit-exported';

/** Who did it: a signed-in account, an API key, or the command line. */
export interface Actor {
  kind: 'staff' | 'key' | 'system';
  id: string | null;
  label: string | null;
}

export interface AuditRecord {
  action: AuditAction;
  /** What it was done to: `person`, `account`, `key`, `session`, `invitation`… and its id. */
  subjectKind?: string;
  subjectId?: string;
  /** Ids, filters and counts; never a member's name, address or anything else about them. */
  detail?: Record<string, unknown>;
}

export function actorOf(staff: Staff | undefined): Actor {
  if (!staff) return { kind: 'staff', id: null, label: null };
  return { kind: staff.kind === 'key' ? 'key' : 'staff', id: staff.id, label: staff.label };
}

/** The command line (`pnpm staff invite`): whoever can run it can open the database. */
export const commandLine: Actor = { kind: 'system', id: null, label: 'command line' };

export async function writeAudit(
  db: Queryable,
  actor: Actor,
  ip: string | null,
  record: AuditRecord,
): Promise<void> {
  await db.query(
    `insert into audit_log (actor_kind, actor_id, actor_label, action, subject_kind, subject_id, detail, ip)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      actor.kind,
      actor.id,
      actor.label,
      record.action,
      record.subjectKind ?? null,
      record.subjectId ?? null,
      JSON.stringify(record.detail ?? {}),
      ip,
    ],
  );
}

/**
 * Records what the request's caller did, in `db` (a transaction, when the act and its record
 * must stand or fall together), as `actor` when the caller is not signed in yet.
 */
export function audit(
  c: Context<AppContext>,
  record: AuditRecord,
  options: { db?: Queryable; actor?: Actor } = {},
): Promise<void> {
  const ip = c.var.clientIp === 'unknown' ? null : c.var.clientIp;
  return writeAudit(options.db ?? c.var.db, options.actor ?? actorOf(c.var.staff), ip, record);
}
