/**
 * Who is asking (`c.var.staff`) and what their role lets them see: personal data only for admins
 * and organizers, and an organizer only within their regions and sectors.
 */
import { staffRoles, type StaffRole } from '@rally/core';
import { HttpProblem } from '../http/problems.ts';

export { staffRoles, type StaffRole };

/** What a key may do: `admin` is only ever the RALLY_ADMIN_TOKEN bootstrap key. */
export type KeyScope = 'read' | 'read-write' | 'admin';

/** Who is asking: a signed-in staff member, or a tool with an API key (which acts as an admin). */
export interface Staff {
  kind: 'session' | 'key';
  /** The account's id, or the key's. */
  id: string;
  /** The account's email, or the key's name: who did it, in the audit log. */
  label: string;
  /** The account's name as colleagues see it; for a key, its name. */
  name: string;
  role: StaffRole;
  /** An organizer's regions and sectors; empty: all of them. */
  regions: string[];
  sectors: string[];
  /** A partner's own source codes. */
  sources: string[];
  /** False for a read key, which may only GET. */
  canWrite: boolean;
  /** The session asking, when it is one. */
  sessionId?: string;
  /** A key's scope, when it is one. */
  scope?: KeyScope;
}

/** The roles that may see members' personal data. */
export const personalDataRoles: readonly StaffRole[] = ['admin', 'organizer'];

/** A 403 saying what the role lacks, and who can change it. */
export function forbiddenRole(
  staff: Staff,
  roles: readonly StaffRole[],
  what: string,
): HttpProblem {
  const article = (role: string) => (/^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`);
  return new HttpProblem(
    403,
    `Your role (${staff.role}) gives no access to ${what}: that takes ${roles.map(article).join(' or ')}. Ask an admin if you need it.`,
    { kind: 'role-not-allowed' },
  );
}

/**
 * SQL conditions keeping an organizer to their regions and sectors, on the person `alias`, with
 * parameters numbered from `firstParam`. A person with no region (or sector) recorded is in every
 * scope: the scope is of the data that has one.
 */
export function personScope(
  staff: Staff | undefined,
  alias: string,
  firstParam: number,
): { where: string[]; params: string[][] } {
  const where: string[] = [];
  const params: string[][] = [];
  if (staff?.role !== 'organizer') return { where, params };
  for (const [column, values] of [
    ['region', staff.regions],
    ['sector', staff.sectors],
  ] as const) {
    if (values.length === 0) continue;
    params.push(values);
    where.push(
      `(${alias}.${column} is null or ${alias}.${column} = any($${firstParam + params.length - 1}::text[]))`,
    );
  }
  return { where, params };
}

/**
 * Refuses a person outside an organizer's regions or sectors as if there were no such person
 * (404): a 403 naming their region would tell an organizer where someone they may not see is.
 */
export function requireInScope(
  staff: Staff | undefined,
  person: { id?: string; region: string | null; sector: string | null },
): void {
  if (!withinStaffScope(staff, person)) {
    throw new HttpProblem(
      404,
      person.id === undefined ? 'No such person.' : `No person has the id ${person.id}.`,
    );
  }
}

/** Whether the person is within an organizer's regions and sectors (anyone, for others). */
export function withinStaffScope(
  staff: Staff | undefined,
  person: { region: string | null; sector: string | null },
): boolean {
  if (staff?.role !== 'organizer') return true;
  for (const [column, values] of [
    ['region', staff.regions],
    ['sector', staff.sectors],
  ] as const) {
    const value = person[column];
    if (value !== null && values.length > 0 && !values.includes(value)) return false;
  }
  return true;
}

/**
 * `personScope` for rows that name their person by `personId` (`a.person_id`) without joining
 * them: one condition, `exists` a person within the scope.
 */
export function personIdScope(
  staff: Staff | undefined,
  personId: string,
  firstParam: number,
): { where: string[]; params: string[][] } {
  const scope = personScope(staff, 'scoped', firstParam);
  if (scope.where.length === 0) return scope;
  return {
    where: [
      `exists (select 1 from people scoped where scoped.id = ${personId} and ${scope.where.join(' and ')})`,
    ],
    params: scope.params,
  };
}
