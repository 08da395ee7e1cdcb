/**
 * Who is asking, on the staff endpoints, and whether their role lets them: a signed-in session's
 * cookie first, else an API key — or the RALLY_ADMIN_TOKEN bootstrap key — in `OSDI-API-Token` (as
 * OSDI clients send it) or `Authorization: Bearer`. Keys act as an admin, a read key only for
 * reading; a session by its account's role. A write carrying the session cookie must come from the
 * API's own origin: the cookie is the browser's, and another site must not make it act.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { StaffRole } from '@rally/core';
import type { AppContext } from '../context.ts';
import { HttpProblem } from '../http/problems.ts';
import { describedMiddleware, problemResponse, staffOnly } from '../openapi.ts';
import { staffOfAccount, type AccountRow } from './accounts.ts';
import { staffOfKey } from './api-keys.ts';
import { forbiddenRole, personalDataRoles, staffRoles, type Staff } from './roles.ts';
import { clearSessionCookie, liveSession, sessionToken } from './sessions.ts';

export { hashToken } from './tokens.ts';
export { installEnvironmentToken } from './api-keys.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The key a request sends, in either header. */
function sentKey(c: Context<AppContext>): string | undefined {
  const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  return c.req.header('osdi-api-token') ?? bearer;
}

/**
 * Whether a public route (a join, a signature, an RSVP) is asked as staff: with a key, or with the
 * session cookie from the API's own pages (the console's walk-ins). The cookie on a write from
 * another page — a plain form on the organization's own site, which a browser sends it with when
 * the site and the API share a domain — is not staff asking, and the write is the public's.
 */
export function sendsStaffCredentials(c: Context<AppContext>): boolean {
  return (
    c.req.header('osdi-api-token') !== undefined ||
    /^Bearer\s/i.test(c.req.header('authorization') ?? '') ||
    (sessionToken(c) !== undefined &&
      ((safeMethods.has(c.req.method) && !crossSiteFetch(c)) || fromOwnOrigin(c)))
  );
}

/**
 * Whether a browser says the request was made by another site's page (`Sec-Fetch-Site`
 * `same-site` or `cross-site`). SameSite keeps the cookie from other sites, but a sibling
 * subdomain is the same site: its pages would send it. `same-origin` and `none` (typed in the
 * address bar, a bookmark) are the console's own; a tool sends no such header.
 */
export function crossSiteFetch(c: Context<AppContext>): boolean {
  const site = c.req.header('sec-fetch-site');
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}

/**
 * Whether a browser says the request comes from the API's own pages: its Origin is the API's and
 * its Sec-Fetch-Site, when sent, is `same-origin`; a request with neither is not a page's.
 */
export function fromOwnOrigin(c: Context<AppContext>): boolean {
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  if (origin === undefined && site === undefined) return false;
  return (
    (origin === undefined || origin === c.var.origin) && (site ?? 'same-origin') === 'same-origin'
  );
}

/** A browser's write from another site: refused whether or not it carries the cookie. */
export function fromAnotherSite(c: Context<AppContext>): boolean {
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  return (
    (origin !== undefined && origin !== c.var.origin) ||
    (site !== undefined && site !== 'same-origin')
  );
}

function crossSiteRefusal(what = 'write'): HttpProblem {
  return new HttpProblem(
    403,
    `This ${what} carries the staff session cookie but does not come from the staff console’s own pages (its Origin is another site’s, or missing): refused, so another site cannot act as you. Use the console, or an API key from a tool.`,
    { kind: 'cross-site' },
  );
}

/**
 * Who is asking, or a 401 saying how to get in. Sets `c.var.staff`; a write with the session
 * cookie from anywhere but the API's own origin is a 403, and so is a read key's write.
 */
