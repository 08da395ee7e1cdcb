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
}

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
