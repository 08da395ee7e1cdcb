/**
 * Keeps bots and floods out without turning real people away: a honeypot field (bots that fill it
 * get a success-looking answer; nothing is stored), a proof of work from every widget
 * (proof-of-work.ts), and rate limits per IP and per email, counted where every API instance sees
 * them (see rate-limits.ts).
 */
import { createHash } from 'node:crypto';
import type { Database } from '../database.ts';
import type { RallySettings } from '../config.ts';
import { HttpProblem } from './problems.ts';
import type { RateLimiter } from './rate-limits.ts';

/**
 * True when the hidden honeypot field holds text: no person sees it, and the widgets keep browsers
 * from filling it in. How fast a form was sent is no sign: a browser that fills in a remembered
 * person is as fast as any bot.
 */
export function filledHoneypot(signals: { nickname?: string | undefined }): boolean {
  return Boolean(signals.nickname?.trim());
}

export async function countBotSubmission(db: Database): Promise<void> {
  await db.query(
    `insert into counters (name, value) values ('bot_submissions', 1)
     on conflict (name) do update set value = counters.value + 1`,
  );
}

/**
 * Whether the same submission (`fingerprint`: the same address and body) was sent before in the
 * email limit's window: a retry, or someone sending another person's address over and over.
 * Counted under a hash: the counters are bookkeeping and must not hold anyone's address.
 */
export async function sentBefore(
  limiter: RateLimiter,
  settings: RallySettings,
  fingerprint: string,
): Promise<boolean> {
  const window = settings.abuse.per_email.window_seconds;
  return (await limiter.hit([{ key: `same:${fingerprint}`, max: 1, windowSeconds: window }])) > 0;
}

/**
 * Counts one write against the client's IP and the email; throws 429 past either limit. A
 * submission `repeated` (sentBefore) counts against the IP, but not again against the email:
 * otherwise anyone could lock a person out of acting by sending their address over and over.
 */
export async function enforceRateLimits(
  limiter: RateLimiter,
  settings: RallySettings,
  ip: string,
  email: string,
  repeated: boolean,
): Promise<void> {
  const { per_ip: perIp, per_email: perEmail } = settings.abuse;
  const wait = await limiter.hit([
    { key: `ip:${ip}`, max: perIp.max, windowSeconds: perIp.window_seconds },
    ...(repeated
      ? []
      : [
          {
            key: `email:${createHash('sha256').update(email).digest('base64url').slice(0, 22)}`,
            max: perEmail.max,
            windowSeconds: perEmail.window_seconds,
          },
        ]),
  ]);
  if (wait > 0) throw new RateLimited(wait);
}

/** A 429 from the rate limits, which the write path may still answer as a replay. */
export class RateLimited extends HttpProblem {
  constructor(wait: number) {
    super(429, `Too many submissions; try again in ${wait} seconds. This one was not recorded.`, {
      headers: { 'Retry-After': String(wait) },
    });
  }
}
