/**
 * Serves the staff console's build (packages/console, built into dist/console) at `/console/`:
 * its hashed assets cached for a year, its page never cached so a new build is seen at once, and
 * the page for every other address under `/console/`, where the console's own router takes over.
 * Every answer carries the console's strict headers (staff/console-headers.ts).
 */
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppContext } from '../context.ts';
import { mediaTypeOf, readIfFile } from '../http/static-files.ts';
import { consoleSecurityHeaders } from '../staff/console-headers.ts';

/** Where `vite build --config packages/console/vite.config.ts` writes the console. */
export const defaultConsoleDir = fileURLToPath(
  new URL('../../../../dist/console', import.meta.url),
);

const notBuiltPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Console not built</title></head>
<body><main><h1>The staff console is not built yet</h1>
<p>Run <code>pnpm build</code> (or <code>vite build --config packages/console/vite.config.ts</code>), then reload this page.</p></main></body>
</html>
`;

/**
 * The console's routes, to mount at `/console`. Files are read on each request rather than once,
 * so a console built after the API started (as `pnpm start` and the tests may do) is served.
 */
export function serveConsole(dir: string = defaultConsoleDir) {
  const root = normalize(dir);
  const routes = new Hono<AppContext>({ strict: true });
  routes.use(consoleSecurityHeaders);
  routes.get('/*', async (c) => {
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path.replace(/^\/console\/?/, ''));
    } catch {
      // A malformed escape (`%E0%A4%A`) names no file and no screen: not found, not an error.
      return c.text('Not found', 404);
    }
    const file = normalize(join(root, relative));
    // A path that climbs out of the build (`..`) is simply not one of its files.
    const inside = file.startsWith(root + sep);
    if (inside && relative !== '' && relative !== 'index.html') {
      const body = await readIfFile(file);
      if (body) {
        // Vite names every asset after its content: a changed file is a new address.
        const immutable = relative.startsWith('assets/');
        return c.body(new Uint8Array(body), 200, {
          'Content-Type': mediaTypeOf(file) ?? 'application/octet-stream',
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
      // A missing file (an old asset, a typo) is a 404, not the page: a script tag given HTML
      // would fail in a way that is harder to read.
      if (extname(relative) !== '') return c.text('Not found', 404);
    }
    const page = await readIfFile(join(root, 'index.html'));
    if (!page) {
      return c.html(notBuiltPage, 503, { 'Cache-Control': 'no-store', 'Retry-After': '30' });
    }
    return c.body(new Uint8Array(page), 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
    });
  });
  return routes;
}
