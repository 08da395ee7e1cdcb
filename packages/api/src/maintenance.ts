/** Housekeeping that keeps the bookkeeping tables small; any instance may run it at any time. */
import type { Database } from './database.ts';

/** Idempotency keys are promised for 24 hours; twice that leaves room for slow retries. */
export const idempotencyRetentionHours = 48;

export async function purgeExpired(db: Database): Promise<void> {
  await db.query(
    `delete from idempotency_keys where created_at < now() - make_interval(hours => $1)`,
    [idempotencyRetentionHours],
  );
  // No rate-limit window is longer than a day.
  await db.query(`delete from rate_limits where window_start < now() - interval '1 day'`);
  // A passkey challenge lasts five minutes; anyone may ask for one, so none is kept past that.
  await db.query(`delete from staff_challenges where expires_at < now()`);
  // Sessions over for a month: the audit log keeps who signed in and out, by the session's id.
  await db.query(
    `delete from staff_sessions
     where coalesce(ended_at, least(expires_at, ends_at)) < now() - make_interval(days => $1)`,
    [endedSessionRetentionDays],
  );
}

/** How long a session that is over stays listed in the database. */
export const endedSessionRetentionDays = 30;

/**
 * Purges now and then every hour, without keeping the process alive. The returned function stops
 * the timer and waits for a purge under way, so the database can be closed under neither.
 */
export function schedulePurges(db: Database): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = purgeExpired(db).catch((error: Error) =>
      console.error(`Housekeeping failed: ${error.message}`),
    );
  };
  run();
  const timer = setInterval(run, 60 * 60 * 1000).unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}
