/**
 * What an OSDI helper (signup, signature, RSVP) answers: a widget's anonymous post gets a receipt
 * that reveals nothing on file; a caller with a staff token, the resource recorded, in full, as
 * OSDI says a helper answers (a sync tool upserts by its `created_date` and `self`).
 */
import type { Context } from 'hono';
import type { AppContext } from '../context.ts';
import { identifyStaff, sendsStaffCredentials } from '../staff/require-staff.ts';
import { audit } from '../staff/audit.ts';
import { forbiddenRole, personalDataRoles, personScope, type Staff } from '../staff/roles.ts';
import { halAnswer, withCuries } from './hal.ts';
import { HttpProblem } from './problems.ts';
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
  const staff = c.var.staff;
  // Only an admin or an API key (the organization's sync tool) speaks for the organization: its
  // details replace what is on file. An organizer's write fills blanks only, as a widget's does,
  // and may name a region or sector of theirs only.
  const trusted = staff.kind === 'key' || staff.role === 'admin';
  if (staff.role === 'organizer') refuseOutsideScope(staff, submission.data);
  const before = await personByEmail(c, submission.data.person.email_addresses[0]!.address);
  const { result, automated } = await performWrite(c, submission, {
    ...options,
    asStaff: true,
    trusted,
  });
  if (before && !automated) await auditCorrection(c, before);
  // The bot checks turned the submission away and nothing was written: only a receipt is left;
  // and an organizer is answered the record of someone outside their regions with a receipt too.
  const resource =
    automated || !(await withinScope(c, result.person_id))
      ? undefined
      : await options.recorded(result);
  if (!resource) return halAnswer(c, options.body(result), 201);
  return halAnswer(c, resource, 201, { Location: resource._links.self.href });
}

/** What a staff write may change on a person already on file, compared before and after it. */
const correctableFields = [
  'given_name',
  'family_name',
  'phone_numbers',
  'postal_addresses',
  'languages_spoken',
  'custom_fields',
  'region',
  'sector',
] as const;

type PersonFields = { id: string } & Record<(typeof correctableFields)[number], unknown>;

async function personByEmail(
  c: Context<AppContext>,
  address: string,
): Promise<PersonFields | undefined> {
  const [row] = await c.var.db.query<PersonFields>(
    `select id, ${correctableFields.join(', ')} from people where email = $1`,
    [address.trim().toLowerCase()],
  );
  return row;
}

/**
 * A staff write that changed a person already on file is a correction, recorded as the PATCH
 * route records one: the names of the fields changed, never their values.
 */
async function auditCorrection(c: Context<AppContext>, before: PersonFields): Promise<void> {
  const [after] = await c.var.db.query<PersonFields>(
    `select id, ${correctableFields.join(', ')} from people where id = $1`,
    [before.id],
  );
  if (!after) return;
  const fields = correctableFields.filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  if (fields.length === 0) return;
  await audit(c, {
    action: 'person-corrected',
    subjectKind: 'person',
    subjectId: before.id,
    detail: { fields, via: `${c.req.method} ${c.req.path}` },
  });
}

/** Refuses a region or sector outside an organizer's own, naming the field (422, as PATCH does). */
function refuseOutsideScope(staff: Staff, data: { region?: string; sector?: string }): void {
  for (const [field, allowed] of [
    ['region', staff.regions],
    ['sector', staff.sectors],
  ] as const) {
    const value = data[field];
    if (typeof value === 'string' && allowed.length > 0 && !allowed.includes(value)) {
      throw new HttpProblem(422, `You may set a ${field} of yours only: ${allowed.join(', ')}.`, {
        errors: [
          { path: field, code: 'invalid', message: `Choose one of: ${allowed.join(', ')}.` },
        ],
      });
    }
  }
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
