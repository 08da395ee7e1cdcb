/** Reading a request's address: ids in the path, paging numbers and the equality filters allowed. */
import type { Context, MiddlewareHandler } from 'hono';
import { unstorable } from './body.ts';
import { describedMiddleware, problemResponse } from '../openapi.ts';
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

/**
 * Refuses an address PostgreSQL could not even compare: a NUL character (`%00`) or half of a
 * surrogate pair in the path or in a query value would fail inside the database as a 5xx. Named
 * here as the part to fix, before any handler reads it.
 */
export const refuseUnstorableAddress = describedMiddleware<MiddlewareHandler>(
  async (c, next) => {
    if (unstorable(c.req.path)) {
      throw new HttpProblem(400, 'The address holds a NUL or broken character; remove it.', {
        errors: [{ path: 'path', code: 'invalid', message: 'Remove the NUL or broken character.' }],
      });
    }
    for (const [name, values] of Object.entries(c.req.queries())) {
      if (!unstorable(name) && !values.some(unstorable)) continue;
      const part = unstorable(name) ? 'query' : `query.${name}`;
      const named = unstorable(name) ? 'A query parameter' : `The query parameter ${name}`;
      throw new HttpProblem(400, `${named} holds a NUL or broken character; remove it.`, {
        errors: [{ path: part, code: 'invalid', message: 'Remove the NUL or broken character.' }],
      });
    }
    await next();
  },
  {
    responses: {
      400: problemResponse(
        'The address holds a NUL or broken character; the problem names the part.',
      ),
    },
  },
);
