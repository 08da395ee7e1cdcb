/**
 * OSDI's `filter` query parameter: the small part of OData that sync tools send to fetch only what
 * changed since they last looked — `modified_date gt '2026-11-01'`, clauses joined by `and`. Each
 * collection says which fields it can be filtered on and which column holds each.
 */
import type { Context } from 'hono';
import { HttpProblem } from './problems.ts';

export interface FilterField {
  /** The SQL column compared, as the collection's query names it (`p.updated_at`). */
  column: string;
  /** A date compares as a point in time; a text only for equality, without regard to case. */
  type: 'date' | 'text';
}

/** Conditions to add to the collection's query, numbered after its own parameters. */
export interface Filter {
  conditions: string[];
  params: unknown[];
}

const operators = ['eq', 'gt', 'ge', 'lt', 'le'] as const;
type Operator = (typeof operators)[number];

// field, operator, quoted value (a quote inside is doubled, as in OData).
const clausePattern = /^\s*([a-z_]+)\s+([a-z]+)\s+'((?:[^']|'')*)'\s*$/i;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const maxClauses = 8;
const maxLength = 1000;

/**
 * Reads `filter` from the query. Absent or empty, it filters nothing; anything it cannot read is a
 * 400 that names the parameter and says what it accepts, never a guess.
 */
export function osdiFilter(
  c: Context,
  fields: Record<string, FilterField>,
  firstParam: number,
): Filter {
  const filter = c.req.query('filter')?.trim();
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (!filter) return { conditions, params };
  if (filter.length > maxLength) refuse(fields, `Keep it under ${maxLength} characters.`);
  const clauses = filter.split(/\s+and\s+(?=(?:[^']*'[^']*')*[^']*$)/i);
  if (clauses.length > maxClauses) refuse(fields, `Use at most ${maxClauses} conditions.`);
  for (const clause of clauses) {
    const match = clausePattern.exec(clause);
    if (!match) refuse(fields, `"${clause.trim()}" is not a condition it can read.`);
    const [, name, op, quoted] = match as unknown as [string, string, string, string];
    // Own fields only: `constructor` is on every object, and names no column.
    const field = Object.hasOwn(fields, name.toLowerCase())
      ? fields[name.toLowerCase()]
      : undefined;
    if (!field) refuse(fields, `This collection cannot be filtered on "${name}".`);
    const operator = op.toLowerCase();
    if (!operators.includes(operator as Operator))
      refuse(fields, `"${op}" is not an operator it knows.`);
    const value = quoted.replaceAll("''", "'");
    // The number of the parameter just added.
    const next = () => `$${firstParam + params.length - 1}`;
    if (field.type === 'text') {
      if (operator !== 'eq') refuse(fields, `"${name}" can only be compared with eq.`);
      params.push(value.trim().toLowerCase());
      conditions.push(`${field.column} = ${next()}`);
      continue;
    }
    const day = dayPattern.test(value);
    const instant = day ? new Date(`${value}T00:00:00Z`) : new Date(value);
    const readable = day || instantPattern.test(value);
    if (!readable || !isCalendarDay(value.slice(0, 10)) || Number.isNaN(instant.getTime()))
      refuse(fields, `"${value}" is not a date: write 2026-11-01 or 2026-11-01T09:30:00Z.`);
    for (const [bound, time] of bounds(operator as Operator, instant.getTime(), day)) {
      if (time < earliest || time > latest)
        refuse(fields, `"${value}" is outside the dates it compares: 0001-01-01 to 9999-12-31.`);
      params.push(new Date(time).toISOString());
      conditions.push(`${field.column} ${bound} ${next()}`);
    }
  }
  return { conditions, params };
}

/** Whether 2026-02-30 names a real day: Date would quietly roll it over to March. */
function isCalendarDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/**
 * The instants a bound may be: years 1 to 9999 UTC. JavaScript reads year 0 and, a millisecond
 * past the end of 9999, writes a six-digit year; PostgreSQL takes neither.
 */
const earliest = Date.parse('0001-01-01T00:00:00Z');
const latest = Date.parse('9999-12-31T23:59:59.999Z');

const millisecond = 1;
const oneDay = 86_400_000;

/**
 * The comparisons with the stored time that mean `op value`, as a client reads the dates it is
 * given: to the millisecond, so `le` the modified_date of a record includes that record, though
 * the database holds microseconds. A day alone is the moment it begins (UTC), so a tool that asks
 * for what changed `gt` the day of its last sync misses nothing of that day; with `eq` it is the
 * whole day.
 */
function bounds(op: Operator, time: number, isDay: boolean): [string, number][] {
  const unit = isDay && op === 'eq' ? oneDay : millisecond;
  switch (op) {
    case 'eq':
      return [
        ['>=', time],
        ['<', time + unit],
      ];
    case 'gt':
      return [['>=', time + unit]];
    case 'ge':
      return [['>=', time]];
    case 'lt':
      return [['<', time]];
    case 'le':
      return [['<', time + unit]];
  }
}

function refuse(fields: Record<string, FilterField>, reason: string): never {
  const accepted = Object.entries(fields)
    .map(([name, field]) =>
      field.type === 'date' ? `${name} (gt, ge, lt, le, eq)` : `${name} (eq)`,
    )
    .join(', ');
  const message = `${reason} Filter with ${accepted}, a value in single quotes, conditions joined by "and": modified_date gt '2026-11-01'.`;
  throw new HttpProblem(400, `The filter cannot be read. ${message}`, {
    errors: [{ path: 'filter', code: 'invalid', message }],
  });
}
