/**
 * The headers every page of the staff console (`/console/`) is served with: a Content-Security-
 * Policy that lets the page load and run only what comes from the API's own origin — no inline
 * script, no other site's, no framing — so a script injected into a name or a note has nowhere to
 * run and nothing to send to; and no Referer, so no address of the console leaves it.
 */
import type { MiddlewareHandler } from 'hono';

export const consoleContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** The console's headers, as a plain record for whatever serves its files. */
export const consoleHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': consoleContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Older browsers that ignore frame-ancestors.
  'X-Frame-Options': 'DENY',
};

/** Sets the console's headers on every answer below where it is mounted (`app.use('/console/*', …)`). */
export const consoleSecurityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(consoleHeaders)) c.res.headers.set(name, value);
};
