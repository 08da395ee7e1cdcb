/**
 * Guards the staff endpoints: a token in `OSDI-API-Token` (as OSDI clients send it) or
 * `Authorization: Bearer`. Tokens are stored as SHA-256 hashes; the plain token never is.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../context.ts';
import type { Database } from '../database.ts';
import { HttpProblem } from '../http/problems.ts';
import { describedMiddleware, staffOnly } from '../openapi.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Makes `token` the one valid token from the environment, replacing the previous one. */
export async function installEnvironmentToken(
  db: Database,
  token: string | undefined,
): Promise<void> {
  await db.transaction(async (tx) => {
    // Instances starting together each replace the token: one at a time, or two would each find
    // no token and insert the same one. A lock of its own, so no migration waits for it.
    await tx.query('select pg_advisory_xact_lock(7261002)');
    await tx.query(`delete from api_tokens where name = 'RALLY_ADMIN_TOKEN'`);
    if (token) {
      await tx.query(`insert into api_tokens (token_hash, name) values ($1, 'RALLY_ADMIN_TOKEN')`, [
        hashToken(token),
      ]);
    }
  });
}

/** Every route it guards is documented as a staff route: the token it takes, and its 401. */
export const requireStaff = describedMiddleware<MiddlewareHandler<AppContext>>(async (c, next) => {
  const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  const token = c.req.header('osdi-api-token') ?? bearer;
  if (!token) {
    throw new HttpProblem(
      401,
      'Staff endpoint: send your API token in the OSDI-API-Token header.',
      {
        headers: { 'WWW-Authenticate': 'Bearer realm="rally"' },
      },
    );
  }
  // Comparing hashes in the database: equal-length digests, so timing reveals nothing useful.
  const rows = await c.var.db.query('select 1 from api_tokens where token_hash = $1', [
    hashToken(token),
  ]);
  if (rows.length === 0) {
    throw new HttpProblem(401, 'This API token is not valid.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="rally", error="invalid_token"' },
    });
  }
  // Staff answers hold personal data; the token travels in a header that caches do not key on,
  // so no cache on the way may keep a copy to hand to the next person asking for the address.
  c.header('Cache-Control', 'no-store');
  await next();
}, staffOnly);
