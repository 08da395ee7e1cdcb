/**
 * One person's record as staff read it: found by id within an organizer's regions and sectors,
 * and written out as an OSDI person. The people routes and the console's routes share it.
 */
import { apiBasePath, type PersonResource } from '@rally/core';
import type { AppContext } from '../context.ts';
import { HttpProblem } from '../http/problems.ts';
import { uuidPattern } from '../http/query.ts';
import { requireInScope, type Staff } from '../staff/roles.ts';

export interface PersonRow extends Record<string, unknown> {
  id: string;
  /** None for a walk-in added at the door without one. */
  email: string | null;
  given_name: string | null;
  family_name: string | null;
  phone_numbers: unknown[];
  postal_addresses: unknown[];
  languages_spoken: string[];
  custom_fields: Record<string, string>;
  tags: string[];
  region: string | null;
  sector: string | null;
  source: string | null;
  website: string | null;
  referral_code: string;
  referred_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** The person `id` names, if they are within the organizer's regions and sectors. */
export async function findPerson(
  db: AppContext['Variables']['db'],
  id: string,
  staff: Staff,
): Promise<PersonRow> {
  const rows = uuidPattern.test(id)
    ? await db.query<PersonRow>('select * from people where id = $1', [id])
    : [];
  if (!rows[0]) throw new HttpProblem(404, `No person has the id ${id}.`);
  requireInScope(staff, rows[0]);
  return rows[0];
}

/** A person's email as OSDI lists it: theirs, or none at all — never a made-up one. */
export function emailAddresses(email: string | null): { address: string; primary: boolean }[] {
  return email === null ? [] : [{ address: email, primary: true }];
}

export function personUrl(requestUrl: string, id: string): string {
  return new URL(`${apiBasePath}/people/${id}`, requestUrl).toString();
}

export function personResource(requestUrl: string, row: PersonRow): PersonResource {
  const self = personUrl(requestUrl, row.id);
  return {
    identifiers: [`rally:${row.id}`],
    origin_system: 'Rally',
    given_name: row.given_name,
    family_name: row.family_name,
    email_addresses: emailAddresses(row.email),
    phone_numbers: row.phone_numbers,
    postal_addresses: row.postal_addresses,
    languages_spoken: row.languages_spoken,
    custom_fields: row.custom_fields,
    created_date: row.created_at.toISOString(),
    modified_date: row.updated_at.toISOString(),
    tags: row.tags,
    region: row.region,
    sector: row.sector,
    source: row.source,
    website: row.website,
    referral_code: row.referral_code,
    referred_by: row.referred_by ? `rally:${row.referred_by}` : null,
    _links: {
      self: { href: self },
      'osdi:signatures': { href: `${self}/signatures` },
      'osdi:attendances': { href: `${self}/attendances` },
    },
  };
}
