/**
 * The path every public write takes after its body is validated: bot check, rate limits, one
 * database function call that claims the Idempotency-Key and writes (in a transaction shared with
 * the writes arriving at the same moment: writes.ts), then the answer — JSON for widgets, a 303 to
 * a thank-you page for plain forms. The answer is sent only after the commit.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { PersonSignup } from '@rally/core';
import type { AppContext } from '../context.ts';
import type { Write, WriteFunction, Writer } from '../writes.ts';
import { sqlState, type Database, type Queryable } from '../database.ts';
import { newReferralCode } from '../referral-code.ts';
import {
  RateLimited,
  countBotSubmission,
  enforceRateLimits,
  filledHoneypot,
  sentBefore,
} from './abuse.ts';
import type { Submission } from './body.ts';
import { HttpProblem } from './problems.ts';
import { provedWork } from './proof-of-work.ts';

/** What every write function returns, plus its own ids. */
export interface WriteResult {
  person_id: string;
  referral_code: string;
  replayed?: boolean;
  [key: string]: unknown;
}

type Helper = Pick<
  PersonSignup,
  | 'person'
  | 'referrer_data'
  | 'add_tags'
  | 'consent'
  | 'region'
  | 'sector'
  | 'nickname'
  | 'form_started_at'
  | 'altcha'
>;

export interface WriteOptions<Result extends WriteResult> {
  fn: WriteFunction;
  /** The action's own arguments (`petition_id`, `comments`, …). */
  args: Record<string, unknown>;
  /** A plausible result for bots, so they cannot tell they were turned away. */
  decoy: () => Result;
  /**
   * The caller proved a staff token or session: no bot check, no rate limits. Whether its details
   * of a person already on file replace older ones is `trusted`'s to say.
   */
  asStaff?: boolean;
  /**
   * The write speaks for the organization (an API key, an admin; only with `asStaff`): its details
   * replace older ones. Without it, even a staff write only fills what is blank and never moves a
   * person's region or sector (sql/functions/rally_upsert_person.sql).
   */
  trusted?: boolean;
  /** This write is the person joining (the join form), not only taking an action: they are a member. */
  joins?: boolean;
}

export interface AnswerOptions<Result extends WriteResult> {
  /** The JSON body answered for the result. */
  body: (result: Result) => object;
  /** The word added to the thank-you URL of a plain form (`?rally=signed`). */
  outcome: string;
}

/** Carries out a write and answers it: JSON for widgets, a 303 for plain forms. */
export async function recordWrite<Result extends WriteResult>(
  c: Context<AppContext>,
  submission: Submission<Helper>,
  options: WriteOptions<Result> & AnswerOptions<Result>,
): Promise<Response> {
  const { result } = await performWrite(c, submission, options);
  return answer(c, submission, options, result);
}

/**
 * Carries out a write and returns its result, for actions that have more to do before answering.
 * `automated` says the result is a decoy: nothing was written.
 */
