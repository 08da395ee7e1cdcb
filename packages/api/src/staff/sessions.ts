/**
 * Staff sessions: a random token in an HttpOnly, SameSite=Strict cookie, only its hash stored; an
 * idle expiry each use pushes forward and an absolute one nothing does; ended by signing out, by
 * an admin, or by disabling the account. `__Host-rally_staff` (Secure) over https; `rally_staff`
 * on http://localhost, where a browser would not send a Secure cookie back to every page.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../database.ts';
import { HttpProblem } from '../http/problems.ts';
import { hashToken, newToken } from './tokens.ts';

const secureCookie = '__Host-rally_staff';
const localCookie = 'rally_staff';

/** A session is touched (its idle expiry pushed forward) at most this often, not on every request. */
const touchEverySeconds = 60;

function isHttps(c: Context<AppContext>): boolean {
  return c.var.origin.startsWith('https:');
}

/** Names this machine: over plain http, a session is only ever made for these. */
export function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(hostname)
  );
}

/** The session cookie's name for this request's scheme. */
export function sessionCookieName(c: Context<AppContext>): string {
  return isHttps(c) ? secureCookie : localCookie;
}

/** The session token the request's cookie carries, if any. */
export function sessionToken(c: Context<AppContext>): string | undefined {
  return getCookie(c, sessionCookieName(c)) || undefined;
}

export interface SessionRow extends Record<string, unknown> {
  session_id: string;
  last_seen_at: Date;
  expires_at: Date;
  ends_at: Date;
}

/**
 * The live session a token names, with its account (`a.*`), or undefined when it is unknown,
 * ended, expired, or its account disabled; its idle expiry pushed forward once a minute at most.
 */
export async function liveSession<Account extends Record<string, unknown>>(
  c: Context<AppContext>,
  token: string,
): Promise<(SessionRow & Account) | undefined> {
  const { db, settings } = c.var;
  const [row] = await db.query<SessionRow & Account & { stale: boolean }>(
    `select a.*, s.id as session_id, s.last_seen_at, s.expires_at, s.ends_at,
            s.last_seen_at < now() - make_interval(secs => $2::float8) as stale
     from staff_sessions s join staff_accounts a on a.id = s.account_id
     where s.token_hash = $1 and s.ended_at is null and s.expires_at > now() and s.ends_at > now()
       and a.disabled_at is null`,
    [hashToken(token), touchEverySeconds],
  );
  if (!row) return undefined;
  if (row.stale) {
    const [touched] = await db.query<{ expires_at: Date }>(
      `update staff_sessions
       set last_seen_at = now(), expires_at = least(now() + $2::float8 * interval '1 hour', ends_at)
       where id = $1 returning expires_at`,
      [row.session_id, settings.staff.session_idle_hours],
    );
    if (touched) row.expires_at = touched.expires_at;
  }
  return row;
}

/**
 * Opens a session for the account and sets its cookie. Over plain http only on this machine: a
 * session cookie sent in the clear elsewhere could be read on the way. A session this browser's
 * cookie held is ended, since the new cookie replaces it (signing in again to confirm it is you,
 * say): it would otherwise stay live, listed among the sessions, with nothing left to use it.
 */
export async function startSession(
  c: Context<AppContext>,
  db: Queryable,
  accountId: string,
): Promise<{ id: string; expires_at: Date; ends_at: Date; replaced: string | null }> {
  const { settings, origin } = c.var;
  if (!isHttps(c) && !isLoopback(new URL(origin).hostname)) {
    throw new HttpProblem(
      403,
      `Staff sign in over https only, and this request came over http (${origin}). Serve the API over https; behind a proxy that ends TLS, set RALLY_TRUST_PROXY=1 so its X-Forwarded-Proto is believed.`,
      { kind: 'https-required' },
    );
  }
  const previous = sessionToken(c);
  const [replaced] =
    previous === undefined
      ? []
      : await db.query<{ id: string }>(
          `update staff_sessions set ended_at = now()
           where token_hash = $1 and ended_at is null returning id`,
          [hashToken(previous)],
        );
  const token = newToken();
  const [session] = await db.query<{ id: string; expires_at: Date; ends_at: Date }>(
    `insert into staff_sessions (token_hash, account_id, expires_at, ends_at, user_agent)
     values ($1, $2, least(now() + $3::float8 * interval '1 hour', now() + $4::float8 * interval '1 day'),
             now() + $4::float8 * interval '1 day', $5)
     returning id, expires_at, ends_at`,
    [
      hashToken(token),
      accountId,
      settings.staff.session_idle_hours,
      settings.staff.session_max_days,
      c.req.header('user-agent')?.slice(0, 300) ?? null,
    ],
  );
  // The cookie outlives the idle expiry, which the database keeps: it ends at the absolute one.
  setCookie(c, sessionCookieName(c), token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c),
    expires: session!.ends_at,
  });
  return { ...session!, replaced: replaced?.id ?? null };
}

/** How recent a sign-in must be for what a stolen session must not do: adding or removing a way in. */
export const recentSignInMinutes = 10;

/**
 * Refuses (403, `sign-in-again`) unless the session was opened by a sign-in within the last
 * `recentSignInMinutes`: a session left open on a shared or stolen device then cannot take its
 * owner's way in away. Signing in again opens a new session, which is recent.
 */
export async function requireRecentSignIn(db: Queryable, sessionId: string): Promise<void> {
  const [session] = await db.query<{ recent: boolean }>(
    `select created_at > now() - make_interval(mins => $2) as recent
     from staff_sessions where id = $1`,
    [sessionId, recentSignInMinutes],
  );
  if (!session?.recent) {
    throw new HttpProblem(
      403,
      `For your safety, sign in again first: this asks for a sign-in within the last ${recentSignInMinutes} minutes, and yours is older.`,
      { kind: 'sign-in-again' },
    );
  }
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context<AppContext>): void {
  deleteCookie(c, sessionCookieName(c), {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c),
  });
}

/** Ends the sessions `where` picks (ended ones stay ended); returns the ids ended. */
export async function endSessions(
  db: Queryable,
  where: 'id' | 'account_id',
  value: string,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `update staff_sessions set ended_at = now()
     where ${where} = $1 and ended_at is null returning id`,
    [value],
  );
  return rows.map((row) => row.id);
}
