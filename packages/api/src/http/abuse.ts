/**
 * Keeps bots and floods out without turning real people away: a honeypot field and a minimum
 * fill time (bots get a success-looking answer; nothing is stored) and rate limits per IP and per
 * email, counted in the database so they hold across API instances.
 */
import type { Database } from '../database.ts';
import type { RallySettings } from '../config.ts';
import { HttpProblem } from './problems.ts';

interface BotSignals {
  nickname?: string | undefined;
  form_started_at?: string | number | undefined;
}

/** True when the submission looks automated: honeypot filled, or sent faster than a person can. */
export function looksAutomated(
  signals: BotSignals,
  settings: RallySettings,
  now = Date.now(),
): boolean {
  if (signals.nickname?.trim()) return true;
  if (signals.form_started_at === undefined) return false;
  const started = new Date(signals.form_started_at).getTime();
  if (Number.isNaN(started)) return true;
  return now - started < settings.abuse.minimum_fill_seconds * 1000;
}

export async function countBotSubmission(db: Database): Promise<void> {
  await db.query(
    `insert into counters (name, value) values ('bot_submissions', 1)
     on conflict (name) do update set value = counters.value + 1`,
  );
}

/** Counts one write against the client's IP and the email; throws 429 past either limit. */
export async function enforceRateLimits(
  db: Database,
  settings: RallySettings,
  ip: string,
  email: string,
): Promise<void> {
  const { per_ip: perIp, per_email: perEmail } = settings.abuse;
  const rows = await db.query<{ key: string; hits: number; elapsed: number }>(
    `insert into rate_limits (key, window_start, hits)
     select key, to_timestamp(floor(extract(epoch from now()) / seconds) * seconds), 1
     from unnest($1::text[], $2::int[]) as limits (key, seconds)
     on conflict (key, window_start) do update set hits = rate_limits.hits + 1
     returning key, hits, floor(extract(epoch from now() - window_start))::int as elapsed`,
    [
      [`ip:${ip}`, `email:${email}`],
      [perIp.window_seconds, perEmail.window_seconds],
    ],
  );
  for (const row of rows) {
    const limit = row.key.startsWith('ip:') ? perIp : perEmail;
    if (row.hits > limit.max) {
      const retryAfter = Math.max(1, limit.window_seconds - row.elapsed);
      throw new HttpProblem(
        429,
        `Too many submissions; try again in ${retryAfter} seconds. Nothing was recorded.`,
        { headers: { 'Retry-After': String(retryAfter) } },
      );
    }
  }
}
