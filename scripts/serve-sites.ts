/**
 * Serves the built sites from dist/sites/ on one port, each on its own origin as it would be on its
 * own domain: the hub at localhost, each microsite at <slug>.localhost (browsers send *.localhost to
 * this computer). The widget bundle and the JSON feeds are readable from any origin, as partners'
 * pages need.
 *
 *   node scripts/serve-sites.ts [--port 4321]
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { micrositeSlugs, sitesDir } from '../sites/integrations/microsites.ts';

/** The environment a build needs to link every site to its local address and the local API. */
export function localSiteEnvironment(port: number, apiPort: number): Record<string, string> {
  return {
    RALLY_HUB_URL: `http://localhost:${port}`,
    RALLY_MICROSITE_URL: `http://{site}.localhost:${port}`,
    RALLY_API_URL: `http://localhost:${apiPort}`,
  };
}

/** Every origin the sites are served from locally, for the API's allowed origins. */
export function localSiteOrigins(port: number): string[] {
  const slugs = micrositeSlugs();
  return [
    `http://localhost:${port}`,
    `http://127.0.0.1:${port}`,
    ...slugs.map((slug) => `http://${slug}.localhost:${port}`),
  ];
}

/**
 * Serves every site on its own origin. `live`: each request looks on disk, so a site built again
 * after a publication (scripts/build-sites.ts) is served as soon as it is swapped in, rather than
 * the files there were when serving began, and a new region's or sector's site as soon as it is
 * built.
 */
export async function serveSites(port: number, { live = false } = {}): Promise<Server> {
  const sites = new Map<string, ReturnType<typeof sirv>>();
  const serve = (slug: string) =>
    sirv(join(sitesDir, slug), { etag: true, dotfiles: false, dev: live });
  for (const slug of [...micrositeSlugs(), 'hub']) sites.set(slug, serve(slug));
  /** The site called `slug`; live, also one built since serving began (a region just published). */
  const siteOf = (slug: string) => {
    let site = sites.get(slug);
    if (!site && live && /^[a-z0-9][a-z0-9-]*$/.test(slug) && existsSync(join(sitesDir, slug))) {
      site = serve(slug);
      sites.set(slug, site);
    }
    return site;
  };
  const server = createServer((request, response) => {
    const host = (request.headers.host ?? '').split(':')[0]!;
    const slug = host.endsWith('.localhost') ? host.slice(0, -'.localhost'.length) : 'hub';
    const site = siteOf(slug);
    if (!site) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`No site is called ${slug}.`);
      return;
    }
    // Partners' pages load the widget bundle (module scripts need CORS) and read the feeds.
    const path = request.url?.split('?')[0] ?? '/';
    if (path.startsWith('/widgets/') || path.endsWith('.json'))
      response.setHeader('Access-Control-Allow-Origin', '*');
    site(request, response, () => {
      // As a static host does: the site's own page for a missing address.
      readFile(join(sitesDir, slug, '404.html')).then(
        (page) => response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(page),
        () => response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found'),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  return server;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4321' }, live: { type: 'boolean' } },
  });
  const port = Number(values.port);
  await serveSites(port, { live: values.live === true });
  console.log(`Sites on http://localhost:${port}/ and http://<site>.localhost:${port}/`);
}