export async function performWrite<Result extends WriteResult>(
  c: Context<AppContext>,
  submission: Submission<Helper>,
  options: WriteOptions<Result>,
): Promise<{ result: Result; automated: boolean }> {
  // One read of c.var: Hono builds a new object on each.
  const { db, settings, rateLimiter, clientIp, write, linkSecret } = c.var;
  const helper = submission.data;

  if (filledHoneypot(helper)) {
    await countBotSubmission(db);
    return { result: options.decoy(), automated: true };
  }

  const email = helper.person.email_addresses[0]!.address.trim().toLowerCase();
  // The request is what is stored, not how it was sent: a retry that solves a new puzzle is the
  // same request.
  const { nickname: _nickname, form_started_at: _startedAt, altcha: proof, ...stored } = helper;
  const scope = `${c.req.method} ${c.req.path}`;
  const key = idempotencyKey(c);
  const requestHash = createHash('sha256')
    .update(JSON.stringify([scope, stored, options.args]))
    .digest('hex');
  const replay = (earlier: Result) => {
    c.header('Idempotent-Replayed', 'true');
    return { result: earlier, automated: false };
  };

  // A retry of a recorded request is answered as the replay it is, before any limit counts it. A
  // retry is the same submission sent again, so only then is the database asked: a first try
  // costs no read more.
  const repeated = !options.asStaff && (await sentBefore(rateLimiter, settings, requestHash));
  if (key && repeated) {
    const earlier = await recordedAnswer<Result>(db, { scope, key, requestHash, wait: false });
    if (earlier) return replay(earlier);
  }
  // A browser's write comes from a widget, which proves its work; without the proof it is doubted,
  // and the person is asked to confirm rather than told it was recorded. Callers without a
  // browser (OSDI clients, sync tools) and plain forms without JavaScript are not asked.
  const fromBrowser = submission.format === 'json' && c.req.header('origin') !== undefined;
  if (fromBrowser && !options.asStaff && !(await provedWork(proof, linkSecret, rateLimiter))) {
    throw new HttpProblem(
      428,
      'Please confirm you sent this: send it again from the form. Nothing was recorded yet.',
      {
        errors: [
          { path: 'altcha', code: 'required', message: 'Solve a new puzzle from GET /challenge.' },
        ],
      },
    );
  }
  try {
    // A staff token is the organization's own sync tool or import, upserting thousands of people
    // from one address: the limits that keep strangers from flooding do not apply to it.
    if (!options.asStaff) await enforceRateLimits(rateLimiter, settings, clientIp, email, repeated);
  } catch (error) {
    // Refused: but a request with a key may be a retry of one recorded long ago (an offline queue
    // sending hours later), or of one still being written (retries sent at once). Look once; wait
    // for a write in flight only for the same submission seen just before, so that anything else
    // refused costs one read at most.
    if (!(error instanceof RateLimited) || !key) throw error;
    const earlier = await recordedAnswer<Result>(db, { scope, key, requestHash, wait: repeated });
    if (earlier) return replay(earlier);
    throw error;
  }

  const request = {
    ...options.args,
    scope,
    idempotency_key: key,
    request_hash: requestHash,
    referrer_data: helper.referrer_data ?? {},
    person: {
      ...helper.person,
      email,
      tags: helper.add_tags ?? [],
      region: helper.region,
      sector: helper.sector,
      // A partner's page is credited by its origin, which its visitors' browsers vouch for.
      source:
        settings.partnerSources.get(c.req.header('origin') ?? '') ?? helper.referrer_data?.source,
      website: helper.referrer_data?.website ?? c.req.header('origin'),
      referrer: helper.referrer_data?.referrer,
      referral_code: newReferralCode(),
      trusted: options.asStaff === true && options.trusted === true,
      joins: options.joins === true,
      consent: helper.consent && {
        ...helper.consent,
        given_at: helper.consent.given_at ?? new Date().toISOString(),
      },
    },
  };

  let result: Result;
  try {
    result = await writeWithFreeReferralCode<Result>(write, { fn: options.fn, req: request });
  } catch (error) {
    throw problemFromDatabase(error) ?? error;
  }
  if (result.replayed) c.header('Idempotent-Replayed', 'true');
  const { replayed: _replayed, ...fresh } = result;
  return { result: fresh as Result, automated: false };
}

function answer<Result extends WriteResult>(
  c: Context<AppContext>,
  submission: Submission<Helper>,
  options: AnswerOptions<Result>,
  result: Result,
): Response {
  if (submission.format === 'form') {
    return c.redirect(thankYouUrl(c, submission.redirect, options.outcome), 303);
  }
  return c.json(options.body(result), 201, { 'Content-Type': 'application/hal+json' });
}

