/**
 * `pnpm bench:lighthouse`: what a widget costs a partner's page on a cheap phone. Lighthouse's
 * mobile profile scores the same page without and with `<rally-petition>` in the same run, and the
 * same throttling (4× slower CPU, 150 ms round trips, 1.6 Mbps) times the widget until a person can
 * use it. Targets: widget usable ≤ 1.5 s; 0 performance points lost; no layout shift added.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumPath } from '../../scripts/chromium.ts';
import { median, runLighthouse, start } from './support.ts';

const ports = { site: 4529, pages: 4530, api: 4531 };
const origin = (port: number) => `http://127.0.0.1:${port}`;
const runs = Number(process.env.RALLY_BENCH_RUNS ?? 3);

// The partner's pages, on their own origin.
const pages = createServer((request, response) => {
  const name = (request.url ?? '/').split('?')[0]!.replace(/^\//, '');
  if (!/^(without-widget|with-widget)\.html$|^page\.css$/.test(name))
    return void response.writeHead(404).end();
  const body = readFileSync(new URL(`pages/${name}`, import.meta.url), 'utf8')
    .replaceAll('API_ORIGIN', origin(ports.api))
    .replaceAll('SITE_ORIGIN', origin(ports.site));
  response.writeHead(200, {
    'Content-Type': name.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8',
  });
  response.end(body);
});
await new Promise<void>((resolve) => pages.listen(ports.pages, '127.0.0.1', resolve));

const dataDir = mkdtempSync(join(tmpdir(), 'rally-lighthouse-'));
const api = await start(
  process.execPath,
  ['packages/api/src/server.ts'],
  {
    PORT: String(ports.api),
    RALLY_DATA_DIR: join(dataDir, 'db'),
    RALLY_ALLOWED_ORIGINS: origin(ports.pages),
    RALLY_ADMIN_TOKEN: 'lighthouse-benchmark-token-0123456789',
  },
  /Rally API:/,
);
// The widget bundle, from where every site serves it.
const site = await start(
  process.execPath,
  ['scripts/serve-sites.ts', '--port', String(ports.site)],
  {},
  /Sites on/,
);

interface Score {
  performance: number;
  lcp: number;
  tbt: number;
  cls: number;
}

async function score(url: string): Promise<Score> {
  const { audits, categories } = await runLighthouse(url, ['performance']);
  return {
    performance: Math.round((categories.performance!.score ?? 0) * 100),
    lcp: Math.round(audits['largest-contentful-paint']!.numericValue!),
    tbt: Math.round(audits['total-blocking-time']!.numericValue!),
    cls: Number(audits['cumulative-layout-shift']!.numericValue!.toFixed(3)),
  };
}

/** Milliseconds from navigation until the petition's form can be used, under mobile throttling. */
async function widgetUsable(): Promise<number> {
  const browser = await chromium.launch({ executablePath: chromiumPath() });
  try {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 }, isMobile: true });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${origin(ports.pages)}/with-widget.html`, { waitUntil: 'commit' });
    return await page
      .waitForFunction(
        () => {
          const button = document
            .querySelector('rally-petition')
            ?.shadowRoot?.querySelector('button[type="submit"]');
          return button && !(button as HTMLButtonElement).disabled ? performance.now() : 0;
        },
        undefined,
        { timeout: 20_000, polling: 16 },
      )
      .then((handle) => handle.jsonValue());
  } finally {
    await browser.close();
  }
}

try {
  const without: Score[] = [];
  const withWidget: Score[] = [];
  const usable: number[] = [];
  for (let run = 0; run < runs; run++) {
    without.push(await score(`${origin(ports.pages)}/without-widget.html`));
    withWidget.push(await score(`${origin(ports.pages)}/with-widget.html`));
    usable.push(await widgetUsable());
  }
  const row = (label: string, scores: Score[]) =>
    `| ${label} | ${median(scores.map((s) => s.performance))} | ${median(scores.map((s) => s.lcp))} | ${median(scores.map((s) => s.tbt))} | ${median(scores.map((s) => s.cls))} |`;
  console.log(`Lighthouse ${runs}× per page, mobile profile, medians:\n`);
  console.log('| page | performance | LCP ms | TBT ms | CLS |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(row('partner page without a widget (baseline)', without));
  console.log(row('the same page with <rally-petition>', withWidget));
  const cost =
    median(without.map((s) => s.performance)) - median(withWidget.map((s) => s.performance));
  const shift = median(withWidget.map((s) => s.cls)) - median(without.map((s) => s.cls));
  console.log(`\nPoints the widget costs: ${cost}; layout shift it adds: ${shift.toFixed(3)}`);
  console.log(
    `Widget usable (median of ${runs}, same throttling): ${Math.round(median(usable))} ms (target ≤ 1,500)`,
  );
} finally {
  api.kill('SIGTERM');
  site.kill('SIGTERM');
  pages.close();
  rmSync(dataDir, { recursive: true, force: true });
}
