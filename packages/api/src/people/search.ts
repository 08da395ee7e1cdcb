/**
 * Finding a person by any part of their name or email, as staff type it into the console's search
 * or at the door of an event: every word typed must appear somewhere in "given family email" (a
 * person without an email is found by their name alone). Each word is looked up through the
 * trigram index of migrations 016 and 020, so a search reads the few people it finds rather than
 * everyone.
 */
import type { Queryable } from '../database.ts';
import { HttpProblem } from '../http/problems.ts';
import { duesJoin, memberSince } from '../reports/standing.ts';
import { personScope, type Staff } from '../staff/roles.ts';

/** What a search lists of each person: enough to tell two Rosas apart, and to open the right one. */
export interface PersonMatch extends Record<string, unknown> {
  id: string;
  given_name: string | null;
  family_name: string | null;
  /** None for a walk-in added at the door without one. */
  email: string | null;
  region: string | null;
  sector: string | null;
  /** Whether they are a member (standing.ts), or a supporter. */
  member: boolean;
}

/** The text searched, exactly as the index of migration 020 is made, so that the index serves it. */
const searched = `lower(coalesce(p.given_name, '') || ' ' || coalesce(p.family_name, '') || ' ' || coalesce(p.email, ''))`;

/** Words taken from one search: more narrow nothing a person would notice. */
const maxWords = 5;

/**
 * The people whose name or email holds every word of `q` (case aside), an exact email first, then
 * by family and given name; at most `limit`. A trigram is three characters, so a search needs one
 * word of three or more, or the index could not narrow it and every person would be read: a 400
 * naming `q` says so.
 */
export async function searchPeople(
  db: Queryable,
  q: string,
  limit = 20,
  // The console's search pages on, and keeps an organizer to their regions and sectors.
  options: { offset?: number; staff?: Staff } = {},
): Promise<PersonMatch[]> {
  const words = q.trim().split(/\s+/).filter(Boolean).slice(0, maxWords);
  if (!words.some((word) => [...word].length >= 3))
    throw new HttpProblem(400, 'Type at least three letters of a name or an email to search.', {
      errors: [
        { path: 'query.q', code: 'too_short', message: 'Type at least three letters to search.' },
      ],
    });
  // `%`, `_` and `\` typed are searched for as themselves. Lower-cased by the database, as the
  // text searched is, so that both agree on every letter whatever the locale.
  const patterns = words.map((word) => `%${word.replace(/[\\%_]/g, '\\$&')}%`);
  // Emails are stored lower-cased by the API (people.ts), so the exact one is compared so too.
  const email = q.trim().toLowerCase();
  const params: unknown[] = [
    ...patterns,
    email,
    Math.min(Math.max(limit, 1), 101),
    Math.max(options.offset ?? 0, 0),
  ];
  const scope = personScope(options.staff, 'p', params.length + 1);
  params.push(...scope.params);
  // `is true`: a person without an email is not the exact one, where a bare comparison would be
  // null, which `desc` puts first. The id last, so two people of one name page in one order.
  return db.query<PersonMatch>(
    `select p.id, p.given_name, p.family_name, p.email, p.region, p.sector,
            ${memberSince} is not null as member
     from people p ${duesJoin}
     where ${[...patterns.map((_, index) => `${searched} like lower($${index + 1})`), ...scope.where].join(' and ')}
     order by (p.email = $${patterns.length + 1}) is true desc, lower(p.family_name) nulls last,
              lower(p.given_name) nulls last, p.email nulls last, p.id
     limit $${patterns.length + 2} offset $${patterns.length + 3}`,
    params,
  );
}
