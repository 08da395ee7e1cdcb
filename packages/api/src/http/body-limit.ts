/**
 * Refuses bodies over the limit with a 413 before anything reads them. A body that declares its
 * length is judged by that header alone; only a streamed one (no `Content-Length`) goes through
 * Hono's `bodyLimit`, which counts it as it arrives. Asking for the body as a stream, as that
 * middleware must, turns off the Node adapter's direct read of the body and builds a WHATWG
 * Request and stream for every request, GETs included (measured in docs/benchmarks.md).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpProblem } from './problems.ts';

/** A path's own limit, and the refusal of a body over it where it says more than its size. */
export interface BodyLimit {
  maxBytes: number;
  tooLarge: (c: Context) => HttpProblem;
}

/**
 * `maxBytes` for every body, except the paths in `larger`, which take their own (still bounded)
 * limit: a signed Stripe event, say, is as large as Stripe makes it; a photo, refused as a photo.
 */
export function limitBodies(
  maxBytes: number,
  larger: Record<string, number | BodyLimit> = {},
): MiddlewareHandler {
  const limits = new Map(
    [...Object.entries(larger), ['', maxBytes] as const].map(([path, limit]) => {
      const max = typeof limit === 'number' ? limit : limit.maxBytes;
      const refusal = typeof limit === 'number' ? () => tooLarge(max) : limit.tooLarge;
      const refuse = (c: Context): never => {
        throw refusal(c);
      };
      return [
        path,
        { max, refuse, streamed: bodyLimit({ maxSize: max, onError: refuse }) },
      ] as const;
    }),
  );
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') {
      return next();
    }
    const { max, refuse, streamed } = limits.get(c.req.path) ?? limits.get('')!;
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) {
      return streamed(c, next);
    }
    if (Number(declared) > max) refuse(c);
    await next();
  };
}

function tooLarge(maxBytes: number): HttpProblem {
  return new HttpProblem(413, `The body is larger than ${maxBytes / 1024} KB.`);
}
