/**
 * What an OSDI helper (signup, signature, RSVP) answers: a widget's anonymous post gets a receipt
 * that reveals nothing on file; a caller with a staff token, the resource recorded, in full, as
 * OSDI says a helper answers (a sync tool upserts by its `created_date` and `self`).
 */
import type { Context } from 'hono';
import type { AppContext } from '../context.ts';
import { identifyStaff, sendsStaffCredentials } from '../staff/require-staff.ts';
import { forbiddenRole, personalDataRoles, personScope } from '../staff/roles.ts';
import { halAnswer, withCuries } from './hal.ts';
import {
  performWrite,
  recordWrite,
  type AnswerOptions,
  type WriteOptions,
  type WriteResult,
} from './write.ts';

/**
 * Whether the caller sent a staff token or the console's session cookie. Without either, no; with
 * one that is not valid, 401 before anything is written, rather than a write the caller believes
 * was made as staff.
 */
export async function calledByStaff(c: Context<AppContext>): Promise<boolean> {
  if (!sendsStaffCredentials(c)) return false;
  await identifyStaff(c);
  return true;
}

type Resource = { _links: { self: { href: string } } };

export interface HelperOptions<Result extends WriteResult>
  extends WriteOptions<Result>, AnswerOptions<Result> {
  /** The resource the write recorded, read back for staff; undefined when it is gone already. */
  recorded: (result: Result) => Promise<Resource | undefined>;
}

/** Carries out a helper's write and answers it, as a receipt or, for staff, in full. */
export async function helperAnswer<Result extends WriteResult>(
  c: Context<AppContext>,
  submission: Parameters<typeof performWrite>[1],
  options: HelperOptions<Result>,
): Promise<Response> {
  if (!(await calledByStaff(c))) {
    return recordWrite(c, submission, {
      ...options,
      body: (result) => withCuries(c.req.url, options.body(result)),
    });
  }
  // Staff are answered the record in full: personal data.
  if (!personalDataRoles.includes(c.var.staff.role))
    throw forbiddenRole(c.var.staff, personalDataRoles, 'members’ personal data');
  const { result, automated } = await performWrite(c, submission, { ...options, asStaff: true });
  // The bot checks turned the submission away and nothing was written: only a receipt is left;
  // and an organizer is answered the record of someone outside their regions with a receipt too.
  const resource =
    automated || !(await withinScope(c, result.person_id))
      ? undefined
      : await options.recorded(result);
  if (!resource) return halAnswer(c, options.body(result), 201);
  return halAnswer(c, resource, 201, { Location: resource._links.self.href });
}

/** Whether the person is one the staff member asking may see (an organizer's regions, sectors). */
async function withinScope(c: Context<AppContext>, personId: string): Promise<boolean> {
  const scope = personScope(c.var.staff, 'p', 2);
  if (scope.where.length === 0) return true;
  const rows = await c.var.db.query(
    `select 1 from people p where p.id = $1 and ${scope.where.join(' and ')}`,
    [personId, ...scope.params],
  );
  return rows.length > 0;
}
