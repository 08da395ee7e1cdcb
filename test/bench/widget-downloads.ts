/**
 * The widget JavaScript a real browser downloads on a partner's page, from Playwright's network
 * log: each widget alone on the demo partner page (test/e2e/partner/all.html, under that page's
 * strict Content-Security-Policy, on its own origin), with the bundle from dist/widgets/ on
 * another origin and the real API on a third, in a fresh browser each time. Counted until the
 * page is idle after the widget's first render (no request for half a second), then again after
 * the person first moves into the form. Sizes are min+gzip (level 9) of each file as served, as
 * the static figures are.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Response } from 'playwright';
import { chromiumPath } from '../../scripts/chromium.ts';
import { partnerPolicy } from '../e2e/partner-server.ts';
import { start } from './support.ts';

export interface Downloads {
  /** Widget files fetched from the page's load until it is idle after the first render. */
  firstRender: Map<string, number>;
  /** Files fetched once the person moves into the form (focus on its first field). */
  onFirstFocus: Map<string, number>;
}

/** What shows the widget's first render is drawn with its data: its form, or its carousel. */
const drawn = 'form, [aria-roledescription="carousel"]';

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Measures each widget (`join-form`, `petition`…) in turn; `dir` holds the built bundle. */
export async function measureDownloads(
  widgets: string[],
  dir: string,
): Promise<Map<string, Downloads>> {
  const origin = (port: number) => `http://127.0.0.1:${port}`;
  const partnerPage = readFileSync(new URL('../e2e/partner/all.html', import.meta.url), 'utf8');
  const servers: Server[] = [];
  const processes: ChildProcess[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'rally-widget-downloads-'));
  try {
    // The bundle, as every site serves it: readable from any origin (module scripts use CORS).
    const bundle = createServer((request, response) => {
      const name = (request.url ?? '').match(/^\/widgets\/([\w.-]+\.js)$/)?.[1];
      if (!name) return void response.writeHead(404).end();
      try {
        const code = readFileSync(join(dir, name));
        response.writeHead(200, {
          'Content-Type': 'text/javascript',
          'Access-Control-Allow-Origin': '*',
        });
        response.end(code);
      } catch {
        response.writeHead(404).end();
      }
    });
    servers.push(bundle);
    const site = origin(await listen(bundle));
    const api = origin(await freePort());

    // The partner's page with one widget: the demo page, its other four elements left out.
    const pages = createServer((request, response) => {
      const widget = (request.url ?? '').match(/^\/([a-z-]+)\.html$/)?.[1];
      if (!widget || !widgets.includes(widget)) return void response.writeHead(404).end();
      const page = partnerPage
        .replace(/<(rally-[a-z-]+)[^>]*>\s*<\/\1>\s*/g, (element, tag: string) =>
          tag === `rally-${widget}` ? element : '',
        )
        .replaceAll('http://127.0.0.1:4329', site)
        .replaceAll('http://127.0.0.1:4331', api);
      response.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': partnerPolicy(site, api),
      });
      response.end(page);
    });
    servers.push(pages);
    const partner = origin(await listen(pages));

    // The real API, with the demo's events and petitions still ahead, so each form shows.
    const content = join(scratch, 'content');
    const dated = spawnSync(process.execPath, ['scripts/dated-content.ts', content], {
      encoding: 'utf8',
    });
    if (dated.status !== 0) throw new Error(`Could not date the demo content: ${dated.stderr}`);
    processes.push(
      await start(
        process.execPath,
        ['packages/api/src/server.ts'],
        {
          PORT: new URL(api).port,
          RALLY_DATA_DIR: join(scratch, 'db'),
          RALLY_CONTENT_DIR: content,
          RALLY_CONFIG: 'test/e2e/rally.e2e.json',
          RALLY_ALLOWED_ORIGINS: partner,
          RALLY_ADMIN_TOKEN: 'widget-downloads-benchmark-0123456789',
          STRIPE_SECRET_KEY: 'sk_test_bench',
          STRIPE_PUBLISHABLE_KEY: 'pk_test_bench',
          STRIPE_WEBHOOK_SECRET: 'whsec_bench',
        },
        /Rally API:/,
      ),
    );

    const browser = await chromium.launch({ executablePath: chromiumPath() });
    try {
      const results = new Map<string, Downloads>();
      for (const widget of widgets) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const idle = quietWatch(page);
        let fetched: Response[] = [];
        page.on('response', (response) => {
          if (response.url().startsWith(`${site}/widgets/`)) fetched.push(response);
        });
        await page.goto(`${partner}/${widget}.html`);
        await page.locator(`rally-${widget}`).locator(drawn).first().waitFor();
        await idle();
        const firstRender = await sizes(fetched);
        fetched = [];
        const field = page.locator(`rally-${widget}`).locator('input:not([tabindex="-1"])');
        if ((await field.count()) > 0) {
          await field.first().focus();
          await idle();
        }
        results.set(widget, { firstRender, onFirstFocus: await sizes(fetched) });
        await context.close();
      }
      return results;
    } finally {
      await browser.close();
    }
  } finally {
    for (const child of processes) child.kill('SIGTERM');
    for (const server of servers) server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Watches a page's requests; the function returned resolves once none has been under way for half
 * a second. (Playwright's own `networkidle` is reached once per page load: it would not wait for
 * what a focus fetches.)
 */
function quietWatch(page: Page): () => Promise<void> {
  let underWay = 0;
  let lastChange = Date.now();
  const change = (by: number) => () => {
    underWay += by;
    lastChange = Date.now();
  };
  page.on('request', change(1));
  page.on('requestfinished', change(-1));
  page.on('requestfailed', change(-1));
  return async () => {
    while (underWay > 0 || Date.now() - lastChange < 500)
      await new Promise((resolve) => setTimeout(resolve, 50));
  };
}

async function sizes(responses: Response[]): Promise<Map<string, number>> {
  const entries = await Promise.all(
    responses.map(
      async (response) =>
        [
          new URL(response.url()).pathname.split('/').pop()!,
          gzipSync(await response.body(), { level: 9 }).length,
        ] as const,
    ),
  );
  return new Map(entries);
}
