/**
 * The main job (`pnpm start`): builds the widgets and every site for this computer, starts the API
 * on its embedded database with the demo content, serves the hub and the microsites, and a demo
 * partner page on another origin that embeds the widgets by script tag. Ctrl-C stops it all; the
 * data stays in .data/ for the next start.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { build as buildWithVite } from 'vite';
import { requireFreePorts } from './ports.ts';
import { localSiteEnvironment, localSiteOrigins, serveSites } from './serve-sites.ts';
import { micrositeSlugs } from '../sites/integrations/microsites.ts';

const apiPort = Number(process.env.PORT ?? 8787);
const sitePort = Number(process.env.RALLY_SITES_PORT ?? 4321);
// The demo partner's origin is listed in rally.config.json, so the API accepts its submissions.
const partnerPort = 4400;
// Before the build, which takes a while: `pnpm dev`, or another `pnpm start`, may hold them.
await requireFreePorts([sitePort, apiPort, partnerPort], 'pnpm start');

// The sites are built for this computer: links and widgets point to local addresses.
Object.assign(process.env, localSiteEnvironment(sitePort, apiPort));

console.log('Building the widgets, the staff console and the sites…');
await buildWithVite({ configFile: 'packages/widgets/vite.config.ts', logLevel: 'warn' });
await buildWithVite({ configFile: 'packages/console/vite.config.ts', logLevel: 'warn' });
// Imported only now, so the sites' settings read the local addresses set above.
const { build } = await import('astro');
await build({ logLevel: 'warn' });

const api = spawn(process.execPath, ['packages/api/src/server.ts'], {
  env: {
    ...process.env,
    PORT: String(apiPort),
    // What staff publish from the console is built into the sites served below, those it shows on.
    RALLY_SITES_BUILD_COMMAND: `${process.execPath} scripts/build-sites.ts`,
    RALLY_ALLOWED_ORIGINS: [process.env.RALLY_ALLOWED_ORIGINS, ...localSiteOrigins(sitePort)]
      .filter(Boolean)
      .join(','),
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const apiExited = once(api, 'exit');
const sites = await serveSites(sitePort, { live: true });

const partnerPage = (await readFile('scripts/partner-demo/index.html', 'utf8'))
  .replaceAll('{{hub}}', `http://localhost:${sitePort}`)
  .replaceAll('{{api}}', `http://localhost:${apiPort}`)
  .replaceAll('{{louisiana}}', `http://louisiana.localhost:${sitePort}`);
const partnerCss = await readFile('scripts/partner-demo/partner.css');
const partner = createServer((request, response) => {
  if (request.url === '/partner.css') {
    response.writeHead(200, { 'Content-Type': 'text/css' }).end(partnerCss);
  } else {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(partnerPage);
  }
}).listen(partnerPort);

/**
 * Until the API answers its health check. A loop around `fetch` rather than wait-on or wait-port:
 * it also stops waiting the moment the API's process ends, which they cannot see.
 */
async function waitForApi(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null)
      throw new Error('The API stopped while starting; see its message above.');
    try {
      if ((await fetch(`http://127.0.0.1:${apiPort}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The API did not answer on port ${apiPort} within 30 seconds.`);
}

let stopping = false;

async function stop(code = 0): Promise<never> {
  // Once: Ctrl-C and a stop from outside can both arrive, and the first one ends the process.
  if (stopping) return new Promise<never>(() => {});
  stopping = true;
  sites.close();
  partner.close();
  if (api.exitCode === null) {
    api.kill('SIGTERM');
    await apiExited;
  }
  process.exit(code);
}

try {
  await waitForApi();
} catch (error) {
  console.error((error as Error).message);
  await stop(1);
}

const microsites = micrositeSlugs()
  .map((slug) => `  ${slug.padEnd(20)} http://${slug}.localhost:${sitePort}/`)
  .join('\n');
console.log(`
Rally is running:
  Hub                  http://localhost:${sitePort}/   (embed snippets at /embed/)
${microsites}
  Partner demo page    http://localhost:${partnerPort}/
  API                  http://localhost:${apiPort}/api/v1
  Staff console        http://localhost:${apiPort}/console/   (first invitation: pnpm staff invite <email> --role admin)
  Health               http://localhost:${apiPort}/healthz
Press Ctrl-C to stop.`);

process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
void apiExited.then(() => {
  if (stopping) return;
  console.error('The API stopped; stopping the sites too.');
  void stop(1);
});
