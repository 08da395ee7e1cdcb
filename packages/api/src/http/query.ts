/** Reading a request's address: ids in the path, paging numbers and the equality filters allowed. */
import type { Context } from 'hono';
import { HttpProblem } from './problems.ts';

/** The form of every id Rally gives (a UUID): anything else in a path names nothing. */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A whole number from the query, within bounds; 400 naming the parameter otherwise. */
export function boundedInteger(
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
  name: string,
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new HttpProblem(400, `${name} must be a whole number from ${min} to ${max}.`);
  }
  return number;
}

/** SQL conditions (`region = $1`, …) and their parameters for the filters present in the query. */
export function equalityFilters(
  c: Context,
  columns: readonly string[],
): { conditions: string[]; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  for (const column of columns) {
    const value = c.req.query(column);
    if (value) {
      params.push(value);
      conditions.push(`${column} = $${params.length}`);
    }
  }
  return { conditions, params };
}
