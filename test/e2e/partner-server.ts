/**
 * A partner organization's page for the end-to-end tests: another origin than the site and the
 * API, under a strict Content-Security-Policy that allows no inline script or style and no eval.
 * The widget benchmark (test/bench/widgets.ts) serves its pages under the same policy.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

/** The partner page's policy, for a page loading the widgets from `site` and talking to `api`. */
export function partnerPolicy(site: string, api: string): string {
  return [
    "default-src 'none'",
    `script-src ${site}`,
    `connect-src ${api}`,
    `img-src 'self' ${api}`,
    "style-src 'self'",
    `form-action 'self' ${api}`,
    "base-uri 'none'",
  ].join('; ');
}

if (import.meta.main) {
  const port = Number(process.env.PORT ?? 4330);
  const site = process.env.RALLY_SITE_ORIGIN ?? 'http://127.0.0.1:4329';
  const api = process.env.RALLY_API_ORIGIN ?? 'http://127.0.0.1:4331';
  const policy = partnerPolicy(site, api);

  createServer(async (request, response) => {
    const name =
      new URL(request.url ?? '/', 'http://partner').pathname.replace(/^\/+/, '') || 'petition.html';
    if (!/^[a-z-]+\.html$/.test(name)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const page = await readFile(new URL(`partner/${name}`, import.meta.url));
      response.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': policy,
      });
      response.end(page);
    } catch {
      response.writeHead(404).end();
    }
  }).listen(port, '127.0.0.1', () => console.log(`Partner page on http://127.0.0.1:${port}/`));
}
