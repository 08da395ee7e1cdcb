/**
 * Refuses bodies over the limit with a 413 before anything reads them. A body that declares its
 * length is judged by that header alone; only a streamed one (no `Content-Length`) goes through
 * Hono's `bodyLimit`, which counts it as it arrives. Asking for the body as a stream, as that
 * middleware must, turns off the Node adapter's direct read of the body and builds a WHATWG
 * Request and stream for every request, GETs included (measured in docs/benchmarks.md).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpProblem } from './problems.ts';

export function limitBodies(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => {
    throw new HttpProblem(413, `The body is larger than ${maxBytes / 1024} KB.`);
  };
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') {
      return next();
    }
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) {
      return streamed(c, next);
    }
    if (Number(declared) > maxBytes) tooLarge();
    await next();
  };
}
