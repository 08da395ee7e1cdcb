/**
 * A staff write carried out once per Idempotency-Key, as the public writes are (http/write.ts):
 * the console's check-in screen queues what it does while a hall has no signal and sends each
 * again, with the key it was given, until it is answered, so the same check-in or walk-in may
 * arrive twice or more. The key is claimed in the write's own transaction with the same database
 * functions the public writes use (sql/functions/rally_claim_idempotency_key.sql,
 * rally_remember_response.sql): a second arrival waits for the first to commit, then is answered
 * what the first was, and nothing is written again. A refused write (a 404, a 422) keeps nothing,
 * key included, so it may be corrected and sent again under the same key. Keys are kept apart per
 * staff member, and each route checks that the record is within the caller's scope before a
 * replay is answered.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { AppContext } from '../context.ts';
import { sqlState, type Queryable } from '../database.ts';
import { HttpProblem } from './problems.ts';
import { idempotencyKey } from './write.ts';

/** What a staff write answers: its status and its JSON body, as recorded under the key. */
export interface StaffAnswer<Body> {
  status: 200 | 201;
  body: Body;
}

/**
 * Runs `work` in one transaction, once for the request's Idempotency-Key (when it sends one):
 * `request` is what the caller asked for, after validation, which a reused key must match.
 */
export async function onceForKey<Body>(
  c: Context<AppContext>,
  request: unknown,
  work: (tx: Queryable) => Promise<StaffAnswer<Body>>,
): Promise<StaffAnswer<Body> & { replayed: boolean }> {
  const key = idempotencyKey(c);
  // A key is the staff member's own: another's same key (or a guess at it) replays nothing, and
  // a replay is answered only to whoever made the request first.
  const staff = c.var.staff;
  const scope = `${c.req.method} ${c.req.path} ${staff ? `${staff.kind}:${staff.id}` : 'public'}`;
  const claim = JSON.stringify({
    scope,
    idempotency_key: key,
    request_hash: createHash('sha256')
      .update(JSON.stringify([scope, request]))
      .digest('hex'),
  });
  try {
    return await c.var.db.transaction(async (tx) => {
      if (key !== null) {
        const [row] = await tx.query<{ earlier: (StaffAnswer<Body> & object) | null }>(
          'select rally_claim_idempotency_key($1::jsonb) as earlier',
          [claim],
        );
        if (row?.earlier) {
          const { status, body } = row.earlier;
          return { status, body, replayed: true };
        }
      }
      const answer = await work(tx);
      if (key !== null) {
        await tx.query('select rally_remember_response($1::jsonb, $2::jsonb)', [
          claim,
          JSON.stringify(answer),
        ]);
      }
      return { ...answer, replayed: false };
    });
  } catch (error) {
    if (sqlState(error) === 'R0422') {
      throw new HttpProblem(
        422,
        'This Idempotency-Key was already used for a different request; use a new key for a new check-in or walk-in.',
        {
          errors: [
            {
              path: 'header.idempotency-key',
              code: 'invalid',
              message: 'Use a new key for a new request.',
            },
          ],
        },
      );
    }
    throw error;
  }
}

/** Answers what `onceForKey` returned, saying so when it is a replay. */
export function staffWriteAnswer<Body extends object>(
  c: Context<AppContext>,
  answer: StaffAnswer<Body> & { replayed: boolean },
  contentType = 'application/json',
): Response {
  if (answer.replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(answer.body, answer.status, { 'Content-Type': contentType });
}
