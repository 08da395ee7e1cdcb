/**
 * `pnpm bench:lighthouse`: what a widget costs a partner's page on a cheap phone. Lighthouse's
 * mobile profile scores the same page without `<rally-petition>`, with it pasted bare, and with it
 * following the embedding guide (one CSS rule reserving its height), in the same run, and the
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

// The partner's pages, on their own origin. `?reserved` adds the embedding guide's one CSS rule.
const pages = createServer((request, response) => {
  const url = new URL(request.url ?? '/', origin(ports.pages));
  const name = url.pathname.slice(1);
  if (!/^(without-widget|with-widget)\.html$|^(page|reserve)\.css$/.test(name))
    return void response.writeHead(404).end();
  let body = readFileSync(new URL(`pages/${name}`, import.meta.url), 'utf8')
    .replaceAll('API_ORIGIN', origin(ports.api))
    .replaceAll('SITE_ORIGIN', origin(ports.site));
  if (url.searchParams.has('reserved')) {
    const stylesheet = '<link rel="stylesheet" href="/page.css" />';
    if (!body.includes(stylesheet)) throw new Error(`${name} has no ${stylesheet} to follow.`);
    body = body.replace(stylesheet, `${stylesheet}<link rel="stylesheet" href="/reserve.css" />`);
  }
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

interface Usable {
  /** From navigation until the petition's submit button is live. */
  usable: number;
  /** How long before the element's module arrived its data was asked for (negative: after). */
  dataHeadStart: number;
}

/** When the petition's form can be used, under mobile throttling, and what it waited for. */
async function widgetUsable(): Promise<Usable> {
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
    const usable = await page
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
    const timings = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => ({
        name: entry.name,
        startTime: entry.startTime,
        responseEnd: (entry as PerformanceResourceTiming).responseEnd,
      })),
    );
    const data = timings.find((entry) => entry.name.includes('/api/v1/petitions/'));
    const code = timings.find((entry) => entry.name.endsWith('/widgets/petition.js'));
    return { usable, dataHeadStart: code!.responseEnd - data!.startTime };
  } finally {
    await browser.close();
  }
}

try {
  const without: Score[] = [];
  const withWidget: Score[] = [];
  const reserved: Score[] = [];
  const usable: Usable[] = [];
  for (let run = 0; run < runs; run++) {
    without.push(await score(`${origin(ports.pages)}/without-widget.html`));
    withWidget.push(await score(`${origin(ports.pages)}/with-widget.html`));
    reserved.push(await score(`${origin(ports.pages)}/with-widget.html?reserved`));
    usable.push(await widgetUsable());
  }
  const row = (label: string, scores: Score[]) =>
    `| ${label} | ${median(scores.map((s) => s.performance))} | ${median(scores.map((s) => s.lcp))} | ${median(scores.map((s) => s.tbt))} | ${median(scores.map((s) => s.cls))} |`;
  console.log(`Lighthouse ${runs}× per page, mobile profile, medians:\n`);
  console.log('| page | performance | LCP ms | TBT ms | CLS |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(row('partner page without a widget (baseline)', without));
  console.log(row('the same page with <rally-petition> pasted bare', withWidget));
  console.log(row('with <rally-petition> and the guide’s CSS rule', reserved));
  const cost = (scores: Score[]) =>
    median(without.map((s) => s.performance)) - median(scores.map((s) => s.performance));
  const shift = (scores: Score[]) =>
    (median(scores.map((s) => s.cls)) - median(without.map((s) => s.cls))).toFixed(3);
  console.log(
    `\nPasted bare: the widget costs ${cost(withWidget)} points and adds a layout shift of ${shift(withWidget)}`,
  );
  console.log(
    `With the guide’s CSS rule: ${cost(reserved)} points and a layout shift of ${shift(reserved)} (targets 0 and 0)`,
  );
  const times = usable.map((run) => Math.round(run.usable));
  console.log(
    `Widget usable (median of ${runs}, same throttling): ${median(times)} ms (target ≤ 1,500; runs: ${times.join(', ')})`,
  );
  console.log(
    `Its data was asked for ${Math.round(median(usable.map((run) => run.dataHeadStart)))} ms before its module arrived (median; negative: after)`,
  );
} finally {
  api.kill('SIGTERM');
  site.kill('SIGTERM');
  pages.close();
  rmSync(dataDir, { recursive: true, force: true });
}