/** Where a plain form lands: its `redirect` field or the page it came from, if on an allowed origin. */
function thankYouUrl(
  c: Context<AppContext>,
  redirect: string | undefined,
  outcome: string,
): string {
  const allowed = c.var.settings.allowedOrigins;
  for (const candidate of [redirect, c.req.header('referer')]) {
    if (!candidate || !URL.canParse(candidate)) continue;
    const url = new URL(candidate);
    if (!allowed.has(url.origin)) continue;
    if (candidate !== redirect) url.searchParams.set('rally', outcome);
    return url.toString();
  }
  const fallback = new URL('/api/v1/thanks', c.req.url);
  fallback.searchParams.set('rally', outcome);
  return fallback.toString();
}

export function idempotencyKey(c: Context): string | null {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return null;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new HttpProblem(
      400,
      'Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.',
    );
  }
  return key;
}

/**
 * A new person's referral code is drawn at random; when it is already someone else's, the
 * database refuses the write, which is made again with another code: the person never sees it.
 */
async function writeWithFreeReferralCode<Result>(write: Writer, request: Write): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write<Result>(request);
    } catch (error) {
      const taken =
        sqlState(error) === '23505' &&
        ['people_referral_code_key', 'referral_aliases_pkey'].includes(
          (error as { constraint?: string }).constraint ?? '',
        );
      if (!taken || attempt === 3) throw error;
      request.req.person.referral_code = newReferralCode();
    }
  }
}

function problemFromDatabase(error: unknown): HttpProblem | undefined {
  const message = (error as Error).message;
  switch (sqlState(error)) {
    case 'R0404':
      return new HttpProblem(404, `No such ${message.split(' ')[0]}: check the link or the id.`);
    case 'R0409':
      return new HttpProblem(
        409,
        message.startsWith('event')
          ? 'This event is over; it no longer takes RSVPs.'
          : 'This petition is closed; it no longer takes signatures.',
      );
    case 'R0422':
      return new HttpProblem(
        422,
        'This Idempotency-Key was already used for a different request; use a new key for a new submission.',
      );
    default:
      return undefined;
  }
}

/**
 * The answer recorded under this request's Idempotency-Key, or `undefined` when none is. With
 * `wait`, a write of the same key still in flight on another connection is waited for: claiming
 * the key, as the write function does, blocks until that write commits or fails, and the claim is
 * then rolled back, so this never writes anything itself.
 */
async function recordedAnswer<Result extends WriteResult>(
  db: Database,
  request: { scope: string; key: string; requestHash: string; wait: boolean },
): Promise<Result | undefined> {
  const { scope, key, requestHash, wait } = request;
  const read = async (tx: Queryable) => {
    const [earlier] = await tx.query<{ request_hash: string; response: Result }>(
      'select request_hash, response from idempotency_keys where scope = $1 and key = $2',
      [scope, key],
    );
    if (earlier && earlier.request_hash !== requestHash) throw problemFromDatabase(reusedKey)!;
    return earlier?.response;
  };
  if (!wait) return read(db);
  const nothingRecorded = Symbol('nothing recorded');
  const claimOrRead = () =>
    db.transaction(async (tx) => {
      const [claimed] = await tx.query(
        `insert into idempotency_keys (scope, key, request_hash, response)
         values ($1, $2, $3, '{}') on conflict do nothing returning key`,
        [scope, key, requestHash],
      );
      if (claimed) throw nothingRecorded;
      return read(tx);
    });
  // The first try may have passed the limits a moment ago and not yet reached the database, where
  // its write claims the key: look again a few times, over about a second and a half, before
  // saying nothing was recorded.
  for (const pause of [50, 100, 200, 400, 800, 0]) {
    try {
      return await claimOrRead();
    } catch (error) {
      if (error !== nothingRecorded) throw error;
    }
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
  }
  return undefined;
}

/** What the database reports for a key reused with another request. */
const reusedKey = Object.assign(new Error('idempotency key reused'), { code: 'R0422' });

/** A random id in the shape the database would give, for decoy answers. */
export const decoyId = randomUUID;