export async function identifyStaff(c: Context<AppContext>): Promise<Staff> {
  if (c.var.staff) return c.var.staff;
  const token = sessionToken(c);
  let staff: Staff | undefined;
  if (token !== undefined) {
    const session = await liveSession<AccountRow>(c, token);
    if (session) {
      if (!safeMethods.has(c.req.method) && !fromOwnOrigin(c)) throw crossSiteRefusal();
      // A read too: another page of the same site (a sibling subdomain) gets the cookie sent.
      if (crossSiteFetch(c)) throw crossSiteRefusal('request');
      staff = staffOfAccount(session, session.session_id);
    }
  }
  const key = staff ? undefined : sentKey(c);
  if (!staff && key !== undefined) {
    const found = await staffOfKey(c.var.db, key);
    if (found === 'revoked') {
      throw new HttpProblem(401, 'This API key was revoked: ask an admin for a new one.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="rally", error="invalid_token"' },
      });
    }
    if (!found) {
      throw new HttpProblem(401, 'This API token is not valid.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="rally", error="invalid_token"' },
      });
    }
    staff = found;
  }
  if (!staff) {
    if (token !== undefined) {
      clearSessionCookie(c);
      throw new HttpProblem(
        401,
        'Your session has ended (signed out, expired, or ended by an admin): sign in again.',
        { kind: 'session-ended' },
      );
    }
    throw new HttpProblem(
      401,
      'Staff endpoint: sign in to the staff console, or send your API token in the OSDI-API-Token header.',
      { headers: { 'WWW-Authenticate': 'Bearer realm="rally"' } },
    );
  }
  if (!staff.canWrite && !safeMethods.has(c.req.method)) {
    throw new HttpProblem(
      403,
      `The API key "${staff.label}" may only read: ask an admin for a read-write key to change anything.`,
      { kind: 'read-only-key' },
    );
  }
  c.set('staff', staff);
  // Staff answers hold personal data; the token travels in a header that caches do not key on,
  // so no cache on the way may keep a copy to hand to the next person asking for the address.
  c.header('Cache-Control', 'no-store');
  return staff;
}

/** Guards a route: staff of one of `roles` only; `what` names what the others are refused. */
export function requireRole(roles: readonly StaffRole[], what: string) {
  return describedMiddleware<MiddlewareHandler<AppContext>>(async (c, next) => {
    const staff = await identifyStaff(c);
    if (!roles.includes(staff.role)) throw forbiddenRole(staff, roles, what);
    await next();
  }, staffOnly);
}

/**
 * The guard of every route that answers members' personal data — people, signatures, RSVPs,
 * exports, check-in: admins and organizers, and API keys.
 */
export const requireStaff = requireRole(personalDataRoles, 'members’ personal data');

/** Any staff member signed in, or any key. */
export const requireAnyStaff = requireRole(staffRoles, 'this');

/**
 * Managing accounts, invitations, keys and reading the audit log: a signed-in admin, or the
 * bootstrap key. A sync tool's key, even read-write, manages nothing: a leaked one must not be
 * able to make itself more keys or accounts.
 */
export const requireAccountAdmin = describedMiddleware<MiddlewareHandler<AppContext>>(
  async (c, next) => {
    const staff = await identifyStaff(c);
    if (staff.kind === 'key' && staff.scope !== 'admin') {
      throw new HttpProblem(
        403,
        `The API key "${staff.label}" is a sync tool's: staff accounts, invitations, keys and the audit log are managed by an admin signed in to the console, or with RALLY_ADMIN_TOKEN.`,
        { kind: 'role-not-allowed' },
      );
    }
    if (staff.role !== 'admin')
      throw forbiddenRole(staff, ['admin'], 'staff accounts, keys and the audit log');
    await next();
  },
  staffOnly,
);

/** A signed-in staff member (a key has no session, no account and no passkeys). */
export const requireSession = describedMiddleware<MiddlewareHandler<AppContext>>(
  async (c, next) => {
    const staff = sessionToken(c) === undefined ? undefined : await identifyStaff(c);
    if (staff?.kind !== 'session') {
      throw new HttpProblem(401, 'Not signed in: sign in to the staff console first.', {
        kind: 'not-signed-in',
      });
    }
    await next();
  },
  {
    security: [{ staffSession: [] }],
    responses: {
      401: problemResponse('Not signed in, or the session has ended.'),
      403: problemResponse('A write from another site’s page (`cross-site`).'),
    },
  },
);

/**
 * Every write to the staff endpoints that a browser says comes from another site is refused,
 * cookie or not: signing someone in from another site (to their account or to one the other site
 * chose) is as bad as acting as them. Tools without a browser send neither header and pass.
 */
export const sameSiteWrites: MiddlewareHandler<AppContext> = async (c, next) => {
  if (!safeMethods.has(c.req.method) && fromAnotherSite(c)) throw crossSiteRefusal();
  await next();
};
